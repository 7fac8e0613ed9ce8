"""Mentions that make no claim about what they name: a place named only as where a report
was filed ("SAINT-DENIS, France, Oct 28 (Reuters)"), inside another name ("the Stade de
France", "the Tour de France") or as the landmark that locates another place ("the
Himalayan country wedged between India and China", "a state bordering Mexico"); a platform
named only as where something was said ("said in a Facebook post", "wrote on X"); the source
a claim is credited to ("... the brightest of the year, according to Star Walk"); the one a
thing was taken from ("reallocated the bronze from Jordan Chiles to Ana Bărbosu"); another
person's affiliation ("Hopfield, 91, of Princeton University", asked about Hinton)."""

from __future__ import annotations

import re

from orchestrator.verify.name_words import organisational

# the capitalised place a report opens with ("SAINT-DENIS"), and the region or country after it ("Utah")
_FILED_AT = r"[A-Z][A-Z\-.'’ ]{2,}"
_REGION = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*"
_DATELINE = re.compile(rf"^\s*{_FILED_AT},\s*$")
_WITHIN_NAME = re.compile(r"\b[A-Z][\w\-]+\s+(?:de|du|des|di|del|da|la|le)\s+$")
_LANDMARK = re.compile(r"\b(?:wedged|sandwiched|nestled|located|lies|lying|situated)\s+between\s+(?:the\s+)?"
                       r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*\s+and\s+(?:the\s+)?)?$"
                       r"|\b(?:bordering|borders|bordered\s+by|neighbou?ring)\s+(?:the\s+)?"
                       r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*(?:,\s+|\s+and\s+)(?:the\s+)?)*$")
_REACH = 200  # characters before a mention that can make it incidental


def incidental(before: str) -> bool:
    """Is the mention that follows ``before`` (the text up to it) one of these?"""
    return bool(_DATELINE.match(before) or _WITHIN_NAME.search(before) or _LANDMARK.search(before[-_REACH:]))


# a simile's measure: "a country as incredible as America", "an area as big as Texas"
_COMPARED = re.compile(r"\bas\s+(?:[a-z][\w\-]*\s+){1,2}as\s+(?:the\s+)?$")


def is_compared(text: str, start: int) -> bool:
    """Is the name at ``start`` only what something is likened to ("a country as incredible as
    America" for where the Pilgrims celebrated the first Thanksgiving)?"""
    return _COMPARED.search(text, max(0, start - 60), start) is not None


# "in a Facebook post", "on his Instagram account", "via a YouTube video"
_IN_A = re.compile(r"\b(?:in|on|via|through)\s+(?:a|an|the|his|her|its|their|one)\s+$", re.I)
# (not "in a White House statement": a statement, a message, an update is its author's)
_POST = re.compile(r"(?:['’]s)?\s+(?:post|posts|video|videos|page|account|livestream|live\s+stream|story|stories|"
                   r"thread|reel)\b", re.I)
# "wrote on X", "posted to Truth Social", "said on Instagram"
_SAID_ON = re.compile(r"\b(?:said|says|saying|wrote|writes|writing|posted|posts|posting|shared|shares|announced|"
                      r"announces|tweeted)\s+(?:on|to)\s+$", re.I)


def is_medium(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` named only as the platform something was said on ("The burger
    chain said in a Facebook post that ...")? It says how the news came out, not who made it."""
    before = text[max(0, start - 40):start]
    return bool(_SAID_ON.search(before) or (_IN_A.search(before) and _POST.match(text, end)))


def is_dateline(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` in the place that opens a report ("LONDON - Prince Harry settled
    ...", "WASHINGTON CITY, Utah – The suspect ...")? It says where the report was filed: no
    person, body or work, and no place anything in the report happened."""
    opening = _DATELINE_OPENING.match(text)
    return opening is not None and start >= opening.start(1) and end <= opening.end()


# the place a report opens with and its region, before what follows: "WASHINGTON CITY, Utah –",
# "SAINT-DENIS, France, Oct 28", "WASHINGTON (AP) —"
_DATELINE_OPENING = re.compile(rf"\s*({_FILED_AT})(?:,\s*{_REGION})?(?=\s*(?:,|\(|[-—–]\s))")


# a whole dateline, to what follows it: "LOS ANGELES, March 2 (Reuters) - "
_DATELINE_WHOLE = re.compile(rf"^\s*{_FILED_AT},[^\n]{{0,60}}?(?:\([^()]{{2,30}}\)\s*)?[-—–]\s+")


def after_dateline(text: str) -> str:
    """``text`` past the dateline it opens with, if any: where the sentence itself begins."""
    return _DATELINE_WHOLE.sub("", text, count=1)


# "HOUSTON, March 7 (Reuters) -", "SAINT-DENIS, France, Aug 5 (AP) —": where and when it was filed
_DATELINE_HEAD = re.compile(rf"\s*{_FILED_AT},(?:\s*{_REGION},)?\s*")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()]{2,30}\)\s*)?[-—–]")


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is the date ``text[start:end]`` the one a report's dateline opens with? It tells when
    the report was filed, not when anything in it happened."""
    return start >= 0 and _DATELINE_HEAD.fullmatch(text, 0, start) is not None and _DATELINE_TAIL.match(text, end) is not None


# "the film directed by Sean Baker", "a team coached by Andy Reid": who made what the sentence is about
# (not "was defeated by Joe Biden, who won 306": a passive verb's doer is the sentence's)
_MADE_BY = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bbe )"
                      r"\b(?:[a-z]{3,}(?:ed|en|wn|ght|ilt|ote)|led|run)\s+by\s+(?:[a-z]+\s+){0,2}$")
