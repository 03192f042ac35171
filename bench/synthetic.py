"""A synthetic directory at network scale, for benchmarks: ``python manage.py generate_directory``.

Realistic in shape, not in content: organisations spread over the network's countries and real cities (bigger
countries and bigger cities get more), on average 1.5 locations and 5 services each, about 12% confidential
locations, a few temporary closures and shelters' places as the demo has them, text in the four languages built
from the demo's templates (``demo/directory.py``) and the taxonomy (``services.reference``). Every organisation is
marked ``is_demo`` and every name says "synthetic", so nobody can take a generated listing for a real one; contacts
are on example.org / example.net and phone numbers fictional.

Fast and bounded in memory: organisations are generated and written in batches, their history rows too, straight
to the tables (``COPY`` on PostgreSQL, ``executemany`` on SQLite: no model instances saved, no per-row signals), and
each batch's search documents are built from the database as it goes, inside ``services.search.bulk_indexing``
(which builds PostgreSQL's text and sort indexes once at the end and refreshes the planner's statistics: without
``ANALYZE`` SQLite picked a far slower plan after a bulk load). On PostgreSQL the foreign keys are checked once
at the end too (``bench.bulk.foreign_keys_checked_at_end``).

Deterministic: a seeded ``random.Random`` decides everything and dates count back from ``today``.
"""

import datetime
import inspect
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from types import SimpleNamespace

from django.core.cache import cache
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from modeltranslation.fields import NONE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order

from bench.bulk import BulkWriter, foreign_keys_checked_at_end, new_instance
from demo import directory as demo
from members.models import City, Country, Location, MembershipStatusChange, OpeningHours, Organisation
from members.reference import CITIES, city_names, load_countries

SLUG_PREFIX = "synthetic"
LANGS = demo.LANGS
FIELD_SUFFIX = {"es": "es", "pt": "pt", "en": "en", "id": "ind"}
#: Share of each organisation status; the rest are approved.
ORGANISATION_STATUSES = {
    "applied": 0.03,
    "under_review": 0.02,
    "suspended": 0.02,
    "rejected": 0.005,
    "withdrawn": 0.005,
}
LOCATION_COUNTS = {1: 0.55, 2: 0.33, 3: 0.12}  # 1.5 on average, counting individuals (one each)
CONFIDENTIAL_SHARE = 0.12
CITY_ONLY_SHARE = 0.08
SERVICES_PER_ORGANISATION = (2, 9)  # uniform: 5 on average, counting individuals (1 or 2)
PAUSED_SHARE = 0.05
# Like the real network, not every listing is translated: 60% in all four languages, the others in their own and
# one more (English listings in Asia into Indonesian, close to Malay; in the Americas into Spanish).
FULLY_TRANSLATED_SHARE = 0.6
SECOND_LANGUAGE = {"es": "en", "pt": "es", "en": "es", "id": "en"}
ASIA_COUNTRIES = {"ID", "PH", "MY", "TH", "BD"}
SYNTHETIC = {"es": "(sintético)", "pt": "(sintético)", "en": "(synthetic)", "id": "(sintetis)"}
SYNTHETIC_SENTENCE = demo._t(
    "Registro sintético generado para pruebas de rendimiento.",
    "Registro sintético gerado para testes de desempenho.",
    "Synthetic record generated for performance tests.",
    "Data sintetis yang dibuat untuk uji kinerja.",
)
HISTORY_REASON = "Synthetic directory (generate_directory)"
PHONES_PER_COUNTRY = 60


