"""Reading settings from the environment: one helper, so every variable is parsed the same way."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str | None:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from error


def env_list(name: str, default: list[str], *, required: bool = False) -> list[str]:
    value = env_str(name, None, required=required)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """Comma-separated IP addresses or networks (``10.0.0.5, 192.0.2.0/24, 2001:db8::/48``), each checked."""
    import ipaddress

    networks = env_list(name, [])
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(f"{name} must list IP addresses or networks, not {network!r}.") from error
    return networks


def env_cache(name: str, default: str) -> dict:
    """A cache as a URL: ``redis://host:6379/0`` (or ``rediss://``), ``db://table_name``, ``locmem://``,
    ``dummy://``. Several app servers must share one: redis or the database."""
    from urllib.parse import urlsplit

    url = env_str(name, default)
    scheme = urlsplit(url).scheme
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme in {"db", "database"}:
        table = url.split("://", 1)[1].strip("/") or "rssn_cache"
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rssn"}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"{name} must start with redis://, rediss://, db://, locmem:// or dummy://, not {url!r}."
    )
