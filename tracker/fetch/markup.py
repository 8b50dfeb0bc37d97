"""Hostile markup made readable: character references lxml cannot hold, and nesting it gives up on.

lxml stores text as XML, and trafilatura copies text from node to node: one character
that XML forbids (a control character from `&#27;`, a noncharacter from `&#xFFFE;`) makes
that copy raise, and trafilatura then discards the whole document ("no article text
found"). `clean_references` rewrites such references the way a reader sees them: control
characters (which render as nothing) and noncharacters are dropped, a form feed is a
space, and what HTML turns into U+FFFD (`&#0;`, surrogates, code points past U+10FFFF) is
written as U+FFFD. Raw control characters need nothing here: trafilatura strips them
before parsing. One regex over the page, so a normal page pays almost nothing.

libxml2's HTML parser stops reading a document at element depth 256 (2048 with its
"huge" option), and everything after that point is lost, the article included.
`flatten_nesting` rewrites a page that deep as browsers build it past their own limit:
a block of text (a paragraph, a list item, a table cell) that would sit deeper than
`limit` becomes a sibling of the deepest element instead (its opening tag closes the
element it would have gone into, whose own closing tag is then dropped), and any other
element there (a wrapper div, a span, a font) is dropped, its tags removed. Text and
order are kept; only the wrapping goes, and a hostile page of a million nested wrappers
(8 MB, the body cap) parses as a few hundred elements in about a second, not as a
million siblings that would hold an extraction worker for half a minute. It runs only
on a page whose parsed tree reached the parser's limit (`reached_depth_limit`), so it
costs a normal page one XPath over its tree.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

PARSER_DEPTH = 256  # libxml2's limit without XML_PARSE_HUGE: at this depth it stops reading the document
FLAT_DEPTH = 128  # what `flatten_nesting` keeps: deeper than any real page, well below the parser's limit

# Only the references that may need rewriting: control characters, DEL, and the high ranges
# where surrogates, noncharacters and impossible code points live. The common ones (&#39;,
# &#160;, &#8217;, &#x2019;) do not match, so a page full of them costs one scan.
_REFERENCE = re.compile(
    r"&#(?:0*([0-9]|[12][0-9]|3[01]|127|[1-9][0-9]{4,})(?![0-9])"
    r"|[xX]0*([0-9a-fA-F]|1[0-9a-fA-F]|7[fF]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF][dD][dDeE][0-9a-fA-F]"
    r"|[fF]{3}[eEfF]|[0-9a-fA-F]{5,})(?![0-9a-fA-F]));?"
)
_REPLACEMENT = "\ufffd"


def _readable(code: int) -> str | None:
    """What a numeric reference to `code` should become, or None when it is fine as it is."""
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return _REPLACEMENT  # as HTML reads them
    if code == 0x0C:
        return " "  # a form feed is white space in HTML, and not allowed in XML
    if (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code == 0x7F:
        return ""  # control characters render as nothing
    if 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return ""  # noncharacters: never text, and U+FFFE/U+FFFF are not allowed in XML
    return None


def _replace(match: re.Match[str]) -> str:
    digits, hex_digits = match.groups()
    number = (hex_digits or digits).lstrip("0") or "0"
    # more than 8 digits is past U+10FFFF in either base; int() of a long run of digits raises
    code = 0x110000 if len(number) > 8 else int(number, 16 if hex_digits else 10)
    readable = _readable(code)
    return match.group(0) if readable is None else readable


def clean_references(html: str) -> str:
    """`html` with every numeric character reference lxml cannot keep rewritten as a reader sees it."""
    if "&#" not in html:
        return html
    return _REFERENCE.sub(_replace, html)


def reached_depth_limit(tree: HtmlElement, depth: int = PARSER_DEPTH - 2) -> bool:
    """Whether `tree` holds an element `depth` levels deep (the root is level 1): a tree cut
    short by the parser's limit always does. One XPath step per level, done in C."""
    return bool(tree.xpath("boolean(/*" + "/*" * (depth - 1) + ")"))


