"""Names in a paragraph: people or organisations, with gender and evidence (tracker.engine.statements.names)."""

from __future__ import annotations

from tracker.engine.statements.names import is_org, names_in, strip_titles


def _found(text: str) -> dict[str, tuple[str, str | None, bool]]:
    return {name: (kind, gender, evidence) for kind, name, _, gender, evidence, _ in names_in(text)}


def test_organisations_and_people_with_their_evidence() -> None:
    found = _found("The Interior Ministry said Mayor Anne Caldwell and her son, Tom Caldwell, were safe.")
    assert found["Interior Ministry"][0] == "org"
    assert found["Anne Caldwell"] == ("person", "f", True)  # a title before her name; "her" after it
    assert found["Tom Caldwell"][0] == "person" and found["Tom Caldwell"][1] == "m"  # "her son"


def test_sentence_openers_places_and_acronyms_are_no_people() -> None:
    found = _found("Similarly, the council met. In New York, the storm eased. The IMF said little.")
    assert "Similarly" not in found
    assert found.get("New York", ("person", None, False))[2] is False  # "In New York, the ...": a place
    assert "IMF" not in found


def test_titles_and_organisation_words() -> None:
    assert strip_titles("Israeli Defense Minister Yoav Gallant") == "Yoav Gallant"
    assert strip_titles("Secretary of State Hillary Clinton") == "Hillary Clinton"
    assert is_org("Centers for Disease Control and Prevention") and is_org("U.S. Army Corps of Engineers")
    assert not is_org("Anne Caldwell")
