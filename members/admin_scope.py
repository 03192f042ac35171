"""The staff's one gate: every admin page of every model reads and writes through ``members.roles.scoped``.

``ScopedAdmin`` is mixed into every ModelAdmin of the directory and ``ScopedInline`` into every inline, so that no
view can forget the scope: the list, the change, add and delete pages, the history list and a history version's
page (django-simple-history loads those by id: they are checked here), the autocomplete and the spreadsheet
export (they read ``get_queryset``), the bulk actions (they receive the list's queryset), the choices of every
foreign key and many-to-many field, the inline formsets, and the save, which refuses a record moved out of scope.

A record of another country is refused with a 403 that says so, rather than Django's "does not exist, perhaps it
was deleted". Membership status and address visibility change only through ``members.services`` and the pages
made for them: a history revert keeps their current values (``revert_keeps``).
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from members import roles

NOT_IN_YOUR_COUNTRIES = _("This record is not in the countries you coordinate, so you cannot open or change it.")


def _scoped_choices(request, db_field, queryset):
    """The choices of a foreign key or many-to-many field: only records the user may see (None: the default)."""
    related = db_field.remote_field.model
    if roles.scope_path(related) is None:
        return queryset
    if queryset is None:
        queryset = related._default_manager.all()
    return roles.scoped(request.user, queryset)


class ScopedFormFields:
    """Foreign key and many-to-many choices narrowed to the user's scope, for pages and inlines alike. The
    autocomplete widget shows what its search finds, but the form field's choices decide what a save accepts."""

    def _scope_choices(self, db_field, request, kwargs):
        queryset = kwargs.get("queryset")
        if queryset is None:
            queryset = self.get_field_queryset(kwargs.get("using"), db_field, request)
        queryset = _scoped_choices(request, db_field, queryset)
        if queryset is not None:
            kwargs["queryset"] = queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._scope_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._scope_choices(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def _scope_check(form_class, user, model):
    """The form class, with a check that the record stays in the user's countries: a coordinator cannot move a
    record to another country (an organisation's countries, a location's or a service's organisation)."""
    path = roles.scope_path(model)
    if path is None or not roles.is_country_scoped(user):
        return form_class
    field_name = path.split("__")[0]

    def clean(form):
        cleaned_data = super(checked, form).clean()
        if field_name in form.fields and field_name in cleaned_data:
            value = cleaned_data[field_name]
            if field_name == "countries":
                inside = bool({country.pk for country in value} & roles.coordinated_country_ids(user))
            else:
                inside = value is None or roles.in_scope(user, value)
            if not inside:
                form.add_error(field_name, ValidationError(_("Keep at least one of the countries you coordinate.")))
        return cleaned_data

    checked = type(form_class.__name__, (form_class,), {"clean": clean, "__module__": __name__})
    return checked


class ScopedAdmin(ScopedFormFields):
    """Mixed into every ModelAdmin: reads, writes and every view go through the user's scope."""

    # Fields a history revert never restores: they change only through the functions and pages made for them.
    revert_keeps: tuple[str, ...] = ()

    def get_queryset(self, request):
        return roles.scoped(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        found = super().get_object(request, object_id, from_field)
        if found is None:
            self._refuse_if_elsewhere(request, object_id, from_field)
        return found

    def _refuse_if_elsewhere(self, request, object_id, from_field=None):
        """A record that exists outside the user's scope is refused in words, not reported missing."""
        if roles.scope_path(self.model) is None or not roles.is_country_scoped(request.user):
            return
        field = self.model._meta.pk if from_field is None else self.model._meta.get_field(from_field)
        try:
            exists = self.model._default_manager.filter(**{field.name: field.to_python(object_id)}).exists()
        except (ValidationError, ValueError):
            return
        if exists:
            raise PermissionDenied(NOT_IN_YOUR_COUNTRIES)

    def _object_in_scope(self, request, object_id):
        """The current record for a history page: refused outside the scope. A deleted record's history is for
        those who see every country (its countries are gone with it)."""
        record = self.get_object(request, unquote(object_id))
        if record is None and roles.scope_path(self.model) is not None and roles.is_country_scoped(request.user):
            raise Http404
        return record

    def history_view(self, request, object_id, extra_context=None):
        self._object_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        current = self._object_in_scope(request, object_id)
        if request.method == "POST" and (current is None or self.revert_disabled(request, current)):
            raise PermissionDenied
        # What a revert may not restore shows, and is saved, as it is now (get_readonly_fields and get_form).
        request._rssn_revert_of = current
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return super().revert_disabled(request, obj) or not self.has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if getattr(request, "_rssn_revert_of", None) is not None:
            readonly += [name for name in self.revert_keeps if name not in readonly]
        return readonly

    def get_form(self, request, obj=None, change=False, **kwargs):
        current = getattr(request, "_rssn_revert_of", None)
        if current is not None and obj is not None:
            for name in self.revert_keeps:
                setattr(obj, name, getattr(current, name))
        return _scope_check(super().get_form(request, obj, change=change, **kwargs), request.user, self.model)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the many-to-many fields: the record must still be one the user may see. The admin's transaction
        # undoes the save.
        if not roles.in_scope(request.user, form.instance):
            raise PermissionDenied(NOT_IN_YOUR_COUNTRIES)


#: The most rows an inline's formset builds from what a page sends (Django's default: two thousand), far above any
#: record's: a forged count of forms is refused, not built.
MOST_INLINE_ROWS = 300


class ScopedInline(ScopedFormFields):
    """Mixed into every inline: its rows and its choices go through the user's scope, and its formset builds no
    more than ``MOST_INLINE_ROWS`` forms."""

    def get_queryset(self, request):
        return roles.scoped(request.user, super().get_queryset(request))

    def get_formset(self, request, obj=None, **kwargs):
        most = self.get_max_num(request, obj, **kwargs)
        kwargs.setdefault("max_num", MOST_INLINE_ROWS if most is None else min(most, MOST_INLINE_ROWS))
        kwargs.setdefault("absolute_max", MOST_INLINE_ROWS)
        return super().get_formset(request, obj, **kwargs)
