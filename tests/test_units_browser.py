"""Browser test (headless Chromium through Playwright, the fixtures of tests/test_browser.py) of units
and the DIK: a PPID pembantu of one dinas cannot see another dinas's documents, the PPID utama sees
both, and a DIK imported from CSV shows its decree number on a matching suggestion."""

import threading

import pytest

from tests.test_browser import browser, log_in  # noqa: F401  (fixture)
from tests.webui_helpers import CITY_MEMBERS, city_app

pytestmark = pytest.mark.slow
DECREE = "440/125/DINKES/2024"


@pytest.fixture
def city_server(tmp_path):
    """Pemerintah Kota (PPID utama: budi), Dinas Sosial (pembantu: ani) and Dinas Kesehatan (pembantu:
    andi), served by waitress with the background scanner running."""
    from waitress import create_server

    app = city_app(tmp_path / "instance", CITY_MEMBERS[:3], WORKER=True, SESSION_COOKIE_SECURE=False, TESTING=False)
    srv = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()


def _upload(page, path) -> str:
    page.set_input_files("form.upload input[type=file]", str(path))
    page.click("text=Unggah dan pindai")
    page.wait_for_url("**/documents/*")
    sha = page.url.split("?")[0].rstrip("/").split("/")[-1]
    # a selector, not wait_for_function: the CSP (script-src 'self') forbids evaluating strings
    page.wait_for_selector("#doc-status:not([data-status='processing'])", state="attached", timeout=60_000)
    return sha


def _names(page, base) -> str:
    page.goto(base + "/")
    page.wait_for_selector("table.docs, .empty")
    return page.content()


def test_units_scope_documents_and_the_dik_decree_shows_on_suggestions(city_server, browser, samples,  # noqa: F811
                                                                      data_dir):
    base = city_server
    ani = browser.new_page(viewport={"width": 1366, "height": 900})
    log_in(ani, base, "ani")  # PPID pembantu, Dinas Sosial
    bansos = _upload(ani, samples / "daftar-penerima-bansos.pdf")
    ani.goto(base + "/units/dinsos")
    ani.set_input_files("#dik-import input[type=file]", str(data_dir / "dik" / "layout-a-dinkes.csv"))
    ani.click("#dik-import button")
    ani.wait_for_selector("text=4 baris DIK diimpor")
    assert DECREE in ani.inner_text("table.dik")

    andi = browser.new_page()
    log_in(andi, base, "andi")  # PPID pembantu, Dinas Kesehatan
    laporan = _upload(andi, samples / "laporan-kejadian.txt")
    listed = _names(andi, base)
    assert "laporan-kejadian.txt" in listed and "daftar-penerima-bansos.pdf" not in listed
    response = andi.goto(f"{base}/documents/{bansos}")
    assert response.status == 404 and "daftar-penerima-bansos.pdf" not in andi.content()

    listed = _names(ani, base)
    assert "daftar-penerima-bansos.pdf" in listed and "laporan-kejadian.txt" not in listed
    assert ani.goto(f"{base}/documents/{laporan}").status == 404

    budi = browser.new_page(viewport={"width": 1366, "height": 900})
    log_in(budi, base, "budi")  # PPID utama, Pemerintah Kota
    listed = _names(budi, base)
    assert "daftar-penerima-bansos.pdf" in listed and "laporan-kejadian.txt" in listed

    budi.goto(f"{base}/documents/{bansos}")
    nik = budi.locator("li.finding", has=budi.locator(".swatch.lbl-NIK"))
    assert nik.count() >= 1
    for i in range(nik.count()):
        note = nik.nth(i).locator(".dik-note")
        assert note.get_attribute("data-kind") == "dik" and DECREE in note.inner_text()
