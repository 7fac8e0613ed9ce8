"""An award asked in one of its categories is not answered from another category's passages
(verify/categories.py): the Nobel Prize in Physics is not the one in Literature."""

import pytest

from orchestrator import ask
from orchestrator.verify.categories import another_category, asked_category
from tests.conftest import FIXTURES

PHYSICS = asked_category("Who won the 2024 Nobel Prize in Physics?")


@pytest.mark.parametrize("text, other", [
    ("Han Kang had won the Nobel Prize in Literature.", True),
    ("Han is the first South Korean to win the literature prize.", True),
    ("Hinton and Hopfield won the Nobel Prize in Physics.", False),  # the asked one
    ("The literature prize came a day after Hinton and Hopfield won in physics.", False),  # it names physics too
    ("The Nobel prize, worth 11 million crowns, was awarded on Tuesday.", False),  # no category at all
    ("Kim Dae-jung won the Nobel Peace Prize in 2000.", True),
    ("Her novel won the International Booker prize in 2016.", False),  # another award, not a category of this one
    ("The secretary announced the prize in Stockholm on Thursday.", False),  # a place, not a category
    # the economics prize by its official names
    ("The Academy awards the Sveriges Riksbank Prize in Economic Sciences in Memory of Alfred Nobel 2024 "
     "to Daron Acemoglu.", True),
    ("Acemoglu won the Nobel Memorial Prize in Economic Sciences.", True),
])
def test_a_passage_about_another_category(text, other):
    assert another_category(text, PHYSICS) is other


def test_a_category_written_before_the_awards_head():
    peace = asked_category("Who won the 2024 Nobel Peace Prize?")
    assert peace is not None and peace.words == {"peace"}
    assert another_category("Han Kang wins 2024 Nobel Prize in Literature", peace)
    assert not another_category("Nihon Hidankyo was awarded the Nobel Peace Prize.", peace)
    assert asked_category("Who won the Pulitzer Prize?") is None and asked_category("Who won the Booker Prize?") is None


def test_a_first_to_win_the_whole_award_is_not_one_categorys_first():
    first = asked_category("Who was the first South Korean to win a Nobel Prize?")
    assert first is not None and not first.words
    assert another_category("Han is the first South Korean to win the literature prize.", first)
    assert not another_category("Kim Dae-jung was the first South Korean to win a Nobel Prize.", first)


@pytest.mark.parametrize("question", [
    "Who won the 2024 Nobel Prize in Literature?",  # asks no other category than it names
    "How many medals did China win in swimming?",  # no award's name before "in"
    "Who is the CEO of Apple?",
    # a show, a city: no award's categories ("best in show" is no other category)
    "What was the name of the dog that won 'best in show' at the Westminster Kennel Club Dog Show in New York?",
    "Who won the Super Bowl in Las Vegas?",
])
def test_what_is_no_category(question):
    category = asked_category(question)
    assert category is None or category.words == {"literature"}


@pytest.mark.parametrize("pack, question, expected", [
    ("bystanders-nobel-literature", "Who won the 2024 Nobel Prize in Physics?", ("abstained", None)),
    ("bystanders-nobel-literature", "Who won the 2024 Nobel Prize in Literature?", ("answered", "Han Kang")),
    ("bystanders-nobel-literature", "Who won the 2024 Nobel Peace Prize?", ("abstained", None)),
    ("bystanders-nobel-literature", "Who was the first South Korean to win a Nobel Prize?", ("abstained", None)),
    ("list-nobel-chemistry", "Name the two scientists who won the 2024 Nobel Prize in Physics.", ("abstained", None)),
])
def test_the_pages_of_another_category_answer_nothing(pack, question, expected):
    """Han Kang (literature) and Baker and Hassabis (chemistry) were answered for physics."""
    answer = ask(question, replay=FIXTURES / "hard-cases" / pack, use_model=False)
    assert (answer.status, answer.answer) == expected, answer.warnings


@pytest.mark.parametrize("question", ["Who won the 2024 Nobel Prize in Economics?",
                                      "Who won the 2024 Nobel Prize in Economic Sciences?"])
def test_the_economics_prize_is_its_own_category_however_written(question):
    economics = asked_category(question)
    for text in ("The Academy awards the Sveriges Riksbank Prize in Economic Sciences in Memory of Alfred Nobel "
                 "2024 to Daron Acemoglu.", "Acemoglu won the Nobel Memorial Prize in Economic Sciences."):
        assert not another_category(text, economics)


def test_a_name_in_another_category_s_clause_is_none_of_the_asked_one():
    from orchestrator.verify.categories import of_another_category

    physics = asked_category("Who won the 2024 Nobel Prize in Physics?")
    week = ("Victor Ambros and Gary Ruvkun won the prize in physiology or medicine on Monday, and on Tuesday "
            "Hinton and Hopfield won the physics prize.")
    assert of_another_category(week, 0, physics) and not of_another_category(week, week.index("Hinton"), physics)
    chemistry = asked_category("Who won the 2024 Nobel Prize in Chemistry?")
    shared = ("South Korean author Han Kang won the literature prize on Thursday, and on Wednesday David Baker shared "
              "the chemistry prize with Demis Hassabis and John Jumper.")
    assert of_another_category(shared, 0, chemistry)
    assert not of_another_category(shared, shared.index("Demis"), chemistry)
    # "the Peace Prize" is the Nobel one where the text names the Nobel
    economics = asked_category("Who won the 2024 Nobel Prize in economics?")
    assert another_category("The Norwegian Nobel Committee awarded the Peace Prize to Nihon Hidankyo.", economics)


