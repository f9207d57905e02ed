"""The security review's findings 7–13 (issue 21), one test each (or a few): unit admin escalation, the
two-person rule, open redirect, long submits in chunks, password policy, 404 whatever the reason,
originals removed on refusal, no caching of contents, no server paths, scoped label lists, no slow work
inside a write transaction and no write on a read request."""

import re
import sqlite3

import pytest
from sqlalchemy import event, func, insert, select

from reviewer.core.units import Unit
from reviewer.review import accounts, workflow
from reviewer.store import records as store
from reviewer.store import units as unitstore
from tests.webui_helpers import PASSWORDS, app, client, csrf, login, make_app, post, upload  # noqa: F401

BODY = "Pemohon Sutrisno, NIK 3209120708750001, telepon 0812-2345-6789, surel sutrisno@contoh.id.\n"
JSON = {"Accept": "application/json"}


def _doc(tmp_path, name="surat.txt", body=BODY):
    path = tmp_path / name
    path.write_text(body)
    return path


def client_of(app, name):
    c = app.test_client()
    login(c, name)
    return c


@pytest.fixture
def city(tmp_path):
    """kota (PPID utama) with dinsos and dinkes (pembantu). root: instance admin; budi: admin of kota;
    bayu: admin of dinsos; ani: penyetuju dinsos; andi: petugas dinkes."""
    app = make_app(tmp_path / "instance")
    with app.extensions["reviewer.sessions"]() as s:
        for unit in (Unit("kota", "Pemerintah Kota Contoh", "pemkot", None, "utama"),
                     Unit("dinsos", "Dinas Sosial", "dinas", "kota"),
                     Unit("dinkes", "Dinas Kesehatan", "dinas", "kota")):
            unitstore.add_unit(s, unit)
        for name, code, role in (("ani", "dinsos", "reviewer"), ("andi", "dinkes", "officer"),
                                 ("budi", "kota", "admin"), ("bayu", "dinsos", "admin")):
            unitstore.set_member(s, accounts.get(s, name), code, role)
        s.commit()
    return app


# --- 7: a PPID pembantu admin cannot take over the tree ---------------------------------------------

def _ppid(app, code):
    with app.extensions["reviewer.sessions"]() as s:
        return unitstore.unit_record(s, code).ppid


def test_a_pembantu_admin_cannot_make_their_unit_utama(city):
    bayu = client_of(city, "bayu")
    res = post(bayu, "/units/dinsos/edit", {"ppid": "utama"}, headers=JSON)
    assert res.status_code == 403 and _ppid(city, "dinsos") == "pembantu"
    res = post(bayu, "/units/", {"code": "upt", "name": "UPT Panti", "kind": "upt", "parent": "dinsos",
                                 "ppid": "utama"}, headers=JSON)
    assert res.status_code == 403
    with city.extensions["reviewer.sessions"]() as s:
        assert "upt" not in unitstore.load_tree(s)
        assert unitstore.visible_units(s, accounts.get(s, "bayu")) == {"dinsos"}
    assert post(bayu, "/units/dinsos/edit", {"name": "Dinas Sosial Kota"}, headers=JSON).status_code == 200
    assert post(bayu, "/units/", {"code": "upt", "name": "UPT Panti", "kind": "upt", "parent": "dinsos",
                                  "ppid": "pembantu"}, headers=JSON).status_code == 200


def test_the_utama_admin_changes_the_hierarchy(city):
    budi = client_of(city, "budi")
    assert post(budi, "/units/dinsos/edit", {"ppid": ""}, headers=JSON).status_code == 200
    assert _ppid(city, "dinsos") == ""


# --- 9: the two-person rule covers whoever decided or submitted ---------------------------------------

def test_a_reviewer_who_decided_a_finding_cannot_approve(app, client, tmp_path):
    login(client, "ani")
    sha = upload(app, client, _doc(tmp_path))
    budi = client_of(app, "budi")
    finding = budi.get(f"/documents/{sha}.json").get_json()["findings"][0]
    assert post(budi, f"/documents/{sha}/findings/{finding['id']}/decide", {"verdict": "redact"},
                headers=JSON).status_code == 200
    assert post(client, f"/documents/{sha}/submit", headers=JSON).status_code == 200
    res = post(budi, f"/documents/{sha}/approve", headers=JSON)
    assert res.status_code == 403 and "dua orang" in res.get_json()["error"]
    assert post(client_of(app, "bayu"), f"/documents/{sha}/approve", headers=JSON).status_code == 200
