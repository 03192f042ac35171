"""Logs that are safe to keep: no search terms, no coordinates, no full IP addresses.

A search or a "near me" query says what a person looked for and where she is, so query strings never reach a log
line: ``RedactingFilter`` formats each record once, cuts every query string and verification link token, blurs
coordinate pairs and
truncates IP addresses (IPv4 to /24, IPv6 to /48), in the message and in the traceback alike. For errors about a
request it adds what is needed to fix them: the view, the method, the path without its query, the staff member's
id and the client's network.
"""

import ipaddress
import logging
import re

QUERY_STRING = re.compile(r"\?[^\s\"']*")
# A verification link's token opens a member's listing for corrections: never in a log line.
VERIFICATION_TOKEN = re.compile(r"(/verify/)[^/\s\"'?]+")
COORDINATE_PAIR = re.compile(r"-?\d{1,3}[.,]\d+\s*(?:,|%2C|;|\s)\s*-?\d{1,3}[.,]\d+", re.IGNORECASE)
IPV4 = re.compile(r"(?<![\d.])(\d{1,3}\.\d{1,3}\.\d{1,3})\.\d{1,3}(?![\d.])")
IPV6_CANDIDATE = re.compile(r"(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])")


def anonymise_ip(address: str | None) -> str:
    """The network an address belongs to, never the address: 203.0.113.7 → 203.0.113.0, IPv6 to its /48."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return "-"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def _anonymise_ipv6(match: re.Match) -> str:
    text = match.group(0)
    try:
        ip = ipaddress.IPv6Address(text)
    except ValueError:
        return text  # a time of day or another colon-separated value
    return anonymise_ip(str(ip))


def scrub(text: str) -> str:
    """``text`` without query strings, coordinate pairs or full IP addresses."""
    text = QUERY_STRING.sub("", text)
    text = VERIFICATION_TOKEN.sub(r"\1[token]", text)
    text = COORDINATE_PAIR.sub("[coordinates]", text)
    text = IPV4.sub(r"\1.0", text)
    return IPV6_CANDIDATE.sub(_anonymise_ipv6, text)


def request_context(request) -> str:
    """What an error report about a request needs, and nothing a visitor typed."""
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    user_id = "-"
    try:
        if user is not None and user.is_authenticated and user.is_staff:
            user_id = str(user.pk)
    except Exception:  # noqa: BLE001 - the session may be what failed; a log line must still be written
        user_id = "?"
    from django.conf import settings

    if getattr(settings, "AXES_CLIENT_IP_CALLABLE", None):
        from django.utils.module_loading import import_string

        address = import_string(settings.AXES_CLIENT_IP_CALLABLE)(request)
    else:
        address = request.META.get("REMOTE_ADDR")
    return (
        f"view={match.view_name if match else '-'} method={request.method} path={request.path} "
        f"user={user_id} client={anonymise_ip(address)}"
    )


def _typed_values(request) -> list[str]:
    """What the visitor typed into this request (query and form values), longest first: an exception message
    may repeat it."""
    values = set()
    try:
        query = getattr(request, "GET", None)
    except Exception:  # noqa: BLE001 - the query itself is what failed (too many fields): the record is about it
        query = None
    # request._post: the form data only if the view already parsed it; parsing it here could fail again.
    for data in (query, getattr(request, "_post", None)):
        if hasattr(data, "lists"):
            for _key, items in data.lists():
                values.update(str(item).strip() for item in items)
    return sorted((value for value in values if len(value) >= 3), key=len, reverse=True)


def _without(text: str, values: list[str]) -> str:
    for value in values:
        text = text.replace(value, "[redacted]")
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record it sees so that no handler after it can write what ``scrub`` removes."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_rssn_scrubbed", False):
            return True
        message = record.getMessage()
        request = getattr(record, "request", None)
        if request is not None and record.levelno >= logging.ERROR and hasattr(request, "META"):
            message = f"{message} [{request_context(request)}]"
        typed = _typed_values(request)
        record.msg = scrub(_without(message, typed))
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(_without(record.exc_text, typed))
        # Handlers that read the request itself (the admin e-mail handler) would print its query string.
        record.request = None
        record._rssn_scrubbed = True
        return True


class RedactingFormatter(logging.Formatter):
    """Scrubs the finished line too: a handler without the filter still writes nothing it should not."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))
