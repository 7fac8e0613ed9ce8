"""Which of the names in a sentence fills the question's slot."""

import dataclasses

from orchestrator.verify.alignment import FLOOR, WITHOUT_VERB, alignment, with_claims
from orchestrator.verify.passages import Passage
from orchestrator.verify.predicate import Predicate, predicate_of

TEXT = "Narendra Modi arrived in Washington on Wednesday and met President Donald Trump at the White House."


def _at(name: str) -> tuple[int, int]:
    start = TEXT.index(name)
    return start, start + len(name)


def test_the_name_next_to_what_happened_outweighs_the_bystander():
    predicate = predicate_of("Which world leader arrived in Washington for a two-day visit?", [["washington"]])
    assert "arrived" in predicate.words and "washington" not in predicate.words and predicate.kinds == ("world", "leader")
    modi, trump = alignment(TEXT, *_at("Narendra Modi"), predicate), alignment(TEXT, *_at("Donald Trump"), predicate)
    assert modi == 1.0 and FLOOR < trump < 0.6


def test_the_kind_noun_counts_only_in_apposition():
    text = "IOC members meeting in Tokyo elected the Australian city of Brisbane."
    predicate = Predicate(kinds=("city",))
    brisbane = text.index("Brisbane")
    tokyo = text.index("Tokyo")
    assert alignment(text, brisbane, brisbane + 8, predicate) > 0.8
    assert alignment(text, tokyo, tokyo + 5, predicate) == FLOOR  # "city" is six words away


def test_no_predicate_word_in_the_passage_leaves_the_floor_and_none_asked_leaves_one():
    assert alignment("Taylor Swift sang.", 0, 12, Predicate(words=("nominations",))) == FLOOR
    assert alignment("Taylor Swift sang.", 0, 12, Predicate()) == 1.0


def test_those_beaten_in_a_list_fill_no_winners_slot():
    from orchestrator.verify.alignment import beaten
    text = ("Carpenter took home best pop vocal album, beating industry veterans Ariana Grande, newcomer Doechii and "
            "Charli XCX. Earlier, the band beat Coldplay, and Oasis won the rock award.")

    def at(name):
        return text.index(name), text.index(name) + len(name)
    assert beaten(text, *at("Ariana Grande")) and beaten(text, *at("Doechii")) and beaten(text, *at("Charli XCX"))
    assert beaten(text, *at("Coldplay")) and not beaten(text, *at("Oasis")) and not beaten(text, *at("Carpenter"))
    predicate = Predicate(words=("won", "album"))
    assert alignment(text, *at("Doechii"), predicate) == 0.0 and alignment(text, *at("Carpenter"), predicate) > FLOOR
    # where they beat them is no one beaten: "beating Brazil 1-0 in Rio de Janeiro"
    final = "Argentina won the last edition in 2021, beating Brazil 1-0 in Rio de Janeiro."
    assert beaten(final, final.index("Brazil"), final.index("Brazil") + 6)
    assert not beaten(final, final.index("Rio"), final.index("Rio") + 14)


def test_who_lost_is_the_one_beaten_never_the_winner():
    predicate = predicate_of("Which team lost the Super Bowl on Sunday?", [["super bowl"]])
    for text, loser, winner in (
            ("The Philadelphia Eagles won Super Bowl LIX, beating the Kansas City Chiefs 40-22.", "Kansas City Chiefs",
             "Philadelphia Eagles"),
            ("The Kansas City Chiefs lost to the Philadelphia Eagles in the Super Bowl.", "Kansas City Chiefs",
             "Philadelphia Eagles")):
        def at(name, text=text):
            return text.index(name), text.index(name) + len(name)
        assert alignment(text, *at(loser), predicate) > FLOOR and alignment(text, *at(winner), predicate) == 0.0, text


def test_an_opponent_answers_only_a_question_about_whom_someone_faced():
    text = "Washington Capitals star Alex Ovechkin tied the goal record with two scores against the Chicago Blackhawks."

    def at(name):
        return text.index(name), text.index(name) + len(name)
    team = predicate_of("Alex Ovechkin scored 895 goals. Which team does he play for?", [["alex ovechkin"]])
    assert not team.facing
    assert alignment(text, *at("Chicago Blackhawks"), team) == 0.0 and alignment(text, *at("Washington Capitals"), team) > 0
    for question in ("Against which team did Ovechkin score on Friday?", "Which team did the Capitals play on Friday?",
                     "Who did the Capitals face?"):
        assert alignment(text, *at("Chicago Blackhawks"), predicate_of(question, [])) > 0, question
    # "over" a number is more than it, not a win over anyone
    cases = "As of Tuesday, over 100 of Texas' 159 cases were in Gaines County."
    state = predicate_of("Which state is working to contain a measles outbreak?", [])
    assert alignment(cases, cases.index("Texas"), cases.index("Texas") + 5, state) > 0


def test_a_possessive_kind_noun_asks_for_its_noun():
    predicate = predicate_of("Scientists mapped which animal's brain?", [])
    assert predicate.kinds == ("animal",) and "brain" in predicate.words


def test_its_name_asks_for_what_the_sentence_before_introduced():
    from orchestrator.verify.predicate import kind_nouns
    assert kind_nouns("The mayor said she is founding a new civic movement. What is its name?") == ("movement",)
    assert kind_nouns("A probe reached Mars. What was the probe's name?") == ("probe",)
    assert kind_nouns("A lunar lander touched down. What was its name?") == ("lander",)


WIN_FORMS = [["win", "won", "wins", "winning"]]


