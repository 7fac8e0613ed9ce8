"""The cross-check's rules on small hand-made evidence sets."""

from datetime import UTC, date, datetime

import pytest

from orchestrator import ask
from orchestrator.answer import Citation
from orchestrator.policy import load_policy
from orchestrator.state import Evidence
from orchestrator.verify.agreement import decide, independence_groups, superseded_values, tally
from orchestrator.verify.candidates import Found, number_candidates
from orchestrator.verify.dates_found import date_candidates, resolve_relative
from orchestrator.verify.passages import Passage, split_passages
from orchestrator.verify.quotes import verified_citations
from tests.conftest import CHINA, ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")
NOW = datetime(2025, 11, 8, 12, tzinfo=UTC)
QUESTION = "How many seats did the Green party win in the city council election?"
WORDS = ["seats", "green", "party", "win", "city", "council", "election"]


def page(url, text, tier="media", day=7):
    return Evidence(url=url, ok=True, text=text, tier=tier, weight=POLICY.weight(tier), publisher=url.split("/")[2],
                    published_at=datetime(2025, 11, day, 9, tzinfo=UTC))


def verdict(evidence, window=14):
    passages = [Passage(p.source, p.text, p.start, 1.0) for i, e in enumerate(evidence) for p in split_passages(e.text, i)]
    found = number_candidates(passages, QUESTION, WORDS)
    result = tally(found, evidence, POLICY, NOW, window)
    return result, decide(result.candidates, evidence, POLICY)


WIRE = "The Green party won 12 seats in the city council election on Tuesday, officials said after the count ended late at night."


def test_syndicated_copies_count_once():
    evidence = [page(f"https://{host}.example/x", WIRE + tail, tier="other") for host, tail in (("a", ""), ("b", " "), ("c", ""))]
    assert len(set(independence_groups(evidence).values())) == 1
    result, (status, _, reason) = verdict(evidence)
    assert status == "abstained" and "only 1 independent" in reason  # ten copies of one story are one source
    assert len(result.candidates[0].supports) == 1


def test_two_independent_reports_agree():
    other = "Final results show the Green party will hold 12 seats on the new city council after the election."
    _, (status, winner, _) = verdict([page("https://a.example/x", WIRE), page("https://b.example/y", other)])
    assert status == "answered" and winner.value == "12"


def test_stale_page_is_ignored():
    old = "The Green party won 9 seats in the city council election, its best result so far, a spokesperson said."
    fresh = "The Green party took 12 seats in the city council election this week, according to the final count."
    evidence = [page("https://old.example/x", old, day=1), page("https://a.example/x", WIRE), page("https://b.example/y", fresh)]
    evidence[0] = evidence[0].model_copy(update={"published_at": datetime(2023, 5, 1, tzinfo=UTC)})
    result, (status, winner, _) = verdict(evidence)
    assert status == "answered" and winner.value == "12"
    assert all(c.value != "9" for c in result.candidates)
    assert any("outside the 14-day freshness window" in note for note in result.notes)


def test_official_source_settles_a_disagreement():
    official = page("https://elections.example.gov/results", "Official result: the Green party won 12 seats in the city council election.", tier="official")
    wrong_a = page("https://a.example/x", "The Green party won 14 seats in the city council election, early tallies suggested on Tuesday night.")
    wrong_b = page("https://b.example/y", "Green party candidates won 14 seats in the city council election according to exit polls.")
    _, (status, winner, reason) = verdict([official, wrong_a, wrong_b])
    assert (status, winner.value) == ("answered", "12") and "official" in reason


