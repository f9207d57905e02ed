"""`reviewer redact`: parse options, call `reviewer.redact`, print what was done and checked."""

from __future__ import annotations

import os
import sys

import click

from reviewer.core.errors import ReviewerError, VerificationFailed


@click.command("redact")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=True))
@click.option("--decisions", "decisions_path", type=click.Path(exists=True, dir_okay=False),
              help="Berkas keputusan JSON dari UI / decisions file (JSON) written by the review UI.")
@click.option("--suggested", is_flag=True,
              help="Hitamkan semua saran 'hitamkan' dari pemindaian / apply every 'redact' suggestion.")
@click.option("-o", "--output", type=click.Path(),
              help="Berkas hasil (satu dokumen) atau folder (beberapa) / output file, or folder for several.")
@click.option("--allow-over-redaction", is_flag=True,
              help="Tetap simpan walau ada teks di luar penghitaman yang hilang / keep the result even if "
                   "text outside the redactions was lost (recorded in the report).")
@click.option("--no-ner", is_flag=True, help="Tanpa model NER (dengan --suggested).")
@click.option("--no-passages", is_flag=True, help="Tanpa pengklasifikasi paragraf (dengan --suggested).")
@click.option("--no-ocr", is_flag=True, help="Tanpa OCR (dengan --suggested).")
def redact(paths: tuple[str, ...], decisions_path: str | None, suggested: bool, output: str | None,
           allow_over_redaction: bool, no_ner: bool, no_passages: bool, no_ocr: bool) -> None:
    """Hitamkan dokumen sungguhan dan verifikasi hasilnya / truly redact documents and verify the result.

    Writes the redacted copy, a log (.log.csv, .log.json) and a draft uji konsekuensi
    (.uji-konsekuensi.docx) beside it; the original is never modified. Exit code 0 when every
    document was redacted and verified, 1 when some failed, 2 for usage errors, 3 when all were
    redacted but some hold near-miss identifiers (one edit from a valid NIK/KK/NIP, perhaps misread by
    OCR) that --suggested left unresolved.
    """
    from reviewer.core.settings import from_env
    from reviewer.extract import iter_paths

    if bool(decisions_path) == bool(suggested):
        raise click.UsageError("pilih salah satu: --decisions FILE.json atau --suggested")
    files = iter_paths(paths)
    if decisions_path and len(files) != 1:
        raise click.UsageError("--decisions berlaku untuk tepat satu dokumen / exactly one document")
    if output and len(files) > 1 and not os.path.isdir(output):
        raise click.UsageError("untuk beberapa dokumen, -o harus folder yang sudah ada / -o must be a folder")
    settings = from_env(use_ner=False if no_ner else None, use_passages=False if no_passages else None,
                        use_ocr=False if no_ocr else None)
    failed = unresolved = 0
    for path in files:
        try:
            unresolved += _one(path, decisions_path, _output(path, output, len(files)), settings,
                               allow_over_redaction)
        except VerificationFailed as exc:
            failed += 1
            click.echo(f"{path}: GAGAL VERIFIKASI / VERIFICATION FAILED — tidak ada berkas yang disimpan", err=True)
            if exc.report is not None:
                _print_checks(exc.report, err=True)
        except ReviewerError as exc:
            failed += 1
            click.echo(f"{path}: GAGAL / FAILED: {exc}", err=True)
        except Exception as exc:  # one broken file never stops a batch
            failed += 1
            click.echo(f"{path}: galat tak terduga / unexpected error: {type(exc).__name__}: {exc}", err=True)
    if unresolved and not failed:
        click.echo(f"PERHATIAN / ATTENTION: {unresolved} nomor mirip identitas belum diputuskan — dokumen belum "
                   f"siap terbit / near-miss identifiers unresolved", err=True)
    sys.exit(1 if failed else 3 if unresolved else 0)


def _output(path: str, output: str | None, count: int) -> str:
    from reviewer.redact import default_output

    if output and (count > 1 or os.path.isdir(output)):
        return default_output(os.path.join(output, os.path.basename(path)))
    return output or default_output(path)


def _one(path: str, decisions_path: str | None, out: str, settings, allow_over_redaction: bool) -> int:
    """Redact one document; the number of near-misses a --suggested run left unresolved."""
    from reviewer.redact import decisions_from_findings, load_decisions, redact_document
    from reviewer.redact.report import write_all

    sha, document, misses = "", None, []
    if decisions_path:
        sha, decisions = load_decisions(decisions_path)
    else:
        from reviewer.detect.near_miss import SOURCE as NEAR_MISS
        from reviewer.detect.pipeline import scan_file

        result = scan_file(path, settings)
        document = result.document
        decisions = decisions_from_findings(result.findings, document)
        misses = [f for f in result.findings if f.source == NEAR_MISS and f.action == "review"]
    report = redact_document(path, decisions, out, settings, sha256=sha, document=document,
                             allow_over_redaction=allow_over_redaction)
    paths = write_all(report, settings)
    click.secho(f"{path} → {out}", bold=True)
    click.echo(f"  {len(report.redactions)} bagian dihitamkan, {report.kept} keputusan dibiarkan terbuka")
    _print_checks(report)
    click.echo(f"  log: {paths['csv']}, {paths['json']}")
    click.echo(f"  draf uji konsekuensi: {paths['uji']}")
    for f in misses:
        click.echo(f"  BELUM DIPUTUSKAN / UNRESOLVED: halaman {f.page}, {f.label} '{f.text}': {f.reasons[0]}")
    return len(misses)


def _print_checks(report, err: bool = False) -> None:
    for c in report.checks:
        mark = "ok   " if c.passed else "GAGAL"
        click.echo(f"  [{mark}] {c.name} ({c.tool}): {c.detail}", err=err)
    for note in report.notes:
        click.echo(f"  - {note}", err=err)
    for warning in report.warnings:
        click.echo(f"  peringatan / warning: {warning}", err=True)
