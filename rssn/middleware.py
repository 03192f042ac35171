"""Response headers that apply to the whole site.

Kept out of the views so that no page can forget them: the browser permissions the site may ask for, no caching
of any page that carries a form or a staff member's data.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

# Geolocation is asked for by the site's own "near me" button; nothing else, and never by an embedded page.
PERMISSIONS_POLICY = ", ".join(
    [
        "geolocation=(self)",
        "camera=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "serial=()",
        "bluetooth=()",
        "midi=()",
        "magnetometer=()",
        "gyroscope=()",
        "accelerometer=()",
        "display-capture=()",
        "fullscreen=(self)",
        "browsing-topics=()",
    ]
)

# Public pages whose forms a person fills in: what she typed must not stay in a shared computer's cache.
FORM_URL_NAMES = {
    "services:join",
    "services:join-done",
    "services:report-listing",
    "services:report-listing-done",
    "services:verify",
}


def _signed_in(request) -> bool:
    """Whether a signed-in person made the request. Anonymous requests carry no session cookie: looking at the
    session only then keeps public responses free of ``Vary: Cookie`` and of any session access."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every response (Django sets Referrer-Policy, nosniff and the frame options)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on forms, on every page with a CSRF token, on the admin, and on every page a
    signed-in staff member sees. Public pages without a form stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._private(request):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _private(request) -> bool:
        match = getattr(request, "resolver_match", None)
        if match is not None and (
            "admin" in match.namespaces or "account" in match.namespaces or match.view_name in FORM_URL_NAMES
        ):
            return True
        # get_token() was called: the page holds a form that posts back to the site (the admin's).
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return True
        return _signed_in(request)
