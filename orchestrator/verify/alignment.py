"""Which of the names in a sentence fills the question's slot? "Which world leader arrived in
Washington?" against "Modi arrived in Washington on Wednesday and met President Trump":
both are names in a matching sentence, but only Modi stands next to what the question
says happened. A candidate's support is scaled by how close it stands to the question's
predicate words (the words that say what happened, not the things the question names)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from orchestrator.verify.categories import AWARDS
from orchestrator.verify.entities import country_of
from orchestrator.verify.name_words import lexicon, spelled_out
from orchestrator.verify.question import CJK, is_cjk, keywords, word_stem
from orchestrator.verify.spelling import other_spellings, with_spellings

FLOOR = 0.35  # a name in a passage that repeats none of the predicate still counts, a little
WITHOUT_VERB = 0.5  # a passage that never writes the question's verb says less of what it asks
REACH = 4.0  # words: a predicate word this far away halves the support above the floor
_WORD = re.compile(rf"[{CJK}]|\w+")


# What kind of thing the question asks for, in its own words: "which city", "which extinct
# animal", "the name of the giant schnauzer", "A lunar lander ... What was its name?"
_KIND_NOUN = re.compile(r"\b(?:which|what)\s+((?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)", re.I)
_NAME_OF = re.compile(r"\bname\s+of\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?((?:[a-z][\w\-]*\s*){1,3})")
_ITS_NAME = re.compile(r"^\s*(?:A|An|The)\s+((?:[a-z][\w\-]*\s+){1,2}).*\b(?:its|their)\s+name\b", re.S)
_OWNER_NAMED = re.compile(r"\bthe\s+([a-z][\w\-]*)['’]s\s+name\b")  # "What is the rocket's name?"
_NAME_ASKED = re.compile(r"[^.?!]*\b(?:its|their)\s+name\b")
_INTRODUCED = re.compile(r"\b(?:[Aa]|[Aa]n)\s+((?:[a-z][\w\-]*\s*){1,3})")
APPOSITION = 2  # words: "the Blue Ghost lander", "the city of Brisbane" name the asked kind


WIN_WORDS = {"won", "win", "wins", "winning", "winner", "beat", "champion", "champions", "victory", "title"}
_BEAT_VERBS = r"beat|beats|beating|defeated|defeats|defeating|edged|edges|edging|downed|overcame|rout|routs|routed|thrashed"
_OPPOSING = rf"{_BEAT_VERBS}|against"
_BEATING = rf"\b(?:{_OPPOSING}|over)\s+"
_BEATEN = re.compile(_BEATING + r"(?:the\s+)?$", re.I)
# or later in the list the verb opens: "beating industry veterans Ariana Grande, newcomer Roan and ..."
_BEATEN_LIST = re.compile(_BEATING + r"[^.;:!?()\"“”—–]{0,80}$", re.I)
_LIST_WORDS = 12  # words a list of the beaten can run before the name
_PURPOSE = re.compile(r"\bto\s+[a-z]+\b")  # "beat Dortmund to win 15th European Cup": no list goes on past "to win"
_AUXILIARIES = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"}
_LOSS = {"lost", "lose", "loses", "losing", "loser", "losers", "runner-up", "runners-up"}
# the winner, seen from a question about who lost: "the Eagles beat ...", "... lost to the Eagles"
_BEATS_NEXT = re.compile(rf"^\s+(?:{_BEAT_VERBS}|won|wins)\b", re.I)


def beats_next(text: str, end: int) -> bool:
    """Does the name ending at ``end`` win next: "the Eagles beat ...", "Real Madrid won"?"""
    return _BEATS_NEXT.match(text[end:]) is not None
# what was won, not whom: "won the Champions League final" for which club they beat
_WON_THING = re.compile(r"\b(?:won|wins|win|winning|clinched|claimed|lifted)\s+(?:the\s+|their\s+|its\s+)?$", re.I)
_LOST_TO = re.compile(r"\b(?:lost|loses|losing|fell|falls|succumbed)\s+to\s+(?:the\s+)?$|"
                      r"\b(?:beaten|defeated|edged|routed|thrashed)\s+by\s+(?:the\s+)?$", re.I)


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


def _is_the_owned(text: str, start: int, end: int, owned: str) -> bool:
    """Is the name the owned thing itself: its noun written before it ("the film "Flow""), or
    after it where another owns it ("Firefly Aerospace's Blue Ghost lander"; "the Portuguese
    regulator" is Portugal's)?"""
    noun = re.escape(owned)
    return re.search(rf"\b{noun}\s+[\"“]?$", text[max(0, start - 40):start], re.I) is not None or (
        re.match(rf"[\"”]?\s+{noun}\b", text[end:], re.I) is not None
        and re.search(r"['’]s\s+[\"“]?$", text[max(0, start - 4):start]) is not None)


@lru_cache(maxsize=64)
def _owned_thing(owned: str) -> re.Pattern:
    """The thing a name owns, written right after it: its possessive or the name itself as an
    adjective, a few words, then the thing's title or name ("Brazil's "I'm Still Here"",
    "the Latvian film "Flow"", "Firefly Aerospace's Blue Ghost lander")."""
    return re.compile(rf"(?:['’]s)?(?:\s+[a-z][\w\-]*){{0,2}}?\s+(?:[\"“][^\"”]{{1,80}}[\"”]|(?-i:[A-Z])[\w'’\-]*"
                      rf"(?:\s+(?-i:[A-Z])[\w'’\-]*){{0,4}})(?:\s+{re.escape(owned)}\b)?")


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


# the one an object question asks for, right after the verb done to it ("had knocked out
# Bayern Munich"), and the name right before that verb doing it ("Real Madrid had")
_PARTICLE = r"(?:\s+(?:out|off|up|down|over|in|back))?"


def done_by_another(text: str, start: int, predicate: Predicate) -> bool:
    """Does a name other than the question's doer do the asked verb to the name at ``start``
    ("Real Madrid had knocked out Bayern Munich" for which club Dortmund knocked out)?"""
    forms = "|".join(map(re.escape, predicate.done))
    before = text[max(0, start - 120):start]
    verb = re.search(rf"\b(?:{forms})\w*{_PARTICLE}\s+(?:the\s+)?$", before, re.I)
    if verb is None:
        return False
    doer = re.search(rf"((?:(?-i:[A-Z])[\w.'’\-]*\s+){{1,4}}){_DOING_AUX}$", before[:verb.start()])
    return doer is not None and not set(doer.group(1).lower().split()) & set(predicate.by)


# the one faced, named right after the word that says so (not "over 100 of Texas' cases")
_FACED = re.compile(rf"\b(?:{_OPPOSING}|versus|vs\.?)\s+(?:the\s+)?$", re.I)
# a question about an opponent: "against which team", "who did they face", "which team did
# the Capitals play" (not "which team does he play for")
_FACING = re.compile(r"\b(?:against|versus|vs\.?|beat|beaten|defeat(?:ed)?|fac(?:e|ed|es|ing)|opponents?|rivals?|"
                     r"play(?:ed|s)?(?!\s+for\b))\b", re.I)


# the one beaten as the question's object: "Which team did South Africa beat?", "Whom will she face and
# defeat?", "England beat which nation to win the Euros?"
_ASKS_BEATEN = re.compile(r"\b(?:which|what|who|whom)\b[^?]*?\b(?:did|does|do|will|would|could|has|have|had)\b"
                          r"[^?]*?\b(?:beat|defeat|edge|down|overcome|rout|thrash)\b"
                          rf"|\b(?:{_BEAT_VERBS})\s+(?:which|what|whom)\b", re.I)
_WH = re.compile(r"\b(?:which|what|who)\b", re.I)
# Words between the asked-for noun and its verb that are not that verb: "Which airline is
# being sued", "Who was recently named".
_BEFORE_VERB = _AUXILIARIES | {"be", "being", "been", "may", "might", "do", "does", "did", "to", "just", "recently",
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


def elsewhere(text: str, predicate: Predicate) -> bool:
    """Does the passage say the asked thing happened at another named place ("Trump arrived
    Friday afternoon in Palm Beach County", asked who arrived in Washington), never naming
    the question's?"""
    if not (predicate.place and predicate.verb) or predicate.place.lower() in text.lower():
        return False
    return any(m.group(1).isupper() for m in _placed_pattern(predicate.verb).finditer(text))


@lru_cache(maxsize=256)
def _placed_pattern(verb: tuple[str, ...]) -> re.Pattern:
    """The verb, then "in" or "at" a few words on, capturing the next word's first letter:
    one pattern per question, not per name (alignment runs for every candidate)."""
    forms = "|".join(map(re.escape, verb))
    return re.compile(rf"(?<![\w])(?i:{forms})\w*\s+(?:[\w'’\-]+\s+){{0,3}}?(?:in|at)\s+(?:the\s+)?(\w)")


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


# with the perfect's auxiliaries of other languages read alike: "Sinner ha vinto", "Barnier a remporté"
_DOING_AUX = r"(?:(?:has|have|had|will|would|also|\w+ly|ha|hanno|a|ont|han|har|heeft|hat)\s+){0,2}"
_SENTENCE = re.compile(r"[.!?][\"”’']?\s*$")  # a headline drops "was": "Kirk awarded Medal of Freedom"


def doer(text: str, start: int, end: int, verb: tuple[str, ...]) -> bool:
    """Is ``text[start:end]`` the one doing what the asked verb says: its subject in the active
    voice in a sentence ("Trump posthumously awarded Kirk the medal.", "Mats Malm, the
    academy's secretary, announced"; a headline's "Kirk awarded Medal of Freedom" is
    passive, its "'Anora' wins best picture" active), its agent ("... awarded by Trump"), or
    the one its agent noun names ("its translator Deborah Smith", "Referee Wayne Barnes")?"""
    if _OF_ANOTHER.search(text, max(0, start - 60), start):  # "David Baker of the University of Washington"
        return False
    subject, agent = _doing_patterns(verb)
    did = subject.match(text[end:end + 140])
    if did and (_SENTENCE.search(text) or not re.search(r"(?:ed|en)$", did.group(0))):
        return True
    before = text[max(0, start - 120):start]
    return agent.search(before) is not None or _agent_noun(before, verb) or _gapped(text, start, end, verb) \
        or bool(_WINNING & set(verb) and _LOST_IT_TO.search(before))


# the one another lost something to won it: "Peter Dutton lost the seat of Dickson ... to Labor
# candidate Ali France"; what stands between "to" and the name is a title, never a verb ("lost
# his bid to unseat Dutton")
_LOST_IT_TO = re.compile(r"\b(?:lost|loses|losing|ceded|conceded)\s+(?:[^.;!?]{1,100}?\s+)?to\s+"
                         r"(?:(?:the|a|an|(?-i:[A-Z])[\w'’\-]*|[a-z]+(?:ate|er|or|ist|ent|ant|al))\s+){0,3}$", re.I)


def _gapped(text: str, start: int, end: int, verb: tuple[str, ...]) -> bool:
    """Is the name the subject of the verb left out after "and", its object opening with the
    same word as the first one's ("Kieran Culkin won best supporting actor and Zoe Saldaña
    best supporting actress")?"""
    if not verb:
        return False
    forms = "|".join(map(re.escape, verb))
    first = re.search(rf"\b(?:{forms})\w*\s+([\w'’]+)[^.;!?]{{0,120}}?\band\s+$", text[max(0, start - 160):start], re.I)
    return first is not None and re.match(rf"\s+{re.escape(first.group(1))}\b", text[end:], re.I) is not None


# a name right after another's "of": its affiliation, or the rest of its name ("Bank of America")
_OF_ANOTHER = re.compile(r"[A-Z][\w.'’\-]*\s+of\s+(?:the\s+)?$")


def _agent_noun(before: str, verb: tuple[str, ...]) -> bool:
    """Does ``before`` end in the verb's agent noun ("translator", "referee", "winner")?"""
    last = re.search(r"([A-Za-z]+)\s+$", before)
    word = last.group(1).lower() if last else ""
    return any(word.startswith(form) for form in verb) and re.search(r"(?:er|or|ee|ist)$", word) is not None \
        and re.search(r"(?:ed|ing)$", word) is None


# What may stand between a subject and its verb: its affiliation ("David Baker of the
# University of Washington") and the others doing it with it ("and John Jumper of Google
# DeepMind won", "Geoffrey Hinton and John Hopfield won", "David Baker, Demis Hassabis and
# John Jumper won"): each of them did it
_CAPITALISED = r"(?-i:[A-Z])[\w.'’\-]*"
_AFFILIATION = rf"(?:\s+of\s+(?:the\s+)?{_CAPITALISED}(?:\s+(?:of\s+)?{_CAPITALISED}){{0,3}})?"


def _more_of(member: str, most: int = 3) -> str:
    """The rest of a run of ``member``s joined by "and", or listed with commas and ending in
    "and" ("A, B and C", "A, B, and C"): "Europe, and Madrid won" is two clauses."""
    return rf"(?:(?:\s*,\s*{member}){{1,{most}}},?\s+and\s+{member}|(?:\s+and\s+{member}){{1,{most}}})"


_CO_NAME = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}}{_AFFILIATION}"
_CO_SUBJECTS = rf"{_AFFILIATION}(?:{_more_of(_CO_NAME)})?"


