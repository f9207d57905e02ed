"""A realistic, generated list of aid recipients (penerima bansos), in XLSX, CSV and ODS.

Every NIK is valid (a real kecamatan code, a birth date, a sequence number), every phone number a
valid Indonesian mobile number; the names are random combinations of common given names, so no
real person is named. The workbook has a title row above the header row, a hidden sheet with
more NIKs and phones, a comment holding a phone number, the agency's own contact in the page
footer and in a note row, and non-personal columns (No, Desa, Jenis Bantuan, Nominal).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass

GIVEN = ("Ahmad Budi Citra Dewi Eko Fitri Gilang Hana Indra Joko Kartika Lestari Made Nur Oki Putri Rahmat "
         "Sari Tri Utami Wahyu Yanti Agus Bambang Sri Rina Dedi Wulan Hendra Siti Yusuf Ayu Rudi Nia Dian "
         "Ratna Fajar Mega Arif Lina").split()
VILLAGES = ("Sukamaju", "Sindangsari", "Cibodas", "Margahayu", "Tanjungsari", "Mekarjaya")
STREETS = ("Jl. Melati", "Jl. Kenanga", "Gg. Mawar", "Jl. Cempaka", "Dusun Krajan")
HEADER = ["No", "NIK", "Nama Penerima", "Alamat", "Desa", "No. HP", "Jenis Bantuan", "Nominal (Rp)"]
AGENCY_PHONE = "(022) 4231234"
AGENCY_LINE = f"Layanan pengaduan Dinas Sosial Kabupaten Bandung: telepon {AGENCY_PHONE}"
TITLE = "DAFTAR PENERIMA BANTUAN SOSIAL TAHUN 2024"


@dataclass
class Recipient:
    nik: str
    name: str
    address: str
    village: str
    phone: str


def _kecamatan_codes() -> list[str]:
    from reviewer.detect.validators import region_codes

    return sorted(c for c in region_codes() if c.startswith("3204"))[:30] or ["320401"]


def recipients(n: int = 1000, seed: int = 7) -> list[Recipient]:
    rng = random.Random(seed)
    codes = _kecamatan_codes()
    out, seen = [], set()
    while len(out) < n:
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(50, 99)
        day += 40 if rng.random() < 0.5 else 0
        nik = f"{rng.choice(codes)}{day:02d}{month:02d}{year:02d}{rng.randint(1, 9999):04d}"
        phone = f"08{rng.choice('1235789')}{rng.randint(1, 9)}{rng.randint(10**7, 10**8 - 1)}"
        if nik in seen:
            continue
        seen.add(nik)
        name = f"{rng.choice(GIVEN)} {rng.choice(GIVEN)}"
        rt, rw = rng.randint(1, 9), rng.randint(1, 9)
        address = f"{rng.choice(STREETS)} No. {rng.randint(1, 99)} RT {rt:02d}/RW {rw:02d}"
        out.append(Recipient(nik, name, address, rng.choice(VILLAGES), phone))
    return out


def rows(people: list[Recipient]) -> list[list]:
    return [[i, p.nik, p.name, p.address, p.village, p.phone, "BLT Dana Desa", 300000]
            for i, p in enumerate(people, start=1)]


def write_xlsx(path, people: list[Recipient], hidden: list[Recipient] = (), comment_phone: str = "") -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.workbook.defined_name import DefinedName

    wb = Workbook()
    ws = wb.active
    ws.title = "Penerima"
    ws.append([TITLE])
    ws.append(HEADER)
    for row in rows(people):
        ws.append(row)
    ws.append([])
    ws.append([AGENCY_LINE])
    ws.oddFooter.center.text = AGENCY_LINE
    if comment_phone:
        ws["C3"].comment = Comment(f"Ahli waris bisa dihubungi di {comment_phone}", "petugas")
    if hidden:
        secret = wb.create_sheet("Data Asli")
        secret.append(HEADER)
        for row in rows(hidden):
            secret.append(row)
        secret.sheet_state = "hidden"
    wb.defined_names["Sumber"] = DefinedName("Sumber", attr_text='"Dinas Sosial Kabupaten Bandung"')
    wb.properties.creator = "Operator Desa"
    wb.save(path)


def write_csv(path, people: list[Recipient], delimiter: str = ";", encoding: str = "utf-8-sig") -> None:
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows(people))
        writer.writerow([AGENCY_LINE])


def write_ods(path, people: list[Recipient], hidden: list[Recipient] = (), comment_phone: str = "") -> None:
    """A minimal but valid ODS package written by hand (the tests need no office suite)."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value, note: str = "") -> str:
        annotation = (f"<office:annotation><dc:creator>petugas</dc:creator><text:p>{escape(note)}</text:p>"
                      "</office:annotation>") if note else ""
        if isinstance(value, int):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">{annotation}'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string">{annotation}'
                f"<text:p>{escape(str(value))}</text:p></table:table-cell>")

    def table(name: str, style: str, body: list[list], notes: dict | None = None) -> str:
        notes = notes or {}
        rows = "".join("<table:table-row>" + "".join(cell(v, notes.get((r, c), "")) for c, v in enumerate(row))
                       + "</table:table-row>" for r, row in enumerate(body))
        return (f'<table:table table:name="{name}" table:style-name="{style}">'
                f'<table:table-column table:number-columns-repeated="8"/>{rows}'
                '<table:table-row table:number-rows-repeated="1000"><table:table-cell '
                'table:number-columns-repeated="1024"/></table:table-row></table:table>')

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')
    main = [[TITLE], HEADER, *rows(people), [AGENCY_LINE]]
    notes = {(2, 2): f"Ahli waris bisa dihubungi di {comment_phone}"} if comment_phone else {}
    sheets = table("Penerima", "ta1", main, notes)
    if hidden:
        sheets += table("Data Asli", "ta2", [HEADER, *rows(hidden)])
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
               '<office:automatic-styles><style:style style:name="ta1" style:family="table">'
               '<style:table-properties table:display="true"/></style:style>'
               '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/>'
               '</style:style></office:automatic-styles><office:body><office:spreadsheet>'
               f"{sheets}</office:spreadsheet></office:body></office:document-content>")
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {ns} office:version="1.2"><office:meta>'
            "<meta:initial-creator>Operator Desa</meta:initial-creator><dc:title>Bansos 2024</dc:title>"
            "</office:meta></office:document-meta>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
        zf.writestr("meta.xml", meta)
        zf.writestr("META-INF/manifest.xml", manifest)
