"""Spreadsheets in the review UI (issue 20 item 4): a sheet page as a table with sheet tabs, a sticky
header and the findings in their cells; "Terapkan ke seluruh kolom" decides a whole column, each
finding with its own decision and audit event, within the workflow rules, without overwriting a
finding someone else decided. The bansos workbook is generated (`tests.sheet_fixtures`)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from reviewer.store import records as store
from tests import sheet_fixtures as fx
from tests.webui_helpers import app, client, login, post, upload  # noqa: F401  (fixtures)

PEOPLE = fx.recipients(30)


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "bansos.xlsx"
    fx.write_xlsx(path, PEOPLE[:27], PEOPLE[27:], comment_phone="081299887766")
    return path


def _findings(client, sha):
    return client.get(f"/documents/{sha}.json").get_json()["findings"]


def _column(client, sha, page=1) -> dict:
    return {c["header"]: c for c in client.get(f"/documents/{sha}/pages/{page}/sheet.json").get_json()["columns"]}


def _decide_column(client, sha, col, verdict, page=1):
    return post(client, f"/documents/{sha}/pages/{page}/columns/decide", {"col": col, "verdict": verdict},
                headers={"Accept": "application/json"})


def test_sheet_page_is_a_table_with_tabs_and_marked_cells(app, client, workbook):
    login(client, "ani")
    sha = upload(app, client, workbook)
    html = client.get(f"/documents/{sha}?page=1").get_data(as_text=True)
    assert 'class="sheet"' in html and "<thead>" in html and "Terapkan ke seluruh kolom" in html
    tabs = re.findall(r'class="sheet-tab(?: [^"]*)?"[^>]*>([^<]+)', html)
    assert [t.strip() for t in tabs[:2]] == ["Penerima", "Data Asli"]
    assert "(tersembunyi)" in html  # the hidden sheet is a tab too
    nik = PEOPLE[0].nik
    assert re.search(r'<td><mark class="hl state-pending lbl-NIK" data-id="\d+"[^>]*>' + nik + "</mark></td>", html)
    assert "<th scope=\"row\" class=\"rownum\">3</th>" in html  # spreadsheet row numbers (title, header above)
    view = client.get(f"/documents/{sha}/pages/1/sheet.json").get_json()
    assert [c["header"] for c in view["columns"]][:3] == ["No", "NIK", "Nama Penerima"]
    assert view["total_rows"] >= 27 and view["header"][1] == "NIK"
    assert _column(client, sha)["NIK"]["findings"] == 27


def test_english_table(app, client, workbook):
    login(client, "ani")
    sha = upload(app, client, workbook)
    client.set_cookie("lang", "en")
    html = client.get(f"/documents/{sha}?page=1").get_data(as_text=True)
    assert "Apply to the whole column" in html and "Terapkan ke seluruh kolom" not in html


def test_column_decision_decides_each_finding_with_its_own_event(app, client, workbook):
    login(client, "ani")
    sha = upload(app, client, workbook)
    nik = _column(client, sha)["NIK"]
    res = _decide_column(client, sha, nik["col"], "redact")
    assert res.status_code == 200 and res.get_json()["decided"] == 27, res.get_json()
    niks = [f for f in _findings(client, sha) if f["page"] == 1 and f["label"] == "NIK" and f["text"] in
            {p.nik for p in PEOPLE[:27]}]
    assert len(niks) == 27 and all(f["decision"]["verdict"] == "redact" for f in niks)
    phones = [f for f in _findings(client, sha) if f["page"] == 1 and f["label"] == "PHONE"
              and f["text"] == PEOPLE[0].phone]
    assert phones and phones[0]["decision"] is None  # another column: untouched
    with app.extensions["reviewer.sessions"]() as session:
        events = session.scalar(select(func.count()).select_from(store.Event).where(
            store.Event.document_sha == sha, store.Event.action == "decision"))
    assert events == 27
    assert _column(client, sha)["NIK"]["open"] == 0


def test_column_decision_leaves_what_someone_else_decided(app, client, workbook):
    login(client, "ani")
    sha = upload(app, client, workbook)
    other = app.test_client()
    login(other, "andi")
    first = next(f for f in _findings(client, sha) if f["text"] == PEOPLE[0].nik)
    post(other, f"/documents/{sha}/findings/{first['id']}/decide", {"verdict": "keep", "note": "sudah dicek"})
    col = _column(client, sha)["NIK"]["col"]
    body = _decide_column(client, sha, col, "redact").get_json()
    assert body["decided"] == 26 and body["skipped"] == 1
    again = next(f for f in _findings(client, sha) if f["id"] == first["id"])
    assert again["decision"]["verdict"] == "keep"  # andi's decision stands
    # ani's own earlier decisions are hers to change: the whole column again, to keep
    assert _decide_column(client, sha, col, "keep").get_json()["decided"] == 26


def test_column_decision_refused_once_submitted(app, client, workbook):
    """A document awaiting approval is locked: the column decision is refused and decides nothing."""
    login(client, "ani")
    sha = upload(app, client, workbook)
    col = _column(client, sha)["NIK"]["col"]
    with app.extensions["reviewer.sessions"]() as session:
        session.get(store.DocumentRecord, sha).status = "awaiting_approval"
        session.commit()
    assert _decide_column(client, sha, col, "redact").status_code == 403
    with app.extensions["reviewer.sessions"]() as session:
        assert session.scalar(select(func.count()).select_from(store.DecisionRecord).where(
            store.DecisionRecord.document_sha == sha)) == 0
    html = client.get(f"/documents/{sha}?page=1").get_data(as_text=True)
    assert 'class="sheet"' in html and "column-decide" not in html  # the table, without the buttons


def test_unknown_verdict_and_non_sheet_page(app, client, workbook, tmp_path):
    login(client, "ani")
    sha = upload(app, client, workbook)
    col = _column(client, sha)["NIK"]["col"]
    assert _decide_column(client, sha, col, "maybe").status_code == 400
    text = tmp_path / "surat.txt"
    text.write_text(f"Pemohon NIK {PEOPLE[0].nik}\n", encoding="utf-8")
    plain = upload(app, client, text)
    assert _decide_column(client, plain, 0, "redact").status_code == 400
    assert client.get(f"/documents/{plain}/pages/1/sheet.json").status_code == 404
    assert 'class="sheet"' not in client.get(f"/documents/{plain}").get_data(as_text=True)
