from django.shortcuts import redirect
from django.utils import translation


def language_redirect(request):
    """``/`` sends the visitor to her browser's language (Spanish when it names none we have). No cookie."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        return redirect("services:home")
