"""Build the DIK fixtures in this folder: DIK tables in the layouts agencies publish
(legal-reference §2.3, layouts A–F), with rows modelled on §2.4. Units and numbers are fictional.
Re-run after changing it:

    python tests/data/dik/make_fixtures.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_csv(name: str, rows: list[list], delimiter: str = ",", encoding: str = "utf-8-sig") -> None:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    (HERE / name).write_bytes(out.getvalue().encode(encoding))


def layout_a() -> None:
    """Layout A (4-part scheme), title block of the decree, two-row header, signature block; ';' as
    Indonesian Excel writes CSV."""
    write_csv("layout-a-dinkes.csv", [
        ["LAMPIRAN KEPUTUSAN KEPALA DINAS KESEHATAN KOTA CONTOH"],
        ["Nomor : 440/125/DINKES/2024"],
        ["Tanggal : 15 Februari 2024"],
        ["DAFTAR INFORMASI YANG DIKECUALIKAN"],
        [],
        ["No.", "Informasi", "Dasar Hukum Pengecualian Informasi", "Konsekuensi / Pertimbangan Bagi Publik", "",
         "Jangka Waktu"],
        ["", "", "", "Dibuka", "Ditutup", ""],
        ["1", "Data rekam medis pasien dan pegawai", "Pasal 17 huruf h angka 2 UU 14/2008",
         "Mengungkap riwayat kesehatan seseorang", "Melindungi rahasia pribadi pasien", "Selama berlaku"],
        ["2", "Nomor Induk Kependudukan (NIK) dan Kartu Keluarga penerima bantuan",
         "Pasal 17 huruf j UU 14/2008; UU 23/2006 tentang Administrasi Kependudukan",
         "Data kependudukan dapat disalahgunakan", "Melindungi data pribadi", "5 (lima) tahun"],
        ["3", "Dokumen pengadaan barang/jasa dari penyedia", "17 h angka 3 + Perpres 54/2010 Pasal 6",
         "Mengganggu persaingan usaha", "Proses pengadaan berjalan adil", "1 tahun"],
        ["4", "Hasil penilaian kompetensi pegawai", "Pasal 17 huruf h angka 4",
         "Mengungkap hasil evaluasi kemampuan seseorang", "Melindungi pegawai", "Dibuka dengan persetujuan "
         "tertulis yang bersangkutan"],
        [],
        ["", "", "", "", "Ditetapkan di : Kota Contoh"],
        ["", "", "", "", "Pada tanggal : 15 Februari 2024"],
        ["", "", "", "", "KEPALA DINAS KESEHATAN KOTA CONTOH,"],
        ["", "", "", "", "dr. Rina Hapsari, M.Kes"],
        ["", "", "", "", "NIP 197501012005012003"],
    ], delimiter=";")


def layout_b() -> None:
    """Layout B, upper-case names, a Windows-1252 file (a university PPID)."""
    write_csv("layout-b-cp1252.csv", [
        ["NO", "INFORMASI", "DASAR HUKUM", "ALASAN DIKECUALIKAN", "", "JANGKA WAKTU"],
        ["", "", "", "DIBUKA", "DITUTUP", ""],
        ["1", "Data gaji dan tunjangan pegawai", "Pasal 17 huruf i", "Mengungkap penghasilan seseorang",
         "Melindungi privasi pegawai", "Persetujuan tertulis ybs"],
        ["2", "Hasil penilaian proses penerimaan pegawai – tahap wawancara", "17 i (sic) + Kearsipan 44(1)h",
         "Mengganggu proses seleksi", "Seleksi berjalan objektif", "Setelah ybs tidak lagi pegawai"],
    ], encoding="cp1252")


def layout_c() -> None:
    """Layout C (RSJ uji konsekuensi): group headings, a merged two-row header, a '(1) (2)' row; XLSX."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["UJI KONSEKUENSI INFORMASI YANG DIKECUALIKAN"])
    ws.append([])
    ws.append(["NO", "KONTEN INFORMASI", "PERTIMBANGAN SESUAI INDIKATOR KONSEKUENSI", "BATAS WAKTU PENGECUALIAN",
               "KONSEKUENSI AKIBAT APABILA", "AKIBAT APABILA INFORMASI DITUTUP"])
    ws.append([None, None, None, None, "INFORMASI DIBUKA", None])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("F3:F4")
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    ws.append(["A. Informasi yang berkaitan dengan rahasia pribadi pegawai"])
    ws.merge_cells("A6:F6")
    ws.append([1, "Riwayat dan kondisi anggota keluarga pegawai (biodata elektronik PNS)",
               "Pasal 17 huruf h angka 1 UU KIP", "Sampai diperlukan untuk proses hukum",
               "Dapat mengungkap rahasia pribadi keluarga", "Hak pribadi terlindungi"])
    ws.append([2, "Riwayat, kondisi, perawatan, pengobatan kesehatan fisik dan psikis pegawai",
               "Pasal 17 huruf h angka 2 UU KIP", "Sampai diperlukan untuk proses hukum",
               "Dapat mengungkap rahasia pribadi", "Hak pribadi terlindungi"])
    ws.append(["B. Informasi pengadaan"])
    ws.append([3, "HPS pengadaan alat kesehatan", "Pasal 17 huruf b", "1 tahun", "Persaingan usaha tidak sehat",
               "Harga wajar"])
    book.save(HERE / "layout-c-rsj.xlsx")


def layout_e() -> None:
    write_csv("layout-e-univ.csv", [
        ["No.", "Jenis Klasifikasi Informasi yang Dikecualikan", "Alasan Pengecualian", "Jangka Waktu"],
        ["1", "Usulan nama calon pejabat", "Pasal 322 ayat (1) UU 8/1981 KUHAP + Kearsipan 44(1)h",
         "Setelah yang bersangkutan dilantik"],
        ["2", "Soal ujian dinas dan ujian penyesuaian ijazah", "Pasal 17 huruf h angka 4",
         "Dibuka setelah pengumuman kelulusan"],
    ])


def layout_f() -> None:
    write_csv("layout-f-seeder.csv", [
        ["judul", "deskripsi", "tanggal", "dasar_hukum", "konsekuensi_dibuka", "konsekuensi_ditutup",
         "jangka_waktu", "penanggung_jawab"],
        ["Dokumen hasil penilaian seleksi penerimaan calon mahasiswa", "Nilai per peserta", "2025-01-10",
         "Pasal 17 huruf h angka 4", "Peserta dapat dirugikan", "Privasi peserta", "1 tahun", "Bagian Akademik"],
        ["Realisasi belanja BLU", "Rincian belanja", "2025-01-10", "17 h angka 3", "-", "-", "1 tahun",
         "Bagian Keuangan"],
    ])


def broken() -> None:
    write_csv("not-a-dik.csv", [["Nama", "Alamat"], ["Sari", "Jl. Anggrek 4"]])
    (HERE / "old-excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    (HERE / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 60)


if __name__ == "__main__":
    for make in (layout_a, layout_b, layout_c, layout_e, layout_f, broken):
        make()
