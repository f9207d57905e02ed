"""`reviewer dik ...` (a unit's DIK: import, export, list, check, due) and `reviewer figures`."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from reviewer.cli.common import INSTANCE, session_of
from reviewer.core.errors import ReviewerError


@click.group("dik")
def dik() -> None:
    """Daftar Informasi yang Dikecualikan per unit / each unit's list of exempt information."""


def _date_option(value: str | None) -> date | None:
    if not value:
        return None
    from reviewer.dik.model import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"tanggal tidak terbaca / date not understood: {value!r} (YYYY-MM-DD)")
    return parsed


@dik.command("import")
@click.argument("code")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--decree-number", default="", help="Nomor penetapan bila tidak ada di berkas / decree number.")
@click.option("--decree-date", default=None, help="Tanggal penetapan / decree date (YYYY-MM-DD).")
@click.option("--official", default="", help="Pejabat yang menetapkan / signing official.")
@click.option("--place", default="", help="Tempat penetapan / place of the decree.")
@click.option("--replace", "replace_existing", is_flag=True,
              help="Cabut baris lama unit ini (tetap tersimpan sebagai 'dicabut') / revoke the unit's current rows.")
@click.option("--dry-run", is_flag=True, help="Baca dan periksa saja / only read and check.")
@INSTANCE
def import_(code, path, decree_number, decree_date, official, place, replace_existing, dry_run, instance) -> None:
    """Impor DIK dari CSV/XLSX (tata letak badan publik) / import a DIK from CSV or XLSX."""
    from reviewer.dik import importer
    from reviewer.dik.model import Decree
    from reviewer.store import dik as dikstore

    given = Decree(decree_number, _date_option(decree_date), official, place)
    try:
        result = importer.import_file(path, decree=given, unit=code)
    except ReviewerError as exc:
        raise click.ClickException(str(exc)) from exc
    for warning in result.warnings:
        click.echo(f"peringatan / warning: {warning}", err=True)
    _print_advice(result.rows)
    if dry_run:
        click.echo(f"{len(result.rows)} baris terbaca (tidak disimpan) / rows read (not saved)")
        return
    with session_of(instance) as session:
        dikstore.import_rows(session, code, [r.with_(unit=code) for r in result.rows], source=Path(path).name,
                             replace_existing=replace_existing)
    click.echo(f"{len(result.rows)} baris DIK diimpor ke {code} / DIK rows imported")


@dik.command("export")
@click.argument("code")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--layout", type=click.Choice(["dik", "lengkap"]), default="dik", show_default=True,
              help="dik: tabel yang diumumkan; lengkap: semua kolom / dik: the published table; lengkap: every field.")
@click.option("--own", is_flag=True, help="Tanpa baris warisan unit induk / without rows inherited from above.")
@INSTANCE
def export(code: str, path: str, layout: str, own: bool, instance: str | None) -> None:
    """Ekspor DIK ke CSV/XLSX (format menurut akhiran berkas) / export (format from the file suffix)."""
    from reviewer.dik import exporter
    from reviewer.store import dik as dikstore
    from reviewer.store import units as unitstore

    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in exporter.FORMATS:
        raise click.UsageError("berkas harus .csv atau .xlsx / the file must end in .csv or .xlsx")
    with session_of(instance) as session:
        rows = dikstore.rows_of(session, code, inherited=not own)
        title = unitstore.load_tree(session)[code].name
    Path(path).write_bytes(exporter.export(rows, fmt, layout, title))
    click.echo(f"{len(rows)} baris → {path}")


@dik.command("list")
@click.argument("code")
@INSTANCE
def list_rows(code: str, instance: str | None) -> None:
    """Baris DIK unit (termasuk warisan) / the unit's DIK rows (inherited ones included)."""
    from reviewer.store import dik as dikstore

    with session_of(instance) as session:
        rows = dikstore.rows_of(session, code)
    for row in rows:
        click.echo(f"[{row.id}] {row.unit}:{row.number or '-'}  {row.information}  | {row.basis_description()}  | "
                   f"{row.duration.describe() or '-'}  | {row.decree.describe() or 'belum ditetapkan'}")