def test_an_official_page_stating_a_value_far_less_clearly_than_others_settles_nothing():
    """The official page names Starmer only as appointed to another office (its mention
    weighed at little or nothing by the predicate's alignment): no value for the chancellor."""
    official = page("https://gov.example/pm", "The King has appointed Sir Keir Starmer as Prime Minister.", tier="official")
    a = page("https://a.example/x", "Starmer named Rachel Reeves as chancellor on Friday.")
    b = page("https://b.example/y", "Rachel Reeves was appointed chancellor, the first woman in the role.")
    p = [Passage(i, e.text, 0, 1.0) for i, e in enumerate([official, a, b])]
    found = [Found("Keir Starmer", "Keir Starmer", p[0], 0.0), Found("Keir Starmer", "Starmer", p[1], 0.3),
             Found("Rachel Reeves", "Rachel Reeves", p[1], 0.6), Found("Rachel Reeves", "Rachel Reeves", p[2], 0.9)]
    for weak in (0.0, 0.05):  # at nothing, or far less clearly than the media state another value
        found[0] = Found("Keir Starmer", "Keir Starmer", p[0], weak)
        result = tally(found, [official, a, b], POLICY, NOW, 14)
        status, winner, reason = decide(result.candidates, [official, a, b], POLICY)
        assert (status, winner.value) == ("answered", "Rachel Reeves") and "official" not in reason


def test_credible_disagreement_is_a_conflict():
    a = page("https://a.example/x", "The Green party won 12 seats in the city council election, the count showed on Tuesday.")
    b = page("https://b.example/y", "The Green party won 13 seats in the city council election after a recount on Wednesday.")
    c = page("https://c.example/z", "After a long night the Green party won 12 seats in the city council election, officials said.")
    d = page("https://d.example/w", "A recount confirmed that the Green party won 13 seats in the city council election this week.")
    _, (status, winner, _) = verdict([a, b, c, d])
    assert status == "conflict" and winner is None


def test_one_page_giving_two_values_is_no_conflict():
    a = page("https://a.example/x", "The Green party won 12 seats in the city council election on Tuesday. "
                                    "In the city council election the Green party won 13 seats, its site said.")
    _, (status, winner, reason) = verdict([a])
    assert (status, winner) == ("abstained", None) and "same source" in reason


def test_a_superseded_value_gives_way_to_newer_reports():
    early = page("https://a.example/x", "With half the votes counted the Green party was on course to win 9 seats in the city council election.", day=2)
    final = page("https://b.example/y", WIRE)
    final2 = page("https://c.example/z", "The final count gives the Green party 12 seats in the city council election, up from 7.")
    result, (status, winner, _) = verdict([early, final, final2])
    assert (status, winner.value) == ("answered", "12")
    nine = next(c for c in result.candidates if c.value == "9")
    assert "superseded" in nine.supports[0].why


def test_a_later_report_of_a_lower_tier_does_not_supersede_the_official_one():
    """Paris 2024: the official final table says China won 40 golds; a press recap two days
    later says 39. The recap is newer, but no official page replaced the table."""
    table = page("https://olympics.com/en/paris-2024/medals", "China finished second with 40 gold medals at Paris "
                 "2024, behind the United States on the final medal table.", tier="official", day=11)
    recap = page("https://recap.example/olympics", "China won 39 gold medals at Paris 2024, one fewer than the "
                 "United States, a recap of the Games said.", day=13)
    found = [Found(v, v, Passage(i, e.text, 0, 1.0), 1.0) for i, (e, v) in enumerate(((table, "40"), (recap, "39")))]
    assert superseded_values(found, [table, recap], {}) == {}
    early = page("https://olympics.com/en/paris-2024/day-7", "China led the table with 11 gold medals.", tier="official",
                 day=2)
    found.append(Found("11", "11", Passage(2, early.text, 0, 1.0), 1.0))
    assert superseded_values(found, [table, recap, early], {}) == {"11": "2025-11-02"}  # the mid-Games table gives way