def test_the_asked_verb_is_the_one_after_what_the_question_asks_for():
    from orchestrator.verify.predicate import asked_verb
    assert asked_verb("Which club won the Champions League final on Saturday?", ("club",), WIN_FORMS) == (
        "win", "won", "wins", "winning")
    assert asked_verb("Who testified before the US Senate?", (), WIN_FORMS) == ("testifi",)
    assert asked_verb("Which airline is being sued by the Department of Transportation?", ("airline",)) == ("sue",)
    assert asked_verb("Which company announced job cuts?", ("company",)) == ("announc",)
    # what is on its way to happen is the verb after "set to", "expected to" ...
    assert asked_verb("Which singer is set to host the Tony Awards?", ("singer",), (("host", "hosted"),)) == (
        "host", "hosted")
    assert asked_verb("Which team is expected to win the title?", ("team",), WIN_FORMS)[0] == "win"
    assert asked_verb("Who was named to lead the agency?", ()) == ("nam",)  # the naming is what happened
    # no verb right after what is asked for: the question is about someone else, or the
    # verb is irregular and the policy lists no forms of it
    assert asked_verb("Which team does he play for?", ("team",)) == ()
    assert asked_verb("Which comedian made history?", ("comedian",)) == ()
    assert asked_verb("How many medals did Australia win?", ()) == ()
    # "who" and a verb's present: its stem reads "coached by", "coaches"; not "who is", "who does"
    assert asked_verb("Who coaches Inter Milan?", ()) == ("coach",)
    assert asked_verb("Who owns TikTok?", ()) == ("own",) and asked_verb("Who manages Liverpool?", ()) == ("manag",)
    assert asked_verb("Who is the chancellor?", ()) == () and asked_verb("Which company owns TikTok?", ("company",)) == ()


def test_a_british_question_reads_its_words_and_verb_in_american_pages():
    from orchestrator.verify.predicate import asked_verb
    assert asked_verb("Which golfer favoured to win?", ("golfer",)) == ("favour", "favor")
    predicate = predicate_of("Which city had the largest jewellery heist?", [])
    assert "jewelry" in predicate.words
    text = "Police said the jewelry heist was in Los Angeles, and a jail escape shook New Orleans."
    assert alignment(text, 37, 48, predicate) > alignment(text, 74, 85, predicate)


def test_a_passage_that_never_writes_the_asked_verb_states_nothing_it_asks():
    predicate = predicate_of("Which club won the Champions League final on Saturday?", [["champions league"]], WIN_FORMS)
    loser = "Borussia Dortmund went into the Champions League final as underdogs on Saturday."
    winner = "Real Madrid had knocked out Bayern Munich, and they won the final with two goals in nine minutes."
    beside = alignment(loser, 0, 17, predicate)  # beside the final, not winning it
    assert beside < FLOOR < alignment(winner, 0, 11, predicate)
    assert beside == alignment(loser, 0, 17, dataclasses.replace(predicate, verb=())) * WITHOUT_VERB
    assert alignment("Real Madrid's 2-0 win over Dortmund.", 0, 11, predicate) > 0.7  # "win" is a form of "won"


def test_a_passive_question_asks_for_the_one_it_was_done_to_not_the_doer():
    from orchestrator.verify.predicate import asks_passive
    assert asks_passive("Who was posthumously awarded the Presidential Medal of Freedom?", ())
    assert asks_passive("Which airline is being sued by the DOT?", ("airline",))
    assert not asks_passive("Who is taking over the lead role?", ()) and not asks_passive("Who won the race?", ())
    predicate = predicate_of("Who was posthumously awarded the Presidential Medal of Freedom?",
                             [["presidential medal of freedom"]])
    assert predicate.passive and predicate.verb == ("award",)
    active = "President Donald Trump posthumously awarded Charlie Kirk the Presidential Medal of Freedom."
    assert alignment(active, 10, 22, predicate) == 0.0 < alignment(active, 44, 56, predicate)
    agent = "Charlie Kirk was awarded the medal by President Donald Trump on Tuesday."
    assert alignment(agent, 48, 60, predicate) == 0.0 < alignment(agent, 0, 12, predicate)
    # a headline drops "was": its subject is the one the award went to
    assert alignment("Charlie Kirk awarded Medal of Freedom", 0, 12, predicate) > 0.9


def test_the_asked_verb_takes_its_object_up_to_a_function_word():
    wins = [["win", "won", "wins", "winning"]]
    assert predicate_of("Which movie won best picture at the Academy Awards?", [], wins).object == ("best", "picture")
    assert predicate_of("Which team won the Super Bowl?", [], wins).object == ("super", "bowl")  # past its article
    assert predicate_of("Who was awarded the floor bronze after the ruling?", []).object == ("floor", "bronze")
    assert predicate_of("Which world leader arrived in Washington?", []).object == ()


def test_a_passage_writing_the_verb_with_its_object_is_read_however_low_it_ranks():
    """The 2024 Oscars: a headline says outright what won but repeats few of the question's
    words; longer sentences name other films beside "Academy Awards" and a win."""
    predicate = predicate_of("Which movie won best picture at the 96th Academy Awards?", [["academy awards"]],
                             [["win", "won", "wins", "winning"]])
    body = Passage(0, 'It took seven Academy Awards to "Citizen Kane" and its one screenplay win, the best movie '
                      "ever made, some say.", 0, 0.8)
    other = Passage(0, "The Academy Awards will be handed out on Sunday night.", 120, 0.7)
    headline = Passage(1, "Oscars 2024: Christopher Nolan's 'Oppenheimer' wins best picture", 0, 0.45)
    also = Passage(1, '"Oppenheimer" won the best picture Oscar on Sunday night.', 70, 0.4)
    stray = Passage(1, "Tickets went on sale on Monday.", 130, 0.1)
    assert with_claims([body, other, headline, also, stray], predicate, 2) == [body, other, headline, also]
    assert with_claims([body, other, headline], predicate_of("Which movie was shown?", []), 2) == [body, other]


