"""The `reviewer` command. Parses options, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import json
import sys

import click

from reviewer.errors import ReviewerError

ACTION_ID = {"redact": "hitamkan", "review": "tinjau", "keep": "biarkan"}

# Commands defined in other modules, imported only when used so `reviewer --help` stays instant.
# One line per command: "name": "module:attribute".
LAZY_COMMANDS: dict[str, str] = {
    "user": "reviewer.accounts_cli:user",
    "db": "reviewer.accounts_cli:db",
    "redact": "reviewer.redact.cli:redact",
    "batch": "reviewer.batch_cli:batch",
    "train": "reviewer.train_cli:train",
    "unit": "reviewer.units_cli:unit",
    "dik": "reviewer.dik_cli:dik",
    "figures": "reviewer.dik_cli:figures_cmd",
    "serve": "webui.cli:serve",
    "demo": "webui.cli:demo",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS:
            import importlib

            module, attr = LAZY_COMMANDS[name].split(":")
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ppid-reviewer")
def cli() -> None:
    """Asisten peninjauan dokumen PPID (UU 14/2008 Pasal 17).

    PPID document reviewer: finds exempt information and suggests redactions with a legal basis.
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True,
              help="jsonl: satu objek JSON per temuan (untuk skrip) / one JSON object per finding; "
                   "table: tampilan untuk manusia / human view.")
@click.option("--no-ner", is_flag=True, help="Tanpa model NER / without the NER model.")
@click.option("--no-passages", is_flag=True, help="Tanpa pengklasifikasi paragraf / without the passage classifier.")
@click.option("--no-ocr", is_flag=True, help="Tanpa OCR / without OCR.")
def scan(paths: tuple[str, ...], fmt: str, no_ner: bool, no_passages: bool, no_ocr: bool) -> None:
    """Pindai dokumen dan tampilkan temuan / scan documents and print findings.

    Exit code 0 when every file was read, 1 when some could not be, 2 for usage errors.
    """
    from reviewer.pipeline import build_detectors, scan_file
    from reviewer.settings import from_env

    settings = from_env(use_ner=False if no_ner else None, use_passages=False if no_passages else None,
                        use_ocr=False if no_ocr else None)
    warnings: list[str] = []
    try:
        detectors = build_detectors(settings, warnings)
    except ReviewerError as exc:
        raise click.UsageError(str(exc)) from exc
    for w in warnings:
        click.echo(f"peringatan / warning: {w}", err=True)
    from reviewer.extract import iter_paths

    failed = 0
    for path in iter_paths(paths):
        try:
            result = scan_file(path, settings, detectors)
        except ReviewerError as exc:
            failed += 1
            _print_error(path, str(exc), fmt)
            continue
        except Exception as exc:  # a bug or an input we did not foresee: report it, go on
            failed += 1
            _print_error(path, f"galat tak terduga / unexpected error: {type(exc).__name__}: {exc}", fmt)
            continue
        for w in result.warnings:
            if w not in warnings:
                click.echo(f"peringatan / warning: {path}: {w}", err=True)
        if fmt == "jsonl":
            for f in result.findings:
                click.echo(json.dumps({"file": path, **f.to_dict()}, ensure_ascii=False))
        else:
            _print_table(path, result)
    sys.exit(1 if failed else 0)


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
    click.echo(f"  {'hlm':>3}  {'label':<13} {'dasar':<6} {'skor':>4}  {'saran':<8} teks")
    for f in findings:
        text = " ".join(f.text.split())
        text = text if len(text) <= 60 else text[:57] + "..."
        click.echo(f"  {f.page:>3}  {f.label:<13} {f.basis:<6} {f.score:4.2f}  {ACTION_ID[f.action]:<8} {text}")
        if f.reasons:
            click.echo(f"{'':36}└ {f.reasons[0]}")


@cli.command("check-patterns")
@click.option("--patterns", "patterns_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder pola / pattern folder (default: patterns/).")
def check_patterns(patterns_dir: str | None) -> None:
    """Muat semua pola dan jalankan contohnya / load every pattern and run its examples."""
    from reviewer.patterns import check_examples, load_patterns
    from reviewer.settings import from_env

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


def main() -> None:
    try:
        cli(standalone_mode=True)
    except ReviewerError as exc:  # a library error that escaped a command: still no traceback
        click.echo(f"galat / error: {exc}", err=True)
        sys.exit(1)
