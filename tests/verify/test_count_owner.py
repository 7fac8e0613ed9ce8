"""Whose count a number is: a count question about one name takes no number another name
owns in its clause (orchestrator/verify/count_owner.py)."""

from pathlib import Path

import pytest

from orchestrator import ask
from orchestrator.verify.count_owner import another_s, counted_subject, names_subject
from orchestrator.verify.numbers import find_numbers

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "hard-cases"
ELECTION = ("The Liberal Democrats won 72 seats, the Scottish National Party 9, Reform UK 5 and the Green Party 4.")


def _owned(text: str, subject: str) -> list[str]:
    return [m.text for m in find_numbers(text) if not another_s(text, m.start, m.end, subject)]


@pytest.mark.parametrize(("subject", "expected"), [
    ("Reform UK", ["5"]),
    ("Green Party", ["4"]),
    ("Liberal Democrats", ["72"]),
    ("Scottish National Party", ["9"]),
])
def test_each_count_of_a_list_is_its_own_clause_s(subject, expected):
    assert _owned(ELECTION, subject) == expected


@pytest.mark.parametrize(("text", "subject", "expected"), [
    ("Starmer became prime minister on Friday after Labour won 411 seats.", "Conservatives", []),
    ("Starmer became prime minister on Friday after Labour won 411 seats.", "Labour", ["411"]),
    ("The Conservative Party won 121 seats.", "Conservatives", ["121"]),  # a name's telling word
    ("PARIS, Aug 11 (Reuters) - The Netherlands finished with 15 gold medals.", "Harrie Lavreysen", []),
    ("Harrie Lavreysen won three of the golds on the track.", "Harrie Lavreysen", ["three"]),
    ("Carlo Ancelotti became the first coach to win the competition five times.", "Toni Kroos", []),
    # a clause with no name of its own is its sentence's: the subject, or another name opening it
    ("Kroos, who joined Real Madrid in 2014, won 6 titles.", "Toni Kroos", ["6"]),
    ("Real Madrid knocked out Bayern Munich, and they won the final with two goals.", "Borussia Dortmund", []),
    # the maker after "by" owns nothing; the subject named anywhere in the clause owns it
    ("The film directed by Sean Baker won five Oscars.", "Anora", ["five"]),
    ("Officials said 5 seats went to Reform UK.", "Reform UK", ["5"]),
])
def test_a_number_is_owned_by_the_name_of_its_clause(text, subject, expected):
    assert [n for n in _owned(text, subject) if n not in {"2014", "11", "first"}] == expected


def test_the_counted_subject_is_a_name_not_a_country():
    assert counted_subject("How many seats did the Conservatives win in 2024?", []) == "Conservatives"
    assert counted_subject("In what year did Sydney host the Summer Olympics?", []) == "Sydney"
    assert counted_subject("How many gold medals did the US win?", []) is None
    assert counted_subject("How many seats were won?", []) is None


def test_a_telling_word_names_the_subject_but_a_generic_one_does_not():
    assert names_subject("Dortmund lost the final", "Borussia Dortmund")
    assert not names_subject("the Scottish National Party 9", "Green Party")
    assert not names_subject("The Palisades fire, which scorched 23,448 acres", "Eaton Fire")


def test_a_whether_question_counts_for_the_name_it_opens_with():
    """"Did the Eaton Fire burn more than 20,000 acres?" had said yes from the Palisades
    fire's 23,448 acres in the same sentence."""
    assert counted_subject("Did the Eaton Fire burn more than 20,000 acres?", []) == "Eaton Fire"
    assert counted_subject("Did Labour win more than 400 seats?", []) == "Labour"
    assert counted_subject("Did the death toll exceed 3,000?", []) is None
    text = ("The Palisades fire, which scorched 23,448 acres between Santa Monica and Malibu, and the Eaton fire, "
            "which burned 14,021 acres in Altadena, were contained on Friday.")
    assert _owned(text, "Eaton Fire") == ["14,021"]


