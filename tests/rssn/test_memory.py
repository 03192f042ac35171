"""Workers freeze their long-lived objects once, after their first requests (``rssn.memory``)."""

import gc
from types import SimpleNamespace

import pytest

from rssn import gunicorn as gunicorn_settings
from rssn.memory import FREEZE_AFTER_REQUESTS


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_worker_freezes_once_after_its_first_requests(unfrozen, monkeypatch):
    freezes = []
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(True))
    worker = SimpleNamespace()
    for _request in range(FREEZE_AFTER_REQUESTS - 1):
        gunicorn_settings.post_request(worker, None, {}, None)
    assert freezes == []
    gunicorn_settings.post_request(worker, None, {}, None)
    assert freezes == [True]
    for _request in range(FREEZE_AFTER_REQUESTS * 2):
        gunicorn_settings.post_request(worker, None, {}, None)
    assert freezes == [True]


def test_freezing_leaves_the_collector_only_new_objects(unfrozen):
    from rssn.memory import freeze_long_lived_objects

    assert freeze_long_lived_objects() > 1000
    assert len(gc.get_objects()) < gc.get_freeze_count()
