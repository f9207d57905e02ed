"""A spreadsheet in the real UI (headless Chromium, as `tests/test_browser.py`): the table with its
sticky header, a click on a marked cell selects the finding, and "Terapkan ke seluruh kolom" decides
the whole NIK column after the confirmation."""

import pytest

from tests import sheet_fixtures as fx
from tests.test_browser import browser, log_in, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def test_sheet_table_and_column_decision(server, browser, tmp_path):  # noqa: F811
    people = fx.recipients(40)
    path = tmp_path / "bansos.xlsx"
    fx.write_xlsx(path, people[:38], people[38:], comment_phone="081299887766")
    page = browser.new_page(viewport={"width": 1366, "height": 700})
    log_in(page, server, "ani")
    page.set_input_files("input[type=file]", str(path))
    page.click("text=Unggah dan pindai")
    page.wait_for_selector("table.sheet mark.hl", timeout=60_000)
    head = page.locator("table.sheet thead th").nth(1)
    assert head.evaluate("th => getComputedStyle(th).position") == "sticky"
    page.locator("#sheet-table").evaluate("el => el.scrollTop = 400")
    assert abs(head.bounding_box()["y"] - page.locator("#sheet-table").bounding_box()["y"]) < 3  # still on top
    mark = page.locator("table.sheet mark.lbl-NIK").first
    mark.click()
    assert page.locator(f'li.finding.selected[data-id="{mark.get_attribute("data-id")}"]').count() == 1
    column = page.locator("table.sheet thead th", has=page.locator(".col-head", has_text="NIK")).first
    page.once("dialog", lambda dialog: dialog.accept())
    column.locator("button.btn-redact").click()
    page.wait_for_selector("table.sheet mark.lbl-NIK.state-redact")
    assert page.locator("table.sheet mark.lbl-NIK.state-pending").count() == 0
    assert page.locator("table.sheet mark.lbl-PHONE.state-pending").count() > 0  # other columns untouched
