"""Reading and making many rows with little Python per row: ``among`` (a batch of ids as one array parameter) and
``new_instance`` (a model instance without its constructor). Both are shortcuts the index's rebuild measured
(docs/performance.md, "Indexing in bulk"); they import no models of the project."""

from collections.abc import Iterable

from django.db.models import F
from django.db.models.base import ModelState
from django.db.models.lookups import In


class _AnyOf(In):
    """``IN`` with the values as one array parameter on PostgreSQL (``= ANY(%s)``). Django writes a placeholder
    for each value, and a statement reading back a batch of 5,000 ids took several times longer to prepare and send
    (psycopg splitting it at each placeholder) than the database took to answer."""

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, [value for value in self.rhs if value is not None])


def among(field: str, values: Iterable) -> In:
    """A filter for rows whose ``field`` is one of ``values`` (``field__in=values``), written for many values:
    ``Service.objects.filter(among("pk", ids))``."""
    return _AnyOf(F(field), list(values))


_DEFAULTS: dict[type, tuple[dict, list]] = {}


def new_instance(model, **values):
    """A new, unsaved instance of ``model`` for writing in bulk, made without running ``Model.__init__``: with
    modeltranslation's patched constructor a Service took longer to build than to insert, and even a plain model's
    constructor (with its two signals) takes longer than this. ``values`` are by attribute name
    (``service_id``); fields not given get their defaults, a callable one (``timezone.now``) called for each
    instance."""
    known = _DEFAULTS.get(model)
    if known is None:
        fields = model._meta.concrete_fields
        static = {field.attname: field.get_default() for field in fields if not callable(field.default)}
        known = _DEFAULTS[model] = (static, [field for field in fields if callable(field.default)])
    static, called = known
    instance = model.__new__(model)
    instance.__dict__.update(static)
    for field in called:
        if field.attname not in values:
            instance.__dict__[field.attname] = field.get_default()
    instance.__dict__.update(values)
    instance._state = ModelState()
    return instance
