"""What the command groups share: the --instance option, a database session, looking up a user."""

from __future__ import annotations

from contextlib import contextmanager

import click

from reviewer.core.errors import ReviewerError

INSTANCE = click.option("--instance", type=click.Path(file_okay=False),
                        help="Folder instance (basis data, berkas asli) / instance folder "
                             "(default: $REVIEWER_INSTANCE or ./instance). DATABASE_URL wins for the database.")


def instance_engine(instance: str | None):
    """The engine of the instance's database ($DATABASE_URL or the SQLite file in the instance folder)."""
    from reviewer.store import records as store

    folder = store.instance_dir(instance)
    folder.mkdir(parents=True, exist_ok=True)
    return store.make_engine(store.database_url(folder))


def open_session(instance: str | None):
    """A session on the instance's database, which must be migrated (`reviewer db upgrade`)."""
    from reviewer.store import records as store

    engine = instance_engine(instance)
    try:
        store.require_schema(engine)
    except ReviewerError as exc:
        raise click.ClickException(str(exc)) from exc
    return store.session_factory(engine)()


@contextmanager
def session_of(instance: str | None):
    """A session that commits at the end, turning library errors into clean messages."""
    with open_session(instance) as session:
        try:
            yield session
            session.commit()
        except ReviewerError as exc:
            session.rollback()
            raise click.ClickException(str(exc)) from exc


def user_of(session, username: str):
    from reviewer.review import accounts

    user = accounts.get(session, username)
    if user is None:
        raise click.ClickException(f"pengguna tidak dikenal / unknown user: {username}")
    return user


def database_arg(db: str) -> str:
    """A `--db` value as a database URL: a URL as given, a file path as its SQLite URL."""
    from reviewer.store import records as store

    return db if "://" in db else store.sqlite_url(db)
