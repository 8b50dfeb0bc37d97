"""Quotes, attributed claims and their speakers (tracker.engine.statements.read, tracker.engine.statements.speakers)."""

from __future__ import annotations

import pytest

from tracker.engine.model import Article
from tracker.engine.statements.read import extract


def _article(*paragraphs: str) -> Article:
    return Article("Headline", paragraphs)


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (["“We are ready,” said Lina Qasem, a spokesperson for the Red Crescent."], "Lina Qasem"),
        (["“We are ready,” Blinken said on Friday."], "Blinken"),
        (["Israeli Defense Minister Yoav Gallant said the army was ready."], "Yoav Gallant"),
        (["The ministry said 40 people had died."], "ministry"),
        (["About 40 people died, according to the Interior Ministry."], "Interior Ministry"),
        (["Prosecutors in Duisburg said they had opened an investigation."], "Prosecutors in Duisburg"),
        (
            [
                "The Department for Transport welcomed it. "
                "“Passengers will be relieved,” a department spokesperson said."
            ],
            "Department for Transport",
        ),
        (["“The sky went black,” said a woman who gave only her first name, Sabine."], "Sabine"),
        (
            [
                "In a statement, the Hong Kong government condemned what it called “an attack on order.”",
                "A later statement denounced the attack at the station as “senseless.”",
            ],
            "Hong Kong government",
        ),
        (
            [
                "The state Forestry Department ordered evacuations.",
                "“We are holding the line on the east flank,” said incident commander Dale Horvath.",
            ],
            "Dale Horvath",
        ),
        (
            [
                "Prime Minister Tomas Kostal said the vote was fair.",
                "Foreign Minister Ivo Marek said observers agreed.",
                "“We will respect the result,” the prime minister said.",
            ],
            "Tomas Kostal",
        ),
        (
            [
                "Prime Minister Dragan Holt announced the suspension of the fuel tax rise on Tuesday, "
                "saying the government would consult unions first."
            ],
            "Dragan Holt",
        ),
        (
            ["The former mayor of Dunreath, Colin Maybury, has told his trial that he kept councillors informed."],
            "Colin Maybury",
        ),
        (["An FBI spokesperson in Portland said the bureau was aware of the attack."], "FBI"),
        (["Opposition leader Grace Osei called the change of heart “welcome but late.”"], "Grace Osei"),
        (
            [
                "Mayor Anne Caldwell said the city would not pay more.",
                "Club owner Tor Ibsen disagreed.",
                "“Not one cent more,” the mayor said.",
            ],
            "Anne Caldwell",
        ),
        (
            [
                "The Rural Fire Service ordered residents of Tarrow to leave.",
                "Crews could not hold the fire line overnight, the service said.",
            ],
            "Rural Fire Service",
        ),
        (
            [
                "Becker, a former city councilman, stopped short of conceding.",
                "“We will wait for every vote,” he said in a statement.",
            ],
            "Becker",
        ),
        (
            [
                "Among them was Matías Contreras, 24, whose mother, Gladys, waited at the gate.",
                "“When I saw his face I could breathe again,” she said.",
            ],
            "Gladys",
        ),
        (
            [
                "The Central Election Commission began counting on Sunday night.",
                "The ruling party had 34.9% of the vote, the commission's preliminary figures showed.",
            ],
            "Central Election Commission",
        ),
        (["“We know that a family vanished,” Ribner, who lives in Portland, told the AP."], "Ribner"),
        (["Pam Platt of Louisville, Kentucky, said she was told the store would not sell it."], "Pam Platt"),
        (["Very Good Tour, a company based in Seoul, South Korea, said 33 tourists were on board."], "Very Good Tour"),
        (["The former mayor of Dunreath, Colin Maybury, has told his trial that he kept notes."], "Colin Maybury"),
        (["“We know,” said Sheriff Tom Allman on Wednesday as he appealed for help."], "Tom Allman"),
        (
            [
                "“It is grim,” said Andrew Charlton, the managing director at Aviation Advocacy, "
                "an air transport consultancy based in Geneva, Switzerland."
            ],
            "Andrew Charlton",
        ),
        (["Carl Nimmons wept outside court after seeing Jackson. “It really hurt me,” he said."], "Carl Nimmons"),
        (["Boeing issued a statement late Monday saying that the jet was safe to fly."], "Boeing"),
        (["Childhood friends attended the hearing and said he was a kind man."], "Childhood friends"),
        (["Zuckerberg acknowledges that the company made mistakes."], "Zuckerberg"),
        (
            [
                "Parent Rob Atherton said the school should stay open.",
                "Another parent, Sunita Bhatt, said campaigners would appeal.",
                "“We have spoken to a solicitor,” she said.",
            ],
            "Sunita Bhatt",
        ),
        (["Det Ch Insp Alison Hurst said officers were at the scene."], "Alison Hurst"),
        (
            ["Chief executive Fiona Mallory spoke first.", "The chief executive said the talks would go on."],
            "Fiona Mallory",
        ),
        (
            ["Transport minister Rhodri Evans met the union.", "The minister added that he would not pay."],
            "Rhodri Evans",
        ),
        (["Forty were missing, according to the district's chief administrator, Bimala Thapa."], "Bimala Thapa"),
        (["Chief executive Graham Lowrie apologised and said he had asked for a review."], "Graham Lowrie"),
        (["Health officials urged parents to check vaccination records."], "Health officials"),
        (["“We offered 4 percent,” said Halvard's chief executive, Martin Oyelaran."], "Martin Oyelaran"),
        (["“We will not move,” said the president of Halvard Glass, Martin Oyelaran."], "Martin Oyelaran"),
        (["The 'no' campaign, led by former mayor Anton Dresch, said it expected the gap to narrow."], "campaign"),
        (["The ministry, headed by Omar Sulu, said 40 people had died."], "ministry"),
        (
            ["The airline’s chief executive, interviewed by CNN, said the pilots had reported problems."],
            "chief executive",
        ),
        (["A Muslim leader in New Zealand said the attack was especially shocking."], "Muslim leader"),
        (["He stayed in his flat on Downing Street, where officials said he had a fever."], "officials"),
        (["“We do not promote migration,” the Interior Ministry statement said."], "Interior Ministry"),
        (
            [
                "Mark Zuckerberg, the chief executive, spoke on CNN.",
                "Similarly, the Facebook chief seemed to favor rules, he said, such as ones on political ads.",
            ],
            "Mark Zuckerberg",
        ),
        (
            [
                "Mayor Lisa Brant said the city would help.",
                "A statement came from President Ruiz’s press secretary, Dana Kell.",
                "“We condemn the attack,” she said.",
            ],
            "Dana Kell",
        ),
        (["Finance Minister Luka Petrov had defended the increase, saying subsidies cost too much."], "Luka Petrov"),
        (
            ["Mayor Eric Adams spoke on Monday.", "In New York, the storm cut power. “We are ready,” he said."],
            "Eric Adams",
        ),
        (
            [
                "Health Minister Joanne Tessier visited the ward.",
                "Tessier's statement said 12 patients remained in hospital.",
            ],
            "Joanne Tessier",
        ),
    ],
)
def test_speaker(paragraphs: list[str], speaker: str) -> None:
    found = extract(_article(*paragraphs))
    assert found, "no statement found"
    assert speaker in (found[-1].speaker or "")


