"""Small inline SVG charts (no JavaScript library, no CDN): mentions per month.

Labels are escaped; colours are presentation attributes, not `style`, so the
page's Content-Security-Policy can forbid inline styles.

>>> svg = month_bars([("2016-12", 2), ("2017-02", 1)])
>>> svg.count("<rect"), "2017-01" in svg
(3, True)
"""
from __future__ import annotations

import html
from typing import Iterable


def _months_between(first: str, last: str) -> list[str]:
    """Every 'YYYY-MM' from first to last, so silent months show as gaps."""
    y, m = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    out = []
    while (y, m) <= (ly, lm) and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_bars(counts: Iterable[tuple[str, int]], width: int = 720, height: int = 140,
               colour: str = "#e09f3e") -> str:
    """A bar per month ('YYYY-MM', count), zero months included; '' when there is no data."""
    data = {str(m): int(n) for m, n in counts if m}
    if not data:
        return ""
    months = _months_between(min(data), max(data))
    top = max(data.values()) or 1
    plot_h, label_h = height - 30, 14
    step = width / len(months)
    bar_w = max(1.0, step * 0.8)
    parts = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
             f'aria-label="mentions per month">']
    label_every = max(1, len(months) // 12)
    for i, month in enumerate(months):
        n = data.get(month, 0)
        h = plot_h * n / top
        x = i * step + (step - bar_w) / 2
        parts.append(f'<rect x="{x:.1f}" y="{plot_h - h + 10:.1f}" width="{bar_w:.1f}" '
                     f'height="{h:.1f}" fill="{colour}"><title>{html.escape(month)}: {n}'
                     f'</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{i * step + step / 2:.1f}" y="{height - 4}" font-size="10" '
                         f'text-anchor="middle" fill="#555">{html.escape(month)}</text>')
    parts.append(f'<text x="2" y="{label_h}" font-size="10" fill="#555">max {top}</text>')
    parts.append("</svg>")
    return "".join(parts)
