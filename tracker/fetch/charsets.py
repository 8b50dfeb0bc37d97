"""Turning a page's bytes into text: which charset it is in, and decoding that never fails.

The order follows what browsers do: a byte-order mark first (it cannot be there by
accident, and it beats a wrong server header), then the charset in the Content-Type
header, then a `<meta charset>` / `http-equiv` declaration or an XML encoding declaration
in the first 4 KB. With none of those the body is tried as UTF-8, and when that fails
charset_normalizer guesses; among Latin single-byte code pages, which it cannot tell
apart on Western text, windows-1252 wins unless another reads clearly more like one
language (see `_latin_choice`). A declared name Python does not know, or one that is not a
text encoding ("base64"), is ignored as if absent. Latin-1 and ASCII labels are read as
windows-1252, as browsers read them (pages labelled Latin-1 use its curly quotes).

This runs where the text is needed (the extraction workers), not in the fetcher.
"""

from __future__ import annotations

import codecs
import functools
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

    sample = body[:DETECT_BYTES]
    try:
        found = [match.encoding for match in from_bytes(sample)]
    except Exception:  # detection is a best effort; any failure falls back below
        found = []
    names = [name for name in map(usable_charset, found) if name]
    if not names:
        return "utf-8"
    return _latin_choice(sample, names) or names[0]


# The accented letters of the languages written in single-byte Latin code pages. A text is
# mostly in one language, with names from others: a reading whose words need many
# alphabets, or that leaves words no alphabet spells ("ma³y" for "mały"), is the wrong one.
_ALPHABETS = tuple(
    frozenset(letters + letters.upper())
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French (and the loanwords of English: café, naïve)
        "áéíñóúü",  # Spanish
        "àáâãçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúü",  # Catalan
        "äöüß",  # German
        "éèëïóöü",  # Dutch
        "æøåé",  # Danish, Norwegian
        "åäöé",  # Swedish
        "äöåšž",  # Finnish
        "áðéíóúýþæö",  # Icelandic
        "çë",  # Albanian
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "ąćęłńóśźż",  # Polish
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Croatian, Bosnian, Serbian in Latin letters, Slovene
        "ăâîșțşţ",  # Romanian
        "ąčęėįšųūž",  # Lithuanian
        "āčēģīķļņšūž",  # Latvian
        "äöõüšž",  # Estonian
        "çğıİöşü",  # Turkish
        "ĉĝĥĵŝŭ",  # Esperanto
        "àċèġħìòùż",  # Maltese
    )
)
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
_WORD_TAIL = re.compile(rb"[A-Za-z\x80-\xff]*")
_JOINERS = frozenset("’‘·\u00ad\u2010\u2011")  # apostrophes, a middle dot (Catalan), hyphens
_UNSPELLED = 3  # the cost of a word no alphabet spells; one in another alphabet than the text's costs 1
_CLEARLY_BETTER = 2  # how much less another reading must cost to beat windows-1252


def _high_words(sample: bytes) -> bytes:
    """The words of `sample` that hold a byte above ASCII, one space between each: all that
    differs between two single-byte readings. Found from those bytes outwards (few on a
    Latin page), so the readings compare a few KB, not the page."""
    words: list[bytes] = []
    end = 0
    for match in _HIGH_BYTES.finditer(sample):
        if match.start() < end:
            continue  # inside the word just taken
        start = match.start()
        while start > end and sample[start - 1 : start].isalpha():
            start -= 1
        tail = _WORD_TAIL.match(sample, match.start())
        end = tail.end() if tail else match.end()
        words.append(sample[start:end])
    return b" ".join(words)


@functools.cache
def _single_byte(name: str) -> bool:
    """A code page with one character per byte (a few left undefined), not UTF-8 or a CJK charset."""
    decoded = bytes(range(0x80, 0x100)).decode(name, errors="replace")
    return len(decoded) == 0x80 and decoded.count("\ufffd") < 16


def _misread(words: str) -> int | None:
    """What a reading costs: words in another alphabet than most of its words, and (more)
    words no alphabet spells. None when it has letters of another script (Cyrillic, Greek
    ...): that is no contest between Latin code pages."""
    import unicodedata
    from collections import Counter

    kinds: Counter[frozenset[str]] = Counter()
    for word in words.split():
        letters: set[str] = set()
        for at, c in enumerate(word):
            if c < "\x80":
                continue
            if unicodedata.category(c) in ("Lu", "Ll"):
                if not unicodedata.name(c, "").startswith("LATIN"):
                    return None
                letters.add(c)
            elif c not in _JOINERS and 0 < at < len(word) - 1 and word[at - 1].isalpha() and word[at + 1].isalpha():
                letters.add("")  # a symbol between two letters, "ma³y": no alphabet has it
        if letters:
            kinds[frozenset(letters)] += 1
    spelled = {kind: [i for i, alphabet in enumerate(_ALPHABETS) if kind <= alphabet] for kind in kinds}
    per_alphabet: Counter[int] = Counter()
    for kind, n in kinds.items():
        per_alphabet.update(dict.fromkeys(spelled[kind], n))
    main = per_alphabet.most_common(1)[0][0] if per_alphabet else None  # the text's own alphabet
    return sum(
        n * (_UNSPELLED if not spelled[kind] else 0 if main in spelled[kind] else 1) for kind, n in kinds.items()
    )


def _latin_choice(sample: bytes, names: list[str]) -> str | None:
    """windows-1252, unless another Latin single-byte reading the detector offers reads
    clearly more like one language. charset_normalizer scores windows-1250, -1257 and DOS
    code pages the same as windows-1252 on Latin text (their curly quotes, dashes and euro
    sign sit at the same bytes) and picks among them at random, so a Western page without a
    charset came out with "ń" for "ñ" and "ď" for "ï"; browsers in Western locales read
    such a page as windows-1252. None (keep the detector's choice) when that choice is a
    multi-byte charset or reads as another script, or when windows-1252 cannot decode the
    bytes."""
    if names[0] == "cp1252" or not _single_byte(names[0]):
        return None
    words = _high_words(sample)
    try:
        western = _misread(words.decode("cp1252"))
    except UnicodeDecodeError:  # a byte windows-1252 leaves undefined
        return None
    scores: dict[str, int] = {}
    for name in dict.fromkeys(names):
        if not _single_byte(name):
            continue
        misread = _misread(words.decode(name, errors="replace"))
        if misread is None and name == names[0]:
            return None
        if misread is not None:
            scores[name] = misread
    if western is None:
        return None
    best = min(scores, key=scores.__getitem__)  # the first of the best, in the detector's order
    return best if scores[best] + _CLEARLY_BETTER <= western else "cp1252"
