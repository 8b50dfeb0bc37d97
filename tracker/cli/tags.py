"""`tracker tag STORY +x -y`: add and remove a story's tags (the `--tag` filters are on each command)."""

from __future__ import annotations

import argparse

from tracker.cli.common import SubParsers, common_options, dump_json, format_option, settings_of, story_of


def register(sub: SubParsers) -> None:
    p = sub.add_parser(
        "tag",
        parents=[common_options()],
        help="add (+x) and remove (-x) tags of a story",
        description="Change a story's tags: `+x` (or plain `x`) adds, `-x` removes; with none, print "
        "them. Tags filter `list`, `digest`, `report`, alert subscriptions and feeds (`--tag`). "
        "Options such as --db go before STORY.",
    )
    format_option(p)
    p.add_argument("story", metavar="STORY")
    # REMAINDER: argparse would take `-live` for an option; options go before STORY
    p.add_argument("changes", nargs=argparse.REMAINDER, metavar="+TAG|-TAG")
    p.set_defaults(func=cmd_tag)


def cmd_tag(args: argparse.Namespace) -> int:
    from tracker.service.bootstrap import open_store
    from tracker.tags import parse_changes

    settings = settings_of(args)
    add, remove = parse_changes(args.changes) if args.changes else ((), ())
    with open_store(settings) as store:
        story = story_of(store, args.story)
        tags = (
            store.tag_story(story.id, add=add, remove=remove)
            if args.changes
            else store.story_tags([story.id]).get(story.id, ())
        )
    if args.format == "json":
        dump_json({"story": story.id, "tags": list(tags)})
    else:
        print(f"story {story.id}: {', '.join(tags) if tags else 'no tags'}")
    return 0
