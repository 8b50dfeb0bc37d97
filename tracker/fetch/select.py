"""A story's own CSS selectors, applied to the page before extraction.

When extraction goes wrong on a site (a comments box taken for the article, a live ticker
in the text), the desk names the article's container (`--select "article.story"`) and the
parts to drop (`--ignore ".comments, .ticker"`). Dropping comes first, then only the
selected elements are kept in the page's body (its head stays: title, byline and dates
are read from there), and the result goes through the usual extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.errors import ExtractError, UsageError

if TYPE_CHECKING:
    from lxml.html import HtmlElement


def check_selector(css: str, option: str) -> str:
    """The selector, or UsageError naming the option when CSS cannot be read."""
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(css)
    except SelectorError as exc:
        raise UsageError(f"{option} {css!r} is not a CSS selector: {exc}") from None
    return css


def _outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    """Matches not inside another match (`div.body` matching nested divs keeps the outer one)."""
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def apply_selectors(html: str, select: str | None, ignore: str | None) -> str:
    """The page with `ignore` dropped and only `select` kept in its body (either may be None)."""
    from lxml.html import tostring

    from tracker.fetch.extract import load_tree

    tree = load_tree(html)
    if ignore:
        for element in _outermost(tree.cssselect(ignore)):
            element.drop_tree()
    if select:
        kept = _outermost(tree.cssselect(select))
        if not kept:
            raise ExtractError(f"--select {select!r} matches nothing on the page")
        body = tree.find("body")
        if body is None:
            raise ExtractError("the page has no body to select from")
        for child in list(body):
            body.remove(child)
        body.text = None
        for element in kept:
            element.tail = None
            body.append(element)
    return str(tostring(tree, encoding="unicode"))
