"""The API's error messages, in the request's language as its content is (``?lang=``, else Accept-Language).

Django REST framework's own messages are English only here: its catalogues are not installed, since installed they
would replace Django's form messages (see ``INSTALLED_APPS``). So every error the read-only API can answer is
worded here, in the project's catalogues; validation errors keep the form's messages, which Django translates.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

NOT_FOUND = _("Nothing public was found at this address.")

MESSAGES = {
    exceptions.NotFound: NOT_FOUND,
    exceptions.MethodNotAllowed: _("The API only reads: send GET requests."),
    exceptions.NotAcceptable: _("The API answers in JSON only."),
    exceptions.UnsupportedMediaType: _("The API reads no request body."),
    exceptions.ParseError: _("The request could not be read."),
    exceptions.NotAuthenticated: _("The API needs no sign-in: send the request without credentials."),
    exceptions.AuthenticationFailed: _("The API needs no sign-in: send the request without credentials."),
    exceptions.PermissionDenied: _("You do not have permission to do this."),
}
OTHER = _("The request could not be answered.")


def exception_handler(exc, context):
    """DRF's handler, with each message in the request's language. A message the API wrote itself (a page of
    results past the last, a form's validation errors) is already translated and kept."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(NOT_FOUND)
    elif isinstance(exc, exceptions.Throttled):
        seconds = int(exc.wait or 1)
        exc = exceptions.Throttled(
            wait=exc.wait,
            detail=ngettext(
                "Too many requests: try again in %(seconds)d second.",
                "Too many requests: try again in %(seconds)d seconds.",
                seconds,
            )
            % {"seconds": seconds},
        )
    elif isinstance(exc, exceptions.APIException) and _is_default_detail(exc):
        message = next((text for kind, text in MESSAGES.items() if isinstance(exc, kind)), OTHER)
        exc.detail = exceptions.ErrorDetail(str(message), exc.default_code)
    return drf_exception_handler(exc, context)


def _is_default_detail(exc) -> bool:
    """Whether the exception carries DRF's English default message (or one made from it), not the API's own. A
    validation error's messages are the form's: Django has translated them."""
    if isinstance(exc, exceptions.ValidationError):
        return False
    detail = str(exc.detail)
    default = str(exc.default_detail)
    if isinstance(exc, exceptions.MethodNotAllowed | exceptions.NotAcceptable | exceptions.UnsupportedMediaType):
        return True  # their defaults are formats ("Method \"{method}\" not allowed.") filled in
    return detail == default
