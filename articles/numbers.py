"""Numbers as readers of each language write them (config/formats/<lang>/formats.py)."""

from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format


def format_number(value):
    """A decimal without trailing zeros, grouped by thousands with a narrow no-break
    space, with the page language's decimal sign: 1 234,5 (ky, ru), 1 234.5 (en).

    Anything that is not a number comes back unchanged.
    """
    try:
        value = Decimal(value).normalize()
    except (InvalidOperation, TypeError, ValueError):
        return value
    places = max(-value.as_tuple().exponent, 0)
    return number_format(value, decimal_pos=places, force_grouping=True)
