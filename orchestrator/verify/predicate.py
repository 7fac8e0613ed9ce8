"""The question's predicate, read from its asking sentence: what it says happened, the kind
noun of what it asks for ("which city"), and the verb saying what the answer did, with that
verb's object and place ("Which movie won best picture at ...?": won; best, picture)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass

from orchestrator.verify.entities import country_of
from orchestrator.verify.question import keywords
from orchestrator.verify.spelling import other_spellings, with_spellings

# What kind of thing the question asks for, in its own words: "which city", "which extinct
# animal", "the name of the giant schnauzer", "A lunar lander ... What was its name?"
_KIND_NOUN = re.compile(r"\b(?:which|what)\s+((?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)", re.I)
_NAME_OF = re.compile(r"\bname\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?((?:[a-z][\w\-]*\s*){1,3})")
_ITS_NAME = re.compile(r"^\s*(?:A|An|The)\s+((?:[a-z][\w\-]*\s+){1,2}).*\b(?:its|their)\s+name\b", re.S)
_OWNER_NAMED = re.compile(r"\bthe\s+([a-z][\w\-]*)['’]s\s+name\b")  # "What is the rocket's name?"
_NAME_ASKED = re.compile(r"[^.?!]*\b(?:its|their)\s+name\b")
_INTRODUCED = re.compile(r"\b(?:[Aa]|[Aa]n)\s+((?:[a-z][\w\-]*\s*){1,3})")


BEAT_VERBS = r"beat|beats|beating|defeated|defeats|defeating|edged|edges|edging|downed|overcame|rout|routs|routed|thrashed"
AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"}


@dataclass(frozen=True)
class Predicate:
    words: tuple[str, ...] = ()  # what the question says happened
    kinds: tuple[str, ...] = ()  # the noun saying what kind of thing it asks for
    verb: tuple[str, ...] = ()  # the forms of the verb saying what the answer did ("won": win, wins, ...)
    facing: bool = False  # it asks who someone faced ("against which team"), so the one beaten may answer
    passive: bool = False  # it asks who underwent it ("Who was awarded"), so the one doing it never answers
    beaten: bool = False  # it asks who was beaten ("Which team did South Africa beat?"), as "Who lost?" does
    object: tuple[str, ...] = ()  # what the verb takes, right after it: "won best picture" -> best, picture
    place: str = ""  # where it happened, named after "in" or "at": "arrived in Washington" -> Washington
    listed: bool = False  # the verb's forms are the policy's ("won": win, wins), not a regular verb's stem ("scor")
    # an object question's doer and verb: "Which club did Dortmund knock out?" -> ("dortmund",), ("knock",)
    by: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    # what the answer owns does the asked thing: "Which country's film won ...?" -> "film"
    owned: str = ""


def predicate_of(asking: str, names: list[list[str]], predicates: Sequence[Sequence[str]] = ()) -> Predicate:
    """The asking sentence's content words that are not part of what it names nor its kind
    noun, that kind noun, and the verb saying what the answer did (with its ``predicates``
    forms from the policy: "won" is also "win", "wins")."""
    named = {w for group in names for phrase in group for w in phrase.lower().split()}
    # a possessive is its noun: "which animal's brain" asks for an animal
    words = list(dict.fromkeys(re.sub(r"['’]s$", "", w) for w in keywords(asking)))
    said = [m.group(1) for pattern in (_KIND_NOUN, _NAME_OF) for m in pattern.finditer(asking)]
    kinds = list(dict.fromkeys(w for phrase in said for w in noun_phrase(phrase) if w in words))
    # each word in both spellings: a British question ("jewellery heist") reads American pages
    owner = _OWNER_ASKED.search(asking)
    owned = (owner.group(1) or owner.group(2)).lower() if owner else ""
    # the owned thing's verb is read as a kind's: "which country's film won" as "which film won"
    doing = _OWNER_ASKED.sub(lambda m: f"which {m.group(1) or m.group(2)}", asking)
    verb = asked_verb(doing, [*kinds, owned], predicates)
    tokens = _after_wh(doing)
    at = _verb_at(tokens, [*kinds, owned]) if verb else None
    by, done = _asked_object(asking)
    return Predicate(tuple(with_spellings([w for w in words if w not in named and w not in kinds and not w.isdigit()])),
                     tuple(with_spellings(kinds)), verb, _FACING.search(asking) is not None,
                     asks_passive(asking, kinds), _ASKS_BEATEN.search(asking) is not None,
                     _verb_object(tokens, at), _verb_place(asking, tokens, at),
                     any(set(verb) <= {f.lower() for f in group} for group in predicates) if verb else False,
                     by, done, owned)


# "which country's film", "whose lander": the answer owns the thing the question tells of
# ("Which author, whose books sold ..., died?": a relative "whose" asks nothing)
_OWNER_ASKED = re.compile(r"\b(?:[Ww]hich|[Ww]hat)\s+[a-z][\w\-]*['’]s\s+([a-z][\w\-]*)|^\s*[Ww]hose\s+([a-z][\w\-]*)")


# an object question: "Which club did Dortmund knock out?", "Which team did South Africa beat?"
_OBJECT_ASKED = re.compile(r"\b(?:which|what|who|whom)\b[^?,]*?\b(?:did|does|do|will|would|could|has|have|had)\s+"
                           r"((?:(?-i:[A-Z])[\w.'’\-]*\s+){1,4})([a-z][\w\-]*)\b", re.I)


def _asked_object(asking: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words of the name an object question says does its verb, and that verb's forms.
    Not a country's: its side goes by names no data ties to it ("the Springboks beat New
    Zealand" for whom South Africa beat), so no other doer can be told apart from it."""
    asked = _OBJECT_ASKED.search(asking)
    if asked is None or country_of(asked.group(1).strip()) is not None:
        return (), ()
    verb = asked.group(2).lower()
    return tuple(asked.group(1).lower().split()), tuple(dict.fromkeys(_stem(w) for w in (verb, *other_spellings(verb))))


