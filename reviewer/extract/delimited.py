"""CSV/TSV: the encoding and the dialect are sniffed, the rows become one sheet page.

Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and the legacy code pages old Excel
exports in (cp1252/latin-1), through `reviewer.extract.text.decode`. The delimiter (comma,
semicolon as Indonesian-locale Excel writes, tab, pipe) and the quote character are sniffed
from the first rows; the redactor writes the copy back in the same dialect and encoding
(`dialect_of` gives both). A line longer than `MAX_LINE` is refused before anything is decoded.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from reviewer.core.errors import CorruptFile
from reviewer.core.model import Page
from reviewer.extract.sheets import Sheet, order_pages

MAX_LINE = 4 * 1024 * 1024  # bytes: no real export has a 4 MB row
MAX_FIELD = MAX_LINE
SAMPLE = 64 * 1024
DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    quotechar: str
    lineterminator: str
    encoding: str
    bom: bool


def check_lines(path: str) -> None:
    """Refuse a file with a line over MAX_LINE bytes, reading it in blocks (bounded memory)."""
    run = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            parts = block.replace(b"\r", b"\n").split(b"\n")
            run += len(parts[0])
            if len(parts) > 1:
                longest = max(run, *(len(p) for p in parts[1:-1])) if len(parts) > 2 else run
                if longest > MAX_LINE:
                    break
                run = len(parts[-1])
            if run > MAX_LINE:
                break
        else:
            return
    raise CorruptFile(f"CSV memuat baris lebih dari {MAX_LINE // 2**20} MB — bukan tabel yang wajar / "
                      f"CSV has a line longer than {MAX_LINE // 2**20} MB")


def read(path: str) -> tuple[str, Dialect]:
    """The decoded text and the dialect of a delimited file."""
    from reviewer.extract.text import decode

    check_lines(path)
    with open(path, "rb") as fh:
        data = fh.read()
    if b"\x00" in data[:4096] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        raise CorruptFile("berkas biner, bukan CSV / binary file, not CSV")
    text, encoding = decode(data)
    terminator = "\r\n" if "\r\n" in text[:SAMPLE] else ("\r" if "\r" in text[:SAMPLE] and "\n" not in text[:SAMPLE]
                                                         else "\n")
    delimiter, quote = _sniff(text[:SAMPLE], path)
    return text, Dialect(delimiter, quote, terminator, encoding, data.startswith(b"\xef\xbb\xbf"))


def _sniff(sample: str, path: str) -> tuple[str, str]:
    lines = sample.splitlines()[:50]
    head = "\n".join(lines)
    try:
        found = csv.Sniffer().sniff(head, delimiters=DELIMITERS)
        if found.delimiter in DELIMITERS:
            return found.delimiter, found.quotechar or '"'
    except csv.Error:
        pass
    if path.lower().endswith((".tsv", ".tab")):
        return "\t", '"'
    first = lines[0] if lines else ""
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return (best if counts[best] else ","), '"'


def records(text: str, dialect: Dialect) -> list[list[str]]:
    """Every record of the file as a list of fields (what the redactor rewrites)."""
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter, quotechar=dialect.quotechar)
    try:
        return list(reader)
    except csv.Error as exc:
        raise CorruptFile(f"CSV rusak / corrupt CSV ({exc})") from exc


def rows(text: str, dialect: Dialect):
    """(row, [(col, value), ...]) of every record, 0-based."""
    for number, record in enumerate(records(text, dialect)):
        yield number, list(enumerate(record))


def extract_csv(path: str) -> tuple[list[Page], dict]:
    text, dialect = read(path)
    pages = order_pages([Sheet(0, None, rows(text, dialect))])
    names = {"\t": "tab", ",": "koma", ";": "titik koma", "|": "garis tegak"}
    return pages, {"encoding": dialect.encoding, "delimiter": names.get(dialect.delimiter, dialect.delimiter)}