def co_doers(text: str, names: Sequence[str], verb: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """The runs of ``names`` that ``text`` writes as doing the asked verb together, each where
    it starts and in the order written: "Geoffrey Hinton and John Hopfield won" gives [Geoffrey
    Hinton, John Hopfield], "David Baker, Demis Hassabis and John Jumper won" all three, as
    does "David Baker of the University of Washington and Demis Hassabis and John Jumper of
    Google DeepMind won"; asked who won or received,
    those a prize was awarded to together ("awarded ... to John Hopfield of Princeton
    University and Geoffrey Hinton"; "... to David Baker for ..., and jointly to Demis
    Hassabis and John Jumper")."""
    if not names or not verb:
        return []
    name = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    forms = "|".join(map(re.escape, verb))
    member = rf"(?<![\w\-])(?:{name})(?![\w\-]){_AFFILIATION}"
    runs = [(run.start(), run.group(0), run.end()) for run in
            re.finditer(rf"{member}{_more_of(member, 8)}(?=\s+{_DOING_AUX}(?:{forms})\w*\b)", text, re.I)]
    if _RECEIVING & set(verb):  # "awarded the prize to John Hopfield ... and Geoffrey Hinton": who won it
        group = rf"{member}(?:\s*,\s*{member})*(?:,?\s+and\s+{member})?"
        # "... to David Baker of the University of Washington for protein design, and jointly to Demis Hassabis and John Jumper"
        more = rf"(?:\s+for(?:\s+(?-i:[a-z])[\w\-]*){{1,8}})?,?\s+and\s+(?:jointly\s+|also\s+)?to\s+{group}"
        runs += [(given.start(1), given.group(1), given.end(1)) for given in
                 re.finditer(rf"{_GIVEN_TO}({group}(?:{more})?)", text, re.I)]
    together = [(at, [m.group(0) for m in re.finditer(rf"(?<![\w\-])(?:{name})(?![\w\-])", run)
                      if not _OF_ANOTHER.search(run, 0, m.start())])  # not "of the University ..."
                for at, run, end in runs if not _each_their_own(text, end)]
    return [(at, run) for at, run in together if len(run) > 1]


# a prize given to several: its winners are those it went to
_WINNING = {"win", "won", "wins", "winning"}
_RECEIVING = _WINNING | {"receive", "received", "receives"}
_GIVEN_TO = r"\b(?:awarded|gave|given|presented|handed|bestowed|went)\b[^.;]{0,100}?\bto\s+"


def _each_their_own(text: str, at: int) -> bool:
    """Does the verb at ``at`` take a plural object, or "respectively": each did it to a thing
    of their own ("Kieran Culkin and Zoe Saldaña won the supporting acting awards, for A Real
    Pain and Emilia Pérez")?"""
    taken = re.split(r"[,.;:!?]|\s(?:for|in|at|with|on)\s", text[at:at + 120], maxsplit=1)[0].split()[1:]
    last = taken[-1] if taken else ""
    return bool({"respectively", "each"} & {w.lower() for w in taken}) or (
        last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "ics")))


