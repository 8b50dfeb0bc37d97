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
from functools import lru_cache

# Verbs that attribute speech wherever they stand ("X said ...", "..., X warned.").
SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|warned|warns|explained|noted|notes|"
    "wrote|writes|posted|tweeted|argued|argues|insisted|insists|acknowledged|urged|urges|"
    "cautioned|cautions|conceded|claimed|claims|alleged|denied|denies|replied|responded|"
    "recalled|admitted|stressed|emphasized|emphasised|maintained|suggested|asserted|testified|"
    "predicted|predicts|cautioned|complained|countered|conceded|remarked|observed|"
    "announced|announces|declared|confirmed|confirms|reported|reports|revealed|disclosed|"
    "indicated|promised|vowed|pledged"
)
# Verbs of doing as much as saying: a cue only with "that", a quote, or closing the sentence.
WEAK_VERBS = frozenset(
    "announced announces declared confirmed confirms reported reports revealed disclosed indicated "
    "promised vowed pledged".split()
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
    co ltd plc llc gmbh ag sa consortium municipality embassy centers centres survey
    observatory agency""".split()
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
    phrase: str  # the words that name the speaker, as written ("he", "the ministry", "Lina Qasem, a spokesperson ...")
    verb: str
    start: int  # where the cue starts in the sentence
    rank: int  # 1: next to a quote; 2: closing the sentence; 3: "according to"; 4: opening the sentence; 5: elsewhere


_QUOTE_END = re.compile(r"Q[.,!?…]*[\"”’']?[,.!?…]*\s*,?\s*$")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|getting)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _words_before(masked: str, end: int) -> str:
    """The noun phrase that ends at `end`, up to a clause boundary, an appositive kept whole:
    "Lina Qasem, a spokesperson for X," -> "Lina Qasem, a spokesperson for X";
    "Jackson, 28, who was raised in ..., said" -> "Jackson, 28, who was raised in ..."."""
    before = masked[:end].rstrip()
    before = re.sub(r"\s*\([^()]*\)", "", before)
    if before.endswith(","):
        inner = before[:-1]
        segments = inner.split(",")
        for i in range(len(segments) - 1, 0, -1):
            later = segments[i:]
            if not all(re.match(r"\s*(?:[a-z0-9]|\S*\d)", seg) for seg in later):
                break
            head = _last_np(",".join(segments[:i]))
            if head and _looks_like_name(head):
                return head + ", " + ",".join(later).strip()
        before = inner
    return _last_np(before)


_NP_BREAKERS = frozenset(
    """is are was were be been being has have had will would could should can may might must
    do does did to that which who whom whose if because""".split()
)
_GROUP_NOUNS = frozenset(
    """officials police authorities prosecutors investigators scientists researchers experts
    analysts witnesses residents sources officers spokesperson spokesman spokeswoman official
    agency ministry department company government statement report data results documents
    court judge prosecutor lawyers attorneys attorney aides aide organizers organisers
    forecasters doctors medics rescuers firefighters troops military army survey study poll
    family relatives neighbors neighbours friends parents colleagues economists traders
    critics supporters opponents lawmakers leaders diplomats negotiators woman man women men
    person people boy girl child resident witness survivor worker employee passenger student
    teacher nurse doctor farmer shopkeeper owner neighbor neighbour member source expert
    spokespeople representative""".split()
)


def plausible_speaker(phrase: str) -> bool:
    """Could this phrase name who spoke? A name, a pronoun, or a noun phrase that ends in a
    person or body ("the ministry", "a department spokesperson"); never a clause."""
    if re.search(r"\bQ+\b", phrase):
        return False
    phrase = re.split(r"\s+(?:who|whose|which)\s", phrase)[0]
    words = phrase.replace(",", " ").split()
    if not words or len(words) > 14:
        return False
    head = phrase.split(",")[0].split()
    if not head:
        return False
    lows = [w.lower().strip(".’'") for w in head]
    if lows[0] in {"to", "of", "for", "in", "on", "at", "from", "with", "by", "there", "this", "these", "those", "it's"}:
        return False
    if any(w in _NP_BREAKERS for w in lows):
        return False
    if len(head) == 1 and lows[0] in PRONOUNS:
        return True
    last = head[-1].strip(".’'")
    low_last = last.lower()
    return (
        last[:1].isupper()
        or low_last in _GROUP_NOUNS
        or low_last.rstrip("s") in _GROUP_NOUNS
        or low_last in ROLE_BEFORE
        or low_last in KIN_FEMALE
        or low_last in KIN_MALE
    )


_CLAUSE_CUT = re.compile(
    r"(?:[,;:(—–]|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bas\b|\bwhen\b|\bafter\b|\bbecause\b|[\"”’]\s|Q[\"”’]?\s)"
)


def _cuts(text: str) -> list[int]:
    """Where a clause boundary ends in `text`; "and" inside a name ("Centers for Disease
    Control and Prevention", "Bruce and Dana DeKalb") is no boundary."""
    out = []
    for m in _CLAUSE_CUT.finditer(text):
        if m.group(0) == "and":
            before = text[: m.start()].split()
            after = text[m.end():].split()
            if before and after and before[-1][:1].isupper() and after[0][:1].isupper():
                continue
        out.append(m.end())
    return out


def _last_np(text: str) -> str:
    text = _TRAILING.sub("", text.rstrip(" ,"))
    cut = max(_cuts(text), default=0)
    phrase = text[cut:].strip(" ,\"”“’")
    words = phrase.split()
    if len(words) > 9:
        phrase = " ".join(words[-9:])
    return phrase


def _looks_like_name(phrase: str) -> bool:
    words = [w for w in phrase.split() if w.lower() not in _NAME_CONNECTORS]
    return bool(words) and all(w[:1].isupper() for w in words[-2:]) and phrase.split()[-1].lower() not in _NOT_NAMES


def _inverted_phrase(after: str) -> str:
    """The speaker after an inverted cue: '..." said Lina Qasem, a spokesperson for X, who ...'."""
    after = after.strip()
    if _GENERIC_HEAD.match(after) and re.search(r",\s*[A-Z][\w'’-]+\W*$", after):
        return after.rstrip(" .")  # "a woman who ... gave only her first name, Sabine."
    phrase = re.split(
        r";|\.\s*$|,\s+(?:who|whose|which|adding|as|after|before|when|while|where|in\s+a)\b|\s+(?:who|whose|which|on|in|at)\s+(?=[a-z])",
        after,
        maxsplit=1,
    )[0]
    return phrase.strip(" ,.")


@lru_cache(maxsize=8192)
def find_attribution(masked: str) -> Attribution | None:
    """The speech cue of a sentence whose quotes are masked with 'Q'. None when it has none."""
    if not _VERB.search(masked) and not _ACCORDING.search(masked):
        return None
    cues: list[Attribution] = []
    for m in _ACCORDING.finditer(masked):
        tail = masked[m.end():]
        phrase = re.split(r"[,;]|\bwhich\b|\bwho\b", tail, maxsplit=1)[0].strip(" .")
        if phrase and not re.search(r"\bQ+\b", phrase) and len(phrase.split()) <= 14:
            cues.append(Attribution(phrase, "according to", m.start(), 3))
    for m in _VERB.finditer(masked):
        verb = m.group(0)
        before = masked[: m.start()]
        after = masked[m.end():]
        if _PASSIVE.search(before) or re.match(r"\s+to\b", after) and verb not in {"told", "said"}:
            continue  # "were told to keep windows closed", "was reported to"
        tail_words = len(re.sub(r"Q+", "", after).split())
        if _QUOTE_END.search(before) and re.match(r"\s+[A-Z]|\s+(?:a|an|the)\s", after):
            phrase = _inverted_phrase(after)
            if plausible_speaker(phrase):
                cues.append(Attribution(phrase, verb, m.start(), 1))  # '..." said X'
                continue
        if before.rstrip().endswith(",") and re.match(r"\s+(?:[A-Z]|(?:a|an|the)\s)", after) and verb in {"said", "says", "added", "wrote", "told"}:
            phrase = _inverted_phrase(after)
            if plausible_speaker(phrase):
                cues.append(Attribution(phrase, verb, m.start(), 2))  # "..., said Norah West, a spokeswoman"
                continue
        phrase = re.sub(r"^(?:but|and|yet|so|or|then)\s+", "", _words_before(masked, m.start()), flags=re.IGNORECASE)
        if not plausible_speaker(phrase):
            continue
        if verb in WEAK_VERBS and not (re.match(r"\s+(?:that\b|Q|[\"“])", after) or tail_words <= 4):
            continue
        np_start = masked.rfind(phrase, 0, m.start())
        lead = masked[:max(0, np_start)].rstrip()
        if _QUOTE_END.search(lead):
            rank = 1  # '...," Blinken said'
        elif tail_words <= 6 and (lead.endswith(",") or not lead):
            rank = 2  # "..., officials said."
        elif not lead or re.fullmatch(r"[^,]*,", lead) and len(lead.split()) <= 12:
            rank = 4  # "Netanyahu said ...", "In a statement, X said ..."
        else:
            rank = 5
        cues.append(Attribution(phrase, verb, m.start(), rank))
    if not cues:
        return None
    return min(cues, key=lambda c: (c.rank, c.start))


# --- mentions ----------------------------------------------------------------------------------

# Lower-case words that, right before a capitalised name, say it is a person's:
# "rescue coordinator Andrés Riquelme", "hospital director Dr. Ignacio Ferrer".
ROLE_BEFORE = frozenset(
    """coordinator director chief spokesperson spokesman spokeswoman official commander
    minister president governor mayor officer resident worker driver owner manager specialist
    secretary head analyst economist professor doctor nurse witness survivor farmer teacher
    student neighbor neighbour engineer lawyer attorney commissioner sheriff inspector captain
    superintendent chairman chairwoman founder executive researcher scientist spokesperson
    counselor councillor councilman councilwoman senator lawmaker judge prosecutor""".split()
)


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽΑ-ΩА-Я"
_WORD = rf"[{_UPPER}][\w'’.-]*"
# Capitalised words, with the small words that join names ("Ministry of Health",
# "Centers for Disease Control and Prevention", "Ana de la Cruz").
_NAME_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|the|de|del|da|dos|van|von|al|bin|la|le|y|and)\s+)*{_WORD})*")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_MRS = re.compile(r"\b(?:mrs|ms|miss)\.?\s*$")
_MR = re.compile(r"\bmr\.?\s*$")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s*(?:\d{1,3}\b|an? |the |who |whose |\w+ (?:of|for|at) )")
_VERB_AFTER = re.compile(rf"\s*(?:{SPEECH_VERBS})\b")


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
        for kind, name, pos, gender, evidence in _names_in(text):
            if kind == "org":
                self.orgs.append((name, paragraph))
            elif evidence or any(p.name.split()[-1] == name.split()[-1] for p in self.people):
                self.people.append(Person(name, paragraph, pos, gender))

    def full_name(self, name: str) -> str:
        """'Blinken' -> 'Antony Blinken' when the article named him in full before."""
        if " " in name:
            return name
        for p in reversed(self.people):
            if p.name.split()[-1] == name and " " in p.name:
                return p.name
        return name

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
                return neutral[0].name
        return previous[0] if previous else None

    def is_person(self, name: str) -> bool:
        last = name.split()[-1]
        return any(p.name == name or p.name.split()[-1] == last for p in self.people)

    def gender_of(self, name: str) -> str | None:
        for p in reversed(self.people):
            if p.gender and (p.name == name or p.name.split()[-1] == name.split()[-1]):
                return p.gender
        return None

    def org_like(self, word: str, paragraph: int) -> str | None:
        for name, para in reversed(self.orgs):
            if para <= paragraph and word.lower() in name.lower().split():
                return name
        return None