@dataclass
class Reference:
    """The reference rows the generator links to, read once."""

    countries: dict[str, Country]
    cities: dict[str, list[tuple[City, dict[str, str]]]]  # country code → [(city, names by language)]
    city_weights: dict[str, list[float]]
    categories: dict[str, tuple[int, dict, list[tuple[int, str, dict, dict]]]]  # slug → (pk, names, children)
    populations: dict[str, tuple[int, dict]]
    languages: dict[str, int]

    @classmethod
    def load(cls) -> "Reference":
        from services.models import Language, Population, ServiceCategory
        from services.reference import CATEGORIES, POPULATIONS

        countries = {country.code: country for country in Country.objects.all()}
        cities, weights = {}, {}
        by_key = {(city.country.code, city.name_en): city for city in City.objects.select_related("country")}
        for code, rows in CITIES.items():
            cities[code] = [
                (by_key[(code, city_names(code, name)["en"])], city_names(code, name)) for name, *_rest in rows
            ]
            # The first cities of each country are its biggest: weight them like a city-size (Zipf) distribution.
            weights[code] = [1 / (rank + 1) for rank in range(len(rows))]
        category_pks = dict(ServiceCategory.objects.values_list("slug", "pk"))
        categories = {
            slug: (
                category_pks[slug],
                names,
                [(category_pks[child], child, child_names, description) for child, child_names, description in kids],
            )
            for slug, names, _description, kids in CATEGORIES
        }
        population_pks = dict(Population.objects.values_list("code", "pk"))
        populations = {code: (population_pks[code], names) for code, names in POPULATIONS}
        languages = dict(Language.objects.values_list("code", "pk"))
        return cls(countries, cities, weights, categories, populations, languages)


@dataclass
class Batch:
    """One batch of generated rows, written together. Links refer to rows by their index in the batch."""

    organisations: list[Organisation] = field(default_factory=list)
    organisation_countries: list[tuple[int, int]] = field(default_factory=list)  # (organisation index, country pk)
    status_changes: list[tuple[int, str, str, datetime.datetime]] = field(default_factory=list)
    locations: list[tuple[int, Location]] = field(default_factory=list)  # (organisation index, location)
    opening_hours: list[tuple[int, int, datetime.time, datetime.time]] = field(default_factory=list)
    services: list[tuple[int, "object"]] = field(default_factory=list)  # (organisation index, service)
    categories: list[tuple[int, int]] = field(default_factory=list)  # (service index, category pk)
    service_locations: list[tuple[int, int]] = field(default_factory=list)  # (service index, location index)
    populations: list[tuple[int, int]] = field(default_factory=list)
    languages: list[tuple[int, int]] = field(default_factory=list)


