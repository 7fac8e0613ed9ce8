"""A fresh page telling an old event supports nothing about now."""

from datetime import date

from orchestrator.verify.event_time import clause_at, off_frame, question_frame, stated_times

PAGE = date(2025, 3, 3)
THIS_WEEK = question_frame("Which lander touched down on the Moon this week?", [], date(2025, 3, 4), 7)


def test_old_events_on_a_fresh_page_are_off_the_frame():
    for sentence in ("A year ago, Intuitive Machines' Odysseus became the first private lander on the Moon.",
                     "Odysseus tipped over after landing last November.",
                     "In 2021, the company's first mission was announced.",
                     "该公司去年曾发射过一枚着陆器。",
                     "Odysseus landed three years ago.",
                     "The last time the U.S. discontinued a coin was the half cent in 1857, the treasurer said.",
                     "Only one mayor was younger, Hugh J. Grant, who was first elected at 31 during the 1800s.",
                     "The probe's twin flew past the planet in the late 1980s."):
        assert off_frame(sentence, PAGE, THIS_WEEK), sentence


def test_sentences_about_now_or_without_a_stated_time_stand():
    for sentence in ("Firefly's Blue Ghost landed on Sunday, a year after Odysseus.",
                     "Blue Ghost became the first commercial lander to touch down upright.",
                     "Trump, who won the 2024 election, spoke today.",
                     "The mission, planned since 2021, landed this week.",
                     "Blue Ghost landed two days ago."):
        assert not off_frame(sentence, PAGE, THIS_WEEK), sentence


def test_a_question_naming_its_year_frames_that_year():
    paris = question_frame("How many golds did China win at Paris 2024?", [2024], date(2026, 1, 5), 30)
    assert not off_frame("In 2024, China won 40 gold medals in Paris.", date(2026, 1, 2), paris)
    assert off_frame("In 2021, China won 38 gold medals in Tokyo.", date(2024, 8, 12), paris)
    assert question_frame("Who won this week?", [], date(2025, 1, 1), None) is None  # no window, no frame


def test_last_month_name_is_the_latest_a_season_before_the_page():
    # Written in March 2025 of Odysseus, which landed in February 2024: "made it to the moon
    # last February". The February just past is "in February" or "last month".
    ((first, last),) = stated_times("It made it to the moon last February.", date(2025, 3, 3))
    assert first == date(2024, 2, 1) and last.month == 2
    ((first, _),) = stated_times("It launched last May.", date(2025, 3, 3))
    assert first == date(2024, 5, 1)
    ((first, _),) = stated_times("It launched last May.", date(2025, 11, 3))
    assert first == date(2025, 5, 1)


def test_a_clause_about_another_event_keeps_its_own_time():
    sentence = ("Alcaraz denied Sinner the chance to become the first repeat champion since Roger Federer won five "
                "championships from 2004-08.")
    frame = (date(2025, 8, 1), date(2025, 10, 1))
    assert off_frame(clause_at(sentence, sentence.index("Roger")), date(2025, 9, 7), frame)
    assert not off_frame(clause_at(sentence, sentence.index("Alcaraz")), date(2025, 9, 7), frame)
    assert clause_at(sentence, -1) == sentence


def test_a_sentence_naming_only_other_years_is_not_about_the_asked_year():
    peace = question_frame("Who won the 2024 Nobel Peace Prize?", [2024], date(2024, 10, 10), 14)
    assert off_frame("The 2023 prize went to Narges Mohammadi, who is in prison in Iran.", date(2024, 10, 10), peace, [2024])
    assert off_frame("Last year's prize went to jailed activist Narges Mohammadi.", date(2024, 10, 10), peace)
    assert not off_frame("The 2024 prize, unlike the 2023 one, went to Nihon Hidankyo.", date(2024, 10, 11), peace, [2024])


