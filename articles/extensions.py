"""Sections other apps add to journal pages, without the journal importing them.

The journal app must not depend on the knowledge base; the knowledge base registers
here (in its AppConfig.ready) what it shows on keyword and article pages. Each provider
takes the page's object and returns a dict with a `template` key, or None.
"""

keyword_page_sections = []
article_page_sections = []


def sections_for(providers, obj):
    """The sections the registered providers have for `obj`, in registration order."""
    return [section for provider in providers if (section := provider(obj))]
