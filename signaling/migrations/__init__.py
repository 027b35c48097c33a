"""The store's schema migrations (Alembic): ``env.py`` and ``versions/``, run by
:mod:`signaling.store_migrations`. Package data, so operators need no ``alembic.ini``.

A change to the models (``store_tables.py``, ``store_booking_tables.py``, a new table module) needs
a revision, or ``tests/signaling/test_store_migrations.py`` fails on both databases:

    .venv/bin/python -m signaling.store_migrations "what changed"

writes ``versions/NNNN_what_changed.py`` from the difference; read it, ``ruff format`` it, add what
SQLite cannot show (``postgresql_where`` of a partial index; a rename is not a drop and an add),
and never edit a revision that has been released: add another.
"""
