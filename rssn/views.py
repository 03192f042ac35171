from django.contrib import admin
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation


def language_redirect(request):
    """``/`` sends the visitor to her browser's language (Spanish when it names none we have). No cookie."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        return redirect("services:home")


def permission_denied(request, exception=None):
    """A refusal that says why, in the admin's own layout on an admin page (a record of another country), in the
    directory's layout elsewhere."""
    match = getattr(request, "resolver_match", None)
    context = {"reason": str(exception or "")}
    if match is not None and admin.site.name in match.namespaces:
        context.update(admin.site.each_context(request))
        template = "admin/403.html"
    else:
        template = "403.html"
    response = TemplateResponse(request, template, context, status=403)
    return response.render()
