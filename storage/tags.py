"""Tags: labels a desk puts on stories (`gaza`, `live`) and that a feed gives the stories it adds.

Tags are stored as given; tracker.tags decides what a valid tag is. Filters take several
tags and match a story that has any of them, the way alert keywords match.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.errors import NotFound
from storage.schema import Feed, FeedTag, Story, StoryTag


class TagQueries:
    """Mixed into Store, which provides the sessions."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def tag_story(self, story_id: int, add: Iterable[str] = (), remove: Iterable[str] = ()) -> tuple[str, ...]:
        """Add and remove tags of one story (one transaction); returns its tags, sorted."""
        add, remove = set(add), set(remove)
        with self._write() as s:
            if s.get(Story, story_id) is None:
                raise NotFound("story", story_id)
            have = set(s.execute(select(StoryTag.tag).where(StoryTag.story_id == story_id)).scalars())
            if remove & have:
                s.execute(delete(StoryTag).where(StoryTag.story_id == story_id, StoryTag.tag.in_(remove & have)))
            s.add_all(StoryTag(story_id=story_id, tag=t) for t in sorted(add - have - remove))
            return tuple(sorted((have | add) - remove))

    def story_tags(self, story_ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
        """The tags of these stories (of every story when None); a story without tags is left out."""
        query = select(StoryTag.story_id, StoryTag.tag).order_by(StoryTag.story_id, StoryTag.tag)
        if story_ids is not None:
            query = query.where(StoryTag.story_id.in_(list(story_ids)))
        out: dict[int, list[str]] = {}
        with self._read() as s:
            for story_id, tag in s.execute(query):
                out.setdefault(story_id, []).append(tag)
        return {k: tuple(v) for k, v in out.items()}

    def tagged_stories(self, tags: Iterable[str]) -> set[int]:
        """The ids of stories that have any of these tags."""
        with self._read() as s:
            query = select(StoryTag.story_id).where(StoryTag.tag.in_(list(tags))).distinct()
            return set(s.execute(query).scalars())

    def set_feed_tags(self, feed_id: int, tags: Iterable[str]) -> tuple[str, ...]:
        """Replace a feed's tags; returns them, sorted."""
        wanted = sorted(set(tags))
        with self._write() as s:
            if s.get(Feed, feed_id) is None:
                raise NotFound("feed", feed_id)
            s.execute(delete(FeedTag).where(FeedTag.feed_id == feed_id))
            s.add_all(FeedTag(feed_id=feed_id, tag=t) for t in wanted)
            return tuple(wanted)

    def feed_tags(self) -> dict[int, tuple[str, ...]]:
        """Every feed's tags; a feed without tags is left out."""
        out: dict[int, list[str]] = {}
        with self._read() as s:
            for feed_id, tag in s.execute(select(FeedTag.feed_id, FeedTag.tag).order_by(FeedTag.feed_id, FeedTag.tag)):
                out.setdefault(feed_id, []).append(tag)
        return {k: tuple(v) for k, v in out.items()}
