"""`reviewer user ...` and `reviewer db upgrade`: accounts and schema from the command line."""

from __future__ import annotations

import sys

import click

from reviewer.cli.common import INSTANCE, instance_engine, session_of, user_of


def _password(confirm: bool = True) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise click.UsageError("kata sandi kosong di stdin / empty password on standard input")
        return line
    return click.prompt("Kata sandi / password", hide_input=True, confirmation_prompt=confirm)


@click.group("user")
def user() -> None:
    """Kelola akun / manage accounts (petugas=officer, penyetuju=reviewer, admin)."""


@user.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["officer", "reviewer", "admin"]), required=True)
@click.option("--name", "full_name", default="", help="Nama lengkap / full name.")
@INSTANCE
def add(username: str, role: str, full_name: str, instance: str | None) -> None:
    """Tambah akun; kata sandi ditanya, atau dibaca dari stdin / add an account (password prompted or stdin)."""
    from reviewer.review import accounts

    with session_of(instance) as session:
        accounts.add_user(session, username, _password(), role, full_name)
    click.echo(f"akun '{username}' ({accounts.ROLE_NAMES[role]}) dibuat / created")


@user.command("passwd")
@click.argument("username")
@INSTANCE
def passwd(username: str, instance: str | None) -> None:
    """Ganti kata sandi / change a password."""
    from reviewer.review import accounts

    with session_of(instance) as session:
        accounts.set_password(session, user_of(session, username), _password())
    click.echo(f"kata sandi '{username}' diganti / password changed")


@user.command("disable")
@click.argument("username")
@INSTANCE
def disable(username: str, instance: str | None) -> None:
    """Nonaktifkan akun (riwayatnya tetap) / disable an account (its history stays)."""
    from reviewer.review import accounts

    with session_of(instance) as session:
        accounts.set_active(session, user_of(session, username), False)
    click.echo(f"akun '{username}' dinonaktifkan / disabled")


@user.command("token")
@click.argument("username")
@INSTANCE
def token(username: str, instance: str | None) -> None:
    """Buat token API baru (ditampilkan sekali) / issue a new API token (shown once)."""
    from reviewer.review import accounts

    with session_of(instance) as session:
        value = accounts.issue_token(session, user_of(session, username))
    click.echo(value)


@user.command("list")
@INSTANCE
def list_users(instance: str | None) -> None:
    """Daftar akun / list accounts."""
    from sqlalchemy import select

    from reviewer.review import accounts
    from reviewer.store import records as store

    with session_of(instance) as session:
        for u in session.scalars(select(store.User).order_by(store.User.username)):
            state = "aktif" if u.active else "nonaktif"
            click.echo(f"{u.username:<20} {accounts.ROLE_NAMES[u.role]:<10} {state:<9} {u.full_name}")


@click.group("db")
def db() -> None:
    """Basis data / database."""


@db.command("upgrade")
@INSTANCE
def upgrade(instance: str | None) -> None:
    """Buat atau perbarui skema basis data / create or migrate the database schema."""
    from reviewer.store import records as store

    engine = instance_engine(instance)
    store.upgrade(engine)
    click.echo(f"skema pada revisi / schema at revision {store.current_revision(engine)}")
