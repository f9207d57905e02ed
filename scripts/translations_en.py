"""Rebuild webui/translations/en/LC_MESSAGES/messages.po: extract the Indonesian message ids from the
templates and the names in webui/present.py, and fill in the English texts below.
Run: .venv/bin/python scripts/translations_en.py  (tests check that every message has a translation)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EN = {
    "Riwayat": "History", "Log audit": "Audit log", "Unduh seluruh log (JSONL)": "Download the whole log (JSONL)",
    "Waktu": "Time", "Pengguna": "User", "Tindakan": "Action", "Sasaran": "Target", "Sebelum": "Before",
    "Sesudah": "After", "Belum ada kejadian.": "No events yet.", "Peninjau Dokumen PPID": "PPID Document Reviewer",
    "Dokumen": "Documents", "Admin": "Admin", "Keluar": "Log out",
    "MODE DEMO — data contoh, akun demo. Jangan dipakai untuk dokumen sungguhan.":
        "DEMO MODE — sample data, demo accounts. Do not use for real documents.",
    "Kembali ke daftar dokumen": "Back to the document list", "Masuk": "Log in", "Nama pengguna": "User name",
    "Kata sandi": "Password", "Akun demo (hanya mode demo)": "Demo accounts (demo mode only)", "Nama": "Name",
    "Peran": "Role", "Status": "Status", "Ubah": "Change", "aktif": "active", "nonaktif": "disabled",
    "Nonaktifkan": "Disable", "Aktifkan": "Enable", "Token API baru": "New API token",
    "kata sandi baru": "new password", "Setel": "Set", "nama pengguna": "user name", "nama lengkap": "full name",
    "kata sandi (min. 8)": "password (min. 8)", "Tambah pengguna": "Add user", "Daftar instansi": "Agency lists",
    "Pejabat: nama pejabat yang bertindak dalam jabatannya (Pasal 18 ayat 2) dibiarkan terbuka. Izin: istilah "
    "yang tidak pernah disarankan untuk dihitamkan. Tolak: istilah yang selalu disarankan untuk dihitamkan. "
    "Berlaku untuk dokumen yang dipindai sesudahnya.":
        "Officials: names of officials acting in office (Article 18(2)) stay open. Allow: terms never suggested "
        "for redaction. Deny: terms always suggested for redaction. Applies to documents scanned afterwards.",
    "Hapus": "Remove", "Daftar masih kosong.": "The list is empty.", "nama atau istilah": "name or term",
    "keterangan (opsional)": "note (optional)", "Tambah": "Add", "Usulan daftar izin": "Allow-list proposals",
    "Nilai yang berulang kali dibiarkan terbuka oleh petugas di beberapa dokumen.":
        "Values officers left open again and again, in several documents.",
    "%(n)s dokumen": "%(n)s documents", "Masukkan ke daftar izin": "Add to the allow list",
    "Belum ada usulan.": "No proposals yet.",
    "Unduh paragraf yang sudah diputuskan (data latih, JSONL)": "Download decided passages (training data, JSONL)",
    "Kode pada kotak penghitaman": "Codes printed on redaction boxes", "Simpan kode": "Save codes",
    "(kotak tanpa teks)": "(box without text)", "dasar hukum": "legal basis", "Dasar": "Basis", "skor": "score",
    "saran": "suggested", "manual": "manual", "oleh": "by", "belum diputuskan": "not decided yet",
    "Alasan": "Reasons", "Dasar hukum": "Legal basis", "catatan (opsional)": "note (optional)", "Catatan": "Note",
    "terapkan ke semua kemunculan": "apply to all occurrences", "Ubah rentang": "Adjust span",
    "awal: satu kata ke kiri (perluas)": "start: one word to the left (widen)",
    "awal: satu kata ke kanan (persempit)": "start: one word to the right (narrow)",
    "akhir: satu kata ke kiri (persempit)": "end: one word to the left (narrow)",
    "akhir: satu kata ke kanan (perluas)": "end: one word to the right (widen)", "awal": "start",
    "akhir": "end", "Hitamkan": "Redact", "Biarkan": "Keep open", "Ekspor": "Export",
    "Berkas yang sudah dihitamkan": "Redacted file", "Log penghitaman": "Redaction log",
    "Draf uji konsekuensi": "Draft consequence test (uji konsekuensi)",
    "Modul penghitaman (reviewer.redact) belum terpasang pada versi ini, jadi berkas yang dihitamkan belum dapat "
    "dibuat. Keputusan sudah tersimpan dan dapat diunduh sebagai JSON.":
        "The redaction module (reviewer.redact) is not installed in this version, so the redacted file cannot be "
        "made yet. The decisions are saved and can be downloaded as JSON.",
    "Berkas hasil tidak dibuat": "The redacted file was not made",
    "Berkas dibuat dari keputusan yang disetujui dan diperiksa ulang sebelum diunduh: teks yang dihitamkan benar-benar "
    "dihapus, bukan hanya ditutup.":
        "The files are made from the approved decisions and checked again before download: "
        "redacted text is really removed, not just covered.",
    "Penghitaman berkas gambar hasil pindai belum didukung. Keputusan sudah tersimpan dan dapat diunduh sebagai JSON.":
        "Redacting scanned image files is not supported yet. The decisions are saved and can be downloaded as JSON.",
    "Keputusan (JSON)": "Decisions (JSON)", "Kembali ke dokumen": "Back to the document",
    "Unggah dokumen (PDF, DOCX, TXT, gambar)": "Upload a document (PDF, DOCX, TXT, image)",
    "Unggah dan pindai": "Upload and scan", "Cari nama berkas atau teks temuan": "Search file names or found text",
    "Cari": "Search", "Semua status": "All statuses", "Jenis temuan": "Kind of finding",
    "Semua jenis temuan": "All kinds of findings", "Dokumen saya": "My documents", "Saring": "Filter",
    "Hapus saringan": "Clear filters", "Berkas": "File", "Temuan": "Findings", "Dipegang oleh": "Held by",
    "Diunggah": "Uploaded", "%(num)d halaman": ("%(num)d page", "%(num)d pages"),
    "Belum ada dokumen. Unggah dokumen untuk mulai meninjau.": "No documents yet. Upload one to start reviewing.",
    "Tidak ada dokumen yang cocok dengan saringan.": "No documents match the filters.",
    "dipegang oleh": "held by", "diunggah oleh": "uploaded by", "diajukan oleh": "proposed by",
    "disetujui oleh": "approved by",
    "Memindai: %(done)s dari %(total)s halaman selesai. Halaman yang sudah selesai dapat ditinjau.":
        "Scanning: %(done)s of %(total)s pages done. Finished pages can be reviewed now.",
    "Berkas tidak dapat dibaca": "The file could not be read",
    "Dikembalikan oleh penyetuju": "Returned by the reviewer",
    "%(n)s temuan bertanda “tinjau” harus diputuskan sebelum diajukan.":
        "%(n)s findings marked “review” must be decided before submitting.",
    "Saran yang belum diputuskan akan diterima atas nama Anda.":
        "Suggestions not yet decided will be accepted in your name.",
    "Ajukan untuk persetujuan": "Submit for approval", "Setujui": "Approve",
    "Alasan pengembalian (wajib)": "Reason for returning (required)", "Kembalikan ke petugas": "Return to the officer",
    "Menunggu persetujuan oleh penyetuju lain (aturan dua orang).":
        "Waiting for approval by another reviewer (two-person rule).",
    "Sebelumnya": "Previous", "%(n)s temuan, %(o)s belum diputuskan": "%(n)s findings, %(o)s not decided",
    "Berikutnya": "Next", "Halaman ini belum selesai dipindai.": "This page has not been scanned yet.",
    "Halaman tidak tersedia.": "Page not available.", "Gambar halaman": "Page image", "Teks": "Text",
    "Halaman %(n)s": "Page %(n)s",
    "Halaman ini tidak memiliki lapisan teks dan belum dapat dibaca (OCR tidak tersedia). Periksa gambarnya "
    "sendiri dan gambar kotak secara manual.":
        "This page has no text layer and could not be read (OCR not available). Check the image yourself and "
        "draw boxes by hand.",
    "Tambah penghitaman manual": "Add a manual redaction",
    "Seret pada gambar halaman untuk menggambar kotak, atau pilih teks pada tampilan teks.":
        "Drag on the page image to draw a box, or select text in the text view.",
    "Label": "Label", "Hitamkan pilihan": "Redact selection", "Temuan di halaman %(n)s": "Findings on page %(n)s",
    "Tidak ada temuan di halaman ini.": "No findings on this page.", "Pintasan papan ketik": "Keyboard shortcuts",
    "temuan berikut/sebelumnya": "next/previous finding", "hitamkan": "redact", "biarkan": "keep open",
    "halaman": "page", "saran, belum diputuskan": "suggestion, not decided",
    "dibiarkan terbuka (informasi publik)": "left open (public information)", "akan dihitamkan": "will be redacted",
    "diputuskan dibiarkan": "decided: keep open",
    "Alasan dan pilihan lain": "Reasons and more options",
    "Pilih teks di bawah ini dengan tetikus, lalu tekan “Hitamkan pilihan”.":
        "Select text below with the mouse, then press “Redact selection”.",
    "catatan untuk keputusan ini (opsional)": "note for this decision (optional)",
    "terapkan ke semua kemunculan nilai ini": "apply to every occurrence of this value",
    "%(d)s dari %(n)s temuan sudah diputuskan": "%(d)s of %(n)s findings decided",
    "%(k)s dibiarkan terbuka sebagai informasi publik": "%(k)s left open as public information",
    "Halaman %(n)s dari %(t)s": "Page %(n)s of %(t)s", "Halaman": "Pages",
    "angka merah: temuan yang belum diputuskan": "red number: findings not yet decided",
    "%(n)s dokumen menunggu persetujuan.": "%(n)s documents are awaiting approval.", "Tampilkan": "Show",
    "Semua": "All", "tidak ada yang perlu dihitamkan": "nothing to redact",
    "+%(k)s dibiarkan terbuka (informasi publik)": "+%(k)s left open (public information)",
    "Diajukan oleh %(p)s, disetujui oleh %(a)s pada %(t)s.": "Proposed by %(p)s, approved by %(a)s on %(t)s.",
    # names from webui/present.py and reviewer/accounts.py
    "petugas": "officer", "penyetuju": "reviewer", "admin": "admin",
    "diproses": "processing", "perlu ditinjau": "needs review", "menunggu persetujuan": "awaiting approval",
    "dikembalikan": "returned", "disetujui": "approved", "gagal dibaca": "unreadable", "tinjau": "review",
    "dihitamkan": "redacted", "dibiarkan": "kept open", "sistem (memindai)": "system (scanning)", "selesai": "done",
    "nama orang": "person name", "NIK": "NIK", "nomor KK": "family card no.", "NPWP": "NPWP", "NIP": "NIP",
    "paspor": "passport", "SIM": "driving licence", "BPJS": "BPJS", "telepon": "phone", "surel": "e-mail",
    "alamat": "address", "tanggal lahir": "date of birth", "rekening bank": "bank account",
    "nomor kartu": "card number", "pelat nomor": "number plate", "paragraf dikecualikan": "exempt passage",
    "organisasi": "organisation", "lokasi": "location", "tak terbaca": "unreadable",
    "diunggah": "uploaded", "selesai dipindai": "scanned", "gagal dipindai": "scan failed", "keputusan": "decision",
    "penghitaman manual": "manual redaction", "diajukan": "submitted", "diekspor": "exported", "masuk": "login",
    "gagal masuk": "failed login", "keluar": "logout", "akun dibuat": "account created",
    "akun dinonaktifkan": "account disabled", "akun diaktifkan": "account enabled", "sandi diganti": "password changed",
    "peran diubah": "role changed", "token API dibuat": "API token issued", "daftar: ditambah": "list: added",
    "daftar: dihapus": "list: removed", "kode kotak diubah": "box codes changed", "pejabat": "official",
    "izin": "allow", "tolak": "deny",
}


def main() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import write_po

    from reviewer.review.accounts import ROLE_NAMES
    from webui import present

    catalog = Catalog(locale="en", project="ppid-reviewer")
    methods = [("templates/**.html", "jinja2"), ("**.py", "python")]  # templates and the views' messages
    ids: list = [m[2] for m in extract_from_dir(ROOT / "webui", method_map=methods)]
    for table in (ROLE_NAMES, present.STATUS_NAMES, present.EVENT_NAMES, present.TERM_NAMES, present.SENTENCES,
                  present.SORT_NAMES, present.FIELD_NAMES):
        ids += list(table.values())
    ids += ["sistem (memindai)", "selesai"]
    out = ROOT / "webui/translations/en/LC_MESSAGES/messages.po"
    known = _existing(out)  # translations added to the catalog directly (e.g. the unit and DIK pages)
    missing = []
    for mid in dict.fromkeys(ids):
        key = mid[0] if isinstance(mid, tuple) else mid
        text = EN.get(key) or known.get(key)
        if not text:
            missing.append(key)
            continue
        catalog.add(mid, text)
    for key, text in known.items():  # messages from Python code (gettext in views) stay
        if key not in catalog:
            catalog.add(key, text)
    with out.open("wb") as fh:
        write_po(fh, catalog, omit_header=False, no_location=True, width=110)
    if missing:
        sys.exit("missing English for: " + "; ".join(missing))


def _existing(path: Path) -> dict:
    from babel.messages.pofile import read_po

    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return {(m.id[0] if isinstance(m.id, tuple) else m.id): m.string for m in read_po(fh) if m.id and m.string}


if __name__ == "__main__":
    main()
