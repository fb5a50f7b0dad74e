from modeltranslation.translator import TranslationOptions, register

from .models import (
    Article,
    ArticleSection,
    Contributor,
    Issue,
    Journal,
    Keyword,
    Section,
)


@register(Journal)
class JournalTranslation(TranslationOptions):
    fields = ("name", "abbreviation", "description", "publisher")
    required_languages = ()


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Keyword)
class KeywordTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()
    empty_values = None


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "subtitle", "abstract")
    required_languages = ()


@register(ArticleSection)
class ArticleSectionTranslation(TranslationOptions):
    fields = ("heading", "text")
    required_languages = ()


@register(Contributor)
class ContributorTranslation(TranslationOptions):
    fields = ("last_name", "first_name", "patronymic", "affiliation")
    required_languages = ()
