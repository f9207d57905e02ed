"""PDF glyphs through PyMuPDF (MuPDF), laid out by `pdflayout` exactly as the pdfplumber engine's.

MuPDF gives every character with its box, origin, font size and metrics, colour and opacity in a few
milliseconds a page (pdfminer needs tens). Boxes are made the way pdfminer makes them (the font size
tall, from the baseline's descender), then mapped from MuPDF's unrotated page space into the displayed
page's space that every `Box` uses (`pdfspace`), so offsets, boxes and redaction geometry are the same
whichever engine read the page.
"""

from __future__ import annotations

import math

from reviewer.core.errors import CorruptFile, EncryptedFile
from reviewer.extract.pdflayout import Glyph, Table
from reviewer.extract.pdfspace import Matrix, apply, apply_box, invert, multiply, plumber_to_mupdf

LIGHT = 0.85  # luminance from which a fill is "very light"


def open_doc(path: str):
    import fitz

    fitz.no_recommend_layout()  # it would print to standard output, into the JSONL
    fitz.TOOLS.mupdf_display_errors(False)  # likewise; they are collected and checked (`trouble`)
    fitz.TOOLS.mupdf_display_warnings(False)
    fitz.TOOLS.reset_mupdf_warnings()
    try:
        doc = fitz.open(path, filetype="pdf")
    except Exception as exc:  # MuPDF raises its own and plain errors for broken files
        raise CorruptFile(f"PDF rusak atau tidak dapat dibaca / corrupt or unreadable PDF ({_short(exc)})") from exc
    if doc.needs_pass and not doc.authenticate(""):
        doc.close()
        raise EncryptedFile("PDF terkunci kata sandi; buka kuncinya dulu / "
                            "PDF is password-protected; remove the password first")
    if doc.is_repaired or trouble():
        doc.close()
        raise CorruptFile("PDF rusak; MuPDF harus memperbaikinya / corrupt PDF that MuPDF had to repair")
    return doc


def trouble() -> str:
    """MuPDF's errors since the last call (it reports broken content as messages, not exceptions)."""
    import fitz

    messages = fitz.TOOLS.mupdf_warnings()
    fitz.TOOLS.reset_mupdf_warnings()
    return "; ".join(line for line in messages.splitlines() if "error" in line.lower())[:160]


def raw_box(doc, xref: int, key: str):
    """A page box as written in the PDF (user space), following /Parent for inherited boxes."""
    for _ in range(32):
        kind, value = doc.xref_get_key(xref, key)
        if kind == "array":
            return tuple(float(v) for v in value.strip("[] ").split())
        if kind == "xref":
            text = doc.xref_object(int(value.split()[0]))
            return tuple(float(v) for v in text.strip("[] \n").split())
        kind, parent = doc.xref_get_key(xref, "Parent")
        if kind != "xref":
            return None
        xref = int(parent.split()[0])
    return None


def display_matrix(doc, fpage) -> tuple[Matrix, float, float]:
    """MuPDF's unrotated page space → the displayed page's space (pdfplumber's), and its size."""
    mediabox = raw_box(doc, fpage.xref, "MediaBox") or tuple(fpage.mediabox)
    rotation = fpage.rotation % 360
    m = invert(plumber_to_mupdf(mediabox, rotation, raw_box(doc, fpage.xref, "CropBox")))
    x0, y0, x1, y1 = mediabox
    w, h = abs(x1 - x0), abs(y1 - y0)
    return m, (h if rotation in (90, 270) else w), (w if rotation in (90, 270) else h)


