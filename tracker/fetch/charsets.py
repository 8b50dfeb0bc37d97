"""Turning a page's bytes into text: which charset it is in, and decoding that never fails.

The order follows what browsers do: a byte-order mark first (it cannot be there by
accident, and it beats a wrong server header), then the charset in the Content-Type
header, then a `<meta charset>` / `http-equiv` declaration or an XML encoding declaration
in the first 4 KB. With none of those the body is tried as UTF-8, and when that fails
charset_normalizer guesses. A declared name Python does not know, or one that is not a
text encoding ("base64"), is ignored as if absent. Latin-1 and ASCII labels are read as
windows-1252, as browsers read them (pages labelled Latin-1 use its curly quotes).

This runs where the text is needed (the extraction workers), not in the fetcher.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)"""  # <meta charset=..> and http-equiv content="..; charset=.."
    rb"""|^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_WINDOWS_1252 = {"iso8859-1", "ascii"}  # codecs.lookup names
# Text codecs Python has that are no web page's charset (and some of which raise even with errors="replace").
_NOT_CHARSETS = {"idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined", "utf-7"}
SNIFF_BYTES = 4096
DETECT_BYTES = 200_000


def usable_charset(name: str | None) -> str | None:
    """Python's name for a declared charset, or None when Python cannot decode text with it."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    try:
        found = codecs.lookup(label).name
        b"a\xff".decode(found, errors="replace")  # refuses codecs that are not text encodings ("base64")
    except (LookupError, ValueError):
        return None
    if found in _NOT_CHARSETS:
        return None
    return "cp1252" if found in _WINDOWS_1252 else found


def sniff_charset(body: bytes, header_charset: str | None = None) -> str | None:
    """The charset `body` declares (BOM, then header, then in-document), or None when it declares none."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    declared = usable_charset(header_charset)
    if declared:
        return declared
    match = _DECLARED.search(body[:SNIFF_BYTES])
    if match is None:
        return None
    found = usable_charset((match.group(1) or match.group(2)).decode("ascii"))
    # A document that could be read far enough to find its declaration is not UTF-16.
    return "utf-8" if found and found.startswith(("utf-16", "utf-32")) else found


def decode_body(body: bytes, header_charset: str | None = None) -> str:
    """The text of `body`; never raises (undecodable bytes become U+FFFD)."""
    charset = sniff_charset(body, header_charset)
    if charset is None:
        try:
            return body.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            charset = _detect(body)
    try:
        return body.decode(charset, errors="replace").removeprefix("\ufeff")
    except (UnicodeError, LookupError):  # a codec that raises even with errors="replace"
        return body.decode("utf-8", errors="replace").removeprefix("\ufeff")


def _detect(body: bytes) -> str:
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(body[:DETECT_BYTES]).best()
    except Exception:  # detection is a best effort; any failure falls back below
        best = None
    return (best and usable_charset(best.encoding)) or "utf-8"
