"""Attribution cues: the "said", "told reporters" or "according to" in a sentence, and
the words that name who spoke.

`find_attribution` reads a sentence whose quoted words are masked (quotes.mask), so that
a "said" inside a quote is never taken for the sentence's own cue. Cues are ranked: next
to a quote ('..." said Lina Qasem'), closing the sentence ('..., officials said.'),
"according to", opening it ("Netanyahu said ..."), anywhere else. A phrase counts as a
speaker only when it reads as a noun phrase (`plausible_speaker`): a name, a pronoun, or
words that end in a person or a body ("the ministry", "a department spokesperson").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.engine.lexicon import (
    AFTER_QUOTE_ONLY,
    DATA_NOUNS,
    EVIDENCE_VERBS,
    GROUP_NOUNS,
    JUDGING_VERBS,
    KIN_FEMALE,
    KIN_MALE,
    NAME_CONNECTORS,
    NOT_NAMES,
    OPENERS,
    PRONOUNS,
    ROLE_BEFORE,
    SPEECH_VERB_WORDS,
    WEAK_VERBS,
    one_of,
)
from tracker.engine.memo import memo

_OPENER = re.compile(rf"^(?:{one_of(OPENERS)}),?\s+", re.IGNORECASE)  # "Meanwhile Okonjo": Okonjo

# Speech verbs, "according to", and "saying" ("Boeing issued a statement late Monday saying
# ...", "He put the blame on the media, saying ...": the subject of the sentence speaks)
_CUE_WORDS = re.compile(
    rf"\b(?:(?P<verb>{one_of(SPEECH_VERB_WORDS | EVIDENCE_VERBS)})|(?P<according>[Aa]ccording to)|(?P<saying>saying))\b"
)
_SUBJECT = re.compile(
    r"^\W*((?:[A-Z][a-z]+\s+(?:[a-z]+\s+)?(?=[A-Z]))?(?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&.-]*|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e"
    r"|(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*|[A-Z][a-z-]+(?:\s+[a-z][\w-]*){1,2})"
    r"\s+(?:(?:also|later|then|has|had|have)\s+)*(?:[a-z]+ed|issued|put|posted|wrote|went|took|sent|made|gave|held|told|said)\b"
)


# One adverb, auxiliary or time phrase at the end of the words before a cue ("Colin
# Maybury, has told", "the ministry said in a statement on Monday").
_TRAILING = re.compile(
    r"\s+(?:also|later|previously|earlier|separately|again|then|now|still|already|had|has|have|"
    r"was|were|is|are|would|will|could|did|do|does|publicly|privately|repeatedly|recently|"
    r"on\s+\w+day|in\s+a\s+statement|on\s+\w+)$",
    re.IGNORECASE,
)
_TRAILING_REACH = 80  # longer than any one of those phrases, bar freaks


_NO_CLAIM = frozenset(
    """on in at by the a an this that last next late early later earlier monday tuesday wednesday
    thursday friday saturday sunday morning afternoon evening night today yesterday tonight week
    weekend again too also publicly privately""".split()
)


def claims_nothing(masked: str, cue: Attribution) -> bool:
    """A sentence that is all cue: "Tomas Berglund conceded on Sunday afternoon." names who
    spoke and when, but carries no claim (its speaker still speaks next: "..., he said")."""
    if masked[: max(0, masked.rfind(cue.phrase, 0, cue.start + 1))].strip():
        return False
    tail = masked[cue.start + len(cue.verb) :]
    return not any(w not in _NO_CLAIM for w in re.findall(r"[a-zQ]+", tail.lower()))


def _strip_trailing(text: str) -> str:
    """`text` without the run of such phrases at its end, peeled one at a time from the end
    (an end-anchored pattern searched over the whole text tries every position: slow)."""
    while True:
        window = max(0, len(text) - _TRAILING_REACH)
        m = _TRAILING.search(text, window)
        if m is not None and m.start() == window and window > 0:
            m = _TRAILING.search(text)  # the phrase may start before the window
        if m is None:
            return text
        text = text[: m.start()]


@dataclass(frozen=True, slots=True)
class Attribution:
    phrase: str  # the words that name the speaker, as written ("he", "the ministry", "Lina Qasem, a spokesperson ...")
    verb: str
    start: int  # where the cue starts in the sentence
    rank: int  # 1: next to a quote; 2: closing the sentence; 3: "according to"; 4: opening the sentence; 5: elsewhere


_QUOTE_END = re.compile(r"Q[.,!?…]*[\"”’']?[,.!?…]*\s*,?\s*$")


_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|getting)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PRONOUN_END = re.compile(r"(?:^|\s)(he|she|they|we|it|i)$", re.IGNORECASE)


def _last_words(text: str, n: int) -> int:
    """Where the last `n` words of `text` begin: a pattern anchored at the end that spans at
    most n words is searched from there (searched from the start, it is tried at every
    position of the text)."""
    i = len(text)
    for _ in range(n):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


# "of Louisville, Kentucky", "in Seoul, South Korea": a place and its state or country (one
# word, or two with a compass word; two capitalised words after the comma are more often a name)
_PLACE_STATE = re.compile(
    r"(\b(?:of|in|from|near|outside)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*),"
    r"\s*(?:(?:New|North|South|East|West|Northern|Southern|Rhode|Puerto|Saudi|Sri|Costa|El)\s+)?[A-Z][\w.'’-]*$"
)


_NAME_AFTER_COMMA = re.compile(r",\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s*(?:[.,;]|$)")
_PARTICIPLE_ASIDE = re.compile(r"\s*(?:interviewed|speaking|writing|quoted|asked|reached|contacted)\b")
_LED_BY = re.compile(r"\s*(?:led|headed|run|chaired|founded|owned|backed)\s+by\b")


def _words_before(masked: str, end: int) -> str:
    """The noun phrase that ends at `end`, up to a clause boundary, an appositive kept whole:
    "Lina Qasem, a spokesperson for X," -> "Lina Qasem, a spokesperson for X";
    "Jackson, 28, who was raised in ..., said" -> "Jackson, 28, who was raised in ..."."""
    before = _strip_trailing(masked[:end].rstrip())  # "Colin Maybury, has told": the name, not "has"
    before = re.sub(r"\s*\([^()]*\)", "", before)
    pronoun = _PRONOUN_END.search(before, max(0, _last_words(before, 1) - 1))
    if pronoun:
        return pronoun.group(1)  # "... the selection process he replied"
    if before.endswith(","):
        inner = _PLACE_STATE.sub(r"\1", before[:-1])  # "Pam Platt of Louisville, Kentucky,": the state is no speaker
        segments = inner.split(",")
        if len(segments) == 2 and _PARTICIPLE_ASIDE.match(segments[1]):
            head = _last_np(segments[0])  # "The airline's chief executive, interviewed by CNN,": the executive
            if head and plausible_speaker(head):
                return head
        if len(segments) == 2 and _LED_BY.match(segments[1]):
            # "The 'no' campaign, led by Anton Dresch,": the campaign speaks (its quoted words dropped)
            head = re.sub(r"\s*['\"“‘]?\bQ+\b['\"”’]?", "", _last_np(segments[0]))
            if head and not _NP_BREAKERS & set(head.lower().split()):
                return head + ", " + segments[1].strip()
        for i in range(len(segments) - 1, 0, -1):
            later = segments[i:]
            if not all(re.match(r"\s*(?:[a-z0-9]|\S*\d)", seg) for seg in later):
                break
            head = _last_np(",".join(segments[:i]))
            if head and looks_like_name(head):
                return head + ", " + ",".join(later).strip()
        before = inner
    return _last_np(before)


_NP_BREAKERS = frozenset(
    """is are was were be been being has have had will would could should can may might must
    do does did to that which who whom whose if because""".split()
)


_MASKED_QUOTE = re.compile(r"\bQ+\b")
_RELATIVE = re.compile(r"\s+(?:who|whose|which)\s")


_NUMBER_WORD = re.compile(
    r"\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|dozens?|hundreds|thousands)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
)


def plausible_speaker(phrase: str) -> bool:
    """Could this phrase name who spoke? A name, a pronoun, or a noun phrase that ends in a
    person or body ("the ministry", "a department spokesperson"); never a clause."""
    if _MASKED_QUOTE.search(phrase):
        return False
    phrase = _RELATIVE.split(phrase, maxsplit=1)[0]
    words = phrase.replace(",", " ").split()
    head = phrase.split(",")[0].split()
    if not head:
        return False
    lows = [w.lower().strip(".’'") for w in head]
    if all(_NUMBER_WORD.fullmatch(w) for w in lows):
        return False  # "Fifty-one said they had lost their homes": a count of people, not who
    if "," in phrase and _LED_BY.match(phrase.split(",", 1)[1]) and len(head) <= 4 and head[-1].isalpha():
        return True  # "The campaign, led by Anton Dresch": a body, its leader named
    if "," in phrase and len(head) <= 4 and lows[0] not in _DETERMINERS and looks_like_name(" ".join(head)):
        return True  # "Andrew Charlton, the managing director at ..., an air transport consultancy ...": any length
    if len(words) > 14:
        return False
    if lows[0] in {
        "to",
        "of",
        "for",
        "in",
        "on",
        "at",
        "from",
        "with",
        "by",
        "there",
        "this",
        "these",
        "those",
        "it's",
    }:
        return False
    if any(w in _NP_BREAKERS for w in lows):
        return False
    if len(head) == 1 and lows[0] in PRONOUNS:
        return True
    last = head[-1].strip(".’'")
    low_last = last.lower()
    if (
        last[:1].isupper()
        or low_last in GROUP_NOUNS
        or low_last.rstrip("s") in GROUP_NOUNS
        or low_last in ROLE_BEFORE
        or low_last in KIN_FEMALE
        or low_last in KIN_MALE
    ):
        return True
    # "the railroad", "the sheriff's office", "its parent company": a short noun phrase that
    # a determiner opens; "county assessors", "local doctors": a short plural one
    short = len(head) <= 4 and last.isalpha()
    return short and (lows[0] in _DETERMINERS or (low_last.endswith("s") and not low_last.endswith("ss")))


_DETERMINERS = frozenset("the a an its his her their our this that".split())


_CLAUSE_CUT = re.compile(
    r"(?:[,;:(—–]|--|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bas\b|\bwhen\b|\bwhere\b|\bafter\b|\bbecause\b"
    r"|[\"”’]\s|Q[\"”’]?\s)"
)


def _last_cut(text: str) -> int:
    """Where the last clause boundary in `text` ends (0 if none); "and" inside a name
    ("Centers for Disease Control and Prevention", "Bruce and Dana DeKalb") is no boundary."""
    for m in reversed(list(_CLAUSE_CUT.finditer(text))):
        if m.group(0) == "and":
            before = text[max(0, m.start() - 40) : m.start()].split()
            after = text[m.end() : m.end() + 40].split()
            if before and after and before[-1][:1].isupper() and after[0][:1].isupper():
                continue
        return m.end()
    return 0


def _last_np(text: str) -> str:
    text = _strip_trailing(text.rstrip(" ,"))
    # the phrase is nine words at most: the last 200 characters (from a word's start) hold it
    start = text.find(" ", len(text) - 200) + 1 if len(text) > 200 else 0
    cut = start + _last_cut(text[start:])
    phrase = text[cut:].strip(' ,"”“’')
    words = phrase.split()
    if len(words) > 9:
        phrase = " ".join(words[-9:])
    return phrase


def looks_like_name(phrase: str) -> bool:
    words = [w for w in phrase.split() if w.lower() not in NAME_CONNECTORS]
    return bool(words) and all(w[:1].isupper() for w in words[-2:]) and phrase.split()[-1].lower() not in NOT_NAMES


GENERIC_HEAD = re.compile(r"^(?:an?|the|one|another)\s+[a-z]", re.IGNORECASE)


def _inverted_phrase(after: str) -> str:
    """The speaker after an inverted cue: '..." said Lina Qasem, a spokesperson for X, who ...'."""
    after = after.strip()
    if GENERIC_HEAD.match(after) and re.search(r",\s*[A-Z][\w'’-]+\W*$", after):
        return after.rstrip(" .")  # "a woman who ... gave only her first name, Sabine."
    phrase = re.split(
        r";|\.\s*$|,\s+(?:who|whose|which|adding|as|after|before|when|while|where|in\s+a)\b|\s+(?:who|whose|which|on|in|at)\s+(?=[a-z])"
        r"|\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s+(?:as|while|when|after|before)\s+(?=[a-z])",
        after,
        maxsplit=1,
    )[0]
    return phrase.strip(" ,.")


# Each cue is judged from the text before and after it, so a sentence with hundreds of cue
# words ("... 412 claims in Alder, 97 claims in Birch, ...": a list, not speech) would cost
# hundreds of readings of its whole text. Only the first and last few of them are read;
# no sentence of an ordinary article has more than a handful.
_MAX_CUES = 16


def _some(cues: list[re.Match[str]]) -> list[re.Match[str]]:
    half = _MAX_CUES // 2
    return cues if len(cues) <= _MAX_CUES else cues[:half] + cues[-half:]


@memo(8192)
def find_attribution(masked: str) -> Attribution | None:
    """The speech cue of a sentence whose quotes are masked with 'Q'. None when it has none."""
    found = list(_CUE_WORDS.finditer(masked))  # one pass for every kind of cue word
    if not found:
        return None
    verbs = _some([m for m in found if m.lastgroup == "verb"])
    according = _some([m for m in found if m.lastgroup == "according"])
    saying = next((m for m in found if m.lastgroup == "saying"), None)
    cues: list[Attribution] = []
    if saying:
        subject = _SUBJECT.match(masked[: saying.start()])
        if subject and plausible_speaker(subject.group(1)):
            cues.append(Attribution(subject.group(1), "saying", subject.start(1), 4))
    for m in according:
        tail = masked[m.end() :]
        phrase = re.split(r"[,;]|\bwhich\b|\bwho\b", tail, maxsplit=1)[0].strip(" .")
        named = _NAME_AFTER_COMMA.match(tail, len(phrase) + (len(tail) - len(tail.lstrip(" ."))))
        if named:  # "according to the district's chief administrator, Bimala Thapa"
            phrase = f"{phrase}, {named.group(1)}"
        if phrase and not re.search(r"\bQ+\b", phrase) and len(phrase.split()) <= 14:
            cues.append(Attribution(phrase, "according to", m.start(), 3))
    for m in verbs:
        verb = m.group(0)
        before = masked[: m.start()]
        after = masked[m.end() :]
        passive = _PASSIVE.search(before, _last_words(before, 2))
        if passive or (re.match(r"\s+to\b", after) and verb not in {"told", "said"}):
            continue  # "were told to keep windows closed", "was reported to"
        if verb in {"called", "calls"} and re.match(r"\s+for\s+(?:an?|the|his|her|their|its|new|more)\s+[a-z]", after):
            pass  # "called for an inquiry", "for the resignation of": a demand is a claim ("for calm" is not)
        elif verb in {"painted", "paints"}:
            if not re.search(r"\bas\b", after):
                continue  # "painted the fence": a claim only as "painted X as Y"
        elif verb in JUDGING_VERBS and not re.search(r"\bQ+\b", after):
            continue  # "described the scene": judging words only with a quote
        if re.match(r"\s+(?:by\s+[a-z]+ing|with\s+(?:a|an|the)?\s*[a-z]+\s+(?:of|on|against)\b)", after):
            continue  # "responded by cutting ties", "responded with a ban on": an action, not a statement
        tail_words = len(re.sub(r"Q+", "", after).split())
        # '..." said X' names the speaker after the verb; '..." X told the AP' never does
        inverts = verb != "told"
        if (
            inverts
            and _QUOTE_END.search(before)
            and re.match(r"\s+[A-Z]|\s+(?:a|an|the)\s|\s+(?:[a-z][\w-]*\s+){1,3}[A-Z]", after)
        ):
            phrase = _inverted_phrase(after)
            if plausible_speaker(phrase):
                cues.append(Attribution(phrase, verb, m.start(), 1))  # '..." said X'
                continue
        if verb in AFTER_QUOTE_ONLY:
            continue
        if (
            before.rstrip().endswith(",")
            and re.match(r"\s+(?:[A-Z]|(?:a|an|the)\s)", after)
            and verb in {"said", "says", "added", "wrote"}
        ):
            phrase = _inverted_phrase(after)
            if plausible_speaker(phrase):
                cues.append(Attribution(phrase, verb, m.start(), 2))  # "..., said Norah West, a spokeswoman"
                continue
        if re.match(r"\s+(?:nothing|little)\b", after):
            continue  # "he said nothing to reporters"
        phrase = _OPENER.sub("", _words_before(masked, m.start()))
        if not plausible_speaker(phrase) and re.search(r"\band\s+$", before):
            subject = _SUBJECT.match(before)  # "Friends attended the hearing and said ...": the subject
            phrase = subject.group(1) if subject else phrase
        if not plausible_speaker(phrase):
            continue
        weak_ok = re.match(r"\s+(?:that\b|Q|[\"“])", after) or tail_words <= 4 or re.search(r",\s+saying\b", after)
        if (verb in WEAK_VERBS or verb in EVIDENCE_VERBS) and not weak_ok:  # "announced the suspension, saying ..."
            continue
        if verb in EVIDENCE_VERBS and phrase.split()[-1].lower() not in DATA_NOUNS:
            continue  # "the figures showed" attributes; "the video showed" does not
        np_start = masked.rfind(phrase, 0, m.start())
        lead = masked[: max(0, np_start)].rstrip()
        if _QUOTE_END.search(lead):
            rank = 1  # '...," Blinken said'
        elif tail_words <= 6 and (lead.endswith(",") or not lead):
            rank = 2  # "..., officials said."
        elif not lead or (re.fullmatch(r"[^,]*,", lead) and len(lead.split()) <= 12):
            rank = 4  # "Netanyahu said ...", "In a statement, X said ..."
        else:
            rank = 5
        cues.append(Attribution(phrase, verb, m.start(), rank))
    if not cues:
        return None
    return min(cues, key=lambda c: (c.rank, c.start))
