"""The rows a test module writes once for many of its tests (tests/module_rows.py)."""

import pytest

from tests.module_rows import rows_for_the_module


@pytest.fixture(scope="module")
def module_rows(request, django_db_setup, django_db_blocker):
    """The group of rows the test reads (its parameter is the function that writes them, or None), written once for
    the tests of the module that read it and rolled back after them."""
    yield from rows_for_the_module(django_db_blocker, request.param)
