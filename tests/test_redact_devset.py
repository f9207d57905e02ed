"""Done-when checks of issue 5 on ../shared/devset (skipped when it is absent).

1. `redact --suggested` on every digital document: none of the gold entity strings that were
   suggested can be found afterwards by pdftotext, pdfplumber, PyMuPDF, python-docx or a byte
   search of the decompressed file, and the public (`keep`) strings the decisions did not touch
   are all still there.
2. The same with every gold entity and passage decided for redaction (located in the page text),
   which exercises the redactor far beyond what the detectors find today.
"""

import importlib.util
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from reviewer.core.model import Decision
from reviewer.core.settings import Settings
from reviewer.extract import extract
from reviewer.redact import decisions_from_findings, redact_document

DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"
if not DEVSET.exists():
    DEVSET = Path("/work/shared/devset")
pytestmark = [pytest.mark.skipif(not (DEVSET / "gold.jsonl").exists(), reason="../shared/devset absent"),
              pytest.mark.slow]
SETTINGS = Settings(use_ocr=False)


def gold_documents():
    if not (DEVSET / "gold.jsonl").exists():
        return []
    rows = [json.loads(line) for line in (DEVSET / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["format"] in ("pdf", "docx", "txt")]


def score_module():
    spec = importlib.util.spec_from_file_location("devset_score", DEVSET / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- independent readers of the result (not the redactor's own verifier) ----

def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def digits(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def readings(path: Path, kind: str) -> dict[str, str]:
    if kind == "pdf":
        import fitz
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            plumber = "\n".join(p.extract_text() or "" for p in pdf.pages)
        with fitz.open(path) as doc:
            mupdf = "\n".join(p.get_text() for p in doc)
            streams = b"\n".join(doc.xref_stream(x) or b"" for x in range(1, doc.xref_length())
                                  if doc.xref_is_stream(x))
        out = {"pdfplumber": plumber, "PyMuPDF": mupdf,
               "pdftotext": subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True).stdout.decode(),
               "bytes": (path.read_bytes() + streams).decode("latin-1")}
        return out
    if kind == "docx":
        import docx

        d = docx.Document(path)
        body = [p.text for p in d.paragraphs]
        body += [c.text for t in d.tables for row in t.rows for c in row.cells]
        for s in d.sections:
            body += [p.text for p in s.header.paragraphs + s.footer.paragraphs]
            body += [c.text for t in s.header.tables + s.footer.tables for row in t.rows for c in row.cells]
        with zipfile.ZipFile(path) as zf:
            raw = b"\n".join(zf.read(n) for n in zf.namelist())
        xml_text = re.sub(r"<[^>]+>", "", raw.decode("utf-8", "replace"))
        return {"python-docx": "\n".join(body), "bytes": raw.decode("utf-8", "replace"), "xml-text": xml_text}
    data = path.read_bytes()
    return {"bytes": data.decode("utf-8", "replace")}


def found(gold: str, label: str, text: str) -> bool:
    if any(c.isdigit() for c in gold) and label != "ADDRESS":
        return digits(gold) in digits(text)
    return squash(gold) in squash(text)


def locate(document, text: str) -> list[Decision]:
    parts = re.findall(r"[^\W_]+", text)
    pattern = re.compile(r"(?<![^\W_])" + r"[\W_]*".join(map(re.escape, parts)) + r"(?![^\W_])", re.I)
    return [Decision(page.number, m.start(), m.end(), m.group(), "PERSON", "17h")
            for page in document.pages for m in pattern.finditer(page.text)]


def check_result(row, out: Path, kind: str, redacted_gold: list[tuple[str, str]], decided_text: str):
    texts = readings(out, kind)
    for label, gold in redacted_gold:
        for tool, text in texts.items():
            assert not found(gold, label, text), f"{row['file']}: '{gold}' still found by {tool}"
    before = readings(DEVSET / row["file"], kind)
    tool = {"pdf": "pdftotext", "docx": "python-docx"}.get(kind, "bytes")
    for keep in row["keep"]:
        if squash(keep) not in squash(decided_text) and found(keep, "KEEP", before[tool]):
            assert found(keep, "KEEP", texts[tool]), f"{row['file']}: public text '{keep}' was lost"


@pytest.mark.parametrize("row", gold_documents(), ids=lambda r: r["file"])
def test_suggested_redaction_leaves_no_suggested_gold_string(row, tmp_path):
    from reviewer.detect.pipeline import scan_file

    score = score_module()
    result = scan_file(str(DEVSET / row["file"]), SETTINGS)
    decisions = decisions_from_findings(result.findings, result.document)
    out = tmp_path / ("hasil" + Path(row["file"]).suffix)
    report = redact_document(DEVSET / row["file"], decisions, out, SETTINGS, document=result.document)
    assert report.ok and report.over_redaction["hilang"] == 0
    suggested = [(e["label"], e["text"]) for e in row["entities"]
                 if any(score.entity_match(e["label"], e["text"], d.text, False)
                        and (d.label == e["label"] or squash(e["text"]) in squash(d.text)) for d in decisions)]
    decided = "\n".join(d.text for d in decisions)
    check_result(row, out, row["format"], suggested, decided)


@pytest.mark.parametrize("row", [r for r in gold_documents() if not r["clean"]], ids=lambda r: r["file"])
def test_every_gold_string_redacted(row, tmp_path):
    document = extract(DEVSET / row["file"])
    wanted = [(e["label"], e["text"]) for e in row["entities"]] + [("PASSAGE", p["text"]) for p in row["passages"]]
    decisions, located = [], []
    for label, text in wanted:
        hits = locate(document, text)
        if hits:
            located.append((label, text))
            decisions += hits
    taken, unique = [], []
    for d in sorted(decisions, key=lambda d: (d.page, d.start, -d.end)):
        if not any(d.page == t.page and t.start <= d.start < t.end for t in taken):
            unique.append(d)
            taken.append(d)
    assert located, "no gold string located"
    out = tmp_path / ("hasil" + Path(row["file"]).suffix)
    report = redact_document(DEVSET / row["file"], unique, out, SETTINGS, document=document)
    assert report.ok, report.failures
    assert report.over_redaction["hilang"] == 0
    decided = "\n".join(d.text for d in unique)
    check_result(row, out, row["format"], located, decided)
