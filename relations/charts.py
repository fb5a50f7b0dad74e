"""Accessible SVG drawings: the events timeline and an indicator's yearly series.

Each SVG is well-formed XML with a role (img; group for the timeline, whose marks are
links), a <title> and a <desc> for screen readers;
the same data is always also on the page as text (a list or a table).
"""

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

from articles.numbers import format_number

WIDTH = 760
LEFT, RIGHT = 40, 20
ROW = 16  # pixels between rows of marks
MIN_BAR = 8  # a month is drawn at least this wide
KIND_COLOURS = {
    "visit": "#8a1c1c",
    "summit": "#1a5fb4",
    "negotiation": "#26735a",
    "incident": "#c64600",
    "signing": "#613583",
    "cultural": "#986a44",
    "other": "#5b616e",
}


def _svg(title, desc, height, body, uid, role="img"):
    return mark_safe(  # noqa: S308 - every text piece is escaped by the callers
        f'<svg xmlns="http://www.w3.org/2000/svg" role="{role}" '
        f'aria-labelledby="{uid}-title {uid}-desc" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" class="chart">'
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<desc id="{uid}-desc">{escape(desc)}</desc>{body}</svg>'
    )


def _year_ticks(first, last):
    span = max(last - first, 1)
    step = next(s for s in (1, 2, 5, 10, 20, 50, 100) if span / s <= 12)
    return [y for y in range(first, last + 1) if y % step == 0 or y == first]


def _legend(kinds, labels, y):
    """Colour keys for the kinds of event drawn, in a row under the axis."""
    parts, x = [], LEFT
    for kind in kinds:
        label = escape(str(labels.get(kind, kind)))
        parts.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" rx="2" '
            f'fill="{KIND_COLOURS.get(kind, "#5b616e")}"/>'
            f'<text x="{x + 14}" y="{y}" font-size="11" fill="#1d1f24">{label}</text>'
        )
        x += 24 + 7 * len(label)
    return "".join(parts)


def timeline_svg(points, title, desc, uid="timeline", labels=None):
    """Events on a time axis. `points`: dicts with date, precision, label, url, kind,
    and optionally `number`, written beside the mark (the event's place in the list
    under the chart, so nothing is only in a hover tooltip).

    A day is a dot; a month or a year is a bar as wide as the period (never thinner
    than a dot is wide), so a date known only to the year is never drawn as if it were
    a day, and a month is still plainly visible.
    """
    if not points:
        return ""
    first = min(p["date"].year for p in points)
    last = max(p["date"].year for p in points) + 1
    scale = (WIDTH - LEFT - RIGHT) / (last - first)

    def x(year_fraction):
        return LEFT + (year_fraction - first) * scale

    rows = {}
    marks = []
    for p in sorted(points, key=lambda p: p["date"]):
        start = p["date"].year + (p["date"].timetuple().tm_yday - 1) / 366
        width = {"year": 1, "month": 1 / 12}.get(p["precision"], 0)
        row = rows.setdefault(p["date"].year, 0)
        rows[p["date"].year] += 1
        y = 30 + (row % 8) * ROW
        colour = KIND_COLOURS.get(p["kind"], "#5b616e")
        if width:
            w = max(width * scale, MIN_BAR)
            shape = (
                f'<rect x="{x(start):.1f}" y="{y - 5}" width="{w:.1f}" height="10" '
                f'rx="3" fill="{colour}" fill-opacity="0.8" stroke="{colour}"/>'
            )
        else:
            w = 0
            shape = f'<circle cx="{x(start):.1f}" cy="{y}" r="5" fill="{colour}"/>'
        number = ""
        if p.get("number"):
            number = (
                f'<text x="{x(start) + max(w, 6) + 2:.1f}" y="{y + 4}" font-size="11" '
                f'fill="#1d1f24">{p["number"]}</text>'
            )
        link, label = escape(p["url"]), escape(p["label"])
        marks.append(f'<a href="{link}"><title>{label}</title>{shape}{number}</a>')
    kinds = sorted({p["kind"] for p in points}, key=list(KIND_COLOURS).index)
    height = 30 + min(max(rows.values()), 8) * ROW + 30 + (24 if labels else 0)
    axis_y = height - 22 - (24 if labels else 0)
    ticks = "".join(
        f'<line x1="{x(t):.1f}" y1="{axis_y}" x2="{x(t):.1f}" y2="{axis_y + 5}" '
        f'stroke="#5b616e"/><text x="{x(t):.1f}" y="{axis_y + 17}" font-size="11" '
        f'text-anchor="middle" fill="#1d1f24">{t}</text>'
        for t in _year_ticks(first, last)
    )
    axis = (
        f'<line x1="{LEFT}" y1="{axis_y}" x2="{WIDTH - RIGHT}" y2="{axis_y}" '
        f'stroke="#5b616e"/>'
    )
    legend = _legend(kinds, labels, height - 8) if labels else ""
    # role="group", not "img": an image may not contain the links each mark is.
    return _svg(
        title, desc, height, axis + ticks + "".join(marks) + legend, uid, role="group"
    )


def series_svg(observations, title, desc, uid="series"):
    """A bar per year with its value written above it (an indicator's series)."""
    if not observations:
        return ""
    height, top, bottom = 260, 30, 40
    values = [Decimal(o.value) for o in observations]
    peak = max(max(values), Decimal(0)) or Decimal(1)
    slot = (WIDTH - LEFT - RIGHT) / len(observations)
    bar = min(slot * 0.6, 60)
    plot = height - top - bottom
    body = [
        f'<line x1="{LEFT}" y1="{height - bottom}" x2="{WIDTH - RIGHT}" '
        f'y2="{height - bottom}" stroke="#5b616e"/>'
    ]
    for i, (obs, value) in enumerate(zip(observations, values, strict=True)):
        h = float(max(value, Decimal(0)) / peak) * plot
        cx = LEFT + slot * i + slot / 2
        body.append(
            f'<rect x="{cx - bar / 2:.1f}" y="{height - bottom - h:.1f}" '
            f'width="{bar:.1f}" height="{h:.1f}" fill="#8a1c1c" fill-opacity="0.8">'
            f"<title>{obs.year}: {escape(format_number(value))}</title></rect>"
            f'<text x="{cx:.1f}" y="{height - bottom - h - 6:.1f}" font-size="12" '
            f'text-anchor="middle" fill="#1d1f24">{escape(format_number(value))}</text>'
            f'<text x="{cx:.1f}" y="{height - bottom + 16}" font-size="12" '
            f'text-anchor="middle" fill="#1d1f24">{obs.year}</text>'
        )
    return _svg(title, desc, height, "".join(body), uid)