@pytest.mark.parametrize(("question", "choices"), [
    # "Labour won 411 seats" is the only seat count the pack writes
    ("How many seats did Reform UK win in the 2024 general election?", ["5", "411", "121", "14"]),
    ("How many seats did the Conservatives win in the 2024 UK general election?", ["411", "174", "14", "4"]),
])
def test_a_choice_another_name_owns_is_no_answer(question, choices):
    answer = ask(question, replay=FIXTURES / "partial-name-uk-prime-minister", choices=choices, use_model=False)
    assert answer.status == "abstained", (answer.answer, answer.citations)


def test_a_rider_is_not_given_the_team_s_gold_count():
    """The pages give the Netherlands' 15 golds and Lavreysen's three once: no second source
    for three, and 15 is the country's."""
    answer = ask("How many gold medals did Harrie Lavreysen win at the Paris 2024 Olympics?",
                 replay=FIXTURES / "date-vs-count-netherlands", choices=["3", "15", "34", "4"], use_model=False)
    assert answer.status == "abstained" and answer.answer is None


@pytest.mark.parametrize(("city", "year"), [("Sydney", "2000"), ("Melbourne", "1956")])
def test_a_year_choice_is_the_asked_name_s_not_another_s(city, year):
    """"Brisbane picked by IOC to host 2032 Summer Olympics" had answered when Sydney hosted."""
    answer = ask(f"In what year did {city} host the Summer Olympics?", replay=FIXTURES.parent / "brisbane-2032-host",
                 choices=["2000", "1956", "2032", "2021"], use_model=False)
    assert answer.answer == year, (answer.status, answer.answer, answer.citations)


@pytest.mark.parametrize(("subject", "number", "another"), [
    ("Kemi Badenoch", "53,806", False), ("Kemi Badenoch", "41,388", True),
    ("Robert Jenrick", "53,806", True), ("Robert Jenrick", "41,388", False),
])
def test_two_sides_counts_are_the_doer_s_then_the_other_s(subject, number, another):
    text = ("Kemi Badenoch was elected leader of the Conservative Party on Saturday, beating Robert Jenrick "
            "by 53,806 votes to 41,388 in a ballot of party members.")
    start = text.index(number)
    assert another_s(text, start, start + len(number), subject) is another


@pytest.mark.parametrize(("subject", "number", "another"), [
    ("Donald Trump", "312", False), ("Donald Trump", "226", True), ("Kamala Harris", "226", False),
])
def test_the_second_side_may_be_written_with_its_owner(subject, number, another):
    text = "Trump won 312 electoral votes to Harris's 226, sweeping the battleground states."
    start = text.index(number)
    assert another_s(text, start, start + len(number), subject) is another


def test_a_range_is_no_two_sides():
    text = "Acme said its prices rose from 5 to 10 dollars this year."
    assert not another_s(text, text.index("10"), text.index("10") + 2, "Acme")


def test_a_clause_giving_the_count_to_a_group_makes_it_the_group_s():
    """"Komeito 24, giving the coalition 215 seats" had answered how many seats Komeito won with 215."""
    from tests.verify.counts import numbers
    text = "The LDP won 191 seats, down from 247, and Komeito 24, giving the coalition 215 seats, short of the 233 needed."
    assert numbers("How many seats did Komeito win in the election?", text) == ["24"]
    assert numbers("How many seats did the coalition win in the election?", text) == ["215"]
    assert numbers("How many electoral votes did Trump win?", "Trump carried Georgia, giving him 312 electoral votes.") == ["312"]


