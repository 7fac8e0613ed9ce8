"""From candidate mentions to a verdict: independent sources, tier and recency weights,
then the policy's rules in order (official, newest, majority)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from rapidfuzz import fuzz

from orchestrator.policy import Policy
from orchestrator.state import Candidate, Evidence, Support
from orchestrator.verify.candidates import Found
from orchestrator.verify.date_parts import ISO_DAY
from orchestrator.verify.entities import country_of
from orchestrator.verify.numbers import amount_marks
from orchestrator.verify.question import is_cjk

SUPERSEDED_FACTOR = 0.1  # a value no recent page repeats keeps a tenth of its weight
STALE_FACTOR = 0.25  # for closed choices, a page outside the window still hints, weakly
OFFICIAL_CLARITY = 0.5  # an official value settles a disagreement if stated at least half as clearly as the clearest


SHINGLE = 5  # words (characters in scripts written without spaces) per shingle
COPY_CONTAINMENT = 0.6  # share of the shorter text's shingles the other holds: an edited copy


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < 3 * SHINGLE and is_cjk(text):  # Chinese, Japanese: one "word" per clause
        chars = re.sub(r"\W+", "", text.lower())
        return {hash(chars[i:i + SHINGLE]) for i in range(len(chars) - SHINGLE + 1)}
    return {hash(" ".join(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def _is_copy(a: set[int], b: set[int]) -> bool:
    """An edited copy (a new first paragraph, a cut, a line added) still holds most of the
    shorter text's word runs."""
    shorter = min(len(a), len(b))
    return shorter >= 8 and len(a & b) / shorter >= COPY_CONTAINMENT


def independence_groups(evidence: list[Evidence]) -> dict[int, int]:
    """Map each readable source to a group; syndicated copies and near-duplicates share one:
    texts alike character by character, or one holding most of the other's runs of words."""
    group: dict[int, int] = {}
    heads: list[int] = []
    shingles: dict[int, set[int]] = {}
    for index, item in enumerate(evidence):
        if not item.ok:
            continue
        sample = item.text[:3000]
        shingles[index] = _shingles(item.text[:20000])
        for head in heads:
            if fuzz.ratio(sample, evidence[head].text[:3000]) >= 90 or _is_copy(shingles[index], shingles[head]):
                group[index] = head
                break
        else:
            heads.append(index)
            group[index] = index
    return group


def stale_sources(evidence: list[Evidence], now: datetime, window_days: float | None) -> dict[int, str]:
    """Sources that cannot support anything, with why: outside the window or dated in the future."""
    out: dict[int, str] = {}
    for index, item in enumerate(evidence):
        date = item.updated_at or item.published_at
        if not item.ok or date is None:
            continue
        if date > now + timedelta(days=1):
            out[index] = f"dated {date.date()} after the question was asked"
        elif window_days is not None and (now - date).total_seconds() > window_days * 86400:
            out[index] = f"published {date.date()}, outside the {window_days:g}-day freshness window"
    return out


def _recency(item: Evidence, now: datetime, window_days: float | None) -> float:
    """1 inside the window, falling with age beyond it: a week-late page beats a years-old one."""
    date = item.updated_at or item.published_at
    if date is None or not window_days:
        return 1.0
    age_days = max((now - date).total_seconds() / 86400, 0.0)
    return min(1.0, window_days / age_days) if age_days else 1.0


AUTHORITY = {"official": 2, "media": 1}  # tiers by how far a later report of theirs replaces an earlier one


