"""services.search.among and new_instance: reading and making many rows with little Python per row."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from services.models import Service, ServiceSearchDocument
from services.search import among, new_instance
from tests.factories import LocationFactory, ServiceFactory


@pytest.mark.django_db
def test_among_finds_what_in_finds_with_the_values_as_one_parameter():
    services = [ServiceFactory(locations=[LocationFactory(), LocationFactory()]) for _number in range(4)]
    ids = [service.pk for service in services[:3]]
    for values in (ids, set(ids), [*ids, None, ids[0]], [], [10**9]):
        expected = set(Service.objects.filter(pk__in=values).values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as queries:
            found = set(Service.objects.filter(among("pk", values)).values_list("pk", flat=True))
        assert found == expected
        if connection.vendor == "postgresql" and values:
            assert "= ANY(" in queries[0]["sql"] and " IN (" not in queries[0]["sql"]
    links = Service.locations.through.objects.filter(among("service_id", ids[:1]))
    assert set(links.values_list("location_id", flat=True)) == {location.pk for location in services[0].locations.all()}


def test_a_new_instance_has_the_defaults_and_the_values_given():
    document = new_instance(ServiceSearchDocument, service_id=7, names=" apoyo ")
    assert (document.service_id, document.names, document.text, document.is_public) == (7, " apoyo ", "", False)
    assert document._state.adding
    # Defaults are not shared between instances.
    assert new_instance(ServiceSearchDocument, service_id=8).names == ""


def test_a_new_instance_calls_a_callable_default_for_each_instance_unless_given():
    from members.models import Organisation

    assert callable(Organisation._meta.get_field("status_changed_at").default)  # timezone.now
    first = new_instance(Organisation)
    time.sleep(0.002)
    second = new_instance(Organisation)
    assert timezone.now() - datetime.timedelta(minutes=1) < first.status_changed_at < second.status_changed_at
    assert new_instance(Organisation, status_changed_at=None).status_changed_at is None