def test_a_year_a_record_is_measured_from_is_no_time_of_the_event():
    paris = question_frame("How many medals did Australia win at Paris 2024?", [2024], date(2024, 8, 12), 14)
    for sentence in ("Australia won 53 medals overall, its best finish since the 2004 Athens Games.",
                     "India finished with no gold medal, its first Games without one since Rio 2016.",
                     "这是中国队自2008年以来的最好成绩。"):
        assert not off_frame(sentence, date(2024, 8, 12), paris, [2024]), sentence
    assert off_frame("In 2004, Australia won 17 gold medals in Athens.", date(2024, 8, 12), paris, [2024])


def test_next_seasons_edition_is_no_answer_about_this_ones():
    final = question_frame("Where was the 2025 Champions League final played?", [2025], date(2025, 6, 1), 14)
    sentence = "Next season's final will be played at the Puskas Arena in Budapest."
    assert off_frame(sentence, date(2025, 6, 1), final, [2025])
    assert not off_frame(sentence, date(2025, 6, 1), final, [2026])  # asked about next season's, it tells


def test_the_year_a_record_was_set_is_the_setters_time_not_the_events():
    from orchestrator.verify.event_time import set_the_record
    series = question_frame("Who was the 2024 World Series MVP?", [2024], date(2024, 11, 1), 14)
    sentence = ("Freddie Freeman was named World Series MVP after driving in 12 runs, tying the record for a "
                "World Series set by Bobby Richardson in 1960.")
    assert not off_frame(sentence, date(2024, 11, 1), series, [2024])
    assert not off_frame(sentence, date(2024, 11, 1), series)  # no year asked: "in 1960" is still the record's
    assert set_the_record(sentence, sentence.index("Bobby")) and not set_the_record(sentence, sentence.index("Freddie"))
    assert off_frame("Bobby Richardson drove in 12 runs in 1960.", date(2024, 11, 1), series, [2024])


def test_a_question_about_how_things_stand_has_no_frame():
    """"What is the retirement age?" is answered by a rule set in 2007 and true today."""
    assert question_frame("What is the mandatory retirement age for airline pilots?", [], date(2025, 9, 26), 14) is None
    assert question_frame("Which lander touched down days ago?", [], date(2025, 3, 4), 14) is not None


def test_a_recent_question_naming_a_past_year_is_about_now():
    asked = "Which ally of the president was found guilty this week of defamation after the 2020 election?"
    frame = question_frame(asked, [2020], date(2025, 6, 20), 14)
    assert frame is not None and frame[0] > date(2025, 4, 1)
    assert off_frame("Lindell was found liable in 2024 for defaming a voting machine maker.", date(2025, 6, 18), frame)


def test_this_year_names_the_year_the_question_is_asked_in():
    from orchestrator.verify.event_time import asked_years
    question = "Which movie won best picture at this year's Academy Awards?"
    years = asked_years(question, None, date(2025, 12, 26))
    assert years == [2024, 2025] and asked_years("Who won in 2024?", 2024, date(2025, 1, 2)) == [2024]
    assert asked_years("Who won the Nobel Prize in Literature last year?", None, date(2024, 10, 20)) == [2022, 2023]
    frame = question_frame(question, years, date(2025, 12, 26), 360)
    assert not off_frame("Anora, the 2024 film, won best picture.", date(2025, 3, 3), frame, years, editions=True)
    assert off_frame("At the 2017 Academy Awards, La La Land was named best picture.", date(2025, 2, 28), frame, years,
                     editions=True)
    assert not off_frame("Baker's four Oscars tie Walt Disney's record haul from 1954.", date(2025, 3, 3), frame, years,
                         editions=True)


def test_a_page_from_after_the_asked_year_reports_its_own_time_unless_it_names_the_year():
    prize_2023 = question_frame("Who won the 2023 Nobel Prize in Literature?", [2023], date(2025, 2, 1), 400)
    autumn_2024 = date(2024, 10, 10)
    assert off_frame("Han Kang wins the Nobel prize in literature", autumn_2024, prize_2023)  # the 2024 laureate
    assert off_frame("The Swedish Academy named Han Kang on Thursday.", autumn_2024, prize_2023)
    assert not off_frame("Fosse won the prize in 2023 for his plays.", autumn_2024, prize_2023)
    assert not off_frame("Jon Fosse won the Nobel prize in literature", date(2023, 10, 5), prize_2023)
    # a page from before the year it asks about still tells of that coming edition
    games_2032 = question_frame("Which city will host the 2032 Olympics?", [2032], date(2024, 8, 1), 400)
    assert not off_frame("The IOC on Wednesday confirmed Brisbane as host.", date(2021, 7, 21), games_2032)


