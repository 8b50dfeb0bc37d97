"""One check of one story: fetch -> extract -> compare -> store. No SQL here.

`Checker.run(story, now)` is a plain function of a story and a time (its collaborators
injected), so the service, `tracker check` and a future distributed worker run the same
code. Normal outcomes are return values: the page was not modified (304), the page or the
article did not change, a new version was stored (with its change report and event, in
one transaction), the article was taken down (404/410 after versions exist). A failure is
recorded on the story (its message, the count of failures in a row, a backed-off next
check) and returned, never raised, and never stores half a version.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from tracker.engine.model import Article
from tracker.engine.text import fingerprint
from tracker.errors import Abandoned, ExtractError, FetchError, Gone, HTTPStatusError, TrackerError
from tracker.fetch.suspect import Previous, Suspect, judge
from tracker.fetch.workers import SuspectPage
from tracker.service import schedule

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import CheckUpdate, StoryRow, VersionRow
    from tracker.engine.model import ChangeReport
    from tracker.fetch.client import Fetched, Fetcher
    from tracker.fetch.workers import Page

log = logging.getLogger("tracker.check")

OutcomeKind = Literal[
    "first", "changed", "unchanged", "not_modified", "failed", "gone", "superseded", "abandoned", "suspect"
]
CONFLICT_RETRIES = 3


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one check did."""

    story_id: int
    url: str
    kind: OutcomeKind
    seq: int | None = None  # the version stored, for first/changed
    summary: str | None = None
    error: str | None = None
    duration: float = 0.0
    next_check_at: datetime | None = None
    status: str = "active"
    recorded: bool = True  # False: the database refused to record this check (see Service)

    @property
    def ok(self) -> bool:
        return self.kind != "failed"

    def line(self) -> str:
        """One log line: story, outcome, what happened, duration, next check."""
        what = {
            "first": f"stored version {self.seq}",
            "changed": f"stored version {self.seq}: {self.summary}",
            "unchanged": "no change",
            "not_modified": "not modified (304)",
            "failed": f"failed: {self.error}",
            "gone": "article removed (404/410)",
            "superseded": "a later check of this story stored a newer version first; nothing stored",
            "abandoned": "abandoned at shutdown; nothing recorded, checked at the next start",
            "suspect": f"suspect page, not stored: {self.error}",
        }[self.kind]
        nxt = self.next_check_at.strftime("%Y-%m-%d %H:%M:%S") if self.next_check_at else "not scheduled"
        return f"story {self.story_id} {self.url}: {what} ({self.duration * 1000:.0f} ms; next check {nxt})"


def article_of(version: VersionRow) -> Article:
    """The Article a stored version holds."""
    paragraphs = tuple(p for p in version.text.split("\n\n") if p)
    return Article(version.headline or "", paragraphs, version.byline, version.published, version.modified)


