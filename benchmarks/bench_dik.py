"""DIK speed: import/export of a large DIK (CSV and XLSX, both layouts) and matching findings to rows.

    python benchmarks/bench_dik.py [--rows 2000] [--findings 20000]

A real city DIK has tens to a few hundred rows; the sizes here are well above that, to show the
margin. Matching runs for every suggestion on the review page, so it is the number that matters.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from reviewer.core.model import Finding
from reviewer.dik import exporter, importer
from reviewer.dik.match import match
from reviewer.dik.model import Decree, DikRow, parse_duration

INFO = ["Data rekam medis pasien", "NIK dan KK penerima bantuan sosial", "Nomor rekening penerima hibah",
        "Data pribadi pegawai", "Hasil penilaian kompetensi pegawai", "Rencana awal pembelian tanah",
        "Identitas pelapor pengaduan", "Topologi jaringan data center"]
BASIS = ["Pasal 17 huruf h angka 2", "Pasal 17 huruf j; UU 23/2006 Adminduk", "Pasal 17 huruf h angka 3",
         "Pasal 17 huruf h", "Pasal 17 huruf h angka 4", "Pasal 17 huruf e angka 4", "Pasal 17 huruf a angka 2",
         "Pasal 17 huruf c angka 6"]
LABELS = [("NIK", "17j"), ("PHONE", "17h"), ("BANK_ACCOUNT", "17h3"), ("PASSAGE", "17h2"), ("PERSON", "17h"),
          ("ADDRESS", "17h"), ("PASSAGE", "17e4")]


def rows(n: int) -> list[DikRow]:
    decree = Decree("800/12/2025", date(2025, 1, 6), "Kepala Dinas", "Kota Contoh")
    return [DikRow(f"{INFO[i % len(INFO)]} ({i})", BASIS[i % len(BASIS)], if_opened="terungkap",
                   if_closed="terlindungi", duration=parse_duration(["1 tahun", "Selama berlaku"][i % 2]),
                   decree=decree, number=str(i + 1), group=f"Kelompok {i // 50}") for i in range(n)]


def timed(label: str, fn, count: int, unit: str) -> None:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    print(f"{label:<40} {took:7.3f} s   {count / took:10.0f} {unit}/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--findings", type=int, default=20000)
    args = parser.parse_args()
    dik = rows(args.rows)
    for fmt in ("csv", "xlsx"):
        for layout in ("dik", "lengkap"):
            data = exporter.export(dik, fmt, layout)
            timed(f"export {fmt} {layout}", lambda: exporter.export(dik, fmt, layout), args.rows, "rows")
            timed(f"import {fmt} {layout} ({len(data) // 1024} KiB)",
                  lambda: importer.import_file(f"x.{fmt}", data), args.rows, "rows")
    small = rows(60)
    findings = [Finding(1, 0, 5, "x", label, basis, 0.9, "redact", "bench")
                for label, basis in (LABELS * (args.findings // len(LABELS) + 1))[:args.findings]]
    context = "Daftar penerima bantuan sosial kelurahan, rekening hibah, riwayat penyakit"
    timed("match findings vs 60-row DIK", lambda: [match(f, small, context) for f in findings],
          args.findings, "findings")


if __name__ == "__main__":
    main()
