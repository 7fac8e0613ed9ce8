"""Candidate answer values found in ranked passages, by answer type. A candidate exists
only where its text occurs in a passage; the passage is its quote."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from orchestrator.lexicon import lexicon as language_lexicon
from orchestrator.verify.ages import age_event, asks_age, is_age, tells_event
from orchestrator.verify.asked_unit import MONEY, PERCENT, asked_unit, currency_sign, written_in
from orchestrator.verify.casualties import asked_state, number_state
from orchestrator.verify.changes import (
    asked_change,
    asked_way,
    asks_before_change,
    counts_the_change,
    held_before,
    moved_the_other_way,
)
from orchestrator.verify.count_owner import another_s, counted_subject
from orchestrator.verify.date_parts import is_date_part
from orchestrator.verify.doers import doer
from orchestrator.verify.entities import belongs_elsewhere, countries_in, is_place, owner
from orchestrator.verify.headline_case import capitalised_in_prose, sentence_cased
from orchestrator.verify.incidental import is_taken_back, only_as_maker
from orchestrator.verify.labels import is_label
from orchestrator.verify.measures import (
    answers_measure,
    asks_size,
    asks_times,
    asks_whole,
    bound_measure,
    counted_words,
    counts_another_noun,
    counts_joined,
    elided_measure,
    is_whole,
    question_measure,
    times_of_another,
    whole_after,
    written_as_times,
)
from orchestrator.verify.name_words import lexicon, lower_case_words, title_word
from orchestrator.verify.narrowing import states_narrowing
from orchestrator.verify.numbered_parts import asked_parts, of_another_part
from orchestrator.verify.numbers import NumberMention, find_numbers
from orchestrator.verify.passages import TITLE_ABBREVIATIONS, Passage, on_row_line
from orchestrator.verify.proper_names import CAPITAL, NAME, NOT_NAMES
from orchestrator.verify.question import contains, only_function_words, us_spelled
from orchestrator.verify.ranges import in_a_range
from orchestrator.verify.rates import asked_rate, of_another_rate
from orchestrator.verify.running_totals import (
    added_to,
    asks_one_day,
    asks_one_game,
    is_foreseen,
    is_pending,
    is_progress,
    of_another_span,
    summed_measure,
)
from orchestrator.verify.said_places import place_words, said_places
from orchestrator.verify.scores import ASKS_MARGIN, SCORING, margin_of_a_win, score_at, whose_side, written_as_margin
from orchestrator.verify.tally import other_side
from orchestrator.verify.thresholds import asks_threshold, is_threshold

_SKIP_UNITS = {"年", "月", "日", "号", "时", "分", "岁"}
_WINDOW = 14  # characters read after a number for its noun ("40 gold medals", "40枚金牌")
_WINDOW_BEFORE = 24  # and before it, at half weight ("medal total now stands at 125")
_UNIT_BINDS = 0.5  # a number in the asked unit is bound as if a question word stood a word away from it


@dataclass(frozen=True)
class Found:
    value: str  # normalised, what agreement compares
    display: str  # as written in the passage
    passage: Passage
    strength: float  # 0..1: how surely this passage states this value for the question
    choice_index: int | None = None
    start: int = -1  # where in the passage the value is written, when known
    partial: bool = False  # states a closed choice only in part ("Nintendo" for "Nintendo smartphone")
    together: bool = False  # several who did it together ("Geoffrey Hinton and John Hopfield"), none alone

    @property
    def at(self) -> int:
        """Where in the passage the value is written: its known start, else where the passage
        first writes it (-1 where it does not)."""
        return self.start if self.start >= 0 else self.passage.text.find(self.display)


def format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _nearness(window: str, question_keywords: list[str], reverse: bool) -> float:
    """Sum over the question's keywords in the window: 1 for one right next to the number,
    less as it gets farther ("126 in total" after "42 bronze medals," reads as medals in total)."""
    low = window.lower()
    total = 0.0
    for word in question_keywords:
        index = low.rfind(word) if reverse else low.find(word)
        if index < 0 or not contains(low, word):
            continue
        distance = (len(low) - index - len(word)) if reverse else index
        gap_words = len(re.findall(r"[A-Za-z]+", low[index + len(word):] if reverse else low[:index]))
        gap = gap_words if gap_words else distance / 3
        total += 1 / (1 + gap)
    return total


def number_candidates(passages: list[Passage], question: str, question_keywords: list[str],
                      measures: Mapping[str, Sequence[str]] | None = None,
                      aliases: Sequence[Sequence[str]] = (), tally: bool = False,
                      part: tuple[str, ...] = ()) -> list[Found]:
    """The number each passage gives for the question: the one whose neighbouring words
    are the question's (the metric: "40枚金牌", "40 gold medals"); one per passage. When the
    question names one of the policy's ``measures``, only numbers bound to it count; when it
    names a country, never another country's number. A ``tally`` (medals, seats, votes,
    times) is never a measurement ("the 5,000m"), nor a span of time anything but its unit;
    a side of a score ("a 2-0 win") counts only the goals or points a question asks about,
    and only the named team's side (verify/scores.py). A count narrowed to a ``part``
    ("swimming", "乒乓球") is one written beside it (verify/narrowing.py)."""
    measures = measures or {}
    asked = question_measure(question, measures)
    asked_countries = {code for _, code in countries_in(us_spelled(question), aliases)}
    in_question = {m.value for m in find_numbers(question)}
    scoring = bool(SCORING.search(question))
    margin = ASKS_MARGIN.search(question) is not None
    doers = _named_in(question)  # the question's names: the teams of a score, the doers of a count
    teams = doers if scoring else []
    opposite = _opposite_verb(question)
    threshold = asks_threshold(question)
    metric_words = [k for k in question_keywords if not k.isdigit()]
    unit = asked_unit(question)  # "what percentage", "how much money": the number's own unit binds it
    rate = asked_rate(question)  # "the interest rate": not the inflation rate beside it
    counting = unit is None and counted_words(question) is not None  # never a percentage nor money
    sized = counting and asks_size(question)
    times = asks_times(question)  # "how many times": "three times", never a bare number
    whole = counting and asks_whole(question)  # "How many seats are in the parliament?": 230 of "89 of the 230"
    # "How many silver medals were won at Paris 2024?" names no country: one country's 27 is no answer
    games_wide = asked is not None and not asked_countries
    named = doers if games_wide else []
    counted = counted_subject(question, aliases)
    one_day, one_game = asks_one_day(question), asks_one_game(question)
    state = asked_state(question)  # "How many people died?": the dead, not the injured nor the missing
    ages_asked = asks_age(question)
    aged_at = age_event(question)  # "when he was elected": the age its sentence tells it at
    before_change = asks_before_change(question)  # "the rate before the cut": the value it was cut from
    change = asked_change(question)  # "How many medals did the US lose?": the number the verb takes
    way = asked_way(question)  # "By how much did shares fall?": not "shares jumped 24%"
    parts = asked_parts(question)  # "in the first ballot"
    found: list[Found] = []
    for passage in passages:
        best: tuple[float, NumberMention] | None = None
        mentions = find_numbers(passage.text)
        places = countries_in(passage.text, aliases) if asked_countries or games_wide else []
        for mention in mentions:
            if mention.ordinal or (mention.unit in _SKIP_UNITS) or mention.value in in_question:
                continue
            bound = summed_measure(passage.text, mention, mentions, measures,
                                   bound_measure(passage.text, mention, mentions, measures)
                                   or elided_measure(passage.text, mention, mentions, measures))
            if not answers_measure(asked, bound):
                continue  # "24枚铜牌" is no answer to a question about the total
            if on_row_line(passage.text, mention.start):
                continue  # "| Labour | 411 | ... | Reform UK | 5 |": a row's numbers are read under their header
                # (verify/tables.py), never as a sentence's: 5 had answered Labour's seats
            if counted and not margin and another_s(passage.text, mention.start, mention.end, counted):
                continue  # "after Labour won 411 seats": Labour's count, not the Conservatives' (a margin
                # is both sides': "beat Punjab Kings by 6 runs")
            if belongs_elsewhere(places, mention, asked_countries, passage.text):
                continue  # "...the U.S. to 40 gold medals" is the U.S.'s 40, whoever else is named
            if games_wide and _one_country_s(places, mention, passage.text, named):
                continue  # "China won 27 silver medals": China's, not the Games' (unless "France's Léon Marchand won four")
            if other_side(passage.text, mention, mentions, metric_words):
                continue  # "giving him 312 electoral votes to Kamala Harris's 226": 312 is not Harris's
            if opposite and opposite.search(passage.text[max(0, mention.start - 40):mention.start]):
                continue  # "The Conservatives lost more than 240 seats": no count of the seats they won
            if _SURPASSED.search(passage.text[max(0, mention.start - 60):mention.start]):
                continue  # "with 18 gold medals, beating the 17 won at Athens 2004": the old mark, not the count
            if any(only_as_maker(name, passage.text, mention.start) for name in doers):
                continue  # "The film directed by Sean Baker won five Oscars": the film's five, not his
            if is_threshold(passage.text, mention) != threshold:
                continue  # "more than the 270 needed to win": what it takes, not what anyone got, and the other way
            if whole_after(passage.text, mention, mentions) if whole else is_whole(passage.text, mention, mentions,
                                                                                    worded=counted is not None):
                continue  # "14 of the 21 votes": 21 counts every vote, 14 the ones she got
            if of_another_part(passage.text, mention, parts):
                continue  # "Merz won 325 votes in the second ballot": no count of the first
            if in_a_range(passage.text, mention, mentions):
                continue  # "to 4.25 to 4.5 percent": the rate is the range, neither end of it
            if is_date_part(passage.text, mention):
                continue  # "on 11 August 2024": a day or a year is a date, not a count
            if is_age(passage.text, mention) != ages_asked:
                continue  # "Pogačar, 26, of UAE Team Emirates": his age, no count of anything; and
                # asked how old, only an age answers ("Formula 1 world champion" tells none)
            if aged_at and not tells_event(passage.text, mention, aged_at):
                continue  # "Pope Francis dies at 88": no age at his election
            if is_label(passage.text, mention, question):
                continue  # "a Category 3 hurricane", "Game 7": a name's number, no count
            if of_another_span(passage.text, mention, mentions, one_day, one_game):
                continue  # "won two golds on Saturday, bringing its tally to 13": 13 so far, two that day;
                # "2,005 yards in the regular season": no count of the Super Bowl's
            if is_pending(passage.text, mention, question) or is_foreseen(passage.text, mention, question) \
                    or is_progress(passage.text, mention, question) or is_taken_back(passage.text, mention.start):
                continue  # "with four seats ... still to be counted": none of them won yet; "forecast sales of 15
                # million"; "With 649 of 650 seats declared": how far the count has got, no party's seats;
                # "an earlier version of this table gave Labour's seat count as 412": a value taken back
            if held_before(passage.text, mention) != before_change:
                continue  # "cut rates to 4% from 4.25%": 4.25% held before the cut, 4% since
            if change and not counts_the_change(passage.text, mention, change):
                continue  # "the United States' total falls to 125": the level, not how many it lost
            if way and moved_the_other_way(passage.text, mention, way):
                continue  # "Starbucks shares jumped 24%": no fall of 24%
            befell = number_state(passage.text, mention) if state else None
            if befell not in (None, state):
                continue  # "with 5,017 people injured": no count of the dead
            if tally and _MEASURED.match(passage.text, mention.end):
                continue  # "bronze medals in the 5,000m": a distance, no count
            if (span := _SPAN.match(passage.text, mention.end)) and not re.search(
                    rf"\b{span.group(1).rstrip('sS')}", question, re.I):
                continue  # "4 seconds after the deadline": a span of time, no count of points
            if (score := score_at(passage.text, mention)) and (
                    not scoring or margin or whose_side(passage.text, score, mention, teams) is False):
                continue  # "a 2-0 win": a score counts goals or points, nothing else; "beat Chiefs 40-22": not theirs 40,
                # and no side of "led 24-0" is what they led by
            if part and not states_narrowing(passage.text, part, mention.text, mention.start):
                continue  # "跳水队包揽了全部8枚金牌": diving's golds, not table tennis's
            if mention.value == 1 and not any(ch.isdigit() for ch in mention.text) and (asked is None or bound != asked):
                continue  # "下一届", "one of them": a word for one is mostly an article, not a count; bound to
                # the asked measure it counts ("zero gold, one silver and five bronze")
            if counting and (any(written_in(passage.text, mention, u) for u in (PERCENT, MONEY))
                             or counts_another_noun(passage.text, mention, question)):
                continue  # "How many members voted for the cut?": "5.25%" is a rate, "$5 million" money,
                # and "how many titles": "with two goals" counts goals
            if margin and not written_as_margin(passage.text, mention):
                continue  # "RCB made 190 for 9" is no margin they won by
            if not margin and margin_of_a_win(passage.text, mention):
                continue  # "to beat Max Verstappen by two points": no count of his points
            if times and not written_as_times(passage.text, mention):
                continue  # "Chasing 252, India reached 254 for 6" counts no titles
            if times and times_of_another(passage.text, mention, doers):
                continue  # "ahead of two-time defending champion Jonas Vingegaard": his titles, not Pogačar's
            if unit and not written_in(passage.text, mention, unit):
                continue  # "what percentage": "28 people" is no answer, nor "3,000 jobs" to "how much did it cost"
            if rate and of_another_rate(passage.text, mention, rate):
                continue  # "Inflation stood at 3.6%" is no interest rate
            bonus = _UNIT_BINDS if unit else 0.0
            near = _words_beside(passage.text, mention, mentions, metric_words, bonus)
            if added := added_to(passage.text, mention, mentions):  # "won two gold medals ..., bringing
                # its medal tally to 40": the total is of what it sums, its words beside the number added
                near = max(near, _words_beside(passage.text, added, mentions, metric_words, bonus))
            if state and befell == state:  # "the death toll has risen to 3,600" counts the dead asked about
                near = max(near, 1.0)
            if sized and counts_joined(passage.text, mention, question):  # "a 30-storey skyscraper"
                near = max(near, 1.0)
            if _BOUND.search(passage.text, max(0, mention.start - 20), mention.start):
                near *= _BOUND_WEIGHT  # "has passed 3,000 ..., with 3,085 dead": the exact count first
            if near > 0 and (best is None or near > best[0]):
                best = (near, mention)
        if best:
            near, mention = best
            found.append(Found(format_number(mention.value), _with_currency(passage.text, mention), passage,
                               min(near, 1.0) * passage.score))
    return found


def _words_beside(text: str, mention: NumberMention, mentions: Sequence[NumberMention],
                  metric_words: list[str], bonus: float = 0.0) -> float:
    """How near the question's words stand to the number: after it (after its whole: "3 out
    of 5 races"), before it at half weight, plus ``bonus`` (the asked unit's), and in the rest
    of its clause ("62% of U.S. adults identify as Christian")."""
    whole = whole_after(text, mention, mentions)  # "3 out of 5 races": the part's noun is the whole's
    after_at = whole.end if whole else mention.end
    after = text[after_at:after_at + _WINDOW]
    before = text[max(0, mention.start - _WINDOW_BEFORE):mention.start]
    near = _nearness(after, metric_words, reverse=False) + 0.5 * _nearness(before, metric_words, reverse=True) + bonus
    if near > 0:
        rest, low_after = _clause_after(text, mention, mentions), after.lower()
        near += 0.5 * sum(contains(rest, w) and not contains(low_after, w) for w in metric_words)
    return near


def _named_in(question: str) -> list[str]:
    """The names a question writes mid-sentence ("Léon Marchand"), lower-cased."""
    return [m.group(0).lower() for m in NAME.finditer(question)
            if not _starts_sentence(question, m.start()) and not only_function_words(m.group(0).split())]


def _one_country_s(places: list[tuple[int, str]], mention: NumberMention, text: str, named: Sequence[str]) -> bool:
    """Is ``mention`` a country's count, with none of the question's own names between that
    country and it ("France's Léon Marchand won four golds" counts Marchand's)?"""
    if owner(places, mention, text) is None:
        return False
    since = max(start for start, _ in places if start < mention.start)
    between = text[since:mention.start].lower()
    # "Trump carried ... Pennsylvania, Georgia and Wisconsin, finishing with 312": the sentence's subject's
    opening = " ".join(re.split(r"[.!?]\s", text[:mention.start])[-1].split()[:3]).lower()
    return not any(contains(between, name) or contains(opening, name.split()[-1]) for name in named)


# A count written right after the opposite verb to the question's ("lost more than 240 seats"
# for how many seats a party won, "won 411 seats" for how many it lost) counts the other thing.
_ABOUT = r"(?:\s+(?:more|fewer|less)\s+than|\s+over|\s+under|\s+about|\s+around|\s+nearly|\s+almost|\s+some|" \
         r"\s+roughly|\s+at\s+least|\s+up\s+to|\s+a\s+further|\s+another)?\s+$"
_GAIN = r"win|wins|won|winning|gain|gains|gained|gaining|take|takes|took|taking|secure|secures|secured|securing"
_LOSS = r"lose|loses|lost|losing|shed|sheds|shedding|forfeit|forfeits|forfeited"
_ASKS_GAIN, _ASKS_LOSS = (re.compile(rf"\b(?:{verbs})\b", re.I) for verbs in (_GAIN, _LOSS))
_AFTER_LOSS, _AFTER_GAIN = (re.compile(rf"\b(?:{verbs}){_ABOUT}", re.I) for verbs in (_LOSS, _GAIN))


def _opposite_verb(question: str) -> re.Pattern | None:
    """The pattern of a count written after the opposite of what the question asks was done."""
    gain, loss = _ASKS_GAIN.search(question), _ASKS_LOSS.search(question)
    if gain and not loss:
        return _AFTER_LOSS
    return _AFTER_GAIN if loss and not gain else None


# a mark that was passed: "beating the 17 gold medals won at Athens", "surpassing its previous record of 35"
_SURPASSED = re.compile(r"\b(?:beat|beating|surpass(?:ed|ing)?|eclips(?:ed|ing)|better(?:ed|ing)|break(?:ing)?|broke|"
                        r"exceed(?:ed|ing)|overtak(?:ing|en)|overtook|top(?:ped|ping))\s+(?:the\s+|its\s+|their\s+|his\s+|"
                        r"her\s+|a\s+)?(?:previous\s+|old\s+|former\s+)?(?:record\s+(?:of\s+)?|best\s+(?:of\s+)?|mark\s+"
                        r"(?:of\s+)?)?$", re.I)
# a unit written onto the number: "5,000m", "92.97m", "46秒40", "100kg"
_MEASURED = re.compile(r"[ \t]?(?:m|km|cm|mm|kg|g|s|sec|min|h|ft|mi|mph|kph|km/h|lb|lbs|秒|米|公里|分钟|公斤)\b|[秒米]")
# a round mark a count went past, which the same passage may give exactly
_BOUND = re.compile(r"\b(?:passed|passes|surpassed|surpasses|topped|tops|exceeded|exceeds|crossed|more\s+than)\s+$", re.I)
_BOUND_WEIGHT = 0.9
# a span of time written after the number: "4 seconds", "30 minutes", "two years"
_SPAN = re.compile(r"[ \t]+(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
def _with_currency(text: str, mention: NumberMention) -> str:
    """The number as written, with the currency sign before it: "$5 million", not "5 million"."""
    sign = currency_sign(text, mention)
    return text[sign.start():mention.end] if sign else mention.text


_CLAUSE_END = re.compile(r"[,;:()—–]|\.\s+(?=[A-Z])|$")
_CLAUSE_REACH = 80  # characters


def _clause_after(text: str, mention: NumberMention, mentions: Sequence[NumberMention]) -> str:
    """The rest of the number's clause, lower-cased: up to a clause mark or the next number
    ("62% of U.S. adults identify as Christian, 29% are ...")."""
    stop = min([m.start for m in mentions if m.start >= mention.end] + [mention.end + _CLAUSE_REACH])
    rest = text[mention.end:stop]
    return rest[:_CLAUSE_END.search(rest).start()].lower()  # type: ignore[union-attr]


def ordinal_text(value: int, language: str) -> str:
    """A place as the question's language abbreviates it: 2nd, 第2, 2위, 2e, 2.º, 2."""
    lex = language_lexicon(language)
    if lex.code == "en":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    return lex.ordinal_first if value == 1 and lex.ordinal_first else lex.ordinal.format(n=value)


_RANK_SUFFIXES = {"위", "位"}


def _places(text: str, language: str) -> Iterator[tuple[NumberMention, bool]]:
    """The ordinals of ``text`` in text order, each with whether a place noun stands right
    beside it ("8위", "Platz zehn"): English and CJK ones from the number reader, the rest as
    the question's language writes places."""
    ordinals = {m.start: (m, m.unit in _RANK_SUFFIXES) for m in find_numbers(text) if m.ordinal}
    for place in said_places(text, language):
        ordinals.setdefault(place.start, (NumberMention(float(place.value), text[place.start:place.end], place.start,
                                                        place.end, None, ordinal=True), place.beside_noun))
    yield from (ordinals[start] for start in sorted(ordinals))


def rank_candidates(passages: list[Passage], question: str, rank_words: Sequence[str],
                    aliases: Sequence[Sequence[str]] = (), language: str = "en") -> list[Found]:
    """Ordinals (第二, second, 2nd, cinquième, Platz zehn) that state a place on a table or in a
    ranking: a rank word (the policy's ``rank_words``: finished, ranked, 位列, 排名...; the
    question language's place words: termine, Platz...) stands near, and the country the
    question names is the one placed. Agreement compares the number; the answer says it as an
    ordinal of the question's language."""
    # the place of the name asked about ("Where did the SPD finish in the German election?":
    # not the AfD's second), else of the country the question names
    subject = counted_subject(question, aliases)
    asked_countries = set() if subject else {code for _, code in countries_in(us_spelled(question), aliases)}
    words = [w.lower() for w in (*rank_words, *place_words(language))]
    found: list[Found] = []
    for passage in passages:
        places = countries_in(passage.text, aliases) if asked_countries else []
        for mention, beside_noun in _places(passage.text, language):
            if not float(mention.value).is_integer() or mention.value > 500:
                continue
            if asked_countries and owner(places, mention, passage.text) not in asked_countries:
                continue  # another's place, or nobody's
            if subject and another_s(passage.text, mention.start, mention.end, subject):
                continue  # "... as AfD surges to second place"
            before = passage.text[max(0, mention.start - _WINDOW_BEFORE):mention.start]
            after = passage.text[mention.end:mention.end + _WINDOW]
            near = _nearness(before, words, reverse=True) + 0.5 * _nearness(after, words, reverse=False)
            near += 1.0 if beside_noun else 0.0  # "8위", "Platz zehn": the noun itself says place
            if near > 0:
                value = int(mention.value)
                found.append(Found(str(value), ordinal_text(value, language), passage, min(near, 1.0) * passage.score))
                break  # one place per passage
    return found


# "Sir Keir Starmer" is Keir Starmer, but "Lady Gaga" and "Lord Byron" are names whole
_HONORIFICS = {"sir", "dame", "lord", "lady"}
_NEW_NAME = re.compile(r"\bNew ([A-Z][\w'’\-]*)")  # "New York", "New Rules Take Effect"
# "Former Vice President Mike Pence": a word that modifies the title after it stays with it;
# "Acting FEMA chief ..." opens with no title.
_TITLE_MODIFIERS = {"former", "late", "acting", "interim", "outgoing", "incoming"}
_TITLE_HEADS = {"vice", "deputy", "first"}  # with the lexicon's person titles, read when a name is built

# a line break opens a sentence too: "Updated Dec. 2, 2025, 4:34 p.m. ET\n\nWholesale retail giant ..."
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’(\[—–\n-])\s*$")


def _titled_word(word: str) -> bool:
    return word.lower() in _TITLE_HEADS or word.lower() in lexicon()["person_titles"]


def _bare(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s")


def names_given(question: str) -> set[str]:
    """The words of the names the question writes, lower-cased ("trump" of "before Trump"): a
    name sharing one is its subject, not its answer."""
    return {_bare(w).lower() for span in NAME.findall(question) for w in span.split()} - NOT_NAMES


_CAPITALISED_RUN = re.compile(rf"\b{CAPITAL}[\w'’\-]*(?:[ \t]+{CAPITAL}[\w'’\-]*)*")


def _name_openers(text: str) -> Iterator[str]:
    """The capitalised words that begin a name mid-sentence: the first of a run, or the second
    when the run opens a sentence ("Acting FEMA chief"). "Social" in "on Truth Social" only
    goes on a name, and is capitalised for no name of its own."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group(0).split()
        if not _starts_sentence(text, run.start()):
            yield words[0]
        elif len(words) > 1:
            yield words[1]


WORD_EDGE = re.compile(r"\b")


def word_starts(value: str, text: str) -> Iterator[int]:
    """Where ``value`` starts a word in ``text``: found with str.find, no pattern compiled per
    value (the cross-check asks this of every candidate name, over whole pages)."""
    start = text.find(value)
    while start >= 0:
        if WORD_EDGE.match(text, start):
            yield start
        start = text.find(value, start + 1)


def _written_bare(stem: str, text: str) -> bool:
    """Does ``text`` write ``stem`` as a whole word without "'s" ("McDonald" beside "McDonald's")?"""
    return any(WORD_EDGE.match(text, end) and not text.startswith(("'s", "’s"), end)
               for end in (start + len(stem) for start in word_starts(stem, text)))


# a describing word made of a name ("Georgia-based", "Texas-born"), and a place that the
# next words make part of one: "Issaquah, Washington-based"
DESCRIBING_WORD = re.compile(r"-[a-z]+$")
_DESCRIBING_AFTER = re.compile(r",\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*-[a-z]+\b")


def _starts_sentence(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text[max(0, start - 3):start]) is not None


def name_candidates(passages: list[Passage], question: str, context: Sequence[str] | None = None,
                    verb: tuple[str, ...] = ()) -> list[Found]:
    """Capitalised spans (people, places, organisations) that are not what the question
    already names; leading function words and titles are trimmed ("President Joe Biden" →
    "Joe Biden"). A span the question spells out ("Giant Schnauzer" for "which giant
    schnauzer") or that shares a name with it ("Donald Trump" when it asks about "the Trump
    administration") is its subject, not its answer. A lone capitalised word that
    opens a sentence ("Following", "Instead") is only a name if it is also capitalised
    mid-sentence somewhere in the passages (or the ``context``, their whole pages), or if it
    does the question's ``verb`` and the pages never write it in lower case ("Boeing named
    Kelly Ortberg ..."); one that opens a longer span is dropped when they also write it in
    lower case ("Extinct New Zealand birds")."""
    asked = question.lower()
    given = names_given(question)
    texts = list(context) if context is not None else [p.text for p in passages]  # how the pages write words
    common = lower_case_words(texts)
    names = capitalised_in_prose(texts, common)
    texts = [sentence_cased(text, common, names) for text in texts]  # "Names Lucía Fernández To Succeed Greco"
    capitalised = [(m.group(0), _starts_sentence(t, m.start())) for t in texts for m in re.finditer(rf"\b{CAPITAL}[\w'’\-]*", t)]
    mid_sentence = {word for word, opens in capitalised if not opens}
    openers = {word for t in texts for word in _name_openers(t)}
    # "Denny's announces ...", "Denny's has added ...": a word that opens several sentences
    # and is never written in lower case is a name, though no sentence writes it mid-way
    opening_names = {word for word, n in Counter(word for word, opens in capitalised if opens).items()
                     if n > 1 and word.lower() not in common and word.lower() not in NOT_NAMES}
    written = " ".join(texts)
    own_s = frozenset(w for w in set(re.findall(r"\b[A-Z][\w\-]*['’]s\b", written)) if not _written_bare(w[:-2], written))
    # "New" opens a name ("The New York Times") where the pages write it so mid-sentence, or a
    # place's ("New York City officials said"); elsewhere it is an adjective ("New Rules Take Effect")
    new_names = {m.group(1) for t in texts for m in _NEW_NAME.finditer(t) if not _starts_sentence(t, m.start())}
    found: list[Found] = []
    for passage in passages:
        for match in NAME.finditer(sentence_cased(passage.text, common, names)):  # the same positions
            for start, words in _names_in_run(match, own_s, written):
                opens = _starts_sentence(passage.text, start)
                while words and ((words[0].lower().strip(".") in NOT_NAMES and not _opens_name(words, new_names))
                                 or (len(words) > 1 and DESCRIBING_WORD.search(words[0]))):
                    words.pop(0)  # "The", "Georgia-based" (Waffle House)
                    opens = False
                modifier = bool(words) and words[0].lower() in _TITLE_MODIFIERS
                if opens and len(words) > 1 and words[0] not in mid_sentence and (words[0].lower() in common or modifier) \
                        and not (modifier and _titled_word(words[1])):
                    words.pop(0)  # "Extinct New Zealand birds": a common word capitalised to open a sentence;
                    # "Former England coach Glenn Hoddle": what he was, no part of England's name
                while words and words[-1] in TITLE_ABBREVIATIONS and _abbreviated(passage.text, words, start):
                    words.pop()  # "Iowa Gov. Kim Reynolds": the title is the next name's, "Iowa" the state's
                # a name after an office the question names is no part of it: "Supreme Court Chief
                # Justice John Roberts" for which Supreme Court justice
                last_title = max((i for i, w in enumerate(words[:-1]) if title_word(w)), default=-1)
                if any(w.lower() in given for w in words[:last_title + 1]):
                    words = words[last_title + 1:]
                if any(w.lower() in given for w in words) and "of" in words[1:-1]:
                    words = words[len(words) - words[::-1].index("of"):]  # "John Jumper of Google DeepMind":
                    # the question's own name, then the body it is of
                span = " ".join(words)
                if len(span) < 3 or any(w.lower() in given for w in words) or all(contains(asked, w.lower()) for w in words):
                    continue
                if only_function_words(words):  # "These are the nominees", "What can you get"
                    continue
                if len(words) > 1 and span.lower() != span and _written_in_lower_case(span, texts):
                    continue  # "Red Dye 40" beside "red dye 40": a thing's common name, capitalised
                if len(words) == 1 and start == match.start() and _starts_sentence(passage.text, start) \
                        and ((words[0] not in mid_sentence and words[0] not in opening_names)
                             or (words[0] not in openers and words[0].lower() in common)) \
                        and not (verb and words[0].lower() not in common
                                 and doer(passage.text, start, start + len(words[0]), verb)):
                    continue  # "Social media app grows": "on Truth Social" capitalises it for another name
                at = passage.text.find(span, start)
                if at >= 0 and _DESCRIBING_AFTER.match(passage.text, at + len(span)):
                    continue  # "the Issaquah, Washington-based operator": where it is based, no doer
                if at >= 0:  # the value is written in the passage as it is answered
                    found.append(Found(span, span, passage, passage.score * (1.0 if len(words) > 1 else 0.7), start=at))
    return found


def _abbreviated(text: str, words: list[str], start: int) -> bool:
    """Is the last of ``words`` written with a full stop after it, as an abbreviation?"""
    span = " ".join(words)
    at = text.find(span, start)
    return at >= 0 and text.startswith(".", at + len(span))


def _written_in_lower_case(span: str, texts: Sequence[str]) -> bool:
    low = span.lower()
    return any(next(word_starts(low, text), None) is not None for text in texts)


def _opens_name(words: list[str], new_names: set[str]) -> bool:
    """Is a leading word that usually opens no name part of this one? "Lady Gaga" is her name
    whole (not "Sir Keir Starmer"), and "New" opens "New York" and "The New York Times"
    (``new_names``: the words the pages write after a mid-sentence "New")."""
    if words[0].lower() in _HONORIFICS:
        return len(words) == 2
    return words[0] == "New" and len(words) > 1 and (words[1] in new_names or is_place(f"New {words[1]}"))


def _names_in_run(match: re.Match, own_s: frozenset[str] = frozenset(),
                  written: str = "") -> list[tuple[int, list[str]]]:
    """(start, words) of each name in a run of capitalised words: a possessive or a closing
    quote ends a name ("Firefly Aerospace's Blue Ghost" is two, "'Anora'" is Anora). A
    one-word name in ``own_s`` keeps its "'s": the pages never write it without ("McDonald's");
    so does a name joined by "&" that the ``written`` pages never write without ("Ben & Jerry's")."""
    names: list[tuple[int, list[str]]] = []
    words: list[str] = []
    start = match.start()
    for word in re.finditer(r"\S+", match.group(0)):
        if not words:
            start = match.start() + word.start()
        brand = not words and word.group(0) in own_s  # one word, always with its "'s"
        if "&" in words and _bare(word.group(0)) != word.group(0):
            brand = not _written_bare(" ".join([*words, _bare(word.group(0))]), written)
        bare = word.group(0) if brand else _bare(word.group(0)).rstrip("'’")
        words.append(bare)
        if bare != word.group(0) or brand:
            names.append((start, words))
            words = []
    return names + [(start, words)] if words else names


def span_candidate(passages: list[Passage], proposed: str) -> list[Found]:
    """A span proposed by the model counts only where it occurs literally in a passage, as
    whole words."""
    proposed = proposed.strip().strip(".")
    if len(proposed) < 2:
        return []
    # whole words only (CJK as a substring): a span cut short ("Gobble and Wa" of "Gobble and
    # Waddle") is no claim
    low = proposed.lower()
    return [Found(proposed, proposed, p, p.score) for p in passages
            if (_stated_whole(p.text, low) if _LIST.search(low) else contains(p.text.lower(), low))]


# a span naming several things: "Canada and China", "Gobble and Waddle", "steel, aluminum"
_LIST = re.compile(r",|\s(?:and|&)\s")
# a list going on before or after one: "Mexico, Canada and China", "Peach and Blossom or ..."
_LIST_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*,|\b(?:and|or))\s$")
_LIST_AFTER = re.compile(r",?\s(?:and|or)\b")


def _stated_whole(text: str, low_list: str) -> bool:
    """Is the list written whole in ``text``, not as the end or start of a longer one?
    ("Their names, Peach and Blossom, come from ..." is whole; "Mexico, Canada and China"
    holds no "Canada and China")."""
    for match in re.finditer(r"(?<![\w,])" + re.escape(low_list) + r"(?!\w)", text, re.I):
        if not _LIST_BEFORE.search(text, 0, match.start()) and not _LIST_AFTER.match(text, match.end()):
            return True
    return False


def credit_shorter_spans(found: list[Found]) -> list[Found]:
    """A name inside a longer one ("Target" in "Target Fast") also gets that mention's
    support, slightly discounted, so sources that word a name differently still agree."""
    values = {f.value for f in found}
    extra = []
    for item in found:
        if item.together:  # each of them alone is not what the passage says
            continue
        for shorter in values:
            if shorter != item.value and re.search(r"(?<!\w)" + re.escape(shorter) + r"(?!\w)", item.value):
                extra.append(Found(shorter, shorter, item.passage, item.strength * 0.9, item.choice_index))
    return found + extra
