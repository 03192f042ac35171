"""Portuguese as written in Brazil: "5 de fevereiro de 2026", 05/02/2026 (the month names come from the catalogue)."""

from django.conf.locale.pt_BR.formats import *  # noqa: F403
