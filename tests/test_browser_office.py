"""The office-scale screens in headless Chromium (the helpers of tests/test_browser.py): 120 documents paged
and filtered, the submit button enabled live when the last open suggestion is decided, the confirmation
(cancel keeps the document, accept submits it), and the audit log filter. One server for the module;
documents and events are seeded through the store, not through the UI."""

import pytest

from reviewer.review import accounts, scanning
from reviewer.store import records as store
from tests.test_browser import chromium, finding_item, log_in, serve, served_app
from tests.test_webui_lists import _add_documents

pytestmark = pytest.mark.slow
# One landline without context: a "tinjau" (review) suggestion that must be decided before submitting.
MEETING = "Catatan rapat\n\nGudang 024-5551234 buka siang.\nPemohon Sutrisno, NIK 3209120708750001.\n"


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """120 documents of ani's, 7 of andi's awaiting approval, and one real document with an open review."""
    tmp = tmp_path_factory.mktemp("office")
    app = served_app(tmp / "instance")
    _add_documents(app, 120)
    _add_documents(app, 7, status="awaiting_approval", by="andi", prefix="ajuan")
    path = tmp / "catatan-rapat.txt"
    path.write_text(MEETING)
    with app.extensions["reviewer.sessions"]() as s:
        doc, _ = scanning.accept_upload(s, app.config["ORIGINALS"], path, path.name, user=accounts.get(s, "ani"))
        for _ in range(3):
            store.log_event(s, accounts.get(s, "budi"), "login")
        s.commit()
        sha = doc.sha256
    with serve(app) as base:
        yield base, sha


@pytest.fixture(scope="module")
def chrome():
    with chromium() as b:
        yield b


@pytest.fixture
def page(chrome):
    context = chrome.new_context(viewport={"width": 1366, "height": 900})
    yield context.new_page()
    context.close()


def test_120_documents_are_paged_and_filtered(office, page):
    base, _ = office
    log_in(page, base, "ani")
    assert page.locator("table.docs tbody tr").count() == 50
    assert "Halaman 1 dari 3" in page.locator("nav.pager").inner_text()
    page.click("nav.pager a[rel=next]")
    page.wait_for_url("**page=2**")
    assert "Halaman 2 dari 3" in page.locator("nav.pager").inner_text()
    assert page.locator("table.docs tbody tr").count() == 50
    page.fill("form.filters input[name=q]", "surat-11")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=surat-11**")
    names = page.locator("table.docs tbody tr td:first-child a").all_inner_texts()
    assert sorted(names) == [f"surat-11{i}.txt" for i in range(10)]
    assert page.locator("nav.pager a[rel=next]").count() == 0
    page.click("text=Hapus saringan")
    page.click("nav.tabs-status a:has-text('menunggu persetujuan')")
    page.wait_for_url("**status=awaiting_approval**")
    names = page.locator("table.docs tbody tr td:first-child a").all_inner_texts()
    assert len(names) == 7 and all(n.startswith("ajuan-") for n in names)


def test_submit_is_enabled_live_and_the_confirmation_lists_what_is_accepted(office, page):
    base, sha = office
    log_in(page, base, "ani")
    page.goto(f"{base}/documents/{sha}")
    page.wait_for_selector("#doc-status:not([data-status='processing'])", state="attached", timeout=60_000)
    page.reload()
    submit = page.locator("#submit-btn")
    assert submit.is_disabled() and page.locator("#open-review").is_visible()
    finding_item(page, "024-5551234").locator(".btn-keep").click()
    page.wait_for_selector("#submit-btn:not([disabled])")  # no reload: the decision's answer enables it
    assert page.locator("#open-review").is_hidden()
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    submit.click()
    page.wait_for_timeout(500)
    assert asked and "diterima atas nama Anda" in asked[0] and "• NIK — dihitamkan: 1" in asked[0], asked
    assert page.locator("#doc-status").get_attribute("data-status") == "needs_review"  # cancelled: nothing sent
    page.once("dialog", lambda d: d.accept())
    submit.click()
    page.wait_for_selector(".status.st-awaiting_approval")


def test_the_audit_log_filter(office, page):
    base, _ = office
    log_in(page, base, "root")
    page.goto(f"{base}/audit")
    page.select_option("form.audit-filters select[name=user]", "budi")
    page.select_option("form.audit-filters select[name=action]", "login")
    page.click("form.audit-filters button[type=submit]")
    page.wait_for_url("**action=login**")
    rows = page.locator("table.audit tbody tr").all_inner_texts()
    assert len(rows) == 3 and all("budi masuk" in r for r in rows), rows
    assert "WIB" in rows[0]
    page.click("text=Hapus saringan")
    page.wait_for_url(f"{base}/audit")
    assert page.locator("table.audit tbody tr").count() > 3
