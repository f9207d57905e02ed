"""Ruled tables on a scanned page, found from their lines, so OCR words can be read cell by cell.

A table here is what a form or a list of people looks like on paper: horizontal rules across its
width and vertical rules between its columns. Rules are runs of ink much longer than any letter
(numpy only). Rows are the bands between horizontal rules; a row's cells are split where a
vertical rule actually crosses that row, so merged cells stay one cell. Tables drawn without
vertical rules are left to the line layout.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_ROWS = 2
RULE_HEIGHT = 0.25  # inches: a vertical run of ink this long is a rule, not a letter (14 pt letters pass)


@dataclass(frozen=True)
class Grid:
    """A table in pixels of the picture: its rows, and for each row the x-bounds of its cells."""

    left: int
    top: int
    right: int
    bottom: int
    rows: tuple[tuple[int, int], ...]
    cells: tuple[tuple[tuple[int, int], ...], ...]  # per row: (x0, x1) of each cell


def find_grids(image, dpi: float):
    """The ruled tables of an upright page picture, and the picture with their rules wiped out.

    Tesseract reads a column rule beside a word as a letter ("|Abdullah", "IMuhsin"), so it is given
    the picture without the column rules of the tables found; letters are never taken (rules are
    runs of ink longer than any letter, and only those inside a table are wiped). Row rules stay:
    without them Tesseract drops lone numbers ("1", "2" of a "No" column).
    """
    import numpy as np

    paper, ink = _ink(np, image)
    if ink is None:
        return [], image
    h, w = ink.shape
    horizontal = _long_runs(np, ink, max(40, w // 12))
    vertical = _long_runs(np, ink.T, max(30, int(RULE_HEIGHT * dpi))).T
    grids = [g for group in _stacks(_rules(np, horizontal)) for g in _grids(np, group, vertical)]
    if not grids:
        return [], image
    return grids, _wiped(np, image, vertical, grids, paper)


def _wiped(np, image, rules, grids: list[Grid], paper: float):
    from PIL import Image

    inside = np.zeros_like(rules)
    for g in grids:
        inside[max(g.top - 6, 0): g.bottom + 7, max(g.left - 6, 0): g.right + 7] = True
    mask = rules & inside
    grown = mask.copy()
    grown[1:] |= mask[:-1]
    grown[:-1] |= mask[1:]
    grown[:, 1:] |= mask[:, :-1]
    grown[:, :-1] |= mask[:, 1:]
    pixels = np.array(image, dtype=np.uint8)
    pixels[grown] = int(paper)
    return Image.fromarray(pixels)


def _ink(np, image):
    a = np.asarray(image, dtype=np.uint8)
    paper, dark = float(np.median(a)), float(np.percentile(a, 1))
    if paper - dark < 40:
        return paper, None
    return paper, a < (paper + dark) / 2


def _long_runs(np, ink, length: int):
    """Pixels that belong to a horizontal run of ink at least `length` long."""
    h, w = ink.shape
    if w < length:
        return np.zeros_like(ink)
    cs = np.zeros((h, w + 1), np.int32)
    np.cumsum(ink, axis=1, out=cs[:, 1:])
    full = (cs[:, length:] - cs[:, :-length]) == length  # window starting at x is all ink
    fc = np.zeros((h, full.shape[1] + 1), np.int32)
    np.cumsum(full, axis=1, out=fc[:, 1:])
    x = np.arange(w)
    lo, hi = np.clip(x - length + 1, 0, full.shape[1]), np.clip(x + 1, 0, full.shape[1])
    return (fc[:, hi] - fc[:, lo]) > 0


def _rules(np, horizontal) -> list[tuple[int, int, int]]:
    """Horizontal rules as (y, x0, x1): consecutive pixel rows of long runs form one rule."""
    rows = np.flatnonzero(horizontal.any(axis=1))
    rules, start = [], None
    for i, y in enumerate(rows):
        if start is None:
            start = y
        if i + 1 == len(rows) or rows[i + 1] != y + 1:
            cols = np.flatnonzero(horizontal[start:y + 1].any(axis=0))
            rules.append((int(start + y) // 2, int(cols.min()), int(cols.max())))
            start = None
    return rules


def _stacks(rules: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Rules stacked one under another with (nearly) the same extent: candidate tables."""
    groups: list[list[tuple[int, int, int]]] = []
    for rule in rules:
        for group in groups:
            x0, x1 = min(r[1] for r in group), max(r[2] for r in group)
            overlap = min(x1, rule[2]) - max(x0, rule[1])
            if overlap > 0.5 * max(x1 - x0, rule[2] - rule[1]):
                group.append(rule)
                break
        else:
            groups.append([rule])
    return [g for g in groups if len(g) > MIN_ROWS]


def _grids(np, group, vertical) -> list[Grid]:
    """Runs of consecutive bands between the rules that columns rules cross: one table each."""
    left, right = min(r[1] for r in group), max(r[2] for r in group)
    out: list[Grid] = []
    run: list[tuple[tuple[int, int], tuple[tuple[int, int], ...]]] = []
    for a, b in zip(group, group[1:], strict=False):
        cells = _row_cells(np, vertical, left, right, a[0], b[0]) if b[0] - a[0] > 8 else None
        if cells is not None:
            run.append(((a[0], b[0]), cells))
            continue
        out += _grid_of(run, left, right)
        run = []
    return out + _grid_of(run, left, right)


def _row_cells(np, vertical, left: int, right: int, y0: int, y1: int):
    """(x0, x1) of each cell of the band, split where a column rule crosses it; None without any."""
    margin = (y1 - y0) // 4
    x_lo = max(left - 3, 0)
    band = vertical[y0 + margin: y1 - margin + 1, x_lo: right + 4]
    inner = [x for x in _centres(np.flatnonzero(band.mean(axis=0) > 0.6) + x_lo) if left + 5 < x < right - 5]
    if not inner:
        return None
    bounds = [left, *inner, right]
    return tuple(zip(bounds, bounds[1:], strict=False))


def _grid_of(run, left: int, right: int) -> list[Grid]:
    if len(run) < MIN_ROWS:
        return []
    rows = tuple(r for r, _ in run)
    return [Grid(left, rows[0][0], right, rows[-1][1], rows, tuple(c for _, c in run))]


def _centres(xs) -> list[int]:
    out: list[int] = []
    run: list[int] = []
    for x in xs:
        if run and x != run[-1] + 1:
            out.append(sum(run) // len(run))
            run = []
        run.append(int(x))
    if run:
        out.append(sum(run) // len(run))
    return out