def test_quote_split_around_attribution_is_one_statement() -> None:
    (st,) = extract(
        _article(
            "“Within an hour the wounded were arriving,” said Lina Qasem, a spokesperson. "
            "“We had used the pause to move supplies. Now those convoys cannot move.”"
        )
    )
    assert st.kind == "quote"
    assert "convoys cannot move" in st.text and "wounded were arriving" in st.text


def test_quote_left_open_runs_into_the_next_paragraph() -> None:
    found = extract(_article("“We lost the house. We lost the car.", "“But we are alive,” said Ana Ruiz."))
    assert len(found) == 1
    assert found[0].speaker == "Ana Ruiz"


def test_claim_and_quote_by_one_person_are_two_statements() -> None:
    found = extract(
        _article(
            "Fire chief Brian Ashby said crews had stopped the fire overnight.",
            "“We caught a break with the wind,” he told reporters.",
        )
    )
    assert [s.kind for s in found] == ["claim", "quote"]
    assert all(s.speaker == "Brian Ashby" for s in found)


def test_unattributed_sentence_and_editorial_note_are_not_statements() -> None:
    assert (
        extract(_article("The storm moved inland on Thursday.", "This is a developing story and will be updated."))
        == []
    )


def test_a_quote_cut_by_a_line_break_is_one_statement_with_the_speaker_after_it() -> None:
    (st,) = extract(
        _article("The “costs are out of control, more than $4 billion.", "Cancel order!” Mr. Trump wrote on Twitter.")
    )
    assert st.speaker == "Trump" and st.text.startswith("The “costs") and "Cancel order" in st.text


def test_a_cue_with_no_claim_is_no_statement_but_names_the_next_speaker() -> None:
    found = extract(
        _article(
            "Premier Anna Dahlqvist said she had won.",
            "Green Left leader Tomas Berglund conceded on Sunday afternoon. “She will need partners,” he said.",
        )
    )
    assert [(s.kind, s.speaker) for s in found] == [("claim", "Anna Dahlqvist"), ("quote", "Tomas Berglund")]


