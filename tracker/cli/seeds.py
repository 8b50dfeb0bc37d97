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
    s = ssub.add_parser(
        "serve",
        help="serve the seed stories",
        description="Serve the sample stories over HTTP on 127.0.0.1, moving them to their next revision "
        "by hand, on an interval or on each request.",
    )
    s.add_argument("--port", type=int, default=8765, help="port (default: 8765)")
    s.add_argument(
        "--advance",
        choices=("manual", "request", "interval"),
        default="interval",
        help="when a story moves to its next revision (default: interval)",
    )
    s.add_argument("--every", type=float, default=30.0, help="seconds per revision with --advance interval")
    s.set_defaults(func=cmd_serve)
    ls = ssub.add_parser(
        "list",
        help="list the seed stories and their revisions",
        description="The sample stories bundled with tracker, with how many revisions each has.",
    )
    ls.set_defaults(func=cmd_list)
    u = ssub.add_parser(
        "urls",
        help="print the URL of each seed story on a seed server",
        description="The URL of each sample story on a running seed server, to pass to `tracker add`.",
    )
    u.add_argument("--base", default="http://127.0.0.1:8765", help="the seed server (default: http://127.0.0.1:8765)")
    u.set_defaults(func=cmd_urls)


def cmd_serve(args: argparse.Namespace) -> int:
    from tracker.demo.server import serve_forever

    serve_forever("127.0.0.1", args.port, args.advance, args.every)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from seeds import load_stories

    for story in load_stories():
        print(f"{story.slug}: {len(story.revisions)} revisions — {story.title}")
    return 0


def cmd_urls(args: argparse.Namespace) -> int:
    from seeds import load_stories

    for story in load_stories():
        print(args.base.rstrip("/") + story.path)
    return 0
