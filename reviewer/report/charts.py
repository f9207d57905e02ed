"""Small SVG bar charts drawn on the server (no JavaScript, printable, embeddable in reports)."""

from __future__ import annotations

from html import escape


def bars(labels: list[str], series: dict[str, list[float]], title: str = "", width: int = 640,
         height: int = 260) -> str:
    """Grouped vertical bars: one group per label, one bar per series. Returns an <svg> element."""
    colours = ("#2f5d8a", "#d9822b", "#5a9e4b", "#8a2f5d")
    left, right, top, bottom = 40, 10, 28 if title else 10, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max([v for values in series.values() for v in values] + [1])
    step = _nice_step(peak)
    top_value = step * -(-peak // step)
    group_w = plot_w / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(title)}">']
    if title:
        parts.append(f'<text x="{width / 2}" y="16" text-anchor="middle" font-size="13">{escape(title)}</text>')
    for i in range(int(top_value // step) + 1):
        value = i * step
        y = top + plot_h - plot_h * value / top_value
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="10">{value:g}</text>')
    for g, label in enumerate(labels):
        x0 = left + g * group_w + group_w * 0.1
        for s, (name, values) in enumerate(series.items()):
            value = values[g] if g < len(values) else 0
            h = plot_h * value / top_value
            x, y = x0 + s * bar_w, top + plot_h - h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{colours[s % len(colours)]}"><title>{escape(name)} {escape(label)}: '
                         f'{value:g}</title></rect>')
        parts.append(f'<text x="{left + (g + 0.5) * group_w:.1f}" y="{height - bottom + 14}" text-anchor="middle" '
                     f'font-size="10">{escape(label)}</text>')
    for s, name in enumerate(series):
        if len(series) > 1:
            x = left + s * 120
            parts.append(f'<rect x="{x}" y="{height - 14}" width="10" height="10" '
                         f'fill="{colours[s % len(colours)]}"/><text x="{x + 14}" y="{height - 5}" '
                         f'font-size="10">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _nice_step(peak: float) -> float:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000):
        if peak / step <= 5:
            return step
    return 10 ** len(str(int(peak)))
