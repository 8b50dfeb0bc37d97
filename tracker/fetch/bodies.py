"""What the fetcher accepts as a body: content types, binary sniffing, capped decompression.

`read_capped` turns the raw chunks of a response into the body, undoing gzip or deflate
Content-Encoding itself so that the size cap applies to what comes out of the
decompressor as it comes out: a small compressed body cannot inflate past the cap
(zlib is told to produce at most what is still allowed), and nothing is read once the
cap is passed. `binary_kind` says when a body that claims to be text is not.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable

ARTICLE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
SNIFF_BYTES = 1024

# Signatures of formats that are never articles, at the start of the body.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF file (WebP, WAV, AVI)"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old office document"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
    (b"fLaC", "a FLAC file"),
    (b"\x1aE\xdf\xa3", "a Matroska or WebM video"),
    (b"\x7fELF", "an executable"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # UTF-16 text is full of NUL bytes


class BodyTooLarge(Exception):
    """The body grew past the cap (the fetcher raises TooLarge with the URL)."""


class BodyUnreadable(Exception):
    """The Content-Encoding is unknown or the compressed data is corrupt (the fetcher raises BadResponse)."""


def media_type(content_type: str | None) -> str:
    """`text/html` of `Text/HTML; charset=UTF-8`; "" when there is none."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def accepted(mime: str, accept_feeds: bool) -> bool:
    """Whether a declared media type may hold an article (or, when asked, a feed). "" (none declared) may."""
    return not mime or mime in ARTICLE_TYPES or (accept_feeds and mime in FEED_TYPES)


def binary_kind(body: bytes) -> str | None:
    """What binary format the start of `body` is ("a PNG image"), or None when it may be text."""
    head = body[:SNIFF_BYTES]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[4:8] == b"ftyp":
        return "an MP4 or HEIF file"
    if b"\x00" in head and not head.startswith(_TEXT_BOMS):
        return "binary data (NUL bytes)"
    return None


class _Inflater:
    """One gzip or deflate stream, never producing more than it is allowed to."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding == "gzip"
        self._pending = b""
        self._engine: zlib._Decompress | None = None

    def _start(self, head: bytes) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" should be zlib-wrapped, but some servers send a bare deflate stream.
        wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and int.from_bytes(head[:2], "big") % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes, allowed: int) -> bytes:
        if self._engine is None:
            self._pending += data
            if len(self._pending) < 2:
                return b""
            data, self._pending = self._pending, b""
            self._engine = self._start(data)
        out = b""
        while data:
            engine = self._engine
            try:
                out += engine.decompress(data, allowed - len(out) + 1)
            except zlib.error as exc:
                raise BodyUnreadable(f"the compressed body is corrupt ({exc})") from None
            if len(out) > allowed:
                raise BodyTooLarge
            data = engine.unused_data if engine.eof else b""
            if data and not (self._gzip and data.startswith(b"\x1f\x8b")):
                break  # trailing bytes after the stream, which browsers ignore too
            if data:
                self._engine = self._start(data)  # the next member of a multi-member gzip body
        return out

    def finish(self) -> None:
        if self._pending:
            raise BodyUnreadable("the compressed body is a single byte")


def _inflater(content_encoding: str | None) -> _Inflater | None:
    codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    if len(codings) > 1:
        raise BodyUnreadable(f"the body is encoded several times ({content_encoding}); tracker undoes one only")
    coding = {"x-gzip": "gzip"}.get(codings[0], codings[0])
    if coding not in ("gzip", "deflate"):
        raise BodyUnreadable(f"the body is encoded as {coding!r}, which tracker did not ask for (gzip or deflate)")
    return _Inflater(coding)


def read_capped(
    chunks: Iterable[bytes], content_encoding: str | None, cap: int, after_chunk: Callable[[], None]
) -> bytes:
    """The decoded body from raw chunks; BodyTooLarge past `cap` bytes (raw or decoded).

    `after_chunk` runs after each chunk (the fetcher checks its deadline there).
    """
    inflater = _inflater(content_encoding)
    parts: list[bytes] = []
    raw = size = 0
    for chunk in chunks:
        raw += len(chunk)
        if raw > cap:
            raise BodyTooLarge
        out = chunk if inflater is None else inflater.feed(chunk, cap - size)
        size += len(out)
        if size > cap:
            raise BodyTooLarge
        parts.append(out)
        after_chunk()
    if inflater is not None:
        inflater.finish()
    return b"".join(parts)
