"""The word lists labels are read with: verbs that say what happened to a counted thing,
auxiliaries, prepositions, determiners and clause words, and `is_verbish`.

Kept apart from labels.py so that the rules there read as rules.
"""

from __future__ import annotations

# Words that tell what happened to a counted thing; suffix rules catch the regular ones.
IRREGULAR_VERBS = frozenset(
    """died freed owed sued tied fallen risen grown taken given seen driven shown known hidden stolen
    frozen broken spoken chosen written beaten sworn torn worn drawn flown thrown blown begun swum sunk struck
    rose fell left lost hit made took struck fought saw won got gave held kept led met paid
    put ran sold sent set shut spent stood told went came cut drew drove grew hid hurt built
    brought bought caught chose dug fled flew found froze forgot laid lay lit meant overran
    rode sank shot shook slid sought spread stole stuck swept swam swung taught threw tore
    wore wound wrote stands stand rise rises rising fall falls falling reach reached reaches
    topped tops top climb climbs climbing jumped jump jumps surged surge surges soared dropped
    drop drops plunged plunge slumped slump tumbled gained gain gains shed sheds sank sunk
    killing injuring wounding leaving forcing displacing affecting destroying damaging
    sickening carrying trapping stranding hit hits kills kill""".split()
)
AUXILIARIES = frozenset(
    """is are was were be been being has have had having will would shall should can could may
    might must do does did also still now already reportedly""".split()
)
PREPOSITIONS = frozenset(
    """of in on at by for from with to into onto across over under near among between through
    during without within against toward towards per""".split()
)
DETERMINERS = frozenset("a an the this that these those its their his her our your some any each every".split())
CLAUSE_WORDS = frozenset("and but while whereas although though because as which who whom that where when".split())
ING_PARTICIPLES = {
    "killing": "killed",
    "injuring": "injured",
    "wounding": "wounded",
    "leaving": "left",
    "forcing": "forced",
    "displacing": "displaced",
    "damaging": "damaged",
    "destroying": "destroyed",
    "affecting": "affected",
    "sickening": "sickened",
    "trapping": "trapped",
    "stranding": "stranded",
    "kills": "killed",
    "kill": "killed",
}
GENERIC_NOUNS = frozenset("people persons others more those".split())
# States a counted thing can be in, read like verbs: "six people dead", "14 missing".
STATES = frozenset("dead missing alive homeless unaccounted hurt sick ill stranded displaced trapped".split())


def is_verbish(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_VERBS or low in ING_PARTICIPLES or low in STATES:
        return True
    return (
        len(low) > 4
        and (low.endswith("ed") or low.endswith("ing"))
        and low
        not in {
            "need",
            "hundred",
            "red",
            "bed",
            "shed",
            "during",
            "according",
            "including",
            "morning",
            "evening",
            "building",
            "ceiling",
            "king",
            "thing",
            "nothing",
            "something",
            "anything",
            "ring",
            "spring",
            "string",
            "wing",
            "wedding",
            "bring",
        }
    )
