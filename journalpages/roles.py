"""The journal pages' part of the role table (articles/roles.py merges it).

Only managing editors and site administrators change the journal's own pages and its
editorial board: they speak for the journal (`manage_journal_pages` in
articles/roles.py). Other roles cannot open them in the admin.
"""

from articles.workflow import Role

ROLE_PERMISSIONS = {
    Role.MANAGING_EDITOR: {"journalpages": "__all__"},
    Role.SITE_ADMIN: {"journalpages": "__all__"},
}
