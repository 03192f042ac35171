"""Production's static files: whitenoise's compressed manifest storage must find every file the CSS and the
pages refer to, or collectstatic (and so `make serve`) fails."""

import json

from django.core.management import call_command
from django.templatetags.static import static


def test_collectstatic_with_the_production_storage(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--no-input", verbosity=0)
    paths = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in [
        "css/site.css",
        "js/site.js",
        "js/exit-guard.js",
        "admin/js/vendor/jquery/jquery.min.js",
        "vendor/jquery-ui/jquery-ui.min.js",
    ]:
        hashed = tmp_path / paths[name]
        assert hashed.exists(), name
        assert hashed.name != name.rsplit("/", 1)[-1]  # a content hash in the name: cached forever safely
        assert hashed.with_name(hashed.name + ".gz").exists(), name
    assert static("css/site.css") == "/static/" + paths["css/site.css"]