def glyphs(fpage, m: Matrix) -> list[Glyph]:
    """Every character of the page, in content-stream order, in the displayed page's space.

    `m` maps MuPDF's unrotated page space; the characters come in MuPDF's rotated page space, so they
    are first turned back (`derotation_matrix`)."""
    import fitz

    m = multiply(tuple(fpage.derotation_matrix), m)
    flags = fitz.TEXT_PRESERVE_WHITESPACE | fitz.TEXT_INHIBIT_SPACES
    out: list[Glyph] = []
    raw = _rawdict(fpage, flags)
    problem = trouble()
    if problem:
        raise CorruptFile(f"MuPDF: {problem}")
    shift = m[:4] == (1, 0, 0, 1)
    for block in raw["blocks"]:
        for line in block.get("lines", ()):
            dx, dy = line["dir"]
            angle = _angle(m, dx, dy)
            for span in line["spans"]:
                light, size = _light(span), float(span["size"])
                descender = float(span.get("descender", -0.2))
                if shift and dx > 0.999:  # upright text on an unturned page: the common case, kept cheap
                    _upright(out, span["chars"], m[4], m[5] - descender * size, size, light)
                    continue
                for ch in span["chars"]:
                    box = apply_box(m, _box(ch, (dx, dy), size, descender))
                    out.append(Glyph(ch["c"], *box, size, angle, light, len(out)))
    return out


_new = tuple.__new__


def _upright(out: list[Glyph], chars: list[dict], ex: float, below: float, size: float, light: bool) -> None:
    """Glyphs of left-to-right text, the box the font size tall from the descender line (as pdfminer).

    The hottest loop of PDF extraction: one comprehension, tuples made without `Glyph`'s keyword wrapper."""
    n = len(out)
    out.extend([_new(Glyph, (ch["c"], box[0] + ex, bottom - size, box[2] + ex, bottom, size, 0.0, light, n + i))
                for i, ch in enumerate(chars)
                for box, bottom in ((ch["bbox"], ch["origin"][1] + below),)])


def _rawdict(fpage, flags: int) -> dict:
    """The page's characters from its content stream only, off-page glyphs included. Annotations and
    form fields are left out, as pdfminer leaves them out: redaction removes them anyway, and what they
    say is checked apart (`redact.verify.hidden_check`)."""
    import fitz
    from pymupdf import mupdf

    stext = mupdf.FzStextPage(mupdf.FzRect(mupdf.FzRect.Fixed_INFINITE))
    options = mupdf.FzStextOptions()
    options.flags = flags
    device = mupdf.fz_new_stext_device(stext, options)
    try:
        mupdf.fz_run_page_contents(fpage.this, device, mupdf.FzMatrix(), mupdf.FzCookie())
    finally:
        mupdf.fz_close_device(device)
    page = fitz.TextPage(stext)
    page.parent = fpage
    return page.extractRAWDICT()


def _box(ch: dict, direction: tuple[float, float], size: float, descender: float) -> tuple:
    """pdfminer's box of a glyph on axis-aligned text: the font size tall from the descender line."""
    x0, y0, x1, y1 = ch["bbox"]
    dx, dy = direction
    ox, oy = ch["origin"]
    if abs(dy) < 1e-3:  # horizontal: up is -y for dx > 0
        base = oy - descender * size * (1 if dx > 0 else -1)
        top, bottom = (base - size, base) if dx > 0 else (base, base + size)
        return (min(x0, x1), top, max(x0, x1), bottom)
    if abs(dx) < 1e-3:  # vertical: up is -x when the text runs upwards
        base = ox - descender * size * (1 if dy < 0 else -1)
        left, right = (base - size, base) if dy < 0 else (base, base + size)
        return (left, min(y0, y1), right, max(y0, y1))
    return (x0, y0, x1, y1)


def _angle(m: Matrix, dx: float, dy: float) -> float:
    """The text direction in degrees counter-clockwise on the displayed page."""
    a, b, c, d, _, _ = m
    ex, ey = a * dx + c * dy, b * dx + d * dy
    return math.degrees(math.atan2(-ey, ex))


def _light(span: dict) -> bool:
    """A very light fill. Opacity is not used: MuPDF reports invisible text (render mode 3, the text
    layer over a scan) with opacity 0, and that text is the page's body."""
    color = int(span.get("color", 0))
    r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
    luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    return luminance >= LIGHT