def test_the_time_after_an_event_tells_nothing_of_the_time_before_it():
    from orchestrator.verify.event_time import across_the_event, event_relation

    def other_side(question, sentence):
        return across_the_event(event_relation(question), sentence)

    before = "Who was prime minister before the UK general election on 4 July 2024?"
    after = "Who became prime minister after the UK general election on 4 July 2024?"
    appointed = "His Majesty The King has appointed Sir Keir Starmer as Prime Minister, following the general election."
    assert other_side(before, appointed) and not other_side(after, appointed)
    assert other_side(after, "Rishi Sunak was prime minister until the election was called.")
    assert not other_side(before, "Starmer met the King after the audience at Buckingham Palace.")  # another event
    assert not other_side("Who has led the party since 2020?", "He has led it since the 2019 defeat.")


def test_a_day_named_relative_to_the_question():
    from orchestrator.verify.event_time import asked_relative_day

    monday = date(2024, 8, 12)
    assert asked_relative_day("How many medals did the United States win yesterday?", monday) == date(2024, 8, 11)
    assert asked_relative_day("Wie viele Medaillen haben die USA gestern gewonnen?", monday) == date(2024, 8, 11)
    assert asked_relative_day("How many golds did the US win on Sunday?", monday) == date(2024, 8, 11)
    assert asked_relative_day("How many golds did the US win on Monday?", monday) == date(2024, 8, 5)  # a week ago
    assert asked_relative_day("How many golds did the US win?", monday) is None


def test_a_question_as_of_a_day_names_that_day():
    from orchestrator.verify.event_time import asked_as_of

    asked = date(2024, 8, 13)
    assert asked_as_of("How many gold medals had China won as of August 2, 2024?", asked) == date(2024, 8, 2)
    assert asked_as_of("截至2024年8月2日，中国代表团获得了多少枚金牌？", asked) == date(2024, 8, 2)
    assert asked_as_of("How many gold medals did China win?", asked) is None
    assert asked_as_of("How many golds as of day 7?", asked) is None  # no day of a month
    # "by" and the other languages' words for "as of", read in the question's own words
    assert asked_as_of("How many gold medals had China won by August 2, 2024?", asked) == date(2024, 8, 2)
    assert asked_as_of("Wie viele Goldmedaillen hatte Deutschland bis zum 2. August 2024 gewonnen?", asked,
                       "de") == date(2024, 8, 2)
    assert asked_as_of("Combien de médailles d'or la France avait-elle au 2 août 2024 ?", asked, "fr") == date(2024, 8, 2)
    assert asked_as_of("¿Cuántas medallas de oro había ganado España hasta el 2 de agosto de 2024?", asked,
                       "es") == date(2024, 8, 2)
    assert asked_as_of("Which film was directed by Sean Baker in 2024?", asked) is None  # "by" a person
    assert asked_as_of("¿Cuántas medallas de oro tenía España a 2 de agosto?", asked, "es") == date(2024, 8, 2)
    assert asked_as_of("Did the U.S. win a 2-1 game?", asked) is None  # "a" before no day of a month


def test_a_page_from_before_the_asked_year_tells_of_it_only_naming_it_or_what_will_be():
    games_2028 = question_frame("How many golds did China win at the 2028 Olympics?", [2028], date(2028, 8, 20), 30)
    paris = date(2024, 8, 11)
    assert off_frame("China had reached 40 golds on Sunday, and it looked as if China would top the table.", paris,
                     games_2028, [2028])
    assert not off_frame("Los Angeles will host the next Games.", paris, games_2028, [2028])
    assert not off_frame("China aims for 45 golds at the 2028 Games.", paris, games_2028, [2028])


