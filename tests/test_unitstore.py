"""Units, memberships, document scope, the DIK and yearly figures in the database (SQLite, and
PostgreSQL when DATABASE_URL_TEST is set)."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from reviewer.core.settings import Settings
from reviewer.core.units import Unit, UnitError
from reviewer.detect.pipeline import scan_file
from reviewer.dik import importer
from reviewer.review import accounts, figures
from reviewer.store import dik as dikstore
from reviewer.store import records as store
from reviewer.store import units as unitstore

SETTINGS = Settings(use_ner=False, use_passages=False, use_ocr=False)


@pytest.fixture
def session(engine):
    with store.session_factory(engine)() as s:
        yield s


@pytest.fixture
def city(session):
    """Pemerintah Kota (PPID utama) with Dinas Sosial, Dinas Kesehatan (and a Puskesmas under it)."""
    for unit in (Unit("kota", "Pemerintah Kota Contoh", "pemkot", None, "utama", officials=("Wali Kota Budi",)),
                 Unit("dinsos", "Dinas Sosial", "dinas", "kota", deny_terms=("Kampung Rahasia",)),
                 Unit("dinkes", "Dinas Kesehatan", "dinas", "kota", box_labels={"17h2": "KES"}),
                 Unit("pkm-utara", "Puskesmas Utara", "upt", "dinkes")):
        unitstore.add_unit(session, unit)
    users = {name: accounts.add_user(session, name, f"sandi-{name}-123", role)
             for name, role in (("utama", "reviewer"), ("sosial", "officer"), ("sehat", "officer"),
                                ("admin", "admin"), ("baru", "officer"))}
    unitstore.set_member(session, users["utama"], "kota", "reviewer")
    unitstore.set_member(session, users["sosial"], "dinsos", "officer")
    unitstore.set_member(session, users["sehat"], "dinkes", "reviewer")
    session.commit()
    return users


def _doc(session, samples, name, unit=None):
    doc = unitstore.save_scan(session, scan_file(str(samples / name), SETTINGS), unit=unit)
    session.commit()
    return doc


def _visible(session, user):
    query = select(store.DocumentRecord).where(unitstore.visible_clause(session, user))
    return {d.filename for d in session.scalars(query)}


def test_tree_round_trips_through_the_database(session, city):
    tree = unitstore.load_tree(session)
    assert tree["dinsos"].deny_terms == ("Kampung Rahasia",) and tree["dinkes"].box_labels == {"17h2": "KES"}
    s = unitstore.effective_settings(session, "pkm-utara", SETTINGS)
    assert s.officials == ("Wali Kota Budi",) and s.box_labels["17h2"] == "KES"
    assert "Kampung Rahasia" in unitstore.effective_settings(session, "dinsos", SETTINGS).deny_terms


def test_scan_of_a_units_document_uses_the_units_lists(session, engine, city, samples, tmp_path):
    from reviewer.review import scanning as process
    from reviewer.store import jobs, originals

    src = samples / "laporan-kejadian.txt"
    sha, _ = originals.put_file(tmp_path / "originals", src)
    sha = unitstore.add_document(session, sha, src.name, src.stat().st_size, unit="dinsos")[0].sha256
    jobs.enqueue(session, sha)
    session.commit()
    text = src.read_text()
    word = text.split()[3]
    unitstore.add_term(session, "kota", "deny", word)
    session.commit()
    factory = store.session_factory(engine)
    with factory() as s:
        job = jobs.claim(s, "w")
    process.run_job(factory, job, tmp_path / "originals", SETTINGS)
    session.expire_all()
    denied = [f for f in store.findings_of(session, sha) if f.source == "deny-list"]
    assert denied and all(f.text.lower() == word.lower() for f in denied)


def test_unit_changes_are_validated_and_audited(session, city):
    with pytest.raises(UnitError, match="sudah dipakai"):
        unitstore.add_unit(session, Unit("dinsos", "Lagi", "dinas", "kota"))
    with pytest.raises(UnitError, match="lingkaran"):
        unitstore.update_unit(session, "dinkes", parent="pkm-utara")
    unitstore.update_unit(session, "dinsos", city["admin"], name="Dinas Sosial P3A")
    assert unitstore.add_term(session, "dinsos", "official", "Kadis Sosial Sari", city["admin"])
    assert not unitstore.add_term(session, "dinsos", "official", "Kadis  Sosial Sari")
    session.commit()
    actions = [e.action for e in store.events(session)]
    assert {"unit_added", "unit_changed", "unit_term_added", "unit_member_set"} <= set(actions)
    assert unitstore.load_tree(session)["dinsos"].name == "Dinas Sosial P3A"


def test_pembantu_sees_only_its_dinas_and_utama_sees_all(session, city, samples):
    _doc(session, samples, "daftar-penerima-bansos.pdf", "dinsos")
    _doc(session, samples, "laporan-kejadian.txt", "pkm-utara")
    _doc(session, samples, "formulir-permohonan.docx")  # no unit yet
    assert _visible(session, city["sosial"]) == {"daftar-penerima-bansos.pdf"}
    assert _visible(session, city["sehat"]) == {"laporan-kejadian.txt"}
    everything = {"daftar-penerima-bansos.pdf", "laporan-kejadian.txt", "formulir-permohonan.docx"}
    assert _visible(session, city["utama"]) == everything
    assert _visible(session, city["admin"]) == everything
    assert _visible(session, city["baru"]) == set()  # no membership: nothing
    record = store.DocumentRecord
    sha = session.scalar(select(record.sha256).where(record.filename == "laporan-kejadian.txt"))
    assert not unitstore.can_see(session, city["sosial"], sha) and unitstore.can_see(session, city["utama"], sha)
    assert unitstore.role_for(session, city["sehat"], sha) == "reviewer"
    assert unitstore.role_for(session, city["sosial"], sha) is None


def test_without_units_nobody_is_scoped(session, samples):
    user = accounts.add_user(session, "ani", "sandi-ani-123", "officer")
    _doc(session, samples, "laporan-kejadian.txt")
    assert _visible(session, user) == {"laporan-kejadian.txt"}
    assert unitstore.role_for(session, user, "x") == "officer"


def test_default_unit_of_an_upload(session, city):
    assert unitstore.default_unit(session, city["sosial"]) == "dinsos"
    assert unitstore.default_unit(session, city["baru"]) is None


# --- DIK ----------------------------------------------------------------------------------------

def test_import_inherit_edit_and_revoke(session, city, data_dir):
    result = importer.import_file(data_dir / "dik" / "layout-a-dinkes.csv")
    added = dikstore.import_rows(session, "dinkes", result.rows, city["sehat"], "layout-a-dinkes.csv")
    city_row = dikstore.add_row(session, "kota", result.rows[1].with_(number="1", information="NIK warga"))
    session.commit()
    rows = dikstore.rows_of(session, "pkm-utara")
    assert [r.unit for r in rows] == ["kota"] + ["dinkes"] * 4 and rows[0].id == city_row.id
    assert rows[2].decree.number == "440/125/DINKES/2024"
    assert dikstore.rows_of(session, "dinsos") == [rows[0]]
    changed = dikstore.update_row(session, added[0].id, city["sehat"], information="Rekam medis pasien")
    dikstore.revoke_row(session, added[1].id, city["sehat"], on=date(2025, 1, 2))
    session.commit()
    assert changed.information == "Rekam medis pasien"
    assert len(dikstore.rows_of(session, "dinkes", inherited=False)) == 3
    revoked = dikstore.get_row(session, added[1].id)
    assert revoked.status == "dicabut" and revoked.ended_on == date(2025, 1, 2)
    event = next(e for e in store.events(session) if e.target == f"dik:{added[0].id}" and e.action == "dik_row_changed")
    assert event.before["information"].startswith("Data rekam medis") and event.after["information"] == \
        "Rekam medis pasien"


def test_reimport_with_replace_revokes_the_old_rows(session, city, data_dir):
    rows = importer.import_file(data_dir / "dik" / "layout-a-dinkes.csv").rows
    dikstore.import_rows(session, "dinkes", rows)
    dikstore.import_rows(session, "dinkes", rows[:2], replace_existing=True)
    session.commit()
    assert len(dikstore.rows_of(session, "dinkes", inherited=False)) == 2
    assert len(dikstore.rows_of(session, "dinkes", inherited=False, with_revoked=True)) == 6


def test_suggestions_cite_the_units_dik(session, city, samples, data_dir):
    doc = _doc(session, samples, "daftar-penerima-bansos.pdf", "dinsos")
    rows = importer.import_file(data_dir / "dik" / "layout-a-dinkes.csv").rows
    dikstore.import_rows(session, "dinsos", rows)
    session.commit()
    findings = store.findings_of(session, doc.sha256)
    pages = {p.number: p.text for p in session.scalars(select(store.PageRecord))}
    notes = dikstore.notes_for(session, "dinsos", findings, pages, today=date(2025, 1, 1))
    nik = next(f for f in findings if f.label == "NIK" and f.action == "redact")
    assert notes[nik.id].kind == "dik" and "440/125/DINKES/2024" in notes[nik.id].text
    assert "Dinas Sosial" in notes[nik.id].text
    phone = [f for f in findings if f.label == "PHONE" and f.action == "redact"]
    assert all(notes[f.id].kind == "needs_test" for f in phone)
    assert dikstore.notes_for(session, None, findings)[nik.id].kind == "needs_test"


def _approve(session, doc, user, when, verdicts):
    for f in store.findings_of(session, doc.sha256):
        verdict = verdicts.get(f.label)
        if verdict:
            session.add(store.DecisionRecord(document_sha=doc.sha256, finding_id=f.id, verdict=verdict,
                                             label=f.label, basis=f.basis, page=f.page, start=f.start, end=f.end,
                                             text=f.text, user_id=user.id, created_at=when))
    doc.status, doc.approved_at, doc.approved_by_id = "approved", when, user.id
    session.commit()


def test_redactions_under_an_expired_row_are_listed(session, city, samples, data_dir):
    doc = _doc(session, samples, "daftar-penerima-bansos.pdf", "dinsos")
    doc.created_at = datetime(2019, 3, 1)
    rows = importer.import_file(data_dir / "dik" / "layout-a-dinkes.csv").rows  # NIK row: 5 years
    dikstore.import_rows(session, "dinsos", rows)
    _approve(session, doc, city["utama"], datetime(2019, 6, 3, 10), {"NIK": "redact", "PERSON": "keep"})
    assert dikstore.redactions_due(session, date(2024, 1, 1)) == []
    due = dikstore.redactions_due(session, date(2024, 6, 3))
    assert due and {d.label for _doc, d, _due in due} == {"NIK"}
    assert all(x.state == "expired" and x.expires == date(2024, 6, 3) for _d, _dec, x in due)
    assert dikstore.redactions_due(session, date(2024, 6, 3), codes={"dinkes"}) == []


def test_yearly_figures_per_unit_and_city(session, city, samples):
    a = _doc(session, samples, "daftar-penerima-bansos.pdf", "dinsos")
    b = _doc(session, samples, "laporan-kejadian.txt", "dinkes")
    for doc in (a, b):
        doc.created_at = datetime(2025, 2, 3)
    _approve(session, a, city["utama"], datetime(2025, 2, 13), {"NIK": "redact", "PHONE": "redact"})
    store.log_event(session, city["utama"], "returned", document_sha=b.sha256).at = datetime(2025, 4, 1)
    session.commit()
    figs = {f.unit: f for f in figures.yearly(session, 2025)}
    n_nik = sum(1 for f in store.findings_of(session, a.sha256) if f.label in ("NIK", "PHONE"))
    assert figs["dinsos"].approved == 1 and figs["dinsos"].turnaround_median == 10.0
    assert figs["dinsos"].redactions["j"] + figs["dinsos"].redactions["h"] == n_nik
    assert figs["dinkes"].received == 1 and figs["dinkes"].returned == 1 and figs["dinkes"].approved == 0
    assert figs[""].received == 2 and figs[""].received_by_month[1] == 2
    assert figures.yearly(session, 2024)[-1].received == 0
    assert [f.unit for f in figures.yearly(session, 2025, {"dinsos"})] == ["dinsos"]
    csv_text = figures.to_csv(list(figs.values())).decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Unit,Dokumen diterima") and "Dinas Sosial" in csv_text
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(figures.to_xlsx(list(figs.values()))))
    assert book.sheetnames == ["Ringkasan", "Per huruf", "Per bulan"] and book["Per huruf"]._charts


def test_scan_settings_carry_the_units_decreed_dik_rows(session, city):
    """Decreed rows of the unit and of the units above reach the passage detector; proposals do not."""
    from reviewer.dik.model import Decree, DikRow
    from reviewer.store.context import scan_settings

    decree = Decree("188/12/2024", date(2024, 1, 2), "Kepala Dinas")
    dikstore.add_row(session, "kota", DikRow("Data kepegawaian", "Pasal 17 huruf h", decree=decree, number="1"))
    dikstore.add_row(session, "dinkes", DikRow("Rekam medis pasien", "Pasal 17 huruf h angka 2", decree=decree,
                                               number="2", keywords=("rekam medis",)))
    dikstore.add_row(session, "dinkes", DikRow("Hasil uji coba", "Pasal 17 huruf e", status="usulan", number="3"))
    entries = scan_settings(session, SETTINGS, unit="pkm-utara").dik_entries
    assert [(e.number, e.codes, e.keywords) for e in entries] == [("1", ("17h",), ()),
                                                                  ("2", ("17h2",), ("rekam medis",))]
    assert scan_settings(session, SETTINGS, unit="dinsos").dik_entries[0].number == "1"
    assert scan_settings(session, SETTINGS).dik_entries == ()


def test_the_same_bytes_are_one_document_per_unit_in_the_batch_too(session, city, samples):
    from reviewer.store import batch as batch_store

    result = scan_file(str(samples / "laporan-kejadian.txt"), SETTINGS)
    content = result.document.sha256
    theirs = _doc(session, samples, "laporan-kejadian.txt", "dinkes")
    assert batch_store.document_state(session, content, "dinkes") == (theirs, "done")
    assert batch_store.document_state(session, content, "dinsos") == (None, None)  # dinkes' copy is not dinsos'
    run, _ = batch_store.open_run(session, ["arsip"], SETTINGS)
    item = batch_store.record_scan(session, run.id, "arsip/laporan.txt", 10, result, unit="dinsos")
    mine = session.get(store.DocumentRecord, item.document_sha)
    assert mine.sha256 != theirs.sha256 and mine.content_sha == theirs.content_sha == content
    assert unitstore.unit_of(session, mine.sha256) == "dinsos" and mine.status == "needs_review"
    assert batch_store.document_state(session, content, "dinsos") == (mine, "done")
    assert batch_store.document_state(session, content, None) == (None, None)  # nor is either the utama's
    assert {f.id for f in store.findings_of(session, mine.sha256)}.isdisjoint(
        f.id for f in store.findings_of(session, theirs.sha256))


def test_each_unit_reads_and_writes_its_own_ocr_cache(session, city, tmp_path):
    from reviewer.store.context import scan_settings

    base = Settings(ocr_cache_dir=tmp_path / "ocr")
    folders = {code: scan_settings(session, base, unit=code).ocr_cache_dir for code in ("dinsos", "dinkes")}
    assert folders == {"dinsos": tmp_path / "ocr" / "units" / "dinsos", "dinkes": tmp_path / "ocr" / "units" / "dinkes"}
    assert scan_settings(session, base).ocr_cache_dir == tmp_path / "ocr"  # documents of no unit: the instance's