def test_one_said_to_do_it_at_another_named_place_fills_no_slot():
    predicate = predicate_of("Which world leader arrived in Washington for a two-day visit?", [["washington"]])
    assert predicate.place == "Washington"
    away = "President Donald Trump arrived Friday afternoon in Palm Beach County for a long weekend."
    assert alignment(away, *_span(away, "Donald Trump"), predicate) == 0.0
    assert alignment(TEXT, *_at("Narendra Modi"), predicate) == 1.0  # the question's place is written
    unplaced = "Donald Trump arrived on Friday for a long weekend."  # no place: merely unconfirmed
    assert alignment(unplaced, *_span(unplaced, "Donald Trump"), predicate) > 0
    assert predicate_of("Who won the Nobel Prize in Literature?", []).place == ""  # a category, after a name


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_a_name_doing_the_asked_verb_to_something_else_fills_no_slot():
    from orchestrator.verify.other_things import did_another_thing

    question = "Who won the women's basketball final?"
    predicate = predicate_of(question, [], [["win", "won", "wins", "winning"]])
    other = "Earlier on Sunday weightlifter Mira Sand won the women's +81kg title, and the final weekend began."
    said = "Team Ostland won the women's basketball final on Sunday."
    medal = "Kara Voss won gold in the final, beating the champions."
    assert did_another_thing(other, other.index(" won"), predicate)  # "women's" is shared by every event
    assert not did_another_thing(said, said.index(" won"), predicate)
    assert not did_another_thing(medal, medal.index(" won"), predicate)
    assert alignment(other, other.index("Mira"), other.index(" won"), predicate) == 0.0
    actor = predicate_of("Who won best actor?", [], [["win", "won", "wins", "winning"]])
    actress = "Mira Sand won best actress for her first lead role."
    assert did_another_thing(actress, actress.index(" won"), actor)  # "best" opens every award
    gapped = "Baker won best director and Mikey Madison best actress."  # the second clause is hers
    supporting = predicate_of("Who won best supporting actress?", [], [["win", "won", "wins", "winning"]])
    assert did_another_thing(gapped, len("Baker"), supporting)
    # without the asked verb, an object sharing the asked one's "best" but not its "actor"
    assert did_another_thing(gapped, gapped.index(" best actress"), actor)
    named = "Mira Sand was named best actress for her first lead role."
    assert did_another_thing(named, named.index(" was"), actor)
    assert not did_another_thing("Ada Brook was named best actor.", len("Ada Brook"), actor)
    # a tally of the generic word ("16 gold medals") is no particular gold
    singles = predicate_of("Who won the women's tennis singles gold?", [], [["win", "won", "wins", "winning"]])
    hosts = "Hosts France won 16 gold medals and 64 medals in all."
    assert did_another_thing(hosts, hosts.index(" won"), singles)
    assert not did_another_thing("Zheng Qinwen won the women's singles gold.", len("Zheng Qinwen"), singles)
    # a role given right after the name, short of the asked one's telling words
    deputy = predicate_of("Who was appointed deputy prime minister?", [], [])
    appointed = "The King has appointed Sir Keir Starmer as Prime Minister, following the election."
    assert did_another_thing(appointed, appointed.index(" as"), deputy)
    assert not did_another_thing("Starmer appointed Angela Rayner as Deputy Prime Minister.",
                                 len("Starmer appointed Angela Rayner"), deputy)
    # or undergone right after it: "was appointed prime minister" is no chancellorship
    chancellor = predicate_of("Who was appointed chancellor of the exchequer?", [], [])
    undergone = "Starmer was appointed prime minister by the King at Buckingham Palace."
    assert did_another_thing(undergone, len("Starmer"), chancellor)
    assert not did_another_thing("Reeves was formally appointed as chancellor on Friday.", len("Reeves"), chancellor)
    # a deputy's office is no prime minister's, nor the other way round
    became = [["become", "became", "becomes", "becoming"]]
    pm, dep = (predicate_of(q, [], became) for q in ("Who became prime minister?", "Who became deputy prime minister?"))
    named = "Starmer named Rachel Reeves as chancellor and Angela Rayner as deputy prime minister."
    rayner = named.index("Angela Rayner") + len("Angela Rayner")
    assert did_another_thing(named, rayner, pm) and not did_another_thing(named, rayner, dep)
    assert did_another_thing("Starmer became prime minister.", len("Starmer"), dep)
    assert not did_another_thing("Starmer became prime minister.", len("Starmer"), pm)
    # the asked role, not the event it is of, and spelt out as its initials are ("MVP")
    mvp = predicate_of("Who was named Super Bowl LIX MVP?", [["Super Bowl LIX"]], [])
    named = "Jalen Hurts was named the game's most valuable player."
    assert not did_another_thing(named, len("Jalen Hurts"), mvp)
    assert did_another_thing("Jalen Hurts was named the game's best passer.", len("Jalen Hurts"), mvp)
    # "semi-finals" is no final like the asked one
    cup = predicate_of("Which club won the Champions League final?", [], [["win", "won", "wins", "winning"]])
    semi = "Real Madrid had knocked out Bayern Munich in the semi-finals, and they won the final."
    assert not did_another_thing(semi, len("Real Madrid"), cup)