def superseded_values(found: list[Found], evidence: list[Evidence], stale: dict[int, str],
                      groups: dict[int, int] | None = None) -> dict[str, str]:
    """Values whose latest report is more than a day older than the latest report of some
    other value by a source of a tier at least as high: a mid-event table ("11 golds", 2
    August) gives way to the final one, but the official final table does not give way to
    a later press or blog recap that gets it wrong. A value that recent pages still repeat
    is not superseded, however old its first report. Asked what holds now (the sources'
    independence ``groups`` given), a value also gives way to one two independent sources
    of any tier reported later: the official final table's 126 medals to the 125 Reuters
    and ESPN report after a medal was taken back (a page writing both tells of the change),
    never to one blog's 130."""
    latest: dict[str, datetime] = {}
    by_tier: dict[int, dict[str, datetime]] = defaultdict(dict)  # each tier's latest report of each value
    by_group: dict[str, dict[int, datetime]] = defaultdict(dict)  # each independent group's latest report of each value
    pages: dict[str, dict[int, datetime]] = defaultdict(dict)  # the pages reporting each value, with their dates
    for item in found:
        page = evidence[item.passage.source]
        if item.passage.source in stale or page.published_at is None:
            continue
        date, tier = page.published_at, AUTHORITY.get(page.tier, 0)
        latest[item.value] = max(date, latest.get(item.value, date))
        by_tier[tier][item.value] = max(date, by_tier[tier].get(item.value, date))
        pages[item.value][item.passage.source] = date
        if groups and (group := groups.get(item.passage.source)) is not None:
            by_group[item.value][group] = max(date, by_group[item.value].get(group, date))
    if not latest:
        return {}
    highest = {v: max(t for t, values in by_tier.items() if v in values) for v in latest}
    # the day a value's second independent source had reported it
    corroborated = {v: sorted(dates.values())[-2] for v, dates in by_group.items() if len(dates) >= 2}

    def newer(value: str, date: datetime) -> bool:  # another value reported later at its tier or above
        return any(d > date + timedelta(days=1) for t, values in by_tier.items() if t >= highest[value]
                   for w, d in values.items() if w != value) or any(
            d > _last_without(pages[value], pages[w]) + timedelta(days=1) for w, d in corroborated.items() if w != value)

    return {v: d.date().isoformat() for v, d in latest.items() if newer(v, d)}


def _last_without(reports: dict[int, datetime], others: dict[int, datetime]) -> datetime:
    """The latest of a value's ``reports`` on a page not reporting the other value: "had
    finished the Games with 126 medals" beside "now stands at 125" tells of the change, not
    that 126 still holds."""
    return max((d for source, d in reports.items() if source not in others), default=datetime.min.replace(tzinfo=UTC))


@dataclass
class Tally:
    candidates: list[Candidate]
    notes: list[str] = field(default_factory=list)
    stale: dict[int, str] = field(default_factory=dict)  # evidence index -> why it is outside the window


def tally(found: list[Found], evidence: list[Evidence], policy: Policy, now: datetime, window_days: float | None,
          *, keep_stale: bool = False, asks_now: bool = False) -> Tally:
    """Weigh every mention. Stale pages support nothing, except as weak hints among closed
    choices (``keep_stale``), where they are marked "stale" and can never make an answer.
    ``asks_now``: the question asks what holds now (``superseded_values``)."""
    groups = independence_groups(evidence)
    stale = stale_sources(evidence, now, window_days)
    notes = [f"[{i + 1}] {evidence[i].url}: {why}" for i, why in stale.items()]
    superseded = superseded_values(found, evidence, stale, groups if asks_now else None)
    # best support per (value, independent group)
    best: dict[str, dict[int, Support]] = defaultdict(dict)
    displays: dict[str, str] = {}
    choice_of: dict[str, int | None] = {}
    for item in found:
        source = item.passage.source
        if (source in stale and not keep_stale) or source not in groups:
            continue
        ev = evidence[source]
        weight = item.strength * ev.weight
        why: list[str] = [ev.tier]
        if source in stale:
            weight *= STALE_FACTOR * _recency(ev, now, window_days)
            why.append(f"stale ({stale[source]})")
        if item.value in superseded:
            weight *= SUPERSEDED_FACTOR
            why.append(f"superseded (last reported {superseded[item.value]}, newer reports give another value)")
        support = Support(source=source, quote=item.passage.text, weight=round(weight, 4), why=", ".join(why),
                          stale=source in stale, superseded=item.value in superseded, partial=item.partial)
        key = groups[source]
        current = best[item.value].get(key)
        if current is None or support.weight > current.weight:
            best[item.value][key] = support
        # an amount as a source writes it in full: "$5 million" over "5 million"
        if item.value not in displays or amount_marks(item.display) > amount_marks(displays[item.value]):
            displays[item.value] = item.display
        choice_of.setdefault(item.value, item.choice_index)
    candidates = [
        Candidate(value=value, display=displays[value], kind="text", choice_index=choice_of[value],
                  supports=sorted(per_group.values(), key=lambda s: -s.weight),
                  score=round(sum(s.weight for s in per_group.values()), 4))
        for value, per_group in best.items()
    ]
    candidates.sort(key=lambda c: -c.score)
    return Tally(candidates, notes, stale)


def is_current(support: Support) -> bool:
    return not support.superseded and not support.stale


