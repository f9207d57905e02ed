"""The authorisation matrix (each role × each action), the two-person rule, exports, the REST API."""

import pytest

from tests.webui_helpers import ROLES, app, client, login, post, upload  # noqa: F401

OFFICER, OFFICER2, REVIEWER, REVIEWER2, ADMIN = "ani", "andi", "budi", "bayu", "root"


def _doc(app, client, samples, who=OFFICER):
    login(client, who)
    sha = upload(app, client, samples / "laporan-kejadian.txt")
    post(client, "/logout")
    return sha


def _as(client, name):
    post(client, "/logout")
    login(client, name)


def _status(client, sha):
    return client.get(f"/documents/{sha}.json").get_json()["document"]["status"]


def _submitted(app, client, samples, proposer):
    sha = _doc(app, client, samples)
    _as(client, proposer)
    assert post(client, f"/documents/{sha}/submit").status_code == 302
    assert _status(client, sha) == "awaiting_approval"
    return sha


@pytest.mark.parametrize("user", list(ROLES))
def test_everyone_may_upload_decide_and_submit(app, client, samples, user):
    sha = _doc(app, client, samples)
    _as(client, user)
    finding = client.get(f"/documents/{sha}.json").get_json()["findings"][0]
    res = post(client, f"/documents/{sha}/findings/{finding['id']}/decide", {"verdict": "keep"})
    assert res.status_code == 302
    assert post(client, f"/documents/{sha}/submit").status_code == 302
    assert _status(client, sha) == "awaiting_approval"


# approver → expected result when OFFICER2 / REVIEWER proposed
@pytest.mark.parametrize("proposer, approver, allowed", [
    (OFFICER2, OFFICER, False),     # an officer can never approve
    (OFFICER2, OFFICER2, False),
    (OFFICER2, REVIEWER, True),
    (OFFICER2, ADMIN, True),
    (REVIEWER, REVIEWER, False),    # two-person rule: never your own proposal
    (REVIEWER, REVIEWER2, True),
    (ADMIN, ADMIN, False),
    (ADMIN, REVIEWER, True),
])
@pytest.mark.parametrize("step", ["approve", "return"])
def test_approve_and_return_matrix(app, client, samples, proposer, approver, allowed, step):
    sha = _submitted(app, client, samples, proposer)
    _as(client, approver)
    res = post(client, f"/documents/{sha}/{step}", {"note": "alasan"})
    if allowed:
        assert res.status_code == 302
        assert _status(client, sha) == ("approved" if step == "approve" else "returned")
    else:
        assert res.status_code == 403
        assert _status(client, sha) == "awaiting_approval"


def test_two_person_rule_message_and_button(app, client, samples):
    sha = _submitted(app, client, samples, REVIEWER)
    html = client.get(f"/documents/{sha}").get_data(as_text=True)
    assert 'id="approve-btn"' not in html and "aturan dua orang" in html
    body = post(client, f"/documents/{sha}/approve").get_data(as_text=True)
    assert "aturan dua orang" in body


def test_decisions_are_locked_while_awaiting_approval_and_after(app, client, samples):
    sha = _submitted(app, client, samples, OFFICER)
    finding = client.get(f"/documents/{sha}.json").get_json()["findings"][0]
    url = f"/documents/{sha}/findings/{finding['id']}/decide"
    for user in ROLES:
        _as(client, user)
        assert post(client, url, {"verdict": "keep"}).status_code == 403
        assert post(client, f"/documents/{sha}/manual", {"page": 1, "start": 0, "end": 4}).status_code == 403
        assert post(client, f"/documents/{sha}/submit").status_code == 403
    assert _status(client, sha) == "awaiting_approval"