def test_asked_what_holds_now_the_official_word_gives_way_to_a_correction_two_sources_report():
    """Paris 2024: the official final table gave the United States 126 medals; two days later
    Reuters and ESPN report 125 after a bronze was taken back (ESPN also writing the 126 it
    had). Asked what holds now, 126 gives way; asked plainly, the official table stands; one
    blog's later 130 replaces nothing."""
    table = page("https://olympics.com/en/paris-2024/medals", "The United States finished with 126 medals.",
                 tier="official", day=11)
    wire = page("https://www.reuters.com/a", "The change leaves the United States with 125 medals in total.", day=13)
    espn = page("https://www.espn.com/b", "Team USA's medal total now stands at 125. The United States had finished "
                "the Games with 126 medals on the official table.", day=14)
    blog = page("https://fans.example/c", "By our count the USA won 130 medals in total, a record haul.", day=15)
    evidence = [table, wire, espn, blog]
    found = [Found(v, v, Passage(i, evidence[i].text, 0, 1.0), 1.0)
             for i, v in ((0, "126"), (1, "125"), (2, "125"), (2, "126"), (3, "130"))]
    groups = independence_groups(evidence)
    assert superseded_values(found, evidence, {}) == {}
    assert superseded_values(found, evidence, {}, groups) == {"126": "2025-11-14"}
    assert superseded_values(found[:3] + found[4:], evidence, {}, groups) == {"126": "2025-11-11"}


def test_relative_date_is_resolved_against_the_page_date():
    assert resolve_relative("was elected on Tuesday", date(2025, 11, 6)) == date(2025, 11, 4)
    assert resolve_relative("yesterday", date(2025, 11, 6)) == date(2025, 11, 5)
    passage = Passage(0, "Zohran Mamdani was elected mayor on Tuesday.", 0, 1.0)
    found = date_candidates([passage], {0: date(2025, 11, 6)})
    assert [f.value for f in found] == ["2025-11-04"]


def test_a_date_of_what_another_did_is_no_date_of_the_asked_subject():
    passage = Passage(0, "Odysseus landed on Feb. 22, 2024, the first U.S. landing on the Moon since Apollo 17 in 1972.",
                      0, 1.0)
    said = ["land", "moon"]
    assert date_candidates([passage], {}, said, ["apollo", "17"]) == []  # Odysseus landed on it
    assert [f.value for f in date_candidates([passage], {}, said, ["odysseus"])] == ["2024-02-22"]


def test_a_date_of_another_clause_or_of_the_dateline_is_no_date_of_the_asked_event():
    said = ["land", "moon"]
    ended = Passage(0, "Athena did not land upright, and the company ended the mission on March 7.", 0, 1.0)
    assert date_candidates([ended], {0: date(2025, 3, 7)}, said) == []  # the company's ending, not the landing
    landed = Passage(0, "Athena touched down on March 6, and the company ended the mission on March 7.", 0, 1.0)
    assert [f.value for f in date_candidates([landed], {0: date(2025, 3, 7)}, ["touch", "moon"])] == ["2025-03-06"]
    # the dateline says when the report was filed
    filed = Passage(0, "HOUSTON, March 7 (Reuters) - Intuitive Machines' Athena lander is lying on its side.", 0, 1.0)
    assert date_candidates([filed], {0: date(2025, 3, 7)}, said) == []
    assert [f.value for f in date_candidates([filed], {0: date(2025, 3, 7)})] == ["2025-03-07"]  # any date asked


def test_the_date_of_what_happened_is_the_one_nearest_its_words():
    # the Court of Arbitration for Sport is the question's "CAS"; the 5th is the final's date
    passage = Passage(0, "The Court of Arbitration for Sport ruled on Aug. 10 that the inquiry U.S. coach Cecile "
                         "Landi filed into Chiles' score during the Aug. 5 final came four seconds late.", 0, 1.0)
    found = date_candidates([passage], {0: date(2024, 8, 14)}, ["rule", "inquiry"], ["cas", "jordan", "chiles"])
    assert [f.value for f in found] == ["2024-08-10"]
    # asked of another body, the court's ruling is what another did
    assert "2024-08-10" not in [f.value for f in date_candidates([passage], {0: date(2024, 8, 14)}, ["rule"], ["ioc"])]


def test_a_weekday_that_may_lie_ahead_is_no_date():
    assert resolve_relative("This Friday, the company will plead its case", date(2025, 1, 6)) is None
    assert resolve_relative("a ruling is due by Monday", date(2025, 1, 6)) is None
    passage = Passage(0, "This Friday, lawyers will ask the court to halt the ban, which was signed on Monday.", 0, 1.0)
    assert [f.value for f in date_candidates([passage], {0: date(2025, 1, 8)})] == ["2025-01-06"]