@dataclass
class Checker:
    store: Store
    fetcher: Fetcher
    # (body, url, known page hash, charset, the story's select and ignore CSS) -> Page
    read_page: Callable[[bytes, str, str | None, str | None, str | None, str | None], Page]
    policy: schedule.Policy
    rng: random.Random
    # compare(old, new) within a time budget, None past it (Extraction.compare); None: inline, no budget
    compare_within: Callable[[Article, Article], ChangeReport | None] | None = None

    def run(self, story: StoryRow, now: datetime) -> Outcome:
        started = time.perf_counter()
        try:
            outcome = self._check(story, now)
        except Abandoned as exc:  # shutting down: not the story's failure; it stays due as it was
            outcome = Outcome(story.id, story.url, "abandoned", error=str(exc))
        except (FetchError, ExtractError) as exc:
            outcome = self._failed(story, now, exc)
        except TrackerError as exc:
            outcome = self._failed(story, now, exc)
        except Exception as exc:  # a bug must not stop the service or lose the story
            if _is_database_error(exc):
                # The store refused (read-only file, database down): recording the failure
                # would fail the same way. The service backs off and says so once.
                outcome = Outcome(story.id, story.url, "failed", error=_database_message(exc), recorded=False)
            else:
                log.exception("unexpected error checking story %s (%s)", story.id, story.url)
                outcome = self._failed(story, now, exc, prefix="unexpected error (see the log): ")
        return _with_duration(outcome, time.perf_counter() - started)

    # --- the flow -------------------------------------------------------------------------

    def _check(self, story: StoryRow, now: datetime) -> Outcome:
        from tracker.fetch.client import NotModified

        try:
            fetched = self.fetcher.get(story.url, etag=story.etag, last_modified=story.last_modified)
        except Gone as exc:
            if story.latest_seq:
                return self._gone(story, now, exc)
            raise
        if isinstance(fetched, NotModified):
            return self._unchanged(
                story,
                now,
                "not_modified",
                etag=fetched.etag or story.etag,
                last_modified=fetched.last_modified or story.last_modified,
                body_hash=story.body_hash,
            )
        try:
            page = self.read_page(
                fetched.body,
                fetched.final_url,
                story.body_hash if story.latest_seq else None,
                fetched.charset,
                story.select_css,
                story.ignore_css,
            )
        except SuspectPage as exc:
            if not story.latest_seq:
                raise  # a first fetch: fail, saying why (JavaScript-only page, consent wall, not found)
            return self._suspect(story, now, fetched, Suspect(exc.kind, "no article text"), 0)
        if page.article is None:
            return self._unchanged(
                story,
                now,
                "unchanged",
                etag=fetched.etag,
                last_modified=fetched.last_modified,
                body_hash=page.page_hash,
            )
        article = page.article
        if not article.paragraphs and not article.headline:
            raise ExtractError(f"no article text found at {story.url}")
        content_hash = fingerprint(article)
        latest = self.store.latest_version(story.id)
        if latest is None or latest.content_hash != content_hash:
            verdict = judge(article, page.signals, _previous(latest))
            if verdict is not None and not (verdict.shrink and story.accept_short):
                if latest is None:
                    raise ExtractError(f"{story.url}: {verdict.reason}; nothing stored (is this the article's URL?)")
                return self._suspect(story, now, fetched, verdict, sum(len(p.split()) for p in article.paragraphs))
        for _ in range(CONFLICT_RETRIES):
            if latest is not None and latest.fetched_at > now:
                # Another check of this story (`tracker check` beside `tracker run`) fetched
                # after this one and stored first: this page is older than what is stored.
                return self._superseded(story)
            if latest is not None and latest.content_hash == content_hash:
                return self._unchanged(
                    story,
                    now,
                    "unchanged",
                    etag=fetched.etag,
                    last_modified=fetched.last_modified,
                    body_hash=page.page_hash,
                )
            saved = self._save(story, now, latest, article, content_hash, fetched, page.page_hash)
            if saved is not None:
                return saved
            latest = self.store.latest_version(story.id)  # someone stored a version meanwhile
        raise TrackerError(f"story {story.id} kept changing under concurrent checks; it will be checked again")

    def _save(
        self,
        story: StoryRow,
        now: datetime,
        latest: VersionRow | None,
        article: Article,
        content_hash: str,
        fetched: object,
        page_hash: str,
    ) -> Outcome | None:
        from storage.rows import AlreadyStored, Conflict, NewChange, NewVersion, Saved, Superseded
        from tracker.engine.compare import compare
        from tracker.reports.phrases import summary as summarise
        from tracker.reports.wire import to_wire

        change = None
        line = None
        if latest is not None:
            previous = article_of(latest)
            report = self.compare_within(previous, article) if self.compare_within else compare(previous, article)
            note = None
            if report is None:  # past the budget: the version is stored, its report says only that
                report = _text_only(previous, article)
                note = "the diff engine ran out of time (compare_budget): figures and statements were not read"
            line = summarise(report) if note is None else f"text changed; {note}"
            wire = json.loads(json.dumps(to_wire(report, line)))
            if note is not None:
                wire["note"] = note
            earlier = self.store.version_with_content(story.id, content_hash)
            if earlier is not None:  # A -> B -> A: say so, and still store the version
                line = f"back to the text of version {earlier}; {line}"
                wire["summary"] = line
                wire["reverted_to"] = earlier
            change = NewChange(report=wire, summary=line)
        nxt = schedule.after_change(self.policy, now, self.rng, story.every_seconds)
        update = self._update(
            story,
            now,
            "first" if latest is None else "changed",
            nxt,
            etag=getattr(fetched, "etag", None),
            last_modified=getattr(fetched, "last_modified", None),
            body_hash=page_hash,
            changed=True,
        )
        version = NewVersion(
            fetched_at=now,
            content_hash=content_hash,
            headline=article.headline,
            byline=article.byline,
            published=article.published,
            modified=article.modified,
            text=article.text,
            html=getattr(fetched, "body", b""),
            http_status=getattr(fetched, "status", 200),
            final_url=getattr(fetched, "final_url", story.url),
            headers=getattr(fetched, "headers", None),
        )
        result = self.store.save_version(story.id, latest.seq if latest else None, version, change, update)
        if isinstance(result, Conflict):
            return None  # re-read the latest version and compare again
        if isinstance(result, Superseded):
            return self._superseded(story)
        if isinstance(result, AlreadyStored):
            return Outcome(story.id, story.url, "unchanged", next_check_at=nxt.at, status=nxt.status)
        assert isinstance(result, Saved)
        kind: OutcomeKind = "first" if latest is None else "changed"
        return Outcome(
            story.id, story.url, kind, seq=result.version.seq, summary=line, next_check_at=nxt.at, status=nxt.status
        )

    # --- outcomes without a version --------------------------------------------------------

    def _suspect(self, story: StoryRow, now: datetime, fetched: Fetched, verdict: Suspect, words: int) -> Outcome:
        """No version, no event: the reason and the raw page are kept on the story. The last good
        page's validators and hash stay, so the next fetch is judged afresh, not taken as unchanged."""
        from storage.rows import NewSuspect

        nxt = self._next_unchanged(story, now)
        update = self._update(
            story,
            now,
            "suspect",
            nxt,
            etag=story.etag,
            last_modified=story.last_modified,
            body_hash=story.body_hash,
            suspect=verdict.reason,
        )
        page = NewSuspect(verdict.kind, verdict.reason, words, fetched.body, fetched.final_url, fetched.status)
        self.store.record_suspect(story.id, update, page)
        log.warning("story %s %s: %s; no version stored", story.id, story.url, verdict.reason)
        return Outcome(story.id, story.url, "suspect", error=verdict.reason, next_check_at=nxt.at, status=nxt.status)

    def _next_unchanged(self, story: StoryRow, now: datetime) -> schedule.Next:
        """When to look again after a check that stored nothing new."""
        return schedule.after_unchanged(
            self.policy,
            story.interval_seconds,
            now,
            story.last_changed_at or story.added_at,
            self.rng,
            story.every_seconds,
        )

    def _superseded(self, story: StoryRow) -> Outcome:
        """Nothing is written: the newer check recorded the story's state along with its version."""
        log.info("story %s: a later check stored a newer version first; this older fetch is dropped", story.id)
        return Outcome(story.id, story.url, "superseded")

    def _unchanged(
        self,
        story: StoryRow,
        now: datetime,
        kind: OutcomeKind,
        *,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
    ) -> Outcome:
        nxt = self._next_unchanged(story, now)
        update = self._update(story, now, kind, nxt, etag=etag, last_modified=last_modified, body_hash=body_hash)
        self.store.record_check(story.id, update)
        return Outcome(story.id, story.url, kind, next_check_at=nxt.at, status=nxt.status)

    def _gone(self, story: StoryRow, now: datetime, exc: Gone) -> Outcome:
        nxt = self._next_unchanged(story, now)
        update = self._update(story, now, "gone", nxt, etag=None, last_modified=None, body_hash=None, status="removed")
        self.store.record_gone(story.id, update, exc.status)
        return Outcome(story.id, story.url, "gone", error=str(exc), next_check_at=nxt.at, status="removed")

    def _failed(self, story: StoryRow, now: datetime, exc: BaseException, prefix: str = "") -> Outcome:
        failures = story.consecutive_failures + 1
        retry_after = getattr(exc, "retry_after", None)
        nxt = schedule.after_failure(
            self.policy,
            story.interval_seconds,
            failures,
            now,
            self.rng,
            retry_after=retry_after if isinstance(retry_after, int | float) else None,
            every=story.every_seconds,
        )
        message = prefix + (str(exc) or type(exc).__name__)
        if isinstance(exc, HTTPStatusError) and not str(exc):
            message = f"HTTP {exc.status}"
        update = self._update(
            story,
            now,
            "failed",
            nxt,
            etag=story.etag,
            last_modified=story.last_modified,
            body_hash=story.body_hash,
            error=message,
            failures=failures,
        )
        recorded = True
        try:
            self.store.record_check(story.id, update)
        except Exception as db_exc:  # the database itself failed: the service backs off and says so
            if not _is_database_error(db_exc):
                log.exception("could not record the failure of story %s", story.id)
            recorded = False
        return Outcome(
            story.id, story.url, "failed", error=message, next_check_at=nxt.at, status=nxt.status, recorded=recorded
        )

    def _update(
        self,
        story: StoryRow,
        now: datetime,
        outcome: str,
        nxt: schedule.Next,
        *,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
        error: str | None = None,
        failures: int = 0,
        changed: bool = False,
        status: str | None = None,
        suspect: str | None = None,
    ) -> CheckUpdate:
        from storage.rows import CheckUpdate

        if status is None:
            status = nxt.status
            if story.status == "removed" and outcome in ("unchanged", "not_modified"):
                status = "removed"
        return CheckUpdate(
            checked_at=now,
            outcome=outcome,
            next_check_at=nxt.at,
            interval_seconds=nxt.interval,
            etag=etag,
            last_modified=last_modified,
            body_hash=body_hash,
            consecutive_failures=failures,
            last_error=error,
            status=status,
            changed_at=now if changed else None,
            suspect=suspect,
        )


def _text_only(old: Article, new: Article) -> ChangeReport:
    """A report of the headline and nothing else read: what a check stores when the diff
    engine ran out of time (the texts are in the versions themselves)."""
    from tracker.engine.model import ChangeReport, HeadlineChange

    headline = None if old.headline == new.headline else HeadlineChange(old.headline, new.headline, ())
    return ChangeReport(headline=headline)


def _previous(latest: VersionRow | None) -> Previous | None:
    if latest is None:
        return None
    paragraphs = tuple(p for p in latest.text.split("\n\n") if p)
    return Previous(sum(len(p.split()) for p in paragraphs), paragraphs)


def _is_database_error(exc: BaseException) -> bool:
    """An error of the database itself (SQLAlchemy's tree), not of the story or of our code."""
    from sqlalchemy.exc import SQLAlchemyError

    return isinstance(exc, SQLAlchemyError)


def _database_message(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split()) or type(orig).__name__
    return f"the database refused to record this check: {text[:200]}"


def _with_duration(outcome: Outcome, seconds: float) -> Outcome:
    from dataclasses import replace

    return replace(outcome, duration=seconds)