_SENTENCE_START = re.compile(r"[.!?;]\s")


def only_as_maker(name: str, text: str, end: int) -> bool:
    """Does the sentence before ``end`` write ``name`` (lower case) only as the one who made
    the thing it is about ("The independent film directed by Sean Baker won five Oscars": the
    film's count, not his)? False where it does not write it at all."""
    begin = max((m.end() for m in _SENTENCE_START.finditer(text, 0, end)), default=0)
    low = text[begin:end].lower()
    starts = [m.start() for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", low)]
    return bool(starts) and all(_MADE_BY.search(low, 0, at) for at in starts)


def only_as_landmark(name: str, text: str) -> bool:
    """Does ``text`` write ``name`` (as whole words, any case) only as a landmark? A closed
    choice may still be stated by a dateline: "OSLO, Norway — ... took off from a Norwegian
    space port" is where the rocket launched."""
    return _only_where(name, text, lambda start, _: _LANDMARK.search(text[max(0, start - _REACH):start]) is not None)


def _only_where(name: str, text: str, holds, not_after: str = r"[^\W_]") -> bool:
    """Does ``text`` write ``name`` (whole words, any case, not right after ``not_after``) and
    ``holds(start, end)`` at every place it does?"""
    spans = [m.span() for m in re.finditer(rf"(?<!{not_after})" + re.escape(name) + r"(?![^\W_])", text, re.I)]
    return bool(spans) and all(holds(start, end) for start, end in spans)


# "Ann Lee's younger brother", "her husband's lawyer": another person, known by whose they are
_OWNING = re.compile(r"(?:['’]s|(?<=s)['’])\s+(?:[a-z]+\s+){0,2}?(?:friends?|wife|husband|partner|son|daughter|"
                     r"brother|sister|mother|father|parents|children|family|teammates?|rival|coach|lawyers?|"
                     r"attorneys?|spokes(?:person|man|woman)|aides?|advisers?|girlfriend|boyfriend|fianc[ée]e?|"
                     r"widow|successor|predecessor|deputy|opponent)\b"
                     # a party or a side a leader owns: "Pierre Poilievre's Conservatives won", "Olaf Scholz's SPD slumped"
                     r"|['’]s\s+(?-i:(?:[A-Z]{2,5}|(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ists|ives|als|ans|ats|ers)))\b(?!['’])")
# "Whose ...?", "Which company's CEO ...?": the owner is what is asked
_ASKS_OWNER = re.compile(r"\bwhose\b|\b(?:which|what)\s+(?:[\w-]+\s+){0,3}?[\w-]+['’]s?\s", re.I)


def is_owner(text: str, end: int, question: str) -> bool:
    """Is the name ending at ``end`` written only to say whose another person is ("The club
    sold Ann Lee's younger brother to Porto", "Lee's lawyer said")? What is said is of that person,
    not of the name, unless the question asks whose."""
    return _OWNING.match(text, end) is not None and not _ASKS_OWNER.search(question)


def only_as_owner(name: str, text: str, question: str) -> bool:
    """Does ``text`` write ``name`` (whole words, any case) only as whose another person is?"""
    return _only_where(name, text, lambda _, end: is_owner(text, end, question), not_after=r"[\w'‘\"“]")


# "the race did not finish in Paris", "has never won in Augusta": a verb denied, a few words
# before the name ("Not since 1980 has ..." denies nothing of what follows)
_DENIED = re.compile(r"(?:\b(?:do|does|did|is|are|was|were|has|have|had|will|would|could|can)\s+not|n['’]t|\bnever)"
                     r"(?:\s+[\w'’-]+){0,4}\s+$", re.I)
_ASKS_DENIED = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)


