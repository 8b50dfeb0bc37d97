"""`tracker config`: where settings come from and what they are now (secrets hidden)."""

from __future__ import annotations

import argparse
import os

from tracker.cli.common import SubParsers, common_options, dump_json, format_option, settings_of


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "config",
        parents=[common_options()],
        help="print the settings in effect and where they come from",
        description="Settings come from built-in defaults, then the config file (TOML), then "
        "TRACKER_* environment variables, then command-line flags. This prints the result.",
    )
    format_option(p)
    p.set_defaults(func=cmd_config)


def cmd_config(args: argparse.Namespace) -> int:
    from tracker.config import user_config_file
    from tracker.redact import redact_url

    settings = settings_of(args)
    path = args.config or (os.environ.get("TRACKER_CONFIG") or user_config_file())
    data = settings.redacted()
    data["database_url"] = redact_url(settings.resolved_database_url())  # the password is never printed
    if args.format == "json":
        dump_json({"config_file": str(path), "settings": data})
        return 0
    print(f"# config file: {path}{'' if os.path.exists(path) else ' (not present)'}")
    for name, value in data.items():
        print(f"{name} = {value!r}")
    return 0
