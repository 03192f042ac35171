"""Rows written once for a test module and read by many of its tests, as Django's ``setUpTestData`` does for a class.

A module groups the rows its tests read, each group written by a function, gives every test the ``module_rows``
fixture (``tests/conftest.py``) with the group it reads as its parameter, and names the fixture its tests read the
group through::

    pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_rows")]


    def pytest_generate_tests(metafunc):
        parametrize_module_rows(metafunc, helps=build_helps)


    helps = rows_fixture()

The group is written in a transaction rolled back when pytest ends the fixture: after the module, or before a test
of another group or of none (a module fixture ends when its parameter changes; pytest orders a module's tests so that
each group is written once). Each test still runs in its own savepoint inside it (pytest-django's ``db``), so what
it writes is gone before the next test, and gets a deep copy of the built objects, so what it changes in them is
too. A test that reads no group (parameter ``no-shared-rows``) sees none of them.

Only for modules without transactional tests (those flush the database; pytest-django runs them last).
"""

import copy
import sys

import pytest
from django.db import transaction
from django.utils import translation

NONE = "no-shared-rows"


def parametrize_module_rows(metafunc, **groups):
    """For a module's ``pytest_generate_tests``: ``groups`` maps the name of each fixture that reads a group to the
    function that writes it; a test's group (or none) becomes the parameter of ``module_rows``."""
    assert "module_rows" in metafunc.fixturenames, "the module's pytestmark uses the module_rows fixture"
    used = [name for name in groups if name in metafunc.fixturenames]
    assert len(used) <= 1, f"{metafunc.function.__name__} reads several groups of rows: {used}"
    build = groups[used[0]] if used else None
    metafunc.parametrize("module_rows", [build], indirect=True, ids=used or [NONE])


def rows_fixture():
    """A fixture that gives each test a deep copy of the group of rows it reads (``module_rows``), so that what a test
    changes in the built objects is gone before the next test. It takes the name of the module attribute it is given
    to: ``helps = rows_fixture()`` is the fixture ``helps`` that ``parametrize_module_rows`` is told of."""

    @pytest.fixture
    def rows(module_rows, db):
        return copy.deepcopy(module_rows)

    return rows


def rows_for_the_module(django_db_blocker, build):
    """The body of the module fixture: ``build()``'s result, its rows written in English (as the tests are) in a
    transaction rolled back when the fixture ends."""
    if build is None:
        yield None
        return
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