@lru_cache(maxsize=256)
def _doing_patterns(verb: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The verb right after its subject, and the agent after "by": one pair per question.
    One who beat another in the asked thing won it ("The Eagles beat the Chiefs in Super Bowl
    LIX"), and so did one beating another to do it ("Eagles rout Chiefs 40-22 to win ...")."""
    forms = "|".join(map(re.escape, verb))
    done = f"{forms}|{_BEAT_VERBS}" if _WINNING & set(verb) else forms
    return (re.compile(rf"[\"'’”]?(?:,[^,.;:!?]{{1,80}},)?{_CO_SUBJECTS}\s+(?:{_DOING_AUX}|(?:{_BEAT_VERBS})\s+"
                       rf"[^.;:!?]{{0,60}}?\bto\s+)(?:{done})\w*\b", re.I),
            re.compile(rf"\b(?:{forms})\w*\s+(?:\S+\s+){{0,6}}?by\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){{0,2}}$", re.I))


def states_verb(low_text: str, verb: tuple[str, ...]) -> bool:
    """Does the lower-cased text write the asked verb in any of its forms?"""
    return _verb_pattern(verb).search(low_text) is not None


@lru_cache(maxsize=256)
def _verb_pattern(verb: tuple[str, ...]) -> re.Pattern:  # one pattern per question, not per name and form
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, verb)) + ")")


