"""Presentations in the review UI (issue 20 item 4): a slide page as a card — slide number, title, text
blocks, tables as tables, speaker notes in a section of their own, hidden slides marked — with the
findings marked in place and decided as in the other views. A page stored before slides kept their
shapes shows the text view. The PPTX and ODP are generated (`tests.doc_fixtures`, `tests.odp_fixtures`)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from reviewer.store import records as store
from tests import doc_fixtures, odp_fixtures
from tests.webui_helpers import app, client, login, post, upload  # noqa: F401  (fixtures)

P = doc_fixtures.P


@pytest.fixture
def pptx_sha(app, client, tmp_path):
    path = tmp_path / "rapat.pptx"
    doc_fixtures.write_pptx(path)
    login(client, "ani")
    return upload(app, client, path)


def _card(html: str) -> str:
    match = re.search(r'<article class="slide-card[^"]*" id="slide-card".*?</article>', html, re.S)
    assert match, "no slide card on the page"
    return match.group(0)


def _marked(html: str, label: str) -> list[str]:
    return re.findall(r'<mark class="hl state-[\w-]+ lbl-' + label + r'" data-start="\d+" data-id="\d+"[^>]*>([^<]+)'
                      r"</mark>", html)


def test_pptx_slide_is_a_card_with_title_table_and_notes(app, client, pptx_sha):
    html = client.get(f"/documents/{pptx_sha}?page=1").get_data(as_text=True)
    card = _card(html)
    assert "Salindia 1" in card and re.search(r'<h2 class="slide-title"><span[^>]*>Rapat Koordinasi Bansos', card)
    table = re.search(r'<table class="slide-table">.*?</table>', card, re.S).group(0)
    assert re.search(r"<tr><th><span[^>]*>NIK</span></th><th><span[^>]*>Nama</span></th>", table)  # header row
    assert set(doc_fixtures.PEOPLE[1].nik for _ in [0]) <= set(_marked(table, "NIK"))  # NIK marked in its cell
    assert P.nik not in table  # the body's NIK is in the text block, not in the table
    notes = re.search(r'<section class="slide-notes">.*?</section>', card, re.S).group(0)
    assert "Catatan pembicara" in notes and P.phone in _marked(notes, "PHONE")
    body = card.split('<section class="slide-notes">')[0]
    assert "Hubungi" not in body  # the notes are not among the slide's blocks
    assert "Teks alternatif" in card and 'id="page-text"' in html and "view-text hidden" in html
    view = client.get(f"/documents/{pptx_sha}/pages/1/slide.json").get_json()
    assert view["title"] == "Rapat Koordinasi Bansos" and view["hidden"] is False
    assert [b["kind"] for b in view["blocks"]] == ["body", "alt", "table"] and len(view["notes"]) == 1


def test_marks_in_the_card_are_the_findings_and_follow_decisions(app, client, pptx_sha):
    findings = {f["id"]: f for f in client.get(f"/documents/{pptx_sha}.json").get_json()["findings"]}
    card = _card(client.get(f"/documents/{pptx_sha}?page=1").get_data(as_text=True))
    marks = re.findall(r'<mark class="hl state-([\w-]+) lbl-(\w+)" data-start="(\d+)" data-id="(\d+)"[^>]*>([^<]*)<',
                       card)
    on_page = {i for i, f in findings.items() if f["page"] == 1}
    assert {int(m[3]) for m in marks} == on_page  # every finding of the slide is marked in the card
    nik = next(f for f in findings.values() if f["text"] == doc_fixtures.PEOPLE[2].nik)
    mark = next(m for m in marks if int(m[3]) == nik["id"])
    assert mark[0] == "pending" and int(mark[2]) == nik["start"] and mark[4] == nik["text"]
    res = post(client, f"/documents/{pptx_sha}/findings/{nik['id']}/decide", {"verdict": "redact"},
               headers={"Accept": "application/json"})
    assert res.status_code == 200, res.get_data(as_text=True)
    card = _card(client.get(f"/documents/{pptx_sha}?page=1").get_data(as_text=True))
    assert re.search(r'<mark class="hl state-redact lbl-NIK" data-start="\d+" data-id="' + str(nik["id"]) + '"', card)


def test_odp_hidden_slide_names_and_master_page(app, client, tmp_path):
    path = tmp_path / "rapat.odp"
    odp_fixtures.write_odp(path)
    login(client, "ani")
    sha = upload(app, client, path)
    first = _card(client.get(f"/documents/{sha}?page=1").get_data(as_text=True))
    assert "Rapat Koordinasi Bansos" in first and "Nama salindia" in first and "Komentar" in first
    assert "tersembunyi" not in first and P.phone in _marked(first, "PHONE")
    hidden = _card(client.get(f"/documents/{sha}?page=3").get_data(as_text=True))
    assert 'class="slide-card hidden-slide"' in hidden and "tersembunyi" in hidden
    assert odp_fixtures.PEOPLE[2].nik in _marked(hidden, "NIK")
    assert client.get(f"/documents/{sha}/pages/3/slide.json").get_json()["hidden"] is True
    master = _card(client.get(f"/documents/{sha}?page=4").get_data(as_text=True))
    assert "Master dan kaki salindia" in master and "Salindia 4" not in master


def test_english_card(app, client, pptx_sha):
    client.set_cookie("lang", "en")
    card = _card(client.get(f"/documents/{pptx_sha}?page=1").get_data(as_text=True))
    assert "Slide 1" in card and "Speaker notes" in card and "Catatan pembicara" not in card


def test_page_stored_before_slides_shows_the_text_view(app, client, pptx_sha):
    with app.extensions["reviewer.sessions"]() as session:
        for record in session.scalars(select(store.PageRecord).where(store.PageRecord.document_sha == pptx_sha)):
            record.slide = None  # as a document scanned before migration 0009
        session.commit()
    html = client.get(f"/documents/{pptx_sha}?page=1").get_data(as_text=True)
    assert 'id="slide-card"' not in html and 'class="view view-text "' in html
    text_view = html.split('id="page-text"')[1].split("</div>")[0]
    assert "Rapat Koordinasi Bansos" in text_view and "Hubungi" in text_view
    assert client.get(f"/documents/{pptx_sha}/pages/1/slide.json").status_code == 404


def test_not_a_presentation(app, client, tmp_path):
    text = tmp_path / "surat.txt"
    text.write_text(f"Pemohon NIK {P.nik}\n", encoding="utf-8")
    login(client, "ani")
    sha = upload(app, client, text)
    assert 'id="slide-card"' not in client.get(f"/documents/{sha}").get_data(as_text=True)
    assert client.get(f"/documents/{sha}/pages/1/slide.json").status_code == 404


def test_pptx_blocks_and_hidden_slide_from_the_extractor(tmp_path):
    """The extractor keeps each slide's shapes: the title placeholder is the title, the body placeholder
    a block of its own, and a hidden slide (`show="0"`) is hidden."""
    import pptx

    from reviewer.extract import extract

    prs = pptx.Presentation()
    for title in ("Agenda", f"Cadangan {P.name}"):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = title
        slide.placeholders[1].text = f"NIK {P.nik}"
    slide._element.set("show", "0")
    path = tmp_path / "dua.pptx"
    prs.save(path)
    first, second = extract(path).pages
    assert [k for k, _ in first.slide.blocks] == ["title", "body"] and not first.slide.hidden
    assert second.slide.hidden and second.slide.extra == ""
    (a, b), = dict(second.slide.blocks)["title"]
    assert second.text[a:b] == f"Cadangan {P.name}"
