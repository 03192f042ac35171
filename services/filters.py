"""The directory's search parameters, shared by the HTML pages and the API.

Every parameter is optional and forgiving: a value that cannot be used (an unknown id, text in a number, a
latitude of 500, a huge string) is left out of the search and explained in ``ServiceFilter.notes``; the rest of
the search still runs. Nothing here reads a location's raw address or point.
"""

import copy
import functools
from dataclasses import dataclass

import django_filters
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from members.models import City, Country
from rssn.languages import page_language
from services import cache as directory_cache
from services.models import Language, Population, Service, ServiceCategory, ServiceSearchDocument
from services.search import (
    MESSAGE_FACET,
    NO_DOCUMENTS_FACET,
    NO_REFERRAL_FACET,
    WALK_IN_FACET,
    WHEELCHAIR_FACET,
    facet,
    filters_said,
    language_named,
    place_named,
    population_named,
    says_cost_only,
    sort_name_field,
    typed,
    without,
)

MAX_TEXT_LENGTH = 200
RADIUS_DEFAULT_KM = 25
RADIUS_MIN_KM = 5
RADIUS_MAX_KM = 200
# About 1 km: a place given by the browser is never used more precisely than this.
COORDINATE_DECIMALS = 2
# Parameters that describe the place searched near; removed together.
PLACE_PARAMETERS = ("near", "lat", "lon", "radius", "near_me")


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("Relevance")
    DISTANCE = "distance", _("Distance")
    NAME = "name", _("Name")


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    BY_PHONE = "by_phone", _("By phone")
    ONLINE = "online", _("Online or messaging")
    OUTREACH = "outreach", _("Outreach (mobile team)")


@dataclass(frozen=True)
class Place:
    """Where to search near: a city of the directory or the browser's rounded location."""

    latitude: float
    longitude: float
    radius_km: int
    city: City | None
    country: Country | None


def main_categories():
    return ServiceCategory.objects.filter(parent__isnull=True)


class QuickSelect(forms.Select):
    """A select rendered in Python, with the markup of Django's template: the search form's place choices are 128
    cities twice, and rendering each option through a template was most of a results page's time."""

    rendered: dict = {}  # per process: the choices are reference data, so the version of services.cache is in the key

    def render(self, name, value, attrs=None, renderer=None):
        key = (
            directory_cache.version(),
            get_language(),
            name,
            str(value),
            tuple(sorted((attrs or {}).items())),
            tuple(sorted(self.attrs.items())),
        )
        html = self.rendered.get(key)
        if html is None:
            if len(self.rendered) > 5000:
                self.rendered.clear()
            html = self.rendered[key] = self._render(name, value, attrs)
        return html

    def _render(self, name, value, attrs):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            parts += [
                format_html(
                    '<option value="{}"{}>{}</option>', option["value"], flatatt(option["attrs"]), option["label"]
                )
                for option in options
            ]
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        # Every part is built by format_html (or is a literal closing tag), so the joined text is safe.
        return mark_safe("\n".join(parts))  # noqa: S308  # nosec B308 B703


class TruncatedCharField(forms.CharField):
    """Keeps the first ``MAX_TEXT_LENGTH`` characters of a long text instead of refusing it."""

    def to_python(self, value):
        value = super().to_python(value)
        self.truncated = len(value) > MAX_TEXT_LENGTH
        return value[:MAX_TEXT_LENGTH]


class RoundedCoordinateField(forms.FloatField):
    def to_python(self, value):
        value = super().to_python(value)
        return None if value is None else round(value, COORDINATE_DECIMALS)


class CoordinateFilter(django_filters.NumberFilter):
    field_class = RoundedCoordinateField


class WholeNumberFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class CachedChoiceIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for instance in self.field.cached():
            yield self.choice(instance)

    def __len__(self):
        return len(self.field.cached()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.cached())


class CachedChoicesMixin:
    """A model choice field whose choices come from ``cached`` (a function returning cached instances, see
    ``services.cache``) instead of a query, both to render and to check a value: the search form has six of them,
    one query each otherwise. Without ``cached`` it behaves as the plain field."""

    def __init__(self, *args, cached=None, **kwargs):
        self.cached = cached
        super().__init__(*args, **kwargs)

    def _get_choices(self):
        if self.cached is None:
            return super()._get_choices()
        return CachedChoiceIterator(self)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)

    def __deepcopy__(self, memo):
        """The field's copy for one form (Django copies each field for every form). With ``cached``, its queryset is
        never read (the choices and the values checked come from ``cached``): the copy shares it, where Django's
        model choice field cloned it twice for every form, and gets choices of its own."""
        if self.cached is None:
            return super().__deepcopy__(memo)
        copied = forms.Field.__deepcopy__(self, memo)
        copied.widget.choices = copied.choices
        return copied

    def cached_instance(self, value):
        key = self.to_field_name or "pk"
        return next((item for item in self.cached() if str(getattr(item, key)) == str(value)), None)

    def to_python(self, value):
        if self.cached is None or value in self.empty_values:
            return super().to_python(value)
        if isinstance(value, self.queryset.model):
            value = getattr(value, self.to_field_name or "pk")
        instance = self.cached_instance(value)
        if instance is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return instance


