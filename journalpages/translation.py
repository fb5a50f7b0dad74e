from modeltranslation.translator import TranslationOptions, register

from .models import BoardMember, Page


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ()


@register(BoardMember)
class BoardMemberTranslation(TranslationOptions):
    fields = ("name", "role", "affiliation")
    required_languages = ()
