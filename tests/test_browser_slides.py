"""A presentation in the real UI (headless Chromium, as `tests/test_browser.py`): the slide is a card with its
title, table and speaker notes; a click on a mark in the card selects the finding, the keyboard decides it
(J, A) and the card's mark follows; the text view is one click away; selecting text on the card prepares a
manual redaction."""

import pytest

from tests import doc_fixtures
from tests.test_browser import browser, log_in, server, shot  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def test_slide_card_selection_keyboard_and_text_view(server, browser, tmp_path):  # noqa: F811
    path = tmp_path / "rapat.pptx"
    doc_fixtures.write_pptx(path)
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    log_in(page, server, "ani")
    page.set_input_files("input[type=file]", str(path))
    page.click("text=Unggah dan pindai")
    page.wait_for_selector("#slide-card mark.hl", timeout=60_000)
    card = page.locator("#slide-card")
    assert card.locator(".slide-title").inner_text().strip() == "Rapat Koordinasi Bansos"
    assert card.locator("table.slide-table tr").count() == len(doc_fixtures.PEOPLE)
    assert "Catatan pembicara" in card.locator(".slide-notes").inner_text()
    assert not page.locator("#page-text").is_visible()
    shot(page, "slide-card")
    nik = doc_fixtures.PEOPLE[1].nik
    mark = card.locator("table.slide-table mark.lbl-NIK", has_text=nik)
    mark.click()
    fid = mark.get_attribute("data-id")
    assert page.locator(f'li.finding.selected[data-id="{fid}"]').count() == 1
    page.keyboard.press("a")  # decide the selected finding: redact
    page.wait_for_selector(f'#slide-card mark.state-redact[data-id="{fid}"]')
    notes_phone = card.locator(".slide-notes mark.lbl-PHONE").first
    notes_phone.click()
    assert "selected" in notes_phone.get_attribute("class")
    page.click(".sheet-view-tab[data-pane=page-text]")
    assert page.locator("#page-text").is_visible() and not card.is_visible()
    assert page.locator(f'#page-text mark.state-redact[data-id="{fid}"]').count() == 1  # same decision in the text
    page.click(".sheet-view-tab[data-pane=slide-card]")
    word = card.locator(".slide-block.kind-body span", has_text="Informasi").first
    word.evaluate("""el => { const r = document.createRange(); r.setStart(el.firstChild, 0); r.setEnd(el.firstChild, 9);
                             const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }""")
    word.dispatch_event("mouseup")
    assert not page.locator("#manual-submit").is_disabled()
    start = int(word.get_attribute("data-start"))
    chosen = (page.locator("#m-start").input_value(), page.locator("#m-end").input_value())
    assert chosen == (str(start), str(start + 9))