def test_return_needs_a_comment_and_goes_back_to_the_officer(app, client, samples):
    sha = _submitted(app, client, samples, OFFICER)
    _as(client, REVIEWER)
    res = post(client, f"/documents/{sha}/return", {"note": "  "}, follow_redirects=True)
    assert "alasan" in res.get_data(as_text=True).lower() and _status(client, sha) == "awaiting_approval"
    post(client, f"/documents/{sha}/return", {"note": "NIP pejabat jangan dihitamkan"})
    _as(client, OFFICER)
    html = client.get(f"/documents/{sha}").get_data(as_text=True)
    assert "NIP pejabat jangan dihitamkan" in html and 'id="submit-btn"' in html
    assert post(client, f"/documents/{sha}/submit").status_code == 302
    assert _status(client, sha) == "awaiting_approval"


@pytest.mark.parametrize("user", list(ROLES))
def test_export_only_when_approved(app, client, samples, user):
    sha = _submitted(app, client, samples, OFFICER)
    _as(client, user)
    assert client.get(f"/documents/{sha}/export").status_code == 403
    _as(client, REVIEWER)
    post(client, f"/documents/{sha}/approve")
    _as(client, user)
    assert client.get(f"/documents/{sha}/export").status_code == 200
    data = client.get(f"/documents/{sha}/decisions.json").get_json()
    assert data["proposed_by"] == "Ani" and data["approved_by"] == "Budi"
    assert data["format"] == "ppid-reviewer-decisions" and data["document"]["sha256"] == sha
    assert data["decisions"] and all(d["action"] in ("redact", "keep") for d in data["decisions"])
    assert all(d["approved_by"] == "Budi" and d["proposed_by"] == "Ani" for d in data["decisions"])


@pytest.mark.parametrize("user, allowed", [(OFFICER, False), (REVIEWER, False), (ADMIN, True)])
@pytest.mark.parametrize("path", ["/admin/", "/admin.json", "/audit", "/audit.json", "/audit.jsonl",
                                  "/admin/passages.jsonl"])
def test_admin_pages_are_for_admins(client, user, allowed, path):
    login(client, user)
    assert client.get(path).status_code == (200 if allowed else 403)


@pytest.mark.parametrize("user, allowed", [(OFFICER, False), (REVIEWER, False), (ADMIN, True)])
def test_admin_actions_are_for_admins(app, client, user, allowed):
    login(client, user)
    before = client.get("/documents.json").status_code
    res = post(client, "/admin/users", {"username": "baru", "password": "sandi-baru-1", "role": "officer"})
    assert res.status_code == (302 if allowed else 403) and before == 200
    res = post(client, "/admin/terms", {"kind": "official", "value": "Ir. Bambang Priyanto"})
    assert res.status_code == (302 if allowed else 403)
    res = post(client, f"/admin/users/{OFFICER2}", {"what": "disable"})
    assert res.status_code == (302 if allowed else 403)


def test_admin_manages_users_terms_and_codes(app, client, samples):
    login(client, ADMIN)
    post(client, "/admin/users", {"username": "citra", "password": "sandi-citra-1", "role": "reviewer",
                                  "full_name": "Citra"})
    post(client, f"/admin/users/{OFFICER2}", {"what": "disable"})
    res = post(client, "/admin/users/citra", {"what": "token"}, follow_redirects=True)
    assert "Token API" in res.get_data(as_text=True)
    post(client, "/admin/terms", {"kind": "allow", "value": "E 4521 KL"})
    post(client, "/admin/labels", {"17j": "UU Adminduk"})
    data = client.get("/admin.json").get_json()
    users = {u["username"]: u for u in data["users"]}
    assert users["citra"]["role"] == "reviewer" and users["citra"]["has_token"] and not users[OFFICER2]["active"]
    assert data["box_labels"]["17j"] == "UU Adminduk"
    # the allow list is used by the next scan
    sha = _doc(app, client, samples, ADMIN)
    _as(client, ADMIN)
    plate = next(f for f in client.get(f"/documents/{sha}.json").get_json()["findings"] if f["label"] == "PLATE")
    assert plate["action"] == "keep"
    post(client, "/logout")
    from tests.webui_helpers import PASSWORDS, csrf

    res = client.post("/login", data={"username": OFFICER2, "password": PASSWORDS[OFFICER2],
                                      "csrf_token": csrf(client)})
    assert res.status_code == 200  # disabled account cannot log in


