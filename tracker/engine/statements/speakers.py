"""Who said it: the people and organisations an article names, and speaker phrases
turned into the names to report.

`Mentions` remembers the people and organisations named so far, so that "she said"
resolves to the woman named before it (kinship words and titles give genders), "Blinken
said" to "Antony Blinken", and "a department spokesperson" to the department named in the
paragraph. `clean_speaker` turns the phrase an attribution cue found into a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.engine.lexicon import (
    DATA_NOUNS,
    GENERIC_ORGS,
    NAME_CONNECTORS,
    ORG_WORDS,
    PRONOUNS,
    ROLE_BEFORE,
    TITLES,
    one_of,
)
from tracker.engine.statements.attribution import GENERIC_HEAD, looks_like_name
from tracker.engine.statements.names import POSSESSIVE, WORD, is_org, names_in, strip_titles

_BRACKETED = re.compile(r"\([^)]*\)")
_PERSON_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}")  # "Eric M. Garcetti"
_SENTENCE_BEFORE = re.compile(r"[.!?][\"”’]?\s+$")


@dataclass
class Person:
    name: str
    paragraph: int
    offset: int
    gender: str | None = None  # "m" | "f" | None
    titles: frozenset[str] = frozenset()  # the words before the name: "mayor" for "Mayor Anne Caldwell"
    possessive: bool = False  # named as an owner ("President Trump's press secretary"), not as a subject


@dataclass
class Mentions:
    """People and organisations named so far, in reading order."""

    people: list[Person] = field(default_factory=list)
    orgs: list[tuple[str, int]] = field(default_factory=list)
    # full names opening a sentence that the text gives no sign of being people ("Carl
    # Nimmons wept ..."): a pronoun in the same paragraph may point to them
    unproven: list[Person] = field(default_factory=list)
    surnames: set[str] = field(default_factory=set)  # the last word of every person's name
    # by the last word of a name: the latest full name, the latest gender (for `full_name` and
    # `gender_of`, read for every cue: a scan of everyone named is quadratic in a long article);
    # filled from `people` as it grows (people are only ever appended)
    _full: dict[str, str] = field(default_factory=dict, repr=False)
    _gender: dict[str, str] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=0, repr=False)

    def _index(self) -> None:
        for p in self.people[self._indexed :]:
            last = p.name.split()[-1]
            if " " in p.name:
                self._full[last] = p.name
            if p.gender:
                self._gender[last] = p.gender
        self._indexed = len(self.people)

    def read(self, text: str, paragraph: int) -> None:
        for kind, name, pos, gender, evidence, titles in names_in(text):
            if kind == "org":
                self.orgs.append((name, paragraph))
            elif evidence or name.split()[-1] in self.surnames:
                at = text.find(name, pos)
                owner = at >= 0 and text.startswith(("'s", "’s"), at + len(name))
                self.people.append(Person(name, paragraph, pos, gender, titles, owner))
                self.surnames.add(name.split()[-1])
            elif len(name.split()) in (2, 3) and (pos == 0 or _SENTENCE_BEFORE.search(text, max(0, pos - 8), pos)):
                self.unproven.append(Person(name, paragraph, pos, gender, titles))  # the subject of its sentence

    def spoke(self, name: str, paragraph: int, offset: int) -> None:
        """A name a cue gave as a speaker is a person ("Another parent, Sunita Bhatt, said"),
        whether or not the text around it showed one."""
        if _PERSON_NAME.fullmatch(name) and not is_org(name) and not self.is_person(name):
            self.people.append(Person(name, paragraph, offset))
            self.surnames.add(name.split()[-1])

    def titled(self, title: frozenset[str], paragraph: int) -> str | None:
        """The person last named with this title: "the mayor" -> "Anne Caldwell"; "the health
        minister" -> the one named Health Minister, not the foreign minister."""
        for p in reversed(self.people):
            if p.paragraph <= paragraph and title <= p.titles:
                return p.name
        return None

    def full_name(self, name: str) -> str:
        """'Blinken' -> 'Antony Blinken' when the article named him in full before."""
        if " " in name:
            return name
        self._index()
        return self._full.get(name, name)

    def pronoun(self, pronoun: str, paragraph: int, before: int, previous: tuple[str, int] | None) -> str | None:
        """The person (or organisation) a speaker pronoun points back to. `previous` is the
        speaker of the statement before, with its paragraph."""
        kind = PRONOUNS.get(pronoun.lower())
        if kind in ("o", "p"):
            if previous and previous[1] >= paragraph - 1 and not self.is_person(previous[0]):
                return previous[0]  # "..., police said. ... , they said."
            for name, para in reversed(self.orgs):
                if para <= paragraph:
                    return name
            return previous[0] if previous else None
        if kind is None or kind == "s":
            return previous[0] if previous else None
        candidates = [
            p for p in self.people if p.paragraph < paragraph or (p.paragraph == paragraph and p.offset < before)
        ]
        # a full name opening a sentence of this paragraph, even with no sign of being a person:
        # "Carl Nimmons wept after seeing Jackson. 'It hurt,' he said"
        candidates += [p for p in self.unproven if p.paragraph == paragraph and p.offset < before]
        candidates.sort(key=lambda p: (p.paragraph, p.offset))
        if previous and previous[1] >= paragraph - 1 and self.is_person(previous[0]):
            # "X said ... . 'Quote,' he said.": the speaker just before, unless a person of the
            # other gender was named in between
            gender = self.gender_of(previous[0])
            if gender in (None, kind) and not any(
                p.paragraph >= previous[1] and p.gender == kind and p.name != previous[0] for p in candidates
            ):
                return previous[0]
        for para in sorted({p.paragraph for p in candidates}, reverse=True)[:3]:
            group = [p for p in candidates if p.paragraph == para]
            matching = [p for p in group if p.gender == kind]
            if matching:
                return matching[-1].name
            neutral = [p for p in group if p.gender is None]
            if neutral:
                # the first person named, unless only as an owner: "President Trump's press
                # secretary, Sarah Sanders. 'We condemn it,' she said"
                return next((p for p in neutral if not p.possessive), neutral[0]).name
        return previous[0] if previous else None

    def is_person(self, name: str) -> bool:
        # (a name that is a person's has that person's last word)
        return name.split()[-1] in self.surnames

    def gender_of(self, name: str) -> str | None:
        self._index()
        return self._gender.get(name.split()[-1])

    def org_like(self, word: str, paragraph: int) -> str | None:
        """The organisation "the <word>" refers back to: the last one named whose name holds
        the word ("the authority": the Northbank Water Authority), or, for a generic noun
        ("the company", "the agency"), the last organisation named at all."""
        for name, para in reversed(self.orgs):
            if para <= paragraph and word.lower() in name.lower().split():
                return name
        if word.lower() in GENERIC_ORGS:
            for name, para in reversed(self.orgs):
                if para <= paragraph:
                    return name
        return None