# a value a correction takes back: "Correction: an earlier version of this table gave Labour's
# seat count as 412", "... incorrectly said 41"
_TAKEN_BACK = re.compile(r"\b(?:an?\s+)?(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|report|table|page|piece)"
                         r"[^.;]*$|\b(?:incorrectly|wrongly|mistakenly|erroneously)\s+(?:said|stated|gave|reported|put|listed)"
                         r"[^.;]*$|\bmisstated\b[^.;]*$", re.I)


def is_taken_back(text: str, start: int) -> bool:
    """Is the value at ``start`` one a correction says was wrong ("an earlier version of this
    table gave Labour's seat count as 412")?"""
    return _TAKEN_BACK.search(text, max(0, start - 160), start) is not None


def is_denied(text: str, start: int, question: str) -> bool:
    """Is the name at ``start`` written after a denied verb ("It was the first time the race
    did not finish in Paris")? It says what did not happen, unless the question asks that."""
    return _DENIED.search(text[max(0, start - 80):start]) is not None and not _ASKS_DENIED.search(question)


def only_denied(name: str, text: str, question: str) -> bool:
    """Does ``text`` write ``name`` (whole words, any case) only after a denied verb?"""
    return _only_where(name, text, lambda start, _: is_denied(text, start, question))


_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# a question about who told ("Which agency warned ...?", "Who reported ...?"): its source may answer
_ASKS_TELLER = re.compile(r"\b(?:said|say|says|told|report(?:s|ed)?|finds?|found|estimat(?:es|ed)|warn(?:s|ed)|"
                          r"predict(?:s|ed)|forecast(?:s|ed)?|announc(?:es|ed)|claim(?:s|ed)|rank(?:s|ed))\b", re.I)


# "..., defender Rebecca Knaak told reporters": who spoke to the press about it
_TOLD_PRESS = re.compile(r"\s+(?:told|tells|telling)\s+(?:reporters|journalists|the\s+press|the\s+media)\b", re.I)


def is_source(text: str, start: int, end: int, question: str) -> bool:
    """Is the name at ``text[start:end]`` only the source a claim is credited to ("November's
    supermoon is the brightest of the year, according to Star Walk", "..., Knaak told
    reporters")? It says who told, not what the claim is about, unless the question asks who
    told."""
    credited = _ACCORDING.search(text[max(0, start - 40):start]) or _TOLD_PRESS.match(text, end)
    return credited is not None and not _ASKS_TELLER.search(question)


# "reallocated the bronze medal from American gymnast Jordan Chiles to ...", "took away Jordan
# Chiles' bronze", "stripped Jordan Chiles of": who lost the thing, not who was given it
_TAKEN_FROM = re.compile(r"\b(?:reallocat|reassign|transferr|taken|took|strip|remov|withdr[ae]w|rescind|revok|"
                         r"reclaim|recover)\w*\b[^.;:]{0,120}\bfrom\s+(?:[a-z]+\s+|[A-Z][a-z]+n\s+){0,3}$")
_TAKEN_AWAY = re.compile(r"\b(?:took|taken|takes|taking)\s+away\s+$|\bstrip(?:ped|s|ping)?\s+$", re.I)
_STRIPPED_OF = re.compile(r"['’]s?\s|\s+of\b")
# a question about the one who lost it: "Who was stripped of ...?", "From whom was it taken?"
_ASKS_LOSER = re.compile(r"\b(?:from|stripped|lost|loses|lose|took\s+away|taken\s+away|forfeit\w*)\b", re.I)


def is_dispossessed(text: str, start: int, end: int, question: str) -> bool:
    """Is the name at ``text[start:end]`` the one a thing was taken from ("... reallocated the
    bronze from American gymnast Jordan Chiles to Romania's Ana Bărbosu", "the decision that
    took away Jordan Chiles' bronze")? It lost what the question asks who was given, unless
    the question asks who lost it."""
    before = text[max(0, start - 160):start]
    taken = _TAKEN_FROM.search(before) or (_TAKEN_AWAY.search(before) and _STRIPPED_OF.match(text, end))
    return taken is not None and not _ASKS_LOSER.search(question)


# a person's name word, with the age a report gives, then "of": what follows is that person's body
_AFFILIATED = re.compile(r"\b([A-Z][\w'’\-]+)(?:,\s*\d{1,3},)?\s+of\s+(?:the\s+)?$")


def is_anothers_affiliation(text: str, start: int, question: str) -> bool:
    """Is the name at ``start`` written as the affiliation of a person the question does not
    name, where it names others ("Hopfield, 91, of Princeton University" asked which university
    Geoffrey Hinton is at)? A body's own "of" ("University of Toronto") is no person's."""
    person = _AFFILIATED.search(text[max(0, start - 60):start])
    if person is None or organisational(person.group(1)):
        return False
    named = set(re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’\-]+", question.strip()))
    return bool(named) and person.group(1) not in named
