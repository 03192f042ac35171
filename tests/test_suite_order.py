"""The suite's own order (tests/conftest.py): the slow tests first within each run of one of pytest-django's groups,
which keep their order, so that each worker still runs its tests with the database's groups in order."""

from types import SimpleNamespace

import pytest

from tests.conftest import _django_group, pytest_collection_modifyitems


class Item(SimpleNamespace):
    def get_closest_marker(self, name):
        return self.marks.get(name)


def item(name, *, db=False, transaction=False, slow=False, fixtures=()):
    marks = {}
    if db or transaction:
        marks["django_db"] = pytest.mark.django_db(transaction=transaction).mark
    if slow:
        marks["slow"] = pytest.mark.slow.mark
    return Item(name=name, marks=marks, fixturenames=list(fixtures))


def test_the_groups_are_those_of_pytest_django():
    assert _django_group(item("a", db=True)) == 0
    assert _django_group(item("b", fixtures=["db"])) == 0
    assert _django_group(item("c", transaction=True)) == 1
    assert _django_group(item("d", fixtures=["live_server"])) == 1
    assert _django_group(item("e")) == 2


def test_the_slow_tests_come_first_within_each_run_of_a_group():
    items = [
        item("db", db=True),
        item("db slow", db=True, slow=True),
        item("no db"),
        item("db again", db=True),
        item("db again slow", db=True, slow=True),
        item("transactional", transaction=True),
        item("transactional slow", transaction=True, slow=True),
        item("no db at the end"),
        item("no db slow", slow=True),
    ]
    pytest_collection_modifyitems(items)
    assert [test.name for test in items] == [
        "db slow",
        "db",
        "no db",
        "db again slow",
        "db again",
        "transactional slow",
        "transactional",
        "no db slow",
        "no db at the end",
    ]
