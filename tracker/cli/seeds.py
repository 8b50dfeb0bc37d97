"""`tracker seeds serve | list`: the sample developing stories, replayed by a local server."""

from __future__ import annotations

import argparse

from tracker.cli.common import SubParsers


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "seeds",
        help="serve the sample stories locally (for demos and tests)",
        description="The sample developing stories in seeds/, each a sequence of whole news pages, "
        "served on 127.0.0.1 with ETags; a story moves to its next revision per request, per "
        "interval, or when told to (/_control/advance).",
    )
    ssub = p.add_subparsers(dest="seeds_command", metavar="ACTION", required=True)
    s = ssub.add_parser("serve", help="serve the seed stories")
    s.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default: 8765)")
    s.add_argument(
        "--advance",
        choices=("manual", "request", "interval"),
        default="interval",
        help="when a story moves to its next revision (default: interval)",
    )
    s.add_argument("--every", type=float, default=30.0, help="seconds per revision with --advance interval")
    s.set_defaults(func=cmd_serve)
    ls = ssub.add_parser("list", help="list the seed stories and their revisions")
    ls.set_defaults(func=cmd_list)


def cmd_serve(args: argparse.Namespace) -> int:
    from tracker.seedserver import serve_forever

    serve_forever("127.0.0.1", args.port, args.advance, args.every)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from seeds import load_stories

    for story in load_stories():
        print(f"{story.slug}: {len(story.revisions)} revisions — {story.title}")
    return 0
