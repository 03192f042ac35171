"""The OpenAPI description of the services search parameters, written out: the FilterSet's lenient fields (codes
in any case, kept-unknown categories, checkboxes) are more than drf-spectacular can guess from it."""

from drf_spectacular.extensions import OpenApiFilterExtension
from drf_spectacular.plumbing import build_array_type, build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from services.filters import RADIUS_MAX_KM, RADIUS_MIN_KM, DeliveryMode, Sort


def _query(name, schema, description, **kwargs):
    return build_parameter_type(name, schema, OpenApiParameter.QUERY, description=description, **kwargs)


def _type(kind, **limits):
    return {**build_basic_type(kind), **limits}


class ServiceFilterBackendExtension(OpenApiFilterExtension):
    target_class = "services.api.views.ServiceFilterBackend"
    priority = 1  # before drf-spectacular's own django-filter extension, which matches subclasses too

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        if getattr(auto_schema.view, "action", None) != "list":
            return []
        boolean = "Only services with this (true, on or 1)."
        return [
            _query("q", _type(OpenApiTypes.STR), "Words to search for, in any of the four languages."),
            _query("country", _type(OpenApiTypes.STR), "ISO 3166-1 alpha-2 code, any case (co, CO)."),
            _query("city", _type(OpenApiTypes.INT), "A city's id: services with a location there."),
            _query(
                "category",
                build_array_type(_type(OpenApiTypes.STR)),
                "Category slugs (repeat the parameter); a main category includes its subcategories. Unknown slugs "
                "are left out.",
                explode=True,
                style="form",
            ),
            _query("population", _type(OpenApiTypes.STR), "A population code, such as women."),
            _query("language", _type(OpenApiTypes.STR), "An ISO 639 code of a language spoken, such as es."),
            _query("mode", _type(OpenApiTypes.STR), "How the service is given.", enum=DeliveryMode.values),
            _query(
                "reaches",
                _type(OpenApiTypes.STR),
                "ISO 3166-1 alpha-2 code, any case: services given by phone or online by organisations working in "
                "this country.",
            ),
            _query("free", _type(OpenApiTypes.BOOL), boolean),
            _query(
                "open_now",
                _type(OpenApiTypes.BOOL),
                "Only services open now (in each location's time zone), leaving out those temporarily closed.",
            ),
            _query("open_24_7", _type(OpenApiTypes.BOOL), boolean),
            _query(
                "places",
                _type(OpenApiTypes.BOOL),
                "Only services that said in the last 72 hours that they have places available (shelters).",
            ),
            _query(
                "message",
                _type(OpenApiTypes.BOOL),
                "Only services someone can write to: WhatsApp, Signal, Telegram or SMS, of the service or one of its "
                "locations.",
            ),
            _query("no_documents", _type(OpenApiTypes.BOOL), "Only services that said people need no documents."),
            _query("no_referral", _type(OpenApiTypes.BOOL), "Only services that said people need no referral."),
            _query("walk_in", _type(OpenApiTypes.BOOL), "Only services that said people can walk in, no appointment."),
            _query(
                "wheelchair",
                _type(OpenApiTypes.BOOL),
                "Only services with a location that said it is wheelchair accessible.",
            ),
            _query("near", _type(OpenApiTypes.INT), "Search near this city (its id), within radius."),
            _query("lat", _type(OpenApiTypes.DOUBLE, minimum=-90, maximum=90), "Search near this latitude."),
            _query("lon", _type(OpenApiTypes.DOUBLE, minimum=-180, maximum=180), "Search near this longitude."),
            _query(
                "radius",
                _type(OpenApiTypes.INT, minimum=RADIUS_MIN_KM, maximum=RADIUS_MAX_KM),
                "Kilometres around near or lat/lon (default 25).",
            ),
            _query("sort", _type(OpenApiTypes.STR), "Order of the results.", enum=Sort.values),
        ]