# Tokens that matter for nesting. Comments, doctypes and processing instructions are
# matched so that tags inside them are skipped; attribute values may hold ">".
_TOKEN = re.compile(
    r"""<!--.*?(?:-->|\Z)|<[!?][^>]*>?"""
    r"""|<(/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL,
)
_VOID = frozenset(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr".split()
)
# Elements whose content is text, not markup: their tags are skipped up to the closing tag.
_RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes plaintext".split())
# Elements a second one of the same kind closes (<p>a<p>b are siblings, as the parser makes them).
_SELF_CLOSING = frozenset("p li dt dd option tr td th".split())
# Past the limit these stay elements (siblings of the deepest one): they are the blocks of
# text an extractor reads. Every other element there but scripts and styles is dropped,
# its tags removed.
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre table thead tbody tfoot tr td th caption ul ol dl figcaption".split()
)
# Dropped, these leave nothing between the words they wrapped; any other leaves a space.
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q rp rt ruby s samp small span "
    "strike strong sub sup time tt u var".split()
)


class _Entry:
    __slots__ = ("count", "state", "tag")

    def __init__(self, tag: str, state: str = "live", count: int = 1) -> None:
        self.tag = tag
        # live: in the output. closed: closed early, its own closing tag dropped when it
        # comes. dropped: `count` elements of this kind in a row, none of them in the output.
        self.state = state
        self.count = count


@functools.cache
def _run_of(tag: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One more opening tag of `tag` right here, and one more closing tag: a run of them is
    skipped a regex match at a time, not a trip through the whole loop each."""
    attributes = r"""(?:[^>"'/]|"[^"]*"|'[^']*'|/(?!>))*"""
    return (
        re.compile(rf"\s*<{re.escape(tag)}(?![^\s/>]){attributes}>", re.IGNORECASE),
        re.compile(rf"\s*</{re.escape(tag)}\s*>", re.IGNORECASE),
    )


def flatten_nesting(html: str, limit: int = FLAT_DEPTH) -> str:
    """`html` with no element nested deeper than `limit` (roughly: the parser's own implied
    closes are modelled for the usual cases only, which is all a cap needs). Past the limit
    a block of text (a paragraph, a list item) becomes a sibling of the deepest element and
    any other element is dropped, so a page of a million nested wrappers parses as a page of
    a few hundred elements."""
    out: list[str] = []
    stack: list[_Entry] = []
    live = 0
    pos = 0
    raw_until: re.Pattern[str] | None = None
    while True:
        if raw_until is not None:
            end = raw_until.search(html, pos)
            if end is None:
                break
            out.append(html[pos : end.start()])
            pos = end.start()
            raw_until = None
        match = _TOKEN.search(html, pos)
        if match is None:
            break
        out.append(html[pos : match.start()])
        pos = match.end()
        closing, name, attributes = match.groups()
        if name is None:  # a comment, doctype or processing instruction
            out.append(match.group(0))
            continue
        tag = name.lower()
        if closing:
            at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].tag == tag), None)
            if at is None:
                out.append(match.group(0))  # a stray closing tag: the parser ignores it, so may we
                continue
            for entry in reversed(stack[at + 1 :]):  # what the parser would close implicitly, closed explicitly
                if entry.state == "live":
                    out.append(f"</{entry.tag}>")
                    live -= 1
            del stack[at + 1 :]
            entry = stack[at]
            if entry.state == "dropped":
                out.append("" if tag in _INLINE else " ")
                entry.count -= 1
                closer = _run_of(tag)[1]
                while entry.count and (more := closer.match(html, pos)):
                    entry.count -= 1
                    pos = more.end()
                if not entry.count:
                    stack.pop()
                continue
            if entry.state == "live":
                out.append(match.group(0))
                live -= 1
            stack.pop()
            continue
        if tag in _VOID or attributes.rstrip().endswith("/"):
            out.append(match.group(0))
            continue
        if tag in _SELF_CLOSING and stack and stack[-1].state == "live" and stack[-1].tag == tag:
            stack.pop()  # the parser closes it on this tag
            live -= 1
        if live >= limit and tag not in _BLOCKS and tag not in _RAW_TEXT:  # a script's text must stay a script
            out.append("" if tag in _INLINE else " ")
            count, opener = 1, _run_of(tag)[0]
            while more := opener.match(html, pos):
                count += 1
                pos = more.end()
            if stack and stack[-1].state == "dropped" and stack[-1].tag == tag:
                stack[-1].count += count
            else:
                stack.append(_Entry(tag, "dropped", count))
            continue
        if live >= limit:
            deepest = next(entry for entry in reversed(stack) if entry.state == "live")
            out.append(f"</{deepest.tag}>")  # this block becomes the deepest element's sibling
            deepest.state = "closed"
            live -= 1
        out.append(match.group(0))
        stack.append(_Entry(tag))
        live += 1
        if tag in _RAW_TEXT:
            raw_until = re.compile(rf"</{re.escape(tag)}\b", re.IGNORECASE)
    out.append(html[pos:])
    return "".join(out)