_VERB = re.compile(r"(?:ed|ing)$|^(?:won|wins|win|lost|loses|led|leads|made|makes|took|takes|became|becomes|said|"
                   r"says|got|gets|gave|gives|ran|runs|sold|sells|hit|hits|left|met|meets|set|sets)$", re.I)


def noun_phrase(phrase: str) -> list[str]:
    """The content words of a noun phrase, which ends at the first function word or verb:
    "giant schnauzer", "new political party", "dog (that won)", "team (won)"."""
    kept: list[str] = []
    for token in phrase.split():
        if not keywords(token) or (kept and _VERB.search(token)):  # "which team won": won is no noun
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


def apposed(text: str, start: int, end: int, kinds: Sequence[str]) -> bool:
    """Does a kind noun stand in apposition to the span ("Monty, a giant schnauzer", "the
    Blue Ghost lander", "America Party")?"""
    return start >= 0 and any(g <= APPOSITION for g in _kind_gaps(text.lower(), start, end, kinds))


def _positions(low: str, word: str) -> list[int]:
    if is_cjk(word):
        return [m.start() for m in re.finditer(re.escape(word), low)]
    stem = word_stem(word)  # "topped" ~ "tops", "nominations" ~ "nominated"
    return [m.start() for m in re.finditer(r"(?<![\w])" + re.escape(stem), low)]


