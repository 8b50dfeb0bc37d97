"""Which statements changed between two revisions: added, removed, reworded.

A statement is unchanged when its text is the same, or for a quote when its quoted words are
the same (only the attribution moved). A claim whose figures changed, or that was merely
reworded, is the same claim: its figures are reported as figure changes, not as a new
statement. A quote whose words changed is removed and added, and marked as a rewording of
the old one when the two are close.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence

from tracker.engine import joins
from tracker.engine.align import similarity
from tracker.engine.figures.numbers import NUMBER_WORDS
from tracker.engine.figures.read import figures
from tracker.engine.memo import memo
from tracker.engine.model import Rewording, Statement
from tracker.engine.statements.attribution import find_attribution
from tracker.engine.statements.quotes import mask, scan
from tracker.engine.statements.read import quoted_text
from tracker.engine.text import STOPWORDS, content_words, key

SAME_CLAIM_CANDIDATE = 0.45  # claims this similar (figures masked) may be one claim, reworded
NOVEL_RUN = 3  # ... unless one says at least this many new words in a row
NOVEL_TOTAL = 5  # ... or this many words differ in all (old ones gone plus new ones)
REWORDING = 0.35  # quotes at least this similar are a rewording of each other
_VAGUE = frozenset(
    """dozens hundreds thousands scores tens millions billions several few many some more
    than least about nearly almost around roughly approximately over under up fewer less
    estimated""".split()
)
# When something happened moves with every update ("by midmorning" -> "by Tuesday
# afternoon"): not a change of what is claimed.
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    tomorrow morning afternoon evening night midmorning midday noon midnight overnight
    dawn dusk a.m p.m am pm earlier later week weekend month year end
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


_UNCOUNTED = NUMBER_WORDS | _VAGUE | _TIME_WORDS
_FIGURE = re.compile(r"[\d,.]+%?")


@memo(4096)
def _bag(text: str) -> Counter[str]:
    """Content words with figures and vague quantities masked: two wordings of one claim
    whose only difference is a number look the same. (Cached: never change the bag.)"""
    return Counter(w for w in content_words(text) if not (w[:1].isdigit() or w in _UNCOUNTED or _FIGURE.fullmatch(w)))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


DATELINE = re.compile(r"^[A-Z][A-Za-z.' ]{1,40}(?:,[A-Za-z. ]{2,30})?\s*(?:\([A-Za-z. ]+\))?\s*(?:--|—|–)\s*")


def _claim_text(s: Statement) -> str:
    """What is claimed: the dateline and the attribution (speaker and cue) left out."""
    return _claim_text_of(s.text)


@memo(4096)
def _claim_text_of(text: str) -> str:
    """(Cached: a claim is compared with every candidate that may restate it.)"""
    text = DATELINE.sub("", text)
    cue = find_attribution(mask(text, scan(text).spans))
    if cue is not None:
        for part in (cue.phrase, cue.verb):
            text = text.replace(part, " ")
    return text


def _claim_words(s: Statement) -> tuple[str, ...]:
    """The content words of what is claimed, figures left out."""
    return _claim_words_of(s.text)


@memo(4096)
def _claim_words_of(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in _bag(_claim_text_of(text)).elements())


_NEGATIONS = frozenset("not no never cannot unable nobody nothing none neither nor".split())
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def _new_figure(a: str, b: str) -> bool:
    """Does one text give a figure the other has no value for at all ("would be reviewed in
    the spring" -> "had been renewed for three more years")? New information, not rewording."""
    va, vb = ({f.value for f in figures(t)} for t in (a, b))
    return bool(va ^ vb) and not (va and vb)


def _extended(a: Statement, b: Statement) -> bool:
    """Does one claim say all the other says and then more ("shelters had been opened at two
    high schools" -> "... at two high schools and a church hall")? New information."""
    ka, kb = (key(_claim_text(s)).split() for s in (a, b))
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    extra = [w for w in long[len(short) :] if w not in STOPWORDS]
    return len(short) >= 4 and long[: len(short)] == short and len(extra) >= 2


def _polarity_flipped(a: Statement, b: Statement) -> bool:
    """'the suspect was armed' -> 'was not armed' / 'was unarmed': few words, the opposite claim."""
    wa, wb = (_WORD.findall(_claim_text(s).lower()) for s in (a, b))

    def negations(words: list[str]) -> int:
        return sum(1 for w in words if w in _NEGATIONS or w.endswith(("n't", "n’t")))

    def antonyms(words: list[str], other: list[str]) -> int:  # "unsafe" here where the other says "safe"
        return sum(1 for w in words if w[:2] in {"un", "in", "im"} and len(w) > 5 and w[2:] in other)

    # parity, so that "not clear" -> "unclear" is the same claim
    return (negations(wa) + antonyms(wa, wb)) % 2 != (negations(wb) + antonyms(wb, wa)) % 2


def _substantive(a: Statement, b: Statement, slack: int = 0) -> bool:
    """Does one claim say something the other does not (a run of new words, or many),
    rather than the same thing reworded or with new figures? `slack` more words may differ."""
    wa, wb = _claim_words(a), _claim_words(b)
    sa, sb = set(wa), set(wb)
    novel = 0
    for words, other in ((wa, sb), (wb, sa)):
        run = 0
        for w in words:
            if w in other:
                run = 0
                continue
            run += 1
            novel += 1
            if run >= NOVEL_RUN + slack:
                return True
    return novel >= NOVEL_TOTAL + 2 * slack  # words gone and words new, together


def changes(
    old: Sequence[Statement],
    new: Sequence[Statement],
    old_sentences: Sequence[str] = (),
    new_sentences: Sequence[str] = (),
    updated: Collection[tuple[str, str]] = (),
) -> tuple[list[Statement], list[Statement], list[Rewording]]:
    """(added, removed, reworded) statements between two revisions. Given the revisions'
    sentences, a claim that only gained or lost its attribution ("Crews needed five hours"
    -> "Crews needed seven hours, Sadik said") is no new or removed statement. `updated` holds
    (old sentence, new sentence) of each figure that changed: two claims linked by one are the
    same claim updated, and may differ by a few more words."""
    new_left: list[Statement] = []
    by_key: dict[str, list[int]] = {}  # text key, or quoted words, -> indexes into `old`
    for i, s in enumerate(old):
        by_key.setdefault(key(s.text), []).append(i)
        q = key(quoted_text(s))
        if s.kind == "quote" and len(q.split()) >= 3:
            by_key.setdefault("q:" + q, []).append(i)
    taken: set[int] = set()

    def take(k: str) -> int | None:
        return next((i for i in by_key.get(k, ()) if i not in taken), None)

    for s in new:
        match = take(key(s.text))
        if match is None and s.kind == "quote":
            q = key(quoted_text(s))
            if len(q.split()) >= 3:
                match = take("q:" + q)
        if match is None:
            new_left.append(s)
        else:
            taken.add(match)
    old_left = [s for i, s in enumerate(old) if i not in taken]
    # what is left: same claims reworded or with new figures, quotes reworded, the rest
    old_bags = [_bag(s.text) for s in old_left]
    new_bags = [_bag(s.text) for s in new_left]
    # Pairs under REWORDING never count, and a bag must be REWORDING - 0.05 similar to get
    # there with a shared speaker: a join finds the candidates, not a score of every pair.
    # Best first, ties in the order of the old statements, then the new.
    candidates = joins.similar_pairs(old_bags, new_bags, REWORDING - _SAME_SPEAKER, "statements.match")
    scored = sorted(
        (
            (similarity(old_bags[i], new_bags[j]) + _speaker_bonus(old_left[i], new_left[j]), i, j)
            for i, j in candidates
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    # which updated figures' old sentence is in an old claim, and new sentence in a new one
    links = list(updated)
    in_old, in_new = _Contained([a for a, _ in links]), _Contained([b for _, b in links])
    same: set[tuple[int, int]] = set()
    used_old: set[int] = set()
    used_new: set[int] = set()
    reworded: list[Rewording] = []
    for score, i, j in scored:
        if i in used_old or j in used_new:
            continue
        o, n = old_left[i], new_left[j]
        claims = "claim" in (o.kind, n.kind) or key(quoted_text(o)) == key(quoted_text(n))
        linked = o.kind == n.kind == "claim" and (
            any(a in o.text and b in n.text for a, b in links)
            if len(links) <= 64  # (a few: faster tested one by one)
            else bool(in_old.which(o.text) & in_new.which(n.text))
        )
        slack = 1 if linked else 0
        if (
            claims
            and score >= SAME_CLAIM_CANDIDATE - (0.1 if linked else 0)
            and not _substantive(o, n, slack)
            and not _polarity_flipped(o, n)
            and (linked or not _new_figure(o.text, n.text))
            and not _extended(o, n)
        ):
            same.add((i, j))  # the same claim, reworded or with new figures
        elif score >= REWORDING:
            reworded.append(Rewording(o, n))
        else:
            continue
        used_old.add(i)
        used_new.add(j)
    settled_old = {i for i, _ in same}
    settled_new = {j for _, j in same}
    removed = [s for i, s in enumerate(old_left) if i not in settled_old]
    added = [s for j, s in enumerate(new_left) if j not in settled_new]
    if any(s.kind == "claim" for s in removed):
        removed = _unless_stated_plainly(removed, new_sentences, new)
    if any(s.kind == "claim" for s in added):
        added = _unless_stated_plainly(added, old_sentences, old)
    return added, removed, reworded


_SAME_SPEAKER = 0.05


class _Contained:
    """Which of many strings (`needles`) occur in a text, without testing each one: the
    needles are indexed by their first `_KEY` characters, and only those whose key is read
    at some position of the text are tested there. (Testing every figure's sentence against
    every pair of claims is quadratic in an article with thousands of figures.)"""

    _KEY = 16

    def __init__(self, needles: Sequence[str]) -> None:
        self.needles = needles
        self.short = [k for k, s in enumerate(needles) if len(s) < self._KEY]
        self.by_key: dict[str, list[int]] = {}
        for k, s in enumerate(needles):
            if len(s) >= self._KEY:
                self.by_key.setdefault(s[: self._KEY], []).append(k)
        self.seen: dict[str, frozenset[int]] = {}

    def which(self, text: str) -> frozenset[int]:
        """The indexes of the needles that occur in `text` (as `needle in text` says)."""
        found = self.seen.get(text)
        if found is None:
            hits = {k for k in self.short if self.needles[k] in text}
            if self.by_key:
                for pos in range(len(text) - self._KEY + 1):
                    for k in self.by_key.get(text[pos : pos + self._KEY], ()):
                        if text.startswith(self.needles[k], pos):
                            hits.add(k)
            found = self.seen[text] = frozenset(hits)
        return found


def _speaker_bonus(old: Statement, new: Statement) -> float:
    """Two statements of one speaker are a little likelier one statement."""
    return _SAME_SPEAKER if old.speaker and old.speaker == new.speaker else 0.0


def _unless_stated_plainly(
    claims: list[Statement], sentences: Sequence[str], statements: Sequence[Statement]
) -> list[Statement]:
    """The statements, less the claims that the other revision states without attributing them."""
    whole = " \x00 ".join(st.text for st in statements)
    # not part of a statement there (by an index: each sentence searched in the whole text
    # of the statements is quadratic in a long article)
    if len(sentences) * len(statements) <= 4096:
        plain = [(t, _bag(t)) for t in sentences if t not in whole]
    else:
        stated = _Contained(list(sentences)).which(whole)
        plain = [(t, _bag(t)) for k, t in enumerate(sentences) if k not in stated]
    if not plain:
        return claims
    out = []
    bags = [_bag(_claim_text(claim)) if claim.kind == "claim" else Counter() for claim in claims]
    near: dict[int, list[int]] = {}
    for i, k in joins.similar_pairs(bags, [b for _, b in plain], SAME_CLAIM_CANDIDATE, "statements.plain"):
        near.setdefault(i, []).append(k)
    for i, claim in enumerate(claims):
        if claim.kind == "claim":
            bag = bags[i]
            candidates = (
                Statement(plain[k][0], None, "claim")
                for k in near.get(i, ())
                if similarity(bag, plain[k][1]) >= SAME_CLAIM_CANDIDATE
            )
            if any(not _substantive(claim, c) and not _polarity_flipped(claim, c) for c in candidates):
                continue
        out.append(claim)
    return out
