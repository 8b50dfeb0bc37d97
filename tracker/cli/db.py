"""`tracker db upgrade | current | vacuum`: the database schema (Alembic migrations), and retention."""

from __future__ import annotations

import argparse

from tracker.cli.common import SubParsers, common_options, settings_of


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "db",
        help="manage the database: schema migrations, retention",
        description="Migrations are applied automatically on first use; these commands run "
        "them explicitly (for deployments), show the schema version, and drop old raw pages (vacuum).",
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
    vac = dbsub.add_parser(
        "vacuum",
        parents=[common],
        help="drop raw pages past the retention setting and give the space back",
        description="Drop the raw pages (not the texts, reports or events) of versions fetched longer ago "
        "than `raw_retention` (or --older-than), except each story's latest, delete suspect pages that "
        "old, then VACUUM; says what was dropped and how the database's size changed.",
    )
    vac.add_argument("--older-than", metavar="DURATION", help="instead of the raw_retention setting (e.g. 30d)")
    vac.set_defaults(func=cmd_vacuum)


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


def cmd_vacuum(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime, timedelta

    from tracker.config import format_duration, parse_duration
    from tracker.errors import UsageError
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    keep = parse_duration(args.older_than) if args.older_than else settings.raw_retention
    with open_store(settings) as store:
        before = store.database_bytes()
        dropped = None
        if keep > 0:
            dropped = store.drop_raw_pages(datetime.now(UTC) - timedelta(seconds=keep))
        elif args.older_than:
            raise UsageError("--older-than must be longer than 0s")
        store.vacuum()
        after = store.database_bytes()
    if dropped is None:
        print("raw_retention is 0 (keep every raw page): nothing dropped")
    else:
        print(
            f"dropped {dropped.raw_pages} raw page(s) older than {format_duration(keep)} "
            f"({dropped.raw_bytes / 1024:,.0f} KB stored) and {dropped.suspect_pages} suspect page(s) "
            f"({dropped.suspect_bytes / 1024:,.0f} KB); texts and reports kept"
        )
    print(f"database {before / 1024:,.0f} KB -> {after / 1024:,.0f} KB after VACUUM")
    return 0
