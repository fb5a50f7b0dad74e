"""Build the POST data an editor's browser would send from an admin form page."""

from django import forms


def _value(bound):
    field = bound.field
    value = bound.value()
    if isinstance(field.widget, forms.ClearableFileInput | forms.FileInput):
        return None
    if isinstance(field, forms.BooleanField):
        return "on" if value else None
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [str(getattr(v, "pk", v)) for v in value or []]
    if isinstance(field, forms.ModelChoiceField):
        value = getattr(value, "pk", value)
    if value is None:
        return None
    if hasattr(value, "isoformat") and not isinstance(field, forms.DateTimeField):
        return value.isoformat()
    if isinstance(field, forms.DateTimeField) or hasattr(field, "fields"):
        return None if not value else value
    return value


def _collect(form, data):
    for name in form.fields:
        value = _value(form[name])
        if value is not None:
            data[form.add_prefix(name)] = value


def admin_form_data(response):
    """Every field of the change form and its inlines, as currently shown."""
    data = {}
    _collect(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _collect(formset.management_form, data)
        for form in formset.forms:
            _collect(form, data)
    return data
