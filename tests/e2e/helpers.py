"""Small page helpers shared by the browser tests."""

import re

from tests import builders

PASSWORD = "a-long-test-password-9"


def make_staff(username, role):
    """A staff user in the workflow group `role` who signs in with PASSWORD."""
    return builders.make_staff(role, username=username, password=PASSWORD)


def admin_login(page, user, lang="ru", shoot=None):
    """Sign in through the admin's own login form, as a person would."""
    page.goto(f"/{lang}/admin/")
    page.wait_for_url(re.compile(rf"/{lang}/admin/login/"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    if shoot:
        shoot(page, f"{user.username}-login")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(rf"/{lang}/admin/$"))


# Chromium's PDF viewer is an extension page; its toolbar knows how far the document
# has loaded and how many pages it has.
PDF_VIEWER_URL = "chrome-extension://"
PDF_LOADED = """() => {
    const viewer = document.querySelector("pdf-viewer");
    const toolbar = viewer && viewer.shadowRoot
        && viewer.shadowRoot.querySelector("viewer-toolbar");
    return toolbar && toolbar.loadProgress === 100 && toolbar.docLength > 0
        ? toolbar.docLength : null;
}"""


def wait_for_pdf_viewer(page):
    """Wait until the browser's PDF viewer has loaded the document; its page count."""
    frame = next((f for f in page.frames if f.url.startswith(PDF_VIEWER_URL)), None)
    if frame is None:
        # The sync API handles events only inside its calls, so none is missed here.
        frame = page.wait_for_event(
            "framenavigated", predicate=lambda f: f.url.startswith(PDF_VIEWER_URL)
        )
    return frame.wait_for_function(PDF_LOADED).json_value()


def select2_pick(page, select_id, query, option_text):
    """Type `query` into the select2 widget of <select id=select_id>, pick the option.

    Works for single and multiple autocompletes: the search box is in the dropdown of
    a single select and inside the selection box of a multiple one.
    """
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.press_sequentially(query, delay=20)
    option = page.locator(
        ".select2-container--open .select2-results__option:not(.loading-results)",
        has_text=option_text,
    )
    option.first.click()


def selected_texts(page, select_id):
    return page.eval_on_selector(
        f"#{select_id}", "el => Array.from(el.selectedOptions, o => o.text.trim())"
    )
