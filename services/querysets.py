"""Reads: every public view, serializer and exporter starts from ``Service.objects.public()``."""

from django.db import models


class ServiceQuerySet(models.QuerySet):
    def public(self):
        """Active services of approved members."""
        return self.filter(status="active", organisation__status="approved")