def test_a_ceremony_s_category_is_named_in_every_result():
    """"won best picture" is no answer to best international feature; a passage naming no
    category ("Adrien Brody breaks record for longest acceptance speech") none to best director."""
    from orchestrator.verify.categories import names_the_asked_ceremony_category

    feature = asked_category("Which film won best international feature at the 2025 Oscars?")
    assert (feature.head, feature.telling) == ("oscars", "international")
    assert another_category('"Anora" won best picture at the 97th Academy Awards.', feature)
    assert not another_category('"I Am Still Here" won best international feature film.', feature)
    record = asked_category("Which song won record of the year at the 2025 Grammys?")
    assert another_category('Beyoncé wins album of the year for "Cowboy Carter";', record)
    assert not another_category('Kendrick Lamar\'s "Not Like Us" won record and song of the year.', record)
    director = asked_category("Who won best director at the 2025 Oscars?")
    assert not names_the_asked_ceremony_category("Adrien Brody breaks record for longest acceptance speech", director)
    assert names_the_asked_ceremony_category("Sean Baker won best director for Anora.", director)
    assert names_the_asked_ceremony_category("Hinton won the prize on Tuesday.", asked_category(
        "Who won the 2024 Nobel Prize in Physics?"))  # other awards' categories may be left to the page


def test_the_oscar_for_best_something_is_a_ceremony_s_category():
    """"Which film won the Oscar for best international feature?" had answered Anora from
    '"Anora" wins best picture at the Oscars': "best" alone named the asked category."""
    feature = asked_category("Which film won the Oscar for best international feature?")
    assert feature.telling == "international"
    assert another_category('"Anora" wins best picture at the Oscars;', feature)
    assert not another_category('"I Am Still Here" won best international feature.', feature)
    assert asked_category("Who won the 2024 Nobel Prize in Physics?").telling is None
    # named in full, its telling words come after "by": "performance" tells no category apart
    assert asked_category("Who took home her first Tony for best performance by a lead actress in a play?").telling is None


@pytest.mark.parametrize("text, language, english", [
    ("Mikey Madison ganhou o Oscar de melhor atriz por 'Anora'.", "pt", "Oscar for best actress por 'Anora'"),
    ("Han Kang ganhou o Prêmio Nobel de Literatura.", "pt", "Nobel Prize in literature"),
    ("Adrien Brody ganhou o Oscar de melhor ator Adrien Brody", "pt", "Oscar for best actor Adrien"),
    # longer than the lexicon knows: another category, left as written
    ("'Ainda Estou Aqui' ganha o Oscar de melhor filme internacional", "pt", "de melhor filme internacional"),
    ("Zoe Saldaña ganhou o Oscar de melhor atriz coadjuvante", "pt", "de melhor atriz coadjuvante"),
    ("Zoe Saldaña ganó el Óscar a la mejor actriz de reparto", "es", "la mejor actriz de reparto"),
    ("Isabella Rossellini, miglior attrice non protagonista", "it", "miglior attrice non protagonista"),
    ("The Oscar for best actress went to Mikey Madison.", "en", "The Oscar for best actress went to"),
])
def test_a_page_s_categories_are_read_as_english_writes_them(text, language, english):
    from orchestrator.verify.gloss import categories_in_english

    assert english in categories_in_english(text, language)


def test_a_category_on_a_page_in_another_language_answers_only_its_own_question(tmp_path):
    """Portuguese pages answered "Ainda Estou Aqui" (best international feature) to who won
    best actress, best actor and best picture: the rules read a category only in English."""
    from fixtures.build_hard_cases import HardCase, Page, build

    pages = [Page(f"https://{site}/cultura/2025/03/03/oscar-2025-vencedores.html", name, headline,
                  "2025-03-03T09:00:00Z", texts, texts[0], lang="pt")
             for site, name, headline, texts in [
                 ("agenciabrasil.ebc.com.br", "Agência Brasil", "Ainda Estou Aqui vence o Oscar de melhor filme internacional",
                  ["O filme de Walter Salles é o primeiro brasileiro a ganhar a estatueta.",
                   "Mikey Madison ganhou o Oscar de melhor atriz por Anora."]),
                 ("g1.globo.com", "G1", "'Ainda Estou Aqui' ganha o Oscar de melhor filme internacional",
                  ["Fernanda Torres concorria ao prêmio de melhor atriz.",
                   "Mikey Madison ganhou o Oscar de melhor atriz na cerimônia em Los Angeles."])]]

    def asked(question: str) -> tuple[str, str | None]:
        pack = build(HardCase("pt-oscar", "a category in another language", question, "2025-03-04T10:00:00+00:00",
                              {"answer": "Mikey Madison"}, pages, language="pt"), tmp_path / question[:12].replace(" ", "-"))
        answer = ask(replay=pack, use_model=False)
        return answer.status, answer.answer

    assert asked("Quem ganhou o Oscar de melhor atriz?") == ("answered", "Mikey Madison")
    assert asked("Qual filme ganhou o Oscar de melhor filme?")[1] != "Ainda Estou Aqui"
    assert asked("Quem ganhou o Oscar de melhor ator?") == ("abstained", None)
