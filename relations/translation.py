from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, Country, Domain, Event, Indicator, Organization, Person


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Domain)
class DomainTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ()


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("acronym", "name", "description")
    required_languages = ()


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "office")
    required_languages = ()


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description", "place")
    required_languages = ()


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "summary", "place")
    required_languages = ()


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit", "description")
    required_languages = ()