@lru_cache(maxsize=4096)
def _names_in(text: str) -> tuple[tuple[str, str, int, str | None, bool], ...]:
    """(kind, name, offset, gender, evidence) for each capitalised name in a paragraph: kind
    'org' or 'person'; evidence says the text itself shows a person (a title, an age or a
    role in apposition, a kinship word, a speech verb after it)."""
    out: list[tuple[str, str, int, str | None, bool]] = []
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower().rstrip(".") in _NOT_NAMES:
            words.pop(0)
        if not words:
            continue
        # a full stop inside the run ends a name: "Nevada. Becker"
        pos = m.end() - len(" ".join(words))
        start = 0
        for k, w in enumerate(words):
            if _ends_name(w) or k == len(words) - 1:
                name = " ".join(words[start: k + 1]).rstrip(".,’'")
                if name and name.lower() not in _NOT_NAMES:
                    found = _classify(text, pos, name)
                    if found:
                        out.append(found)
                pos += len(" ".join(words[start: k + 1])) + 1
                start = k + 1
                while start < len(words) and words[start].lower().rstrip(".") in _NOT_NAMES:
                    pos += len(words[start]) + 1
                    start += 1
    return tuple(out)


def _classify(text: str, pos: int, name: str) -> tuple[str, str, int, str | None, bool] | None:
    if is_org(name):
        return ("org", name, pos, None, True)
    person = strip_titles(name)
    if not person or _is_place_like(person):
        return None
    before = text[max(0, pos - 40): pos].lower()
    after = text[pos + len(name): pos + len(name) + 60].lower()
    gender = None
    kin = _LAST_WORD.search(before)
    kin_word = kin.group(1) if kin else ""
    if kin_word in KIN_FEMALE or _MRS.search(before):
        gender = "f"
    elif kin_word in KIN_MALE or _MR.search(before):
        gender = "m"
    evidence = (
        gender is not None
        or len(name.split()) > len(person.split())  # it had a title
        or kin_word in ROLE_BEFORE
        or _APPOSITIVE_AFTER.match(after) is not None
        or _VERB_AFTER.match(after) is not None
    )
    return ("person", person, pos, gender, evidence)


