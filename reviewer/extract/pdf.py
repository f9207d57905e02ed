"""PDF text with positions, through pdfplumber.

Page text is assembled here, and the word boxes with it, so offsets and boxes never drift apart.
Tables are emitted cell by cell (row-major, tab between cells, newline between rows) so that a
multi-line cell such as an address stays one run of text and every cell knows its column header.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from reviewer.core.errors import CorruptFile, EncryptedFile
from reviewer.core.model import Box, Cell, Page, Word
from reviewer.extract.tables import is_header_row

log = logging.getLogger(__name__)

# A gap wider than this many times the font size between two words of one line is a column gap.
COLUMN_GAP = 2.5
# Words whose vertical centres are closer than this share of their height share a line.
LINE_TOLERANCE = 0.5


@dataclass
class _Builder:
    """Accumulates page text and words together."""

    parts: list[str]
    words: list[Word]
    length: int = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_word(self, raw: dict) -> Word:
        word = Word(raw["text"], self.length, self.length + len(raw["text"]),
                    Box(raw["x0"], raw["top"], raw["x1"], raw["bottom"]))
        self.add(raw["text"])
        self.words.append(word)
        return word

    @property
    def text(self) -> str:
        return "".join(self.parts)


def open_pdf(path: str):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from reviewer.extract.pdfchars import fast

    try:
        pdf = pdfplumber.open(path)
        for page in pdf.pages:  # also forces the page tree to be read
            fast(page)
        return pdf
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        if _caused_by(exc, PDFPasswordIncorrect):
            raise EncryptedFile("PDF terkunci kata sandi; buka kuncinya dulu / "
                                "PDF is password-protected; remove the password first") from exc
        raise CorruptFile(f"PDF rusak atau tidak dapat dibaca / corrupt or unreadable PDF ({_short(exc)})") from exc


def extract_pdf(path: str) -> tuple[list[Page], dict]:
    pdf = open_pdf(path)
    try:
        metadata = {k: _plain(v) for k, v in (pdf.metadata or {}).items()}
        metadata.update(_hidden_content(pdf))
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            try:
                pages.append(extract_page(page, number))
            except Exception as exc:
                raise CorruptFile(
                    f"halaman {number} rusak / page {number} is corrupt ({_short(exc)})") from exc
            page.flush_cache()
        if not pages:
            raise CorruptFile("PDF tidak berisi halaman / PDF has no pages")
        return pages, metadata
    finally:
        pdf.close()


def extract_page(page, number: int) -> Page:
    """The page's text and words; boxes in pdfplumber's space of the page as displayed.

    A page whose text does not run left to right as displayed (upright content on a page with
    /Rotate 90, 180 or 270, a page scanned upside down) is read in the orientation in which its
    text is upright, so words are neither spelt backwards nor split letter by letter, and the
    boxes are turned back into the displayed page's space.
    """
    turn = _text_turn(page)
    if turn:
        return _extract_turned(page, number, (page.rotation + turn) % 360)
    return _extract_upright(page, number)


def _text_turn(page) -> int:
    """Degrees by which most of the page's text is turned on the displayed page (0 = upright)."""
    import math
    from collections import Counter

    votes = Counter(round(math.degrees(math.atan2(c["matrix"][1], c["matrix"][0])) / 90) % 4
                    for c in page.chars[:5000] if c.get("matrix") and c.get("text", " ").strip())
    if not votes:
        return 0
    quarter, count = votes.most_common(1)[0]
    return quarter * 90 if count > sum(votes.values()) / 2 else 0


def _extract_turned(page, number: int, reading: int) -> Page:
    from reviewer.extract.pdfchars import FastPage
    from reviewer.extract.pdfspace import apply_box, between_rotations

    obj = page.page_obj
    saved = (obj.rotate, obj.attrs.get("Rotate"))
    obj.rotate, obj.attrs["Rotate"] = reading, reading
    try:
        upright = _extract_upright(FastPage(page.pdf, obj, page_number=page.page_number,
                                               initial_doctop=page.initial_doctop), number)
    finally:
        obj.rotate = saved[0]
        if saved[1] is None:
            obj.attrs.pop("Rotate", None)
        else:
            obj.attrs["Rotate"] = saved[1]
    m = between_rotations(obj.mediabox, reading, page.rotation)

    def turn(box: Box | None) -> Box | None:
        return None if box is None else Box(*apply_box(m, box.as_tuple()))

    return replace(upright, words=tuple(replace(w, box=turn(w.box)) for w in upright.words),
                   cells=tuple(replace(c, box=turn(c.box)) for c in upright.cells),
                   width=float(page.width), height=float(page.height), rotation=int(page.rotation or 0) % 360)


def _extract_upright(page, number: int) -> Page:
    raw_words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    width, height = float(page.width), float(page.height)
    rotation = int(page.rotation or 0) % 360
    if not raw_words:
        return Page(number, "", (), width, height, needs_ocr=_has_images(page), rotation=rotation)

    tables = _tables(page)
    cell_words: dict[tuple[int, int, int], list[dict]] = {}
    loose: list[dict] = []
    for w in raw_words:
        key = _cell_of(w, tables)
        if key is None:
            loose.append(w)
        else:
            cell_words.setdefault(key, []).append(w)

    blocks: list[tuple[float, str, object]] = [(line[0]["top"], "line", line) for line in _lines(loose)]
    blocks += [(t["bbox"][1], "table", t) for t in tables]
    blocks.sort(key=lambda b: (b[0], b[1] == "table"))

    out = _Builder([], [])
    cells: list[Cell] = []
    for _, kind, item in blocks:
        if out.length:
            out.add("\n")
        if kind == "line":
            _emit_line(out, item)  # type: ignore[arg-type]
        else:
            cells += _emit_table(out, item, cell_words)  # type: ignore[arg-type]
    return Page(number, out.text, tuple(out.words), width, height, cells=tuple(cells), rotation=rotation,
                needs_ocr=_unread_scan(page, raw_words))


