"""Editions of an event named by their host: "the Tokyo Olympics", "Paris 2024". A question
about one is not answered by a passage about another: "India ended the Olympic Games Paris
2024 with six medals" tells nothing of India at the Tokyo Olympics, nor does "India's six
medals in Paris" on that page. Only where the passage never names the asked host: "40
golds in Paris, two more than in Tokyo" still speaks of both."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from orchestrator.verify.tally import COMPARING

_HOST = r"([A-Z][a-z]+(?:\s+(?:de\s+)?[A-Z][a-z]+){0,2})"
_NAMED = re.compile(rf"\b{_HOST}\s+(?:(?:18|19|20)\d\d\b(?!\s*[-–/]\s*\d)|(?:Olympics|Olympic Games|Paralympics|Paralympic Games|Games)\b)")
# a city where medals were won names an edition too: "one gold in Tokyo", "the medallist at Rio"
# (not a venue: "gold at the Stade de France")
_MEDALS_AT = re.compile(r"\b(?:golds?|silvers?|bronzes?|medals?|medall?ists?)\s+(?:in|at)\s+"
                        r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?!['’])")
# words that stand before a year or "Olympics" without naming a host
_NOT_HOSTS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
              "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "summer", "winter",
              "youth", "special", "olympic", "olympics", "paralympic", "paralympics", "games", "the", "in", "at", "of",
              "since", "spring", "autumn", "fall", "class", "vision", "agenda", "season", "fiscal", "fy",
              "commonwealth", "asian", "pan", "american", "european", "invictus", "hunger", "world", "x", "war"}

# the last word of an event's own name before its year: "the World Wine Awards 2025", "Euros 2025"
_EVENTS = {"awards", "award", "cup", "championship", "championships", "euros", "euro", "open", "prix", "festival",
           "expo", "summit", "conference", "election", "elections", "tour", "series", "league", "week", "show",
           "marathon", "classic", "masters", "bowl", "trophy", "world", "budget", "act", "report", "plan"}


@lru_cache(maxsize=64)  # a page's hosts are asked of every candidate found on it
def hosts_named(text: str) -> frozenset[str]:
    """The hosts of the editions ``text`` names, lower-cased ("Paris 2024" -> "paris")."""
    hosts = set()
    for m in _NAMED.finditer(text):
        words = m.group(1).split()
        if words[-1].lower() in _EVENTS:  # an event named with its year, not by its host
            continue
        while words and words[-1].lower() in _NOT_HOSTS:  # "Beijing Winter Olympics"
            words.pop()
        # the words after the last that names no host: "The 2024 ...", "Olympics Paris 2024"
        words = words[max((i + 1 for i, w in enumerate(words) if w.lower() in _NOT_HOSTS), default=0):]
        if words:
            hosts.add(" ".join(words).lower())
    return frozenset(hosts)


def _medal_places(text: str) -> set[str]:
    """Cities ``text`` writes medals won in ("one gold in Tokyo"): where a count was won, though
    a passage about one Games may name them in passing ("the gold medallist in Tokyo")."""
    return {m.group(1).lower() for m in _MEDALS_AT.finditer(text)
            if (last := m.group(1).split()[-1].lower()) not in _NOT_HOSTS and last not in _EVENTS}


# an edition named to compare with: "one more than in Athens 2004", "its first since Rio 2016"
_COMPARED = re.compile(r"\b(?:than|since|compared (?:with|to)|up from|down from|after|before|like)\s+(?:(?:in|at)\s+)?"
                       r"(?:the\s+)?(?:(?:18|19|20)\d\d\s+)?$", re.I)


def _written(text: str, hosts: Iterable[str], compared: bool = True) -> Iterator[tuple[int, str]]:
    """(position, host) of each of the ``hosts`` ``text`` writes (where not ``compared``:
    other than to compare)."""
    low = text.lower()
    for host in hosts:
        for m in re.finditer(rf"\b{re.escape(host)}\b", low):
            if compared or not _COMPARED.search(text[max(0, m.start() - 30):m.start()]):
                yield m.start(), host


def _mentions(text: str, hosts: Iterable[str], compared: bool = True) -> bool:
    """Does ``text`` write one of the ``hosts`` (where not ``compared``: other than to compare)?"""
    return next(_written(text, hosts, compared), None) is not None


def count_of_another_edition(passage: str, at: int, page: str, asked: frozenset[str]) -> bool:
    """Is the count written at ``at`` another edition's: the host written nearest to it, other
    than to compare, not an asked one? "finished the Olympic Games Paris 2024 with 18 gold
    medals, ... beating the 17 won at Tokyo 2020" gives Paris's 18; "after winning seven medals
    including one gold in Tokyo" Tokyo's seven. A host a comparison stands between is the
    compared count's ("The 20 golds were second only to the 27 Japan won at the Tokyo
    Games"); a count bound to no host is of the edition its page writes most often."""
    asked = _with_last_words(asked)
    if not asked or at < 0:
        return False
    hosts = asked | hosts_named(passage) | hosts_named(page) | _medal_places(page)
    near = [(abs(start - at), host) for start, host in _written(passage, hosts, compared=False)
            if not _COMPARING.search(passage[min(start, at):max(start, at)])]
    if near:
        return min(near)[1] not in asked
    edition = _main_edition(page, hosts)
    return edition is not None and edition not in asked


