"""What the results map draws, and where its basemap comes from.

Every place comes from ``Location.public_map_place``: a public address as its point, a city-only one as its city,
a confidential one not at all. Nothing here reads a location's raw coordinates.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext

from members.models import Organisation
from services.models import Service

# Coordinates of a public address are shown as they are published (the service's page links to them); a city's
# centre is rounded like the reference data (about 1 km).
EXACT_DECIMALS = 5
CITY_DECIMALS = 2


def page_pins(services) -> dict:
    """The pins of a results page's services, in the list's order: ``{"pins": [...], "cities": [...]}``.

    A pin is ``{"service": id, "lat", "lon", "exact": bool, "city": name}``; ``cities`` are the cities the pins are
    in (name and centre), labelled on the site's own basemap. The services' names are not repeated: the map reads
    them from the list it stands beside. The services are a page's rows or kept cards: only their ids are read.
    """
    ids = [service.pk for service in services]
    links = (
        Service.locations.through.objects.filter(
            service_id__in=ids, location__organisation__status=Organisation.Status.APPROVED
        )
        .select_related("location__city__country")
        .order_by("location__name", "location_id")
    )
    position = {pk: index for index, pk in enumerate(ids)}
    pins, cities = [], {}
    for link in sorted(links, key=lambda link: position[link.service_id]):
        location = link.location
        place = location.public_map_place
        if place is None:
            continue
        decimals = EXACT_DECIMALS if place.exact else CITY_DECIMALS
        city = location.public_address["city"]
        pins.append(
            {
                "service": link.service_id,
                "lat": round(place.point.latitude, decimals),
                "lon": round(place.point.longitude, decimals),
                "exact": place.exact,
                "city": city,
            }
        )
        centre = location.city.point
        cities.setdefault(
            location.city_id,
            {
                "name": city,
                "lat": round(centre.latitude, CITY_DECIMALS),
                "lon": round(centre.longitude, CITY_DECIMALS),
            },
        )
    return {"pins": pins, "cities": list(cities.values())}


def basemap() -> dict:
    """Where the map's background comes from: always the site's own countries and regions; in production also
    the street-level tiles the site serves itself (``MAP_TILES_URL``), when set."""
    return {"regions": static("map/basemap.json"), "tiles": settings.MAP_TILES_URL}


def texts() -> dict[str, str]:
    """The map's words, translated, for its script: whole sentences with ``%(name)s`` places the script fills."""
    return {
        "map_role": gettext("map"),
        "zoom_in": gettext("Zoom in"),
        "zoom_out": gettext("Zoom out"),
        # A pin's name, read by screen readers and shown on hover.
        "pin": gettext("%(name)s, %(city)s"),
        "pin_city": gettext("%(name)s, somewhere in %(city)s: only the city is published"),
        "group": gettext("Several services close together: %(names)s. Press Enter to zoom in on them."),
        "group_here": gettext("Several services at this place: %(names)s. Press Enter to choose one."),
        "places": gettext("%(name)s: several places close together. Press Enter to zoom in on them."),
        "here": gettext("Services at this place"),
        "back": gettext("Back to the map"),
        "show_in_list": gettext("Show it in the list"),
        "failed": gettext("The map could not be drawn. The services are listed below."),
        "attribution_regions": gettext("Borders: Natural Earth"),
        "attribution_tiles": gettext("Map data: © OpenStreetMap contributors, Protomaps"),
    }
