"""Content fields translated with django-modeltranslation (Indonesian fields end in ``_ind``)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from members.models import City, Country, Helpline, Location, Organisation, ProposedChange


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name", "emergency_note")


@register(Helpline)
class HelplineTranslationOptions(TranslationOptions):
    fields = ("name", "hours")


@register(City)
class CityTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")


@register(Location)
class LocationTranslationOptions(TranslationOptions):
    fields = ("name", "hours_note", "accessibility_notes", "closure_note")


# History comes after modeltranslation's registration above, so the historical models copy the translated fields
# (name_es, name_en...) and saving a translated model records them.
simple_history.register(Organisation)
simple_history.register(Location)
# Each version of a proposed change while it waits, and its end (approved, rejected, withdrawn).
simple_history.register(ProposedChange)