def test_the_one_doing_it_is_found_past_an_apposition_and_behind_its_agent_noun():
    from orchestrator.verify.doers import doer

    announced = ("annonc",)
    said = "Lena Varga, the permanent secretary of the academy, announced the prize on Thursday."
    assert doer(said, 0, len("Lena Varga"), ("announc",)) and not doer(said, 0, len("Lena Varga"), announced)
    translated = "The novel reached English readers through its translator Nora Bright."
    at = translated.index("Nora")
    assert doer(translated, at, at + len("Nora Bright"), ("translat",))
    assert not doer("They translated Nora Bright's memoir.", 14, 25, ("translat",))  # the verb, not its agent noun
    headline = "'Lumen' wins best picture"  # a headline's present tense is active
    assert doer(headline, 1, 6, ("win", "wins", "won"))


def test_each_of_those_doing_it_together_does_it_past_their_affiliations():
    from orchestrator.verify.doers import co_doers, doer

    won = ("win", "won", "wins", "winning")
    prize = ("David Baker of the University of Washington and Demis Hassabis and John Jumper of Google DeepMind "
             "won the 2024 Nobel Prize in Chemistry.")
    pair = "A day earlier Geoffrey Hinton and John Hopfield won the physics prize."
    for text, name in ((prize, "David Baker"), (prize, "Demis Hassabis"), (prize, "John Jumper"),
                       (pair, "Geoffrey Hinton"), (pair, "John Hopfield")):
        at = text.index(name)
        assert doer(text, at, at + len(name), won), name
    # another clause's subject, one joined to a common noun, or another's affiliation did not
    clauses = "Hassabis and Jumper shared half of the prize, and Baker won the other half. The Cup went to Europe, and Madrid won."
    for text, name in ((clauses, "Hassabis"), (clauses, "Jumper"), (clauses, "Europe"), (prize, "University of Washington")):
        at = text.index(name)
        assert not doer(text, at, at + len(name), won), name
    # the runs of them, in the order written
    assert co_doers(prize, ["John Jumper", "Demis Hassabis", "David Baker", "University of Washington"], won) == [
        (prize.index("David"), ["David Baker", "Demis Hassabis", "John Jumper"])]
    assert co_doers(pair, ["Geoffrey Hinton", "John Hopfield"], won) == [(pair.index("Geoffrey"), ["Geoffrey Hinton", "John Hopfield"])]
    assert co_doers(clauses, ["Hassabis", "Jumper", "Baker"], won) == []
    jointly = ("The prize was awarded to David Baker of the University of Washington for protein design, and jointly to "
               "Demis Hassabis and John Jumper of Google DeepMind.")
    assert co_doers(jointly, ["David Baker", "Demis Hassabis", "John Jumper"], won) == [
        (jointly.index("David"), ["David Baker", "Demis Hassabis", "John Jumper"])]
    # each their own: a plural object, or "respectively"
    awards = "Kieran Culkin and Zoe Saldaña won the supporting acting awards, for A Real Pain and Emilia Pérez."
    assert co_doers(awards, ["Kieran Culkin", "Zoe Saldaña"], won) == []
    assert co_doers("Ann Lee and Bo Chen won their events respectively.", ["Ann Lee", "Bo Chen"], won) == []
    assert co_doers("Ann Lee and Bo Chen won the Nobel Prize in Economics.", ["Ann Lee", "Bo Chen"], won) == [
        (0, ["Ann Lee", "Bo Chen"])]
    # a list with commas: the first of it did it too
    listed = "David Baker, Demis Hassabis and John Jumper won the 2024 Nobel Prize in Chemistry."
    assert doer(listed, 0, len("David Baker"), won)
    assert co_doers(listed, ["David Baker", "Demis Hassabis", "John Jumper"], won) == [
        (0, ["David Baker", "Demis Hassabis", "John Jumper"])]


def test_an_object_pointing_back_is_no_other_thing():
    from orchestrator.verify.other_things import did_another_thing

    predicate = predicate_of("Who hosted the 2025 Oscars?", [], [["host", "hosted", "hosts"]])
    hosted = "Conan O'Brien hosted the ceremony for the first time."
    assert not did_another_thing(hosted, len("Conan O'Brien"), predicate)  # "the ceremony" is the Oscars again
    other = "Conan O'Brien hosted a podcast for years."
    assert did_another_thing(other, len("Conan O'Brien"), predicate)


def test_an_object_question_is_answered_by_what_its_own_doer_did_it_to():
    predicate = predicate_of("Which club did Dortmund knock out?", [["dortmund"]])
    assert (predicate.by, predicate.done) == (("dortmund",), ("knock",))
    text = "Real Madrid had knocked out Bayern Munich, and Dortmund, who knocked out Paris Saint-Germain, lost."
    at = {name: (text.index(name), text.index(name) + len(name)) for name in ("Real Madrid", "Bayern Munich",
                                                                             "Paris Saint-Germain")}
    assert alignment(text, *at["Bayern Munich"], predicate) == 0.0  # another did it to Bayern
    assert alignment(text, *at["Real Madrid"], predicate) == 0.0  # the one doing it is not whom it was done to
    assert alignment(text, *at["Paris Saint-Germain"], predicate) > FLOOR
    assert predicate_of("Which club won the final?", []).by == ()  # the answer is the doer: no object asked
    # a country's side goes by other names ("the Springboks"): no other doer is told apart from it
    assert predicate_of("Which team did South Africa beat in the final?", [["south africa"]]).by == ()


def test_a_doer_of_the_object_written_before_it_does_the_asked_thing():
    predicate = predicate_of("Who filed the inquiry into Jordan Chiles' score?", [["jordan chiles"]])
    text = "The court ruled on Aug. 10 that the inquiry U.S. coach Cecile Landi filed was made 4 seconds late."
    start = text.index("Cecile Landi")
    assert alignment(text, start, start + len("Cecile Landi"), predicate) == 1.0
    other = "The gymnast Cecile Landi filed a complaint about the judges."  # another thing filed
    assert alignment(other, 12, 24, predicate) == 0.0


