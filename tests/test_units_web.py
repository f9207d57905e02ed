"""Units and DIK in the web UI (Flask test client): who sees which documents and units, DIK import,
the DIK note on suggestions, a proposed row from a finding, re-review list, figures and exports."""

from io import BytesIO

from tests.webui_helpers import city, city_members, client_of, post, upload, web_database  # noqa: F401


def test_upload_goes_to_the_uploaders_unit_and_only_that_unit_sees_it(city, samples):
    ani, andi, budi = (client_of(city, n) for n in ("ani", "andi", "budi"))
    bansos = upload(city, ani, samples / "daftar-penerima-bansos.pdf")
    laporan = upload(city, andi, samples / "laporan-kejadian.txt")
    names = lambda c: {d["filename"] for d in c.get("/documents.json").get_json()["documents"]}  # noqa: E731
    assert names(ani) == {"daftar-penerima-bansos.pdf"} and names(andi) == {"laporan-kejadian.txt"}
    assert names(budi) == {"daftar-penerima-bansos.pdf", "laporan-kejadian.txt"}
    for path in (f"/documents/{laporan}", f"/documents/{laporan}.json", f"/documents/{laporan}/status.json",
                 f"/documents/{laporan}/pages/1.json"):
        assert ani.get(path).status_code == 404, path
    assert budi.get(f"/documents/{laporan}").status_code == 200
    assert andi.get(f"/documents/{bansos}").status_code == 404
    res = post(ani, f"/documents/{laporan}/submit")
    assert res.status_code == 404


def test_upload_to_a_unit_one_is_not_in_is_refused(city, samples):
    ani = client_of(city, "ani")
    with (samples / "laporan-kejadian.txt").open("rb") as fh:
        res = post(ani, "/upload", {"file": (fh, "x.txt"), "unit": "dinkes"}, content_type="multipart/form-data")
    assert res.status_code == 302
    assert ani.get("/documents.json").get_json()["documents"] == []
    assert "bukan anggota unit dinkes" in ani.get("/").get_data(as_text=True)


def test_unit_role_decides_approval(city, samples):
    bayu, ani = client_of(city, "bayu"), client_of(city, "ani")
    sha = upload(city, bayu, samples / "formulir-permohonan.docx")
    assert post(bayu, f"/documents/{sha}/submit").status_code == 302
    assert post(bayu, f"/documents/{sha}/approve").status_code == 403  # officer in the unit
    assert post(ani, f"/documents/{sha}/approve").status_code == 302  # ani: account officer, unit penyetuju
    assert ani.get(f"/documents/{sha}.json").get_json()["document"]["status"] == "approved"


def _import(client, code, path, **fields):
    with open(path, "rb") as fh:
        return post(client, f"/units/{code}/dik/import", {"file": (fh, path.name), **fields},
                    content_type="multipart/form-data")


def test_imported_dik_is_cited_on_matching_suggestions(city, samples, data_dir):
    ani = client_of(city, "ani")
    sha = upload(city, ani, samples / "daftar-penerima-bansos.pdf")
    assert _import(ani, "dinsos", data_dir / "dik" / "layout-a-dinkes.csv").status_code == 302
    findings = ani.get(f"/documents/{sha}.json").get_json()["findings"]
    nik = [f for f in findings if f["label"] == "NIK" and f["action"] == "redact"]
    assert nik and all(f["dik"]["kind"] == "dik" and "440/125/DINKES/2024" in f["dik"]["decree"] for f in nik)
    assert "440/125/DINKES/2024" in ani.get(f"/documents/{sha}").get_data(as_text=True)
    other = next(f for f in findings if f["dik"]["kind"] == "needs_test")
    res = post(ani, f"/documents/{sha}/findings/{other['id']}/dik-proposal")
    assert res.status_code == 302 and "/units/dinsos/dik/" in res.headers["Location"]
    row = ani.get(res.headers["Location"].split("?")[0] + ".json").get_json()
    assert row["status"] == "usulan" and other["label"] in row["labels"]


def test_only_the_units_penyetuju_edits_its_dik(city, data_dir):
    path = data_dir / "dik" / "layout-a-dinkes.csv"
    assert _import(client_of(city, "bayu"), "dinsos", path).status_code == 403
    assert _import(client_of(city, "andi"), "dinsos", path).status_code == 404  # not even visible
    assert _import(client_of(city, "budi"), "dinsos", path).status_code == 302  # PPID utama
    andi = client_of(city, "andi")
    assert andi.get("/units/dinsos").status_code == 404
    assert {u["code"] for u in andi.get("/units.json").get_json()["units"]} == {"dinkes"}


