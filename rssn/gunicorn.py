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


def on_starting(server):
    """Say so when the workers cannot share the cache (``CACHE_URL`` is ``locmem://``, the default): each keeps its
    own, and an edit reaches another worker's pages only when its copy expires, up to 15 minutes later."""
    if workers > 1 and os.environ.get("CACHE_URL", "locmem://").startswith("locmem"):
        server.log.warning(
            "CACHE_URL is locmem:// with %s workers: each worker caches on its own, so an edit can take up to 15 "
            "minutes to show on every page. Set CACHE_URL to redis:// or db:// (see the README).",
            workers,
        )
