"""One language per screen: every page rendered in Indonesian and in English, and every flash and error
message the actions below raise, holds no phrase of the other language (no "… / …" pairs, no
untranslated catalog text, no common words of the other language outside the document's own text)."""

import functools
import html as htmlmod
import re
from pathlib import Path

import pytest

from reviewer.core.units import Unit
from reviewer.dik.model import DikRow
from reviewer.review import accounts
from reviewer.store import dik as dikstore
from reviewer.store import units as unitstore
from tests.webui_helpers import login, make_app, post, upload

# The fixture document uses only words outside both lists, so what it says never counts as UI text.
BODY = ("Surat keterangan\n\nNama: Siti Aminah\nNIK 3209120708750001\nTelepon 0812-3456-7890\n"
        "Alamat: Jalan Melati 5, Bandung\n")
ENGLISH = {"the", "and", "with", "not", "please", "your", "you", "was", "has", "been", "this", "from", "are",
           "for", "which", "into", "of", "to", "is", "file", "files", "document", "documents", "found", "saved",
           "added", "removed", "user", "page", "all", "none", "yes", "out", "start", "end", "text", "size", "pages",
           "findings", "filename", "comment", "accepted"}
INDONESIAN = {"yang", "dan", "tidak", "untuk", "dengan", "belum", "sudah", "dari", "pada", "atau", "ini",
              "akan", "ke", "oleh", "telah", "berkas", "dokumen", "semua", "halaman", "keluar", "masuk",
              "disimpan", "ditemukan", "pengguna", "kata", "sandi", "unggah", "diunggah", "diajukan", "sistem",
              "ditetapkan"}
DIK_INFORMATION, DIK_BASIS = "Data pribadi penerima bantuan", "Pasal 17 huruf h"  # a DIK row as the office wrote it
PO = Path(__file__).resolve().parent.parent / "webui/translations/en/LC_MESSAGES/messages.po"


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """A city (PPID utama, budi), a dinas (PPID pembantu: ani officer, bayu reviewer), one scanned
    document with a decision, a DIK row; the admin root."""
    tmp = tmp_path_factory.mktemp("languages")
    app = make_app(tmp / "instance")
    with app.extensions["reviewer.sessions"]() as s:
        for unit in (Unit("kota", "Pemerintah Kota Contoh", "pemkot", None, "utama"),
                     Unit("dinsos", "Dinas Sosial", "dinas", "kota")):
            unitstore.add_unit(s, unit)
        for name, code, role in (("ani", "dinsos", "officer"), ("bayu", "dinsos", "reviewer"),
                                 ("budi", "kota", "reviewer")):
            unitstore.set_member(s, accounts.get(s, name), code, role)
        s.commit()
    client = app.test_client()
    login(client, "ani")
    path = tmp / "surat-keterangan.txt"
    path.write_text(BODY)
    sha = upload(app, client, path)
    finding = client.get(f"/documents/{sha}.json").get_json()["findings"][0]["id"]
    post(client, f"/documents/{sha}/findings/{finding}/decide", {"verdict": "redact"})
    other = tmp / "surat-kedua.txt"
    other.write_text(BODY.replace("3209120708750001", "3209124505800002"))
    approved = upload(app, client, other)
    post(client, f"/documents/{approved}/submit")
    reviewer = app.test_client()
    login(reviewer, "bayu")
    assert post(reviewer, f"/documents/{approved}/approve").status_code == 302
    with app.extensions["reviewer.sessions"]() as s:
        row = dikstore.add_row(s, "dinsos", DikRow(information=DIK_INFORMATION, basis_text=DIK_BASIS,
                                                  keywords=("bantuan",)))
        s.commit()
    return app, sha, finding, approved, row.id


@functools.cache
def catalog() -> list[tuple[str, str]]:
    from babel.messages.pofile import read_po

    with PO.open("rb") as fh:
        pairs = [(m.id, m.string) if isinstance(m.id, str) else (m.id[0], m.string[0]) for m in read_po(fh) if m.id]
    return [(a, b) for a, b in pairs if b and a != b]


def visible(page: str, remove: tuple[str, ...] = ()) -> str:
    """What a reader sees: text, titles, placeholders, labels and button values; not scripts or the
    document's own text (`remove`)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    attrs = " ".join(re.findall(r'\b(?:title|placeholder|aria-label|alt)="([^"]*)"', page))
    text = htmlmod.unescape(re.sub(r"<[^>]+>", " ", page) + " " + attrs)
    for piece in filter(None, remove):
        text = text.replace(piece, " ")
    return " ".join(text.split())


def foreign(text: str, lang: str) -> list[str]:
    """Words and catalog phrases of the other language found in `text`."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    hits = sorted(words & (INDONESIAN if lang == "en" else ENGLISH))
    for indonesian, english in catalog():
        phrase = indonesian if lang == "en" else english
        if len(phrase.split()) >= 3 and "%(" not in phrase and phrase in text:
            hits.append(phrase)
    return hits