def test_allow_list_proposals_from_repeated_rejections(app, client, tmp_path):
    login(client, OFFICER)
    for i in range(3):
        doc = tmp_path / f"d{i}.txt"
        doc.write_text(f"Surat nomor {i}. Hubungi 0812-2345-6781 untuk informasi.\n")
        sha = upload(app, client, doc)
        phone = next(f for f in client.get(f"/documents/{sha}.json").get_json()["findings"] if f["label"] == "PHONE")
        post(client, f"/documents/{sha}/findings/{phone['id']}/decide", {"verdict": "keep"})
    _as(client, ADMIN)
    proposals = client.get("/admin.json").get_json()["allow_proposals"]
    assert proposals == [{"value": "0812-2345-6781", "label": "PHONE", "documents": 3}]


def test_rest_api_with_token(app, client, samples):
    from reviewer.review import accounts

    with app.extensions["reviewer.sessions"]() as s:
        token = accounts.issue_token(s, accounts.get(s, OFFICER))
        s.commit()
    api = app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    with (samples / "laporan-kejadian.txt").open("rb") as fh:
        res = api.post("/api/v1/documents", data={"file": (fh, "laporan.txt")}, headers=auth,
                       content_type="multipart/form-data")
    assert res.status_code == 202
    sha = res.get_json()["sha256"]
    from webui import worker

    while worker.run_one(app):
        pass
    assert api.get(f"/api/v1/documents/{sha}", headers=auth).get_json()["status"] == "needs_review"
    findings = api.get(f"/api/v1/documents/{sha}/findings", headers=auth).get_json()["findings"]
    assert any(f["label"] == "NIK" for f in findings)
    assert api.get(f"/api/v1/documents/{sha}").status_code == 401
    assert api.get(f"/api/v1/documents/{sha}", headers={"Authorization": "Bearer salah"}).status_code == 401
    login(client, OFFICER)  # a browser session is not an API credential
    assert client.get(f"/api/v1/documents/{sha}").status_code == 401
    bad = api.post("/api/v1/documents", data={"file": (__import__("io").BytesIO(b"MZ\x00\x01"), "x.exe")},
                   headers=auth, content_type="multipart/form-data")
    assert bad.status_code == 400 and "ditolak" in bad.get_json()["error"]


def _pdf_text(data: bytes) -> str:
    import fitz

    with fitz.open(stream=data, filetype="pdf") as pdf:
        return " ".join(" ".join(page.get_text().split()) for page in pdf)


def test_approved_pdf_exports_a_truly_redacted_copy_log_and_uji(app, client, samples):
    login(client, OFFICER)
    sha = upload(app, client, samples / "daftar-penerima-bansos.pdf")
    findings = client.get(f"/documents/{sha}.json").get_json()["findings"]
    nik = next(f for f in findings if f["label"] == "NIK")
    phone = next(f for f in findings if f["label"] == "PHONE" and f["action"] == "redact")
    post(client, f"/documents/{sha}/findings/{nik['id']}/decide", {"verdict": "redact", "note": "NIK penerima"})
    post(client, f"/documents/{sha}/findings/{phone['id']}/decide", {"verdict": "keep", "note": "nomor kantor"})
    x0, top, x1, bottom = next(f for f in findings if f["text"] == "Ahmad Fauzi")["boxes"][0]
    post(client, f"/documents/{sha}/manual", {"page": 1, "x0": x0 - 1, "top": top - 1, "x1": x1 + 1,
                                               "bottom": bottom + 1, "label": "PERSON", "basis": "17h"})
    post(client, f"/documents/{sha}/submit")
    _as(client, REVIEWER)
    post(client, f"/documents/{sha}/approve")
    res = client.get(f"/documents/{sha}/export/redacted")
    assert res.status_code == 200 and res.data[:5] == b"%PDF-"
    text = _pdf_text(res.data)
    assert nik["text"] not in text and "Ahmad Fauzi" not in text
    assert phone["text"] in text and "DAFTAR PENERIMA" in text
    log = client.get(f"/documents/{sha}/export/log").get_data(as_text=True)
    assert "Budi" in log and "Ani" in log and nik["text"] not in log
    uji = client.get(f"/documents/{sha}/export/uji")
    assert uji.status_code == 200 and uji.data[:2] == b"PK"
    events = client.get(f"/documents/{sha}/audit.json").get_json()["events"]
    assert [e["target"] for e in events if e["action"] == "exported"] == ["export:uji", "export:log", "export:redacted"]
    original = (samples / "daftar-penerima-bansos.pdf").read_bytes()
    assert nik["text"] in _pdf_text(original)