def is_org(name: str) -> bool:
    """An organisation's name ends in, or is built around, an organisation word:
    "Israel Defense Forces", "Ministry of Health", "Centers for Disease Control"."""
    words = [w.lower().strip(".,'’") for w in name.split()]
    heads = words[-1:] + [words[i - 1] for i in range(1, len(words)) if words[i] in {"of", "for"}]
    return any(w in ORG_WORDS for w in heads)


def _ends_name(word: str) -> bool:
    """A full stop after a word that is not an initial or a title ends the name: "Nevada. Becker"."""
    return word.endswith(".") and len(word.rstrip(".")) > 2 and word.lower().rstrip(".") not in TITLES


def _is_place_like(name: str) -> bool:
    return name.split()[-1].lower() in {
        "street", "road", "avenue", "county", "city", "river", "island", "valley", "mountains", "bay",
        "strip", "bank", "coast", "district", "province", "state", "parish", "region", "lake", "sea",
    }


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


_ROLE = re.compile(
    r"^(?:an?|the)?\s*(?:[\w-]+\s+){0,2}?(?:spokesperson|spokesman|spokeswoman|head|chief|director|official|"
    r"officials|representative|member|leader|secretary|minister|analysis|statement|report|results?|data)s?"
    r"\s+(?:posted\s+)?(?:for|of|at|with|by|from)\s+(?:the\s+)?(.+)$",
    re.IGNORECASE,
)
_GENERIC_HEAD = re.compile(r"^(?:an?|the|one|another)\s+[a-z]", re.IGNORECASE)


