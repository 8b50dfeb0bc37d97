"""Hostile markup: character references lxml cannot hold and nesting past the parser's limit still read."""

from __future__ import annotations

import lxml.html
import pytest

from tests.fixtures.pages import PARAS, page
from tracker.fetch.extract import article_from_html, load_tree
from tracker.fetch.markup import FLAT_DEPTH, clean_references, flatten_nesting, reached_depth_limit

HEADLINE = "River floods Alder Crossing"


def _xml_char(code: int) -> bool:
    """XML 1.0's Char production: what lxml can hold."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


@pytest.mark.parametrize(
    ("reference", "reads"),
    [
        ("&#27;", ""),  # ESC: renders as nothing
        ("&#1;", ""),
        ("&#x1b;", ""),
        ("&#0027;", ""),  # leading zeros
        ("&#27", ""),  # no semicolon, as HTML allows
        ("&#x7F;", ""),
        ("&#xFFFE;", ""),  # noncharacters
        ("&#65535;", ""),
        ("&#xFDD0;", ""),
        ("&#x10FFFF;", ""),
        ("&#12;", " "),  # a form feed is white space
        ("&#0;", "\ufffd"),  # what HTML reads as U+FFFD stays U+FFFD
        ("&#xD800;", "\ufffd"),
        ("&#x110000;", "\ufffd"),
        ("&#" + "9" * 5000 + ";", "\ufffd"),  # more digits than int() converts
        ("\x1b", ""),  # the characters themselves, raw in the page, were never the problem: kept so
        ("\uffff", ""),
    ],
)
def test_one_hostile_reference_anywhere_leaves_the_article_readable(reference: str, reads: str) -> None:
    paras = [PARAS[0], PARAS[1].replace("rescued", f"rescued{reference}"), *PARAS[2:]]
    html = page(paras).replace("<title>", f"<title>{reference}").replace("class='ad'", f"class='ad{reference}'")
    article = article_from_html(html)
    assert article.headline == HEADLINE
    assert len(article.paragraphs) == len(PARAS)
    assert " ".join(f"rescued{reads}".split()) in " ".join(article.paragraphs[1].split())
    assert article_from_html(html.encode()).paragraphs == article.paragraphs  # bytes (a saved file) too


def test_cleaned_references_are_all_characters_lxml_holds_and_common_ones_are_untouched() -> None:
    codes = [*range(0x3000), *range(0xD700, 0x10100), *range(0x1FFF0, 0x20010), 0x10FFFE, 0x10FFFF, 0x110000]
    for code in codes:
        for reference in (f"&#{code};", f"&#x{code:X};", f"&#x{code:04x}"):
            cleaned = clean_references(reference)
            if cleaned == reference:  # left for the parser: must be a character it keeps
                assert _xml_char(code) and not _noncharacter(code), reference
            else:
                assert all(_xml_char(ord(c)) and not _noncharacter(ord(c)) for c in cleaned), reference
    common = "it&#39;s &#34;quoted&#34; &#160;&#8217;&#x2019;&#8220;&#128;&#x20AC;&#x1F600; &amp; &copy;"
    assert clean_references(common) == common


def _deep(shape: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    inner = {
        "400 nested divs": "<div>" * 400 + body + "</div>" * 400,
        "3,000 nested divs (past libxml2's huge limit)": "<div class='x'>" * 3000 + body + "</div>" * 3000,
        "5,000 unclosed spans": "<span>" * 5000 + body,
        "2,000 nested b": "<b>" * 2000 + body + "</b>" * 2000,
        "nested lists": "<ul><li>" * 300 + body,
        "attributes with > and tags in a script": '<div title="a>b">' * 400
        + "<script>var t = '<div><div><div>';</script>"
        + body
        + "</div>" * 400,
        "deep wrappers between paragraphs": "".join("<section>" * 100 + f"<p>{p}</p>" for p in PARAS),
    }[shape]
    return page([]).replace("</h1>", "</h1>" + inner)


@pytest.mark.parametrize(
    "shape",
    [
        "400 nested divs",
        "3,000 nested divs (past libxml2's huge limit)",
        "5,000 unclosed spans",
        "2,000 nested b",
        "attributes with > and tags in a script",
        "deep wrappers between paragraphs",
    ],
)
def test_nesting_past_the_parser_limit_reads_the_whole_article(shape: str) -> None:
    article = article_from_html(_deep(shape))
    assert article.headline == HEADLINE
    assert article.paragraphs == tuple(PARAS)


def test_deep_lists_keep_every_word() -> None:
    # trafilatura reads list items as one block at any depth; what matters is that nothing is lost
    text = " ".join(article_from_html(_deep("nested lists")).paragraphs)
    assert all(p in text for p in PARAS)


def test_flattening_keeps_text_and_order_and_caps_depth() -> None:
    # 100 levels parse as they are, so the flattened page can be compared with the original
    html = (
        page(PARAS)
        .replace("<article>", "<article>" + "<div><span>x</span>" * 100)
        .replace("</article>", "</div>" * 100 + "</article>")
    )
    original = lxml.html.fromstring(html)
    flat = lxml.html.fromstring(flatten_nesting(html, limit=40))
    assert "".join(flat.text_content().split()) == "".join(original.text_content().split())  # a dropped div is a space
    assert max(len(list(e.iterancestors())) for e in flat.iter()) < 40
    assert reached_depth_limit(original, depth=100) and not reached_depth_limit(flat, depth=41)
    tree = load_tree(_deep("5,000 unclosed spans"))
    assert max(len(list(e.iterancestors())) for e in tree.iter()) <= FLAT_DEPTH


def test_a_page_of_a_million_wrappers_parses_as_a_small_tree() -> None:
    # 6 MB of nested wrappers, under the 8 MB body cap: past the limit they are dropped, not
    # kept as a million siblings that would cost trafilatura half a minute
    html = _deep("400 nested divs").replace("<div>" * 400, "<div>" * 600_000 + "<b>" * 600_000)
    tree = load_tree(html)
    assert sum(1 for _ in tree.iter()) < 4 * FLAT_DEPTH
    assert article_from_html(html).paragraphs == tuple(PARAS)


def test_a_normal_page_is_parsed_as_before() -> None:
    html = page(PARAS)
    assert clean_references(html) is html  # no "&#": not even copied
    tree = load_tree(html)
    assert not reached_depth_limit(tree)
    assert lxml.html.tostring(tree) == lxml.html.tostring(load_tree(html.encode()))
