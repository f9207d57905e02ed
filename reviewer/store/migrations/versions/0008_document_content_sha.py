"""documents: the SHA-256 of the bytes apart from the document's id (one document per unit and content)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

Until now a document was its bytes: its id (`documents.sha256`) was their SHA-256, so a unit uploading a
file another unit held met that unit's document. From here on the same bytes uploaded by two units are
two documents; `content_sha` names the original in the content-addressed store, which several documents
may share. Every stored document keeps its id (and so its URLs, events and decisions): its bytes are
what its id says.
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # added in place (no table copy: on SQLite a copy of `documents` would break the foreign keys of its rows)
    op.add_column('documents', sa.Column('content_sha', sa.String(length=64), nullable=False, server_default=''))
    op.execute("UPDATE documents SET content_sha = sha256")
    op.create_index(op.f('ix_documents_content_sha'), 'documents', ['content_sha'], unique=False)


def downgrade() -> None:
    """Only while every document is still named by its bytes: a second unit's copy cannot be one row."""
    shared = op.get_bind().execute(sa.text("SELECT count(*) FROM documents WHERE sha256 <> content_sha")).scalar()
    if shared:
        raise RuntimeError(f"{shared} dokumen tidak bernama SHA-256 isinya; turun ke 0007 akan memutus berkas "
                           f"aslinya / {shared} documents are not named by the SHA-256 of their bytes: "
                           "downgrading to 0007 would lose their originals")
    op.drop_index(op.f('ix_documents_content_sha'), table_name='documents')
    op.execute("ALTER TABLE documents DROP COLUMN content_sha")  # in place, as it was added
