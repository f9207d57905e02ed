"""Lists that scale: the document list paged, searched, filtered and sorted in the database, the per-role
inbox ("menunggu saya") with counts; the audit log filtered, paged, in sentences, exported as CSV."""

import csv
import hashlib
import io
from datetime import timedelta

import pytest

from reviewer.review import accounts
from reviewer.store import records as store
from tests.webui_helpers import login, make_app, post, upload


def _add_documents(app, n: int, status="needs_review", by="ani", prefix="surat") -> list[str]:
    """n stored documents (rows only: the list never opens the files), one a minute apart."""
    shas = []
    with app.extensions["reviewer.sessions"]() as s:
        user = accounts.get(s, by)
        start = store.utcnow() - timedelta(days=10)
        for i in range(n):
            at = start + timedelta(minutes=i)
            sha = hashlib.sha256(f"{prefix}-{i}".encode()).hexdigest()
            s.add(store.DocumentRecord(sha256=sha, filename=f"{prefix}-{i:03d}.txt", size=10, kind="txt",
                                       status=status, uploaded_by_id=user.id, warnings=[],
                                       created_at=at, updated_at=at))
            shas.append(sha)
        s.commit()
    return shas


@pytest.fixture
def big(tmp_path):
    app = make_app(tmp_path / "instance")
    _add_documents(app, 120)
    _add_documents(app, 7, status="awaiting_approval", by="andi", prefix="ajuan")
    return app


def _json(client, query=""):
    res = client.get("/documents.json" + query)
    assert res.status_code == 200
    return res.get_json()


def test_the_list_pages_through_every_document(big):
    client = big.test_client()
    login(client, "ani")
    first = _json(client)
    assert first["total"] == 127 and first["pages"] == 3 and len(first["documents"]) == 50
    seen = [d["sha256"] for p in (1, 2, 3) for d in _json(client, f"?page={p}")["documents"]]
    assert len(seen) == len(set(seen)) == 127
    assert _json(client, "?page=999")["page"] == 3
    html = client.get("/?page=2").get_data(as_text=True)
    assert "Halaman 2 dari 3" in html and 'rel="next"' in html and 'rel="prev"' in html


def test_search_filter_and_sort_in_the_database(big):
    client = big.test_client()
    login(client, "ani")
    assert [d["filename"] for d in _json(client, "?q=surat-11")["documents"]] == \
        sorted([f"surat-{i:03d}.txt" for i in range(110, 120)], reverse=True)
    assert _json(client, "?status=awaiting_approval")["total"] == 7
    assert _json(client, "?user=andi")["total"] == 7
    names = [d["filename"] for d in _json(client, "?sort=name&per=10")["documents"]]
    assert names == sorted(names) and names[0] == "ajuan-000.txt"
    oldest = _json(client, "?sort=oldest&per=10")["documents"][0]["filename"]
    assert oldest == "surat-000.txt"
    today = store.utcnow().date()
    assert _json(client, f"?from={today - timedelta(days=10)}&to={today - timedelta(days=10)}")["total"] >= 1
    assert _json(client, f"?from={today + timedelta(days=1)}")["total"] == 0
    assert _json(client, "?from=kemarin")["total"] == 127  # a malformed date is ignored, not a 500


def test_the_inbox_shows_what_waits_for_each_role(big):
    ani, budi = big.test_client(), big.test_client()
    login(ani, "ani")
    login(budi, "budi")
    assert _json(ani)["inbox"] == 120  # her own documents still to review
    assert _json(budi)["inbox"] == 7  # submitted by someone else, awaiting approval
    assert {d["status"] for d in _json(budi, "?inbox=1")["documents"]} == {"awaiting_approval"}
    assert "Menunggu saya" in budi.get("/").get_data(as_text=True)


def test_the_audit_log_filters_pages_speaks_in_sentences_and_exports_csv(tmp_path):
    app = make_app(tmp_path / "instance")
    ani, root = app.test_client(), app.test_client()
    login(ani, "ani")
    doc = tmp_path / "surat-pemohon.txt"
    doc.write_text("Pemohon Sutrisno, NIK 3209120708750001.\n")
    sha = upload(app, ani, doc)
    assert post(ani, f"/documents/{sha}/submit", headers={"Accept": "application/json"}).status_code == 200
    for _ in range(110):
        login(app.test_client(), "budi")
    login(root, "root")
    everything = root.get("/audit.json").get_json()
    assert everything["total"] > 110 and everything["pages"] >= 2 and len(everything["events"]) == 100
    submitted = root.get("/audit.json?action=submitted").get_json()
    assert submitted["total"] == 1 and submitted["events"][0]["sentence"] == \
        "ani mengajukan surat-pemohon.txt untuk persetujuan"
    assert root.get("/audit.json?user=budi&action=login").get_json()["total"] == 110
    assert root.get("/audit.json?q=pemohon").get_json()["total"] >= 3
    html = root.get("/audit?action=submitted").get_data(as_text=True)
    assert f'<a href="/documents/{sha}">surat-pemohon.txt</a> untuk persetujuan' in html
    res = root.get("/audit.csv?action=submitted")
    assert res.status_code == 200 and res.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(res.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:3] == ["waktu", "pengguna", "tindakan"] and len(rows) == 2
    assert rows[1][1] == "ani" and rows[1][3] == "surat-pemohon.txt" and "mengajukan" in rows[1][5]
    assert ani.get("/audit.csv").status_code == 403
    english = app.test_client()
    login(english, "root")
    english.set_cookie("lang", "en")
    sentence = english.get("/audit.json?action=submitted").get_json()["events"][0]["sentence"]
    assert sentence == "ani submitted surat-pemohon.txt for approval"
