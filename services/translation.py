"""Content fields translated with django-modeltranslation (Indonesian fields end in ``_ind``)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from services.models import ContactChannel, Language, Population, Service, ServiceCategory


@register(ServiceCategory)
class ServiceCategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description", "search_terms")


@register(Population)
class PopulationTranslationOptions(TranslationOptions):
    fields = ("name", "search_terms")


@register(Language)
class LanguageTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Service)
class ServiceTranslationOptions(TranslationOptions):
    fields = ("name", "description", "eligibility", "how_to_access", "closure_note")


@register(ContactChannel)
class ContactChannelTranslationOptions(TranslationOptions):
    fields = ("hours",)


# History after modeltranslation's registration above (see members/translation.py).
simple_history.register(Service)
simple_history.register(ContactChannel)
simple_history.register(ServiceCategory, excluded_fields=["seeded_search_terms"])
simple_history.register(Population, excluded_fields=["seeded_search_terms"])
