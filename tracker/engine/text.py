"""Text primitives: normalise, fingerprint, paragraphs, sentences and word tokens.

Everything the diff engine reads goes through here first, so that the same text always
splits the same way. Sentences are spans of their paragraph (offsets kept), found by rules
that know abbreviations (U.S., Dr., Sept.), initials (J. Smith), decimals (14.5), times
(7 a.m.), closing quote marks after the full stop, and that a line break in real-world
text (one sentence per line) always ends a sentence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from tracker.engine.memo import memo
from tracker.engine.model import Article

# Invisible or odd whitespace that web pages carry and that must never make a new version.
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)


_CANONICAL = {**_QUOTES, **{ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"}}


def normalise(text: str) -> str:
    """NFC, no invisible characters, single spaces, trimmed lines; line breaks kept."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


# The diff engine reads each paragraph and sentence several times (alignment, figures,
# statements); these pure functions of one string are cached for the length of a compare.
_CACHE = 8192


@memo(_CACHE)
def canonical(text: str) -> str:
    """`normalise`, then straight quote marks, plain dashes and single spaces: the form compared
    to decide whether two fetches hold the same article."""
    # the same as " ".join(normalise(text).translate(_QUOTES).split()), in one pass: split()
    # already drops every kind of white space that normalise evens out
    return " ".join(unicodedata.normalize("NFC", text).translate(_CANONICAL).split())


def fingerprint(article: Article) -> str:
    """A hash of the article's headline and text that ignores typography and whitespace."""
    h = hashlib.sha256(canonical(article.headline).encode())
    for p in article.paragraphs:
        h.update(b"\x00")
        h.update(canonical(p).encode())
    return h.hexdigest()


_WORD_RUN = re.compile(r"\w+")
_CONTENT_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@memo(_CACHE)
def key(text: str) -> str:
    """A matching key for sentences: lower case, letters and digits only."""
    return " ".join(_WORD_RUN.findall(canonical(text).lower()))


# --- paragraphs -------------------------------------------------------------------------------

_BULLET = re.compile(r"^(?:[•·▪●◦‣∙*]|-(?=\s))\s*")


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines; in one-sentence-per-line text without blank lines,
    a line that starts with white space starts a paragraph (the NewsEdits convention),
    else every line is one."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n")
    # blank lines before the first line or after the last separate nothing (the first
    # line's indent is kept: in sentence-per-line text it marks a paragraph)
    raw = re.sub(r"(?:\n[ \t\u00a0]*)+$", "", re.sub(r"^(?:[ \t\u00a0]*\n)+", "", raw))
    blocks: list[str]
    if re.search(r"\n[ \t\u00a0]*\n", raw):
        blocks = re.split(r"\n[ \t\u00a0]*\n", raw)
    else:
        lines = [ln for ln in raw.split("\n") if ln.strip()]
        indented = sum(1 for ln in lines[1:] if ln[:1].isspace())
        if lines and 0 < indented < len(lines) - 1:
            blocks = []
            current: list[str] = []
            for ln in lines:
                if ln[:1].isspace() and current:
                    blocks.append("\n".join(current))
                    current = []
                current.append(ln)
            blocks.append("\n".join(current))
        else:
            blocks = []
            for ln in lines:  # one sentence per line: a line cut after "Gov." or "&" runs on
                if blocks and _cut_after_title(blocks[-1], ln):
                    blocks[-1] += "\n" + ln
                else:
                    blocks.append(ln)
        blocks = _reattach_closing_quotes(blocks)
    out = []
    for block in blocks:
        block = normalise(block)
        if block:
            out.append(block)
    return out


def _reattach_closing_quotes(lines: list[str]) -> list[str]:
    """Sentence splitters put a quote's closing mark at the start of the next line
    ('..." Walmart said' split as '...' / '" Walmart said'): give it back."""
    out: list[str] = []
    for line in lines:
        m = re.match(r'^(\s*)(["”’]+)(\s+)(?=\S)', line)
        if out and m and (out[-1].count('"') % 2 == 1 or out[-1].count("“") > out[-1].count("”")):
            out[-1] = out[-1].rstrip() + m.group(2)
            line = m.group(1) + line[m.end() :]
        out.append(line)
    return out


