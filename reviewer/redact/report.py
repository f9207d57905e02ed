"""The redaction log of one document, in Indonesian: CSV for a spreadsheet, JSON for programs.

One row per redaction: where, what kind of information, the legal basis (huruf/angka), the reason,
who proposed it, who approved it and when. The redacted text itself is NOT in the log, so the
log can accompany the published copy as the list of reasons Perki SLIP asks for.
"""

from __future__ import annotations

import csv
import json
import os

from reviewer.core.legal import citation, parts
from reviewer.core.vocabulary import label_name
from reviewer.redact.outcome import RedactionReport

COLUMNS = ["no", "halaman", "lokasi", "jenis_informasi", "label", "dasar_hukum", "kode_dasar", "huruf", "angka",
           "tulisan_pada_kotak", "jumlah_kotak", "alasan", "diusulkan_oleh", "disetujui_oleh",
           "waktu_keputusan", "sumber"]


def rows(report: RedactionReport) -> list[dict]:
    out = []
    for r in report.redactions:
        d = r.decision
        huruf, angka = parts(d.basis)
        out.append({
            "no": r.number, "halaman": d.page, "lokasi": r.where or f"halaman {d.page}",
            "jenis_informasi": label_name(d.label), "label": d.label,
            "dasar_hukum": citation(d.basis), "kode_dasar": d.basis, "huruf": huruf, "angka": angka,
            "tulisan_pada_kotak": r.label_text, "jumlah_kotak": r.places, "alasan": d.reason,
            "diusulkan_oleh": d.proposed_by, "disetujui_oleh": d.approved_by,
            "waktu_keputusan": d.decided_at, "sumber": d.source,
        })
    return out


def log_paths(out_path: str) -> dict[str, str]:
    """Where the log and the draft go for a redacted file: beside it, same stem."""
    root, _ = os.path.splitext(out_path)
    return {"csv": root + ".log.csv", "json": root + ".log.json", "uji": root + ".uji-konsekuensi.docx"}


def write_csv(report: RedactionReport, path: str) -> str:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel reads UTF-8 correctly
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, delimiter=";")
        writer.writeheader()
        writer.writerows(rows(report))
    return path


def write_json(report: RedactionReport, path: str) -> str:
    data = {"dokumen": report.to_dict(), "penghitaman": rows(report)}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
    return path


def write_all(report: RedactionReport, settings, paths: dict[str, str] | None = None) -> dict[str, str]:
    """The CSV and JSON log and the draft uji konsekuensi, beside the redacted file."""
    from reviewer.redact.uji import write_uji

    paths = paths or log_paths(report.output)
    write_csv(report, paths["csv"])
    write_json(report, paths["json"])
    write_uji(report, paths["uji"], settings)
    return paths
