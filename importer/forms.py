"""The import page's two forms: upload a file, then confirm what to create.

Between the two steps nothing is saved. The extracted text travels in a signed,
compressed, size-limited hidden field (salted with the editor's id and valid for a
day); the confirmation parses it again on the server, so the client never supplies
parse results, and nothing is stored for a preview that is never confirmed.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Article, Authorship, Contributor, Issue, Section

from .extract import ALLOWED_SUFFIXES, ExtractionError, check_size, extract_text
from .services import can_update

SIGNING_NAMESPACE = "importer.preview"
TOKEN_MAX_AGE = 24 * 60 * 60
DEFAULT_TOKEN_MAX_CHARS = 2_000_000  # below Django's 2.5 MB limit on a POST body
AUTHOR_ROWS = 4


def token_max_chars():
    return getattr(settings, "IMPORTER_MAX_TOKEN_CHARS", DEFAULT_TOKEN_MAX_CHARS)


@dataclass(frozen=True)
class Upload:
    """What the preview carries to the confirmation: the file's name and text."""

    name: str
    format: str
    text: str


def make_token(upload, user):
    token = signing.dumps(
        {"n": upload.name, "f": upload.format, "t": upload.text},
        salt=f"{SIGNING_NAMESPACE}:{user.pk}",
        compress=True,
    )
    if len(token) > token_max_chars():
        raise ExtractionError(_("The text is too long to be one article."))
    return token


def read_token(token, user):
    """The Upload a preview signed for `user`, or ValidationError if it is not one."""
    if not token or len(token) > token_max_chars():
        raise ValidationError(_("The preview has expired; upload the file again."))
    try:
        data = signing.loads(
            token, salt=f"{SIGNING_NAMESPACE}:{user.pk}", max_age=TOKEN_MAX_AGE
        )
    except signing.BadSignature as exc:
        raise ValidationError(
            _("The preview has expired; upload the file again.")
        ) from exc
    return Upload(data["n"], data["f"], data["t"])


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Manuscript file"),
        help_text=gettext_lazy(
            "A .txt, .docx or .pdf file with a text layer. Nothing is saved until you "
            "confirm on the next page."
        ),
        error_messages={"empty": gettext_lazy("The file is empty.")},
        widget=forms.FileInput(attrs={"accept": ",".join(ALLOWED_SUFFIXES)}),
    )

    def __init__(self, *args, too_large=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.upload = None

    def clean_file(self):
        file = self.cleaned_data["file"]
        name = PurePosixPath(file.name or "").name
        if not name.lower().endswith(ALLOWED_SUFFIXES):
            raise ValidationError(_("Upload a .txt, .docx or .pdf file."))
        try:
            check_size(file.size)  # before a single byte is read
            extracted = extract_text(file.read())
        except ExtractionError as exc:
            raise ValidationError(str(exc)) from exc
        self.upload = Upload(name, extracted.format, extracted.text)
        return file

    def full_clean(self):
        super().full_clean()
        if self.too_large is not None and self.is_bound:
            # The upload handler dropped the file past the limit; say why.
            self._errors.pop("file", None)
            try:
                check_size(self.too_large)
            except ExtractionError as exc:
                self.add_error("file", str(exc))


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    issue = forms.ModelChoiceField(
        queryset=Issue.objects.select_related("journal"),
        required=False,
        label=gettext_lazy("Issue"),
        help_text=gettext_lazy("Leave empty while the article is not scheduled."),
        widget=AutocompleteSelect(Article._meta.get_field("issue"), admin.site),
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(),
        required=False,
        label=gettext_lazy("Section"),
        widget=AutocompleteSelect(Article._meta.get_field("section"), admin.site),
    )
    duplicate = forms.ChoiceField(
        label=gettext_lazy("This manuscript was imported before"),
        widget=forms.RadioSelect,
        choices=[
            ("update", gettext_lazy("Update the existing draft")),
            ("new", gettext_lazy("Create a new article anyway")),
        ],
    )

    def __init__(self, *args, user, previous=None, matched_authors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.previous = previous
        self.matched_authors = list(matched_authors)
        self.fields["token"].max_length = token_max_chars()
        if previous is None:
            del self.fields["duplicate"]
        elif not can_update(previous.article, user):
            field = self.fields["duplicate"]
            field.choices = [c for c in field.choices if c[0] == "new"]
            field.help_text = _(
                "The earlier article is no longer a draft, so it cannot be updated."
            )
        self.authors = AuthorFormSet(
            self.data if self.is_bound else None,
            prefix="authors",
            initial=self._initial_authors(),
        )

    def _initial_authors(self):
        if self.is_bound:
            return None
        if self.previous is None:
            return [{"contributor": c.pk} for c in self.matched_authors] or None
        return [
            {"contributor": a.contributor_id, "corresponding": a.corresponding}
            for a in self.previous.article.authorships.order_by("order", "id")
        ]

    def clean_token(self):
        return read_token(self.cleaned_data["token"], self.user)

    def is_valid(self):
        return super().is_valid() & self.authors.is_valid()

    def chosen_authors(self):
        """(contributor, corresponding) in byline order."""
        return [
            (form.cleaned_data["contributor"], form.cleaned_data["corresponding"])
            for form in self.authors.forms
            if form.cleaned_data.get("contributor")
        ]

    def update_target(self):
        """The draft to refresh, or None to create a new article."""
        if self.previous is not None and self.cleaned_data["duplicate"] == "update":
            return self.previous.article
        return None

    @property
    def media(self):
        return super().media + self.authors.media


class AuthorForm(forms.Form):
    contributor = forms.ModelChoiceField(
        queryset=Contributor.objects.all(),
        required=False,
        label=gettext_lazy("Author"),
        widget=AutocompleteSelect(
            Authorship._meta.get_field("contributor"), admin.site
        ),
    )
    corresponding = forms.BooleanField(
        required=False, label=gettext_lazy("Corresponding author")
    )


class BaseAuthorFormSet(forms.BaseFormSet):
    def clean(self):
        chosen = [
            form.cleaned_data.get("contributor")
            for form in self.forms
            if form.cleaned_data.get("contributor")
        ]
        if len(chosen) != len(set(chosen)):
            raise ValidationError(_("The same author is chosen twice."))


AuthorFormSet = forms.formset_factory(
    AuthorForm, formset=BaseAuthorFormSet, extra=AUTHOR_ROWS, max_num=30
)