class CachedModelChoiceField(CachedChoicesMixin, forms.ModelChoiceField):
    pass


class CachedModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = CachedModelChoiceField


class CodeChoiceField(CachedChoicesMixin, forms.ModelChoiceField):
    """A choice by ISO code, whatever its case (``co`` finds Colombia; ``ES`` finds Spanish)."""

    def __init__(self, *args, upper=False, **kwargs):
        self.upper = upper
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()[:10]
            value = value.upper() if self.upper else value.lower()
        return super().to_python(value)


class CodeChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = CodeChoiceField


class TextFilter(django_filters.CharFilter):
    field_class = TruncatedCharField


class CheckboxFilter(django_filters.Filter):
    """A ticked checkbox ("on", "1", "true") turns the filter on; anything else leaves it off."""

    field_class = forms.BooleanField


class LenientModelMultipleChoiceField(CachedChoicesMixin, forms.ModelMultipleChoiceField):
    """Keeps the known values of a multiple choice and remembers the unknown ones, instead of refusing all."""

    def clean(self, value):
        values = [str(item)[:80] for item in (value or []) if str(item).strip()][:20]
        if self.cached is not None:
            key = self.to_field_name or "pk"
            known = [item for item in self.cached() if str(getattr(item, key)) in values]
        else:
            known = list(self.queryset.filter(**{f"{self.to_field_name or 'pk'}__in": values}))
        known_keys = {str(getattr(item, self.to_field_name or "pk")) for item in known}
        self.unknown = [item for item in values if item not in known_keys]
        return known


class LenientModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LenientModelMultipleChoiceField


