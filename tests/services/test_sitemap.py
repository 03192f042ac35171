"""/sitemap.xml lists every public page in each language, and nothing that is not public."""

import pytest

from members.models import Organisation
from services.models import Service
from tests.factories import OrganisationFactory, ServiceFactory
from tests.services import directory_data as data

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_pages_in_every_language_and_nothing_hidden(client, django_assert_max_num_queries):
    public = data.public_listing()
    paused = ServiceFactory(status=Service.Status.PAUSED, organisation=public.organisation)
    pending = OrganisationFactory(pending=True, slug="pending-zz")
    hidden_service = ServiceFactory(organisation=pending)
    suspended = OrganisationFactory(status=Organisation.Status.SUSPENDED, slug="suspended-zz")

    with django_assert_max_num_queries(10):
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert not response.cookies
    text = response.content.decode()
    for language in ["es", "pt", "en", "id"]:
        assert f"http://testserver/{language}/services/{public.pk}/" in text
        assert f"http://testserver/{language}/organisations/{public.organisation.slug}/" in text
        assert f"http://testserver/{language}/countries/CO/" in text
        assert f"http://testserver/{language}/safety/" in text
        assert f"http://testserver/{language}/about/" in text
        assert f'hreflang="{language}"' in text
    for hidden in [f"/services/{paused.pk}/", f"/services/{hidden_service.pk}/", pending.slug, suspended.slug]:
        assert hidden not in text
