"""Names in a text: the capitalised runs of a paragraph read as people or organisations.

`names_in` finds each name with its offset, says whether it is an organisation (it ends in,
or is built around, an organisation word) or a person, what gender the text gives it
(kinship words, titles, a pronoun later in its sentence), whether the text shows it is a
person at all (a title, a role or an age beside it, a speech verb after it), and the title
words written before it. speakers.py keeps track of them across an article.
"""

from __future__ import annotations

import re

from tracker.engine.lexicon import (
    BUSINESS_TAILS,
    KIN_FEMALE,
    KIN_MALE,
    NAME_CONNECTORS,
    NOT_NAMES,
    ORG_WORDS,
    ROLE_BEFORE,
    SPEECH_VERBS,
    TITLES,
)
from tracker.engine.memo import memo

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽΑ-ΩА-Я"


WORD = rf"[{_UPPER}][\w'’.-]*"


# Capitalised words, with the small words that join names ("Ministry of Health",
# "Centers for Disease Control and Prevention", "Ana de la Cruz").
_NAME_RUN = re.compile(rf"{WORD}(?:\s+(?:(?:of|for|the|de|del|da|dos|van|von|al|bin|la|le|y|and)\s+)*{WORD})*")


_WORDS = re.compile(r"\w+")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|across)\s+$")  # "In New York, the storm ...": a place
POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"[.!?]\s")


_SHE = re.compile(r"\b(?:she|her|hers|herself)\b")
_HE = re.compile(r"\b(?:he|his|him|himself)\b")


_APPOSITIVE_AFTER = re.compile(r"\s*,\s*(?:\d{1,3}\b|an? |the |who |whose |(?:[\w’'-]+ ){1,3}(?:of|for|at|with) )")


_VERB_AFTER = re.compile(rf"\s*(?:{SPEECH_VERBS})\b")


@memo(4096)
def names_in(text: str) -> tuple[tuple[str, str, int, str | None, bool, frozenset[str]], ...]:
    """(kind, name, offset, gender, evidence) for each capitalised name in a paragraph: kind
    'org' or 'person'; evidence says the text itself shows a person (a title, an age or a
    role in apposition, a kinship word, a speech verb after it); titles, the title words
    written before a person's name."""
    out: list[tuple[str, str, int, str | None, bool, frozenset[str]]] = []
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower().rstrip(".") in NOT_NAMES:
            words.pop(0)
        if not words:
            continue
        # a full stop inside the run ends a name: "Nevada. Becker"
        pos = m.end() - len(" ".join(words))
        start = 0
        for k, w in enumerate(words):
            if _ends_name(w) or k == len(words) - 1:
                name = " ".join(words[start : k + 1]).rstrip(".,’'")
                if name and name.lower() not in NOT_NAMES:
                    found = _classify(text, pos, name)
                    if found:
                        out.append(found)
                pos += len(" ".join(words[start : k + 1])) + 1
                start = k + 1
                while start < len(words) and words[start].lower().rstrip(".") in NOT_NAMES:
                    pos += len(words[start]) + 1
                    start += 1
    return tuple(out)