def test_a_share_of_the_vote_belongs_to_the_party_asked_about():
    """"the CDU/CSU bloc won ... with 28.5 percent" had answered what share the AfD and the BSW won."""
    from tests.verify.counts import numbers
    text = ("Friedrich Merz's conservative CDU/CSU bloc won Germany's federal election on Sunday with 28.5 percent "
            "of the vote, putting him on course to become chancellor.")
    for party in ("AfD", "BSW"):
        assert numbers(f"What percentage of the vote did the {party} win in the German election?", text) == []
    assert counted_subject("What share of the vote did Reform UK get?", []) == "Reform UK"
    assert counted_subject("How many gold medals did the US win?", []) is None  # a country's code


def test_what_was_won_owns_no_count():
    """"Carney ... won the Liberal Party leadership with 85.9 percent" is Carney's share."""
    from tests.verify.counts import numbers
    text = ("Carney, a former governor of the Bank of Canada, won the Liberal Party leadership on Sunday with 85.9 "
            "percent of the vote.")
    assert numbers("What percentage of the vote did Mark Carney win in the Liberal leadership race?", text) == ["85.9"]


@pytest.mark.parametrize(("text", "subject", "expected"), [
    # a list joined by another language's "and" gives each count its own clause, as "and" does
    ("El PP obtuvo 137 escaños y el PSOE 121 tras el recuento.", "PSOE", ["121"]),
    ("Die SPD erhielt 16,4 Prozent und 120 Sitze.", "SPD", ["16.4", "120"]),
    ("Endergebnis: Union 28,5 %, AfD 20,8 %", "AfD", ["20.8"]),
])
def test_a_clause_of_another_language_is_its_own_name_s(text, subject, expected):
    assert [str(m.value).removesuffix(".0") for m in find_numbers(text)
            if not another_s(text, m.start, m.end, subject)] == expected


@pytest.mark.parametrize(("question", "language", "owner"), [
    ("¿Cuántos escaños obtuvo el PSOE?", "es", "PSOE"),  # kept as written in the reading
    ("Wie viel Prozent erhielt die AfD?", "de", "AfD"),  # left out of the reading
    ("Сколько процентов голосов получил Грудинин?", "ru", "Грудинин"),
    ("Ile procent głosów zdobył Karol Nawrocki?", "pl", "Karol Nawrocki"),
    ("Combien de médailles d'or la France a-t-elle remportées à Paris 2024 ?", "fr", None),  # a country; an event
])
def test_a_glossed_count_question_is_about_the_name_it_writes(question, language, owner):
    from orchestrator.verify.gloss import glossed_owner

    assert glossed_owner(question, language, []) == owner


def test_a_glossed_count_is_its_owner_s_not_another_name_s_in_the_same_passage(tmp_path):
    """"¿Cuántos escaños obtuvo el PSOE?" had been answered 137, the PP's, from "El PP obtuvo
    137 escaños y el PSOE 121": the reading ("how many seats won PSOE?") binds no owner."""
    from fixtures.build_hard_cases import HardCase, Page, build

    pages = [Page("https://elpais.com/espana/elecciones-generales/2023-07-28/recuento-cera.html", "El País",
                  "El PP suma el escaño 137", "2023-07-28T18:00:00Z",
                  ["El PP obtuvo 137 escaños y el PSOE 121 tras el recuento del voto exterior.",
                   "Vox se quedó con 33 escaños y Sumar con 31."], "El PP obtuvo 137 escaños ...", lang="es"),
             Page("https://www.rtve.es/noticias/20230728/recuento-voto-exterior-escanos/2450000.shtml", "RTVE",
                  "Recuento del voto exterior", "2023-07-28T18:00:00Z",
                  ["Tras el recuento del voto exterior, el PP obtuvo 137 escaños y el PSOE 121.",
                   "La participación fue del 66,6 %."], "Tras el recuento del voto exterior ...", lang="es")]
    pack = build(HardCase("es-recount", "a glossed count's owner", "¿Cuántos escaños obtuvo el PSOE?",
                          "2023-07-29T10:00:00+00:00", {"answer": "121"}, pages, language="es"), tmp_path)
    answer = ask(replay=pack, use_model=False)
    assert answer.answer != "137", answer