# a question about an opponent: "against which team", "who did they face", "which team did
# the Capitals play" (not "which team does he play for")
_FACING = re.compile(r"\b(?:against|versus|vs\.?|beat|beaten|defeat(?:ed)?|fac(?:e|ed|es|ing)|opponents?|rivals?|"
                     r"play(?:ed|s)?(?!\s+for\b))\b", re.I)


# the one beaten as the question's object: "Which team did South Africa beat?", "Whom will she face and
# defeat?", "England beat which nation to win the Euros?"
_ASKS_BEATEN = re.compile(r"\b(?:which|what|who|whom)\b[^?]*?\b(?:did|does|do|will|would|could|has|have|had)\b"
                          r"[^?]*?\b(?:beat|defeat|edge|down|overcome|rout|thrash)\b"
                          rf"|\b(?:{BEAT_VERBS})\s+(?:which|what|whom)\b", re.I)
_WH = re.compile(r"\b(?:which|what|who)\b", re.I)
# Words between the asked-for noun and its verb that are not that verb: "Which airline is
# being sued", "Who was recently named".
_BEFORE_VERB = AUXILIARIES | {"be", "being", "been", "may", "might", "do", "does", "did", "to", "just", "recently",
                              "reportedly", "officially", "also", "finally", "now", "newly", "allegedly", "successfully"}


# what stands before "to" and the verb that says what happens: "Which singer is set to host",
# "Which team is expected to win", "Who is poised to become"; not "named to lead", where the
# naming is what happened
_ON_THE_WAY = {"set", "expected", "poised", "due", "going", "about", "likely", "slated", "scheduled", "planning",
               "planned", "plans", "hoping", "seeking", "trying", "preparing", "ready", "able", "tipped"}


def asked_verb(asking: str, kinds: Sequence[str], predicates: Sequence[Sequence[str]] = ()) -> tuple[str, ...]:
    """The verb right after what the question asks for ("Which club won", "Who testified",
    "Which airline is being sued"), as the forms a passage may write it in: the policy's
    listed forms, or a regular verb's stem ("testifi": testified, testifies; "announc":
    announced, announcement); () where no such verb follows ("Which team does he play for?"
    asks about him; an irregular verb the policy does not list is left alone)."""
    tokens = _after_wh(asking)
    if (at := _verb_at(tokens, kinds)) is None:
        return ()
    low = tokens[at]
    forms = next((tuple(f.lower() for f in group) for group in predicates if low in (f.lower() for f in group)), ())
    if forms:
        return forms
    if at == 0 and (wh := _WH.search(asking)) and wh.group(0).lower() == "who" and _PRESENT.search(low) \
            and low not in _BEFORE_VERB:
        return (_PRESENT.sub("", low),)  # "Who coaches Inter?": coached, coach, coaches
    if not _REGULAR.search(low):
        return ()
    return tuple(dict.fromkeys(_stem(w) for w in (low, *other_spellings(low))))  # "favoured" is also "favored"


# a verb's present after "who" ("Who coaches", "Who chairs", "Who owns"), by what its stem leaves
_PRESENT = re.compile(r"(?<=[a-z]{2})(?:es|(?<=[^aeious])s)$")


def _verb_at(tokens: list[str], kinds: Sequence[str]) -> int | None:
    """Where the verb saying what the answer did stands among the words after "which"."""
    return next((at for at in range(len(tokens)) if not _before_verb(tokens, at, kinds)), None)


_CALENDAR = {*calendar.month_name[1:], *calendar.day_name}


