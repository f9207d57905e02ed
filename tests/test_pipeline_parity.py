"""One scan, every door: `reviewer scan --db --unit`, the web upload and `reviewer batch --unit` give the
same findings for the same file, with the unit's officials and allow list applied in all three.

The files: the digital sample PDF, the sample DOCX and a generated scanned PDF (OCR, then NER and
passages like any other page). The NER model and the passage classifier are on.
"""
from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select

from reviewer.cli import cli
from reviewer.core.errors import OcrError
from reviewer.core.settings import Settings
from reviewer.core.units import Unit
from reviewer.ocr.engine import find_engine
from reviewer.review import accounts
from reviewer.store import records as store
from reviewer.store import units as unitstore
from tests.webui_helpers import login, make_app, upload

try:
    find_engine()
    MISSING = ""
except OcrError as exc:
    MISSING = f"Tesseract not installed ({exc})"

pytestmark = [pytest.mark.slow, pytest.mark.ocr, pytest.mark.skipif(bool(MISSING), reason=MISSING or "ok")]

SETTINGS = Settings(use_ner=True, use_passages=True, use_ocr=True, ocr_cache=False)
OFFICIAL = "Rudi Hartono"  # the applicant of the sample form; listed as an official of the unit
ALLOWED = "Siti Aminah"  # a recipient in the sample list; on the unit's allow list
SCAN_LINES = ["LAPORAN KEJADIAN", "Pelanggar atas nama Bambang Susilo, NIK 3209120708750001,",
              "bertempat tinggal di Jl. Pahlawan No. 21 RT 003/RW 004, Kel. Sumber,",
              "nomor HP 0819-3344-5566, diamankan sementara.", "Kepala Satuan Polisi Pamong Praja,",
              "Drs. Hendra Wijaya, M.Si."]


