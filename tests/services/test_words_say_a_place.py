"""A city or a country the words of a search name (``services.search.place_named``, ``ServiceFilter.with_place``):
"abogada en Bogotá", "shelter in Lima", "rumah aman di Lima", "refugio cucuta" show the services near that city, as
the filter "Near" does, when some there have the rest of the words; otherwise those of its country; otherwise the
words are searched as typed. Where someone comes from ("soy de Bogotá") is no place to search near, nor a city's name
that is an everyday word alone (Indonesian "lima", five). The page says so and links to the words as typed; the API
gives the same services. On both databases."""

import html
import re

import pytest

from services.search import place_named
from tests.factories import (
    CityFactory,
    CountryFactory,
    LocationFactory,
    OrganisationFactory,
    ServiceCategoryFactory,
    ServiceFactory,
)


@pytest.fixture
def directory(db):
    """Colombia (Bogotá, Cúcuta) and Peru (Lima, Cusco, Arequipa with no service), and Ecuador, where no service is:
    a lawyer in Bogotá, a shelter in Cúcuta, a shelter in Lima, a lawyer in Cusco."""
    colombia = CountryFactory(
        code="CO", name_en="Colombia", name_es="Colombia", name_pt="Colômbia", name_ind="Kolombia"
    )
    peru = CountryFactory(
        code="PE",
        name_en="Peru",
        name_es="Perú",
        name_pt="Peru",
        name_ind="Peru",
        time_zones=["America/Lima"],
        latitude=-12.05,
        longitude=-77.04,
    )
    ecuador = CountryFactory(code="EC", name_en="Ecuador", name_es="Ecuador", time_zones=["America/Guayaquil"])
    # Name, country, latitude, longitude, time zone.
    places = [
        ("Bogotá", colombia, 4.711, -74.07, "America/Bogota"),
        ("Cúcuta", colombia, 7.89, -72.5, "America/Bogota"),
        ("Lima", peru, -12.05, -77.04, "America/Lima"),
        ("Cusco", peru, -13.53, -71.97, "America/Lima"),
        ("Arequipa", peru, -16.4, -71.54, "America/Lima"),
        ("Quito", ecuador, -0.18, -78.47, "America/Guayaquil"),
    ]
    cities = {
        name.lower().replace("á", "a").replace("ú", "u"): CityFactory(
            country=country, name_en=name, name_es=name, latitude=latitude, longitude=longitude, time_zone=zone
        )
        for name, country, latitude, longitude, zone in places
    }
    legal = ServiceCategoryFactory(search_terms_es="abogada", search_terms_en="lawyer", search_terms_ind="pengacara")
    shelter = ServiceCategoryFactory(
        slug="shelter", name_en="Shelter", name_es="Albergue", name_pt="Abrigo", name_ind="Rumah aman"
    )

    def service(name, category, city):
        organisation = OrganisationFactory(countries=[city.country])
        location = LocationFactory(
            organisation=organisation, city=city, latitude=city.latitude, longitude=city.longitude
        )
        return ServiceFactory(
            organisation=organisation, name_es=name, name_en=name, categories=[category], locations=[location]
        )

    made = {
        "lawyer in bogota": service("Defensoría Lila", legal, cities["bogota"]),
        "shelter in cucuta": service("Casa Violeta", shelter, cities["cucuta"]),
        "shelter in lima": service("Casa Magnolia", shelter, cities["lima"]),
        "lawyer in cusco": service("Defensoría Andina", legal, cities["cusco"]),
    }
    return {**made, "cities": cities}


def shown(response) -> set[int]:
    return {int(pk) for pk in re.findall(r'<article class="result" id="service-(\d+)"', response.content.decode())}


def ids(directory, *names) -> set[int]:
    return {directory[name].pk for name in names}


def said(response) -> str:
    return html.unescape(response.content.decode())


def test_a_city_named_shows_the_services_near_it_and_says_so(client, directory):
    response = client.get("/es/search/?q=abogada+en+bogota")

    assert shown(response) == ids(directory, "lawyer in bogota")
    page = said(response)
    assert "Mostramos servicios cerca de Bogotá, porque su búsqueda dice “en bogota”." in page
    assert "a menos de 25 km de Bogotá" in page
    assert 'href="?q=abogada+en+bogota&amp;as_typed=1"' in response.content.decode()
    # The city is chosen in "Near", the rest of the words in the box, and the place is a filter in use.
    bogota = directory["cities"]["bogota"]
    assert re.search(rf'<option value="{bogota.pk}" selected>', response.content.decode())
    assert 'value="abogada"' in response.content.decode()