def clean_speaker(
    phrase: str, mentions: Mentions, paragraph: int, offset: int, previous: tuple[str, int] | None
) -> str | None:
    """A speaker phrase as written -> the name to report."""
    phrase = re.sub(r"\([^)]*\)", "", phrase).strip(" ,.")
    phrase = re.sub(r"\s+", " ", phrase)
    if not phrase:
        return None
    low = phrase.lower()
    if low in PRONOUNS:
        return mentions.pronoun(low, paragraph, offset, previous)
    head, _, appositive = phrase.partition(",")
    head = head.strip()
    role = _ROLE.match(head)
    if _looks_like_name(head) and not role:
        if is_org(head):
            return re.sub(r"^(?:the|a|an)\s+", "", head, flags=re.IGNORECASE)
        name = strip_titles(head) or head
        return mentions.full_name(name)
    if _GENERIC_HEAD.match(phrase):
        # "a woman who lives across the river ... gave only her first name, Sabine"
        tail = re.search(r",\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)$", phrase)
        if tail and not role:
            return mentions.full_name(tail.group(1))
    if role:
        return role.group(1).strip()
    words = [w for w in head.split() if w.lower() not in {"the", "a", "an"}]
    if len(words) >= 2 and words[-1].lower().rstrip("s") in {"spokesperson", "spokesman", "spokeswoman", "official", "source", "representative"}:
        caps = [w for w in words[:-1] if w[:1].isupper() or w.lower() in _NAME_CONNECTORS]
        if len(caps) == len(words) - 1 and caps:
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