@dik.command("check")
@click.argument("source")
@INSTANCE
def check(source: str, instance: str | None) -> None:
    """Saran atas baris DIK yang bertentangan dengan hukum (berkas CSV/XLSX atau kode unit) / advice on rows
    that conflict with the law (a CSV/XLSX file or a unit code). Exit 1 when there are warnings."""
    from reviewer.dik import importer
    from reviewer.store import dik as dikstore

    if Path(source).is_file():
        try:
            rows = importer.import_file(source).rows
        except ReviewerError as exc:
            raise click.ClickException(str(exc)) from exc
    else:
        with session_of(instance) as session:
            rows = dikstore.rows_of(session, source, inherited=False)
    warnings = _print_advice(rows, show_info=True)
    click.echo(f"{len(rows)} baris, {warnings} peringatan / rows, warnings")
    sys.exit(1 if warnings else 0)


def _print_advice(rows, show_info: bool = False) -> int:
    from reviewer.dik.advice import check_row

    warnings = 0
    for row in rows:
        for advice in check_row(row):
            if advice.severity == "warning" or show_info:
                warnings += advice.severity == "warning"
                tag = "PERINGATAN" if advice.severity == "warning" else "info"
                click.echo(f"{tag}: baris {row.number or '-'} «{row.information[:60]}»: {advice.message} "
                           f"[{advice.source}]", err=True)
    return warnings


@dik.command("due")
@click.option("--unit", "code", help="Hanya unit ini dan di bawahnya / only this unit and those below it.")
@click.option("--date", "on", default=None, help="Tanggal acuan / as of (YYYY-MM-DD), default today.")
@click.option("--days", default=30, show_default=True, help="Hari kerja pemberitahuan / working days of notice.")
@INSTANCE
def due(code: str | None, on: str | None, days: int, instance: str | None) -> None:
    """Baris dan penghitaman yang jangka waktunya berakhir (Pasal 20) / rows and redactions whose period ended."""
    from reviewer.dik.expiry import DUE_STATES, rows_due
    from reviewer.store import dik as dikstore
    from reviewer.store import units as unitstore

    today = _date_option(on) or date.today()
    with session_of(instance) as session:
        tree = unitstore.load_tree(session)
        codes = set(tree.subtree(code)) if code else set(tree.units)
        rows = [r for c in sorted(codes) for r in dikstore.rows_of(session, c, inherited=False)]
        redactions = dikstore.redactions_due(session, today, codes, days)
    for d in rows_due(rows, today, days):
        click.echo(f"DIK {d.row.unit}:{d.row.number or '-'} «{d.row.information}» — {DUE_STATES[d.state]}: "
                   f"{d.describe()}")
    for doc, decision, d in redactions:
        click.echo(f"penghitaman / redaction {doc.filename} hlm {decision.page} «{decision.text}» ({decision.basis}) "
                   f"— {DUE_STATES[d.state]}: {d.describe()} [DIK {d.row.unit}:{d.row.number or '-'}]")


@click.command("figures")
@click.argument("year", type=int)
@click.option("--unit", "codes", multiple=True, help="Unit (boleh berulang) / unit (repeatable).")
@click.option("--output", "-o", type=click.Path(dir_okay=False),
              help="Berkas .csv, .xlsx (dengan grafik) atau .json; tanpa ini: tabel / file; without: a table.")
@INSTANCE
def figures_cmd(year: int, codes: tuple[str, ...], output: str | None, instance: str | None) -> None:
    """Angka tahunan per unit dan seluruh kota untuk laporan tahunan PPID / yearly figures per unit and city."""
    from reviewer.review import figures

    with session_of(instance) as session:
        figs = figures.yearly(session, year, set(codes) if codes else None)
    if output:
        suffix = Path(output).suffix.lower()
        writers = {".csv": figures.to_csv, ".xlsx": figures.to_xlsx,
                   ".json": lambda f: json.dumps([x.to_dict() for x in f], ensure_ascii=False, indent=1).encode()}
        if suffix not in writers:
            raise click.UsageError("berkas harus .csv, .xlsx atau .json / the file must end in .csv, .xlsx or .json")
        Path(output).write_bytes(writers[suffix](figs))
        click.echo(f"{len(figs)} baris → {output}")
        return
    for line in figures.table(figs):
        click.echo(" | ".join("" if v is None else str(v) for v in line[:7] + line[-3:]))
