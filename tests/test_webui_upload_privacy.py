"""Originals are content-addressed, so an upload of bytes another unit already holds meets that unit's
document. The refusal must not tell the uploader so: no "already", "same file", "another unit", no
name, state, unit or hash of that document, and the same words whatever that document is."""

import re

import pytest

from reviewer.core.units import Unit
from reviewer.review import accounts
from reviewer.store import records as store
from reviewer.store import units as unitstore
from tests.webui_helpers import login, make_app, post, upload

TELLING = ("sudah", "sama", "lain", "luar", "ada di", "dinkes", "kesehatan", "already", "same", "exists",
           "another", "other", "outside", "elsewhere")


@pytest.fixture
def city(tmp_path):
    """ani: officer of Dinas Sosial; andi: officer of Dinas Kesehatan; both under the city's PPID utama."""
    app = make_app(tmp_path / "instance")
    with app.extensions["reviewer.sessions"]() as s:
        for unit in (Unit("kota", "Pemerintah Kota Contoh", "pemkot", None, "utama"),
                     Unit("dinsos", "Dinas Sosial", "dinas", "kota"),
                     Unit("dinkes", "Dinas Kesehatan", "dinas", "kota")):
            unitstore.add_unit(s, unit)
        for name, code in (("ani", "dinsos"), ("andi", "dinkes")):
            unitstore.set_member(s, accounts.get(s, name), code, "officer")
        s.commit()
    return app


def client_of(app, name, lang="id"):
    client = app.test_client()
    client.set_cookie("lang", lang)
    login(client, name)
    return client


def refusal(client, path, name) -> str:
    with path.open("rb") as fh:
        res = post(client, "/upload", {"file": (fh, name)}, content_type="multipart/form-data", follow_redirects=True)
    flashes = re.findall(r'<div class="flash error" role="status">(.*?)</div>', res.get_data(as_text=True), re.S)
    assert len(flashes) == 1, res.get_data(as_text=True)[-2000:]
    return flashes[0]


def documents(app) -> int:
    with app.extensions["reviewer.sessions"]() as s:
        return len(s.query(store.DocumentRecord).all())


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_refused_duplicate_does_not_tell_that_another_unit_holds_the_file(city, tmp_path, lang):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Laporan kejadian.\nNIK 3209120708750001 milik Siti Aminah.\n")
    second.write_text("Surat lain sama sekali.\nNIK 3209124505800002.\n")
    andi = client_of(city, "andi")
    sha_a = upload(city, andi, first, "rekam-medis-rahasia.txt")
    sha_b = upload(city, andi, second, "daftar-pasien.txt")
    post(andi, f"/documents/{sha_b}/submit")  # the two documents differ in name and in state
    ani = client_of(city, "ani", lang)
    before = documents(city)
    said = [refusal(ani, first, "laporan.txt"), refusal(ani, second, "laporan.txt")]
    assert said[0] == said[1]  # the same words whatever the other unit's document is
    text = said[0].lower()
    for word in TELLING:
        assert word not in text, (word, said[0])
    for secret in ("rekam-medis-rahasia", "daftar-pasien", sha_a[:12], sha_b[:12], "menunggu", "awaiting"):
        assert secret not in text
    assert documents(city) == before
    assert ani.get(f"/documents/{sha_a}").status_code == 404  # and the document stays out of sight


def test_the_api_refuses_in_the_same_words(city, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Laporan kejadian.\nNIK 3209120708750001 milik Siti Aminah.\n")
    upload(city, client_of(city, "andi"), path, "rekam-medis-rahasia.txt")
    with city.extensions["reviewer.sessions"]() as s:
        token = accounts.issue_token(s, accounts.get(s, "ani"))
        s.commit()
    with path.open("rb") as fh:
        res = city.test_client().post("/api/v1/documents", data={"file": (fh, "laporan.txt")},
                                      headers={"Authorization": f"Bearer {token}"}, content_type="multipart/form-data")
    assert res.status_code == 400
    message = res.get_json()["error"].lower()
    assert [w for w in TELLING if w in message] == [] and "rekam-medis" not in message
    assert refusal(client_of(city, "ani"), path, "laporan.txt").lower().endswith(message.partition("— ")[2])
