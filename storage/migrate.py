"""Schema migrations, run programmatically (no alembic.ini, any working directory).

`upgrade(engine)` applies what is pending; `Store.open` calls it when the database is
behind, and `tracker db upgrade` calls it explicitly. `HEAD` names the newest revision so
that opening an up-to-date database costs one query, not a walk of the scripts.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from storage.engine import writer

HEAD = "0002"
SCRIPTS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head() -> str:
    """The newest revision according to the scripts themselves (tests compare it with HEAD)."""
    found = ScriptDirectory.from_config(_config()).get_current_head()
    assert found is not None
    return found


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = _config()
    with writer(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    cfg = _config()
    with writer(engine).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def ensure_current(engine: Engine) -> None:
    """Upgrade when the database is behind (or empty)."""
    if current(engine) != HEAD:
        upgrade(engine)