def _fields(name: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{name}_{FIELD_SUFFIX[language]}": texts.get(language, "") for language in LANGS}


def _time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


HOURS = {
    shape: [(day, _time(opens), _time(closes)) for day, ranges in days.items() for opens, closes in ranges]
    for shape, days in demo.HOURS_SHAPES.items()
}


class Generator:
    def __init__(self, *, seed: int, today: datetime.date, now: datetime.datetime, reference: Reference):
        self.rng = random.Random(seed)
        # What it takes to get in, drawn apart so the rest of the directory is the same as before these facts.
        self.access_rng = random.Random(f"{seed}:access")
        # Temporary closures and shelters' places, the same way (so result cards and "open now" meet them).
        self.closure_rng = random.Random(f"{seed}:closures")
        self.now = now
        self.seed = seed
        self.today = today
        self.ref = reference
        plan = {code: plan for code, plan in demo.COUNTRY_PLAN.items() if code in reference.countries}
        self.country_codes = list(plan)
        self.country_weights = [plan[code][0] for code in self.country_codes]
        self.country_plan = plan
        # A pool of fictional numbers per country, formatted once (phonenumbers is slow per call).
        self.phones = {
            code: [demo.fictional_phone(code, serial) for serial in range(100, 100 + PHONES_PER_COUNTRY)]
            for code in self.country_codes
        }
        self.display_phones = {code: [demo.display_phone(p) for p in phones] for code, phones in self.phones.items()}
        self.kinds, self.kind_weights = list(demo.KIND_WEIGHTS), list(demo.KIND_WEIGHTS.values())
        self.hours_shapes, self.hours_weights = list(demo.HOURS_WEIGHTS), list(demo.HOURS_WEIGHTS.values())
        self.statuses = list(ORGANISATION_STATUSES) + ["approved"]
        self.status_weights = [*ORGANISATION_STATUSES.values(), 1 - sum(ORGANISATION_STATUSES.values())]

    def phone(self, country: str) -> tuple[str, str]:
        index = self.rng.randrange(len(self.phones[country]))
        return self.phones[country][index], self.display_phones[country][index]

    def batch(self, start: int, count: int) -> Batch:
        batch = Batch()
        for number in range(start, start + count):
            self.organisation(batch, number)
        return batch

    def organisation(self, batch: Batch, number: int) -> None:
        rng = self.rng
        country = rng.choices(self.country_codes, self.country_weights)[0]
        _count, written, _spoken, _extra = self.country_plan[country]
        if rng.random() < demo.SPANISH_SPEAKING_SHARE.get(country, 0):
            written = "es"
        second = "id" if written == "en" and country in ASIA_COUNTRIES else SECOND_LANGUAGE[written]
        languages = LANGS if rng.random() < FULLY_TRANSLATED_SHARE else (written, second)
        cities = self.ref.cities[country]
        home, home_names = rng.choices(cities, self.ref.city_weights[country])[0]
        kind = rng.choices(self.kinds, self.kind_weights)[0]
        pattern = rng.choice(demo.NAME_PATTERNS[kind][written])
        name = pattern.format(
            word=rng.choice(demo.NAME_WORDS[written]),
            city=home_names[written],
            first=rng.choice(demo.FIRST_NAMES[written]),
        )
        name = f"{name} {number + 1} {SYNTHETIC[written]}"
        slug = f"{SLUG_PREFIX}-{self.seed}-{number + 1}"
        if kind == "individual":
            focus = ["legal-aid" if rng.random() < 0.4 else "psychosocial-support"]
        else:
            focus = rng.sample(demo.KIND_FOCUS[kind], k=min(len(demo.KIND_FOCUS[kind]), rng.randint(2, 4)))
        description = {}
        for lang in languages:
            focus_names = "; ".join(demo._lower_first(self.ref.categories[slug_][1][lang]) for slug_ in focus)
            description[lang] = " ".join(
                [
                    demo.KIND_DESCRIPTIONS[kind][lang].format(city=home_names[lang]),
                    demo.FOCUS_SENTENCE[lang].format(focus=focus_names),
                    SYNTHETIC_SENTENCE[lang],
                ]
            )
        status = rng.choices(self.statuses, self.status_weights)[0]
        steps = demo.HISTORY[status]
        started = self.today - datetime.timedelta(days=demo.PENDING_DAYS_AGO.get(status, rng.randint(120, 1500)))
        dates = [started + datetime.timedelta(days=demo.STEP_DAYS * index) for index in range(len(steps))]
        public = status in ("approved", "suspended")
        public_phone, _shown = self.phone(country)
        email = f"{slug}@example.org"
        index = len(batch.organisations)
        batch.organisations.append(
            new_instance(
                Organisation,
                kind=kind,
                **_fields("name", dict.fromkeys(LANGS, name)),
                **_fields("acronym", {}),
                **_fields("description", description),
                slug=slug,
                website=f"https://example.com/{slug}",
                public_email=email,
                public_phone=public_phone,
                status=status,
                status_changed_at=demo._moment(dates[-1]),
                created_at=self.now,
                updated_at=self.now,
                joined_on=dates[steps.index("approved")] if "approved" in steps else None,
                last_verified_on=self.today - datetime.timedelta(days=rng.randint(3, 425)) if public else None,
                contact_name=demo.CONTACT_NAMES[written],
                contact_email=f"{slug}@example.net",
                contact_phone=self.phone(country)[0],
                contact_language=written,
                is_demo=True,
            )
        )
        batch.organisation_countries.append((index, self.ref.countries[country].pk))
        previous = ""
        for step, day in zip(steps, dates, strict=True):
            batch.status_changes.append((index, previous, step, demo._moment(day)))
            previous = step
        locations = self.locations(batch, index, country, written, languages, kind, home, home_names, focus)
        self.services(batch, index, country, written, languages, kind, focus, locations, email)

    def locations(self, batch, org_index, country, written, languages, kind, home, home_names, focus) -> list:
        """Adds the organisation's locations; returns [(batch location index, confidential)]."""
        rng = self.rng
        count = 1 if kind == "individual" else rng.choices(list(LOCATION_COUNTS), list(LOCATION_COUNTS.values()))[0]
        added = []
        for number in range(count):
            city, names = (
                (home, home_names) if number == 0 or rng.random() < 0.5 else rng.choice(self.ref.cities[country])
            )
            draw = rng.random()
            if draw < CONFIDENTIAL_SHARE:
                visibility, key = Location.AddressVisibility.CONFIDENTIAL, "shelter"
            elif draw < CONFIDENTIAL_SHARE + CITY_ONLY_SHARE or kind == "individual":
                visibility, key = Location.AddressVisibility.CITY, "practice" if kind == "individual" else "main"
            else:
                visibility, key = Location.AddressVisibility.PUBLIC, ("main", "north", "south")[min(number, 2)]
            has_point = visibility != Location.AddressVisibility.CITY
            hours = "24_7" if key == "shelter" else rng.choices(self.hours_shapes, self.hours_weights)[0]
            note = rng.choice([*demo.HOURS_NOTES, None])
            access = rng.choice(demo.ACCESSIBILITY)
            public = visibility != Location.AddressVisibility.CITY
            location = new_instance(
                Location,
                **_fields(
                    "name", {lang: demo.LOCATION_NAMES[key][lang].format(city=names[lang]) for lang in languages}
                ),
                street_address=rng.choice(demo.STREETS[written]).format(n=rng.randint(10, 999)) if public else "",
                postal_code=f"{rng.randint(1, 99999):05d}" if public else "",
                city_id=city.pk,
                latitude=round(city.latitude + rng.uniform(-0.05, 0.05), 6) if has_point else None,
                longitude=round(city.longitude + rng.uniform(-0.05, 0.05), 6) if has_point else None,
                address_visibility=visibility,
                phone=self.phone(country)[0],
                open_24_7=hours == "24_7",
                **_fields("hours_note", {lang: note[lang] for lang in languages} if note else {}),
                **_fields("accessibility_notes", {lang: access[lang] for lang in languages}),
                wheelchair_accessible=self.access_rng.choices([None, True, False], weights=[3, 4, 2])[0],
                **demo.closure_plan(self.closure_rng, self.today, demo.LOCATION_CLOSURES, languages),
            )
            location_index = len(batch.locations)
            batch.locations.append((org_index, location))
            for weekday, opens, closes in HOURS.get(hours, []):
                batch.opening_hours.append((location_index, weekday, opens, closes))
            added.append((location_index, key == "shelter"))
        return added

    def services(self, batch, org_index, country, written, languages, kind, focus, locations, email) -> None:
        from services.models import Service

        rng = self.rng
        _count, _written, spoken, extra_spoken = self.country_plan[country]
        low, high = (1, 2) if kind == "individual" else SERVICES_PER_ORGANISATION
        shelters = [index for index, confidential in locations if confidential]
        others = [index for index, confidential in locations if not confidential] or shelters
        used = set()
        for number in range(rng.randint(low, high)):
            main = focus[number % len(focus)]
            _pk, _names, children = self.ref.categories[main]
            choices = [child for child in children if child[0] not in used] or children
            category_pk, sub_slug, sub_names, sub_description = rng.choice(choices)
            used.add(category_pk)
            hotline, online, by_phone, outreach, in_person = demo.delivery_modes(rng, main, sub_slug)
            if not (in_person or by_phone or online or outreach):
                by_phone = True
            if not in_person:
                linked = []
            elif main == "safe-shelter" and shelters:
                linked = shelters
            else:
                linked = rng.sample(others, k=rng.randint(1, len(others)))
            populations = demo.populations_served(rng, main)
            if main == "child-protection":
                age_min, age_max = 0, 17
            else:
                age_min, age_max = (18, None) if rng.random() < 0.2 else (None, None)
            spoken_here = list(
                dict.fromkeys([*spoken, *rng.sample(extra_spoken, k=rng.randint(0, min(2, len(extra_spoken))))])
            )
            phone, shown_phone = self.phone(country)
            referral = rng.random() < 0.2
            if referral:
                access = "referral"
            elif hotline:
                access = "online" if online and not by_phone else "phone"
            elif linked and all(index in shelters for index in linked):
                access = "confidential"
            elif not in_person:
                access = "outreach"
            else:
                access = "walk_in"
            extra = rng.choice([*demo.SERVICE_EXTRAS, None])
            names, description, eligibility, how_to_access = {}, {}, {}, {}
            for lang in languages:
                names[lang] = f"{sub_names[lang]} {SYNTHETIC[lang]}"
                description[lang] = f"{sub_description[lang]} {extra[lang]}" if extra else sub_description[lang]
                people = demo._join([self.ref.populations[code][1][lang] for code in populations], lang)
                parts = [demo.ELIGIBILITY[lang].format(pops=people)]
                if age_max is not None:
                    parts.append(demo.AGES[lang].format(min=age_min, max=age_max))
                elif age_min:
                    parts.append(demo.ADULTS[lang])
                if "refugees-migrants" in populations:
                    parts.append(demo.NO_PAPERS[lang])
                eligibility[lang] = " ".join(parts)
                how_to_access[lang] = demo.ACCESS[access][lang].format(phone=shown_phone, email=email)
            service_index = len(batch.services)
            batch.services.append(
                (
                    org_index,
                    new_instance(
                        Service,
                        **_fields("name", names),
                        **_fields("description", description),
                        **_fields("eligibility", eligibility),
                        **_fields("how_to_access", how_to_access),
                        in_person=in_person,
                        by_phone=by_phone,
                        online=online,
                        outreach=outreach,
                        age_min=age_min,
                        age_max=age_max,
                        cost="low_cost" if kind == "individual" or rng.random() < 0.1 else "free",
                        referral_required=referral,
                        **demo.access_plan(
                            self.access_rng.random(),
                            "synthetic",
                            SimpleNamespace(referral_required=referral, in_person=in_person),
                        ),
                        phone=phone,
                        open_24_7=hotline and sub_slug == "gbv-hotline" and rng.random() < 0.6,
                        status="paused" if rng.random() < PAUSED_SHARE else "active",
                        last_verified_on=self.today - datetime.timedelta(days=rng.randint(3, 425)),
                        created_at=self.now,
                        updated_at=self.now,
                        **demo.closure_plan(self.closure_rng, self.today, demo.SERVICE_CLOSURES, languages),
                    ),
                )
            )
            service = batch.services[-1][1]
            for name, value in demo.places_plan(self.closure_rng, main, service.status, self.now).items():
                setattr(service, name, value)
            batch.categories.append((service_index, category_pk))
            batch.service_locations += [(service_index, location_index) for location_index in linked]
            batch.populations += [(service_index, self.ref.populations[code][0]) for code in populations]
            batch.languages += [(service_index, self.ref.languages[code]) for code in spoken_here]


class _Writer(BulkWriter):
    """The bulk writer, and each organisation's, location's and service's history row written with it."""

    def insert_with_history(self, model, instances: list, *, moment: datetime.datetime) -> None:
        """Insert ``instances`` (their primary keys set) and one "created" history row for each
        (django-simple-history's format), converting each value once for both tables."""
        columns = tuple(field.attname for field in model._meta.concrete_fields)
        translated = _translated_columns(model, columns)
        rows = self.converted(model, columns, [_values(instance, columns, translated) for instance in instances])
        self.insert(model, columns, rows, converted=True)
        history = model.history.model
        extra = {
            "history_date": moment,
            "history_type": "+",
            "history_change_reason": HISTORY_REASON,
            "history_user_id": None,
        }
        extra_columns = tuple(
            field.attname
            for field in history._meta.concrete_fields
            if field.attname not in columns and field.attname != history._meta.pk.attname
        )
        tail = self.converted(
            history,
            extra_columns,
            [
                tuple(
                    extra[name] if name in extra else history._meta.get_field(name).get_default()
                    for name in extra_columns
                )
            ],
        )[0]
        self.insert(history, columns + extra_columns, [row + tail for row in rows], converted=True)


def _translated_columns(model, columns: tuple[str, ...]) -> list[tuple[int, str, tuple[str, ...]]]:
    """For each untranslated column of a translated field (``name`` beside ``name_es``...): its position in
    ``columns``, its name, and the translated attributes modeltranslation reads it from in the active language,
    best first. Empty when an empty value is not "" for the field (its own ``fallback_undefined``, or a default
    other than ""): then modeltranslation is always asked."""
    try:
        fields = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return []
    found = []
    for name in sorted(fields):
        if name not in columns:
            continue
        descriptor = inspect.getattr_static(model, name)
        order = ()
        if descriptor.fallback_undefined is NONE and descriptor.field.get_default() == "":
            order = tuple(
                build_localized_fieldname(name, code)
                for code in resolution_order(get_language(), descriptor.fallback_languages)
            )
        found.append((columns.index(name), name, order))
    return found


def _values(instance, columns: tuple[str, ...], translated: list[tuple[int, str, tuple[str, ...]]]) -> tuple:
    """The values ``bulk_create`` would save: the instance's, except that the untranslated column of a translated
    field gets what modeltranslation reads for it in the active language: the first of its translations that is
    not empty. (Its descriptor was a fifth of the time spent writing; it is asked only when every one is empty, for
    its default.)"""
    state = instance.__dict__
    values = itemgetter(*columns)(state)
    if not translated:
        return values
    values = list(values)
    for position, name, order in translated:
        values[position] = next(filter(None, map(state.get, order)), None) or getattr(instance, name)
    return tuple(values)


REASONS = {step: reason.replace("Demo:", "Synthetic:") for step, reason in demo.REASONS.items()}


def _write(batch: Batch, writer: _Writer, *, moment: datetime.datetime) -> list[int]:
    """Write one batch; returns the new services' ids."""
    from services.models import Service

    organisation_ids = writer.reserve_ids(Organisation, len(batch.organisations))
    for organisation, pk in zip(batch.organisations, organisation_ids, strict=True):
        organisation.id = pk
    writer.insert_with_history(Organisation, batch.organisations, moment=moment)
    writer.insert(
        Organisation.countries.through,
        ("organisation_id", "country_id"),
        [(organisation_ids[index], country) for index, country in batch.organisation_countries],
    )
    writer.insert(
        MembershipStatusChange,
        ("organisation_id", "from_status", "to_status", "changed_at", "changed_by_id", "reason"),
        [
            (organisation_ids[index], previous, step, when, None, REASONS[step])
            for index, previous, step, when in batch.status_changes
        ],
    )
    location_ids = writer.reserve_ids(Location, len(batch.locations))
    for (index, location), pk in zip(batch.locations, location_ids, strict=True):
        location.id, location.organisation_id = pk, organisation_ids[index]
    writer.insert_with_history(Location, [location for _index, location in batch.locations], moment=moment)
    writer.insert(
        OpeningHours,
        ("location_id", "weekday", "opens", "closes"),
        [(location_ids[index], weekday, opens, closes) for index, weekday, opens, closes in batch.opening_hours],
    )
    service_ids = writer.reserve_ids(Service, len(batch.services))
    for (index, service), pk in zip(batch.services, service_ids, strict=True):
        service.id, service.organisation_id = pk, organisation_ids[index]
    writer.insert_with_history(Service, [service for _index, service in batch.services], moment=moment)
    links = (
        (Service.categories.through, "servicecategory_id", batch.categories, None),
        (Service.locations.through, "location_id", batch.service_locations, location_ids),
        (Service.populations.through, "population_id", batch.populations, None),
        (Service.languages.through, "language_id", batch.languages, None),
    )
    for through, column, pairs, targets in links:
        writer.insert(
            through,
            ("service_id", column),
            [(service_ids[index], targets[target] if targets else target) for index, target in pairs],
        )
    return service_ids


def _grown_tenfold(batches: int) -> bool:
    """After the first batch, the tenth, the hundredth...: when the tables have grown tenfold."""
    return batches == 10 ** (len(str(batches)) - 1)


def _refresh_statistics() -> None:
    """Give PostgreSQL's planner statistics on the tables being filled, in the middle of the load.

    The indexing reads each batch back (``location_id IN (...500 ids...)`` and the like). Tables that were empty when
    last analysed have no statistics, and the planner then expects such a list to match every row: it scans the whole
    table for each list, and the load grows with the square of its size. ``ANALYZE`` inside the transaction counts the
    transaction's own new rows, and the statistics it stores scale with the table (the planner extrapolates from its
    size), so once early and once at ten times the rows is enough. SQLite plans ``IN`` lists as index lookups without
    statistics. ``analyse`` names the directory's tables: a bare ``ANALYZE`` would also lock the cluster's shared
    catalogues until the load commits, and every other database's ``ANALYZE`` would wait for it."""
    from services.search import analyse

    if connection.vendor == "postgresql":
        analyse()


def existing_synthetic(seed: int) -> bool:
    return Organisation.objects.filter(slug__startswith=f"{SLUG_PREFIX}-{seed}-").exists()


def generate_directory(
    *,
    organisations: int,
    seed: int = 1,
    today: datetime.date | None = None,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Generate ``organisations`` synthetic organisations with their locations and services, index them for search
    and refresh the planner's statistics. Loads the reference data first. Returns counts of what was written."""
    from services.search import bulk_indexing, directory_tables, index_new_services

    if organisations < 0:
        raise ValueError("The number of organisations cannot be negative.")
    if existing_synthetic(seed):
        raise ValueError(f"A synthetic directory with seed {seed} is already in the database: choose another seed.")
    load_countries()
    from services.reference import load_taxonomy

    load_taxonomy()
    today = today or timezone.localdate()
    moment = timezone.now()
    generator = Generator(seed=seed, today=today, now=moment, reference=Reference.load())
    counts = dict.fromkeys(("organisations", "locations", "services", "opening_hours"), 0)
    counts["confidential_locations"] = 0
    writer = _Writer(connection)
    with (
        transaction.atomic(),
        foreign_keys_checked_at_end(connection, directory_tables(connection)),
        bulk_indexing(),
    ):
        for number, start in enumerate(range(0, organisations, batch_size), start=1):
            batch = generator.batch(start, min(batch_size, organisations - start))
            service_ids = _write(batch, writer, moment=moment)
            index_new_services(service_ids)
            reset_queries()  # with DEBUG on, Django keeps the last 9,000 statements: 500 MB of bulk inserts
            if start + batch_size < organisations and _grown_tenfold(number):
                _refresh_statistics()
            counts["organisations"] += len(batch.organisations)
            counts["locations"] += len(batch.locations)
            counts["confidential_locations"] += sum(location.is_confidential for _index, location in batch.locations)
            counts["services"] += len(batch.services)
            counts["opening_hours"] += len(batch.opening_hours)
            if progress:
                progress(counts["organisations"], organisations)
    forget_cached_reads()
    return counts


def forget_cached_reads() -> None:
    """Cached reads that a bulk load changes without signals (the demo banner, the time zones, the page caches)."""
    from rssn.context_processors import DEMO_CACHE_KEY
    from services.search import LOCATION_TIME_ZONES_CACHE_KEY

    cache.delete_many([DEMO_CACHE_KEY, LOCATION_TIME_ZONES_CACHE_KEY])
    try:
        from services.cache import invalidate_directory_cache
    except ImportError:
        return
    invalidate_directory_cache()
