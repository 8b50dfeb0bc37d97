"""`tracker web`: the web app, JSON API and Atom feeds (Flask under waitress).

Flask and waitress are imported inside the function, so other commands never load them.
"""

from __future__ import annotations

import argparse

from tracker.cli.common import SubParsers, common_options, settings_of


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "web",
        parents=[common_options()],
        help="serve the web app, the JSON API and the Atom feeds",
        description="The stories, each story's timeline, figures and statements, every change report, "
        "a JSON API under /api/v1 (OpenAPI at /api/v1/openapi.json) and Atom feeds under /feeds. "
        "Reading is open unless web_read_token is set; changes need the web_token setting "
        "(sign in on the page, or Authorization: Bearer on the API).",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8080, help="port (default: 8080)")
    p.set_defaults(func=cmd_web)


def cmd_web(args: argparse.Namespace) -> int:
    import sys

    from tracker.service.bootstrap import open_store
    from tracker.web.serve import address, make_server

    settings = settings_of(args)
    with open_store(settings) as store:
        server = make_server(settings, store, args.host, args.port)
        print(f"tracker web: serving at {address(server)} (Ctrl-C to stop)", file=sys.stderr)
        if not settings.web_token:
            print("tracker web: read-only (set web_token to allow changes)", file=sys.stderr)
        try:
            server.run()
        except KeyboardInterrupt:
            pass
        finally:
            server.close()
    return 0
