"""Statements: the quotes and attributed claims of an article.

A statement is a direct quote (one sentence or several, across paragraphs when the writer
leaves the quote open, or split around "said X, a spokesperson ...") or an attributed
claim ("the ministry said ...", "according to ..."), with its speaker resolved to a name.
Which of them changed between two revisions is statementchanges.py's job.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from tracker.engine.memo import memo
from tracker.engine.model import Article, Statement
from tracker.engine.statements.attribution import claims_nothing, find_attribution
from tracker.engine.statements.quotes import QuoteScan, mask, quoted_words, scan
from tracker.engine.statements.speakers import Mentions, clean_speaker
from tracker.engine.text import sentence_spans

# Notes about the story rather than statements in it.
EDITORIAL = re.compile(
    r"(?i)\b(?:reported from|contributed (?:to )?(?:this )?report|contributed reporting|"
    r"developing story|this (?:story|article) (?:has been|was|will be) (?:updated|corrected)|"
    r"an earlier version of this)"
)


@dataclass
class _Sentence:
    text: str
    paragraph: int
    start: int  # offset in the paragraph
    quoted: tuple[tuple[int, int], ...]  # spans relative to the sentence
    words: int
    quoted_words: int

    @property
    def quote_share(self) -> float:
        return self.quoted_words / self.words if self.words else 0.0


@dataclass
class _Group:
    sentences: list[_Sentence] = field(default_factory=list)
    speaker: str | None = None
    kind: str = "quote"
    open_at_end: bool = False

    def statement(self) -> Statement:
        text = " ".join(s.text for s in self.sentences)
        return Statement(
            text=text,
            speaker=self.speaker,
            kind="quote" if self.kind == "quote" else "claim",
            paragraph=self.sentences[0].paragraph,
        )


def _sentences(paragraph: str, p: int, resumed: bool) -> list[_Sentence]:
    return [
        _Sentence(text, p, start, local, words, quoted)
        for text, start, local, words, quoted in _read(paragraph, resumed)
    ]


@memo(4096)
def _read(paragraph: str, resumed: bool = False) -> tuple[tuple[str, int, tuple[tuple[int, int], ...], int, int], ...]:
    """Each sentence of a paragraph with its quoted spans (relative to the sentence) and counts;
    the same for both revisions of a paragraph that did not change, so it is read once.
    `resumed`: the paragraph goes on with a quote left open before it."""
    # called alike in both cases, so that the cache of scan() serves extract() too
    quote_scan = scan(paragraph, already_open=True) if resumed else scan(paragraph)
    spans = quote_scan.spans
    ends = [b for _, b in spans]  # spans are in order and never overlap: their ends rise too
    out = []
    for span in sentence_spans(paragraph):
        # the spans that reach into this sentence, found by bisection: a paragraph of a
        # thousand quoted sentences would otherwise test every span for every sentence
        parts = []
        k = bisect.bisect_right(ends, span.start)
        while k < len(spans) and spans[k][0] < span.end:
            a, b = spans[k]
            parts.append((max(a, span.start) - span.start, min(b, span.end) - span.start))
            k += 1
        local = tuple(parts)
        out.append((span.text, span.start, local, len(span.text.split()), quoted_words(span.text, local)))
    return tuple(out)


def extract(article: Article) -> list[Statement]:
    """Every statement in the article, in reading order."""
    mentions = Mentions()
    groups: list[_Group] = []
    previous: tuple[str, int] | None = None  # the last speaker named, with its paragraph
    carry: _Group | None = None  # a quote left open at the end of the previous paragraph
    for p, para in enumerate(article.paragraphs):
        quote_scan = scan(para)
        resumed = carry is not None and not quote_scan.opens_with_quote and _closes_first(para)
        if resumed:  # a quote cut by a line break: "The “costs are out of control." / "Cancel order!” he wrote"
            quote_scan = scan(para, already_open=True)
        mentions.read(_unquoted(para, quote_scan.spans), p)
        current: _Group | None = carry if carry is not None and (quote_scan.opens_with_quote or resumed) else None
        if current is None and _goes_on_quoting(groups, p, para, quote_scan):
            current = groups[-1]  # '"..., " said Rahman.' / '"By morning, ..."': she goes on
        carry = None
        for sent in _sentences(para, p, resumed):
            masked = mask(sent.text, sent.quoted)
            cue = find_attribution(masked)
            speaker = None
            if cue is not None:
                speaker = clean_speaker(cue.phrase, mentions, p, sent.start + cue.start, previous)
                if speaker:
                    mentions.spoke(speaker, p, sent.start + cue.start)
            # begins inside an open quote
            continues = _inside(quote_scan.spans, sent.start) or (resumed and sent.start == 0)
            opens = bool(sent.quoted) and sent.quoted[0][0] <= 2  # after “ or after BBC-style ''
            is_quote = (
                continues
                or sent.quote_share >= 0.5
                or (sent.quoted_words >= 2 and cue is not None)
                or (sent.quoted_words >= 4 and _names_its_subject(sent, mentions, p))
            )
            if is_quote:
                same_speaker = speaker is None or current is None or current.speaker in (None, speaker)
                joins = current is not None and current.kind == "quote" and (continues or (opens and same_speaker))
                if joins and current is not None:
                    current.sentences.append(sent)
                    if current.speaker is None and speaker:
                        current.speaker = speaker
                else:
                    current = _Group([sent], speaker, "quote")
                    groups.append(current)
            elif cue is not None and claims_nothing(masked, cue):
                current = None
                if speaker:
                    previous = (speaker, p)  # no statement, but the next "he said" may be this speaker
            elif cue is not None and not EDITORIAL.search(sent.text):
                current = None
                groups.append(_Group([sent], speaker, "claim"))
            else:
                current = None
            if speaker and groups and groups[-1].speaker == speaker:
                previous = (speaker, p)
        if current is not None and current.kind == "quote" and quote_scan.open_at_end:
            carry = current
    # a quote with no cue anywhere: the person it opens with, else the speaker before it
    statements: list[Statement] = []
    last: str | None = None
    for g in groups:
        if g.speaker is None and g.kind == "quote":
            first = g.sentences[0]
            lead = re.match(r"^([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s", _unquoted(first.text, first.quoted))
            if lead and lead.group(1).lower() not in {
                "the",
                "a",
                "but",
                "and",
                "in",
                "as",
                "it",
                "this",
                "that",
                "he",
                "she",
                "they",
                "we",
                "i",
            }:
                g.speaker = mentions.full_name(lead.group(1))
            else:
                g.speaker = last
        last = g.speaker or last
        statements.append(g.statement())
    return statements


def _inside(spans: tuple[tuple[int, int], ...], at: int) -> bool:
    """Does a quoted span hold `at` strictly inside it? (Spans are in order, apart.)"""
    k = bisect.bisect_right(spans, (at, math.inf)) - 1
    return k >= 0 and spans[k][0] < at < spans[k][1]


def _goes_on_quoting(groups: list[_Group], p: int, para: str, quote_scan: QuoteScan) -> bool:
    """Is this paragraph nothing but a quote, right after a paragraph that ended with a
    speaker's quote? Then the speaker goes on (sentence-per-line text puts every sentence of a
    quote on its own line)."""
    if not (groups and quote_scan.opens_with_quote and len(quote_scan.spans) == 1):
        return False
    last = groups[-1]
    a, b = quote_scan.spans[0]
    whole = a <= 1 and b >= len(para.rstrip(" .,!?”’\"'")) - 1
    return whole and last.kind == "quote" and last.speaker is not None and last.sentences[-1].paragraph == p - 1


_FIRST_MARK = re.compile('["“”]')


def _closes_first(text: str) -> bool:
    """Does the text close a quote it never opened, after some words of it ('Cancel order!” he
    wrote')?"""
    m = _FIRST_MARK.search(text)
    if m is None or len(text[: m.start()].split()) < 2:
        return False  # no mark, or a stray closing mark the line splitter left at the start
    return m.group() == "”" or (m.group() == '"' and not text[m.end() : m.end() + 1].isalnum())


def _names_its_subject(sent: _Sentence, mentions: Mentions, paragraph: int) -> bool:
    """A sentence with quoted words but no cue is a statement when it opens with a person
    ("Netanyahu his government would 'achieve ...'"), not when the quote is a phrase of a
    document or a title."""
    lead = re.match(r"^(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’.-]+", _unquoted(sent.text, sent.quoted))
    if lead is None:
        return False
    last = lead.group(0).split()[-1].rstrip(".,")
    return any(p.name.split()[-1] == last for p in mentions.people)


def _unquoted(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    return mask(text, spans, fill=" ") if spans else text


def quoted_text(statement: Statement) -> str:
    """The words inside the quote marks of a statement (empty for a plain claim)."""
    result = scan(statement.text)
    return " ".join(statement.text[a:b] for a, b in result.spans)