def _is_role(phrase: str) -> bool:
    """A phrase naming a post, not a person: "Halvard's chief executive", "the head of the union"."""
    raw = phrase.split()
    words = [POSSESSIVE.sub("", w).lower().strip(".,") for w in raw]
    opens = bool(raw) and (
        raw[0].lower() in {"the", "a", "an", "its", "his", "her", "their"} or raw[0].endswith(("'s", "’s"))
    )
    return opens and any(w in TITLES or w in ROLE_BEFORE for w in words)


_ROLE = re.compile(
    r"^(?:an?|the)?\s*(?:[\w-]+\s+){0,2}?(?:spokesperson|spokesman|spokeswoman|head|chief|director|official|"
    r"officials|representative|member|leader|secretary|minister|analysis|statement|report|results?|data|estimates?)s?"
    r"\s+(?:posted\s+)?(?:for|of|at|with|by|from)\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)


_LOWER_TITLE_NAME = re.compile(rf"(?:[a-z][\w-]*\s+){{1,3}}({WORD}(?:\s+{WORD})+)")
_STATEMENT_AGAIN = re.compile(
    r"(?:the|an?|another)\s+(?:(?:later|new|earlier|separate|second|further|subsequent|written|brief)\s+)?"
    r"(?:statement|release|announcement)",
    re.IGNORECASE,
)
_DOCUMENT_OF = re.compile(
    rf"(.+?)['’]s?\s+(?:[\w-]+\s+){{0,2}}{one_of(DATA_NOUNS | {'statement', 'report', 'release', 'announcement'})}"
)
# "the Interior Ministry statement", "a Health Ministry report": the body that issued it
_NAMED_DOCUMENT = re.compile(
    rf"(?:[Tt]he\s+|[Aa]n?\s+)?((?:[A-Z][\w'’&.-]*\s+)+){one_of(DATA_NOUNS | {'statement', 'report', 'release'})}"
)
_PLACED = re.compile(
    r"(?:[Aa]n?|[Tt]he)\s+(.+?\s+[a-z][\w-]*)\s+(?:in|from|at|near)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
)
_DOCUMENTS = DATA_NOUNS | {"statement", "report", "release", "announcement"}
_SPOKES = frozenset("spokesperson spokesman spokeswoman official source representative".split())


def clean_speaker(
    phrase: str, mentions: Mentions, paragraph: int, offset: int, previous: tuple[str, int] | None
) -> str | None:
    """A speaker phrase as written -> the name to report."""
    phrase = " ".join(_BRACKETED.sub("", phrase).split()).strip(" ,.")
    if not phrase:
        return None
    low = phrase.lower()
    if low in PRONOUNS:
        return mentions.pronoun(low, paragraph, offset, previous)
    head = phrase.partition(",")[0]
    head = head.strip()
    apposed = phrase.split(",")[1].strip() if "," in phrase else ""
    if apposed and _PERSON_NAME.fullmatch(apposed) and _is_role(head):
        return mentions.full_name(apposed)  # "Halvard's chief executive, Martin Oyelaran"
    head_words = set(head.lower().split())
    owner = None
    if head_words & _DOCUMENTS:  # (a set test first: most speakers name no document)
        owner = _DOCUMENT_OF.fullmatch(head)
        if owner is None:
            named_doc = _NAMED_DOCUMENT.fullmatch(head)
            owner = named_doc if named_doc and is_org(named_doc.group(1).strip()) else None
    if owner:  # "the commission's preliminary figures", "Kostal's statement": whose they are
        return clean_speaker(owner.group(1), mentions, paragraph, offset, previous)
    titled = _LOWER_TITLE_NAME.fullmatch(head)
    if titled and not is_org(titled.group(1)):
        return mentions.full_name(titled.group(1))  # "incident commander Dale Horvath"
    if previous and _STATEMENT_AGAIN.fullmatch(head):
        return previous[0]  # "the statement said", "a later statement denounced": whoever issued the one before
    the = re.fullmatch(r"[Tt]he\s+(?:[a-z-]+\s+)?([a-z-]+)", head)  # "the mayor", "the prime minister"
    if the:  # "the mayor" is the mayor named before; "the service", the service named before
        word = the.group(1)
        title = frozenset(head.lower().split()[1:])
        named = mentions.titled(title, paragraph) if word in TITLES else None
        if named is None and (word in ORG_WORDS or word in GENERIC_ORGS):
            named = mentions.org_like(word, paragraph)
        if named:
            return named
    placed = _PLACED.fullmatch(head) if head_words & {"in", "from", "at", "near"} else None
    if placed and not looks_like_name(placed.group(1)) and not _SPOKES & set(placed.group(1).lower().split()):
        return placed.group(1)  # "A Muslim leader in New Zealand": the leader, not the place
    role = _ROLE.match(head)
    if looks_like_name(head) and not role:
        if is_org(head):
            return re.sub(r"^(?:the|a|an)\s+", "", head, flags=re.IGNORECASE)
        name = strip_titles(head) or head
        person, of, place = name.partition(" of ")
        if of and len(place.split()) <= 2 and _PERSON_NAME.fullmatch(person) and not is_org(person):
            name = person  # "Pam Platt of Louisville": the person, then where she is from
        return mentions.full_name(name)
    if GENERIC_HEAD.match(phrase):
        # "a woman who lives across the river ... gave only her first name, Sabine"
        tail = re.search(r",\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)$", phrase)
        if tail and not role:
            return mentions.full_name(tail.group(1))
    if role:
        return role.group(1).strip()
    words = [w for w in head.split() if w.lower() not in {"the", "a", "an"}]
    for k, w in enumerate(words[:-1]):
        if w.lower().rstrip("s") in _SPOKES and words[k + 1].lower() in {"in", "at", "on"}:
            words = words[: k + 1]  # "an FBI spokesperson in Portland": where, not who
            break
    if len(words) >= 2 and words[-1].lower().rstrip("s") in _SPOKES:
        caps = [w for w in words[:-1] if w[:1].isupper() or w.lower() in NAME_CONNECTORS]
        if len(caps) == len(words) - 1 and caps:
            if len(caps) == 1 and not is_org(caps[0]) and words[-1].lower().endswith("s"):
                return " ".join(words)  # "Health officials": officials, not a body called Health
            return " ".join(caps)  # "A Department for Transport spokesperson"
        for modifier in words[:-1]:
            org = mentions.org_like(modifier, paragraph)
            if org:
                return org
    # a capitalised name inside a longer phrase: "Israeli Prime Minister Benjamin Netanyahu"
    caps_runs = re.findall(r"(?:[A-Z][\w'’.-]+(?:\s+(?:of|for|the|de|al)?\s*[A-Z][\w'’.-]+)*)", head)
    if caps_runs and len(words) > 4:
        best = max(caps_runs, key=len)
        return mentions.full_name(strip_titles(best) or best)
    return " ".join(words) if words else None
