"""What a member may change in her listing, and how a proposed change is read, compared and applied.

A record's editable fields are registered per model (``register``): plain fields (their JSON value), foreign keys
(the related id), many-to-many fields (the sorted ids) and "parts" (opening hours, contact channels: a list of
rows read and written by the two functions registered with them). ``members`` registers its organisation and
location; ``services`` registers its service (``services.apps``), so that this module never imports ``services``.

Values are compared as JSON: a proposal's ``changes`` hold, per field, the value before and after (for a new
record, "before" is empty). A model registered with ``to_add`` asks those fields too when a member adds a record
(what the record cannot be created without), and with ``remove`` says how an approved removal takes a record off
the public directory without deleting it. Another app may add what such a removal does to its own records
(``add_removal_effect``: a location's services left without a place are paused), so that the coordinator's
decision page can say it before she approves.
"""

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Location, OpeningHours, Organisation, ProposedChange
from rssn.languages import in_every_language, localized_fields, page_language

# A location's address: a proposal that touches one of these stays as confidential as the address.
ADDRESS_FIELDS = frozenset({"street_address", "postal_code", "latitude", "longitude", "city"})


@dataclass(frozen=True)
class Part:
    """A list of rows belonging to the record (opening hours, contact channels), read and replaced as a whole."""

    label: object
    read: Callable[[models.Model], list]
    write: Callable[[models.Model, list], None]
    show: Callable[[list], str] | None = None  # the rows as a coordinator reads them in the before/after table


@dataclass(frozen=True)
class RemovalEffect:
    """What the approved removal of a record does to other records. ``affected`` names them while the record is
    still there (the decision page lists them, the approval reads them again under its lock); ``apply`` acts on
    them once the record is removed, with the approving coordinator and the proposal (for their history line)."""

    label: object
    affected: Callable[[models.Model], list]
    apply: Callable[..., None]


@dataclass
class Editable:
    fields: list[str]
    parts: dict[str, Part] = field(default_factory=dict)
    to_add: list[str] = field(default_factory=list)
    remove: Callable[[models.Model], None] | None = None
    removal_effects: list[RemovalEffect] = field(default_factory=list)

    def fields_for(self, *, adding: bool) -> list[str]:
        return [*self.fields, *self.to_add] if adding else list(self.fields)


REGISTRY: dict[str, Editable] = {}


def register(
    model: type[models.Model],
    fields: list[str],
    parts: dict[str, Part] | None = None,
    *,
    to_add: list[str] | None = None,
    remove: Callable[[models.Model], None] | None = None,
) -> None:
    REGISTRY[model._meta.label_lower] = Editable(list(fields), dict(parts or {}), list(to_add or []), remove)


def add_part(model: type[models.Model], name: str, part: Part) -> None:
    """Add a part to a registered model's editable record: another app's rows of it (a location's contact channels,
    kept by ``services``)."""
    REGISTRY[model._meta.label_lower].parts[name] = part


def add_removal_effect(model: type[models.Model], effect: RemovalEffect) -> None:
    """Add what the approved removal of a registered model's record does to another app's records."""
    REGISTRY[model._meta.label_lower].removal_effects.append(effect)


def removal_effects(record) -> list[tuple[RemovalEffect, list]]:
    """Each effect the removal of ``record`` would have, with the records it would affect (those with none left
    out)."""
    found = [(effect, effect.affected(record)) for effect in editable(type(record)).removal_effects]
    return [(effect, records) for effect, records in found if records]


def editable(model) -> Editable:
    return REGISTRY[model._meta.label_lower]


def addable(model) -> bool:
    """Whether a member may add and remove records of ``model``: her locations and services, not her organisation."""
    return model._meta.label_lower in REGISTRY and REGISTRY[model._meta.label_lower].remove is not None


def translated(*names: str) -> list[str]:
    """The four language versions of each translated field, each field's together."""
    return list(in_every_language(*names))


def _json_value(record, name: str):
    model_field = record._meta.get_field(name)
    if model_field.many_to_many:
        return sorted(record.pk and getattr(record, name).values_list("pk", flat=True) or [])
    if model_field.is_relation:
        return getattr(record, model_field.attname)
    value = getattr(record, name)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def current_values(record) -> dict:
    """The record's editable values now, as JSON."""
    spec = editable(type(record))
    values = {name: _json_value(record, name) for name in spec.fields}
    for name, part in spec.parts.items():
        values[name] = part.read(record)
    return values