def test_judging_words_without_a_quote_are_not_a_statement() -> None:
    assert extract(_article("The mayor called for calm as the water rose.")) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The video showed officers pushing protesters back from the barrier.",
        "Satellite images showed smoke rising over the port.",
        "The storm hit the coast on Monday, saying nothing of its strength.",
        "He said nothing to reporters as he was led away.",
        "The gunman posted links to a manifesto online before the attack.",
        "The two sides agreed to a ceasefire.",
        "The figures showed a sharp rise in hospital admissions over the winter months in all regions.",
    ],
)
def test_what_shows_is_a_cue_only_for_data_closing_a_claim_or_with_that(sentence: str) -> None:
    assert extract(_article(sentence)) == []


def test_a_quote_that_goes_on_in_the_next_line_is_one_statement() -> None:
    found = extract(
        _article(
            "“Families spent the night holding down their roofs,” said Nadia Rahman, an aid worker.",
            "“By morning, many of them had nothing left to hold down.”",
            "The storm weakened inland.",
        )
    )
    assert [(s.kind, s.speaker) for s in found] == [("quote", "Nadia Rahman")]
    assert "By morning" in found[0].text


def test_a_bbc_quote_over_two_paragraphs_is_one_statement() -> None:
    found = extract(
        _article(
            "Det Insp Alison Hurst said: ''This was a frightening incident for people out for the evening.",
            "''We would urge anyone who filmed it to send the footage to us.",
            "''",
        )
    )
    assert [(s.kind, s.speaker) for s in found] == [("quote", "Alison Hurst")]


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("“We are not going to wait for the insurers,” comments Marit Solheim, who runs the cafe.", "Marit Solheim"),
        ("“The ice sheet is thinning faster than the models allowed,” explains Tomasz Wierzbicki, a glaciologist.",
         "Tomasz Wierzbicki"),
        ("Yet Okonjo told reporters the talks had stalled over the prisoner list.", "Okonjo"),
        ("Meanwhile Okonjo said the prisoner list was still being drawn up.", "Okonjo"),
        ("Still, Ferreira said the crossing would stay shut until Friday.", "Ferreira"),
    ],
)  # fmt: skip
def test_present_tense_cues_and_sentence_openers(paragraph: str, speaker: str) -> None:
    (statement,) = extract(_article(paragraph))
    assert statement.speaker == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        "The mayor's comments angered residents who had waited all night.",
        "The search continues for three fishermen off the coast.",
    ],
)
def test_cue_words_used_as_nouns_or_otherwise_attribute_nothing(paragraph: str) -> None:
    assert list(extract(_article(paragraph))) == []


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (("Harbourline Ferries cancelled all sailings on Tuesday after the collision.",
          "The company said it was cooperating with investigators."), "Harbourline Ferries"),
        (("Staff at Glenmore Adventure Tours led the group down before the storm.",
          "The tour company said every guest had been accounted for."), "Glenmore Adventure Tours"),
        (("The Centers for Disease Control and Prevention confirmed 14 new cases.",
          "The agency said most were linked to a single school."), "Centers for Disease Control and Prevention"),
        (("Pacific Gas and Electric cut power to 30,000 customers as the wind rose.",
          "The utility said it would restore power by Thursday."), "Pacific Gas and Electric"),
    ],
)  # fmt: skip
def test_an_organisation_referred_to_again_is_the_one_named_before(paragraphs: tuple[str, ...], speaker: str) -> None:
    assert extract(_article(*paragraphs))[-1].speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ("The opposition leader called for an inquiry into the contract.", "opposition leader"),
        ("Mayor Lena Ortiz believes the levee will hold through the weekend.", "Lena Ortiz"),
        ("Ortiz painted the council as reckless with public money.", "Ortiz"),
    ],
)
def test_claims_by_demanding_believing_and_portraying(paragraph: str, speaker: str) -> None:
    (statement,) = extract(_article(paragraph))
    assert statement.speaker == speaker and statement.kind == "claim"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The council responded by cutting ties with the contractor.",
        "Volunteers painted the school over the weekend.",
        "She called the plan reckless.",  # a judging word without a quote
    ],
)
def test_actions_are_not_statements(paragraph: str) -> None:
    assert list(extract(_article(paragraph))) == []


@pytest.mark.parametrize("paragraph", ["Fifty-one said they had lost their homes.", "Three said they would appeal."])
def test_a_bare_number_is_no_speaker(paragraph: str) -> None:
    assert list(extract(_article(paragraph))) == []


def test_a_name_that_opens_with_a_number_word_is_still_a_speaker() -> None:
    (statement,) = extract(_article("Ten Downing Street said the talks would go on."))
    assert statement.speaker == "Ten Downing Street"