def test_the_doer_after_by_did_it_to_the_thing_before_the_verb():
    predicate = predicate_of("Who directed The Brutalist?", [["the brutalist"]])
    text = "The independent film directed by Sean Baker won five Oscars, ahead of Conclave and The Brutalist."
    start = text.index("Sean Baker")
    assert alignment(text, start, start + len("Sean Baker"), predicate) == 0.0  # the film he directed is another
    own = "The Brutalist, directed by Brady Corbet, won three Oscars."
    start = own.index("Brady Corbet")
    assert alignment(own, start, start + len("Brady Corbet"), predicate) > FLOOR
    # a passage that does not name the asked film may mean it by "the film"
    anora = predicate_of("Who directed Anora?", [["anora"]])
    assert alignment(text[:text.index(",")], start := text.index("Sean Baker"), start + 10, anora) > FLOOR


def test_whom_they_beat_is_one_written_as_beaten_or_faced():
    predicate = predicate_of("Which club did Real Madrid beat in the final?", [["real madrid"]])
    text = "Real Madrid beat Dortmund to win 15th European Cup"
    for name, expected in (("Dortmund", 1.0), ("European Cup", 0.0)):  # the list of the beaten ends at "to win"
        start = text.index(name)
        assert alignment(text, start, start + len(name), predicate) == expected
    # the question's subject before the verb: "Real Madrid beat which club to win ...?"
    written_after = predicate_of("Real Madrid beat which club to win the final?", [["real madrid"]])
    start = text.index("Dortmund")
    assert alignment(text, start, start + len("Dortmund"), written_after) == 1.0
    vote = "IOC members meeting in Tokyo elected Brisbane."  # no one beaten: a false premise
    tokyo = predicate_of("Which city did Brisbane beat in the vote?", [["brisbane"]])
    assert alignment(vote, vote.index("Tokyo"), vote.index("Tokyo") + 5, tokyo) == 0.0


def test_another_medal_of_the_asked_event_fills_no_slot():
    predicate = predicate_of("Who won the women's floor exercise gold at Paris 2024?", [["paris 2024"]])
    text = "The IOC reallocated the women's floor exercise bronze medal from Jordan Chiles to Ana Barbosu."
    start = text.index("Ana Barbosu")
    assert alignment(text, start, start + len("Ana Barbosu"), predicate) == 0.0
    bronze = predicate_of("Who won the women's floor exercise bronze at Paris 2024?", [["paris 2024"]])
    assert alignment(text, start, start + len("Ana Barbosu"), bronze) > 0.0


def test_another_acting_award_or_draw_of_the_asked_event_fills_no_slot():
    won = [["win", "won", "wins"]]
    actor = predicate_of("Who won best leading actor in a play at the Tonys?", [["tonys"]], won)
    text = "Stage star Ann Lee won best leading actress in a play for her one-woman show."
    lee = text.index("Ann Lee")
    assert alignment(text, lee, lee + len("Ann Lee"), actor) == 0.0
    actress = predicate_of("Who won best leading actress in a play at the Tonys?", [["tonys"]], won)
    assert alignment(text, lee, lee + len("Ann Lee"), actress) > 0.0
    men = predicate_of("Who won the men's marathon?", [], won)
    race = "Ann Lee won the women's marathon in 2 hours 22 minutes."
    assert alignment(race, 0, len("Ann Lee"), men) == 0.0


def test_the_one_beaten_answers_no_question_without_predicate_words():
    # "Who was the MVP of Super Bowl LIX?" names all it asks about: no words to align with
    text = "The Philadelphia Eagles won Super Bowl LIX on Sunday, beating the Kansas City Chiefs 40-22."
    chiefs = text.index("Kansas")
    assert alignment(text, chiefs, chiefs + len("Kansas City Chiefs"), Predicate()) == 0.0
    assert alignment(text, text.index("Philadelphia"), text.index(" won"), Predicate()) == 1.0
    assert alignment(text, chiefs, chiefs + len("Kansas City Chiefs"), Predicate(facing=True)) == 1.0


def test_a_role_given_right_after_a_name_is_the_asked_one_or_another():
    text = "Starmer named Rachel Reeves as chancellor and Angela Rayner as deputy prime minister."
    reeves, rayner = text.index("Rachel"), text.index("Angela")
    prime = predicate_of("Who was prime minister?", [], [])
    assert alignment(text, reeves, reeves + len("Rachel Reeves"), prime) == 0.0  # another role
    assert alignment(text, rayner, rayner + len("Angela Rayner"), prime) == 0.0  # the asked one at another rank
    deputy = predicate_of("Who is the deputy prime minister?", [], [])
    assert alignment(text, rayner, rayner + len("Angela Rayner"), deputy) > 0


def test_what_a_vote_was_for_is_the_verb_s_object():
    """"voted to hold rates": the committee that "voted 8-1 for the cut" voted for another thing."""
    asked = predicate_of("Who voted to hold rates at the Bank of England in November 2024?", [["bank of england"]])
    assert asked.object == ("hold", "rates")
    text = "The Monetary Policy Committee voted 8-1 for the cut, with Catherine Mann voting to hold."
    spans = {name: (text.find(name), text.find(name) + len(name)) for name in ("Monetary Policy Committee", "Catherine Mann")}
    assert alignment(text, *spans["Monetary Policy Committee"], asked) == 0.0
    assert alignment(text, *spans["Catherine Mann"], asked) == 1.0
    # "to" after another verb is a preposition: "Which team advanced to the final?" has no infinitive
    assert predicate_of("Which team advanced to the final?", []).object == ()


