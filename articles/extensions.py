"""Sections other apps add to journal pages, without the journal importing them.

The journal app must not depend on the knowledge base; the knowledge base registers
here (in its AppConfig.ready) what it shows on keyword and article pages. Each provider
takes the page's object and returns a dict with a `template` key, or None.
"""

keyword_page_sections = []
article_page_sections = []

# What else makes a keyword public when tagged with it, besides public articles
# (Keyword.objects.public()): callables returning a QuerySet of public objects.
public_tagged_content = []


def sections_for(providers, obj):
    """The sections the registered providers have for `obj`, in registration order."""
    return [section for provider in providers if (section := provider(obj))]


# Rows other apps show on the article page, read in the page's one statement on
# PostgreSQL (articles.article_data): {name: build}, where build(article_id) returns
# a QuerySet of one model's rows for the article (`article_id` may be an expression)
# in the order shown. The page's section provider finds them as model objects in
# `article.page_rows[name]`; where that is missing (SQLite, previews) it runs the
# query itself.
article_page_rows = {}


# Templates other apps add to the article page, rendered with the page's context: in
# its <head> (metadata tags for indexers) and at the end of its main part (how to cite).
article_head_templates = []
article_end_templates = []


# Admin actions other apps offer on the article and issue lists (e.g. Crossref export).
# Each is a plain admin action function with `short_description` (or @admin.action).
article_admin_actions = []
issue_admin_actions = []

# Inlines other apps add to the article form, after the journal's own (e.g. the
# knowledge-base entries that discuss the article).
article_admin_inlines = []


def add_actions(actions, model_admin, request, extra):
    """Merge `extra` action functions into a ModelAdmin.get_actions() result."""
    for func in extra:
        name = func.__name__
        description = getattr(func, "short_description", name.replace("_", " "))
        actions[name] = (func, name, description)
    return actions


# Parts of the role table (articles/roles.py) other apps add for their own models:
# each a dict {role: {app_label: {model_name: actions} or "__all__"}}.
role_permissions = []


# A callable returning a token that changes whenever content changes, in any worker of
# any server (ops wires the page cache's generation); the site context processor keeps
# the journal until it moves. None: nothing provides one, read the journal every time.
content_version = None

# What else every page's frame shows besides the journal record (the journal pages in
# the header and footer): callables returning a value with a stable repr that changes
# whenever that part of the frame would (articles.kept_pages.frame_version).
frame_parts = []
