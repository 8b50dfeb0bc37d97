"""The indexes of Mentions answer as a scan of everyone named would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.engine.statements.speakers import Mentions, Person

names = st.sampled_from(["Ana Ruiz", "Ruiz", "Tom Ruiz", "Li Wei", "Wei", "Sara Li", "Li"])
people = st.lists(st.tuples(names, st.sampled_from([None, "m", "f"])), max_size=12)


@given(people, names)
def test_full_name_gender_and_person_are_those_of_the_latest_match(
    named: list[tuple[str, str | None]], ask: str
) -> None:
    m = Mentions()
    for k, (name, gender) in enumerate(named):
        m.people.append(Person(name, k, 0, gender))
        m.surnames.add(name.split()[-1])
        last = ask.split()[-1]
        scanned_full = next((p.name for p in reversed(m.people) if p.name.split()[-1] == ask and " " in p.name), ask)
        assert m.full_name(ask) == (ask if " " in ask else scanned_full)
        assert m.gender_of(ask) == next(
            (p.gender for p in reversed(m.people) if p.gender and p.name.split()[-1] == last), None
        )
        assert m.is_person(ask) == any(p.name == ask or p.name.split()[-1] == last for p in m.people)
