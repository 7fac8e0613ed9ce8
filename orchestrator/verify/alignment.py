"""Which of the names in a sentence fills the question's slot? "Which world leader arrived in
Washington?" against "Modi arrived in Washington on Wednesday and met President Trump":
both are names in a matching sentence, but only Modi stands next to what the question
says happened. A candidate's support is scaled by how close it stands to the question's
predicate words (the words that say what happened, not the things the question names)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from orchestrator.lexicon import SUPPORTED
from orchestrator.lexicon import lexicon as language
from orchestrator.verify.doers import doer, done_by_another, in_anothers_apposition, states_verb
from orchestrator.verify.name_words import lexicon
from orchestrator.verify.other_things import (
    WIN_WORDS,
    a_tally_of_wins,
    another_of_its_kind,
    did_another_thing,
    given_another_role,
)
from orchestrator.verify.predicate import AUXILIARIES, BEAT_VERBS, VERB, Predicate
from orchestrator.verify.question import CJK, contains_any, is_cjk, word_stem

FLOOR = 0.35  # a name in a passage that repeats none of the predicate still counts, a little
WITHOUT_VERB = 0.5  # a passage that never writes the question's verb says less of what it asks
REACH = 4.0  # words: a predicate word this far away halves the support above the floor
_WORD = re.compile(rf"[{CJK}]|\w+")


APPOSITION = 2  # words: "the Blue Ghost lander", "the city of Brisbane" name the asked kind


_OPPOSING = rf"{BEAT_VERBS}|against"
_BEATING = rf"\b(?:{_OPPOSING}|over)\s+"
_BEATEN = re.compile(_BEATING + r"(?:the\s+)?$", re.I)
# or later in the list the verb opens: "beating industry veterans Ariana Grande, newcomer Roan and ..."
_BEATEN_LIST = re.compile(_BEATING + r"[^.;:!?()\"“”—–]{0,80}$", re.I)
_LIST_WORDS = 12  # words a list of the beaten can run before the name
_PURPOSE = re.compile(r"\bto\s+[a-z]+\b")  # "beat Dortmund to win 15th European Cup": no list goes on past "to win"
_LOSS = {"lost", "lose", "loses", "losing", "loser", "losers", "runner-up", "runners-up"}
# the winner, seen from a question about who lost: "the Eagles beat ...", "... lost to the Eagles"
_BEATS_NEXT = re.compile(rf"^\s+(?:{BEAT_VERBS}|won|wins)\b", re.I)


def beats_next(text: str, end: int) -> bool:
    """Does the name ending at ``end`` win next: "the Eagles beat ...", "Real Madrid won"?"""
    return _BEATS_NEXT.match(text[end:]) is not None
# what was won, not whom: "won the Champions League final" for which club they beat
_WON_THING = re.compile(r"\b(?:won|wins|win|winning|clinched|claimed|lifted)\s+(?:the\s+|their\s+|its\s+)?$", re.I)
# the winner, after the loser's verb: "lost to the Eagles", "had lost their only previous final, against Bayern"
_LOST_TO = re.compile(r"\b(?:lost|loses|losing|fell|falls|succumbed)(?:\s+[\w'’\-]+,?){0,5}?\s+(?:to|against)\s+(?:the\s+)?$|"
                      r"\b(?:beaten|defeated|edged|routed|thrashed)\s+by\s+(?:the\s+)?$|"
                      r"\b(?:defeats?|loss|losses)\s+(?:to|by|against)\s+(?:the\s+)?$", re.I)  # "the 2-1 defeat by Spain"


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


# the one faced, named right after the word that says so (not "over 100 of Texas' cases")
_ONLY_FACED = re.compile(r"\bagainst\s+(?:the\s+)?$", re.I)
_FACED = re.compile(rf"\b(?:{_OPPOSING}|versus|vs\.?)\s+(?:the\s+)?$", re.I)


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
_DEFEATED = re.compile(rf"\b(?:{BEAT_VERBS})\s+((?:[\w.\-]+\s+){{0,4}})$", re.I)
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


# "ahead of the Socialist Party's 58", "ahead of Australia with 18": the one left behind in a
# ranking; not "ahead of Trump's visit" (a time)
_AHEAD_OF = re.compile(r"\bahead\s+of\s+(?:the\s+)?$", re.I)
_BEHIND_BY = re.compile(r"(?:['’]s?\s+\d|\s+(?:with|on)\s+\d|\s*[,.;)]|\s*$)")


def left_behind(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` the one another finished ahead of, with its own score or
    at a clause's end?"""
    return _AHEAD_OF.search(text[max(0, start - 20):start]) is not None and _BEHIND_BY.match(text, end) is not None