class ServiceFilter(django_filters.FilterSet):
    q = TextFilter(label=_("What help do you need?"), method="filter_text")
    country = CodeChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.all(),
        to_field_name="code",
        upper=True,
        empty_label=_("All countries"),
        method="filter_country",
        widget=QuickSelect,
        cached=directory_cache.countries,
    )
    city = CachedModelChoiceFilter(
        label=_("City"),
        queryset=directory_cache.cities_with_services_queryset(),
        empty_label=_("All cities"),
        method="filter_city",
        widget=QuickSelect,
        cached=directory_cache.cities_with_services,
    )
    category = LenientModelMultipleChoiceFilter(
        label=_("Type of help"),
        queryset=ServiceCategory.objects.select_related("parent"),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
        method="filter_categories",
        cached=directory_cache.categories,
    )
    population = CachedModelChoiceFilter(
        label=_("For"),
        queryset=Population.objects.all(),
        to_field_name="code",
        empty_label=_("Everyone"),
        method="filter_population",
        widget=QuickSelect,
        cached=directory_cache.populations,
    )
    language = CodeChoiceFilter(
        label=_("Language spoken"),
        queryset=Language.objects.all(),
        to_field_name="code",
        empty_label=_("Any language"),
        method="filter_language",
        widget=QuickSelect,
        cached=directory_cache.languages,
    )
    mode = django_filters.ChoiceFilter(
        label=_("How it is given"),
        choices=DeliveryMode.choices,
        empty_label=_("Any way"),
        method="filter_mode",
        widget=QuickSelect,
    )
    # Phone and online services of organisations working in a country: where the short list of them under the
    # results near a place links to (``remote_query``). Kept through the form as a hidden field.
    reaches = CodeChoiceFilter(
        label=_("By phone or online in"),
        queryset=Country.objects.all(),
        to_field_name="code",
        upper=True,
        method="filter_reaches",
        widget=forms.HiddenInput,
        cached=directory_cache.countries,
    )
    free = CheckboxFilter(label=_("Free only"), method="filter_free")
    open_now = CheckboxFilter(label=_("Open now"), method="filter_open_now")
    open_24_7 = CheckboxFilter(label=_("Open 24 hours, 7 days"), method="filter_open_24_7")
    places = CheckboxFilter(label=_("With places available now"), method="filter_places")
    message = CheckboxFilter(label=_("Reachable by message"), method="filter_message")
    # What it takes to get in: only what the member said counts (a service that has not said is not found).
    no_documents = CheckboxFilter(label=_("No documents needed"), method="filter_access")
    no_referral = CheckboxFilter(label=_("No referral needed"), method="filter_access")
    walk_in = CheckboxFilter(label=_("Walk in, no appointment"), method="filter_access")
    wheelchair = CheckboxFilter(label=_("Wheelchair access"), method="filter_access")
    # The place is applied in ``filter_queryset`` because its parts work together.
    near = CachedModelChoiceFilter(
        label=_("Near"),
        queryset=directory_cache.cities_with_services_queryset(),
        empty_label=_("Anywhere"),
        method="keep",
        widget=QuickSelect,
        cached=directory_cache.cities_with_services,
    )
    lat = CoordinateFilter(
        label=_("Latitude"),
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        widget=forms.HiddenInput,
        method="keep",
    )
    lon = CoordinateFilter(
        label=_("Longitude"),
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        widget=forms.HiddenInput,
        method="keep",
    )
    radius = WholeNumberFilter(
        label=_("Within (km)"),
        min_value=RADIUS_MIN_KM,
        max_value=RADIUS_MAX_KM,
        method="keep",
    )
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=Sort.choices, empty_label=None, method="keep")

    class Meta:
        model = Service
        fields = []

    def __init__(self, data=None, queryset=None, *, filters_said=True, **kwargs):
        if queryset is None:
            queryset = Service.objects.public()
        data = data if data is not None else QueryDict()
        # What the words said of the filters, when the search applies it (``with_filters_said``): the words as typed,
        # and for each filter what said it ("population": the group named, "free": the words).
        self.typed_text, self.said = "", {}
        self._understood_rest = ("", None)
        if filters_said:
            data = self.with_filters_said(data, queryset)
        super().__init__(data, queryset, **kwargs)
        # The last text searched and what it was understood to mean (``filter_text``).
        self._understood = self._understood_rest
        # Whether a kept answer answered the search (``answered``): its queryset is then never built.
        self._answered = False

    def with_filters_said(self, data, queryset):
        """``data`` with the filters its words say, unless the person set that filter or asked for the words as typed:
        the language the help must be given in ("atención en quechua", "lawyer who speaks Portuguese") and the group
        of people they name ("gay", "mujer trans"), each as its filter shows them (``with_named``); free services
        only, open now, open 24 hours, 7 days, walk in, or with wheelchair access, when they say so ("abogada gratis",
        "shelter open now", "línea 24 horas", "sin cita", "silla de ruedas": ``services.search.filters_said``), unless
        no service found is so, or the words are not found together (their services with the most of them come first:
        "cmr services 24/7" finds the care after rape first, none of which is open 24 hours); and a city or a country
        they name ("abogada en Lima", "shelter in Indonesia", "refugio bogota"), unless the person chose a place or
        another country (``with_place``)."""
        text = str(data.get("q") or "")[:MAX_TEXT_LENGTH]
        if not text.strip() or str(data.get("as_typed", "")) == "1":
            return data
        language = page_language()
        # The words that say walk in or wheelchair access, or no paying, are left out of the words searched first (no
        # listing is to be found by them; "cita" would find those "con cita previa", "sem pagar" legal aid for wages
        # not paid): every check below then reads what the rest means once (``_probe``). The others stay: stop
        # words, or words of the types of help ("24", "albergue abierto") and of the listings' names ("Orientación
        # jurídica gratuita").
        filters = {name: found for name, found in filters_said(text).items() if not data.get(name)}
        rest = without(
            text,
            [found for name, found in filters.items() if name in LEFT_OUT_WHEN_SAID or says_cost_only(text, found)],
        )
        place = None if _place_chosen(data) else place_named(rest, language)
        if place is not None and data.get("country") and str(data["country"]).upper() != place.country.code:
            place = None
        rest = place.rest if place is not None else rest
        spoken = None if data.get("language") else language_named(rest, language)
        chosen_group = bool(data.get("population"))
        named = None if chosen_group else population_named(spoken.rest if spoken else rest, language)
        if not filters and spoken is None and named is None and place is None:
            return data
        asked = _copied(data if isinstance(data, QueryDict) else _query_dict(data))
        asked.pop("page", None)
        asked["q"] = rest
        said = {}
        if spoken is not None and named is not None:
            # A language and a group: together first, what the rest of the words mean worked out once.
            both = _copied(asked)
            both["language"], both["population"] = spoken.language.code, named.population.code
            both["q"] = named.rest
            if not named.rest.strip() or self._found_together(both, queryset):
                asked, said = both, {"language": spoken, "population": named}
        if not said:
            if spoken is not None:
                with_language = self.with_named(asked, "language", spoken.language.code, spoken.rest, queryset)
                if with_language is not None:
                    asked, said["language"] = with_language, spoken
                # The group is named in what is left of the words.
                named = None if chosen_group else population_named(asked["q"], language)
            if named is not None:
                with_group = self.with_named(asked, "population", named.population.code, named.rest, queryset)
                if with_group is not None:
                    asked, said["population"] = with_group, named
        for name, found in filters.items():
            trial = _copied(asked)
            trial[name] = "on"
            if self._found_together(trial, queryset):
                asked, said[name] = trial, typed(text, found)
        with_place = self.with_place(asked, place, queryset) if place is not None else None
        if with_place is not None:
            asked, said["place"] = with_place
        elif place is not None:
            asked["q"] = f"{asked['q']} {place.said}".strip()  # searched with the rest of the words
        if not said:
            return data
        if "page" in data:
            asked.setlist("page", data.getlist("page") if isinstance(data, QueryDict) else [data["page"]])
        self.typed_text, self.said = text, said
        return asked

    def with_named(self, asked, name: str, value: str, rest: str, queryset):
        """``asked`` with the filter ``name`` set to ``value`` (the language or the group of people the words name:
        ``services.search.language_named``, ``population_named``), and ``rest``, the rest of the words, searched among
        its services; or without them when they find nothing anywhere ("trans woman attacked need help"). None when
        none of its services has every one of the rest of the words: the words are then searched as typed ("abogada
        para mujer trans" where no lawyer is for LGBTIQ+ people finds lawyers, not nothing)."""
        asked = _copied(asked)
        asked[name] = value
        asked["q"] = rest
        if not rest.strip() or self._found_together(asked, queryset):
            return asked
        anywhere = _copied(asked)
        anywhere.pop(name)
        if self._probe(anywhere, queryset).qs.exists():
            return None
        asked["q"] = ""
        return asked

    def with_place(self, asked, place, queryset) -> tuple | None:
        """``asked`` with the place its words named (``services.search.place_named``), and what the page says of it: a
        city's services near it, as the filter "Near" shows them (within its radius; the phone and online services of
        its country beside them), when some there have every one of the rest of the words; otherwise the country's
        services, when some there have them (a country named, or a city where no public service is: those alone).
        None when none has them there: the words are then searched as typed, and the place's name finds the services
        it names ("refugio en Caracas" where no shelter is in Venezuela finds the shelters elsewhere, not nothing)."""
        in_country = _copied(asked)
        in_country["country"] = place.country.code
        if place.city is not None:
            near = _copied(asked)
            near.pop("country", None)
            near["near"] = str(place.city.pk)
            if not near.get("sort"):
                # The words first, then the distance: a name typed whole with its city ("Casa del Migrante Tijuana")
                # before a closer service that merely has a word.
                near["sort"] = Sort.RELEVANCE
            if self._found_together(near, queryset):
                return near, PlaceSaid(place, place.city, None)
        if self._found_together(in_country, queryset):
            return in_country, PlaceSaid(place, None, place.country)
        return None

    def _found_together(self, asked, queryset) -> bool:
        """Whether the search of ``asked`` finds services with every one of its words (``_probe``)."""
        probe = self._probe(asked, queryset)
        understood = probe._understood[1]
        return (understood is None or not understood.partial) and probe.qs.exists()

    def _probe(self, asked, queryset) -> "ServiceFilter":
        """The search of ``asked`` as it would be, to see what it finds. What its words mean is worked out against
        every public service (``understanding``), whatever the filters: it is worked out once, and kept for the
        search."""
        probe = ServiceFilter(asked, queryset, filters_said=False)
        text = probe._cleaned("q") or ""
        if self._understood_rest[0] != text or self._understood_rest[1] is None:
            self._understood_rest = (text, probe.understanding(text) if text.strip() else None)
        probe._understood = self._understood_rest
        return probe

    @functools.cached_property
    def index(self):
        """The public search documents, which the filters run on; ``queryset`` (the services to show) is read only
        for the page's rows (``ServiceQuerySet.from_index``). Made when first asked: a kept answer never asks."""
        return ServiceSearchDocument.objects.public()

    @property
    def qs(self):
        """The services found, in order: ``queryset`` chosen and ordered by the search over the documents."""
        if not hasattr(self, "_qs"):
            self.is_valid()  # validate first: a value that cannot be used is left out
            self._qs = self.queryset.from_index(self.filter_queryset(self.index))
        return self._qs

    # Filters -----------------------------------------------------------------------------------------------------

    def keep(self, queryset, name, value):
        return queryset

    def filter_text(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.search(value, understanding=self.understanding(value))

    def understanding(self, value: str):
        """What ``value`` asks for, checked against the public index (``services.search.understand``):
        worked out once for the results and the phone and online list beside them (``remote_queryset``). Typos are
        corrected unless the person asked for the words as typed (``as_typed``)."""
        from services.search import query_words, stop_words, understand

        if self._understood[0] != value or self._understood[1] is None:
            language = page_language()
            words = query_words(value, stop_words(language))
            understood = understand(words, language, self.index, correct=not self.as_typed) if words else None
            self._understood = (value, understood)
        return self._understood[1]

    @property
    def as_typed(self) -> bool:
        """``?as_typed=1``: search the words as typed, without correcting them ("Search instead for ...")."""
        return str(self.data.get("as_typed", "")) == "1"

    @property
    def understood(self):
        """What the text searched was understood to mean (``services.search.Understanding``), or None."""
        if not self._answered:
            self.qs  # noqa: B018 - the search decides it
        return self._understood[1] if self.text and self._understood[0] else None

    def answered(self, understood) -> None:
        """The search was answered by a kept answer (``services.search.search``), its words understood as
        ``understood`` (its corrections alone)."""
        self._answered = True
        self._understood = (self.text, understood)

    @functools.cached_property
    def asked_at(self):
        """The moment this search asks about: open now is decided at it, and its answer kept for its minute
        (``kept_answer_parts``)."""
        return timezone.now()

    def kept_answer_parts(self) -> tuple | None:
        """What decides this search's answer besides the page, as plain values (``services.search.search`` keeps the
        answer under a keyed hash of them), or None when its answer is never kept: near the browser's own location
        (a place, not a choice among the directory's cities), with places available now (said to the second), or
        when the words said a filter (the page says which words, and links to them as typed). Open now is decided per
        minute."""
        self.is_valid()
        cleaned = self.form.cleaned_data
        if cleaned.get("lat") is not None or cleaned.get("lon") is not None or cleaned.get("places"):
            return None
        if self.said:
            return None
        values = []
        for name in sorted(cleaned):
            value = cleaned[name]
            if isinstance(value, models.Model):
                value = value.pk
            elif isinstance(value, list | tuple):
                value = tuple(item.pk if isinstance(item, models.Model) else item for item in value)
            values.append((name, value))
        moment = self.asked_at.replace(second=0, microsecond=0) if cleaned.get("open_now") else None
        return (page_language(), tuple(values), self.as_typed, self.sort_order, self.radius_km, moment)

    @property
    def corrected_text(self) -> str:
        """The text searched instead of the one typed, when a word was corrected; empty otherwise."""
        from services.search import corrected_text

        understood = self.understood
        if understood is None or not understood.corrections:
            return ""
        return corrected_text(self.text, understood.corrections)

    @property
    def word_notes(self) -> list[str]:
        """What the search did with words it could not use: words found nowhere, no service with every word."""
        understood = self.understood
        if understood is None:
            return []
        notes = []
        if understood.missing:
            notes.append(
                gettext("Not every word was found: we left out “%(words)s”.")
                % {"words": " ".join(understood.missing)[:200]}
            )
        if understood.partial:
            notes.append(gettext("No service has every word you searched for: those with the most of them come first."))
        return notes

    @property
    def said_notes(self) -> list[str]:
        """What the page says of the filters the words said (``with_filters_said``), without its link."""
        notes = []
        spoken = self.said.get("language")
        if spoken is not None:
            notes.append(
                gettext("Showing services given in %(language)s, as your search said “%(said)s”.")
                % {"language": spoken.language.name, "said": spoken.said[:200]}
            )
        named = self.said.get("population")
        if named is not None:
            notes.append(
                gettext("Showing services for %(population)s, as your search said “%(said)s”.")
                % {"population": _lower_first(named.population.name), "said": named.said[:200]}
            )
        for name, note in SAID_NOTES.items():
            if name in self.said:
                notes.append(note % {"said": self.said[name][:200]})
        place = self.said.get("place")
        if place is not None:
            said = place.named.said[:200]
            if place.city is not None:
                notes.append(
                    gettext("Showing services near %(place)s, as your search said “%(said)s”.")
                    % {"place": place.city.name, "said": said}
                )
            elif place.named.city is not None:
                notes.append(
                    gettext(
                        "Nothing was found near %(place)s: showing services in %(country)s, as your search said "
                        "“%(said)s”."
                    )
                    % {"place": place.named.city.name, "country": place.country.name, "said": said}
                )
            else:
                notes.append(
                    gettext("Showing services in %(country)s, as your search said “%(said)s”.")
                    % {"country": place.country.name, "said": said}
                )
        return notes

    @property
    def text_notes(self) -> list[str]:
        """``word_notes``, after the correction if a word was corrected, in plain words (the API's notes; the pages
        show the correction with links)."""
        notes = list(self.said_notes)
        if self.corrected_text:
            notes.append(
                gettext("Showing results for “%(corrected)s”. Nothing was found for “%(typed)s”.")
                % {"corrected": self.corrected_text[:200], "typed": self.text[:200]}
            )
        return notes + self.word_notes

    def filter_country(self, queryset, name, value):
        return queryset.in_country(value)

    def filter_city(self, queryset, name, value):
        return queryset.in_city(value)

    def filter_categories(self, queryset, name, value):
        return queryset.in_categories(value) if value else queryset

    def filter_population(self, queryset, name, value):
        return queryset.for_population(value)

    def filter_language(self, queryset, name, value):
        return queryset.speaking(value)

    def filter_mode(self, queryset, name, value):
        return queryset.given(value) if value in DeliveryMode.values else queryset

    def filter_reaches(self, queryset, name, value):
        return queryset.remote(value)

    def filter_free(self, queryset, name, value):
        return queryset.free() if value else queryset

    def filter_open_now(self, queryset, name, value):
        return queryset.open_at(self.asked_at) if value else queryset

    def filter_places(self, queryset, name, value):
        return queryset.places_available_at(timezone.now()) if value else queryset

    def filter_open_24_7(self, queryset, name, value):
        return queryset.open_all_hours() if value else queryset

    def filter_message(self, queryset, name, value):
        return queryset.with_facets(facet(*MESSAGE_FACET)) if value else queryset

    def filter_access(self, queryset, name, value):
        return queryset.with_facets(facet(*ACCESS_FACETS[name])) if value else queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        place = self.place
        if place is not None:
            queryset = queryset.near(place.latitude, place.longitude, place.radius_km)
        return queryset.order_by(*self.ordering)

    # What was asked ----------------------------------------------------------------------------------------------

    @classmethod
    def _form_class(cls, make):
        """The form's class, made once per process: its fields come from the filters' declarations alone, and each
        form copies them (django-filters made a class, and a field per filter, for every request), shallowly
        (``CopiedFields``)."""
        if "_made_form_class" not in cls.__dict__:
            form_class = make()
            form_class.base_fields = CopiedFields(form_class.base_fields)
            cls._made_form_class = form_class
        return cls._made_form_class

    def get_form_class(self):
        return self._form_class(super().get_form_class)

    @property
    def form(self):
        form = super().form
        form.label_suffix = ""
        return form

    def _cleaned(self, name):
        self.is_valid()
        return self.form.cleaned_data.get(name)

    @property
    def text(self) -> str:
        return (self._cleaned("q") or "").strip()

    @property
    def radius_km(self) -> int:
        return self._cleaned("radius") or RADIUS_DEFAULT_KM

    @property
    def place(self) -> Place | None:
        if hasattr(self, "_place"):
            return self._place
        self._place = None
        city = self._cleaned("near")
        latitude, longitude = self._cleaned("lat"), self._cleaned("lon")
        if latitude is not None and longitude is not None:
            nearest = nearest_city(latitude, longitude)
            self._place = Place(latitude, longitude, self.radius_km, None, nearest.country if nearest else None)
        elif city is not None:
            self._place = Place(city.latitude, city.longitude, self.radius_km, city, city.country)
        return self._place

    @property
    def sort_order(self) -> str:
        asked = self._cleaned("sort")
        if asked == Sort.DISTANCE and self.place is None:
            asked = ""
        if asked:
            return asked
        if self.place is not None:
            return Sort.DISTANCE
        return Sort.RELEVANCE if self.text else Sort.NAME

    @property
    def ordering(self) -> list:
        searched = bool(self.text)
        near = self.place is not None
        name = display_name_ordering()
        if self.sort_order == Sort.DISTANCE:
            return ["distance_km", *(["-search_rank"] if searched else []), name, "pk"]
        if self.sort_order == Sort.RELEVANCE and searched:
            return ["-search_rank", *(["distance_km"] if near else []), name, "pk"]
        return [name, "pk"]

    def remote_queryset(self):
        """Phone and online services covering the place's country that are not already among the results."""
        place = self.place
        if place is None or place.country is None:
            return Service.objects.none()
        index = self.index
        narrowed = False
        for name, value in self.form.cleaned_data.items():
            if name not in PLACE_PARAMETERS and name != "sort":
                index = self.filters[name].filter(index, value)
                narrowed = narrowed or value not in (None, "", [], False)
        # The results near the place are those of the same filters with a location within the radius.
        # A country's phone and online services alone are many, spread through the names: the first in name order
        # are found soonest by reading names in order. With words or other filters they may be few, and reading in
        # order could read every name (docs/performance.md, "Dense matches in name order").
        remote = index.remote(place.country)
        remote.dense_in_name_order = not narrowed
        remote = remote.not_near(place.latitude, place.longitude, place.radius_km)
        return self.queryset.from_index(remote.order_by(display_name_ordering(), "pk"))

    def remote_query(self, data=None) -> str:
        """The query string of the search for every phone and online service of ``remote_queryset``: the same
        words and filters, no place (of ``data``, the address's parameters, unless given others)."""
        place = self.place
        if place is None or place.country is None:
            return ""
        query = _copied(self.data if data is None else data)
        for name in (*PLACE_PARAMETERS, "sort", "page", "reaches"):
            query.pop(name, None)
        query["reaches"] = place.country.code
        return query.urlencode()

    # Explanations ------------------------------------------------------------------------------------------------

    @functools.cached_property
    def notes(self) -> list[str]:
        """Why some parameters were not used, in plain words."""
        self.is_valid()
        notes = []
        errors = self.form.errors
        data = self.data

        def shown(name):
            return (data.get(name) or "")[:40]

        if getattr(self.form.fields["q"], "truncated", False):
            notes.append(
                gettext("Your search was very long, so we used only its first %(count)s characters.")
                % {"count": MAX_TEXT_LENGTH}
            )
        if "country" in errors:
            notes.append(
                gettext("We could not find the country “%(value)s”, so we searched every country.")
                % {"value": shown("country")}
            )
        if "city" in errors:
            notes.append(gettext("We could not find that city, so we searched every city."))
        for slug in getattr(self.form.fields["category"], "unknown", []):
            notes.append(
                gettext("We could not find the type of help “%(value)s”, so we left it out.") % {"value": slug[:40]}
            )
        if "population" in errors:
            notes.append(gettext("We could not find that group of people, so we searched services for everyone."))
        if "language" in errors:
            notes.append(
                gettext("We could not find the language “%(value)s”, so we searched every language.")
                % {"value": shown("language")}
            )
        if "reaches" in errors:
            notes.append(
                gettext(
                    "We could not find the country “%(value)s”, so we did not limit the search to phone and online "
                    "services."
                )
                % {"value": shown("reaches")}
            )
        if "mode" in errors:
            notes.append(gettext("We could not use that way of giving help, so we searched every way."))
        if "near" in errors or "lat" in errors or "lon" in errors or _only_one_coordinate(self.form.cleaned_data):
            notes.append(gettext("We could not use that place, so we did not search near a place."))
        if "radius" in errors:
            notes.append(
                gettext("We could not use the radius “%(value)s”; showing %(default)s km.")
                % {"value": shown("radius"), "default": RADIUS_DEFAULT_KM}
            )
        if "sort" in errors:
            notes.append(gettext("We could not use that order, so we used the usual one."))
        elif self._cleaned("sort") == Sort.DISTANCE and self.place is None:
            notes.append(gettext("Sorting by distance needs a place: choose a city or use your location."))
        return notes

    @functools.cached_property
    def active_filters(self) -> list[dict]:
        """Each filter in use, as its chip says it (``text``: "For women", "By phone or online in Colombia"), with
        the words that name its remove link (``remove_label``) and the query string without it (``query``)."""
        self.is_valid()
        cleaned = self.form.cleaned_data
        active = []

        def add(text, remove, only=None):
            query = _copied(self.data)
            for name in remove:
                if only is None:
                    query.pop(name, None)
                else:
                    query.setlist(name, [item for item in query.getlist(name) if item != only])
            query.pop("page", None)
            text = str(text)
            active.append({"text": text, "remove_label": REMOVE_FILTER % {"filter": text}, "query": query.urlencode()})

        if self.text:
            add(CHIPS["q"] % {"words": self.text}, ["q"])
        for name, key in (("country", "country"), ("city", "city"), ("reaches", "country")):
            if cleaned.get(name):
                add(CHIPS[name] % {key: cleaned[name].name}, [name])
        if cleaned.get("population"):
            add(CHIPS["population"] % {"population": _lower_first(cleaned["population"].name)}, ["population"])
        if cleaned.get("language"):
            add(CHIPS["language"] % {"language": cleaned["language"].name}, ["language"])
        for category in cleaned.get("category") or []:
            add(CHIPS["category"] % {"category": category.name}, ["category"], only=category.slug)
        if cleaned.get("mode"):
            add(DeliveryMode(cleaned["mode"]).label, ["mode"])
        for name in CHECKBOXES:
            if cleaned.get(name):
                add(self.filters[name].label, [name])
        place = self.place
        if place is not None:
            if place.city is not None:
                add(CHIPS["near"] % {"place": place.city.name, "km": place.radius_km}, PLACE_PARAMETERS)
            else:
                add(CHIPS["near_me"] % {"km": place.radius_km}, PLACE_PARAMETERS)
        return active


@dataclass(frozen=True)
class PlaceSaid:
    """What a search shows of the place its words named (``ServiceFilter.with_place``): the place ``named``, and the
    services near ``city``, or else those in ``country``."""

    named: object
    city: object
    country: object


def _place_chosen(data) -> bool:
    """Whether the person chose where to search: near a city, her location, or in a city."""
    return any(data.get(name) for name in ("near", "lat", "lon", "near_me", "city"))


class CopiedFilters(dict):
    """A filterset's declared filters, copied for each filterset (``FilterSet.__init__`` deep-copies them) one by one
    and shallowly: a copy gets only its filterset and model of its own, and its method is looked up on its own
    filterset. A deep copy also copied each filter's labels, choices and querysets, for every request."""

    def __deepcopy__(self, memo):
        copies = type(self)()
        for name, declared in self.items():
            copied = copy.copy(declared)
            copied.method = declared.method  # django-filter binds a named method to the filter it was set on
            copies[name] = copied
        return copies


ServiceFilter.base_filters = CopiedFilters(ServiceFilter.base_filters)


class CopiedFields(dict):
    """A search form's fields, copied for each form (``Form.__init__`` deep-copies them) one by one and shallowly: a
    copy gets a widget of its own (what a form sets on its fields: ``truncated``, ``unknown``, is set on the copy),
    and shares its labels, choices, validators and messages, which no form changes. A deep copy also copied each
    field's choices and lazy labels, for every request."""

    def __deepcopy__(self, memo):
        copies = type(self)()
        for name, declared in self.items():
            copied = copy.copy(declared)
            copied.widget = copy.copy(declared.widget)
            if isinstance(copied, CachedChoicesMixin):
                copied.widget.choices = copied.choices  # read from the copy, as Django's copy does
            copies[name] = copied
        return copies


# The yes-or-no filters, as their chips say them.
CHECKBOXES = (
    "free",
    "open_now",
    "open_24_7",
    "places",
    "message",
    "no_documents",
    "no_referral",
    "walk_in",
    "wheelchair",
)
ACCESS_FACETS = {
    "no_documents": NO_DOCUMENTS_FACET,
    "no_referral": NO_REFERRAL_FACET,
    "walk_in": WALK_IN_FACET,
    "wheelchair": WHEELCHAIR_FACET,
}

# The filters whose words are not searched when they say them (``ServiceFilter.with_filters_said``).
LEFT_OUT_WHEN_SAID = {"walk_in", "wheelchair"}

# What the page says when the words said a filter (``ServiceFilter.said_notes``).
SAID_NOTES = {
    "free": _("Showing free services only, as your search said “%(said)s”."),
    "open_now": _("Showing services open now only, as your search said “%(said)s”."),
    "open_24_7": _("Showing services open 24 hours, 7 days only, as your search said “%(said)s”."),
    "walk_in": _("Showing services you can walk in to, with no appointment, as your search said “%(said)s”."),
    "wheelchair": _("Showing services with wheelchair access only, as your search said “%(said)s”."),
}

# What each filter chip says: a whole phrase per filter, its value in place, so that every language can word it (a
# label and a value glued together read "Quitar Para: Mujeres").
CHIPS = {
    "q": _("Words: %(words)s"),
    "country": _("In %(country)s"),
    "city": _("In %(city)s"),
    "reaches": _("By phone or online in %(country)s"),
    "population": _("For %(population)s"),
    "language": _("Spoken in %(language)s"),
    "category": _("Type of help: %(category)s"),
    "near": _("Within %(km)s km of %(place)s"),
    "near_me": _("Within %(km)s km of your location"),
}
REMOVE_FILTER = _("Remove the filter “%(filter)s”")


def _copied(data) -> QueryDict:
    """A mutable copy of the parameters ``data`` (a ``QueryDict``), each list copied: ``QueryDict.copy`` deep-copies
    every value, for each filter chip of every page."""
    copied = QueryDict(mutable=True, encoding=data.encoding)
    for name, values in data.lists():
        copied.setlist(name, list(values))
    return copied


def _query_dict(data) -> QueryDict:
    """``data`` (a mapping of names to a value or a list of values) as a ``QueryDict``."""
    query = QueryDict(mutable=True)
    for name, value in data.items():
        query.setlist(name, list(value) if isinstance(value, list | tuple) else [value])
    return query


def _lower_first(text: str) -> str:
    """A group's name inside a phrase ("For women"): its first letter in lower case, unless it starts an acronym."""
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def display_name_ordering() -> str:
    """The search documents' field that orders by the name as pages show it: the active language's, else the first
    of its fallbacks that exists (lower-cased)."""
    return sort_name_field(page_language())


def _only_one_coordinate(cleaned) -> bool:
    return (cleaned.get("lat") is None) != (cleaned.get("lon") is None)


def nearest_city(latitude: float, longitude: float) -> City | None:
    """The directory's city closest to a point (flat approximation, good enough to pick a country)."""
    squared = (F("latitude") - latitude) * (F("latitude") - latitude) + (F("longitude") - longitude) * (
        F("longitude") - longitude
    )
    return City.objects.select_related("country").annotate(squared=squared).order_by("squared", "pk").first()
