"""Passages are sentences, literal substrings of the page: a full stop before a capital ends
one, except after an initial."""

import pytest

from orchestrator.verify.passages import split_passages


def test_initials_do_not_end_a_sentence():
    text = "Prime Minister K.P. Sharma Oli resigned on Tuesday. The U.S. Army said so. John M. Jumper won. Then rain."
    assert [p.text for p in split_passages(text, 0)] == [
        "Prime Minister K.P. Sharma Oli resigned on Tuesday.", "The U.S. Army said so.", "John M. Jumper won.", "Then rain."]
    for p in split_passages(text, 0):
        assert text[p.start:p.start + len(p.text)] == p.text


def test_a_passage_matches_a_question_word_in_any_of_its_forms():
    from orchestrator.nodes.cross_check import relevant_passages
    from orchestrator.policy import load_policy
    from orchestrator.state import Evidence, Intent
    from orchestrator.verify.question import question_terms
    from tests.conftest import ROOT

    policy = load_policy(ROOT / "policies" / "default.yaml")
    question = "Which movie won best picture?"
    text = "'Anora' wins best picture.\nThe movie about a picture framer is a favourite."
    state = {"question": question,
             "intent": Intent(needs_fresh=True, answer_type="work", terms=question_terms(question, policy.aliases)),
             "evidence": [Evidence(url="https://example.org/oscars", ok=True, text=text)]}
    ranked = relevant_passages(state, 0.0, policy.shapes.predicates)
    assert ranked[0].text.startswith("'Anora' wins")  # "wins" is a form of "won"
    assert ranked[0].score > relevant_passages(state, 0.0)[0].score  # without the forms it matches less


def _relevant(question: str, answer_type: str, *texts: str, window: float | None = 14.0) -> list[str]:
    """The passages of pages holding ``texts`` that match ``question`` at all, best first,
    with the shipped policy's forms, under a freshness ``window`` (None: pages of any age)."""
    from orchestrator.nodes.cross_check import relevant_passages
    from orchestrator.policy import load_policy
    from orchestrator.state import Evidence, Intent, Plan
    from orchestrator.verify.question import question_terms
    from tests.conftest import ROOT

    policy = load_policy(ROOT / "policies" / "default.yaml")
    state = {"question": question, "plan": Plan(queries=[question], freshness_days=window),
             "intent": Intent(needs_fresh=True, answer_type=answer_type, terms=question_terms(question, policy.aliases)),
             "evidence": [Evidence(url=f"https://example.org/{i}", ok=True, text=t) for i, t in enumerate(texts)]}
    return [p.text for p in relevant_passages(state, 0.0, policy.shapes.predicates)]


@pytest.mark.parametrize("said", ["earned the NBA championship", "clinched the NBA championship",
                                  "claim the NBA championship", "captured the NBA championship"])
def test_a_win_is_written_many_ways(said):
    ranked = _relevant("Which team won the NBA championship?", "organisation",
                       f"The Oklahoma City Thunder {said}.\nThe NBA team that won a game was the Pacers.")
    assert ranked[0].startswith("The Oklahoma City Thunder")  # as full a match as "won"


def test_a_page_of_any_age_shares_a_word_with_the_asking_sentence_after_a_scene():
    question = "Labor Day weekend is a great time to hit the beach. Which state is known as the Ocean State?"
    scene = "At least 25 hurricanes have hit on the Labor Day weekend, seven of them in the state of Florida."
    asked = "Rhode Island, known as the Ocean State, has 400 miles of coastline and many a beach."
    assert _relevant(question, "subdivision", scene, asked, window=None) == [asked]  # "state", the kind asked, aside
    # inside a freshness window, or with no scene, the terms' match alone ranks
    assert len(_relevant(question, "subdivision", scene, asked)) == 2
    assert len(_relevant("Which state is known as the Ocean State?", "subdivision", scene, asked, window=None)) == 2
    # nor is the name asked for a word to share: "What is its name?" (no passage need write "name")
    question = "Billionaire Elon Musk said he's launching a new political party. What is its name?"
    assert _relevant(question, "name", "Elon Musk announced the America Party on Saturday.", window=None)


