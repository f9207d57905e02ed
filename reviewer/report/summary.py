"""The HTML summary of a batch run for the head of the PPID, in Indonesian: documents ranked by risk,
counts per label and per Pasal 17 huruf as bar charts (inline SVG, no JavaScript), problems, and links
that open each document in the review UI. One self-contained file; every name from the archive is
escaped (a file name is untrusted input).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from reviewer.core.errors import ReviewerError
from reviewer.core.officetime import DEFAULT_ZONE, format_moment, format_number
from reviewer.core.vocabulary import basis_name, label_name
from reviewer.detect import risk
from reviewer.report import queries as report
from reviewer.store import batch as batch_store
from reviewer.store import records as store

TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "ringkasan.html.j2"

LEVEL_COLOURS = {"tinggi": "#b42318", "sedang": "#dc6803", "rendah": "#ca8504", "aman": "#039855"}
STATUS_NAMES = {"scanned": "dipindai", "unchanged": "tidak berubah", "failed": "gagal",
                "unsupported": "tidak didukung", "skipped": "dilewati"}
ACT, KEEP = "#1d4ed8", "#94a3b8"


def bar_chart(rows: list[tuple[str, list[tuple[int, str]]]], width: int = 640, title: str = "") -> Markup:
    """A horizontal bar chart as inline SVG: rows of (label, [(value, colour), ...]) stacked left to right."""
    bar, gap, right = 22, 8, 60
    left = min(380, 16 + 7 * max((len(label) for label, _ in rows), default=10))
    top = max((sum(v for v, _ in parts) for _, parts in rows), default=0) or 1
    scale = (width - left - right) / top
    height = len(rows) * (bar + gap) + gap
    out = [f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, parts) in enumerate(rows):
        y = gap + i * (bar + gap)
        out.append(f'<text x="{left - 8}" y="{y + bar * 0.7:.1f}" text-anchor="end">{escape(label)}</text>')
        x = float(left)
        for value, colour in parts:
            if value:
                out.append(f'<rect x="{x:.1f}" y="{y}" width="{max(value * scale, 1.5):.1f}" height="{bar}" '
                           f'fill="{colour}"><title>{escape(label)}: {value}</title></rect>')
                x += value * scale
        total = sum(v for v, _ in parts)
        out.append(f'<text x="{x + 6:.1f}" y="{y + bar * 0.7:.1f}">{total}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def charts(session: Session, run_id: int) -> dict[str, Markup]:
    levels = report.counts_by_level(session, run_id)
    huruf = report.counts_by_huruf(session, run_id)
    labels = report.counts_by_label(session, run_id)
    return {
        "levels": bar_chart([(name, [(n, LEVEL_COLOURS[name])]) for name, n in levels],
                            title="Dokumen per tingkat risiko"),
        "huruf": bar_chart([(f"huruf {code[2]} — {basis_name(code)}", [(n, ACT)]) for code, n in huruf],
                           width=900, title="Temuan perlu tindakan per huruf Pasal 17"),
        "labels": bar_chart([(label_name(lab), [(a, ACT), (k, KEEP)]) for lab, a, k in labels],
                            title="Temuan per jenis data"),
    }


def render_summary(session: Session, run_id: int, ui_url: str, timezone: str = DEFAULT_ZONE) -> str:
    """The summary in Indonesian: times in the office's `timezone` (named WIB/WITA/WIT), numbers as `1.234,5`."""
    from jinja2 import Environment, select_autoescape

    from reviewer.core.filenames import visible

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                      finalize=lambda v: visible(v) if isinstance(v, str) and not isinstance(v, Markup) else v)
    env.filters.update(when=lambda moment: format_moment(moment, timezone),
                       number=lambda value, digits=None: format_number(value, "id", digits))
    template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    run = session.get(store.BatchRun, run_id)
    if run is None:
        raise ReviewerError(f"run batch tidak ditemukan / batch run not found: {run_id}")
    # an unfinished run: counts so far
    totals = batch_store.BatchTotals.from_dict(run.summary) if run.summary else batch_store.summary(session, run_id)
    top = report.top_documents(session, run_id)
    counts = report.acting_labels(session, list({i.document_sha for i in top if i.document_sha}))
    documents = [{"item": item, "level": risk.level(item.risk), "url": report.item_url(ui_url, item),
                  "labels": _top_labels(counts.get(item.document_sha or "", {}))} for item in top]
    return template.render(run=run, totals=totals, charts=charts(session, run_id), documents=documents,
                           problems=report.problems(session, run_id), status_names=STATUS_NAMES,
                           level_colours=LEVEL_COLOURS, label_name=label_name, weights=risk.WEIGHTS)


def _top_labels(counts: dict[str, int]) -> str:
    parts = sorted(counts.items(), key=lambda kv: -kv[1])[:4]
    return ", ".join(f"{label_name(label)} {n}" for label, n in parts)