def test_the_government_sued_is_the_administration_asked_about():
    from orchestrator.verify.other_things import did_another_thing

    predicate = predicate_of("Which retailer sued the Trump administration over tariffs?", [["trump"]], [["sue", "sued", "sues"]])
    sued = "Grocery chain Aldana has sued the federal government over import duties."
    assert not did_another_thing(sued, sued.index(" has"), predicate)  # "the federal government" is it, said again
    other = "Grocery chain Aldana has sued a rival supplier over late deliveries."
    assert did_another_thing(other, other.index(" has"), predicate)


def test_a_plural_kind_noun_after_a_name_sorts_others_of_that_kind():
    predicate = predicate_of("Which hockey team won the Stanley Cup?", [], [["win", "won", "wins"]])
    text = "Unlike most National Hockey League teams, the Carolina Hurricanes won the Stanley Cup."
    league = text.index("National Hockey League")
    side = text.index("Carolina Hurricanes")
    assert alignment(text, league, league + len("National Hockey League"), predicate) < \
        alignment(text, side, side + len("Carolina Hurricanes"), predicate)
    one = "The Carolina Hurricanes team won the Stanley Cup."  # a singular kind noun is still apposition
    assert alignment(one, 4, 4 + len("Carolina Hurricanes"), Predicate(kinds=("team",))) > 0.8


def test_a_time_between_the_verb_and_its_object_hides_neither():
    from orchestrator.verify.other_things import did_another_thing

    predicate = predicate_of("Which grocer announced plans to close 40 stores?", [], [])
    for text in ("Grocer Marlow's announced Friday, May 9, that it plans to close 40 stores.",
                 "Grocer Marlow's announced on May 9 that it plans to close 40 stores."):
        assert not did_another_thing(text, text.index(" announced"), predicate), text
    other = "Grocer Marlow's announced Friday a new loyalty scheme."
    assert did_another_thing(other, other.index(" announced"), predicate)


def test_one_who_beat_another_in_the_asked_thing_won_it():
    """"The Eagles beat the Chiefs in Super Bowl LIX" says who won it, as does "Eagles rout
    Chiefs to win Super Bowl LIX", however far the name stands from "win"; the beaten side, and
    one who beat another in something else, did not."""
    from orchestrator.verify.doers import doer

    won = predicate_of("Who won Super Bowl LIX?", [], [["win", "won", "wins", "winning"]])
    for text, name in (("Eagles rout Chiefs 40-22 to win Super Bowl LIX", "Eagles"),
                       ("The Philadelphia Eagles beat the Kansas City Chiefs 40-22 in Super Bowl LIX in New Orleans.",
                        "Philadelphia Eagles")):
        at = text.index(name)
        assert doer(text, at, at + len(name), won.verb), text
        assert alignment(text, at, at + len(name), won) == 1.0, text
        beaten = text.index("Chiefs")
        assert not doer(text, beaten, beaten + len("Chiefs"), won.verb), text
    final = predicate_of("Who won the Australian Open final?", [], [["win", "won", "wins", "winning"]])
    semi = "Jannik Sinner beat Ben Shelton in the semifinal on Friday."
    assert alignment(semi, 0, len("Jannik Sinner"), final) == 0.0
    assert not doer("The Lakers beat the Celtics.", 4, len("The Lakers"), ("host", "hosted", "hosts"))


def test_an_offices_initials_give_that_office():
    """"appointed Markus Brändli as CEO" names him chief executive; "as CFO" another office."""
    named = predicate_of("Who did Zurich Insurance name as its new chief executive?", [["zurich insurance"]])
    for role, expected in (("CEO", True), ("head of claims", False)):
        text = f"Zurich Insurance appointed Markus Brändli as {role}, the company said."
        start = text.index("Markus")
        assert (alignment(text, start, start + len("Markus Brändli"), named) > 0) is expected, role


def test_a_win_told_with_how_often_names_no_one_edition_s_winner():
    """"Rafael Nadal, who won the tournament a record 14 times, was honoured" had answered who
    won the 2025 French Open men's title."""
    text = "Rafael Nadal, who won the tournament a record 14 times, was honoured on the opening day."
    asked = predicate_of("Who won the 2025 French Open men's title?", [])
    assert alignment(text, 0, len("Rafael Nadal"), asked) == 0.0
    assert alignment("Nadal has won it twice since.", 0, 5, asked) == 0.0
    # unless the question asks how often, and a single win is read as ever
    assert alignment(text, 0, len("Rafael Nadal"), predicate_of("Who has won the tournament the most times?", [])) > 0
    assert alignment("Nadal won the title on Sunday.", 0, 5, asked) > 0


def test_one_of_two_awards_in_a_sentence_is_given_to_its_own_winner():
    """"Kieran Culkin won best supporting actor ... and Zoe Saldaña best supporting actress" had
    answered who won best supporting actress with Culkin; "won best international feature"
    who won best animated feature."""
    from tests.verify.counts import POLICY
    text = ('Kieran Culkin won best supporting actor for "A Real Pain" and Zoe Saldaña best supporting actress '
            'for "Emilia Pérez".')
    asked = predicate_of("Who won best supporting actress at the 2025 Oscars?", [], POLICY.shapes.predicates)
    culkin, saldana = text.index("Kieran Culkin"), text.index("Zoe Saldaña")
    assert alignment(text, culkin, culkin + 13, asked) == 0.0
    assert alignment(text, saldana, saldana + 11, asked) == 1.0  # the one the left-out "won" is said of
    films = ("Brazil's \"I'm Still Here\" won best international feature, the country's first win, and the Latvian "
             "film \"Flow\" won best animated feature.")
    animated = predicate_of("Which film won best animated feature?", [], POLICY.shapes.predicates)
    brazil, flow = films.index("I'm Still Here"), films.index("Flow")
    assert alignment(films, brazil, brazil + 14, animated) == 0.0 and alignment(films, flow, flow + 4, animated) > 0.5


