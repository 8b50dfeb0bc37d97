"""`tracker db upgrade | current`: the database schema (Alembic migrations)."""

from __future__ import annotations

import argparse

from tracker.cli.common import SubParsers, common_options, settings_of


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "db",
        help="manage the database schema",
        description="Migrations are applied automatically on first use; these commands run "
        "them explicitly (for deployments) and show the schema version.",
    )
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    common = common_options()
    up = dbsub.add_parser(
        "upgrade",
        parents=[common],
        help="apply pending migrations",
        description="Apply the schema migrations the database lacks (creating it if it does not exist).",
    )
    up.add_argument("revision", nargs="?", default="head", help="target revision (default: head)")
    up.set_defaults(func=cmd_upgrade)
    cur = dbsub.add_parser(
        "current",
        parents=[common],
        help="print the schema version of the database",
        description="Print the schema revision the database is at; refuses a database that does not exist.",
    )
    cur.set_defaults(func=cmd_current)


def cmd_upgrade(args: argparse.Namespace) -> int:
    from storage.engine import make_engine
    from storage.migrate import check_revision, current, upgrade

    settings = settings_of(args)
    check_revision(args.revision)  # before the engine: a typo must not create a database
    engine = make_engine(settings.resolved_database_url())
    try:
        before = current(engine)
        upgrade(engine, args.revision)
        after = current(engine)
    finally:
        engine.dispose()
    print(f"database at {after}" + (f" (was {before or 'empty'})" if before != after else " (already up to date)"))
    return 0


def cmd_current(args: argparse.Namespace) -> int:
    from storage.engine import make_engine
    from storage.migrate import current, require_file

    settings = settings_of(args)
    url = settings.resolved_database_url()
    require_file(url)  # asking must not create the file
    engine = make_engine(url)
    try:
        print(current(engine) or "empty (no migrations applied)")
    finally:
        engine.dispose()
    return 0
