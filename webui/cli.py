"""`reviewer serve` (production WSGI server) and `reviewer demo` (sample documents, demo accounts)."""

from __future__ import annotations

import click

INSTANCE = click.option("--instance", type=click.Path(file_okay=False),
                        help="Folder instance / instance folder (default: $REVIEWER_INSTANCE or ./instance).")
HOST = click.option("--host", default="127.0.0.1", show_default=True,
                    help="Alamat / address (0.0.0.0 untuk seluruh jaringan kantor / for the whole office network).")
PORT = click.option("--port", default=5000, show_default=True, type=int)
THREADS = click.option("--threads", default=8, show_default=True, type=int, help="Utas server / server threads.")



@click.command()
@HOST
@PORT
@INSTANCE
@THREADS
@click.option("--no-worker", is_flag=True,
              help="Tanpa pemindai di proses ini; jalankan `reviewer worker` terpisah / no scanning in this "
                   "process; run `reviewer worker` separately (the office-server setup does).")
@click.option("--proxy", "trusted_proxy", default=None, metavar="ADDRESS",
              help="Alamat reverse proxy tepercaya (mis. 127.0.0.1): X-Forwarded-For/-Proto darinya dipakai / "
                   "address of a trusted reverse proxy whose X-Forwarded-For/-Proto headers are used.")
def serve(host: str, port: int, instance: str | None, threads: int, no_worker: bool,
          trusted_proxy: str | None) -> None:
    """Jalankan antarmuka peninjauan (waitress) / run the review UI with a production WSGI server.

    The database must be migrated first (`reviewer db upgrade`); serving never changes the schema."""
    config = {"INSTANCE": instance} if instance else {}
    app = _app({**config, "WORKER": False} if no_worker else config or None)
    _serve(app, host, port, threads, trusted_proxy)


@click.command()
@INSTANCE
def worker(instance: str | None) -> None:
    """Pemindai latar: ambil antrean pindai dari basis data / the background scan worker: takes queued
    scans from the database (for `reviewer serve --no-worker`; several may run side by side)."""
    from webui import worker as scan_worker

    app = _app({**({"INSTANCE": instance} if instance else {}), "WORKER": False})
    click.echo("pemindai berjalan / scan worker running (Ctrl+C untuk berhenti / to stop)")
    try:
        scan_worker._loop(app)
    except KeyboardInterrupt:
        click.echo("pemindai berhenti / scan worker stopped")


def _app(config: dict | None):
    """The app, or a clean message when it cannot start (e.g. the database not migrated yet)."""
    from reviewer.core.errors import ReviewerError
    from webui import create_app

    try:
        return create_app(config)
    except ReviewerError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@HOST
@PORT
@INSTANCE
@THREADS
@click.option("--samples", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder dokumen contoh / sample documents folder (default: samples/).")
def demo(host: str, port: int, instance: str | None, threads: int, samples: str | None) -> None:
    """MODE DEMO: dokumen contoh dan akun demo / DEMO MODE: sample documents and demo accounts."""
    from reviewer.core.settings import ROOT
    from reviewer.review.accounts import ROLE_NAMES
    from reviewer.store import records as store
    from webui import create_app

    folder = store.instance_dir(instance or "instance/demo")
    folder.mkdir(parents=True, exist_ok=True)
    store.upgrade(store.make_engine(store.sqlite_url(folder / "reviewer.sqlite3")))
    # Demo runs on plain http://localhost, so cookies cannot be Secure-only here.
    users = demo_accounts()
    app = create_app({"INSTANCE": str(folder), "DEMO": True, "SESSION_COOKIE_SECURE": False,
                      "REMEMBER_COOKIE_SECURE": False, "DEMO_USERS": users,
                      "DATABASE_URL": store.sqlite_url(folder / "reviewer.sqlite3")})
    loaded = load_demo(app, samples or str(ROOT / "samples"))
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    click.secho("=" * 64, fg="yellow")
    click.secho(" MODE DEMO / DEMO MODE — bukan untuk dokumen sungguhan / not for real documents",
                fg="yellow", bold=True)
    click.echo(f" Buka / open: {url}")
    click.echo(f" Dokumen contoh / sample documents: {loaded} (folder {folder})")
    click.echo(" Akun demo / demo accounts:")
    for u in users:
        click.echo(f"   {u['unit_name']:<38} {ROLE_NAMES[u['role']]:<10} {u['username']:<17} "
                   f"kata sandi / password: {u['password']}")
    click.secho("=" * 64, fg="yellow")
    _serve(app, host, port, threads)


def demo_accounts() -> list[dict]:
    """The demo accounts as the login page and the terminal show them (with their unit's name)."""
    from reviewer.review import demo

    plan = demo.load_plan()
    names = {u.code: u.name for u in plan.units}
    return [{"username": u.username, "password": u.password, "role": u.role, "full_name": u.full_name,
             "unit": u.unit, "unit_name": names[u.unit]} for u in plan.users]


def load_demo(app, samples: str) -> int:
    """The demo office (`reviewer.review.demo`): units, DIK, officials, accounts, and the sample documents
    in their units (once); the number of sample documents."""
    from pathlib import Path

    from reviewer.review import demo
    from webui import worker

    with app.extensions["reviewer.sessions"]() as session:
        shas = demo.build(session, Path(app.config["ORIGINALS"]), Path(samples))
        session.commit()
    worker.wake()
    return len(shas)


def _serve(app, host: str, port: int, threads: int, trusted_proxy: str | None = None) -> None:
    from waitress import serve as waitress_serve

    proxy = {"trusted_proxy": trusted_proxy, "clear_untrusted_proxy_headers": True,
             "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"}} \
        if trusted_proxy else {}
    click.echo(f"melayani / serving on http://{host}:{port}/ (Ctrl+C untuk berhenti / to stop)")
    try:
        waitress_serve(app, host=host, port=port, threads=threads, ident="ppid-reviewer", **proxy)
    except OSError as exc:
        raise click.ClickException(
            f"tidak dapat mendengarkan di {host}:{port} ({exc.strerror or exc}); port sudah dipakai? "
            f"Coba PORT lain, mis. `PORT=5001 make run` / cannot listen on {host}:{port}: port in use?") from exc