def test_a_role_with_another_word_before_the_asked_head_is_another_role():
    """"Toshimitsu Motegi as foreign minister" had answered who is Japan's new finance minister."""
    text = "Takaichi named Satsuki Katayama as Japan's first female finance minister and Toshimitsu Motegi as foreign minister."
    asked = predicate_of("Who is Japan's new finance minister?", [])
    katayama, motegi = text.index("Satsuki Katayama"), text.index("Toshimitsu Motegi")
    assert alignment(text, motegi, motegi + 17, asked) == 0.0 and alignment(text, katayama, katayama + 16, asked) > 0.5


def test_the_other_of_a_pair_and_a_spelling_with_a_hyphen():
    """With "won" left out after "and", Saldaña's best supporting actress is still no best
    supporting actor; "the half-time show" is the halftime show (Kendrick Lamar had lost it)."""
    from tests.verify.counts import POLICY
    text = ('Kieran Culkin won best supporting actor for "A Real Pain" and Zoe Saldaña best supporting actress '
            'for "Emilia Pérez".')
    actor = predicate_of("Who won best supporting actor at the 2025 Oscars?", [], POLICY.shapes.predicates)
    culkin, saldana = text.index("Kieran Culkin"), text.index("Zoe Saldaña")
    assert alignment(text, saldana, saldana + 11, actor) == 0.0 and alignment(text, culkin, culkin + 13, actor) == 1.0
    show = "Kendrick Lamar headlined the half-time show, joined by SZA."
    asked = predicate_of("Who headlined the Super Bowl LIX halftime show?", [], POLICY.shapes.predicates)
    assert alignment(show, 0, 14, asked) > 0.5


def test_a_word_of_the_asked_event_before_the_head_is_no_other_category():
    """"Sinner beats Alcaraz to win first Wimbledon title" answers who won the Wimbledon men's title."""
    from tests.verify.counts import POLICY
    asked = predicate_of("Who won the 2025 Wimbledon men's title?", [], POLICY.shapes.predicates)
    assert alignment("Sinner beats Alcaraz to win first Wimbledon title", 0, 6, asked) > 0.5


def test_an_award_s_category_is_read_apart_from_the_other_category_rule():
    """"Geoffrey Hinton and John Hopfield won the physics prize" still answers who won the
    Nobel Prize in Physics (verify/categories.py tells an award's categories apart)."""
    from tests.verify.counts import POLICY
    asked = predicate_of("Who won the Nobel Prize?", [["2024"], ["physics"]], POLICY.shapes.predicates)
    text = "A day earlier Geoffrey Hinton and John Hopfield won the physics prize for work on machine learning."
    hopfield = text.index("John Hopfield")
    assert alignment(text, hopfield, hopfield + 13, asked) > 0.5


def test_the_one_another_lost_a_thing_to_won_it():
    from orchestrator.verify.doers import doer
    won = ("win", "won", "wins", "winning")
    text = ("Opposition leader Peter Dutton, 54, lost the Queensland seat of Dickson, which he had held since 2001, "
            "to Labor candidate Ali France, a former journalist.")
    start = text.index("Ali France")
    assert doer(text, start, start + len("Ali France"), won)
    assert not doer(text, text.index("Peter"), text.index(", 54"), won)
    bid = "The challenger lost his bid to unseat Peter Dutton."
    assert not doer(bid, bid.index("Peter"), len(bid) - 1, won)  # a verb after "to": no one it went to
    assert not doer(text, start, start + len("Ali France"), ("host", "hosted"))  # what was lost was won, not hosted


def test_asked_whose_thing_did_it_the_owner_answers_through_its_thing():
    won = [["win", "won", "wins", "winning"]]
    question = "Which country's film won best international feature at the Oscars?"
    predicate = predicate_of(question, [["oscars"]], won)
    assert predicate.owned == "film" and predicate.verb[0] == "win"  # the owned film's verb, not "country's"
    text = ("Brazil's \"I'm Still Here\" won best international feature, and the Latvian film \"Flow\" won "
            "best animated feature.")
    brazil, latvian = text.index("Brazil"), text.index("Latvian")
    assert alignment(text, brazil, brazil + 6, predicate) == 1.0  # its film won the asked award
    assert alignment(text, latvian, latvian + 7, predicate) == 0.0  # its film won another
    flow = text.index("Flow")
    assert alignment(text, flow, flow + 4, predicate) == 0.0  # the film itself owns nothing
    lander = predicate_of("Which company's lander touched down on the Moon?", [], ())
    text = "Firefly Aerospace's Blue Ghost lander touched down on the Moon on Sunday."
    assert alignment(text, 0, len("Firefly Aerospace"), lander) == 1.0
    ghost = text.index("Blue Ghost")
    assert alignment(text, ghost, ghost + len("Blue Ghost"), lander) == 0.0
    assert predicate_of("Which author, whose books sold 75 million copies, died?", [], ()).owned == ""