def _has_tier(candidate: Candidate, evidence: list[Evidence], tier: str, weight: float = 0.0) -> bool:
    """Does a current page of ``tier`` state it, weighed above ``weight``? A mention weighed
    at nothing (it did another thing: "appointed Sir Keir Starmer as Prime Minister" for the
    chancellor) does not."""
    return any(evidence[s.source].tier == tier and is_current(s) and s.weight > weight for s in candidate.supports)


def decide_choice(candidates: list[Candidate], evidence: list[Evidence], policy: Policy) -> tuple[str, Candidate | None, str]:
    """Closed choices: the best-supported choice; answered only if a current page states it
    (more than half of its words: "Nintendo" alone is no "Nintendo smartphone") more strongly,
    by the policy's conflict margin, than any current page states another choice. A sentence naming several choices alike
    ("Rite Aid and its rivals Walgreens and CVS") states none of them; another sentence
    must. A page of no tier the policy trusts alone (a blog) needs an independent second."""
    live = [c for c in candidates if c.score > 0]
    if not live:
        return "abstained", None, "no source supports any of the choices"
    winner = live[0]
    if not any(is_current(s) for s in winner.supports):
        return "abstained", winner, "the best-supported choice is backed only by pages outside the freshness window"
    named = Counter((s.source, s.quote, s.weight) for c in live for s in c.supports if is_current(s))

    def stated(candidate: Candidate) -> list[Support]:  # current supports, less the sentences naming choices alike
        return [s for s in candidate.supports if is_current(s) and named[(s.source, s.quote, s.weight)] == 1]

    own = stated(winner)
    if not own:
        return "abstained", winner, "current pages name the best-supported choice only beside other choices, alike"
    if all(s.partial for s in own):
        return "abstained", winner, "current pages state the best-supported choice only in part"
    groups = independence_groups(evidence)
    if not any(evidence[s.source].tier in policy.rules.trusted_alone for s in own) and \
            len({groups.get(s.source, s.source) for s in own}) < 2:
        return "abstained", winner, ("only one source of no trusted tier states the best-supported choice; "
                                     "it needs a second")
    # as for open answers, a runner-up within the policy's conflict margin is no weaker
    near = max(s.weight for s in own) * (1 - policy.rules.conflict_margin)
    level = [c for c in live[1:] if any(s.weight >= near for s in stated(c))]
    if level:
        return "abstained", winner, (f"current pages state {level[0].display!r} as strongly as {winner.display!r}; "
                                     "they do not settle which choice answers")
    return "answered", winner, "the choice the sources support best"


def fullest_name(winner: Candidate, candidates: list[Candidate], place: bool = False) -> Candidate:
    """A person named by surname alone ("Alcaraz") is answered with the fuller name the
    sources also give ("Carlos Alcaraz"), the best-supported one if there are several. A full
    name stays as it is: "Meet Nikki Glaser" opening a headline is no fuller name for her. A
    ``place`` is answered with the city the sources put in it ("Alaska": "Anchorage, Alaska")."""
    if " " in winner.value and not place or country_of(winner.value):
        return winner  # a country is no surname: "France" is never "Stade de France"
    joint = ", " if place else " "
    fuller = [c for c in candidates if c is not winner and c.value.endswith(joint + winner.value)
              and len(c.value.split()) <= len(winner.value.split()) + 2 and any(is_current(s) for s in c.supports)]
    return max(fuller, key=lambda c: c.score) if fuller else winner


def without_parts(candidates: list[Candidate]) -> list[Candidate]:
    """Places without those that only stand as part of a fuller one the same sources give:
    "Boulder" and "Colorado" where every source saying them writes "Boulder, Colorado"."""
    def sources(c: Candidate) -> set[int]:
        return {s.source for s in c.supports}
    fuller = [c for c in candidates if ", " in c.value]
    return [c for c in candidates
            if not any(c is not f and c.value in f.value.split(", ") and sources(c) <= sources(f) for f in fuller)]


def _newest(candidate: Candidate, evidence: list[Evidence]) -> datetime | None:
    dates = [d for s in candidate.supports if (d := evidence[s.source].published_at) is not None]
    return max(dates, default=None)