def _gaps(low: str, start: int, end: int, words: Sequence[str], counts=lambda at, word: True) -> list[int]:
    """Words between the span ``low[start:end]`` and each occurrence of each word (those
    ``counts(at, word)`` keeps)."""
    return [len(_WORD.findall(low[end:at] if at >= end else low[at + len(word):start]))
            for word in words for at in _positions(low, word) if counts(at, word)]


def _kind_gaps(low: str, start: int, end: int, kinds: Sequence[str]) -> list[int]:
    """``_gaps`` to the asked kind's nouns, but not to one after the span in the plural ("most
    National Hockey League teams" sorts teams, it is none), nor to one inside the span but its
    last word: "America Party" is a party, "National Hockey League" no hockey team."""
    def counts(at: int, kind: str) -> bool:
        written = _WORD.match(low, at)
        word = written.group(0) if written else kind
        if start <= at < end:
            return at + len(word) == end
        return not (at >= end and not kind.endswith("s") and word in (kind + "s", kind + "es"))
    return _gaps(low, start, end, kinds, counts)


# "defeating Vice President Kamala Harris", "beating former finance minister Chrystia Freeland"
_DEFEATED = re.compile(rf"\b(?:{_BEAT_VERBS})\s+((?:[\w.\-]+\s+){{0,4}})$", re.I)
_BEFORE_A_NAME = {"former", "incumbent", "outgoing", "rival", "the"}


def defeated(text: str, start: int) -> bool:
    """Is the name at ``start`` the object of a verb of beating, after its titles only
    ("defeating Vice President Kamala Harris")? Not one after "over" or "against": "over 100
    of Texas' 159 cases" beats no one."""
    told = _DEFEATED.search(text[max(0, start - 60):start])
    if told is None:
        return False
    words, titles = told.group(1).split(), lexicon()["person_titles"]
    return not words or words[-1].lower() in titles or all(  # "former finance minister": a title's last word
        word[:1].isupper() or word.lower() in _BEFORE_A_NAME or word.lower() in titles for word in words)