def test_a_year_written_after_a_name_is_that_names():
    from orchestrator.verify.event_time import year_owned_elsewhere

    text = "Brisbane will be the third Australian city to host the Summer Games, after Melbourne in 1956 and Sydney in 2000."
    at = {name: (text.find(name), text.find(name) + len(name)) for name in ("Brisbane", "Melbourne", "Sydney")}
    assert year_owned_elsewhere(text, *at["Brisbane"], [2000]) and year_owned_elsewhere(text, *at["Melbourne"], [2000])
    assert not year_owned_elsewhere(text, *at["Sydney"], [2000])
    assert not year_owned_elsewhere(text, *at["Brisbane"], [2032])  # the sentence does not write it
    games = "Japan won 20 gold medals at the Paris 2024 Games, its best in 2004 terms."
    assert not year_owned_elsewhere(games, 0, 5, [2024])  # "Paris 2024" is the event, not a name's year


def test_a_state_on_a_day_is_asked_as_of_it_and_an_event_on_a_day_is_that_days():
    from orchestrator.verify.event_time import asked_as_of, asked_event_day

    asked = date(2024, 8, 13)
    assert asked_as_of("How many gold medals did China have on August 2?", asked) == date(2024, 8, 2)
    assert asked_as_of("What was China's gold medal tally on 2 August 2024?", asked) == date(2024, 8, 2)
    # a day written without its year in Chinese: dateparser read "8月2日" as 10 December
    assert asked_as_of("截至8月2日，中国代表团获得了多少枚金牌？", asked, "zh") == date(2024, 8, 2)
    # "won on" an event's day is no as-of day: a day's results are reported after it
    assert asked_as_of("How many gold medals did China win on August 2?", asked) is None
    assert asked_event_day("How many gold medals did China win on August 2?", asked) == date(2024, 8, 2)
    assert asked_event_day("中国代表团8月2日获得几枚金牌？", asked, "zh") == date(2024, 8, 2)
    assert asked_event_day("How many gold medals did China have on August 2?", asked) is None  # its as-of day
    assert asked_event_day("How many gold medals did China win at Paris 2024?", asked) is None


def test_a_page_writes_a_day_in_any_language():
    from orchestrator.verify.date_parts import writes_day

    day = date(2024, 8, 2)
    assert all(writes_day(text, day) for text in ["On 2 August China won three golds.", "By Aug. 2 it had nine.",
                                                  "le 2 août 2024", "8月2日，中国队"])
    assert not any(writes_day(text, day) for text in ["On August 12 China won.", "On 2 September",
                                                      "China won 2 golds in August"])


def test_last_years_edition_is_not_the_one_asked():
    """"Last year's prize went to ..." on a page of 2024 tells of the 2023 prize: no answer
    about this year's (whose years span the one before, for the films an award honours)."""
    said = "Last year's prize went to jailed Iranian rights activist Narges Mohammadi."
    page = date(2024, 10, 9)
    this_year = (date(2023, 1, 1), date(2024, 12, 31))
    assert off_frame(said, page, this_year, [2023, 2024])
    assert not off_frame(said, page, (date(2023, 1, 1), date(2023, 12, 31)), [2023])  # asked of 2023, it answers
    # a comparison with last year's figure is still this year's figure
    compared = "A 16-pound turkey costs $21.50 on average, down from last year's $25.67."
    assert not off_frame(compared, date(2025, 11, 20), (date(2024, 1, 1), date(2025, 12, 31)), [2024, 2025])


def test_a_question_about_the_time_before_a_year_is_framed_before_it():
    from orchestrator.verify.event_time import years_named

    question = "Who won the previous World Test Championship final before 2025?"
    assert years_named(question) == []  # no question about 2025
    frame = question_frame(question, [], date(2025, 6, 15), 14)
    assert frame is not None and frame[1] == date(2024, 12, 31)
    sentence = "South Africa won the World Test Championship final at Lord's on Saturday, 14 June."
    assert off_frame(sentence, date(2025, 6, 14), frame)
    assert not off_frame("Australia won the final at The Oval in June 2023.", date(2025, 6, 14), frame)