def test_bad_dik_file_is_a_message_not_an_error_page(city, data_dir):
    ani = client_of(city, "ani")
    res = _import(ani, "dinsos", data_dir / "dik" / "not-a-dik.csv")
    assert res.status_code == 302
    assert "tabel DIK tidak ditemukan" in ani.get("/units/dinsos").get_data(as_text=True)


def test_edit_revoke_export_and_advice(city, data_dir):
    ani = client_of(city, "ani")
    _import(ani, "dinsos", data_dir / "dik" / "layout-a-dinkes.csv")
    unit = ani.get("/units/dinsos.json").get_json()
    procurement = next(r for r in unit["dik"] if r["information"].startswith("Dokumen pengadaan"))
    assert "whole_document" in [a["code"] for a in procurement["advice"]]
    row_id = unit["dik"][0]["id"]
    form = {"information": "Rekam medis pasien", "basis_text": "Pasal 17 huruf h angka 2", "duration": "2 tahun",
            "decree_number": "440/9/2025", "decree_date": "2025-01-02", "status": "ditetapkan"}
    assert post(ani, f"/units/dinsos/dik/{row_id}", form).status_code == 302
    row = ani.get(f"/units/dinsos/dik/{row_id}.json").get_json()
    assert row["information"] == "Rekam medis pasien" and row["decree"]["number"] == "440/9/2025"
    assert row["duration"]["months"] == 24
    assert post(ani, f"/units/dinsos/dik/{row_id}/revoke").status_code == 302
    assert row_id not in [r["id"] for r in ani.get("/units/dinsos.json").get_json()["dik"]]
    from openpyxl import load_workbook

    book = load_workbook(BytesIO(ani.get("/units/dinsos/dik.xlsx").data))
    cells = [c.value for r in book.active.iter_rows() for c in r if c.value]
    assert "Nomor : 440/125/DINKES/2024" in cells and "Rekam medis pasien" not in cells
    csv_text = ani.get("/units/dinsos/dik.csv?layout=lengkap").data.decode("utf-8-sig")
    assert csv_text.startswith("No,Kelompok,Informasi yang Dikecualikan")


def test_unit_lists_members_and_inheritance_from_the_ui(city):
    budi = client_of(city, "budi")
    assert post(budi, "/units/kota/lists", {"kind": "official", "value": "Wali Kota Budi"}).status_code == 403
    root = client_of(city, "root")
    assert post(root, "/units/kota/lists", {"kind": "official", "value": "Wali Kota Budi"}).status_code == 302
    assert post(root, "/units/dinsos/lists", {"basis": "17h", "text": "PRIBADI"}).status_code == 302
    assert post(root, "/units/", {"code": "upt-panti", "name": "UPT Panti", "kind": "upt", "parent": "dinsos",
                                  "ppid": ""}).status_code == 302
    origins = root.get("/units/upt-panti.json").get_json()["origins"]
    assert {"value": "Wali Kota Budi", "unit": "kota"} in origins["officials"]
    assert {"value": "17h=PRIBADI", "unit": "dinsos"} in origins["box_labels"]
    assert post(root, "/units/dinsos/members", {"username": "andi", "role": "officer"}).status_code == 302
    andi = client_of(city, "andi")
    assert {u["code"] for u in andi.get("/units.json").get_json()["units"]} == {"dinkes", "dinsos", "upt-panti"}


def test_due_list_and_yearly_figures(city, samples):
    ani, budi = client_of(city, "ani"), client_of(city, "budi")
    upload(city, ani, samples / "daftar-penerima-bansos.pdf")
    due = ani.get("/dik/due.json?date=2030-01-01").get_json()
    assert due["date"] == "2030-01-01" and due["rows"] == []
    from datetime import date

    year = date.today().year
    figs = budi.get(f"/figures.json?year={year}").get_json()["figures"]
    assert [f["unit"] for f in figs][-1] == "" and figs[-1]["received"] == 1
    assert [f["unit"] for f in ani.get(f"/figures.json?year={year}").get_json()["figures"]] == ["dinsos"]
    page = budi.get(f"/figures?year={year}").get_data(as_text=True)
    assert page.count("<svg") == 3 and "Dinas Sosial" in page
    assert budi.get(f"/figures.xlsx?year={year}").status_code == 200
    assert budi.get(f"/figures.csv?year={year}").data.decode("utf-8-sig").startswith("Unit,")
