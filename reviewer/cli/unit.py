"""`reviewer unit ...`: the organisation tree, members and per-unit lists from the command line."""

from __future__ import annotations

import click

from reviewer.cli.common import INSTANCE, session_of, user_of
from reviewer.core.units import KINDS, PPID_LEVELS, Unit


@click.group("unit")
def unit() -> None:
    """Unit organisasi: PPID utama dan pembantu / organisation units (PPID utama and pembantu)."""


@unit.command("add")
@click.argument("code")
@click.argument("name")
@click.option("--kind", type=click.Choice(list(KINDS)), default="dinas", show_default=True)
@click.option("--parent", help="Kode unit induk / parent unit code.")
@click.option("--ppid", type=click.Choice([k for k in PPID_LEVELS if k]), default="pembantu", show_default=True)
@INSTANCE
def add(code: str, name: str, kind: str, parent: str | None, ppid: str, instance: str | None) -> None:
    """Tambah unit / add a unit (e.g. `reviewer unit add dinkes "Dinas Kesehatan" --parent kota`)."""
    from reviewer.store import units as unitstore

    with session_of(instance) as session:
        unitstore.add_unit(session, Unit(code, name, kind, parent, ppid))
    click.echo(f"unit '{code}' dibuat / created")


@unit.command("edit")
@click.argument("code")
@click.option("--name")
@click.option("--kind", type=click.Choice(list(KINDS)))
@click.option("--parent", help="Kode unit induk baru; '' untuk akar / new parent code; '' for a root.")
@click.option("--ppid", type=click.Choice(list(PPID_LEVELS)))
@INSTANCE
def edit(code: str, name, kind, parent, ppid, instance) -> None:
    """Ubah unit / change a unit."""
    from reviewer.store import units as unitstore

    with session_of(instance) as session:
        changes = {"name": name, "kind": kind, "ppid": ppid}
        if parent is not None:
            changes["parent"] = parent or ""
        unitstore.update_unit(session, code, **changes)
    click.echo(f"unit '{code}' diubah / changed")


@unit.command("list")
@INSTANCE
def list_units(instance: str | None) -> None:
    """Pohon unit dengan anggotanya / the unit tree with members."""
    from reviewer.store import units as unitstore

    with session_of(instance) as session:
        tree = unitstore.load_tree(session)
        if not tree.units:
            click.echo("belum ada unit / no units yet")
        for depth, u in tree.walk():
            ppid = f" [{PPID_LEVELS[u.ppid]}]" if u.ppid else ""
            people = ", ".join(f"{m.username} ({role})" for m, role in unitstore.members(session, u.code))
            click.echo(f"{'  ' * depth}{u.code:<20} {u.name} — {u.kind_name}{ppid}" + (f": {people}" if people else ""))


@unit.command("member")
@click.argument("username")
@click.argument("code")
@click.option("--role", type=click.Choice(["officer", "reviewer", "admin"]), help="Peran di unit / role in the unit.")
@click.option("--remove", is_flag=True, help="Cabut keanggotaan / remove the membership.")
@INSTANCE
def member(username: str, code: str, role: str | None, remove: bool, instance: str | None) -> None:
    """Tetapkan peran pengguna di unit / give a user a role in a unit."""
    from reviewer.store import units as unitstore

    if not remove and role is None:
        raise click.UsageError("beri --role atau --remove / give --role or --remove")
    with session_of(instance) as session:
        user = user_of(session, username)
        if remove or role is None:  # no role means --remove (checked above)
            done = unitstore.remove_member(session, user, code)
            click.echo("dicabut / removed" if done else "bukan anggota / not a member")
        else:
            unitstore.set_member(session, user, code, role)
            click.echo(f"{username}: {role} di / in {code}")


@unit.command("term")
@click.argument("code")
@click.argument("kind", type=click.Choice(["official", "allow", "deny", "contact"]))
@click.argument("value")
@click.option("--remove", is_flag=True)
@INSTANCE
def term(code: str, kind: str, value: str, remove: bool, instance: str | None) -> None:
    """Pejabat / daftar izin / daftar tolak / kontak resmi unit (diwarisi unit di bawahnya) / a unit's
    officials, allow and deny terms and own published contacts (inherited by the units below)."""
    from reviewer.store import units as unitstore

    with session_of(instance) as session:
        done = (unitstore.remove_term if remove else unitstore.add_term)(session, code, kind, value)
    click.echo(("dihapus / removed" if remove else "ditambah / added") if done else "tidak berubah / unchanged")


@unit.command("label")
@click.argument("code")
@click.argument("basis")
@click.argument("text")
@INSTANCE
def label(code: str, basis: str, text: str, instance: str | None) -> None:
    """Kode pada kotak hitam untuk suatu dasar ('' = warisan) / box label for a basis ('' = inherited)."""
    from reviewer.store import units as unitstore

    with session_of(instance) as session:
        unitstore.set_box_label(session, code, basis, text)
    click.echo(f"{code}: {basis} = {text or '(warisan / inherited)'}")


@unit.command("settings")
@click.argument("code")
@INSTANCE
def settings(code: str, instance: str | None) -> None:
    """Daftar yang berlaku untuk unit dan asalnya / the unit's effective lists and where they come from."""
    from reviewer.core.settings import from_env
    from reviewer.store import units as unitstore

    with session_of(instance) as session:
        origins = unitstore.load_tree(session).origins(code, from_env())
    for name, items in origins.items():
        click.secho(name, bold=True)
        for o in items:
            click.echo(f"  {o.value}  ← {o.unit or 'instansi / instance'}")


@unit.command("assign")
@click.argument("sha256", metavar="DOKUMEN")
@click.argument("code")
@INSTANCE
def assign(sha256: str, code: str, instance: str | None) -> None:
    """Masukkan dokumen (id-nya, seperti di URL /documents/<id>) ke unit / put a stored document (its id, as
    in its URL) in a unit."""
    from reviewer.store import records as store
    from reviewer.store import units as unitstore

    with session_of(instance) as session:
        if session.get(store.DocumentRecord, sha256) is None:
            raise click.ClickException(f"dokumen tidak dikenal / unknown document: {sha256}")
        unitstore.assign_document(session, sha256, code)
    click.echo(f"{sha256[:12]}… → {code}")
