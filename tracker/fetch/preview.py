"""`tracker try URL`: what tracking a page would store, read once and stored nowhere.

The page goes through what a first check does: the same Fetcher (private-address guard,
size cap, deadline), the same extraction (with the story selectors the user is trying),
and the same suspect-page rules, whose verdict becomes a warning here instead of a
failure. The figures and statements are the ones the diff engine would read. The site's
robots.txt is read too (through the same Fetcher), only to warn: tracker fetches the
pages a desk names, as a reader's browser would, and does not crawl.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.engine.figures.read import figures
from tracker.engine.model import Article, Figure, Statement
from tracker.engine.statements.read import extract
from tracker.engine.text import sentences
from tracker.errors import BadResponse
from tracker.fetch.suspect import REASONS, judge
from tracker.fetch.workers import SuspectPage, read_page

if TYPE_CHECKING:
    from tracker.fetch.client import Fetcher


@dataclass(frozen=True, slots=True)
class Preview:
    url: str
    final_url: str
    http_status: int
    content_type: str
    page_bytes: int
    article: Article | None  # None: no article could be read (see warnings)
    figures: tuple[Figure, ...]
    statements: tuple[Statement, ...]
    warnings: tuple[str, ...]


def article_figures(article: Article) -> tuple[Figure, ...]:
    """Every figure of the headline and the body, sentence by sentence, as the engine reads them."""
    found: list[Figure] = list(figures(article.headline)) if article.headline else []
    for paragraph in article.paragraphs:
        for sentence in sentences(paragraph):
            found += figures(sentence)
    return tuple(found)


def robots_warning(fetcher: Fetcher, url: str) -> str | None:
    """A warning when the site's robots.txt asks tracker's user agent not to fetch `url`;
    None when it allows it, or has none, or cannot be read (that is no reason to warn)."""
    from urllib.parse import urlsplit, urlunsplit
    from urllib.robotparser import RobotFileParser

    from tracker.errors import FetchError
    from tracker.fetch.client import NotModified

    parts = urlsplit(url)
    robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    try:
        fetched = fetcher.get(robots_url)
    except FetchError:
        return None
    if isinstance(fetched, NotModified):
        return None
    rules = RobotFileParser()
    rules.parse(fetched.text.splitlines())
    agent = fetcher.settings.user_agent
    if rules.can_fetch(agent, url):
        return None
    return f"the site's robots.txt asks {agent.split('/')[0]} not to fetch this page (tracker fetches it if you add it)"


def preview(fetcher: Fetcher, url: str, select: str | None = None, ignore: str | None = None) -> Preview:
    """Fetch `url` once and read it as a first check would. Fetch errors raise as in a check."""
    from tracker.fetch.client import NotModified

    fetched = fetcher.get(url)
    if isinstance(fetched, NotModified):  # no validators were sent, so a server answering 304 is broken
        raise BadResponse(url, "answered 304 Not Modified to a request that named no version")
    warnings: list[str] = []
    if fetched.final_url != fetched.url:
        warnings.append(f"redirected to {fetched.final_url}: tracking {fetched.url} follows the same redirect")
    try:
        page = read_page(fetched.body, fetched.final_url, None, fetched.charset, select, ignore)
    except SuspectPage as exc:
        return Preview(
            fetched.url,
            fetched.final_url,
            fetched.status,
            fetched.content_type,
            len(fetched.body),
            None,
            (),
            (),
            (*warnings, f"suspect page: {REASONS[exc.kind]}; `tracker add` would refuse it"),
        )
    article = page.article
    assert article is not None  # no known hash was given, so the page was read
    verdict = judge(article, page.signals, None)
    if verdict is not None:
        warnings.append(f"suspect page: {verdict.reason}; `tracker add` would refuse it")
    elif "js_only" in page.signals:
        warnings.append("the page asks for JavaScript: what a browser shows may differ from this text")
    if not article.paragraphs:
        warnings.append("no article paragraphs were found (try --select with the article's container)")
    robots = robots_warning(fetcher, fetched.final_url)
    if robots:
        warnings.append(robots)
    return Preview(
        fetched.url,
        fetched.final_url,
        fetched.status,
        fetched.content_type,
        len(fetched.body),
        article,
        article_figures(article),
        tuple(extract(article)),
        tuple(warnings),
    )