def scanned_pdf(path):
    import fitz

    font = ImageFont.load_default(size=30)
    image = Image.new("L", (1650, 900), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(SCAN_LINES):
        draw.text((100, 100 + i * 70), line, font=font, fill=0)
    pixels = np.asarray(image, dtype=np.float64) * 0.9 + 18 + np.random.default_rng(5).normal(0, 8, (900, 1650))
    png = path.with_suffix(".png")
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(png)
    doc = fitz.open()
    page = doc.new_page(width=1650 * 72 / 200, height=900 * 72 / 200)
    page.insert_image(page.rect, filename=str(png))
    doc.save(path)
    return path


def prepare_database(url: str) -> None:
    """A unit with an official and an allow term, and an admin, as an office would set them."""
    engine = store.make_engine(url)
    store.upgrade(engine)
    with store.session_factory(engine)() as session:
        if accounts.get(session, "root") is None:
            accounts.add_user(session, "root", "sandi-root-123", "admin", "Root")
        add_unit(session)
        session.commit()
    engine.dispose()


def add_unit(session) -> None:
    unitstore.add_unit(session, Unit("dinsos", "Dinas Sosial", "dinas", None, "pembantu"))
    unitstore.add_term(session, "dinsos", "official", OFFICIAL)
    unitstore.add_term(session, "dinsos", "allow", ALLOWED)


def rows(findings) -> list[tuple]:
    return sorted((f["file"], f["page"], f["start"], f["end"], f["text"], f["label"], f["basis"],
                   round(f["score"], 3), f["action"], f["source"]) for f in findings)


def stored(url: str, names: dict[str, str]) -> list[tuple]:
    engine = store.make_engine(url)
    with store.session_factory(engine)() as session:
        found = [{"file": names[r.document_sha], "page": r.page, "start": r.start, "end": r.end, "text": r.text,
                  "label": r.label, "basis": r.basis, "score": r.score, "action": r.action, "source": r.source}
                 for r in session.scalars(select(store.FindingRecord).where(store.FindingRecord.source != "manual"))]
    engine.dispose()
    return rows(found)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    folder = tmp_path_factory.mktemp("parity")
    out = {}
    for name in ("daftar-penerima-bansos.pdf", "formulir-permohonan.docx"):
        (folder / name).write_bytes((samples / name).read_bytes())
        out[name] = folder / name
    out["pindaian.pdf"] = scanned_pdf(folder / "pindaian.pdf")
    return out


@pytest.fixture(scope="module")
def cli_findings(files, tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "reviewer.sqlite3"
    prepare_database(store.sqlite_url(db))
    env = {"REVIEWER_OCR_CACHE": "off"}
    result = CliRunner().invoke(cli, ["scan", "--format", "jsonl", "--db", str(db), "--unit", "dinsos",
                                      *map(str, files.values())], env=env)
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for f in found:
        f["file"] = f["file"].rsplit("/", 1)[-1]
    return rows(found)


def sha_names(files) -> dict[str, str]:
    import hashlib

    return {hashlib.sha256(p.read_bytes()).hexdigest(): name for name, p in files.items()}


def test_the_unit_lists_are_applied(cli_findings):
    person = {(r[0], r[4]): r[8] for r in cli_findings if r[5] == "PERSON"}
    assert person[("formulir-permohonan.docx", OFFICIAL)] == "keep"
    assert person[("daftar-penerima-bansos.pdf", ALLOWED)] == "keep"
    assert person[("daftar-penerima-bansos.pdf", "Ahmad Fauzi")] == "redact"
    scanned = [r for r in cli_findings if r[0] == "pindaian.pdf"]
    assert {"NIK", "PHONE", "PERSON"} <= {r[5] for r in scanned}
    assert any(r[9] == "model:ner-id" for r in scanned), "the scanned page gets NER like a digital one"


def test_web_upload_gives_the_cli_findings(files, cli_findings, tmp_path):
    app = make_app(tmp_path, SCAN_SETTINGS=SETTINGS)
    with app.extensions["reviewer.sessions"]() as session:
        add_unit(session)
        session.commit()
    client = app.test_client()
    login(client, "root")
    for path in files.values():
        upload(app, client, path, unit="dinsos")
    assert stored(app.config["DATABASE_URL"], sha_names(files)) == cli_findings


def test_batch_gives_the_cli_findings(files, cli_findings, tmp_path):
    from reviewer.batch.run import BatchOptions, run_batch

    url = store.sqlite_url(tmp_path / "batch.sqlite3")
    prepare_database(url)
    totals = run_batch([str(p) for p in files.values()], url, SETTINGS,
                       BatchOptions(workers=1, originals_root=tmp_path / "originals", unit="dinsos"))
    assert totals.failed == 0, totals
    assert stored(url, sha_names(files)) == cli_findings


def test_ten_uploads_load_the_ner_model_once(tmp_path, monkeypatch):
    from reviewer.detect import ner, pipeline
    from reviewer.detect.ner import artifact

    loads = []
    real_load = artifact.load
    monkeypatch.setattr(artifact, "load", lambda folder: loads.append(folder) or real_load(folder))
    ner._model.cache_clear()
    pipeline.clear_detectors()
    app = make_app(tmp_path, SCAN_SETTINGS=Settings(use_ner=True, use_passages=True, use_ocr=False))
    with app.extensions["reviewer.sessions"]() as session:
        add_unit(session)
        session.commit()
    client = app.test_client()
    login(client, "root")
    for i in range(10):
        path = tmp_path / f"surat-{i}.txt"
        path.write_text(f"Surat nomor {i}/2025\nYang bertanda tangan di bawah ini, Rudi Hartono, NIK "
                        f"32091215038700{i:02d}, warga Kelurahan Sumber.\n")
        upload(app, client, path, unit="dinsos" if i % 2 else None)
    assert len(loads) == 1
    with app.extensions["reviewer.sessions"]() as session:
        assert session.scalar(select(store.func.count()).select_from(store.DocumentRecord)
                              .where(store.DocumentRecord.status == "needs_review")) == 10
