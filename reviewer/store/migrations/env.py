"""Alembic environment: run with the connection `reviewer.store.records.upgrade` passes in, or with the URL
in DATABASE_URL when Alembic is run by hand (`alembic -c reviewer/migrations/alembic.ini ...`)."""

import os

from alembic import context

from reviewer.store.records import Base, make_engine

config = context.config


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    with make_engine(os.environ["DATABASE_URL"]).begin() as conn:
        run(conn)