def test_a_work_the_question_quotes_is_what_a_passage_must_be_about():
    from orchestrator.nodes.cross_check import relevant_passages
    from orchestrator.policy import load_policy
    from orchestrator.state import Evidence, Intent
    from orchestrator.verify.question import question_terms, quoted_titles
    from tests.conftest import ROOT

    assert quoted_titles("Who is taking over the lead role in the Broadway show “Oh, Mary!”?") == ["oh mary"]
    assert quoted_titles('What will a "gold card" visa cost?') == []  # a quoted phrase, no title
    from orchestrator.verify.question import writes_title
    assert writes_title("the song of wade tells", "the song of wade") and writes_title("in song of wade", "the song of wade")
    assert writes_title("operation spider’s web hit", "operation spider's web")  # either apostrophe
    policy = load_policy(ROOT / "policies" / "default.yaml")
    question = "Who is taking over the lead role in the Broadway show “Oh, Mary!”?"
    other = "The show's original Broadway star, Glenn Close, introduced the lead role's song."
    this = "Jinkx Monsoon takes over the lead role in Oh Mary! on Broadway."
    state = {"question": question,
             "intent": Intent(needs_fresh=True, answer_type="person", terms=question_terms(question, policy.aliases)),
             "evidence": [Evidence(url="https://example.org/tonys", ok=True, text=other, title="Tony Awards night"),
                          Evidence(url="https://example.org/oh-mary", ok=True, text=this)]}
    assert [p.source for p in relevant_passages(state, 0.0)] == [1]  # punctuation aside
    state["evidence"][0] = Evidence(url="https://example.org/tonys", ok=True, text=other, title="“Oh, Mary!” recasts")
    assert sorted(p.source for p in relevant_passages(state, 0.0)) == [0, 1]  # its page's title names the show


def test_the_us_in_capitals_is_the_country_and_us_in_lower_case_a_word():
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.policy import load_policy
    from orchestrator.verify.question import named_terms, question_terms

    aliases = load_policy(DEFAULT_POLICY).aliases
    country = [w.lower() for w in next(group for group in aliases if "USA" in group)]
    assert country in question_terms("How many gold medals did the US win?", aliases)
    assert country in named_terms("How many medals did the US get?", aliases)
    # a kind or a name it is part of: the pages need not write "U.S." ("the US Open")
    assert country not in named_terms("Which US airline changed its baggage policy?", aliases)
    assert country not in question_terms("Who won his second US Open title?", aliases)
    assert country not in question_terms("Which app surged amid concerns that TikTok could be banned in the US?", aliases)
    assert country not in question_terms("Tell us how many golds China won", aliases)
    assert country not in question_terms("What did USB-C replace?", aliases)


def test_a_time_of_day_does_not_end_a_sentence():
    text = "Blue Ghost touched down on the Moon at 3:34 a.m. EST on Sunday. Firefly said so."
    assert [p.text for p in split_passages(text, 0)] == ["Blue Ghost touched down on the Moon at 3:34 a.m. EST on Sunday.",
                                                          "Firefly said so."]


def test_a_title_before_a_name_does_not_end_a_sentence():
    text = ("Vermont Sen. Bernie Sanders congratulated him. Gov. Gavin Newsom signed it in St. Louis. "
            '"Coyote vs. Acme" was shelved. Roe v. Wade fell. Then rain.')
    assert [p.text for p in split_passages(text, 0)] == [
        "Vermont Sen. Bernie Sanders congratulated him.", "Gov. Gavin Newsom signed it in St. Louis.",
        '"Coyote vs. Acme" was shelved.', "Roe v. Wade fell.", "Then rain."]
    # a word that only ends like a title still ends its sentence
    assert len(split_passages("They moved to Kiev. Then they left Kyiv. Protests grew.", 0)) == 3