def test_asked_how_things_stand_a_sentence_of_years_before_tells_of_then():
    """"How many electoral votes does Trump have?" has no frame; "Four years ago Biden beat
    Trump with 306 electoral votes" tells of 2020, while "raised the age to 65 in 2007" still
    states how things stand."""
    from orchestrator.verify.event_time import off_frame

    page = date(2024, 11, 6)
    assert off_frame("Four years ago Biden beat Trump with 306 electoral votes.", page, None)
    assert off_frame("Last year the rate was 5.25%.", page, None)
    assert not off_frame("The FAA raised the mandatory retirement age to 65 in 2007.", page, None)
    assert not off_frame("Trump had 295 electoral votes to Harris's 226.", page, None)


def test_a_count_told_of_years_long_before_its_page_is_then_s():
    """"哈尔滨亚冬会中国获得多少枚奖牌？" had answered 35, China's medals at the 2017 Sapporo Games
    a page of 2025 recalled; a count told of years before its page is then's count."""
    from orchestrator.verify.event_time import in_its_scene

    sentence = "2017年札幌亚冬会上，中国代表团获得12枚金牌、35枚奖牌，排名第三，日本以27金居首。"
    page = date(2025, 2, 14)
    assert off_frame(sentence, page, None, count=True) and not off_frame(sentence, page, None)  # names keep theirs
    assert not off_frame("中国代表团以32金27银26铜共85枚奖牌位列第一。", page, None, count=True)
    assert not off_frame("China has won 40 gold medals since 2024 began.", page, None, count=True)  # a year "since"
    # the time a sentence opens with is every clause's
    english = "In 2017, at the Games in Sapporo, China won 35 medals."
    assert in_its_scene(english, "China won 35 medals.") == "In 2017, China won 35 medals."
    assert in_its_scene("China won 85 medals.", "China won 85 medals.") == "China won 85 medals."
    assert not off_frame("The AfD won 20.8% of the vote on Sunday, up from 10.3% in 2021.", page, None, count=True)


def test_a_year_written_after_a_number_is_that_number_s():
    """"How many seats did the BJP win in 2019?" had answered 33 (2024's) from "the BJP 33,
    down from 62 in 2019"; how many races Verstappen won in 2023, nine (2024's)."""
    from orchestrator.verify.event_time import year_owned_elsewhere

    def owned(text: str, value: str, year: int) -> bool:
        return not year_owned_elsewhere(text, text.index(value), text.index(value) + len(value), [year])

    seats = "the Samajwadi Party won 37 of the state's 80 seats and the BJP 33, down from 62 in 2019."
    assert owned(seats, "62", 2019) and not owned(seats, "33", 2019)
    races = "Verstappen, who won nine of the 24 races this season after winning a record 19 in 2023, finished third."
    assert owned(races, "19", 2023) and not owned(races, "nine", 2023)


def test_a_count_asked_of_a_year_is_not_another_year_s(tmp_path):
    """The number's own year is read where the number stands: "the BJP 33, down from 62 in
    2019" had answered the BJP's 2019 seats with 33 (a count's place had gone unread)."""
    from tests.verify.reported import ask_reported

    text = ("The biggest shock came in Uttar Pradesh, where the Samajwadi Party won 37 of the state's 80 seats and "
            "the BJP 33, down from 62 in 2019.")
    answer = ask_reported(tmp_path, "How many seats did the BJP win in 2019?", [text],
                          headline="India election results: Modi's BJP loses its majority",
                          path="news/world-asia-india-election-results-2024", published="2024-06-05T08:00:00Z",
                          asked_at="2024-06-06T10:00:00+00:00", outlets=(("bbc", "BBC News"), ("reuters", "Reuters")))
    assert answer.answer != "33"