# a comparison standing between a count and a host: "second only to the 27 won at the Tokyo Games"
_COMPARING = re.compile(rf"\b(?:{COMPARING})\b", re.I)


def _main_edition(page: str, hosts: frozenset[str]) -> str | None:
    """The host ``page`` writes most often other than to compare, if one leads."""
    counts = Counter(host for _, host in _written(page, hosts, compared=False)).most_common(2)
    return counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]) else None


# a description set off after a name: "Neeraj Chopra, the javelin gold medallist in Tokyo, took silver"
_APPOSITIVE = re.compile(r"\s*,\s*(?:the|a|an)\s+[^,.;:!?]{1,80}")


def described_of_another_edition(passage: str, end: int, asked: frozenset[str]) -> bool:
    """Does the description set off after the name ending at ``end`` place it at another
    edition than the asked ones ("Neeraj Chopra, the javelin gold medallist in Tokyo, took
    silver" for who won gold in Paris)? What the passage tells of it beyond is of any edition."""
    asked = _with_last_words(asked)
    described = _APPOSITIVE.match(passage, end) if asked and end >= 0 else None
    if described is None:
        return False
    hosts = hosts_named(described.group(0)) | _medal_places(described.group(0))
    return bool(hosts) and not hosts & asked


def _with_last_words(hosts: frozenset[str]) -> frozenset[str]:
    """Each host with its last words: "China Paris 2024" may name Paris after its subject."""
    return frozenset(" ".join(host.split()[i:]) for host in hosts for i in range(len(host.split())))


def of_another_edition(passage: str, page: str, asked: frozenset[str]) -> bool:
    """Does ``passage`` speak of an edition other than the ``asked`` hosts' (named in it, or
    by a host its ``page`` names an edition by), other than to compare, and never name an
    asked host?"""
    asked = _with_last_words(asked)
    if not asked or _mentions(passage, asked):
        return False
    others = (hosts_named(passage) | hosts_named(page)) - asked
    return _mentions(passage, others, compared=False)


# the Games' own kind: a question about the Winter Olympics is not answered by the Summer Games
_SEASON = re.compile(r"\b(Summer|Winter|Youth)\s+(?:Olympics?|Olympic\s+Games|Games|Paralympics?|Paralympic\s+Games)\b", re.I)


def asked_season(question: str) -> str | None:
    """The kind of Games a question names ("the 2028 Winter Olympics": winter), if any."""
    match = _SEASON.search(question)
    return match.group(1).lower() if match else None


def of_another_season(text: str, season: str | None) -> bool:
    """Does ``text`` name Games of another kind only ("The next Summer Olympics will be held in
    Los Angeles", asked of the Winter Olympics)? Of all the pages read together: where they
    name only the Summer Games, those naming no kind tell of them too."""
    if season is None:
        return False
    named = {m.group(1).lower() for m in _SEASON.finditer(text)}
    return bool(named) and season not in named
