"""Which contest a win or a loss is of. Asked who won Super Bowl LIX, "the Chiefs beat the
Bills in the AFC Championship Game" tells of another game; asked who won the championship,
"Verstappen won the race" tells of one race of it; asked who lost the final, "England beat
the Netherlands ... to reach the final" tells of the game before it; and asked who won a
race, "finishing fifth at the Las Vegas Grand Prix" tells that its subject did not."""

from __future__ import annotations

import re

from orchestrator.verify.predicate import Predicate

_WIN = {"win", "won", "wins", "winning"}
_LOSS = {"lose", "lost", "loses", "losing"}
# a contest named as where the deed happened: "in the AFC Championship Game", "at the Las Vegas Grand Prix"
_HEAD = r"(?:Game|Games|Final|Finals|Championship|Championships|Cup|Bowl|Grand\s+Prix|Open|Series|Classic|" \
        r"Tournament|Trophy|Marathon|Race|Derby|Masters|Playoffs?)"
_NAMED_CONTEST = re.compile(rf"\b(?:in|at)\s+the\s+((?:[A-Z0-9][\w'’.-]*\s+){{1,5}}{_HEAD})\b")
# one part of a season or a tournament: winning it is no win of the whole (_WHOLES)
_PART = re.compile(r"\b(?:won|wins|win|winning|took|takes|taking)\s+(?:the|a|his|her|their|its)\s+"
                   r"(race|stage|leg|heat|game|match|round|semi-?final|quarter-?final|sprint|opener|qualifying)\b", re.I)
_WHOLES = {"championship", "championships", "title", "series", "cup", "tournament", "league", "season", "tour"}
# a numbered part of a series: "in Game 6 of the NBA Finals", "won Stage 15"
_NUMBERED_PART = re.compile(r"\b(?:in|won|wins|win|winning|takes?|took)\s+(?:the\s+)?(Game|Match|Race|Stage|Round|Leg|Heat)\s+"
                            r"(\d{1,2})\b", re.I)
# what a deed led to comes after it: "... to reach the Euro 2024 final"
_TO_REACH = re.compile(r"\bto\s+(?:reach|make|advance\s+to|set\s+up)\s+(?:the|a)\s+([^.;,]{1,60})", re.I)
# a place short of first: "finishing fifth at the Las Vegas Grand Prix"
_PLACED_AT = re.compile(r"\b(?:finish(?:ing|ed|es)?|plac(?:ing|ed|es)|com(?:ing|es)|came)\s+(?:second|third|fourth|"
                        r"fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:nd|rd|th))\s+(?:at|in)\s+the\s+([^.;,]{1,60})",
                        re.I)
_REACH = 200  # characters of the sentence read after the name
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
# what the name's own win took, up to where the clause goes on: "clinches fourth straight F1
# world title", "won the Abu Dhabi Grand Prix"
_WON = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?(?:won|wins|win|clinch(?:es|ed)?|claim(?:s|ed)?|captur(?:es|ed)|took|takes)"
                  r"\s+([^.,;:]+?)(?=\s+(?:in|at|on|for|by|after|with|to|as|from|and|but)\b|[.,;:!?]|$)", re.I)
_CONTEST_NOUN = re.compile(r"\b(?:title|crown|championship|race|game|match|final|series|cup|stage|grand\s+prix|"
                           r"bowl|open|tournament|trophy)\b", re.I)


def asks_a_result(predicate: Predicate) -> bool:
    """Does the question ask who won or who lost a contest it names ("Who won Super Bowl LIX?")?"""
    return bool(predicate.object) and bool((_WIN | _LOSS) & set(predicate.verb))


def _writes(text: str, words: tuple[str, ...]) -> bool:
    """Does ``text`` write every one of ``words`` (a word's first six letters will do:
    "champion" for "championship")?"""
    low = text.lower()
    return all(re.search(rf"(?<!\w){re.escape(w.strip(chr(39) + '’')[:6])}", low) for w in words)


def _writes_part(asked: tuple[str, ...], part: str) -> bool:
    """Does the asked object name that kind of part ("game" of "Who won Game 6?")?"""
    return part.lower() in asked


def of_another_contest(text: str, start: int, end: int, predicate: Predicate) -> bool:
    """Does the sentence from the name at ``text[start:end]`` on tell of a contest other than
    the one the question asks the result of (``predicate.object``)?"""
    if start < 0 or not asks_a_result(predicate):
        return False
    stop = _SENTENCE_END.search(text, end)
    after = text[start:min(stop.end() if stop else len(text), end + _REACH)]
    asked = predicate.object
    if (named := _NAMED_CONTEST.search(after)) and not _writes(named.group(1), asked) and not _writes(after, asked):
        return True  # "beat the Buffalo Bills 32-29 in the AFC Championship Game", asked of Super Bowl LIX
    won = _WON.match(text, end)
    if won and _CONTEST_NOUN.search(won.group(1)) and not _writes(won.group(1), asked) and _WIN & set(predicate.verb):
        return True  # "Verstappen clinches fourth straight F1 world title", asked who won the Las Vegas Grand Prix
    if (numbered := _NUMBERED_PART.search(after)) and not _writes_part(asked, numbered.group(1)):
        return True  # "The Indiana Pacers beat the Thunder 108-91 in Game 6 of the NBA Finals", asked who won the Finals
    if (part := _PART.search(after, end - start)) and part.group(1).lower() not in asked \
            and _WHOLES & set(asked):
        return True  # "Verstappen won the race", asked who won the world championship
    if (reached := _TO_REACH.search(after)) and _writes(reached.group(1), asked):
        return True  # "England beat the Netherlands 2-1 ... to reach the Euro 2024 final"
    placed = _PLACED_AT.search(after, end - start)
    return placed is not None and _writes(placed.group(1), asked)  # "finishing third at the Abu Dhabi Grand Prix"
