"""Schemathesis against the API's own OpenAPI schema, in-process through the WSGI application: every operation,
generated parameters, no server error, and every response as documented (status, headers, body).

The operations are driven with Hypothesis directly (``APIOperation.as_strategy``): schemathesis' pytest plugin
(``from_fixture``/``parametrize``) does not run under pytest 9, and a plain test keeps the database fixture simple.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from tests.services import directory_data as data

# Few examples per operation: the suite stays fast, and derandomize makes every run try the same requests.
EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def wsgi_app():
    """The WSGI application, called as a server would but inside the test's transaction: like Django's test client,
    keep the request signals from closing the database connection (PostgreSQL would lose the transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, wsgi_app):
    # Some data, so lists, "near" and detail pages answer with real records as well as with 404s.
    data.public_listing()
    data.confidential_listing()
    data.city_only_listing()
    data.hotline()
    return schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_app)


@pytest.mark.slow
def test_every_operation_answers_as_documented(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 8

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:500])
            assert "Set-Cookie" not in response.headers
            case.validate_response(response)

        check()