def speaking(app, name: str | None, lang: str):
    client = app.test_client()
    client.set_cookie("lang", lang)
    if name:
        login(client, name)
    return client


def pages(sha: str, approved: str, row: int) -> list[str]:
    return ["/", "/?status=needs_review&q=surat", "/?inbox=mine", f"/documents/{sha}", f"/documents/{sha}/audit",
            f"/documents/{approved}", f"/documents/{approved}/export", "/audit", "/audit?action=decision", "/admin/",
            "/units/", "/units/dinsos", "/units/kota", f"/units/dinsos/dik/{row}", "/dik/due", "/figures"]


def data_of() -> tuple[str, ...]:
    """The office's own words (documents, their names, the DIK row, units, people): shown as written in both
    languages."""
    return (*BODY.split("\n"), "3209124505800002", DIK_INFORMATION, DIK_BASIS, "surat-keterangan.txt",
            "surat-kedua.txt", "Surat keterangan", "Siti Aminah", "Pemerintah Kota Contoh", "Dinas Sosial", "Root",
            "Budi", "Ani", "Bayu", "Andi")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_speaks_one_language(office, lang):
    app, sha, _, approved, row = office
    client = speaking(app, "root", lang)
    found = {}
    for path in pages(sha, approved, row):
        res = client.get(path)
        assert res.status_code == 200, path
        hits = foreign(visible(res.get_data(as_text=True), data_of()), lang)
        if hits:
            found[path] = hits
    login_page = speaking(app, None, lang).get("/login").get_data(as_text=True)
    if foreign(visible(login_page), lang):
        found["/login"] = foreign(visible(login_page), lang)
    assert found == {}


def flashes(page: str) -> list[str]:
    return [visible(m) for m in re.findall(r'<div class="flash [a-z]+" role="status">(.*?)</div>', page, re.S)]


def error_message(page: str) -> str:
    found = re.search(r'<main[^>]*>(.*?)</main>', page, re.S)
    return visible(found.group(1) if found else page)


def actions(app, sha: str, finding: int, lang: str) -> list[str]:
    """Messages people get: flashes after actions that succeed and that are refused, and error pages."""
    messages = []
    anon = speaking(app, None, lang)
    res = anon.post("/login", data={"username": "ani", "password": "salah-sekali", "csrf_token": _token(anon)},
                    follow_redirects=True)
    messages += flashes(res.get_data(as_text=True))
    messages += flashes(anon.get("/", follow_redirects=True).get_data(as_text=True))  # please log in
    ani = speaking(app, "ani", lang)
    for path, data in ((f"/documents/{sha}/findings/{finding}/decide", {"verdict": "keep"}),
                       (f"/documents/{sha}/findings/{finding}/decide", {"verdict": "nonsense"}),
                       (f"/documents/{sha}/manual", {"page": "1", "x0": "a"}),
                       (f"/documents/{sha}/approve", {}),
                       ("/upload", {})):
        messages += flashes(post(ani, path, data, follow_redirects=True).get_data(as_text=True))
    root = speaking(app, "root", lang)
    for path, data in (("/admin/users", {"username": "x y", "password": "pendek", "role": "officer"}),
                       ("/admin/users", {"username": "citra", "password": "sandi-citra-panjang-7", "role": "officer",
                                         "full_name": "Citra"}),
                       ("/admin/terms", {"kind": "official", "value": ""}),
                       ("/units/dinsos/members", {"username": "nobody"})):
        messages += flashes(post(root, path, data, follow_redirects=True).get_data(as_text=True))
    for path in ("/documents/" + "0" * 64, "/units/nowhere", "/figures?year=-5"):
        messages.append(error_message(root.get(path).get_data(as_text=True)))
    messages.append(post(ani, "/logout", follow_redirects=True).get_data(as_text=True).count("flash") and
                    " ".join(flashes(ani.get("/login").get_data(as_text=True))))
    return [m for m in messages if m]


def _token(client) -> str:
    page = client.get("/login").get_data(as_text=True)
    return re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_flash_and_error_speaks_one_language(office, lang):
    app, sha, finding, *_ = office
    messages = actions(app, sha, finding, lang)
    assert len(messages) >= 10, messages
    assert [m for m in messages if " / " in m] == []  # no "Indonesian / English" pairs
    assert [(m, foreign(m, lang)) for m in messages if foreign(m, lang)] == []


def test_a_library_message_shows_the_users_half(tmp_path):
    from webui.i18n import one_language

    app = make_app(tmp_path / "instance")
    with app.test_request_context("/", headers={"Cookie": "lang=en"}):
        assert one_language("kotak terlalu kecil / box too small") == "box too small"
    with app.test_request_context("/"):
        assert one_language("kotak terlalu kecil / box too small") == "kotak terlalu kecil"
        assert one_language("hanya satu bahasa") == "hanya satu bahasa"
