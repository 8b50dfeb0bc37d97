"""Bodies without a network: capped decompression, binary sniffing (tracker.fetch.bodies),
charsets (tracker.fetch.charsets)."""

from __future__ import annotations

import gzip
import itertools
import zlib
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.fetch.bodies import BodyTooLarge, BodyUnreadable, accepted, binary_kind, media_type, read_capped
from tracker.fetch.charsets import decode_body, sniff_charset, usable_charset

TEXT = ("<p>Floodwater rose through the night in Alder Crossing, officials said.</p>" * 50).encode()


def _read(chunks: list[bytes], encoding: str | None, cap: int = 1_000_000) -> bytes:
    return read_capped(chunks, encoding, cap, lambda: None)


def _split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({0, len(data), *(c % (len(data) + 1) for c in cuts)})
    return [data[a:b] for a, b in itertools.pairwise(points)]


# --- read_capped --------------------------------------------------------------------------


@given(st.lists(st.integers(0, 10_000), max_size=12), st.sampled_from(["gzip", "x-gzip", "deflate", "raw", None]))
def test_any_chunking_of_a_compressed_body_decodes_to_the_same_text(cuts: list[int], coding: str | None) -> None:
    compressors: dict[str | None, Callable[[bytes], bytes]] = {
        "gzip": gzip.compress,
        "x-gzip": gzip.compress,
        "deflate": zlib.compress,
        "raw": lambda b: zlib.compress(b, wbits=-15),
        None: lambda b: b,
    }
    data = compressors[coding](TEXT)
    assert _read(_split(data, cuts), "deflate" if coding == "raw" else coding) == TEXT


def test_identity_and_unlisted_codings() -> None:
    assert _read([b"ab", b"cd"], "identity") == b"abcd"
    assert _read([b"ab", b"cd"], "") == b"abcd"
    assert _read([], "gzip") == b""


def test_multi_member_gzip_and_trailing_garbage() -> None:
    two = gzip.compress(b"first ") + gzip.compress(b"second")
    assert _read([two], "gzip") == b"first second"
    assert _read([gzip.compress(b"page") + b"\r\n\r\n"], "gzip") == b"page"  # what browsers do too


def test_the_cap_applies_to_what_comes_out() -> None:
    assert _read([b"x" * 100], None, cap=100) == b"x" * 100
    with pytest.raises(BodyTooLarge):
        _read([b"x" * 60, b"x" * 41], None, cap=100)
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    with pytest.raises(BodyTooLarge):
        _read([bomb], "gzip", cap=100_000)
    with pytest.raises(BodyTooLarge):
        _read([zlib.compress(TEXT)], "deflate", cap=len(TEXT) - 1)
    assert _read([zlib.compress(TEXT)], "deflate", cap=len(TEXT)) == TEXT


def test_reading_stops_at_the_first_chunk_past_the_cap() -> None:
    pulled: list[int] = []

    def endless() -> Iterator[bytes]:
        while True:
            pulled.append(1)
            yield b"y" * 1000

    with pytest.raises(BodyTooLarge):
        read_capped(endless(), None, 10_000, lambda: None)
    assert len(pulled) == 11


def test_after_chunk_runs_after_every_chunk() -> None:
    seen: list[int] = []
    read_capped([b"a", b"b", b"c"], None, 10, lambda: seen.append(1))
    assert len(seen) == 3


@pytest.mark.parametrize(
    ("coding", "data", "why"),
    [
        ("gzip", b"\x1f\x8b\x08\x00garbage, not deflate data", "corrupt"),
        ("deflate", b"\x78\x9c\xff\xff\xff", "corrupt"),
        ("br", b"...", "'br'"),
        ("zstd", b"...", "'zstd'"),
        ("gzip, deflate", b"...", "several times"),
        ("gzip", b"\x1f", "single byte"),
    ],
)
def test_unreadable_bodies(coding: str, data: bytes, why: str) -> None:
    with pytest.raises(BodyUnreadable, match=why):
        _read([data], coding)


# --- types and sniffing -------------------------------------------------------------------