def decide(candidates: list[Candidate], evidence: list[Evidence], policy: Policy, *,
           read: bool = False, checked: bool = True) -> tuple[str, Candidate | None, str]:
    """(verdict, winner, reason) by the policy's rule order. ``read``: the first candidate
    is the reader's pick among names that passages give side by side; names in one sentence
    are not sources disagreeing, so the pick stands if enough sources state it. ``checked``:
    the value is of a kind the rules check (a name of the asked kind, a count bound to its
    measure); a span only the model proposed is not, and one trusted source never carries
    it alone (the archive's single-source spans were right 5 times in 22)."""
    live = [c for c in candidates if c.score > 0]
    if not live:
        return "abstained", None, "no passage in the sources states a value for this question"
    winner: Candidate | None
    if read:
        verdict, winner, reason = "answered", live[0], "the name the reader found answering the question"
    else:
        verdict, winner, reason = _by_rules(live, evidence, policy)
    if winner is not None and not stands_alone(winner, evidence, policy, checked):
        independent = sum(1 for s in winner.supports if is_current(s))
        alone = f" or one of tier {' or '.join(policy.rules.trusted_alone)}" if checked else \
            " for a span the model proposed"
        if not independent:  # every source stating it is past the freshness window or superseded
            return "abstained", None, (f"no current source states {winner.value!r}: the sources stating it are "
                                       "older than the freshness window or superseded by later reports")
        return "abstained", None, (f"only {independent} independent current source(s) state {winner.value!r}; "
                                   f"the policy needs {policy.rules.min_sources}{alone}")
    return verdict, winner, reason


def stands_alone(winner: Candidate, evidence: list[Evidence], policy: Policy, checked: bool = True) -> bool:
    """Do enough independent current sources state it, or one of a tier the policy trusts alone?"""
    current = [s for s in winner.supports if is_current(s)]
    return len(current) >= policy.rules.min_sources or (checked and any(
        evidence[s.source].tier in policy.rules.trusted_alone for s in current))


def corroborated(candidate: Candidate, evidence: list[Evidence], policy: Policy) -> bool:
    """Do as many independent current sources as the policy asks state it, or an official one?"""
    current = sum(1 for s in candidate.supports if is_current(s))
    return current >= policy.rules.min_sources or _has_tier(candidate, evidence, "official")


def single_source_caution(winner: Candidate, evidence: list[Evidence], policy: Policy) -> str | None:
    """The caution an answer carries when fewer sources than the policy asks state it and
    none is official: it stands on one trusted report, not on a cross-check."""
    if corroborated(winner, evidence, policy):
        return None
    current = [s for s in winner.supports if is_current(s)]
    names = ", ".join(f"{evidence[s.source].publisher} ({evidence[s.source].tier})" for s in current)
    return (f"only {len(current)} independent current source states {winner.value!r}: {names}; "
            f"not cross-checked against a second one")


def _a_value(text: str) -> bool:
    """A number or a day ("45", "2024-08-11"), not a name: names side by side go to the reader."""
    return re.fullmatch(r"-?\d[\d.,]*", text) is not None or ISO_DAY.fullmatch(text) is not None


def _by_rules(live: list[Candidate], evidence: list[Evidence], policy: Policy) -> tuple[str, Candidate | None, str]:
    if len(live) == 1:
        return "answered", live[0], "only value found"
    top, runner = live[0], live[1]
    for rule in policy.rules.order:
        if rule == "official":
            # an official page settles it where it states a value about as clearly as any page
            # states one: "appointed Sir Keir Starmer as Prime Minister" is barely about who
            # is the new chancellor, which "named Rachel Reeves as chancellor" says outright
            clear = max(s.weight for c in live for s in c.supports) * OFFICIAL_CLARITY
            official = [c for c in live if _has_tier(c, evidence, "official", clear)]
            if len(official) == 1:
                return "answered", official[0], "the only value an official source gives"
        elif rule == "newest":
            a, b = _newest(top, evidence), _newest(runner, evidence)
            if a and b and abs((a - b).total_seconds()) >= 86400 and top.score >= runner.score * 0.5:
                winner = top if a > b else runner
                if winner is top:
                    return "answered", top, "newest reporting after the event"
        elif rule == "majority":
            if runner.score < top.score * (1 - policy.rules.conflict_margin):
                return "answered", top, "clear majority of weighted independent sources"
    credible = any(evidence[s.source].tier in ("official", "media") for s in runner.supports)
    if credible and _a_value(top.value) and _a_value(runner.value) and \
            {s.source for s in top.supports} == {s.source for s in runner.supports}:
        # "as many as the 45 at the Tokyo Games ... the 27 golds": one page giving two numbers
        # is no two sources disagreeing; the rules could not tell which it says of the question
        # (names side by side go to the reader: verify/settle.py)
        return "abstained", None, (f"the same source(s) give both {top.value!r} and {runner.value!r}; "
                                   "no rule tells which answers the question")
    if credible:
        return "conflict", None, "credible sources disagree and no rule settles it"
    return "answered", top, "highest weighted support; the other values come only from low-tier sources"