def _verb_place(asking: str, tokens: list[str], at: int | None) -> str:
    """The name after "in" or "at" within a few words of the asked verb (``tokens[at]``):
    "Which world leader arrived in Washington for a two-day visit?" -> Washington."""
    if at is None:
        return ""
    place = re.search(rf"(?i:\b{re.escape(tokens[at])})\s+(?:[a-z][\w\-]*\s+){{0,3}}?(?:in|at)\s+"
                      r"((?:[A-Z][\w.'’\-]*)(?:\s+[A-Z][\w.'’\-]*)*)", asking)
    return place.group(1) if place and place.group(1).split()[0] not in _CALENDAR else ""  # not "in November"


# words that end an object as a preposition or a time does ("the floor bronze after the ruling")
_OBJECT_ENDS = {"after", "before", "during", "over", "since", "until", "amid", "following", "last", "next", "earlier",
                "later", "again", "yet"}


# verbs whose object is what they are to do: "voted to hold rates", "agreed to buy Twitter"
_TAKES_INFINITIVE = re.compile(r"(?:vot|agree|decid|promis|pledg|refus|vow|threaten|cho[so]|opt|plan)")


def _verb_object(tokens: list[str], at: int | None) -> tuple[str, ...]:
    """The content words right after the asked verb ``tokens[at]`` (and its article), up to the
    next function word: "Which movie won best picture at ..." -> best, picture; "Which team
    won the Super Bowl" -> super, bowl; "Which leader arrived in ..." -> none."""
    if at is None:
        return ()
    taken: list[str] = []
    infinitive = _TAKES_INFINITIVE.match(tokens[at]) is not None
    for token in tokens[at + 1:]:
        if not keywords(token) or token in _OBJECT_ENDS:
            if not taken and (token in ("the", "a", "an") or (infinitive and token == "to")):  # "won the Super Bowl",
                continue  # "voted to hold rates"
            break
        taken.append(token)
    return tuple(taken)


def _after_wh(asking: str) -> list[str]:
    """The lower-cased words after the question's "which", "what" or "who"."""
    wh = _WH.search(asking)
    return [t.lower() for t in re.findall(r"[A-Za-z][\w'’\-]*", asking[wh.end():] if wh else "")]


def _before_verb(tokens: list[str], at: int, kinds: Sequence[str]) -> bool:
    """Is ``tokens[at]`` a word between what is asked for and its verb: the kind noun, an
    auxiliary, "set to", or an adverb ("Who was posthumously awarded")?"""
    low = tokens[at]
    return low in kinds or low in _BEFORE_VERB or (low in _ON_THE_WAY and tokens[at + 1:at + 2] == ["to"]) \
        or (at > 0 and low.endswith("ly") and len(low) > 4)


_REGULAR = re.compile(r"(?:ed|ing)$")


def _stem(word: str) -> str:
    """A regular verb's stem: "testified" -> "testifi", "announcing" -> "announc"."""
    stem = _REGULAR.sub("", word)
    return stem if len(stem) >= 3 else word[:-1]


_BE = {"is", "are", "was", "were", "be", "being", "been"}


def asks_passive(asking: str, kinds: Sequence[str]) -> bool:
    """Is the verb after what the question asks for passive ("Who was posthumously awarded",
    "Which airline is being sued"), so the answer is the one it was done to?"""
    tokens = _after_wh(asking)
    at = _verb_at(tokens, kinds)
    return at is not None and bool(_BE & set(tokens[:at])) and re.search(r"(?:ed|en)$", tokens[at]) is not None


VERB = re.compile(r"(?:ed|ing)$|^(?:won|wins|win|lost|loses|led|leads|made|makes|took|takes|became|becomes|said|"
                  r"says|got|gets|gave|gives|ran|runs|sold|sells|hit|hits|left|met|meets|set|sets)$", re.I)


def noun_phrase(phrase: str) -> list[str]:
    """The content words of a noun phrase, which ends at the first function word or verb:
    "giant schnauzer", "new political party", "dog (that won)", "team (won)"."""
    kept: list[str] = []
    for token in phrase.split():
        if not keywords(token) or (kept and VERB.search(token)):  # "which team won": won is no noun
            break
        kept.append(token)
    return keywords(" ".join(kept))


def kind_nouns(question: str) -> tuple[str, ...]:
    """The kind nouns of a question whose asking sentence only says "its name": the owner of
    the name ("the rocket's name"), the head of the last thing the sentence before introduces
    ("Musk said he's launching a new political party. What is its name?"), or else the
    subject its first sentence names ("The lunar lander ... What was its name?")."""
    if owner := _OWNER_NAMED.search(question):
        return tuple(noun_phrase(owner.group(1)))
    before = _NAME_ASKED.split(question)[0] if _NAME_ASKED.search(question) else ""
    introduced = [noun_phrase(m.group(1)) for m in _INTRODUCED.finditer(before)]
    if introduced and introduced[-1]:
        return tuple(introduced[-1][-1:])  # its head: "party"
    match = _ITS_NAME.search(question)
    return tuple(noun_phrase(match.group(1))) if match else ()
