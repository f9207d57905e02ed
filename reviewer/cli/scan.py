"""`reviewer scan` and `reviewer check-patterns`."""

from __future__ import annotations

import json
import sys

import click

from reviewer.core.errors import ReviewerError
from reviewer.core.vocabulary import action_name, label_name


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True,
              help="jsonl: satu objek JSON per temuan (untuk skrip) / one JSON object per finding; "
                   "table: tampilan untuk manusia / human view.")
@click.option("--no-ner", is_flag=True, help="Tanpa model NER / without the NER model.")
@click.option("--no-passages", is_flag=True, help="Tanpa pengklasifikasi paragraf / without the passage classifier.")
@click.option("--no-ocr", is_flag=True, help="Tanpa OCR / without OCR.")
@click.option("--db", help="Pakai pejabat, daftar izinkan/tolak dan label kotak dari basis data web UI (URL atau "
              "berkas SQLite) / use the officials, allow/deny lists and box labels of the web UI's database.")
@click.option("--unit", metavar="KODE", help="Dengan --db: daftar unit ini juga / with --db: this unit's lists too.")
def scan(paths: tuple[str, ...], fmt: str, no_ner: bool, no_passages: bool, no_ocr: bool, db: str | None,
         unit: str | None) -> None:
    """Pindai dokumen dan tampilkan temuan / scan documents and print findings.

    Exit code 0 when every file was read, 1 when some could not be, 2 for usage errors.
    """
    _one_blas_thread()
    from reviewer.core.settings import from_env
    from reviewer.detect.pipeline import detectors_for

    settings = from_env(use_ner=False if no_ner else None, use_passages=False if no_passages else None,
                        use_ocr=False if no_ocr else None)
    if unit and not db:
        raise click.UsageError("--unit perlu --db / --unit needs --db")
    if db:
        settings = _database_settings(db, settings, unit)
    try:
        built = detectors_for(settings)
    except ReviewerError as exc:
        raise click.UsageError(str(exc)) from exc
    detectors, warnings = built.detectors, list(built.warnings)
    for w in warnings:
        click.echo(f"peringatan / warning: {w}", err=True)
    from reviewer.extract import iter_paths

    files = iter_paths(paths)
    show = _progress(files, fmt)
    try:
        failed = sum(not _scan_one(path, settings, detectors, fmt, warnings, show) for path in files)
    finally:
        if show:
            show.close()
    if show:
        click.echo(show.summary(), err=True)
    from reviewer.cli import allow_quick_exit

    allow_quick_exit()
    sys.exit(1 if failed else 0)


def _one_blas_thread() -> None:
    """Start numpy's OpenBLAS with one thread, unless told otherwise (`OPENBLAS_NUM_THREADS`).

    A scan's matrix products run on one thread already (`reviewer.detect.ner._docs`); the threads
    OpenBLAS starts when numpy loads only spin: 0.15 s of CPU in a 50-page scan, for the same findings.
    Set before numpy is imported, or it has no effect (then nothing changes)."""
    import os

    if "numpy" not in sys.modules:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _progress(files: list[str], fmt: str):
    """A progress bar for a person at a terminal reading the table; None for JSONL or a pipe."""
    from reviewer.cli.progress import ScanProgress, on_terminal

    return ScanProgress(len(files)) if fmt == "table" and on_terminal() else None


def _scan_one(path: str, settings, detectors, fmt: str, warnings: list[str], show) -> bool:
    """Scan and print one file; False when it could not be read (the error is printed)."""
    from contextlib import nullcontext

    from reviewer.core import progress
    from reviewer.detect.pipeline import scan_file

    result = None
    if show:
        show.start(path)
    try:
        with progress.watching(show.stage) if show else nullcontext():
            result = scan_file(path, settings, detectors)
    except ReviewerError as exc:
        message = str(exc)
    except Exception as exc:  # a bug or an input we did not foresee: report it, go on
        message = f"galat tak terduga / unexpected error: {type(exc).__name__}: {exc}"
    if show:
        show.finished(result)
    with show.writing() if show else nullcontext():
        if result is None:
            _print_error(path, message, fmt)
        else:
            _print_result(path, result, fmt, warnings)
    return result is not None


