"""CSV/TSV redaction: decided cells rewritten, the file written back in its own dialect and encoding."""

from __future__ import annotations

import csv
import io
from typing import Literal

from reviewer.core.errors import RedactionError
from reviewer.core.model import Decision, Document
from reviewer.core.settings import Settings
from reviewer.redact.outcome import Outcome
from reviewer.redact.sheets import plan, rewrite


def redact_csv(document: Document, decisions: list[Decision], out_path: str, settings: Settings) -> Outcome:
    from reviewer.extract.delimited import read, records
    from reviewer.extract.sheets import flat

    edits = plan(document, decisions)
    text, dialect = read(document.path)
    rows = records(text, dialect)
    for (_, row, col), spans in edits.cells.items():
        if row >= len(rows) or col >= len(rows[row]):
            raise RedactionError(f"sel baris {row + 1} kolom {col + 1} tidak ada / no such cell")
        original = rows[row][col]
        for a, b, i, d in spans:
            if d.text and flat(original)[a:b] not in d.text:
                raise RedactionError(f"keputusan #{i + 1}: isi sel berbeda dari saat dipindai / cell text changed")
        rows[row][col] = rewrite(original, spans, settings)
    buffer = io.StringIO(newline="")
    quoting: Literal[0, 1, 2, 3] = csv.QUOTE_ALL if _all_quoted(text, dialect) else csv.QUOTE_MINIMAL
    writer = csv.writer(buffer, delimiter=dialect.delimiter, quotechar=dialect.quotechar,
                        lineterminator=dialect.lineterminator, quoting=quoting)
    writer.writerows(rows)
    encoding = dialect.encoding.replace("-sig", "").replace("_sig", "")
    payload = buffer.getvalue().encode(encoding, "replace")
    with open(out_path, "wb") as fh:
        fh.write((b"\xef\xbb\xbf" if dialect.bom else b"") + payload)
    edits.outcome.notes.append(f"sel dihitamkan: {len(edits.cells)}; ditulis ulang dengan pemisah "
                               f"{dialect.delimiter!r} dan pengodean {dialect.encoding}")
    return edits.outcome


def _all_quoted(text: str, dialect) -> bool:
    first = text.split("\n", 1)[0].rstrip("\r")
    q = dialect.quotechar
    return bool(first) and first.startswith(q) and first.endswith(q) and \
        first.count(q) >= 2 * (first.count(q + dialect.delimiter + q) + 1)
