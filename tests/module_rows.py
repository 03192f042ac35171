"""Rows written once for a test module and read by its tests, as Django's ``setUpTestData`` does for a class.

A module fixture writes them in a transaction rolled back after the module's last test; each test runs in its own
savepoint inside it (pytest-django's ``db``), so what a test writes is gone before the next one, and gets a deep
copy of the built objects, so what a test changes in them is too::

    @pytest.fixture(scope="module")
    def module_helps(django_db_setup, django_db_blocker):
        yield from rows_for_the_module(django_db_blocker, build_helps)


    @pytest.fixture
    def helps(module_helps, db):
        return copy.deepcopy(module_helps)

Only for modules without transactional tests (those flush the database, pytest-django runs them last).
"""

import sys

from django.db import transaction
from django.utils import translation


def rows_for_the_module(django_db_blocker, build):
    """The body of a module fixture: ``build()``'s result, its rows written in English (as the tests are) in a
    transaction rolled back when the fixture ends."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            with translation.override("en"):
                built = build()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
