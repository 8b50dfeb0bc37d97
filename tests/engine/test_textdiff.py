"""Word and paragraph diffs: they join back to both texts, keep numbers whole, and keep
unchanged sentences whole."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.engine.textdiff import atoms, diff_sequences, paragraph_diff, word_diff

SEP = "\n\n"


def sides(diff: tuple[tuple[int, str], ...]) -> tuple[str, str]:
    return "".join(t for op, t in diff if op <= 0), "".join(t for op, t in diff if op >= 0)


sentence = st.lists(
    st.sampled_from(
        ["The", "toll", "rose", "to", "14,800", "15,000", "said", "Dr.", "Smith", "“Yes,”", "U.S.", "14.5"]
    ),
    min_size=1,
    max_size=12,
).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article = st.lists(paragraph | st.text(max_size=40), max_size=6)


@given(st.text(), st.text())
def test_word_diff_joins_back_to_both_texts(old: str, new: str) -> None:
    assert sides(word_diff(old, new)) == (old, new)


@given(st.text())
def test_atoms_join_back(text: str) -> None:
    assert "".join(atoms(text)) == text


@given(article, article)
def test_paragraph_diff_joins_like_the_texts(old: list[str], new: list[str]) -> None:
    assert sides(paragraph_diff(old, new)) == (SEP.join(old), SEP.join(new))


@given(article, st.data())
def test_paragraph_diff_of_an_edited_copy_joins(old: list[str], data: st.DataObject) -> None:
    new = list(old)
    if new:
        k = data.draw(st.integers(0, len(new) - 1))
        new[k] = data.draw(paragraph)
    new.insert(data.draw(st.integers(0, len(new))), data.draw(paragraph))
    assert sides(paragraph_diff(old, new)) == (SEP.join(old), SEP.join(new))


def test_a_changed_number_is_replaced_whole() -> None:
    diff = word_diff("The toll rose to 14,800 on Monday.", "The toll rose to 15,000 on Monday.")
    assert [(op, t.strip()) for op, t in diff if op != 0] == [(-1, "14,800"), (1, "15,000")]


def test_unchanged_sentences_stay_whole_and_a_rewritten_one_is_replaced_whole() -> None:
    kept = "Crews worked through the night near the river."
    old = [f"The dam failed before dawn on Tuesday. {kept} At least 27 people were rescued."]
    new = [f"Officials opened a shelter at the high school gym. {kept} At least 64 people were rescued."]
    diff = paragraph_diff(old, new)
    assert diff == (
        (-1, "The dam failed before dawn on Tuesday"),  # nothing shared: replaced, no word soup
        (1, "Officials opened a shelter at the high school gym"),
        (0, f". {kept} At least "),
        (-1, "27 "),
        (1, "64 "),
        (0, "people were rescued."),
    )


def test_a_rewritten_lead_keeps_its_dateline() -> None:
    old = ["BEIRUT (AP) -- Thousands of voters queued before dawn on Sunday."]
    new = ["BEIRUT (AP) -- Turnout was low in the first election in nine years."]
    assert paragraph_diff(old, new) == (
        (0, "BEIRUT (AP) -- "),
        (-1, "Thousands of voters queued before dawn on Sunday"),
        (1, "Turnout was low in the first election in nine years"),
        (0, "."),
    )


def test_an_inserted_paragraph_is_added_whole() -> None:
    old = ["First paragraph stays.", "Last paragraph stays."]
    new = ["First paragraph stays.", "A new paragraph about the 300 homes.", "Last paragraph stays."]
    assert paragraph_diff(old, new) == (
        (0, "First paragraph stays.\n\n"),
        (1, "A new paragraph about the 300 homes.\n\n"),
        (0, "Last paragraph stays."),
    )


def test_identical_and_empty_inputs() -> None:
    assert paragraph_diff(["Same."], ["Same."]) == ((0, "Same."),)
    assert paragraph_diff([], []) == ()
    assert sides(paragraph_diff([], ["New."])) == ("", "New.")
    assert word_diff("", "") == ()


@given(st.lists(st.sampled_from("abcdef"), max_size=30), st.lists(st.sampled_from("uvwxyz"), max_size=30))
def test_sequences_with_nothing_in_common_diff_as_diff_match_patch_diffs_them(a: list[str], b: list[str]) -> None:
    from diff_match_patch import diff_match_patch

    expected = [(op, list(text)) for op, text in diff_match_patch().diff_main("".join(a), "".join(b), False)]
    assert diff_sequences(a, b) == expected


@settings(max_examples=30)
@given(st.lists(st.integers(0, 2000), min_size=300, max_size=900), st.data())
def test_a_long_anchored_diff_joins_back_to_both_sequences(a: list[int], data: st.DataObject) -> None:
    b = list(a)
    for _ in range(data.draw(st.integers(0, 60))):  # edits scattered through a long text
        k = data.draw(st.integers(0, len(b)))
        if data.draw(st.booleans()) and k < len(b):
            del b[k]
        else:
            b.insert(k, data.draw(st.integers(0, 3000)))
    diff = diff_sequences(a, b)
    assert [x for op, xs in diff if op <= 0 for x in xs] == a
    assert [x for op, xs in diff if op >= 0 for x in xs] == b
    kept = sum(len(xs) for op, xs in diff if op == 0)
    assert kept >= len(a) - 2 * 60  # the unchanged stretches are kept, not replaced
