"""units, memberships, document units, DIK rows

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

The organisation tree (PPID utama / pembantu), per-unit lists and box labels, users' roles per unit,
the unit of each document, and each unit's DIK (Daftar Informasi yang Dikecualikan).
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('ppid', sa.String(length=10), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_units_parent_id'), ['parent_id'], unique=False)

    op.create_table('dik_rows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('group_name', sa.String(length=300), nullable=False),
    sa.Column('information', sa.Text(), nullable=False),
    sa.Column('basis_text', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('if_opened', sa.Text(), nullable=False),
    sa.Column('if_closed', sa.Text(), nullable=False),
    sa.Column('duration_kind', sa.String(length=20), nullable=False),
    sa.Column('duration_months', sa.Integer(), nullable=True),
    sa.Column('duration_text', sa.String(length=300), nullable=False),
    sa.Column('counted_from', sa.String(length=10), nullable=False),
    sa.Column('decree_number', sa.String(length=120), nullable=False),
    sa.Column('decree_date', sa.Date(), nullable=True),
    sa.Column('decree_official', sa.String(length=300), nullable=False),
    sa.Column('decree_place', sa.String(length=120), nullable=False),
    sa.Column('holder', sa.String(length=300), nullable=False),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('labels', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dik_rows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dik_rows_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_dik_rows_unit_id'), ['unit_id'], unique=False)

    op.create_table('unit_box_labels',
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('basis', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], ),
    sa.PrimaryKeyConstraint('unit_id', 'basis')
    )
    op.create_table('unit_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('user_id', 'unit_id')
    )
    with op.batch_alter_table('unit_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_members_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_members_user_id'), ['user_id'], unique=False)

    op.create_table('unit_terms',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('unit_id', 'kind', 'value')
    )
    with op.batch_alter_table('unit_terms', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_terms_unit_id'), ['unit_id'], unique=False)

    op.create_table('document_units',
    sa.Column('document_sha', sa.String(length=64), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_sha'], ['documents.sha256'], ),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], ),
    sa.PrimaryKeyConstraint('document_sha')
    )
    with op.batch_alter_table('document_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_units_unit_id'), ['unit_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('document_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_units_unit_id'))

    op.drop_table('document_units')
    with op.batch_alter_table('unit_terms', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_terms_unit_id'))

    op.drop_table('unit_terms')
    with op.batch_alter_table('unit_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_members_user_id'))
        batch_op.drop_index(batch_op.f('ix_unit_members_unit_id'))

    op.drop_table('unit_members')
    op.drop_table('unit_box_labels')
    with op.batch_alter_table('dik_rows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dik_rows_unit_id'))
        batch_op.drop_index(batch_op.f('ix_dik_rows_status'))

    op.drop_table('dik_rows')
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_units_parent_id'))

    op.drop_table('units')