def test_a_weekday_in_a_sentence_about_what_is_to_come_is_no_date():
    assert resolve_relative("The court is scheduled to take up the case Friday", date(2025, 1, 8)) is None
    assert resolve_relative("The Senate will vote on the bill on Tuesday", date(2025, 1, 8)) is None
    # the tense of what came before it, in another sentence, says nothing of this one
    assert resolve_relative("It will open soon. He was arrested on Friday", date(2025, 1, 8)) == date(2025, 1, 3)
    # nor is a foreseen one's: "the BOJ raised rates on 2025-01-17" had been read off a Thursday preview
    thursday = date(2025, 1, 23)
    assert resolve_relative("Most economists expect the BOJ to raise its policy rate to 0.5% on Friday", thursday) is None
    assert resolve_relative("Forecasters expect Milton to make landfall near Tampa Bay on Wednesday night", thursday) is None
    assert resolve_relative("The storm could strengthen on Monday", thursday) is None
    assert resolve_relative("The BOJ raised its policy rate to 0.5% on Friday", date(2025, 1, 27)) == date(2025, 1, 24)


def test_a_day_written_without_its_year_takes_the_year_nearest_the_page_date():
    passage = Passage(0, "The ban would go into effect as soon as Jan. 19 if the app is not sold; it was signed "
                         "on 20 December and upheld on December 6, 2024.", 0, 1.0)
    found = date_candidates([passage], {0: date(2025, 1, 6)})
    assert sorted(f.value for f in found) == ["2024-12-06", "2024-12-20", "2025-01-19"]
    late = Passage(0, "Voting closes on Jan. 19.", 0, 1.0)  # a page of late December: next January
    assert [f.value for f in date_candidates([late], {0: date(2024, 12, 28)})] == ["2025-01-19"]
    # without a page date there is no year to give it; "may 5" in lower case is no month
    assert [f.value for f in date_candidates([passage], {})] == ["2024-12-06"]
    assert date_candidates([Passage(0, "it may 5 times", 0, 1.0)], {0: date(2025, 1, 6)}) == []
    # months ahead only for what is still to come: "after the January 5 door-plug blowout" on
    # a page of August happened this January, "will open on January 5" is next
    blowout = Passage(0, "It followed the January 5 door-plug blowout.", 0, 1.0)
    assert [f.value for f in date_candidates([blowout], {0: date(2024, 8, 8)})] == ["2024-01-05"]
    opening = Passage(0, "The new terminal will open on January 5.", 0, 1.0)
    assert [f.value for f in date_candidates([opening], {0: date(2024, 8, 8)})] == ["2025-01-05"]


def test_a_cjk_day_without_its_year_is_read_and_told_by_the_word_written_against_it():
    """"8月11日闭幕": the page's year, and 闭幕 said of it though no space sets it apart."""
    passage = Passage(0, "巴黎奥运会于当地时间8月11日闭幕。2024年7月26日开幕。", 0, 1.0)
    found = date_candidates([passage], {0: date(2024, 8, 12)}, said=["闭幕"])
    assert [f.value for f in found] == ["2024-08-11"]
    korean = Passage(0, "올림픽은 8월 11일 폐막했다.", 0, 1.0)
    assert [f.value for f in date_candidates([korean], {0: date(2024, 8, 12)}, said=["폐막"])] == ["2024-08-11"]
    assert ask("巴黎奥运会什么时候闭幕？", replay=CHINA, use_model=False).answer == "2024-08-11"


def test_forged_quote_is_dropped():
    evidence = page("https://a.example/x", WIRE)
    real = Citation(n=1, url=evidence.url, tier="media", quote="The Green party won 12 seats")
    forged = Citation(n=2, url=evidence.url, tier="media", quote="The Green party won 15 seats")
    kept, dropped = verified_citations([real, forged], {evidence.url: evidence})
    assert kept == [real] and "left out: it is not in the page" in dropped[0]