def looks_like_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 30 and not re.search(r"[.:;,]['\"”’)]*$", line.strip())


def article_from_text(text: str) -> Article:
    """A `.txt` revision: the first line is the headline, blocks separated by blank lines are
    paragraphs. Sentence-per-line text without blank lines keeps its first line as the
    headline only when it reads like one."""
    text = text.lstrip("\ufeff")
    blocks = paragraphs(text)
    if not blocks:
        return Article(headline="", paragraphs=())
    first, _, rest = blocks[0].partition("\n")
    has_blank_lines = bool(re.search(r"\n[ \t\u00a0]*\n", text.strip()))
    if has_blank_lines or looks_like_headline(first):
        body = ([rest.strip()] if rest.strip() else []) + blocks[1:]
        return Article(headline=first.strip(), paragraphs=tuple(body))
    return Article(headline="", paragraphs=tuple(blocks))


# --- sentences --------------------------------------------------------------------------------

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gov sen rep reps st ste mt ft gen lt col maj sgt capt cmdr adm cpl pvt
    sr jr rev hon pres supt insp det cst no nos vs etc inc corp co ltd llc plc bros dept est
    approx fig al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri
    sat sun ave blvd rd hwy u.s a.m p.m u.k u.n e.g i.e d.c n.y l.a u.s.a ph.d a.d b.c""".split()
)
# After these, a capitalised word still ends the sentence: "at 7 a.m. Police said ...".
_AMBIGUOUS = frozenset({"a.m", "p.m", "u.s", "u.k", "u.n", "etc", "inc", "corp", "co", "ltd", "d.c"})
_STARTERS = frozenset(
    """the a an he she it they we i you his her their its our this that these those there but and
    so yet or in on at as by for from with after before when while if although though since
    officials police authorities some many most several no none all both one two three it's""".split()
)
_CLOSERS = "\"'”’»)]"
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+)|(?<=[a-z]{3}\.)(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def _word_before(text: str, i: int) -> str:
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"“‘'":
        j -= 1
    return text[j:i]


# A name or pronoun and a speech verb, after a quote's closing mark: the sentence goes on.
_ATTRIBUTION_AFTER = re.compile(
    r"(?!(?:He|She|They|It|We|I)\b)(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+"
    r"(?:said|says|wrote|writes|told|added|asked|tweeted|posted|replied|declared)\b"
    r"(?!\s+(?:that|it|he|she|they|we|no|yes|there|this)\b)"  # "Officials said it was": a new sentence
)


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    """Is the full stop at text[stop] (the last char of a boundary match ending at `after`)
    the end of a sentence?"""
    nxt = after
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    if nxt >= len(text):
        return True
    ch = text[nxt]
    rest = text[nxt:]
    if ch.islower():
        return False
    if not (ch.isupper() or ch.isdigit() or ch in "\"'“‘«(["):
        return ch in "—–-•"  # a dash or bullet after a full stop starts something new
    mark = text[stop]
    if mark in "!?" and ('"' in text[stop:after] or "”" in text[stop:after]) and _ATTRIBUTION_AFTER.match(rest):
        return False  # '"Cancel order!" Mr. Trump wrote': the quote's own attribution
    if mark != ".":
        return True
    if re.match(r"\([A-Za-z]{2,12}\)\s*[—–-]", rest):
        return False  # a dateline: "PINEHAVEN, Ore. (AP) — ..."
    word = _word_before(text, stop).rstrip(".").lower()
    if not word:
        return True
    if word.replace(".", "").isdigit():
        return True  # "... rose to 14." ends; decimals never reach here (no space)
    if word in ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        if word in _AMBIGUOUS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            following = re.match(r"[\"'“‘]*(\w+)", rest)
            return following is not None and following.group(1).lower() in _STARTERS
        return False
    return not (len(word) == 1 and word.isalpha())  # an initial: "J. Smith"


@memo(_CACHE)
def sentence_spans(paragraph: str) -> tuple[Span, ...]:
    """The sentences of one paragraph, as spans of it. Line breaks always end a sentence."""
    spans: list[Span] = []
    for offset, line in _lines(paragraph):
        start = 0
        for m in _BOUNDARY.finditer(line):
            end = m.end()
            stop = m.start() + len(m.group(0).rstrip(_CLOSERS)) - 1
            if _ends_sentence(line, stop, end):
                _add_span(spans, line, start, end, offset)
                start = end
        _add_span(spans, line, start, len(line), offset)
    return tuple(spans)


def _lines(paragraph: str) -> list[tuple[int, str]]:
    """The paragraph's lines with their offsets, a line that cannot end a sentence joined to
    the next ("... said Rep." + "Steve Scalise ...", "KKR &" + "Co."): sentence splitters
    upstream cut there. A joined line keeps its line break, so offsets stay the paragraph's."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in paragraph.split("\n"):
        if out and _runs_on(out[-1][1], line):
            out[-1] = (out[-1][0], out[-1][1] + "\n" + line)
        else:
            out.append((offset, line))
        offset += len(line) + 1
    return out


def _cut_after_title(line: str, following: str) -> bool:
    """A line that ends in a title ("the office of Gov.") or "&" before a capitalised word:
    the splitter cut a name, not a sentence."""
    end, nxt = line.rstrip(), following.lstrip()
    if not end or not nxt[:1].isupper():
        return False
    if end.endswith("&"):
        return True
    word = _word_before(end, len(end) - 1).rstrip(".").lower() if end.endswith(".") else ""
    return word in ABBREVIATIONS and word not in _AMBIGUOUS and word not in {"no", "nos", "etc", "est", "approx"}


def _runs_on(line: str, following: str) -> bool:
    end, nxt = line.rstrip(), following.lstrip()
    if not end or not nxt:
        return False
    if end.endswith("&") or (end[-1].isalnum() and (nxt[0].islower() or nxt[0].isdigit())):
        return True
    # a full stop the sentence rules would not end a sentence at: "Rep.", "U.S." before "Census"
    return end.endswith(".") and not _ends_sentence(end + " " + nxt, len(end) - 1, len(end))


def _add_span(spans: list[Span], line: str, start: int, end: int, offset: int) -> None:
    piece = line[start:end]
    bullet = _BULLET.match(piece.lstrip())
    if bullet:
        start += len(piece) - len(piece.lstrip()) + bullet.end()
        piece = line[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    if piece:
        spans.append(Span(offset + start + lead, offset + start + lead + len(piece), piece.replace("\n", " ")))


def sentences(paragraph: str) -> list[str]:
    return [s.text for s in sentence_spans(paragraph)]


# --- words ------------------------------------------------------------------------------------

# Numbers stay whole ("14,800", "$1.2", "35%"), so that a diff never splits a figure.
TOKEN = re.compile(
    r"""[$£€¥]?\d+(?:[.,]\d+)*%?
      | \w+(?:[-'’]\w+)*
      | \s+
      | [^\w\s]""",
    re.VERBOSE,
)


def tokens(text: str) -> list[str]:
    """Word tokens with the white space between them, so that `"".join(tokens(t)) == t`."""
    return TOKEN.findall(text)


def words(text: str) -> list[str]:
    return [t for t in tokens(text) if not t.isspace()]


STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being has
    have had do does did will would shall should can could may might must that this these those
    it its it's he she they them his her their our we us i you your who whom which what when
    where why how than then there here also not no so if into over after before about up out
    said says say told according""".split()
)


@memo(_CACHE)
def content_words(text: str) -> tuple[str, ...]:
    """Lower-cased words that carry meaning (no stop words, no punctuation)."""
    return tuple(w for w in _CONTENT_WORD.findall(canonical(text).lower()) if w not in STOPWORDS)