def tables(fpage, m: Matrix, width: float, height: float) -> list[Table]:
    """Ruled tables with at least two rows and two columns, found by pdfplumber's table finder (the
    one the pdfplumber engine uses) over the page's ruling lines as MuPDF draws them."""
    edges = rule_edges(fpage, m)
    if sum(e["orientation"] == "h" for e in edges) < 2 or sum(e["orientation"] == "v" for e in edges) < 2:
        return []
    from pdfplumber.table import TableFinder, TableSettings  # only for a page with rules (most have none)

    # a stand-in page with only the edges and bbox the finder reads, not a pdfplumber Page
    finder = TableFinder(_RulesPage(edges, (0.0, 0.0, width, height)), TableSettings.resolve(None))  # type: ignore[arg-type]
    out = []
    for index, table in enumerate(finder.tables):
        rows = [list(row.cells) for row in table.rows]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        out.append(Table(index, (x0, top, x1, bottom), rows))
    return out


class _RulesPage:
    """What pdfplumber's `TableFinder` reads of a page for the "lines" strategy: its edges and box."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]):
        self.edges, self.bbox = edges, bbox


def rule_edges(fpage, m: Matrix) -> list[dict]:
    """Horizontal and vertical edges of the page's lines and rectangles, on the displayed page."""
    out: list[dict] = []
    try:
        drawings = fpage.get_cdrawings()
    except Exception:  # drawings are a refinement; a page without them still reads
        return out
    for path in drawings:
        for item in path.get("items", ()):
            if item[0] == "l":
                out += _edge(apply(m, *item[1]), apply(m, *item[2]))
            elif item[0] == "re":
                x0, y0, x1, y1 = apply_box(m, tuple(item[1]))
                out += _edge((x0, y0), (x1, y0)) + _edge((x0, y1), (x1, y1))
                out += _edge((x0, y0), (x0, y1)) + _edge((x1, y0), (x1, y1))
            elif item[0] == "qu":
                pts = [apply(m, *p) for p in item[1]]
                for p, q in zip(pts, pts[1:] + pts[:1]):
                    out += _edge(p, q)
    return out


def _edge(p, q) -> list[dict]:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 0.01:
        orientation = "h"
    elif abs(x0 - x1) < 0.01:
        orientation = "v"
    else:
        return []
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    return [{"object_type": "line", "x0": left, "x1": right, "top": top, "bottom": bottom, "doctop": top,
             "width": right - left, "height": bottom - top, "orientation": orientation}]


def images(fpage, m: Matrix) -> list[tuple[float, float, float, float]]:
    return [apply_box(m, tuple(info["bbox"])) for info in fpage.get_image_info()]


def metadata(doc) -> dict:
    """The document information and hidden-content flags, named as the pdfplumber engine names them."""
    names = {"title": "Title", "author": "Author", "subject": "Subject", "keywords": "Keywords",
             "creator": "Creator", "producer": "Producer", "creationDate": "CreationDate", "modDate": "ModDate",
             "trapped": "Trapped"}
    out = {names[k]: str(v) for k, v in (doc.metadata or {}).items() if k in names and v}
    try:
        cat = doc.pdf_catalog()
        if doc.xref_get_key(cat, "Names/EmbeddedFiles")[0] != "null":
            out["embedded_files"] = "yes"
        action = doc.xref_get_key(cat, "OpenAction")
        js_action = action[0] == "dict" and "/JS" in action[1]
        if action[0] == "xref":
            js_action = "/JS" in doc.xref_object(int(action[1].split()[0]))
        if doc.xref_get_key(cat, "Names/JavaScript")[0] != "null" or js_action:
            out["javascript"] = "yes"
        if doc.xref_get_key(cat, "AcroForm")[0] != "null":
            out["form_fields"] = "yes"
    except Exception:  # a broken catalog must not stop extraction of the text
        pass
    return out


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:160]