def test_media_types() -> None:
    assert media_type("Text/HTML; charset=UTF-8") == "text/html"
    assert media_type(None) == ""
    assert accepted("text/html", False) and accepted("application/xhtml+xml", False) and accepted("text/plain", False)
    assert accepted("", False)  # undeclared: the sniffing decides
    assert not accepted("application/rss+xml", False) and accepted("application/rss+xml", True)
    assert accepted("text/xml", True) and accepted("application/atom+xml", True)
    assert not accepted("application/pdf", True) and not accepted("image/png", True)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.4\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\0\0", "a PNG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"\xff\xd8\xff\xe0", "a JPEG image"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive"),
        (b"\x1f\x8b\x08\x00", "gzip-compressed"),
        (b"\0\0\0\x20ftypisom", "an MP4"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a RIFF file"),
        (b"<html>" + b"a" * 500 + b"\0", "NUL bytes"),
    ],
)
def test_binary_kinds(head: bytes, kind: str) -> None:
    found = binary_kind(head)
    assert found is not None and kind in found


@pytest.mark.parametrize(
    "text",
    [
        b"<!doctype html><html></html>",
        b"Plain words.",
        "\ufeffhi".encode("utf-16-le"),  # UTF-16 text is full of NULs and still text
        "\ufeffhi".encode("utf-16-be"),
        b"<html>" + b"a" * 2000 + b"\0",  # a NUL past the first KB is not looked at
        b"",
    ],
)
def test_text_is_not_binary(text: bytes) -> None:
    assert binary_kind(text) is None


# --- charsets -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "header", "text"),
    [
        ("naïve café".encode(), None, "naïve café"),
        ("Café".encode("cp1252"), "iso-8859-1", "Café"),
        (b"\x93quoted\x94", "ISO-8859-1", "“quoted”"),  # Latin-1 labels are read as windows-1252
        ("Наводнение".encode("windows-1251"), "windows-1251", "Наводнение"),
        ("\ufeffnaïve".encode(), "iso-8859-1", "naïve"),  # a BOM beats the header
        ("\ufeffhi".encode("utf-16-le"), None, "hi"),
        ("\ufeffhi".encode("utf-16-be"), None, "hi"),
        ('<meta charset="windows-1251"><p>Наводнение'.encode("windows-1251"), None, "Наводнение"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Наводнение'.encode("koi8-r"),
            None,
            "Наводнение",
        ),
        ("<?xml version='1.0' encoding='ISO-8859-15'?><rss>€</rss>".encode("iso-8859-15"), None, "<rss>€</rss>"),
        ("naïve".encode(), "no-such-charset", "naïve"),  # unknown names are ignored
        ("naïve".encode(), "base64", "naïve"),  # so are codecs that are not text encodings
        ("naïve".encode(), "idna", "naïve"),
        ('<meta charset="utf-16"><p>naïve'.encode(), None, "naïve"),  # readable as ASCII: not UTF-16
        (b"caf\xe9 \xff", "utf-8", "caf\ufffd \ufffd"),  # declared but wrong: replaced, never raised
    ],
)
def test_decode_body(body: bytes, header: str | None, text: str) -> None:
    assert text in decode_body(body, header)


def test_undeclared_legacy_text_is_detected() -> None:
    sentence = "Наводнение в городе: спасатели эвакуировали жителей прибрежных районов, сообщили власти. "
    body = f"<html><body><p>{sentence * 4}</p></body></html>".encode("windows-1251")
    assert sentence.strip() in decode_body(body)


def test_sniff_charset_order() -> None:
    body = b'\xef\xbb\xbf<meta charset="koi8-r">'
    assert sniff_charset(body, "windows-1251") == "utf-8"
    assert sniff_charset(body[3:], "windows-1251") == "cp1251"
    assert sniff_charset(body[3:], None) == "koi8-r"
    assert sniff_charset(b"<p>nothing declared</p>", None) is None
    assert sniff_charset(b" " * 5000 + b'<meta charset="koi8-r">', None) is None  # only the first 4 KB
    assert usable_charset("rot13") is None and usable_charset('"UTF-8"') == "utf-8"


@settings(max_examples=60)
@given(st.binary(max_size=600), st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["utf-16", "utf-7"])))
def test_decoding_never_raises(body: bytes, header: str | None) -> None:
    assert isinstance(decode_body(body, header), str)
