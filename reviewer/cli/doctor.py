"""`reviewer doctor`: check everything the tool needs on this machine and say what to do."""

from __future__ import annotations

import json
import sys

import click

MARKS = {"ok": ("  OK  ", "green"), "warn": (" AWAS ", "yellow"), "fail": (" GAGAL", "red")}


@click.command("doctor")
@click.option("--instance", type=click.Path(file_okay=False),
              help="Folder instance / instance folder (default: $REVIEWER_INSTANCE or ./instance).")
@click.option("--db", "db_url", default=None,
              help="URL basis data / database URL (default: $DATABASE_URL or INSTANCE/reviewer.sqlite3).")
@click.option("--server", is_flag=True,
              help="Juga periksa pengaturan server kantor (kunci rahasia, cookie, pemindai, PostgreSQL) / "
                   "also check the office-server settings.")
@click.option("--skip", multiple=True, metavar="NAME",
              help="Lewati pemeriksaan ini (mis. database) / skip this check (e.g. database); repeatable.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def doctor(instance: str | None, db_url: str | None, server: bool, skip: tuple[str, ...], fmt: str) -> None:
    """Periksa kesiapan: program, paket, model, basis data, folder, pengaturan / check that everything
    the reviewer needs is in place. Exit code 1 when something required is missing."""
    from reviewer.core.settings import from_env
    from reviewer.review import health
    from reviewer.store import records as store

    folder = store.instance_dir(instance)
    url = store.normalise_url(db_url) if db_url else store.database_url(folder)
    checks = [c for c in health.run_all(health.Target(folder, url, from_env(), server=server)) if c.name not in skip]
    if fmt == "json":
        click.echo(json.dumps([c.as_dict() for c in checks], ensure_ascii=False, indent=1))
    else:
        _print(checks)
    sys.exit(1 if any(c.status == "fail" for c in checks) else 0)


def _print(checks) -> None:
    for check in checks:
        mark, colour = MARKS[check.status]
        click.echo(click.style(f"[{mark}]", fg=colour) + f" {check.name:<14} {check.found}")
        if check.fix:
            click.echo(f"{'':24}→ {check.fix}")
    failed = sum(c.status == "fail" for c in checks)
    warned = sum(c.status == "warn" for c in checks)
    if failed:
        click.secho(f"{failed} masalah wajib diperbaiki, {warned} peringatan / {failed} required problem(s), "
                    f"{warned} warning(s)", fg="red", bold=True)
    else:
        click.secho(f"siap dipakai, {warned} peringatan / ready, {warned} warning(s)", fg="green", bold=True)