def test_a_british_question_matches_an_american_page():
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.policy import load_policy
    from orchestrator.verify.passages import rank_passages
    from orchestrator.verify.question import question_terms

    terms = question_terms("Which city had the largest jewellery heist?", load_policy(DEFAULT_POLICY).aliases)
    assert ["jewellery", "jewelry"] in terms
    ranked = rank_passages(terms, split_passages("A jail escape shook New Orleans. The jewelry heist in Los Angeles "
                                                 "was the largest.", 0))
    assert ranked[0].text.startswith("The jewelry heist")


def test_a_name_keeps_its_words_beside_an_alias():
    """"Winter Olympics": Olympics is an alias group's word, and Winter still says which Games
    a page must be about; "Summer Olympics" are the Olympics, and "Team USA" names the U.S."""
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.policy import load_policy
    from orchestrator.verify.question import named_terms

    aliases = load_policy(DEFAULT_POLICY).aliases
    assert ["winter"] in named_terms("How many golds did Norway win at the 2026 Winter Olympics?", aliases)
    assert ["youth"] in named_terms("How many golds did China win at the Youth Olympics?", aliases)
    summer = named_terms("How many golds did China win at the 2024 Summer Olympics?", aliases)
    assert ["summer"] not in summer and any("olympics" in g for g in summer)
    assert ["team"] not in named_terms("How many golds did Team USA win?", aliases)


@pytest.mark.parametrize("games, expected", [
    ("Paris 2024 Paralympics", ("abstained", None)),
    ("2024 Winter Olympics", ("abstained", None)),
    ("2024 Youth Olympics", ("abstained", None)),
    ("2024 Summer Olympics", ("answered", "40")),
])
def test_another_games_table_is_no_answer(games, expected):
    """The Olympic medal table does not answer for the Paralympics or the Winter Games: its
    rows were read whatever the question named (40 answered each)."""
    from orchestrator import ask
    from tests.conftest import USA

    answer = ask(f"How many gold medals did the United States win at the {games}?", replay=USA, use_model=False)
    assert (answer.status, answer.answer) == expected, answer.warnings


def test_a_title_is_no_name_a_page_must_write():
    """"CEO" alone names nothing: any page about any company writes it, so a page about Intel's
    chief executive would count as one about Starbucks. An office after a name's possessive
    leaves the name; one before a name stays, as the question writes it."""
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.policy import load_policy
    from orchestrator.verify.question import named_terms

    aliases = load_policy(DEFAULT_POLICY).aliases
    assert named_terms("Who became CEO of Starbucks in 2024?", aliases) == [["starbucks"]]
    assert named_terms("Who was named Boeing's CEO?", aliases) == [["boeing", "boeing's ceo"]]
    assert named_terms("Did President Trump sign the order?", aliases) == [["president trump"]]
    assert ["deputy prime minister"] not in named_terms("Who became Deputy Prime Minister of the UK?", aliases)
    assert named_terms("Who wrote a book with Stephen King?", aliases) == [["stephen king"]]


def test_an_ordinal_is_one_word_as_pages_write_it():
    from orchestrator.verify.passages import coverage
    from orchestrator.verify.question import keywords, question_terms

    assert keywords("Who won at the 82nd Golden Globes, 21ST edition, in 1,000 votes?") == [
        "won", "82nd", "golden", "globes", "21st", "edition", "1,000", "votes"]
    terms = question_terms("Who won at the 82nd Golden Globes?", [])
    assert coverage(terms, "Demi Moore won at the 82nd Golden Globes.") == 1.0


def test_a_ceo_is_a_chief_executive():
    from orchestrator.policy import load_policy
    from orchestrator.verify.passages import coverage
    from orchestrator.verify.question import question_terms
    from tests.conftest import ROOT

    aliases = load_policy(ROOT / "policies" / "default.yaml").aliases
    terms = question_terms("Who is the new CEO of Nestlé?", aliases)
    assert coverage(terms, "Nestlé named Philipp Navratil its new chief executive.") == 1.0