# a body's name before a title and a person's: "Chipotle Mexican Grill chief executive Brian Niccol"
_TITLED_NAME = re.compile(r"(?:['’]s)?\s+((?:(?:[a-z][\w\-]*|[A-Z]{2,4})\s+){1,3})[A-Z]")  # "... CEO Brian Niccol"


def affiliation(text: str, end: int) -> bool:
    """Is the name ending at ``end`` written as a person's employer or team, right before
    the person's title and name ("Chipotle Mexican Grill chief executive Brian Niccol",
    "Manchester City midfielder Rodri")? Asked who did something, the person did it."""
    titled = _TITLED_NAME.match(text, end)
    return titled is not None and titled.group(1).split()[-1].lower() in lexicon()["person_titles"]


_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.I)


def beaten(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the one beaten ("the Springboks beat New Zealand"), or one in the
    list of those beaten ("beating Ariana Grande, newcomer Roan and Chappell Roan")? Not the
    subject of a new clause ("beat Alcaraz, and Sinner won the final")."""
    if _BEATEN.search(text[max(0, start - 40):start]):
        return True
    listed = _BEATEN_LIST.search(text[max(0, start - 100):start])
    if not listed or len(_WORD.findall(listed.group(0))) > _LIST_WORDS or _PURPOSE.search(listed.group(0)):
        return False
    if _VENUE.search(text, max(0, start - 12), start):
        return False  # "beating Brazil 1-0 in Rio de Janeiro": where, not whom
    following = _WORD.match(text[end:].lstrip(" ,"))
    return following is None or not (VERB.search(following.group(0)) or following.group(0).lower() in AUXILIARIES)


def beaten_right_after(text: str, start: int) -> bool:
    """Does a verb of beating come right before ``start`` ("the Springboks beat New
    Zealand")? Not a list going on after it ("beating the Chiefs 40-22 at the Caesars
    Superdome in New Orleans" tells where), nor "over" ("soul-searching over New Orleans'
    troubled history")."""
    return _VERB_BEATEN.search(text[max(0, start - 40):start]) is not None


_VERB_BEATEN = re.compile(rf"\b(?:{_OPPOSING})\s+(?:the\s+)?$", re.I)


# "India ... did not win a gold medal": the clause denies its subject the win
_DENIED_WIN = re.compile(r"[^.;!?]{0,160}?\b(?:did\s+not|didn['’]t|failed\s+to|never|could\s+not|couldn['’]t)\s+"
                         r"(?:\w+\s+)?win\b", re.I)
_ANOTHER_CLAUSE = re.compile(r"\b(?:won|wins|beat|beating|but|while|whereas|who|which)\b", re.I)


def denies_the_win(text: str, end: int) -> bool:
    """Does the clause the name ending at ``end`` opens deny it the win ("India ended the Games
    with six medals and did not win a gold medal"), with no other winner or clause between?
    In another language, a denial within its next words: "Fernanda Torres não ganhou o
    Óscar", "Torres gewann den Oscar nicht"."""
    denied = _DENIED_WIN.match(text, end)
    return (denied is not None and not _ANOTHER_CLAUSE.search(text, end, denied.end() - 3)) \
        or _denials().match(text, end) is not None


@cache
def _denials() -> re.Pattern:
    """A denial word of any supported language right after a name (a verb after it), or one
    its language writes after the verb within the three words after it, in its clause."""
    def said(after_verb: bool) -> str:
        words = sorted({w for code in SUPPORTED if (lex := language(code)).denials_after_verb is after_verb
                        for w in lex.denials}, key=len, reverse=True)
        return "|".join(re.escape(w) + ("" if w[-1] in "'’" else r"(?!\w)(?!\.\s*\d)") for w in words)  # not "no. 1"
    return re.compile(rf"\s+(?:{said(False)})|(?:\s+[^\s,;:.!?]+){{1,3}}?\s+(?:{said(True)})", re.I)


def asks_loss(predicate: Predicate) -> bool:
    """Does the question ask who lost or was beaten ("Who lost the final?")?"""
    return predicate.beaten or bool(_LOSS & set(predicate.words))


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
    if not (predicate.beaten or predicate.facing or _LOSS & set(predicate.words)) and (
            defeated(text, start) or left_behind(text, start, end)):
        return 0.0  # "Trump won, defeating Vice President Kamala Harris": not who is president either
    if predicate.by and (not contains_any(text.lower(), predicate.by)
                         or done_by_another(text, start, predicate) or doer(text, start, end, predicate.done)):
        return 0.0  # "Real Madrid had knocked out Bayern": neither is whom Dortmund knocked out; nor is
        # anyone in a passage that never names Dortmund ("Sinner won, beating Carlos Alcaraz" for Anisimova's)
    if predicate.beaten or _LOSS & set(predicate.words):  # "Which team lost?": the one beaten fills the slot, the winner never
        lost_to = _LOST_TO.search(text[max(0, start - 60):start])
        if predicate.beaten and lost_to:  # whom PSG beat: not the winner they faced ("lost ..., against Bayern")
            return 0.0
        if beaten(text, start, end) and (predicate.by or not _ONLY_FACED.search(text, max(0, start - 20), start)):
            return 1.0  # who lost is not one merely faced ("England aim to end 58 years of hurt against
            # Spain"); whom PSG lost to is ("lost their only previous final, against Bayern Munich")
        if beats_next(text, end) or lost_to or _WON_THING.search(text[max(0, start - 40):start]):
            return 0.0
        if predicate.beaten and not _FACED.search(text[max(0, start - 40):start]):
            return 0.0  # whom they beat is one written as beaten or faced: not "IOC members meeting in Tokyo"
    if not predicate.facing and _FACED.search(text[max(0, start - 40):start]):  # "... against the Chicago Blackhawks"
        return 0.0
    if predicate.passive and predicate.verb and doer(text, start, end, predicate.verb):  # "Trump awarded Kirk ..."
        return 0.0
    if elsewhere(text, predicate):  # "... arrived in Palm Beach County" for who arrived in Washington
        return 0.0
    if another_of_its_kind(low := text.lower(), predicate):  # "reallocated the floor exercise bronze medal ... to Bărbosu"
        return 0.0
    if did_another_thing(text, end, predicate, start):  # "... won the women's +81kg title" for who won the basketball final
        return 0.0
    if a_tally_of_wins(text, end, predicate):  # "Nadal, who won the tournament a record 14 times": no one edition's winner
        return 0.0
    if not predicate.verb and given_another_role(text, end, predicate):  # "Angela Rayner as deputy prime minister"
        return 0.0
    if not predicate.kinds and affiliation(text, end):  # "Chipotle Mexican Grill chief executive Brian Niccol"
        return 0.0
    if predicate.verb and not predicate.passive and in_anothers_apposition(text, start, end, predicate.verb):
        return 0.0  # "Stephen Miran, ... nominated by President Donald Trump, dissented"
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