def _classify(text: str, pos: int, name: str) -> tuple[str, str, int, str | None, bool, frozenset[str]] | None:
    if " " not in name and _opens_sentence(name, text, pos):
        return None  # "Similarly, the Facebook chief ...", "Meanwhile, the mayor ...": no name
    name = POSSESSIVE.sub("", name)  # "Clinton's" names Clinton
    head, of, _ = name.partition(" of ")
    if of and len(strip_titles(head).split()) in (2, 3) and not is_org(head):
        name = head  # "Elizabeth Stuart of Oxfam": a person, then where she works
    if is_org(name):
        return ("org", name, pos, None, True, frozenset())
    person = strip_titles(name)
    if not person or _is_place_like(person) or person.replace(".", "").isupper():
        return None  # "US", "IMF", "CNN" are never the person a pronoun points to
    before = text[max(0, pos - 40) : pos].lower()
    after = text[pos + len(name) : pos + len(name) + 60].lower()
    gender = None
    stated = True  # the gender comes from the text around the name, not from a later pronoun
    kin_word = next(reversed(_WORDS.findall(before)), "")  # the word just before the name
    if kin_word in KIN_FEMALE or kin_word in {"mrs", "ms", "miss"}:
        gender = "f"
    elif kin_word in KIN_MALE or kin_word == "mr":
        gender = "m"
    else:
        # "Clinton ... ruling herself out": a pronoun later in the same sentence
        rest = _SENTENCE_END.split(text[pos + len(name) : pos + len(name) + 160], maxsplit=1)[0].lower()
        she = _SHE.search(rest) is not None
        he = _HE.search(rest) is not None
        gender = "f" if she and not he else "m" if he and not she else None
        stated = False

    # a title in sentence case before the name: "Chief executive Fiona Mallory", "Transport
    # minister Rhodri Evans"
    lower_titles = _titles_before(before) if kin_word in TITLES else frozenset()
    evidence = (
        (gender is not None and stated)
        or len(name.split()) > len(person.split())  # it had a title
        or bool(lower_titles)
        or kin_word in ROLE_BEFORE
        or (_APPOSITIVE_AFTER.match(after) is not None and not _PLACE_BEFORE.search(before))
        or _VERB_AFTER.match(after) is not None
    )
    prefix = name[: len(name) - len(person)] if name.endswith(person) else ""
    titles = frozenset(w.lower().strip(".,") for w in prefix.split())  # "Health Minister": health, minister
    return ("person", person, pos, gender, evidence, titles | lower_titles)


_LINKING_WORDS = frozenset(
    """however meanwhile still instead also yet moreover nevertheless separately earlier later
    thus therefore indeed""".split()
)


def _opens_sentence(word: str, text: str, pos: int) -> bool:
    """An adverb opening a sentence before a comma: "Similarly,", "However,"."""
    low = word.lower()
    return (low.endswith("ly") or low in _LINKING_WORDS) and text[pos + len(word) : pos + len(word) + 1] == ","


def _titles_before(before: str) -> frozenset[str]:
    """The title words ending the (lower-cased) text before a name, with the one word of the
    office before them: "chief executive" -> {chief, executive}; "transport minister" ->
    {transport, minister}."""
    words = _WORDS.findall(before)
    k = len(words)
    while k > 0 and words[k - 1] in TITLES:
        k -= 1
    if k == len(words):
        return frozenset()
    if k > 0 and words[k - 1] not in NOT_NAMES and len(words) - k == 1:
        k -= 1  # "transport minister": the office's subject too
    return frozenset(words[k:])


@memo(4096)
def is_org(name: str) -> bool:
    """An organisation's name ends in, or is built around, an organisation word:
    "Israel Defense Forces", "Ministry of Health", "Centers for Disease Control"."""
    words = [w.lower().strip(".,'’") for w in name.split()]
    heads = words[-1:] + [words[i - 1] for i in range(1, len(words)) if words[i] in {"of", "for"}]
    if len(words) >= 2 and words[-1] in BUSINESS_TAILS:
        return True  # "Harbourline Ferries", "Pacific Gas and Electric"
    return any(w in ORG_WORDS for w in heads)


def _ends_name(word: str) -> bool:
    """A full stop after a word that is not an initial or a title ends the name: "Nevada. Becker"."""
    return word.endswith(".") and len(word.rstrip(".")) > 2 and word.lower().rstrip(".") not in TITLES


def _is_place_like(name: str) -> bool:
    return name.split()[-1].lower() in {
        "street",
        "road",
        "avenue",
        "county",
        "city",
        "river",
        "island",
        "valley",
        "mountains",
        "bay",
        "strip",
        "bank",
        "coast",
        "district",
        "province",
        "state",
        "parish",
        "region",
        "lake",
        "sea",
    }


@memo(4096)
def strip_titles(name: str) -> str:
    """'Israeli Defense Minister Yoav Gallant' -> 'Yoav Gallant'; 'Dr. Ana Novak' -> 'Ana Novak'."""
    words = name.replace("(", " ").replace(")", " ").split()
    last_title = -1
    for k, w in enumerate(words):
        if w.lower().strip(".,") in TITLES:
            last_title = k
    rest = words[last_title + 1 :]
    if last_title >= 0 and len(rest) >= 2 and rest[0].lower() == "of":
        rest = rest[2:]  # "Secretary of State Hillary Clinton": the office, then the person
    while rest and rest[0].lower() in NAME_CONNECTORS:
        rest = rest[1:]
    return " ".join(rest)
