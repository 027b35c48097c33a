"""The store's schema migrations (Alembic): ``env.py`` and ``versions/``, run by
:mod:`signaling.store_migrations`. Package data, so operators need no ``alembic.ini``."""
