"""Word lists for reading attribution: speech verbs, titles, organisation and kinship words.

Small, hand-kept lists in one place, so that the attribution rules (attribution.py) and the
name rules (speakers.py) read the same words the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def one_of(words: Iterable[str]) -> str:
    """A regular expression (a group, no capture) for any one of the words, written as a
    tree of shared prefixes: Python's `re` tries every branch of "said|says|..." at every
    position of a text, and a tree of prefixes is three times faster to search."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + build(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return f"(?:{build(trie)})"


# Verbs that attribute speech wherever they stand ("X said ...", "..., X warned.").
SPEECH_VERB_WORDS = frozenset(
    "said|says|say|told|tells|added|adds|stated|states|warned|warns|explained|noted|notes|"
    "wrote|writes|posted|tweeted|argued|argues|insisted|insists|acknowledged|urged|urges|"
    "cautioned|cautions|conceded|claimed|claims|alleged|denied|denies|replied|responded|"
    "recalled|admitted|stressed|emphasized|emphasised|maintained|suggested|asserted|testified|"
    "predicted|predicts|cautioned|complained|countered|conceded|remarked|observed|"
    "announced|announces|declared|confirmed|confirms|reported|reports|revealed|disclosed|"
    "indicated|promised|vowed|pledged|estimated|estimates|"
    "called|calls|described|describes|dismissed|dismisses|branded|labelled|labeled|denounced|"
    "condemned|criticised|criticized|praised|hailed|acknowledges|agreed|agrees|"
    "explains|commented|comments|observes|recalls|continued|continues|believes|believed|painted|paints".split("|")
)
# Words that end a business's name ("Harbourline Ferries", "Kestrel Airways", "Orla Foods",
# "Pacific Gas and Electric"): a name ending so is an organisation, not a person.
BUSINESS_TAILS = frozenset(
    """ferries tours airways airline airlines motors foods systems industries holdings partners
    brothers resources networks technologies technology labs laboratories logistics pharmaceuticals
    pharma electric energy gas power water mining shipping farms mills works communications media
    entertainment studios stores markets hotels resorts builders capital securities insurance
    telecom motors rail railway railways transit buses couriers freight petroleum oil steel
    chemicals dairies breweries bakeries""".split()
)
# "The company said": a generic noun for an organisation refers back to the last one named.
GENERIC_ORGS = frozenset(
    """company firm agency operator carrier airline utility organisation organization business
    insurer lender retailer manufacturer group charity developer contractor""".split()
)
# Words that open a sentence before its subject ("Yet Okonjo told reporters", "Meanwhile,
# the agency said"): never part of the speaker's name.
OPENERS = frozenset(
    """but and yet so or then still meanwhile however now also instead later earlier today
    yesterday similarly separately overall indeed besides moreover furthermore nevertheless
    nonetheless""".split()
)
# Cue words that are usually nouns or say something else elsewhere ("the mayor's comments",
# "the search continues"): cues only right after a quote, naming the speaker after them
# ('"...," comments Marit Solheim').
AFTER_QUOTE_ONLY = frozenset("comments continued continues".split())
SPEECH_VERBS = one_of(SPEECH_VERB_WORDS)
# Verbs by which documents speak ("the commission's figures showed", "police records show"):
# a cue only when what shows is one of DATA_NOUNS, and only as a weak verb.
EVIDENCE_VERBS = frozenset("show shows showed".split())
DATA_NOUNS = frozenset(
    """figures data results statistics stats numbers count counts tally tallies estimates
    records survey surveys poll polls documents filings""".split()
)
# Verbs that judge rather than report ("called the plan 'reckless'"): a cue only with a quote after them.
JUDGING_VERBS = frozenset(
    "called calls described describes dismissed dismisses branded labelled labeled denounced condemned "
    "criticised criticized praised hailed painted paints".split()
)
# Verbs of doing as much as saying: a cue only with "that", a quote, or closing the sentence.
WEAK_VERBS = frozenset(
    "announced announces declared confirmed confirms reported reports revealed disclosed indicated "
    "promised vowed pledged estimated estimates posted agreed agrees".split()
)
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "we": "p", "i": "s"}
TITLES = frozenset(
    """president premier prime minister secretary governor gov mayor senator sen representative rep
    director chief commissioner sheriff spokesperson spokesman spokeswoman ceo cfo chairman
    chairwoman chair general gen dr mr mrs ms miss prof professor judge justice inspector
    superintendent supt det detective captain capt lt lieutenant col colonel sgt sergeant
    officer head deputy acting chancellor king queen prince princess pope ambassador attorney
    coordinator coach manager leader commander admiral adm marshal cardinal bishop rev pastor
    rabbi imam sheikh emir chairperson executive founder president-elect vice dean principal
    physician surgeon nurse spokesperson minister's council councilman councilwoman
    councillor lawmaker senator-elect trooper constable firefighter chief's insp ch supt
    resident parent student teacher neighbour neighbor witness""".split()
)
ORG_WORDS = frozenset(
    """ministry department office agency service services forces force police council party
    company inc corp corporation bank university hospital institute commission authority
    association union society cross crescent brigades army navy guard administration board
    bureau center centre committee court government group organization organisation project
    network news times press foundation fund trust airlines railways rail chemie energy
    exchange reserve parliament congress senate assembly cabinet coalition alliance campaign
    church school club league federation prosecutors prosecutor's utility utilities
    co ltd plc llc gmbh ag sa consortium municipality embassy centers centres survey corps
    observatory agency""".split()
)
KIN_FEMALE = frozenset("mother wife daughter sister grandmother aunt niece girlfriend widow woman girl mom mum".split())
KIN_MALE = frozenset("father husband son brother grandfather uncle nephew boyfriend widower man boy dad".split())
NAME_CONNECTORS = frozenset("of for the de del da dos van von al bin la le y and".split())
NOT_NAMES = frozenset(
    """the a an in on at by for from with and but or as if when while after before since this
    that these those it he she they we i his her their its our my your there here monday
    tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december according asked some many most all both
    several no not one two three four five six seven eight nine ten mr mrs ms dr
    yet still meanwhile however now then so also instead later earlier today yesterday tonight
    last next to although though despite because until once even only just again indeed
    besides moreover furthermore nevertheless nonetheless similarly separately overall""".split()
)
GROUP_NOUNS = frozenset(
    """officials police authorities prosecutors investigators scientists researchers experts
    analysts witnesses residents sources officers spokesperson spokesman spokeswoman official
    agency ministry department company government statement report data results documents
    court judge prosecutor lawyers attorneys attorney aides aide organizers organisers
    forecasters doctors medics rescuers firefighters troops military army survey study poll
    family relatives neighbors neighbours friends parents colleagues economists traders
    critics supporters opponents lawmakers leaders diplomats negotiators woman man women men
    person people boy girl child resident witness survivor worker employee passenger student
    teacher nurse doctor farmer shopkeeper owner neighbor neighbour member source expert
    spokespeople representative state city county country firm bank board council commission
    utility operator airline union party group team club school university hospital
    government administration office railroad railway operator insurer""".split()
)
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