def test_near_a_city_named_the_words_come_first_then_the_distance(client, directory):
    """A name typed with its city: its service first, before a closer one whose description has its words."""
    cusco = directory["cities"]["cusco"]
    organisation = OrganisationFactory(countries=[cusco.country])
    further = LocationFactory(organisation=organisation, city=cusco, latitude=-13.56, longitude=-71.97)
    named = ServiceFactory(
        organisation=organisation,
        name_es="Consultorio Jurídico Andino Norte",
        categories=list(directory["lawyer in cusco"].categories.all()),
        locations=[further],
    )

    directory["lawyer in cusco"].description_es = "Derivamos al Consultorio Jurídico Andino Norte."
    directory["lawyer in cusco"].save()

    response = client.get("/es/search/?q=consultorio+juridico+andino+norte+en+cusco")

    assert re.findall(r'<article class="result" id="service-(\d+)"', response.content.decode())[0] == str(named.pk)
    assert "Mostramos servicios cerca de Cusco" in said(response)


@pytest.mark.parametrize(
    "url",
    [
        "/en/search/?q=shelter+in+lima",
        "/pt/search/?q=abrigo+em+lima",
        "/pt/search/?q=abrigo+perto+de+lima",
        "/id/search/?q=rumah+aman+di+lima",
        "/es/search/?q=albergue+cerca+de+lima",
        "/es/search/?q=estoy+en+lima+y+necesito+un+albergue",
    ],
)
def test_the_words_that_say_where_are_read_in_every_language(client, directory, url):
    response = client.get(url)

    assert shown(response) == ids(directory, "shelter in lima")
    assert "as_typed=1" in response.content.decode()


def test_a_city_alone_is_a_place_too(client, directory):
    response = client.get("/es/search/?q=albergue+cucuta")

    assert shown(response) == ids(directory, "shelter in cucuta")
    assert "porque su búsqueda dice “cucuta”" in said(response)


def test_a_citys_name_is_a_place_though_one_of_its_words_alone_is_a_helps(client, directory):
    """Its word "vista" has the stem of "visto" (a visa), and no phrase of that help has the name's other words."""
    brazil = CountryFactory(code="BR", name_en="Brazil", name_pt="Brasil", time_zones=["America/Sao_Paulo"])
    boa_vista = CityFactory(country=brazil, name_en="Boa Vista", name_pt="Boa Vista", latitude=2.82, longitude=-60.67)
    ServiceCategoryFactory(slug="asylum", name_en="Asylum", name_pt="Refúgio", search_terms_pt="visto")
    organisation = OrganisationFactory(countries=[brazil])
    location = LocationFactory(organisation=organisation, city=boa_vista, latitude=2.82, longitude=-60.67)
    shelter = ServiceFactory(
        organisation=organisation,
        name_es="Casa Ipê",
        categories=list(directory["shelter in lima"].categories.all()),
        locations=[location],
    )

    response = client.get("/pt/search/?q=abrigo+em+boa+vista")

    assert shown(response) == {shelter.pk}
    assert "Mostrando serviços perto de Boa Vista, porque sua busca diz “em boa vista”." in said(response)


def test_nothing_near_the_city_shows_its_countrys_services(client, directory):
    response = client.get("/en/search/?q=lawyer+in+lima")

    assert shown(response) == ids(directory, "lawyer in cusco")
    assert "Nothing was found near Lima: showing services in Peru, as your search said “in lima”." in said(response)


def test_a_country_named_shows_its_services(client, directory):
    response = client.get("/en/search/?q=shelter+in+colombia")

    assert shown(response) == ids(directory, "shelter in cucuta")
    assert "Showing services in Colombia, as your search said “in colombia”." in said(response)
    assert re.search(r'<option value="CO" selected>', response.content.decode())


def test_a_city_where_no_service_is_shows_its_countrys_services(client, directory):
    response = client.get("/es/search/?q=abogada+en+arequipa")

    assert shown(response) == ids(directory, "lawyer in cusco")
    assert "Mostramos servicios en Perú, porque su búsqueda dice “en arequipa”." in said(response)


def test_words_found_nowhere_there_are_searched_as_typed(client, directory):
    """No service is in Ecuador: the shelters elsewhere, not nothing."""
    for url in ("/es/search/?q=albergue+en+quito", "/es/search/?q=albergue+en+ecuador"):
        response = client.get(url)
        assert shown(response) == ids(directory, "shelter in cucuta", "shelter in lima"), url
        assert "porque su búsqueda dice" not in said(response), url


def test_a_country_alone_is_searched_as_words(client, directory):
    """Alone, a country may be where she comes from: its name is a word of the services' places."""
    response = client.get("/es/search/?q=albergue+peru")

    assert shown(response) == ids(directory, "shelter in lima")
    assert "porque su búsqueda dice" not in said(response)