def version_of(values: dict) -> str:
    """A short fingerprint of a record's values: the form carries it, so a save over someone else's newer save is
    noticed."""
    encoded = json.dumps(values, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()[:16]


def differences(record, values: dict) -> dict:
    """The changes ``values`` make to the record: ``{field: {"before": ..., "after": ...}}``."""
    now = current_values(record)
    return {
        name: {"before": now[name], "after": value}
        for name, value in values.items()
        if name in now and _normal(now[name]) != _normal(value)
    }


def safest_values(model) -> dict:
    """What a new record is given when nobody chose otherwise: a new location's address is confidential."""
    return {"address_visibility": Location.AddressVisibility.CONFIDENTIAL} if model is Location else {}


def additions(model, values: dict) -> dict:
    """A new record's values as changes from nothing: ``{field: {"before": None, "after": ...}}``, the empty ones
    left out (the before/after table shows "—" → the new value); the safest values where none was given."""
    values = {**safest_values(model), **{name: value for name, value in values.items() if value is not None}}
    spec = editable(model)
    known = {*spec.fields_for(adding=True), *spec.parts}
    return {
        name: {"before": None, "after": value}
        for name, value in values.items()
        if name in known and _normal(value) not in ("", [], {})
    }


def _normal(value):
    """A value as JSON, with an empty text and no text alike (translated fields are nullable)."""
    return "" if value is None else json.loads(json.dumps(value, default=str))


def touches_confidential_address(record, changes: dict) -> bool:
    """Whether the changes touch the address of a location whose address is not public (now or after). A new
    location (not saved yet) has no address now: its proposal is confidential unless it asks for a public one."""
    if not isinstance(record, Location):
        return False
    public = Location.AddressVisibility.PUBLIC
    after = changes.get("address_visibility", {}).get("after")
    if record.pk is None:
        return after != public
    hidden = record.address_visibility != public or (after or public) != public
    return hidden and bool(ADDRESS_FIELDS & set(changes) or "address_visibility" in changes)


def stale_fields(record, changes: dict) -> list[str]:
    """The fields changed by someone else since the proposal was made: their value is no longer its "before"."""
    now = current_values(record)
    return [name for name, change in changes.items() if _normal(now.get(name)) != _normal(change["before"])]


def apply(record, changes: dict) -> None:
    """Write the changes' "after" values to the record (saved by the caller first for plain fields, then the
    many-to-many fields and parts)."""
    spec = editable(type(record))
    later = []
    for name, change in changes.items():
        value = change["after"]
        if name in spec.parts:
            later.append((spec.parts[name].write, value))
            continue
        model_field = record._meta.get_field(name)
        if model_field.many_to_many:
            if model_field.related_model is Location:
                value = _current_locations(record, value)
            later.append((lambda saved, ids, name=name: getattr(saved, name).set(ids), value))
        elif model_field.is_relation:
            setattr(record, model_field.attname, value)
        else:
            setattr(record, name, model_field.to_python(value))
    record.full_clean()
    record.save()
    for write, value in later:
        write(record, value)


def _current_locations(record, ids: list) -> list:
    """Of the locations a proposal links, those of the record's organisation not closed for good since."""
    found = Location.objects.current().filter(pk__in=ids or [], organisation_id=record.organisation_id)
    return sorted(found.values_list("pk", flat=True))


def field_label(model, name: str) -> str:
    spec = editable(model)
    if name in spec.parts:
        return str(spec.parts[name].label)
    return str(model._meta.get_field(name).verbose_name)


# The members app's records ----------------------------------------------------------------------------------------


def _read_hours(location) -> list:
    if not location.pk:
        return []
    rows = location.opening_hours.order_by("weekday", "opens")
    return [[row.weekday, row.opens.strftime("%H:%M"), row.closes.strftime("%H:%M")] for row in rows]


def _write_hours(location, rows: list) -> None:
    location.opening_hours.all().delete()
    for weekday, opens, closes in rows:
        hours = OpeningHours(
            location=location,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
        hours.full_clean()
        hours.save()


def _withdraw_location(location) -> None:
    """Close a location for good: off the public directory and its services' pages, its record and history kept."""
    location.withdrawn_on = timezone.localdate()
    location.full_clean()
    location.save()
    location.services.clear()


register(
    Organisation,
    [*translated("name", "acronym", "description"), "website", "public_email", "public_phone"],
)
register(
    Location,
    [
        *translated("name"),
        "street_address",
        "postal_code",
        "city",
        "address_visibility",
        "phone",
        "open_24_7",
        *translated("hours_note", "accessibility_notes"),
    ],
    {"opening_hours": Part(_("opening hours"), _read_hours, _write_hours)},
    remove=_withdraw_location,
)


def display_value(model, name: str, value) -> str:
    """A value of a proposal as a coordinator reads it: names for related records, labels for choices."""
    from django.utils.formats import localize

    if name == "opening_hours":
        days = dict(OpeningHours.Weekday.choices)
        return "; ".join(f"{days.get(weekday, weekday)} {opens}–{closes}" for weekday, opens, closes in value or [])
    part = editable(model).parts.get(name)
    if part is not None and part.show is not None:
        return part.show(value) or "—"
    if part is not None:
        return "; ".join(
            " ".join(str(part) for part in (row.get("kind", ""), row.get("address", "")) if part) for row in value or []
        )
    model_field = model._meta.get_field(name)
    if value in (None, "", []):
        return "—"
    if model_field.many_to_many:
        return ", ".join(str(item) for item in model_field.related_model._default_manager.filter(pk__in=value))
    if model_field.is_relation:
        found = model_field.related_model._default_manager.filter(pk=value).first()
        return str(found) if found is not None else "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    return str(localize(value))


def rows(proposal) -> list[dict]:
    """The proposal's changes as rows of a before/after table, in the form's order. A removal is one row: the
    record, then its leaving the public directory."""
    model = proposal.target_type.model_class()
    if proposal.action == proposal.Action.REMOVE:
        record = proposal.target
        return [
            {
                "field": str(model._meta.verbose_name),
                "before": str(record) if record is not None else "—",
                "after": str(_("Removed from the public directory (its history is kept)")),
            }
        ]
    spec = editable(model)
    order = [*spec.fields_for(adding=True), *spec.parts]
    names = sorted(proposal.changes, key=lambda name: order.index(name) if name in order else len(order))
    return [
        {
            "field": field_label(model, name),
            "before": display_value(model, name, proposal.changes[name]["before"]),
            "after": display_value(model, name, proposal.changes[name]["after"]),
        }
        for name in names
    ]


def subject(proposal) -> str:
    """What a proposal is about, for its lists: the record's name; for a record still to be added, the name it is
    to have (in the page's language when given); an addition or a removal says so."""
    model = proposal.target_type.model_class()
    record = proposal.target if proposal.target_id else None
    if record is not None:
        name = str(record)
    elif proposal.action == proposal.Action.ADD:
        after = {key: change.get("after") for key, change in proposal.changes.items()}
        name = next((after[key] for _code, key in localized_fields("name", page_language()) if after.get(key)), "")
    else:
        name = str(_("a record that no longer exists"))
    values = {"kind": model._meta.verbose_name, "name": name}
    if proposal.action == proposal.Action.ADD:
        return str(_("Addition — %(kind)s: %(name)s") % values)
    if proposal.action == proposal.Action.REMOVE:
        return str(_("Removal — %(kind)s: %(name)s") % values)
    return name


# How a proposal ended, as a line of its history says it.
ENDED = {
    ProposedChange.Status.APPROVED: _("Approved"),
    ProposedChange.Status.REJECTED: _("Rejected"),
    ProposedChange.Status.WITHDRAWN: _("Withdrawn by the member"),
}


def history(proposal) -> list[dict]:
    """The proposal's life as its coordinator reads it, oldest first: each version sent (one replaced by a later
    version with its before/after rows) and how it ended (approved, rejected, withdrawn), with who and when."""
    records = list(proposal.history.order_by("history_date", "history_id").select_related("history_user"))
    lines, revision, status = [], None, None
    for number, line in enumerate(records):
        if line.status == ProposedChange.Status.PENDING and line.revision != revision:
            replaced = any(later.revision != line.revision for later in records[number + 1 :])
            if revision is None:
                what = str(_("Sent for review"))
            else:
                what = str(_("New version sent (version %(revision)s)")) % {"revision": line.revision}
            lines.append({"what": what, "who": line.history_user, "when": line.history_date,
                          "rows": rows(line.instance) if replaced else []})  # fmt: skip
            revision = line.revision
        elif line.status in ENDED and line.status != status:
            lines.append({"what": str(ENDED[line.status]), "who": line.history_user, "when": line.history_date,
                          "rows": []})  # fmt: skip
        status = line.status
    return lines