def test_export_refusal_is_a_clear_message(app, client, samples, monkeypatch):
    from reviewer.core.errors import VerificationFailed
    from reviewer.review import export

    sha = _submitted(app, client, samples, OFFICER)
    _as(client, REVIEWER)
    post(client, f"/documents/{sha}/approve")

    def broken(*args, **kwargs):
        raise VerificationFailed("verifikasi gagal / verification failed: NIK masih terbaca")

    monkeypatch.setattr(export, "export_files", broken)
    res = client.get(f"/documents/{sha}/export/redacted")
    assert res.status_code == 409 and "NIK masih terbaca" in res.get_data(as_text=True)


def _tesseract_missing() -> str:
    from reviewer.core.errors import OcrError
    from reviewer.ocr.engine import find_engine

    try:
        find_engine()
        return ""
    except OcrError as exc:
        return f"Tesseract not installed ({exc})"


@pytest.mark.ocr
@pytest.mark.skipif(bool(_tesseract_missing()), reason=_tesseract_missing() or "ok")
def test_approved_picture_exports_a_redacted_pdf(tmp_path):
    from reviewer.core.settings import Settings
    from tests.test_redact_scan import DPI, scan_image
    from tests.webui_helpers import make_app

    app = make_app(tmp_path / "instance", SCAN_SETTINGS=Settings(use_ner=False, use_passages=False, ocr_cache=False))
    client = app.test_client()

    picture = tmp_path / "ktp-pemohon.png"
    scan_image().save(picture, dpi=(DPI, DPI))
    login(client, OFFICER)
    sha = upload(app, client, picture)
    findings = client.get(f"/documents/{sha}.json").get_json()["findings"]
    nik = next(f for f in findings if f["label"] == "NIK")
    post(client, f"/documents/{sha}/findings/{nik['id']}/decide", {"verdict": "redact", "note": "NIK pemohon"})
    x0, top, x1, bottom = 40.0, 108.0, 320.0, 128.0  # a box drawn by hand over the address line (points)
    post(client, f"/documents/{sha}/manual", {"page": 1, "x0": x0, "top": top, "x1": x1, "bottom": bottom,
                                               "label": "ADDRESS", "basis": "17h"})
    post(client, f"/documents/{sha}/submit")
    _as(client, REVIEWER)
    post(client, f"/documents/{sha}/approve")
    page = client.get(f"/documents/{sha}/export")
    assert page.status_code == 200 and "dl-redacted" in page.get_data(as_text=True)
    res = client.get(f"/documents/{sha}/export/redacted")
    assert res.status_code == 200 and res.data[:5] == b"%PDF-", res.get_data(as_text=True)[:300]
    assert "ktp-pemohon.disensor.pdf" in res.headers["Content-Disposition"]
    text = _pdf_text(res.data)
    assert nik["text"] not in text and "3374" not in text and "Pemuda" not in text
    assert "SURAT KETERANGAN" in text and "Demikian" in text  # the rest is searchable