def test_where_she_comes_from_is_no_place_to_search_near(client, directory):
    for url in (
        "/es/search/?q=soy+de+bogota+y+necesito+un+albergue",
        "/en/search/?q=im+from+cucuta+and+need+a+shelter",
        "/id/search/?q=saya+dari+bogota+butuh+rumah+aman",
    ):
        response = client.get(url)
        assert directory["shelter in cucuta"].pk in shown(response), url
        assert "as_typed=1" not in response.content.decode(), url


def test_a_place_she_chose_stands(client, directory):
    bogota = directory["cities"]["bogota"]
    near_bogota = client.get(f"/es/search/?q=albergue+en+lima&near={bogota.pk}&radius=200")
    assert "porque su búsqueda dice" not in said(near_bogota)
    other_country = client.get("/es/search/?q=albergue+en+lima&country=CO")
    assert "porque su búsqueda dice" not in said(other_country)
    as_typed = client.get("/es/search/?q=albergue+en+lima&as_typed=1")
    assert shown(as_typed) == ids(directory, "shelter in lima")
    assert "porque su búsqueda dice" not in said(as_typed)
    # Her country, and a city in it: near the city.
    same_country = client.get("/es/search/?q=albergue+en+lima&country=PE")
    assert shown(same_country) == ids(directory, "shelter in lima")
    assert "Mostramos servicios cerca de Lima" in said(same_country)


def test_removing_the_place_searches_the_rest_of_the_words_everywhere(client, directory):
    page = client.get("/en/search/?q=shelter+in+lima").content.decode()

    remove = re.search(r'<a href="\?([^"]*)" aria-label="Remove the filter “Within 25 km of Lima”', page)
    assert remove is not None
    everywhere = client.get("/en/search/?" + html.unescape(remove.group(1)))
    assert shown(everywhere) == ids(directory, "shelter in cucuta", "shelter in lima")


def test_the_api_gives_the_same_services_and_says_why(client, directory):
    body = client.get("/api/v1/services/?q=shelter+in+lima", HTTP_ACCEPT_LANGUAGE="en").json()

    assert {str(item["id"]) for item in body["results"]} == {str(directory["shelter in lima"].pk)}
    assert "Showing services near Lima, as your search said “in lima”." in body["notes"]


@pytest.mark.parametrize(
    ("text", "language", "place", "rest"),
    [
        ("abogada en bogota", "es", "bogota", "abogada"),
        ("abogada en Bogotá", "es", "bogota", "abogada"),
        ("vivo en lima pero soy de bogota", "es", "lima", "vivo pero soy de bogota"),
        ("anak lima butuh makan", "id", None, None),
        ("anak saya di lima", "id", "lima", "anak saya"),
        ("soy de cucuta", "es", None, None),
        ("necesito ayuda en colombia", "es", "CO", "necesito ayuda"),
        ("colombia", "es", None, None),
        ("no lima", "es", None, None),
        ("abrigo no cusco", "pt", "cusco", "abrigo"),
    ],
)
def test_what_the_words_name_as_a_place(directory, text, language, place, rest):
    named = place_named(text, language)

    if place is None:
        assert named is None
        return
    assert named is not None
    found = named.country.code if named.city is None else named.city.name_en.casefold().replace("á", "a")
    assert found == place
    assert named.rest == rest


def test_the_names_people_give_a_city_are_its_name(client, directory):
    mexico = CountryFactory(code="MX", name_en="Mexico", name_es="México", time_zones=["America/Mexico_City"])
    CityFactory(country=mexico, name_en="Mexico City", name_es="Ciudad de México", latitude=19.43, longitude=-99.13)

    named = place_named("refugio cdmx", "es")

    assert named is not None
    assert (named.city, named.said, named.rest) == (None, "cdmx", "refugio")  # no public service there: its country
    assert named.country == mexico
    assert place_named("refugio en ciudad de mexico", "es").said == "en ciudad de mexico"


def test_a_place_found_nowhere_is_searched_with_the_rest_of_the_words_as_typed(client, directory):
    """The word "gratis" says free services, found; "en quito" finds nothing in Ecuador, so its words stay."""
    response = client.get("/es/search/?q=albergue+gratis+en+quito")

    assert shown(response) == ids(directory, "shelter in cucuta", "shelter in lima")
    page = said(response)
    assert "Mostramos solo servicios gratuitos, porque su búsqueda dice “gratis”." in page
    assert "cerca de" not in page.split("Mostramos solo")[1].split("</p>")[0]
    assert 'value="albergue gratis en quito"' in response.content.decode()