def _emit_line(out: _Builder, line: list[dict]) -> None:
    prev = None
    for w in line:
        if prev is not None:
            gap = w["x0"] - prev["x1"]
            size = max(prev["bottom"] - prev["top"], 1.0)
            out.add("\t" if gap > COLUMN_GAP * size else " ")
        out.add_word(w)
        prev = w


def _emit_table(out: _Builder, table: dict, cell_words: dict) -> list[Cell]:
    headers = table["headers"]
    cells = []
    for r, row in enumerate(table["rows"]):
        if r:
            out.add("\n")
        for c, bbox in enumerate(row):
            if c:
                out.add("\t")
            if bbox is None:
                continue
            start = out.length
            words = cell_words.get((table["index"], r, c), [])
            for i, line in enumerate(_lines(words)):
                if i:
                    out.add(" ")
                _emit_line(out, line)
            text = out.text[start:]
            header = headers[c] if r > 0 and c < len(headers) else ""
            cells.append(Cell(table["index"], r, c, text, header, start, out.length, Box(*bbox)))
    return cells


def _lines(words: list[dict]) -> list[list[dict]]:
    """Group words into lines by vertical overlap, each line sorted left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        for line in lines:
            ref = line[0]
            h = max(ref["bottom"] - ref["top"], 1.0)
            if abs(mid - (ref["top"] + ref["bottom"]) / 2) < LINE_TOLERANCE * h:
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    lines.sort(key=lambda line: min(w["top"] for w in line))
    return lines


def _tables(page) -> list[dict]:
    """Ruled tables with at least two rows and two columns, with their header row's text."""
    out = []
    try:
        found = page.find_tables()
    except Exception as exc:  # table finding is a refinement; a failure must not lose the page
        log.warning("table detection failed on page %s: %s", page.page_number, exc)
        return []
    for index, table in enumerate(found):
        rows = [list(row.cells) for row in table.rows]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        header_cells = rows[0]
        headers = []
        for bbox in header_cells:
            if bbox is None:
                headers.append("")
                continue
            text = page.crop(bbox, strict=False).extract_text() or ""
            headers.append(" ".join(text.split()))
        if not is_header_row(headers):
            headers = [""] * len(headers)
        out.append({"index": index, "bbox": table.bbox, "rows": rows, "headers": headers})
    return out


def _cell_of(word: dict, tables: list[dict]) -> tuple[int, int, int] | None:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    for t in tables:
        x0, top, x1, bottom = t["bbox"]
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        for r, row in enumerate(t["rows"]):
            for c, bbox in enumerate(row):
                if bbox and bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]:
                    return (t["index"], r, c)
    return None


def _hidden_content(pdf) -> dict:
    """Flags for places a PDF can hide data that page text does not show."""
    from pdfminer.pdftypes import resolve1

    out = {}
    try:
        catalog = resolve1(pdf.doc.catalog) or {}
        names = resolve1(catalog.get("Names")) or {}
        if "EmbeddedFiles" in names:
            out["embedded_files"] = "yes"
        action = resolve1(catalog.get("OpenAction"))
        if "JavaScript" in names or (isinstance(action, dict) and "JS" in action):
            out["javascript"] = "yes"
        if "AcroForm" in catalog:
            out["form_fields"] = "yes"
    except Exception:  # a broken catalog must not stop extraction of the text
        log.debug("could not inspect the PDF catalog", exc_info=True)
    return out


def _caused_by(exc: BaseException | None, kind: type) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, kind) or any(isinstance(a, kind) for a in exc.args):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _has_images(page) -> bool:
    return bool(page.images) or bool(page.objects.get("image"))


# A scanned letter often carries a little digital text (an e-signature footer, a stamp, a page
# number) over the scan: the page has words, yet what the scan says is in no text layer.
SCAN_SHARE = 0.5  # an image covering at least this share of the page may be a scan
SCAN_WORDS_PER_SQ_INCH = 1.0  # fewer words than this over it: its text is not in the text layer


def _unread_scan(page, words: list[dict]) -> bool:
    """Whether a page-sized image on the page holds text that the page's words do not cover."""
    area = float(page.width) * float(page.height)
    for image in page.images:
        w, h = float(image["x1"] - image["x0"]), float(image["bottom"] - image["top"])
        if w * h < SCAN_SHARE * area:
            continue
        over = sum(1 for word in words
                   if image["x0"] <= (word["x0"] + word["x1"]) / 2 <= image["x1"]
                   and image["top"] <= (word["top"] + word["bottom"]) / 2 <= image["bottom"])
        if over < SCAN_WORDS_PER_SQ_INCH * w * h / (72 * 72):
            return True
    return False


def _plain(value) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:160]
