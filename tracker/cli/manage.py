"""`tracker remove | pause | resume`: commands that end or suspend the tracking of stories.

`remove` deletes a story's whole history, so it asks first (`--yes` skips; with no terminal
to ask on, it refuses without `--yes`). `pause` keeps the history and stops the checks.
The word for this is "deleted": "removed" is what tracker says of an article taken down.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tracker.cli.common import SubParsers, common_options, settings_of, story_of
from tracker.errors import UsageError

if TYPE_CHECKING:
    from storage.rows import StoryRow


def register(sub: SubParsers) -> None:
    common = common_options()
    p = sub.add_parser(
        "remove",
        parents=[common],
        help="stop tracking a story and delete its whole history",
        description="Delete stories with every stored version, change report and event. Asks first "
        "(--yes to skip; without a terminal, --yes is required). To stop checking a story and keep "
        "its history, use `tracker pause`.",
    )
    p.add_argument("stories", nargs="+", metavar="STORY")
    p.add_argument("--yes", "-y", action="store_true", help="delete without asking")
    p.set_defaults(func=cmd_remove)

    for name, verb, text in (
        ("pause", "stop checking", "Stop checking stories, keeping their history; `tracker resume` starts again."),
        ("resume", "start checking again", "Check paused stories again, starting now."),
    ):
        p = sub.add_parser(name, parents=[common], help=f"{verb} stories (history kept)", description=text)
        p.add_argument("stories", nargs="+", metavar="STORY")
        p.set_defaults(func=cmd_pause if name == "pause" else cmd_resume)


def cmd_remove(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        stories = [story_of(store, ref) for ref in args.stories]
        if not args.yes:
            _confirm(stories)
        for s in stories:
            store.remove_story(s.id)
            # "deleted", never "removed": that word is for an article its site took down
            print(f"deleted story {s.id} ({s.url}) and its {s.version_count} version(s)")
    return 0


def _confirm(stories: list[StoryRow]) -> None:
    versions = sum(s.version_count for s in stories)
    what = f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'} ({', '.join(str(s.id) for s in stories)})"
    if not sys.stdin.isatty():
        raise UsageError(f"not deleting {what} without confirmation: add --yes (or use tracker pause)")
    answer = input(f"Delete {what} and all {versions} stored version(s)? This cannot be undone. [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        raise UsageError("nothing deleted")


def cmd_pause(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    with open_store(settings) as store:
        for s in [story_of(store, ref) for ref in args.stories]:
            store.update_story(s.id, active=False, status="paused", next_check_at=None)
            print(f"paused story {s.id} ({s.url}); its {s.version_count} version(s) are kept")
    return 0


def cmd_resume(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store

    settings = settings_of(args)
    now = datetime.now(UTC)
    with open_store(settings) as store:
        for s in [story_of(store, ref) for ref in args.stories]:
            store.update_story(s.id, active=True, status="active", next_check_at=now, consecutive_failures=0)
            print(f"resumed story {s.id} ({s.url}): checked from now on")
    return 0
