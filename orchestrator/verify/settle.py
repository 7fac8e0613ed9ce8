"""One verdict from the tallied candidates: the policy's rules, the reader among names side
by side, and the fullest form of a person's name, applied in one place and in this order.
The cross-check node only wires the result into its findings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from orchestrator.state import Candidate, Evidence
from orchestrator.verify.agreement import corroborated, decide, decide_choice, fullest_name, is_current, without_parts
from orchestrator.verify.answer_types import NAME_KINDS
from orchestrator.verify.choices import most_written, most_written_words
from orchestrator.verify.lists import settle_list
from orchestrator.verify.office_holder import office_unsaid
from orchestrator.verify.passages import coverage
from orchestrator.verify.question import asking_sentence, asks_which_not, word_stem
from orchestrator.verify.reader import contenders, read_candidates


@dataclass(frozen=True)
class Verdict:
    status: str  # "answered", "conflict" or "abstained"
    winner: Candidate | None  # with "abstained": the unverified best guess among closed choices, if any
    reason: str
    ordered: tuple[Candidate, ...]  # the candidates as weighed (the reader's pick first)
    read_note: str | None = None  # what the reader did, for the reason and the warnings
    read: bool = False  # the winner is the reader's pick among names side by side


def settle(ctx, question: str, answer_type: str, candidates: list[Candidate], evidence: list[Evidence],
           choices: list[str] | None, terms: list[list[str]] | None = None, glossed: bool = False) -> Verdict:
    """``terms``: the question's, which a reader's pick on one source must have its quote state.
    ``glossed``: ``question`` is the English gloss of one in another language, whose pages
    write an office in that language ("Bundeskanzler", not "chancellor")."""
    policy = ctx.policy
    if asks_which_not(question):  # "which of these did not fly?": the pages state who did
        return Verdict("abstained", _left_out(candidates, choices), "the question asks which one is not; the sources "
                       "state what is, and a value they state never answers it", tuple(candidates))
    if choices:
        # No reader among closed choices: on the evaluation set it changed 5 of 150 picks,
        # 1 for the better and 3 for the worse; support by the passages decides alone.
        status, winner, reason = decide_choice(candidates, evidence, policy)
        if status == "answered" and winner is not None and (kin := kin_unsaid(winner, question)):
            status, reason = "abstained", f"no quote of {winner.display!r} says {kin}"
        if winner is None:  # no passage states one: the choice the pages write most, if one is
            pages = [f"{e.title or ''} {e.text}" for e in evidence if e.ok]
            hint, said = most_written(choices, pages), "the pages read write {!r} most often"
            if hint is None:
                hint = most_written_words(choices, question, pages)
                said = "the pages read write the words of {!r} most often beside the question's"
            if hint is not None:
                winner = Candidate(value=choices[hint], display=choices[hint], kind="text", choice_index=hint)
                reason += "; " + said.format(choices[hint]) + ", an unverified hint"
        return Verdict(status, winner, reason, tuple(candidates))
    if answer_type == "list":  # several values, each standing on its own sources
        status, winner, reason = settle_list(candidates, evidence, policy, question)
        return Verdict(status, winner, reason, tuple(candidates))
    ordered, note, picked = candidates, None, False
    if answer_type == "place":  # "Boulder, Colorado" is one answer, not three
        ordered = candidates = without_parts(candidates)
    status, winner, reason = decide(ordered, evidence, policy, checked=answer_type != "text")
    # One sentence names many things: where the weighed, aligned support leaves several
    # names level, reading tells which answers. Where it settles, the rules stand: the small
    # model reading five names side by side was wrong more often than the support order.
    if answer_type in NAME_KINDS and status == "conflict":
        if "deep_reasoning" in ctx.capabilities:
            ordered, note, picked = read_candidates(ctx, question, candidates)
            if picked:
                status, winner, reason = decide(ordered, evidence, policy, read=True)
                if status == "answered" and winner is not None and _said_in_passing(winner, evidence, policy, terms):
                    status, winner, reason = "abstained", None, (
                        f"the model picked {ordered[0].display!r} from one source whose quote states too little "
                        "of what the question asks; no second source states it")
                elif status == "answered" and winner is not None and (
                        unsaid := _relation_unsaid(winner, question)):
                    status, winner, reason = "abstained", None, (
                        f"the model picked {ordered[0].display!r}, but no quote of it says {unsaid}")
        elif len(contenders(candidates, question)) > 1:
            note = "the model does not read the contenders: deep_reasoning is off on this deployment"
    if status == "answered" and winner is not None and answer_type in NAME_KINDS and (kin := kin_unsaid(winner, question)):
        status, reason = "abstained", f"no quote of {winner.display!r} says {kin}"
        winner = None
    if status == "answered" and winner is not None and answer_type in NAME_KINDS and not glossed and (
            unheld := office_unsaid(winner, question, [evidence[i].text for i in {s.source for s in winner.supports}],
                                    policy.aliases)):
        status, winner, reason = "abstained", None, unheld
    if winner is not None and answer_type in ("person", "place"):
        winner = fullest_name(winner, ordered, place=answer_type == "place")
    if status == "conflict" and answer_type in NAME_KINDS:  # names side by side are not rival claims
        listed = ", ".join(repr(c.display) for c in ordered[:4])
        status, winner, reason = "abstained", None, (f"the sources name several candidates ({listed}) and "
                                                     "no reading settled which one answers")
    return Verdict(status, winner, f"{reason}; {note}" if note else reason,
                   tuple(ordered), note, picked)


def _said_in_passing(winner: Candidate, evidence: list[Evidence], policy, terms: list[list[str]] | None) -> bool:
    """Does a reader's pick stand on one source only, whose quotes match the question less than
    a passage must to be read at all (the policy's ``min_match``)? The reader chose among names
    a sentence about something else gives: on the news archive such picks were right 4 times
    in 12."""
    if not terms or corroborated(winner, evidence, policy):
        return False
    quotes = [s.quote for s in winner.supports if is_current(s)]
    return max((coverage(terms, q) for q in quotes), default=0.0) < policy.rules.min_match


def _relation_unsaid(winner: Candidate, question: str) -> str | None:
    """The relation a "who is X's <noun>" question asks ("father" of "Who is Han Kang's
    father?", "Who is the coach of Real Madrid?"), where no quote of the reader's pick writes
    it: the pick is a name merely beside X ("a year after the Norwegian writer Jon Fosse");
    None where one does, or the question asks no such relation (a verb has synonyms the
    quotes may use instead: "resigns from" for "stood down from")."""
    asked = _RELATION.search(question)
    if asked is None:
        return None
    noun = (asked.group(1) or asked.group(2)).split()[-1].lower()  # the last word of "the prime minister of"
    quotes = " ".join(s.quote for s in winner.supports).lower()
    return None if word_stem(noun) in quotes else repr(noun)


def kin_unsaid(winner: Candidate, question: str) -> str | None:
    """The kinship a question asks ("Which former US president was his grandfather?"), where
    no quote of the answer writes it or its converse ("grandson"): a page on Dick Cheney naming
    George H.W. Bush, a film's plot "marries the son of an oligarch" for a director's wife.
    None where one does, or none is asked."""
    asked = _KIN_ASKED.search(asking_sentence(question))
    if asked is None:
        return None
    word = asked.group("kin").lower()
    said = next(group for group in _KIN_GROUPS if re.fullmatch(group, word))
    return None if any(re.search(rf"\b{said}\b", s.quote, re.I) for s in winner.supports) else repr(word)


# each kinship with its converse: a quote may say "JFK's grandson" for "his grandfather"
_KIN_GROUPS = (
    r"(?:great-)?grand(?:father|mother|parents?|sons?|daughters?|child|children)",
    r"(?:step)?(?:father|mother|parents?|sons?|daughters?|child|children)",
    r"wife|husband|spouse|widow(?:er)?",
    r"brothers?|sisters?|siblings?",
    r"uncle|aunt|nephew|niece",
    r"cousins?",
    r"(?:father|mother|son|daughter|brother|sister)-in-law",
)
_KIN_WORD = "(?:" + "|".join(_KIN_GROUPS[::-1]) + ")"  # the longest forms first
# a kin of someone: "his grandfather", "Han Kang's father", "the wife of"; not "a mother was arrested"
_KIN_ASKED = re.compile(rf"(?:(?:\b(?:his|her|their)\s+|['’]s?\s+)|\b(?={_KIN_WORD}\s+of\b))(?P<kin>{_KIN_WORD})\b", re.I)


# "Who is Han Kang's father?", "Who was the coach of Real Madrid?", "Who is the leader of the Conservative Party?"
_RELATION = re.compile(r"^\s*(?i:who)\s+(?:is|was|are|were)\s+(?:[^?]*?['’]s?\s+([a-z]+)|"
                       r"the\s+((?:[a-z]+\s+){0,2}[a-z]+)\s+of\s+(?:the\s+)?[A-Z])[^?]*\?*\s*$")


def _left_out(candidates: list[Candidate], choices: list[str] | None) -> Candidate | None:
    """For a question that selects by negation: the one choice no current source states,
    where the sources state every other one; a hint, never an answer (its absence proves
    nothing: the pages may simply not mention it)."""
    stated = {c.choice_index for c in candidates if any(is_current(s) for s in c.supports)}
    missing = [i for i in range(len(choices or [])) if i not in stated]
    if not choices or len(missing) != 1:
        return None
    return Candidate(value=choices[missing[0]], display=choices[missing[0]], kind="text", choice_index=missing[0])
