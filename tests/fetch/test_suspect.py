"""The suspect-page rules (tracker.fetch.suspect): what is a broken page, and what is news."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.engine.model import Article
from tracker.fetch.suspect import Previous, judge, signals, signals_in_html

LONG = [
    "The county council voted on Tuesday to close the Harwick Lane recycling depot by the end of March.",
    "Councillors said the site had cost more than it saved for three years running, and that a new depot "
    "on the ring road would open in the summer.",
    "Residents who use the depot said the new site was too far to reach without a car.",
    "“We were never asked,” said Odile Brannagh, who has run the lane's allotment society for a decade.",
    "The council said it would run a weekly collection van for the estates nearest the old depot.",
    "A final decision on the van's route will be taken in February, a spokesperson said.",
]


def article(paragraphs: list[str], headline: str = "Council to close Harwick Lane depot") -> Article:
    return Article(headline, tuple(paragraphs), None, None, None)


def previous(paragraphs: list[str]) -> Previous:
    return Previous(sum(len(p.split()) for p in paragraphs), tuple(paragraphs))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sorry, we couldn't find that page.", "not_found"),
        ("The page you requested cannot be found", "not_found"),
        ("Error 404", "not_found"),
        ("Please enable JavaScript to view this site.", "js_only"),
        ("We value your privacy. Accept all cookies", "consent"),
        ("Subscribe to continue reading", "paywall"),
        ("You've reached your free article limit", "paywall"),
    ],
)
def test_notices_are_read_whatever_the_site(text: str, kind: str) -> None:
    assert kind in signals(text)


def test_signals_ignore_scripts_and_markup() -> None:
    html = "<script>if(!js){'please enable javascript'}</script><p data-x='error 404'>A council vote</p>"
    assert signals_in_html(html) == frozenset()


def test_a_story_about_cookie_rules_is_news_not_a_consent_wall() -> None:
    story = article(
        ["Regulators said websites must let readers reject all cookies as easily as they accept them.", *LONG],
        headline="Regulator orders sites to simplify cookie consent banners",
    )
    assert judge(story, signals(" ".join(story.paragraphs)), previous(LONG)) is None


def test_a_full_article_with_a_subscribe_footer_is_not_a_paywall_cut() -> None:
    assert judge(article(LONG), frozenset({"paywall"}), previous(LONG)) is None


def test_a_shrunken_article_with_a_subscribe_box_is_a_paywall_cut() -> None:
    verdict = judge(article(LONG[:2]), frozenset({"paywall"}), previous(LONG))
    assert verdict is not None and verdict.kind == "paywall" and verdict.shrink


def test_a_trimmed_story_that_keeps_its_paragraphs_is_not_collapsed() -> None:
    assert judge(article(LONG[:4]), frozenset(), previous(LONG)) is None


def test_a_fragment_is_collapsed() -> None:
    verdict = judge(article(LONG[5:]), frozenset(), previous(LONG))
    assert verdict is not None and verdict.kind == "collapsed"


@given(st.lists(st.sampled_from(LONG), min_size=1, max_size=12))
def test_an_article_is_never_suspect_against_itself_or_a_shorter_past(paragraphs: list[str]) -> None:
    story = article(paragraphs)
    assert judge(story, frozenset(), previous(paragraphs)) is None
    assert judge(story, frozenset(), previous(paragraphs[: max(1, len(paragraphs) // 2)])) is None


def test_a_consent_wall_is_suspect() -> None:
    wall = article(
        ["We value your privacy. We and our partners store information on your device.",
         "Accept all or manage preferences at any time."],
        headline="Before you continue",
    )  # fmt: skip
    verdict = judge(wall, frozenset({"consent"}), previous(LONG))
    assert verdict is not None and verdict.kind == "consent" and not verdict.shrink
