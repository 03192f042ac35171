from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The fictional demo directory and its staff accounts (``manage.py load_demo``). No models of its own."""

    name = "demo"
