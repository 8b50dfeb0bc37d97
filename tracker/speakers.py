"""Who said it: attribution cues in a sentence and the names they point to.

`find_attribution` reads a sentence whose quoted words are masked (see `quotes.mask`) and
finds the speech cue ("said", "told reporters", "according to") and the phrase that names
the speaker. `Mentions` remembers the people and organisations an article has named so far,
so that "she said" resolves to the woman named before it, "Blinken said" to "Antony
Blinken", and "a department spokesperson" to the department named in the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|announced|announces|warned|warns|"
    "confirmed|confirms|explained|noted|notes|wrote|writes|posted|tweeted|argued|argues|"
    "insisted|insists|acknowledged|declared|urged|urges|predicted|cautioned|cautions|conceded|"
    "claimed|claims|alleged|denied|denies|reported|reports|estimated|estimates|replied|responded|"
    "recalled|admitted|promised|vowed|pledged|stressed|emphasized|emphasised|maintained|"
    "suggested|asserted|testified|disclosed|revealed|indicated|blamed|accused|advised|"
    "forecast|forecasts|projected|expects|expected|believes|believed|asked|thinks|thought"
)
_VERB = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "we": "p", "i": "s"}
TITLES = frozenset(
    """president prime minister secretary governor gov mayor senator sen representative rep
    director chief commissioner sheriff spokesperson spokesman spokeswoman ceo cfo chairman
    chairwoman chair general gen dr mr mrs ms miss prof professor judge justice inspector
    superintendent supt det detective captain capt lt lieutenant col colonel sgt sergeant
    officer head deputy acting chancellor king queen prince princess pope ambassador attorney
    coordinator coach manager leader commander admiral adm marshal cardinal bishop rev pastor
    rabbi imam sheikh emir chairperson executive founder president-elect vice dean principal
    physician surgeon nurse spokesperson minister's council councilman councilwoman
    councillor lawmaker senator-elect trooper constable firefighter chief's""".split()
)
ROLE_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman official officials representative source sources
    statement spokespeople""".split()
)
ORG_WORDS = frozenset(
    """ministry department office agency service services forces force police council party
    company inc corp corporation bank university hospital institute commission authority
    association union society cross crescent brigades army navy guard administration board
    bureau center centre committee court government group organization organisation project
    network news times press foundation fund trust airlines railways rail chemie energy
    exchange reserve parliament congress senate assembly cabinet coalition alliance campaign
    church school club league federation prosecutors prosecutor's utility utilities
    co ltd plc llc gmbh ag sa fire station command unit team consortium municipality city
    county state province district region embassy""".split()
)
KIN_FEMALE = frozenset("mother wife daughter sister grandmother aunt niece girlfriend widow woman girl mom mum".split())
KIN_MALE = frozenset("father husband son brother grandfather uncle nephew boyfriend widower man boy dad".split())
_NAME_CONNECTORS = frozenset("of for the de del da dos van von al bin la le y and".split())
_NOT_NAMES = frozenset(
    """the a an in on at by for from with and but or as if when while after before since this
    that these those it he she they we i his her their its our my your there here monday
    tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december according asked some many most all both
    several no not one two three four five six seven eight nine ten mr mrs ms dr""".split()
)
_TRAILING = re.compile(
    r"(?:\s+(?:also|later|previously|earlier|separately|again|then|now|still|already|had|has|have|"
    r"was|were|is|are|would|will|could|did|do|does|publicly|privately|repeatedly|recently|"
    r"on\s+\w+day|in\s+a\s+statement|on\s+\w+))+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Attribution:
    phrase: str  # the words that name the speaker, as written ("he", "the ministry", "Lina Qasem, a spokesperson for ...")
    verb: str
    start: int  # where the cue starts in the sentence
    final: bool  # the cue closes the sentence ("..., officials said.")


def _words_before(masked: str, end: int) -> str:
    """The noun phrase that ends at `end`, up to a clause boundary, appositive skipped."""
    before = masked[:end].rstrip()
    # "Lina Qasem, a spokesperson for X, said": skip the appositive to reach the name
    appositive = re.search(r",\s*([^,]{1,120}),$", before)
    if before.endswith(","):
        head = before[: appositive.start()] if appositive else before[:-1]
        head_np = _last_np(head)
        if head_np and _looks_like_name(head_np):
            return head_np + ", " + (appositive.group(1) if appositive else "")
        before = before[:-1]
    return _last_np(before)


def _last_np(text: str) -> str:
    text = _TRAILING.sub("", text.rstrip(" ,"))
    cut = max(
        (m.end() for m in re.finditer(r"(?:[,;:(—–]|\bthat\b|\band\b(?=\s+[a-z])|\bbut\b|\bwhile\b|\bas\b|[\"”’]\s|Q[\"”’])", text)),
        default=0,
    )
    phrase = text[cut:].strip(" ,\"”“’")
    words = phrase.split()
    if len(words) > 9:
        phrase = " ".join(words[-9:])
    return phrase


def _looks_like_name(phrase: str) -> bool:
    words = [w for w in phrase.split() if w.lower() not in _NAME_CONNECTORS]
    return bool(words) and all(w[:1].isupper() for w in words[-2:]) and phrase.split()[-1].lower() not in _NOT_NAMES


def find_attribution(masked: str) -> Attribution | None:
    """The speech cue of a sentence whose quotes are masked with 'Q'. None when it has none."""
    cues: list[Attribution] = []
    for m in _ACCORDING.finditer(masked):
        tail = masked[m.end():]
        phrase = re.split(r"[,;]|\bwhich\b|\bwho\b", tail, maxsplit=1)[0].strip(" .")
        cues.append(Attribution(phrase, "according to", m.start(), False))
    for m in _VERB.finditer(masked):
        verb = m.group(0)
        before = masked[: m.start()].rstrip()
        after = masked[m.end():]
        final = len(re.sub(r"Q+", "", after).split()) <= 6
        if re.search(r"(?:Q[\"”’']?[,.!?]?[\"”’']|[,])\s*$", before) and re.match(r"\s+[A-Z]", after):
            # inverted: '..." said Lina Qasem, a spokesperson ...'
            phrase = re.split(r"[.;]|,\s+(?:who|whose|which|adding|as|after|before|when|while)\b", after, maxsplit=1)[0].strip(" ,")
            cues.append(Attribution(phrase, verb, m.start(), True))
            continue
        phrase = _words_before(masked, m.start())
        if not phrase or phrase.endswith("Q") or "Q Q" in phrase:
            continue
        if verb in {"says", "say"} and phrase.lower() in {"i", "we"}:
            continue
        cues.append(Attribution(phrase, verb, m.start(), final or m.start() > len(masked) * 0.6))
    if not cues:
        return None
    finals = [c for c in cues if c.final and c.verb != "according to"]
    if finals:
        return finals[-1]
    return cues[0]


# --- mentions ----------------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    paragraph: int
    offset: int
    gender: str | None = None  # "m" | "f" | None


@dataclass
class Mentions:
    """People and organisations named so far, in reading order."""

    people: list[Person] = field(default_factory=list)
    orgs: list[tuple[str, int]] = field(default_factory=list)

    def read(self, text: str, paragraph: int) -> None:
        for m in re.finditer(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)*", text):
            self._read_run(text, m.start(), m.group(0), paragraph)

    def _read_run(self, text: str, offset: int, run: str, paragraph: int) -> None:
        words = run.split()
        i = 0
        while i < len(words):
            if not words[i][:1].isupper() or words[i].lower() in _NOT_NAMES:
                i += 1
                continue
            j = i
            while j + 1 < len(words) and (words[j + 1][:1].isupper() or (words[j + 1].lower() in _NAME_CONNECTORS and j + 2 < len(words) and words[j + 2][:1].isupper())):
                j += 1
            name = " ".join(words[i: j + 1]).rstrip(".,’'")
            pos = offset + len(" ".join(words[:i])) + (1 if i else 0)
            self._classify(text, pos, name, paragraph)
            i = j + 1

    def _classify(self, text: str, pos: int, name: str, paragraph: int) -> None:
        low_words = [w.lower().strip(".,'’") for w in name.split()]
        if any(w in ORG_WORDS for w in low_words):
            self.orgs.append((name, paragraph))
            return
        person = strip_titles(name)
        if not person:
            return
        before = text[max(0, pos - 30): pos].lower()
        after = text[pos + len(name): pos + len(name) + 40].lower()
        gender = None
        kin = re.search(r"(\w+),?\s*$", before)
        if kin and kin.group(1) in KIN_FEMALE or re.search(r"\b(?:mrs|ms|miss)\.?\s*$", before):
            gender = "f"
        elif kin and kin.group(1) in KIN_MALE or re.search(r"\bmr\.?\s*$", before):
            gender = "m"
        is_person = (
            len(person.split()) >= 2
            or gender is not None
            or len(name.split()) > len(person.split())  # it had a title
            or re.match(r"\s*,\s*(?:\d{1,3}\b|a |an |the |who |whose |director|head|chief|spokes)", after) is not None
            or re.match(rf"\s*(?:{SPEECH_VERBS})\b", after) is not None
        )
        if is_person and not _is_place_like(person):
            self.people.append(Person(person, paragraph, pos, gender))

    def full_name(self, name: str) -> str:
        """'Blinken' -> 'Antony Blinken' when the article named him in full before."""
        if " " in name:
            return name
        for p in reversed(self.people):
            if p.name.split()[-1] == name and " " in p.name:
                return p.name
        return name

    def gender_of(self, name: str) -> str | None:
        for p in reversed(self.people):
            if p.name == name or p.name.split()[-1] == name.split()[-1]:
                if p.gender:
                    return p.gender
        return None

    def pronoun(self, pronoun: str, paragraph: int, before: int, last_speaker: str | None) -> str | None:
        """The person (or organisation) a speaker pronoun points back to."""
        kind = PRONOUNS.get(pronoun.lower())
        if kind in ("o", "p"):
            for name, para in reversed(self.orgs):
                if para <= paragraph:
                    return name
            return last_speaker
        if kind is None or kind == "s":
            return last_speaker
        candidates = [p for p in self.people if p.paragraph < paragraph or (p.paragraph == paragraph and p.offset < before)]
        if not candidates:
            return last_speaker
        nearest_para = candidates[-1].paragraph
        if last_speaker and nearest_para < paragraph - 0:
            # a quote continuing the previous speaker's paragraph
            pass
        for para in sorted({p.paragraph for p in candidates}, reverse=True)[:3]:
            group = [p for p in candidates if p.paragraph == para]
            matching = [p for p in group if p.gender == kind]
            if matching:
                return matching[-1].name
            neutral = [p for p in group if p.gender is None]
            if neutral:
                return neutral[0].name
        return last_speaker

    def org_like(self, word: str, paragraph: int) -> str | None:
        for name, para in reversed(self.orgs):
            if para <= paragraph and word.lower() in name.lower():
                return name
        return None


def _is_place_like(name: str) -> bool:
    return name.split()[-1].lower() in {"street", "road", "avenue", "county", "city", "river", "island", "valley", "mountains", "bay", "strip", "bank", "coast"}


def strip_titles(name: str) -> str:
    """'Israeli Defense Minister Yoav Gallant' -> 'Yoav Gallant'; 'Dr. Ana Novak' -> 'Ana Novak'."""
    words = name.replace("(", " ").replace(")", " ").split()
    last_title = -1
    for k, w in enumerate(words):
        if w.lower().strip(".,") in TITLES:
            last_title = k
    rest = words[last_title + 1:]
    if last_title >= 0 and rest and rest[0].lower() == "of":
        return ""  # "Secretary of State" alone
    while rest and rest[0].lower() in _NAME_CONNECTORS:
        rest = rest[1:]
    return " ".join(rest)


def clean_speaker(phrase: str, mentions: Mentions, paragraph: int, offset: int, last_speaker: str | None) -> str | None:
    """A speaker phrase as written -> the name to report."""
    phrase = re.sub(r"\([^)]*\)", "", phrase).strip(" ,.")
    phrase = re.sub(r"\s+", " ", phrase)
    if not phrase:
        return None
    low = phrase.lower()
    if low in PRONOUNS:
        return mentions.pronoun(low, paragraph, offset, last_speaker)
    head, _, appositive = phrase.partition(",")
    head = head.strip()
    # a role: "a spokesperson for the Palestine Red Crescent Society", "the head of INDECI"
    role = re.match(r"^(?:an?|the)?\s*(?:[\w-]+\s+){0,2}?(?:spokesperson|spokesman|spokeswoman|head|chief|director|official|officials|representative|member|leader|secretary|minister)s?\s+(?:for|of|at|with)\s+(?:the\s+)?(.+)$", head, re.IGNORECASE)
    if _looks_like_name(head) and not role:
        name = strip_titles(head) or head
        if any(w.lower().strip(".,’'") in ORG_WORDS for w in head.split()):
            return re.sub(r"^(?:the|a|an)\s+", "", head, flags=re.IGNORECASE)
        return mentions.full_name(name)
    if role:
        return role.group(1).strip()
    # "a department spokesperson", "the ministry", "Prosecutors", "the state environment ministry"
    words = head.split()
    words = [w for w in words if w.lower() not in {"the", "a", "an"}]
    if words and words[-1].lower().rstrip("s") in {"spokesperson", "spokesman", "spokeswoman", "official", "source", "representative"} and len(words) >= 2:
        for modifier in words[:-1]:
            org = mentions.org_like(modifier, paragraph)
            if org:
                return org
    # a capitalised name inside a longer phrase: "Israeli Prime Minister Benjamin Netanyahu"
    caps = re.findall(r"(?:[A-Z][\w'’.-]+(?:\s+(?:of|for|the|de|al)?\s*[A-Z][\w'’.-]+)*)", head)
    if caps and len(words) > 4:
        best = max(caps, key=len)
        return mentions.full_name(strip_titles(best) or best)
    return " ".join(words) if words else None
