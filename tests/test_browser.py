"""The real UI in headless Chromium (Debian's `chromium`, driven by Playwright with its executable path;
no browser download): officer uploads, decides, draws a box, submits; reviewer approves; the exported
PDF no longer holds the accepted strings. Screenshots go to $REVIEWER_SCREENSHOTS when it is set."""

import contextlib
import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.webui_helpers import PASSWORDS, make_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
         "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow


@contextlib.contextmanager
def serve(app):
    """`app` served by waitress on a free port, for as long as the block runs; yields the base URL."""
    from waitress import create_server

    srv = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.effective_port}"
    finally:
        srv.close()


def served_app(instance):
    return make_app(instance, WORKER=True, SESSION_COOKIE_SECURE=False, TESTING=False)


@pytest.fixture
def server(tmp_path):
    with serve(served_app(tmp_path / "instance")) as base:
        yield base


@contextlib.contextmanager
def chromium():
    """Debian's headless Chromium under Playwright (skipped where it is not installed, failed on CI)."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def browser():
    with chromium() as b:
        yield b


def shot(page, name):
    folder = os.environ.get("REVIEWER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def log_in(page, base, name):
    page.goto(base + "/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORDS[name])
    page.click("button[type=submit].primary")
    page.wait_for_selector("table.docs, .empty")


def finding_item(page, text):
    return page.locator("li.finding", has=page.locator(".f-text", has_text=text)).first


def test_officer_proposes_reviewer_approves_export_is_redacted(server, browser, samples, tmp_path):
    import fitz

    page = browser.new_page(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    log_in(page, server, "ani")
    shot(page, "01-daftar-kosong")
    page.set_input_files("input[type=file]", str(samples / "daftar-penerima-bansos.pdf"))
    page.click("text=Unggah dan pindai")
    page.wait_for_selector("#page-wrap .box", timeout=60_000)
    assert page.locator("#page-wrap .box").count() >= 10
    assert page.locator(".box.state-keep-suggested").count() >= 1
    shot(page, "02-tinjau")

    nik = finding_item(page, "3209126608790002")
    nik.locator(".btn-redact").click()
    page.wait_for_selector("#page-wrap .box.state-redact")
    name = finding_item(page, "Siti Aminah")
    name.click()
    page.keyboard.press("a")  # keyboard shortcut: redact the selected finding
    phone = finding_item(page, "0857-1122-3344")
    phone.locator(".btn-keep").click()
    page.wait_for_selector("li.finding.state-keep")

    wrap = page.locator("#page-wrap").bounding_box()
    scale = wrap["width"] / 595.0
    page.mouse.move(wrap["x"] + 268 * scale, wrap["y"] + 104 * scale)
    page.mouse.down()
    page.mouse.move(wrap["x"] + 306 * scale, wrap["y"] + 121 * scale, steps=5)
    page.mouse.up()
    page.click("#manual-submit")
    page.wait_for_selector("li.finding .f-text:text-is('TUNAI')")
    shot(page, "03-diputuskan")
    assert page.locator("li.finding.state-redact").count() == 3  # the drawn box is one redaction, not two
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.click("#submit-btn")  # asks first, listing what will be accepted as it is now
    page.wait_for_selector(".status.st-awaiting_approval")
    assert asked and "diterima atas nama Anda" in asked[0] and "— dihitamkan:" in asked[0], asked

    page.click("text=Keluar")
    log_in(page, server, "budi")
    shot(page, "04-daftar-penyetuju")
    page.click("text=daftar-penerima-bansos.pdf")
    page.click("#approve-btn")
    page.wait_for_selector(".status.st-approved")
    page.click("#export-link")
    shot(page, "05-ekspor")
    with page.expect_download() as info:
        page.click("#dl-redacted")
    data = Path(info.value.path()).read_bytes()
    with fitz.open(stream=data, filetype="pdf") as pdf:
        text = " ".join(" ".join(p.get_text().split()) for p in pdf)
    for gone in ("3209126608790002", "Siti Aminah", "TUNAI"):
        assert gone not in text
    assert "0857-1122-3344" in text and "DAFTAR PENERIMA" in text


def test_span_adjusted_word_by_word_with_preview(server, browser, samples):
    import json

    page = browser.new_page(viewport={"width": 1366, "height": 900})
    log_in(page, server, "ani")
    page.set_input_files("input[type=file]", str(samples / "laporan-kejadian.txt"))
    page.click("text=Unggah dan pindai")
    page.wait_for_selector("li.finding", timeout=60_000)
    nik = finding_item(page, "3209120708750001")
    nik.locator("details.more summary").click()
    preview = nik.locator(".span-preview")
    assert preview.text_content() == "“3209120708750001”"
    nik.locator('button[data-edge="end"][data-step="1"]').click()
    assert preview.text_content() == "“3209120708750001, lahir”"
    nik.locator('button[data-edge="start"][data-step="-1"]').click()
    assert preview.text_content() == "“NIK 3209120708750001, lahir”"
    nik.locator('button[data-edge="end"][data-step="-1"]').click()
    nik.locator('button[data-edge="start"][data-step="1"]').click()
    nik.locator('button[data-edge="start"][data-step="1"]').click()  # would leave nothing: refused
    assert preview.text_content() == "“3209120708750001”"
    nik.locator('button[data-edge="end"][data-step="1"]').click()
    shot(page, "06-rentang")
    nik.locator(".btn-redact").click()
    page.wait_for_selector("li.finding.state-redact")
    sha = page.url.split("/documents/")[1].split("?")[0].strip("/")
    data = json.loads(page.request.get(f"{server}/documents/{sha}.json").text())
    decided = [f["decision"] for f in data["findings"] if f["decision"]]
    assert [d["text"] for d in decided] == ["3209120708750001, lahir"]