def test_an_edited_copy_of_a_wire_story_counts_once():
    """A copy with a new first line and a paragraph added is still the wire's story."""
    story = (" Officials said the count ended late at night after a long day of counting in every ward of the city."
             " Turnout was higher than at the last election, and the party's leader thanked volunteers at a rally."
             " The result gives the Greens the largest group on the council for the first time in its history.")
    wire = page("https://wire.example/a", WIRE + story, tier="other")
    edited = page("https://daily.example/b", "Big night for the Greens. " + WIRE.replace("on Tuesday", "this week") + story
                  + " Our reporter was at the count hall all evening and spoke to several of the new councillors.",
                  tier="other")
    other = page("https://c.example/c", "Final results show the Green party will hold 12 seats on the new city council "
                 "after the election, according to the city clerk, who published the figures on the city's website.",
                 tier="other")
    groups = independence_groups([wire, edited, other])
    assert groups[1] == groups[0] and groups[2] != groups[0]


def test_a_place_is_answered_whole_where_its_parts_stand_only_inside_it():
    from orchestrator.state import Candidate, Support
    from orchestrator.verify.agreement import without_parts

    def place(value, *sources):
        return Candidate(value=value, display=value, kind="place",
                         supports=[Support(source=s, quote="q", weight=1.0, why="media") for s in sources])
    whole, city, state = place("Boulder, Colorado", 0, 1), place("Boulder", 0), place("Colorado", 0, 1)
    assert without_parts([city, whole, state]) == [whole]
    alone = place("Colorado", 0, 2)  # a source that names the state alone keeps it a rival
    assert without_parts([whole, alone]) == [whole, alone]


@pytest.mark.parametrize("question, values", [
    ("When will the 2024 Nobel Prize in Literature be presented?", ["2024-12-10"]),
    ("When was the 2024 Nobel Prize in Literature announced?", ["2024-10-10"]),
    ("When was Han Kang born?", []),  # neither date tells of a birth
    ("When did Han Kang win her first Nobel Prize in Literature?", []),  # no date is said to be the first
])
def test_a_date_answers_only_what_is_said_to_happen_on_it(question, values):
    from orchestrator.verify.dates_found import said_of_the_date
    passage = Passage(0, "Han Kang was announced as the winner of the 2024 Nobel Prize in Literature on Thursday; "
                         "the prize will be presented in Stockholm on 10 December 2024.", 0, 1.0)
    said = said_of_the_date(question, [["nobel prize"], ["literature"], ["han kang"]])
    assert [f.value for f in date_candidates([passage], {0: date(2024, 10, 11)}, said)] == values


def test_names_one_page_gives_side_by_side_still_go_to_the_reader():
    from orchestrator.state import Candidate, Support

    a = page("https://a.example/x", "Alcaraz beat Sinner in the final.")
    both = [Support(source=0, quote="Alcaraz beat Sinner in the final.", weight=1.0, why="media")]
    names = [Candidate(value=v, display=v, kind="text", score=1.0, supports=both) for v in ("Carlos Alcaraz", "Jannik Sinner")]
    status, _, reason = decide(names, [a], POLICY)
    assert status == "conflict" and "same source" not in reason  # the reader, not the rule, tells names apart


def test_a_span_of_time_is_no_count_of_anything_else():
    question = "How many points did her score rise by after the inquiry?"
    words = ["points", "score", "rise", "inquiry"]
    passage = Passage(0, "The inquiry into her score was filed 4 seconds after the one-minute deadline.", 0, 1.0)
    assert number_candidates([passage], question, words) == []  # four seconds are no points
    late = Passage(0, "The inquiry was filed 4 seconds late.", 0, 1.0)
    timed = "How many seconds late was the inquiry filed?"
    assert [f.value for f in number_candidates([late], timed, ["seconds", "late", "inquiry", "filed"])] == ["4"]


def test_a_value_no_current_source_states_is_said_so_not_counted_as_zero_sources():
    from orchestrator.state import Candidate, Support

    old = page("https://a.example/x", "The Greens won 12 seats.", day=1)
    stale = [Support(source=0, quote="The Greens won 12 seats.", weight=1.0, why="media", stale=True)]
    status, _, reason = decide([Candidate(value="12", display="12", kind="number", score=1.0, supports=stale)],
                               [old], POLICY)
    assert status == "abstained" and reason.startswith("no current source states '12'"), reason