def test_a_word_is_letters_of_any_alphabet():
    from orchestrator.verify.passages import coverage
    from orchestrator.verify.question import keywords, question_terms

    assert keywords("Did Nestlé, Bărbosu or Москва win?") == ["nestlé", "bărbosu", "москва", "win"]
    assert coverage(question_terms("What did Nestlé recall?", []), "Nestlé said it would recall milk.") == 1.0
    # with or without its accents, as people type it: "Nestle" finds "Nestlé", "Zürich" "Zurich"
    assert coverage(question_terms("What did Nestle recall?", []), "Nestlé said it would recall milk.") == 1.0
    assert coverage(question_terms("Who runs Zürich Insurance?", []), "Zurich Insurance runs it.") == 1.0
    assert coverage(question_terms("What did Nestle recall?", []), "Nestlés said it would recall milk.") < 1.0


def test_a_possessive_name_is_the_name():
    """"Who is Boeing's new CEO?": the page writes "Boeing named Kelly Ortberg ..." and had
    matched no term of "boeing's"; the question's own possessive form still matches too."""
    from orchestrator.verify.question import contains_any, named_terms, question_terms

    terms = question_terms("Who is Boeing's new CEO?", [])
    assert ["boeing's", "boeing"] in terms and named_terms("Who is Boeing’s new CEO?", []) == [["boeing", "boeing’s"]]
    boeing = next(group for group in terms if "boeing" in group)
    assert contains_any("boeing named aerospace veteran kelly ortberg as its chief executive", boeing)
    assert contains_any("boeing's board named him", boeing)
    # a common noun's possessive stays as written: "this year's" is no term "year" every page holds
    assert ["year’s"] in question_terms("Which movie won best picture at this year’s Academy Awards?", [])


def test_a_page_writing_the_name_without_the_possessive_answers(tmp_path):
    from datetime import UTC, datetime

    from tests.kb.offline import ask_offline, documents_file
    # Boeing named Kelly Ortberg chief executive on Wednesday 31 July 2024, effective 8 August
    docs = documents_file(tmp_path / "boeing.jsonl", [
        {"url": "https://www.reuters.com/business/aerospace-defense/boeing-names-ortberg-ceo-2024-07-31/",
         "title": "Boeing names Kelly Ortberg CEO as it reports a $1.4 billion loss",
         "text": "Boeing named aerospace veteran Kelly Ortberg as its chief executive on Wednesday, effective "
                 "August 8, replacing Dave Calhoun.", "published_at": "2024-07-31", "publisher": "Reuters"}])
    answer = ask_offline("Who is Boeing's new CEO?", docs, datetime(2024, 8, 2, tzinfo=UTC))
    assert (answer.status, answer.answer) == ("answered", "Kelly Ortberg"), answer.warnings


def test_a_byline_run_into_the_headline_is_no_passage():
    """Extraction may run a short page's headline, byline and time stamp into its first
    sentence: "The Guardian" had answered who won the Rugby World Cup from the preview's
    headline "... All Blacks favourites to win a fourth title By The Guardian staff ..."."""
    text = ("Rugby World Cup final preview: All Blacks favourites to win a fourth title By The Guardian staff "
            "October 27, 2023 08:00 UTC New Zealand are slight favourites. Oilers win By ESPN staff Oct. 3, 2024 "
            "Text here. Chiefs Beaten By Eagles In Super Bowl LIX. The report was written by Jane Doe.")
    passages = split_passages(text, 0)
    assert [p.text for p in passages] == [
        "Rugby World Cup final preview: All Blacks favourites to win a fourth title",
        "New Zealand are slight favourites.", "Oilers win", "Text here.",
        "Chiefs Beaten By Eagles In Super Bowl LIX.",  # a headline's capital "By" is no byline
        "The report was written by Jane Doe."]
    assert all(text[p.start:p.start + len(p.text)] == p.text for p in passages)
    # in any script the outlet's name is written in
    chinese = "丁立人惜败古克什，卫冕失败 By 澎湃新闻 staff December 12, 2024 16:00 UTC 在新加坡进行的世界冠军赛中，丁立人失误。"
    assert [p.text for p in split_passages(chinese, 0)] == ["丁立人惜败古克什，卫冕失败", "在新加坡进行的世界冠军赛中，丁立人失误。"]