def _print_result(path: str, result, fmt: str, warnings: list[str]) -> None:
    for w in result.warnings:
        if w not in warnings:
            click.echo(f"peringatan / warning: {path}: {w}", err=True)
    if fmt == "jsonl":
        for f in result.findings:
            click.echo(json.dumps(finding_json(path, f, result.document), ensure_ascii=False))
    else:
        _print_table(path, result)


def finding_json(path: str, finding, document) -> dict:
    """One JSONL object: the finding, plus `boxes` ([x0, top, x1, bottom] in PDF points on the displayed
    page, one per line the finding spans) where the page has geometry (PDF, image)."""
    out = {"file": path, **finding.to_dict()}
    page = document.pages[finding.page - 1] if 0 < finding.page <= len(document.pages) else None
    if page is not None and page.width is not None and page.words:
        out["boxes"] = [[round(v, 2) for v in box.as_tuple()] for box in page.boxes(finding.start, finding.end)]
    return out


def _database_settings(db: str, settings, unit: str | None):
    """The settings the web UI and `reviewer batch` would scan with, read from the database."""
    from pathlib import Path

    from sqlalchemy.exc import SQLAlchemyError

    from reviewer.cli.common import database_arg
    from reviewer.store import records as store
    from reviewer.store.context import scan_settings

    if "://" not in db and not Path(db).is_file():
        raise click.UsageError(f"berkas basis data tidak ada / no database file: {db}")
    engine = store.make_engine(database_arg(db))
    try:
        with store.session_factory(engine)() as session:
            return scan_settings(session, settings, unit=unit)
    except ReviewerError as exc:
        raise click.UsageError(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise click.UsageError(f"basis data tidak dapat dibaca / database unreadable: {getattr(exc, 'orig', exc)}"
                               ) from exc
    finally:
        engine.dispose()


def _print_error(path: str, message: str, fmt: str) -> None:
    if fmt == "jsonl":
        click.echo(json.dumps({"file": path, "error": message}, ensure_ascii=False))
    else:
        click.echo(f"{path}: GAGAL / FAILED: {message}", err=True)


def _print_table(path: str, result) -> None:
    findings = result.findings
    flagged = sum(f.action != "keep" for f in findings)
    click.secho(f"{path}  ({result.document.kind}, {len(result.document.pages)} halaman, "
                f"{flagged} temuan perlu tindakan, {len(findings) - flagged} dibiarkan terbuka)", bold=True)
    if not findings:
        click.echo("  tidak ada temuan / no findings")
        return
    click.echo(f"  {'hlm':>3}  {'jenis':<22} {'dasar':<6} {'skor':>4}  {'saran':<8} teks")
    for f in findings:
        text = " ".join(f.text.split())
        text = text if len(text) <= 60 else text[:57] + "..."
        name, action = label_name(f.label), action_name(f.action)
        click.echo(f"  {f.page:>3}  {name:<22} {f.basis:<6} {f.score:4.2f}  {action:<8} {text}")
        if f.reasons:
            click.echo(f"{'':45}└ {f.reasons[0]}")


@click.command("check-patterns")
@click.option("--patterns", "patterns_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder pola / pattern folder (default: patterns/).")
def check_patterns(patterns_dir: str | None) -> None:
    """Muat semua pola dan jalankan contohnya / load every pattern and run its examples."""
    from reviewer.core.settings import from_env
    from reviewer.detect.patterns import check_examples, load_patterns

    settings = from_env(patterns_dir=patterns_dir)
    try:
        patterns = load_patterns(settings.patterns_dir)
    except ReviewerError as exc:
        raise click.ClickException(str(exc)) from exc
    failures = check_examples(patterns)
    for message in failures:
        click.echo(f"GAGAL / FAIL: {message}", err=True)
    click.echo(f"{len(patterns)} pola, {len(failures)} contoh gagal / patterns, failing examples")
    sys.exit(1 if failures else 0)


