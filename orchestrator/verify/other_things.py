"""A name doing the asked verb to another thing than the asked one: another object ("won the
women's +81kg title" for who won the basketball final), another category or division of
the asked one's kind ("best supporting actress" for best actor), or given another role
("Angela Rayner as deputy prime minister" for who was prime minister)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from functools import lru_cache

from orchestrator.verify.categories import AWARDS
from orchestrator.verify.doers import doing_patterns, verb_pattern
from orchestrator.verify.name_words import spelled_out
from orchestrator.verify.predicate import Predicate
from orchestrator.verify.question import word_stem

WIN_WORDS = {"won", "win", "wins", "winning", "winner", "beat", "champion", "champions", "victory", "title"}


# words any object may open with: "best actor" and "best actress" differ in their nouns
_SHARED_MODIFIERS = {"best", "top", "first", "second", "third", "last", "new", "most", "major", "overall", "leading"}


# an object that points back to what the page is about rather than naming another thing
# ("sued the federal government" for who sued the Trump administration)
_BACK_REFERENCE = re.compile(r"\s*(?:the|this|that|its|their)\s+(?:ceremony|event|show|gala|game|match|race|contest|"
                             r"competition|tournament|final|election|vote|award|prize|title|trophy|deal|bill|case|"
                             r"(?:federal\s+)?government|administration)\b")


# a win told with how often: "Rafael Nadal, who won the tournament a record 14 times", "has won it twice"
_WON_SO_OFTEN = re.compile(r"(?:['’]s)?,?\s*(?:who\s+)?(?:has\s+|had\s+|have\s+)?(?:won|wins|claimed|lifted|took)\b"
                           r"[^.;]{0,60}?\b(?:[\w\-]+\s+times|twice|thrice)\b", re.I)


def a_tally_of_wins(text: str, end: int, predicate: Predicate) -> bool:
    """Is the name just before ``end`` written as having won the thing so many times, a tally of
    wins that names no one edition's winner ("who won the 2025 French Open")? Not where the
    question asks how often or a record."""
    return bool(WIN_WORDS & set(predicate.words)) and not {"times", "record", "most"} & set(predicate.words) \
        and _WON_SO_OFTEN.match(text, end) is not None


def did_another_thing(text: str, end: int, predicate: Predicate, start: int = -1) -> bool:
    """Does the name ending at ``end`` do the asked verb to something else in its clause, with
    none of the question's object words ("Li Wenwen won the women's +81kg title" for who won
    the women's basketball final)? A possessive or a word every object may share ("women's",
    "best") tells nothing apart; "won gold in the final" still names the final. Without the
    asked verb, an object like the asked one, sharing its "best" or its "gold" but not what
    tells it apart, is another thing too: "... and Mikey Madison best actress", "Mikey Madison
    was named best actress" for who won best actor; "Hosts France won 16 gold medals" for
    who won the women's tennis singles gold; so is a role given right after the name ("Sir
    Keir Starmer as Prime Minister" for who was appointed deputy prime minister), or
    undergone there ("Starmer was appointed prime minister" for who was appointed chancellor).
    A name doing the verb to the object written before it ("the inquiry U.S. coach Cecile
    Landi filed") does the asked thing, and one written as its doer after "by" ("The
    independent film directed by Sean Baker ..., ahead of The Brutalist" for who directed The
    Brutalist) another, where the passage names the asked object elsewhere."""
    telling = [w for w in predicate.object if not re.search(r"['’]s$", w) and w not in _SHARED_MODIFIERS]
    if not (predicate.verb and telling):
        return False
    subject, _ = doing_patterns(predicate.verb)
    did = subject.match(text[end:end + 60])
    distinct = [w for w in telling if w not in _GENERIC_OBJECTS]
    if start >= 0 and distinct and (made := _done_to(text, start, predicate.verb)) is not None \
            and _holds_any(text.lower(), distinct):  # (a passage not naming the asked one may mean it by "the film")
        return not _holds_any(made, distinct)  # "The film directed by Sean Baker ... ahead of The Brutalist"
    if did is None:
        clause = _clause_after(text, end)
        role = _AS_ROLE.match(clause) or (predicate.passive and _undergone(predicate.verb).match(clause))
        asked_role = [w for w in distinct if w in predicate.words]  # not the event's name: "Super Bowl LIX MVP"
        if role and asked_role:  # "Sir Keir Starmer as Prime Minister", "Starmer was appointed prime minister"
            return not all(_holds_any(role.group(1), [w]) or _spelt_out(role.group(1), w) for w in asked_role) \
                or _ranks(role.group(1).split()[:3]) != _ranks(predicate.object)
        shared = [w for w in predicate.object if w not in distinct]
        return bool(distinct and shared) and _holds_any(clause, shared) and (
            not _holds_any(clause, distinct) or _ranks(clause.split()[:3]) != _ranks(predicate.object)
            or _another_category(clause, predicate.object))  # "... and Zoe Saldaña best supporting actress"
    if start >= 0 and distinct and _holds_any(_clause_before(text, start), distinct):
        return False  # "the inquiry U.S. coach Cecile Landi filed": its object, written first (not "40 golds")
    at = _past_time(text, end + did.end())
    clause = _clause_after(text, at)
    if _BACK_REFERENCE.match(clause):  # "Conan O'Brien hosted the ceremony": the Oscars, said again
        return False
    if _of_another_division(clause, predicate) or _another_of_its_name(text[at:at + len(clause)], clause, predicate):
        return True  # "won the women's Ballon d'Or" for who won the Ballon d'Or; "won the Champions League" for the Europa League
    if _ranks(clause.split()[:3]) != _ranks(predicate.object):  # "Starmer became prime minister" for the deputy
        return True
    if distinct and _TALLY.match(clause) and not _holds_any(clause, distinct):
        return True  # "won 16 gold medals": a tally of golds, not the asked one
    if _another_category(clause, predicate.object):
        return True  # "won best supporting actor ... and Zoe Saldaña best supporting actress"
    return not _holds_any(clause, telling)


def _another_category(clause: str, asked: Sequence[str]) -> bool:
    """Does the (lower-cased) clause name another of the asked object's kind: the other of
    a pair ("best supporting actor" for best supporting actress), or the asked head with a
    word before it that is none of the asked ones ("best international feature" for best
    animated feature; "first Wimbledon title" is the Wimbledon men's title: any asked word
    counts)?"""
    words = [w.lower() for w in asked]
    for kinds in _ONE_OF:
        said = {k for k in kinds if re.search(rf"\b{k}\b", clause)}
        if said and (wanted := {k for k in kinds if k in words}) and not said & wanted:
            return True
    # (an award's category is read apart, verify/categories.py: "the physics prize" is the Nobel Prize in Physics)
    if len(words) < 2 or words[-2] in _SHARED_MODIFIERS or words[-1] in AWARDS or _holds_any(clause, [words[-2]]):
        return False
    before = re.search(rf"\b([a-z][\w\-]*)\s+{re.escape(words[-1])}\b", clause)
    if before is None or before.group(1) in (*_SHARED_MODIFIERS, "the", "a", "an", "its", "his", "her", "their"):
        return False
    written = before.group(1).replace("-", "")  # "the half-time show" is the halftime show
    return not any(written.startswith(word_stem(w)) or w.startswith(word_stem(written)) for w in words[:-1])


def _done_to(text: str, start: int, verb: tuple[str, ...]) -> str | None:
    """What the asked verb, written right before the name at ``start`` with "by", was done
    to: the words before it in its clause ("the independent film" of "The independent film
    directed by Sean Baker"); None where the name is no such doer."""
    forms = "|".join(map(re.escape, verb))
    agent = re.search(rf"(?:{forms})\w*\s+by\s+$", text[max(0, start - 80):start], re.I)
    if agent is None:
        return None
    at = max(0, start - 80) + agent.start()
    # "The Brutalist, directed by Brady Corbet": set off by a comma, it tells of what comes before
    return _clause_before(text, at).strip() or _clause_before(text, len(text[:at].rstrip(", \t\n")))


# what any object of a kind may be called: the asked one is told apart by its other words
# ("gold" in "the women's tennis singles gold", "final" in "the basketball final")
_GENERIC_OBJECTS = {"gold", "silver", "bronze", "medal", "medals", "title", "titles", "prize", "award", "awards",
                    "trophy", "cup", "final", "race", "match", "game", "championship", "election", "seat", "seats"}


# the words that make a role or an award another of its kind: a deputy prime minister is no
# prime minister, a best supporting actress no best actress
_RANKS = frozenset({"deputy", "vice", "assistant", "associate", "interim", "shadow", "junior",
                    "supporting"})  # not "acting": "acting awards"


def _ranks(words: Sequence[str]) -> frozenset[str]:
    return _RANKS.intersection(w.lower() for w in words)


# the role a name is given right after it: "appointed Sir Keir Starmer as Prime Minister"
_AS_ROLE = re.compile(r"\s+as\s+(?:the\s+|its\s+|their\s+)?(.+)")


def given_another_role(text: str, end: int, predicate: Predicate) -> bool:
    """Is the role given right after the name another than the asked one, or the asked one at
    another rank ("Rachel Reeves as chancellor and Angela Rayner as deputy prime minister" for
    who was prime minister)? The verb-less question's words name the role; one with a verb is
    read by ``did_another_thing``."""
    role = _AS_ROLE.match(_clause_after(text, end))
    if role is None:
        return False
    said = spelled_out(role.group(1).lower())  # "as CEO" gives the chief executive's role
    holds = [w for w in predicate.words if w not in _RANKS and (_holds_any(said, [w]) or _spelt_out(said, w))]
    # "Toshimitsu Motegi as foreign minister" for the finance minister: the asked head, another word before it
    head = next((w for w in reversed(said.split()) if w in predicate.words), None)
    if head is not None and _another_category(said, predicate.words[:predicate.words.index(head) + 1]):
        return True
    return not holds or _ranks(said.split()[:4]) != _ranks(predicate.words)


@lru_cache(maxsize=256)
def _undergone(verb: tuple[str, ...]) -> re.Pattern:
    """The asked verb undergone right after the name, and what it made the name: "Starmer was
    appointed prime minister", "... has been named chief executive"."""
    forms = "|".join(map(re.escape, verb))
    return re.compile(rf"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be)\s+(?:\w+ly\s+)?"
                      rf"(?:{forms})\w*\s+(?:as\s+)?(?:the\s+|its\s+|their\s+)?(.+)")


# a count opening the object: "16 gold medals", "three titles"
_TALLY = re.compile(r"\s*(?:a\s+(?:record|total\s+of)\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve|\w+teen|twenty|thirty|forty|fifty)\b", re.I)


# when, written between a verb and its object: "announced Friday, June 20, that it plans ...",
# "said on June 20 that ..."
_DAY_OF_MONTH = (r"(?:" + "|".join(calendar.month_name[1:]) + "|" + "|".join(calendar.month_abbr[1:])
                 + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{4})?")
_TIME_BETWEEN = re.compile(
    rf"\s*(?:(?:on|last|this|early|late|earlier)\s+)?(?:(?:{'|'.join(calendar.day_name)})(?:,?\s+{_DAY_OF_MONTH})?"
    rf"|{_DAY_OF_MONTH}|today|yesterday|tonight)\s*,?", re.I)


def _past_time(text: str, at: int) -> int:
    """Where the words after ``at`` go on past a time written first ("Friday, June 20,")."""
    written = _TIME_BETWEEN.match(text, at)
    return written.end() if written and written.end() > at + 1 else at


# the division an event or an award is for: "the women's title" is no mixed doubles title
_DIVISION = re.compile(r"\b(women|men|mixed|girls|boys|ladies|junior|wheelchair)(?:['’]s?)?(?![\w-])")
_DIVISION_WORDS = 6  # words into the object where its division is written
_ARTICLES = {"the", "a", "an", "this", "that", "its", "their", "his", "her"}
_POSSESSIVE_END = re.compile(r"['’]s?$")  # an owner's word: "League's", "fans'"


def _of_another_division(clause: str, predicate: Predicate) -> bool:
    """Does the object done (``clause``, lower-cased) name a division the question does not
    ("won the women's Ballon d'Or" for who won the Ballon d'Or, "the women's title" for the
    mixed doubles title)?"""
    told = set(_DIVISION.findall(" ".join(clause.split()[:_DIVISION_WORDS])))
    return bool(told - set(_DIVISION.findall(" ".join((*predicate.words, *predicate.object)).lower())))


def _another_of_its_name(written: str, clause: str, predicate: Predicate) -> bool:
    """Does the object done (``written`` as the page writes it; ``clause`` lower-cased) name
    another of the asked one's kind: a name ending in the same word as the asked one's but
    opening with another ("won the Champions League" for the Europa League, "the Nobel Prize
    in Literature" for the Nobel Peace Prize)?"""
    for first, head in zip(predicate.object, predicate.object[1:]):
        if f"{first} {head}" in clause or _POSSESSIVE_END.search(first):  # "ice hockey's Stanley Cup": an owner
            continue
        for other in re.finditer(rf"\b([A-Z][\w'’\-]*)\s+(?i:{re.escape(head)})\b", written):
            opening = other.group(1).lower()
            if opening not in _ARTICLES and opening != first and not _POSSESSIVE_END.search(opening):
                return True  # not "the National Hockey League's Stanley Cup": its owner, the same cup
    return False


_DIRECT_OBJECT = re.compile(r"\w*\s+(?:the|a|an|its|their|his|her|this|that)\s+\w", re.I)


def done_to_another(text: str, verb: Sequence[str], taken: Sequence[str]) -> bool:
    """Does the passage write the asked ``verb`` (its forms) only with another direct object
    than the question's words ``taken`` ("after winning the public vote" for did Israel win
    Eurovision)? An object every such event has ("won the final", "the title") or one
    pointing back ("won the contest") is the asked one; a verb with no object ("won on
    Saturday") says nothing."""
    telling = [w for w in taken if w not in _SHARED_MODIFIERS and not w.isdigit()]
    seen = list(verb_pattern(tuple(verb)).finditer(text.lower())) if verb and telling else []
    for done in seen:
        if _DIRECT_OBJECT.match(text, done.end()) is None:
            return False
        clause = re.sub(r"^\w*", "", _clause_after(text, done.end()))  # past the verb's ending: "winning"
        if _BACK_REFERENCE.match(clause) or _holds_any(clause, [*telling, *_GENERIC_OBJECTS]):
            return False
    return bool(seen)


def _clause_after(text: str, at: int) -> str:
    """From ``at`` to its clause's end: "Baker won best director and Mikey Madison best
    actress" gives him the first award only."""
    return re.split(r"[,.;!?]|\s(?:and|but|while)\s+(?=[A-Z])", text[at:at + 120], maxsplit=1)[0].lower()


# words of which an event or an award has exactly one: its medal, its acting award's
# gender, its draw's ("best actress" is no best actor's award, "men's" no women's)
_ONE_OF = (("gold", "silver", "bronze"), ("actor", "actress"), ("men", "women"))


def another_of_its_kind(low: str, predicate: Predicate) -> bool:
    """Does a passage about the asked event write another medal, acting award or draw than
    the one asked, and never the asked one ("the floor exercise bronze medal" for who won
    its gold; "best leading actress in a play" for the best actor)?"""
    for kinds in _ONE_OF:
        asked = [k for k in kinds if k in predicate.words]
        said = [k for k in kinds if re.search(rf"\b{k}(?:['’]s)?\b", low)]
        if asked and said and not set(asked) & set(said):
            return True
    return False


def _clause_before(text: str, at: int) -> str:
    """The words before ``at`` back to its clause's start: "that the inquiry U.S. coach"."""
    return re.split(r"[,;!?]|\.(?=\s+[A-Z])", text[max(0, at - 60):at])[-1].lower()  # not "U.S. coach"


def _spelt_out(clause: str, word: str) -> bool:
    """Does ``clause`` spell out the initials ``word`` ("mvp": "most valuable player")?"""
    return 2 <= len(word) <= 3 and word.isalpha() and re.search(
        r"\b" + r"[\w'’]*\s+".join(map(re.escape, word)) + r"\w*", clause) is not None


def _holds_any(clause: str, words: Sequence[str]) -> bool:
    """Does ``clause`` write one of ``words`` (a long one by its first five letters: "finals")?"""
    return any(re.search(r"(?<![\w-])" + re.escape(word_stem(w)), clause) for w in words)  # not "semi-finals"
