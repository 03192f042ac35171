from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's tools: the synthetic directory (``manage.py generate_directory``) and the bulk writer it
    loads with. Installed only by ``bench.settings``: no production app imports it. No models of its own."""

    name = "bench"
