"""`reviewer batch`: parse options, call `reviewer.batch.run.run_batch`, show progress, write reports."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # tqdm is imported when a progress bar is shown
    from tqdm import tqdm

FAILED_KINDS = {
    "timeout": "melebihi batas waktu", "memory": "melebihi batas memori", "crash": "proses pekerja mati",
    "corrupt": "berkas rusak", "encrypted": "terkunci kata sandi", "unreadable": "tidak dapat dibaca",
    "bug": "galat tak terduga", "store": "gagal disimpan",
}


@click.command("batch")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", "db", help="Basis data web UI: URL atau berkas SQLite / the web UI's database: URL or "
                                 "SQLite file (default: $DATABASE_URL or the instance folder's).")
@click.option("--instance", type=click.Path(file_okay=False),
              help="Folder instance (berkas asli disalin ke originals/) / instance folder (originals are "
                   "copied to its originals/); default: $REVIEWER_INSTANCE, the --db file's folder, ./instance.")
@click.option("--workers", type=click.IntRange(min=1), default=lambda: os.cpu_count() or 1,
              show_default="jumlah inti / CPU count", help="Proses paralel / parallel processes.")
@click.option("--scheduler", envvar="REVIEWER_DASK_SCHEDULER", metavar="tcp://HOST:PORT",
              help="Jalankan di klaster Dask / run on a Dask cluster ($REVIEWER_DASK_SCHEDULER).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False),
              help="Tulis laporan (JSONL, CSV, HTML) ke folder ini / write reports to this folder.")
@click.option("--timeout", type=click.FloatRange(min=1), default=300, show_default=True,
              help="Batas waktu per dokumen, detik / per-document time limit, seconds.")
@click.option("--max-memory", type=click.IntRange(min=128), default=2048, show_default=True,
              help="Batas memori per proses pekerja, MiB / memory limit per worker process, MiB.")
@click.option("--fresh", is_flag=True, help="Mulai run baru, jangan lanjutkan yang terputus / start a new run "
                                            "instead of resuming an interrupted one.")
@click.option("--ui-url", envvar="REVIEWER_UI_URL", default="http://127.0.0.1:5000", show_default=True,
              help="Alamat web UI untuk tautan di laporan / web UI address for the report's links.")
@click.option("--unit", metavar="KODE", help="Unit pemilik dokumen: pejabat dan daftar unit itu dipakai, dokumen "
              "masuk antrean unit itu / the documents' unit: its officials and lists apply.")
@click.option("--no-ner", is_flag=True, help="Tanpa model NER / without the NER model.")
@click.option("--no-passages", is_flag=True, help="Tanpa pengklasifikasi paragraf / without passages.")
@click.option("--no-ocr", is_flag=True, help="Tanpa OCR / without OCR.")
def batch(paths, db, instance, workers, scheduler, report_dir, timeout, max_memory, fresh, ui_url,
          unit, no_ner, no_passages, no_ocr) -> None:
    """Saring arsip dokumen: folder (rekursif) dan arsip zip / screen document archives.

    Hasil disimpan per dokumen (SHA-256) di basis data web UI; menjalankan ulang melanjutkan run yang
    terputus dan melewati dokumen yang tidak berubah. Results are stored per document in the web UI's
    database; running again resumes an interrupted run and skips unchanged documents.

    Exit code: 0 when every document was read, 1 when some failed, 2 for usage errors.
    """
    from reviewer.batch.run import BatchOptions, run_batch
    from reviewer.core.settings import from_env

    url, instance_path = _database(db, instance)
    settings = from_env(use_ner=False if no_ner else None, use_passages=False if no_passages else None,
                        use_ocr=False if no_ocr else None)
    options = BatchOptions(workers=workers, timeout=timeout, max_memory_mb=max_memory, scheduler=scheduler,
                           originals_root=instance_path / "originals", fresh=fresh, unit=unit)
    from reviewer.cli.progress import on_terminal

    show = _Progress(paths) if on_terminal() else _Quiet()
    from sqlalchemy.exc import SQLAlchemyError

    from reviewer.core.units import UnitError

    try:
        totals = run_batch(paths, url, settings, options, on_start=show.start, on_item=show.item)
    except UnitError as exc:
        show.close()
        raise click.UsageError(str(exc)) from exc
    except SQLAlchemyError as exc:
        show.close()
        raise click.ClickException(f"basis data tidak dapat dipakai / database unusable: "
                                   f"{getattr(exc, 'orig', exc)}") from exc
    except KeyboardInterrupt:
        show.close()
        click.echo("dihentikan; jalankan perintah yang sama untuk melanjutkan / interrupted; run the same "
                   "command again to resume", err=True)
        sys.exit(130)
    show.close()
    reports = None
    if report_dir:
        from reviewer.report.files import write_reports

        reports = [str(p) for p in write_reports(url, totals.run, Path(report_dir), ui_url, settings.timezone)]
    show.done(totals, reports)
    sys.exit(1 if totals.failed else 0)


def _database(db: str | None, instance: str | None) -> tuple[str, Path]:
    from reviewer.cli.common import database_arg
    from reviewer.store import records as store

    if db and "://" not in db:
        try:
            Path(db).resolve().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise click.ClickException(f"folder basis data tidak dapat dibuat / cannot create the database "
                                       f"folder: {exc}") from exc
        folder = Path(instance or os.environ.get("REVIEWER_INSTANCE") or Path(db).resolve().parent)
        return database_arg(db), folder.resolve()
    folder = store.instance_dir(instance)
    folder.mkdir(parents=True, exist_ok=True)
    return db or store.database_url(folder), folder


class _Quiet:
    """Not a terminal (stdout or stderr piped): one JSON line per failed document and a summary line."""

    def start(self, info) -> None:
        pass

    def item(self, item) -> None:
        if item.status == "failed":
            click.echo(json.dumps({"event": "failed", "name": item.name, "sha256": item.document_sha,
                                   "kind": item.error_kind, "error": item.error}, ensure_ascii=False))

    def close(self) -> None:
        pass

    def done(self, totals, reports: list[str] | None) -> None:
        extra = {} if reports is None else {"reports": reports}
        click.echo(json.dumps({"event": "summary", **totals.as_dict(), **extra}, ensure_ascii=False))


class _Progress:
    """A terminal: a progress bar with documents and pages per second and an ETA."""

    def __init__(self, paths) -> None:
        self.paths = paths
        self.bar: tqdm | None = None
        self.pages = 0
        self.t0 = time.perf_counter()

    def start(self, info) -> None:
        from tqdm import tqdm

        from reviewer.extract.archive import count_sources

        state = "melanjutkan run" if info.resumed else "run"
        click.echo(f"{state} #{info.run_id} di {info.where}", err=True)
        self.bar = tqdm(total=max(count_sources(self.paths), info.already), initial=info.already,
                        unit="dok", dynamic_ncols=True, smoothing=0.1)

    def item(self, item) -> None:
        if self.bar is None:
            raise RuntimeError("_Progress.item before start")
        if item.status == "scanned":
            self.pages += item.pages
        if item.status == "failed":
            self.bar.write(f"GAGAL / FAILED: {item.name}: {item.error}", file=sys.stderr)
        elapsed = max(time.perf_counter() - self.t0, 1e-6)
        self.bar.set_postfix_str(f"{self.pages / elapsed:.1f} hlm/dtk", refresh=False)
        self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def done(self, totals, reports: list[str] | None) -> None:
        click.echo(f"Run #{totals.run}: {totals.items} berkas — {totals.scanned} dipindai, "
                   f"{totals.unchanged} tidak berubah, {totals.skipped} dilewati, "
                   f"{totals.unsupported} tidak didukung, {totals.failed} gagal; "
                   f"{totals.pages} halaman, {totals.findings_to_act} temuan perlu tindakan.")
        for kind, n in sorted(totals.failures_by_kind.items(), key=lambda kv: -kv[1]):
            click.echo(f"  gagal karena {FAILED_KINDS.get(kind, kind)} ({kind}): {n}")
        for path in reports or []:
            click.echo(f"  laporan: {path}")