def test_a_name_inside_anothers_description_does_not_do_the_verb():
    from orchestrator.verify.doers import doer
    predicate = predicate_of("Who dissented at the Fed's meeting?", [["fed"]])
    text = ("Stephen Miran, newly confirmed as a Fed governor after being nominated by President Donald Trump, "
            "dissented in favour of a half-point cut.")
    miran, trump = text.index("Stephen Miran"), text.index("Donald Trump")
    assert alignment(text, miran, miran + len("Stephen Miran"), predicate) > 0
    assert alignment(text, trump, trump + len("Donald Trump"), predicate) == 0.0
    # a report's dateline describes no one: "MUNICH, June 1 - PSG won ..., beating Inter"
    won = predicate_of("Who won the final?", [], [["win", "won", "wins", "winning"]])
    dated = "MUNICH, June 1 - Paris Saint-Germain won the final on Saturday, beating Inter Milan 5-0."
    assert alignment(dated, 17, 17 + len("Paris Saint-Germain"), won) == 1.0
    assert doer(dated, 17, 17 + len("Paris Saint-Germain"), won.verb)


def test_the_one_left_behind_in_a_ranking_holds_no_place_asked():
    text = ("Chega became the second-largest party in parliament after it won two seats abroad, giving it 60 "
            "seats, ahead of the Socialist Party's 58.")
    predicate = predicate_of("Which party came second in Portugal's election?", [["portugal"]])
    socialists = text.index("Socialist Party")
    assert alignment(text, socialists, socialists + len("Socialist Party"), predicate) == 0.0
    # a time is no ranking: "ahead of Trump's visit" leaves no one behind
    text = "Officials in Beijing met ahead of Trump's visit to China."
    predicate = predicate_of("Who visited China?", [["china"]])
    assert alignment(text, text.index("Trump"), text.index("Trump") + 5, predicate) > 0.0


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_whom_a_named_doer_beat_is_told_only_by_a_passage_naming_the_doer():
    predicate = predicate_of("Who did Anisimova beat in the Wimbledon semi-finals?", [["anisimova"], ["wimbledon"]])
    assert predicate.by == ("anisimova",) and predicate.beaten
    other = "Jannik Sinner won Wimbledon on Sunday, beating two-time defending champion Carlos Alcaraz in four sets."
    assert alignment(other, *_span(other, "Carlos Alcaraz"), predicate) == 0.0
    own = "Amanda Anisimova beat Aryna Sabalenka in the Wimbledon semi-finals."
    assert alignment(own, *_span(own, "Aryna Sabalenka"), predicate) == 1.0


def test_the_winner_a_loser_faced_is_none_it_beat_but_whom_it_lost_to():
    text = "PSG had lost their only previous final, against Bayern Munich in 2020."
    beat = predicate_of("Who did PSG beat in the Champions League final?", [["psg"], ["champions league"]])
    assert alignment(text, *_span(text, "Bayern Munich"), beat) == 0.0
    lost = predicate_of("Who did PSG lose to in the 2020 Champions League final?", [["psg"], ["champions league"]])
    assert alignment(text, *_span(text, "Bayern Munich"), lost) > 0.0


def test_a_win_or_a_loss_is_told_by_a_verb_of_beating():
    """Asked who lost the Super Bowl on Sunday, "the Eagles beat the Kansas City Chiefs" writes
    the deed of that day as "lost" would."""
    from orchestrator.verify.doers import states_deed

    beat = "the philadelphia eagles beat the kansas city chiefs 40-22 on sunday."
    assert states_deed(beat, ("lose", "lost", "loses")) and states_deed(beat, ("win", "won", "wins"))
    assert not states_deed("the chiefs arrived in new orleans on sunday.", ("lose", "lost", "loses"))
    assert not states_deed(beat, ("touch", "touched"))


def test_a_name_denied_the_win_in_its_own_language_won_nothing():
    """"Fernanda Torres não ganhou o Óscar de melhor atriz" had answered who won best actress
    (a German question on Portuguese pages); "El PSOE no ganó las elecciones" who won the election."""
    from orchestrator.verify.alignment import denies_the_win

    def denied(text: str, name: str) -> bool:
        return denies_the_win(text, text.index(name) + len(name))

    assert denied("Fernanda Torres não ganhou o Óscar de melhor atriz.", "Fernanda Torres")
    assert denied("El PSOE no ganó las elecciones, pero Sánchez tiene más opciones.", "El PSOE")
    assert denied("Torres n'a pas gagné l'Oscar.", "Torres")
    assert denied("Torres gewann den Oscar nicht.", "Torres")  # German denies after the verb
    assert not denied("Fernanda Torres ganhou o Globo de Ouro.", "Fernanda Torres")
    assert not denied("Sinner beat Medvedev with no sets dropped.", "Sinner")
    assert not denied("Alcaraz, the no. 3 seed, won.", "Alcaraz")
    assert not denied("Merz gewann die Wahl.", "Merz")


def test_who_lost_is_neither_the_one_faced_nor_the_one_a_defeat_was_by():
    """"Which team lost the Euro 2024 final?" had answered Spain from a preview ("England aim to
    end 58 years of hurt against Spain") and from "the 2-1 defeat by Spain"."""
    lost = predicate_of("Which team lost the Euro 2024 final?", [], [["lose", "lost", "loses", "losing"]])
    for text, name in [("Euro 2024 final: England aim to end 58 years of hurt against Spain", "Spain"),
                       ("Southgate resigned two days after the 2-1 defeat by Spain in the Euro 2024 final.", "Spain")]:
        assert alignment(text, text.index(name), text.index(name) + len(name), lost) == 0.0
    beaten = "Oyarzabal's goal beat England 2-1 in the Euro 2024 final."
    assert alignment(beaten, beaten.index("England"), beaten.index("England") + 7, lost) == 1.0