# a body's name before a title and a person's: "Chipotle Mexican Grill chief executive Brian Niccol"
_TITLED_NAME = re.compile(r"(?:['’]s)?\s+((?:(?:[a-z][\w\-]*|[A-Z]{2,4})\s+){1,3})[A-Z]")  # "... CEO Brian Niccol"


def affiliation(text: str, end: int) -> bool:
    """Is the name ending at ``end`` written as a person's employer or team, right before
    the person's title and name ("Chipotle Mexican Grill chief executive Brian Niccol",
    "Manchester City midfielder Rodri")? Asked who did something, the person did it."""
    titled = _TITLED_NAME.match(text, end)
    return titled is not None and titled.group(1).split()[-1].lower() in lexicon()["person_titles"]


def beaten(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the one beaten ("the Springboks beat New Zealand"), or one in the
    list of those beaten ("beating Ariana Grande, newcomer Roan and Chappell Roan")? Not the
    subject of a new clause ("beat Alcaraz, and Sinner won the final")."""
    if _BEATEN.search(text[max(0, start - 40):start]):
        return True
    listed = _BEATEN_LIST.search(text[max(0, start - 100):start])
    if not listed or len(_WORD.findall(listed.group(0))) > _LIST_WORDS or _PURPOSE.search(listed.group(0)):
        return False
    following = _WORD.match(text[end:].lstrip(" ,"))
    return following is None or not (_VERB.search(following.group(0)) or following.group(0).lower() in _AUXILIARIES)


# words any object may open with: "best actor" and "best actress" differ in their nouns
_SHARED_MODIFIERS = {"best", "top", "first", "second", "third", "last", "new", "most", "major", "overall", "leading"}


# an object that points back to what the page is about rather than naming another thing
# ("sued the federal government" for who sued the Trump administration)
_BACK_REFERENCE = re.compile(r"\s*(?:the|this|that|its|their)\s+(?:ceremony|event|show|gala|game|match|race|contest|"
                             r"competition|tournament|final|election|vote|award|prize|title|trophy|deal|bill|case|"
                             r"(?:federal\s+)?government|administration)\b")


def asks_loss(predicate: Predicate) -> bool:
    """Does the question ask who lost or was beaten ("Who lost the final?")?"""
    return predicate.beaten or bool(_LOSS & set(predicate.words))


# a win told with how often: "Rafael Nadal, who won the tournament a record 14 times", "has won it twice"
_WON_SO_OFTEN = re.compile(r"(?:['’]s)?,?\s*(?:who\s+)?(?:has\s+|had\s+|have\s+)?(?:won|wins|claimed|lifted|took)\b"
                           r"[^.;]{0,60}?\b(?:[\w\-]+\s+times|twice|thrice)\b", re.I)


def _a_tally_of_wins(text: str, end: int, predicate: Predicate) -> bool:
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
    subject, _ = _doing_patterns(predicate.verb)
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


def _given_another_role(text: str, end: int, predicate: Predicate) -> bool:
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
    seen = list(_verb_pattern(tuple(verb)).finditer(text.lower())) if verb and telling else []
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


def _another_of_its_kind(low: str, predicate: Predicate) -> bool:
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


def alignment(text: str, start: int, end: int, predicate: Predicate) -> float:
    """Up to 1: 1 when a predicate word stands right next to the span ``text[start:end]``,
    less with every word between them; the asked kind's noun counts only in apposition.
    Halved where the passage never writes the question's verb: "Dortmund went into the
    final" names a finalist beside the final, not who won it. 0 for the one beaten when the
    question asks who won ("the Springboks beat New Zealand"), and for the one a verb of
    beating names unless it asks who lost or whom someone faced ("defeating Vice President
    Kamala Harris" for who is president), or asks about anyone but an
    opponent ("Ovechkin scored twice against the Blackhawks" for his team); when it asks who
    lost, 1 for the one beaten and 0 for the winner ("... lost to the Eagles"); 0 for the one
    doing what a passive question asks who underwent ("Trump awarded Kirk" for "Who was
    awarded"); 0 for one doing the asked verb to something else (``did_another_thing``), and
    for one another did the asked verb to (``done_by_another``) or one doing it, when the
    question asks what its own doer did it to."""
    if start < 0:
        return 1.0
    if predicate.owned:
        if _is_the_owned(text, start, end, predicate.owned):
            return 0.0  # "Blue Ghost lander", asked whose lander: the thing, not its owner
        if thing := _owned_thing(predicate.owned).match(text, end):
            end = thing.end()  # what "Brazil's "I'm Still Here"" did, Brazil's film did
    if not (predicate.words or predicate.kinds):  # "Who was the MVP?": no words, yet the one beaten is no answer
        return 0.0 if not predicate.facing and _FACED.search(text[max(0, start - 40):start]) else 1.0
    if WIN_WORDS & set(predicate.words) and not predicate.beaten and beaten(text, start, end):
        return 0.0
    if not (predicate.beaten or predicate.facing or _LOSS & set(predicate.words)) and defeated(text, start):
        return 0.0  # "Trump won, defeating Vice President Kamala Harris": not who is president either
    if predicate.by and (done_by_another(text, start, predicate) or doer(text, start, end, predicate.done)):
        return 0.0  # "Real Madrid had knocked out Bayern": neither is whom Dortmund knocked out
    if predicate.beaten or _LOSS & set(predicate.words):  # "Which team lost?": the one beaten fills the slot, the winner never
        if beaten(text, start, end):
            return 1.0
        if beats_next(text, end) or _LOST_TO.search(text[max(0, start - 40):start]) \
                or _WON_THING.search(text[max(0, start - 40):start]):
            return 0.0
        if predicate.beaten and not _FACED.search(text[max(0, start - 40):start]):
            return 0.0  # whom they beat is one written as beaten or faced: not "IOC members meeting in Tokyo"
    if not predicate.facing and _FACED.search(text[max(0, start - 40):start]):  # "... against the Chicago Blackhawks"
        return 0.0
    if predicate.passive and predicate.verb and doer(text, start, end, predicate.verb):  # "Trump awarded Kirk ..."
        return 0.0
    if elsewhere(text, predicate):  # "... arrived in Palm Beach County" for who arrived in Washington
        return 0.0
    if _another_of_its_kind(low := text.lower(), predicate):  # "reallocated the floor exercise bronze medal ... to Bărbosu"
        return 0.0
    if did_another_thing(text, end, predicate, start):  # "... won the women's +81kg title" for who won the basketball final
        return 0.0
    if _a_tally_of_wins(text, end, predicate):  # "Nadal, who won the tournament a record 14 times": no one edition's winner
        return 0.0
    if not predicate.verb and _given_another_role(text, end, predicate):  # "Angela Rayner as deputy prime minister"
        return 0.0
    if not predicate.kinds and affiliation(text, end):  # "Chipotle Mexican Grill chief executive Brian Niccol"
        return 0.0
    if predicate.verb and not predicate.passive and doer(text, start, end, predicate.verb):
        return 1.0  # its subject, however far from the verb: "Eagles rout Chiefs 40-22 to win Super Bowl LIX"
    gaps = _gaps(low, start, end, (*predicate.words, *predicate.verb)) + [
        g for g in _kind_gaps(low, start, end, predicate.kinds) if g <= APPOSITION]
    aligned = FLOOR + (1 - FLOOR) * REACH / (REACH + min(gaps)) if gaps else FLOOR
    return aligned * WITHOUT_VERB if predicate.verb and not states_verb(low, predicate.verb) else aligned


def with_claims(passages: list, predicate: Predicate, top: int) -> list:
    """The ``top`` best passages, and after them every further one that writes the asked
    verb with its object ("'Anora' wins best picture", "winning best picture"): a headline
    stating the claim outright is read however few of the question's words it repeats."""
    if not (predicate.verb and predicate.object):
        return passages[:top]
    said = _claim_pattern(predicate.verb, predicate.object)
    return passages[:top] + [p for p in passages[top:] if said.search(p.text)]


@lru_cache(maxsize=256)
def _claim_pattern(verb: tuple[str, ...], taken: tuple[str, ...]) -> re.Pattern:
    """The verb in any of its forms, then (at most two words on: "won the best picture",
    "wins Oscar best picture") its object's words in order."""
    forms = "|".join(map(re.escape, verb))
    words = r"\W+".join(map(re.escape, taken))
    return re.compile(rf"(?<![\w])(?:{forms})\w*\W+(?:[\w'’]+\W+){{0,2}}?{words}\b", re.I)
