"""gunicorn's settings for ``make serve`` and production: ``gunicorn -c python:rssn.gunicorn rssn.wsgi``.

Each value can be changed from the environment (``GUNICORN_WORKERS``, ``GUNICORN_BIND``, ``GUNICORN_TIMEOUT``).
The access log names the path without its query string and the client's network, never her address.
"""

import os

from gunicorn.glogging import Logger

from rssn.logging import RedactingFilter, anonymise_ip
from rssn.memory import count_request

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
# %(U)s is the path alone; %(q)s (the query) and %(r)s (the request line, which holds it) are never written.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms'


class RedactingLogger(Logger):
    """gunicorn's logger with the client address cut to its network and every line scrubbed."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(RedactingFilter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["h"] = anonymise_ip(environ.get("REMOTE_ADDR"))
        for key in ("r", "q", "{raw_uri}e"):
            atoms.pop(key, None)
        return atoms


logger_class = RedactingLogger


def post_request(worker, req, environ, resp):
    """After its first requests, a worker freezes its long-lived objects (``rssn.memory``)."""
    count_request(worker)


def per_process_cache() -> bool:
    """Whether the site's cache lives in each process (``CACHE_URL=locmem://``) rather than shared by all."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rssn.settings")
    from django.conf import settings

    return settings.CACHES["default"]["BACKEND"].endswith(".LocMemCache")


def on_starting(server):
    """Several workers on a per-process cache would each keep their own copy of what changed: an address made
    confidential would go on showing in the others' pages. Production refuses to start; elsewhere gunicorn says so."""
    if server.cfg.workers <= 1 or not per_process_cache():
        return
    message = (
        f"CACHE_URL is locmem:// with {server.cfg.workers} workers: each worker would keep its own copy of what "
        "changed, and an edit (an address made confidential) would not show in the others' pages. Set CACHE_URL to "
        "redis:// or db:// (see the README), or run one worker."
    )
    if os.environ.get("DJANGO_ENV") == "production":
        server.log.error(message)
        raise SystemExit(message)
    server.log.warning(message)
