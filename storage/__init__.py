"""Storage: SQLAlchemy 2.x models, Alembic migrations and every query tracker makes.

It never imports tracker: it stores and returns plain values (storage.rows). SQLite is
the embedded default; PostgreSQL works through psycopg 3. `Store.open(url)` applies
pending migrations and returns the store.
"""

from storage.store import Store

__all__ = ["Store"]
