"""Segmentation, normalisation and tokens (tracker.engine.text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.engine.model import Article
from tracker.engine.text import (
    _QUOTES,
    article_from_text,
    canonical,
    fingerprint,
    normalise,
    paragraphs,
    sentences,
    tokens,
)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("He arrived at 7 a.m. Police said so.", ["He arrived at 7 a.m.", "Police said so."]),
        ("The U.S. Embassy closed. Staff left.", ["The U.S. Embassy closed.", "Staff left."]),
        ("They met in the U.S. The talks failed.", ["They met in the U.S.", "The talks failed."]),
        ("Dr. Ana Novak spoke. J. Smith agreed.", ["Dr. Ana Novak spoke.", "J. Smith agreed."]),
        ("The rate rose 14.5% on Monday. It fell later.", ["The rate rose 14.5% on Monday.", "It fell later."]),
        ("“We are ready.” She left.", ["“We are ready.”", "She left."]),
        ("“Are you sure?” she asked. Yes.", ["“Are you sure?” she asked.", "Yes."]),
        ("Sept. 11 was a Tuesday. Gov. Hale said so.", ["Sept. 11 was a Tuesday.", "Gov. Hale said so."]),
        ("First line without stop\nSecond line.", ["First line without stop", "Second line."]),
        # one sentence per line, as upstream splitters cut it: a line that cannot end a sentence runs on
        (
            "It was blocked, said Rep.\nSteve Scalise.\nHe left.",
            ["It was blocked, said Rep. Steve Scalise.", "He left."],
        ),
        ("Firms such as KKR &\nCo. bought it.", ["Firms such as KKR & Co. bought it."]),
        ("It counted 1,500 in the 2010 U.S.\nCensus.", ["It counted 1,500 in the 2010 U.S. Census."]),
        ("They flew to the U.S.\nThe talks failed.", ["They flew to the U.S.", "The talks failed."]),
        ("The toll was\n21 on Monday.", ["The toll was 21 on Monday."]),
        (
            "“Cancel order!” Mr. Trump wrote on Twitter. He left.",
            ["“Cancel order!” Mr. Trump wrote on Twitter.", "He left."],
        ),
        ("“Go!” She ran.", ["“Go!”", "She ran."]),
        ("• A bullet point. Next one.", ["A bullet point.", "Next one."]),
        ("The toll rose to 14. Officials confirmed it.", ["The toll rose to 14.", "Officials confirmed it."]),
        (
            "PINEHAVEN, Ore. (AP) — A wildfire grew. It spread.",
            ["PINEHAVEN, Ore. (AP) — A wildfire grew.", "It spread."],
        ),
    ],
)
def test_sentences(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


def test_tokens_keep_numbers_whole() -> None:
    toks = tokens("Toll rose from 14,800 to 15,000 (35%) and $1.2 billion")
    assert "14,800" in toks
    assert "15,000" in toks
    assert "35%" in toks
    assert "$1.2" in toks


@given(st.text())
def test_tokens_join_back_to_the_text(text: str) -> None:
    assert "".join(tokens(text)) == text


def test_txt_revision_first_line_is_headline() -> None:
    article = article_from_text("Headline here\n\nFirst paragraph.\n\nSecond paragraph.\n")
    assert article.headline == "Headline here"
    assert article.paragraphs == ("First paragraph.", "Second paragraph.")


@pytest.mark.parametrize("ending", ["\n", "\n\n", "\n  \n\n"])
def test_sentence_per_line_text_without_headline(ending: str) -> None:
    text = (
        " LONDON (AP) -- A long opening sentence that ends with a stop.\n It goes on.\nAnd on.\n A new paragraph."
        + ending
    )
    article = article_from_text(text)
    assert article.headline == ""
    assert article.paragraphs[0].startswith("LONDON (AP)")
    assert article.paragraphs[1:] == ("It goes on.\nAnd on.", "A new paragraph.")


def test_closing_quote_split_onto_next_line_is_reattached() -> None:
    blocks = paragraphs('"We are done.\n" Walmart said it agreed.\nNext.')
    assert blocks[0] == '"We are done."'
    assert blocks[1] == "Walmart said it agreed."


def test_typography_and_spacing_do_not_change_the_fingerprint() -> None:
    a = Article("Toll rises", ("“We are ready,” she said — again.",))
    b = Article("Toll  rises", ('"We are ready," she said - again.',))
    assert canonical("a\u00a0 b") == "a b"
    assert fingerprint(a) == fingerprint(b)


def test_fingerprint_sees_a_changed_figure() -> None:
    assert fingerprint(Article("H", ("14 killed.",))) != fingerprint(Article("H", ("15 killed.",)))


odd_text = st.text(
    alphabet=st.characters()
    | st.sampled_from(list("\u00ad\u200b\u200d\ufeff\r\n\t \u00a0\u2009\u3000\u201c\u2019e\u0301"))
)


@given(odd_text)
def test_canonical_is_the_normalised_text_with_plain_quotes_and_single_spaces(text: str) -> None:
    assert canonical(text) == " ".join(normalise(text).translate(_QUOTES).split())


def test_sentence_per_line_text_cut_after_a_title_runs_on() -> None:
    article = article_from_text(
        "The union met a mediator from the office of Gov.\nRuth Callaway said.\nTrains stopped.\n"
    )
    assert article.paragraphs[-2:] == (
        "The union met a mediator from the office of Gov.\nRuth Callaway said.",
        "Trains stopped.",
    )
    assert sentences(article.paragraphs[-2]) == ["The union met a mediator from the office of Gov. Ruth Callaway said."]
