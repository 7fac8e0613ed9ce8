"""Find candidate values in the passages that match the question, weigh their independent
sources by tier and recency, and settle on a verdict by the policy's rules."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta

from langgraph.runtime import Runtime

from orchestrator.context import RunContext
from orchestrator.net.guard import ALLOW_ENV, BLOCKED
from orchestrator.state import Candidate, Evidence, Findings, GraphState
from orchestrator.verify import candidates as cand
from orchestrator.verify.agreement import corroborated, is_current, single_source_caution, stale_sources, tally
from orchestrator.verify.alignment import with_claims
from orchestrator.verify.answer_types import NAME_KINDS, PLACE_KINDS, kind_candidates, outlet_keys, span_fits
from orchestrator.verify.asked_unit import asked_unit
from orchestrator.verify.categories import (
    another_category,
    asked_category,
    names_the_asked_ceremony_category,
    of_another_category,
)
from orchestrator.verify.choices import against_predicate, choice_candidates
from orchestrator.verify.contests import of_another_contest
from orchestrator.verify.count_owner import another_s, counted_subject, names_subject
from orchestrator.verify.date_parts import names_another_day, names_the_day, writes_day
from orchestrator.verify.dates_found import (
    as_date,
    asks_ahead,
    asks_time_of_day,
    asks_year,
    date_candidates,
    said_of_the_date,
    year_candidates,
)
from orchestrator.verify.divisions import asked_division, states_division
from orchestrator.verify.doers import states_deed, verb_pattern
from orchestrator.verify.editions import (
    asked_season,
    count_of_another_edition,
    described_of_another_edition,
    hosts_named,
    of_another_edition,
    of_another_season,
)
from orchestrator.verify.entities import belongs_elsewhere, countries_in, is_place
from orchestrator.verify.event_days import asked_counted_day, counted_days
from orchestrator.verify.event_time import (
    across_the_event,
    asked_as_of,
    asked_event_day,
    asked_relative_day,
    asked_years,
    clause_at,
    event_relation,
    in_its_scene,
    off_frame,
    question_frame,
    set_the_record,
    year_owned_elsewhere,
)
from orchestrator.verify.fiscal_years import asked_fiscal_year, of_another_fiscal_year
from orchestrator.verify.foreseen import foreseen_doer, only_foreseen
from orchestrator.verify.gloss import categories_in_english, compares_unread, unread_names, unread_words
from orchestrator.verify.language_terms import for_language
from orchestrator.verify.lone_report import unread_lone_report
from orchestrator.verify.measured_events import of_another_measured_event
from orchestrator.verify.measures import counts_another_noun, counts_for_no_one, question_measure
from orchestrator.verify.narrowing import narrowing_words, states_narrowing
from orchestrator.verify.never import never_candidates
from orchestrator.verify.numbered_editions import asked_editions, of_another_numbered_edition, only_other_editions
from orchestrator.verify.numbers import find_numbers, same_number
from orchestrator.verify.page_languages import other_languages, page_languages, read_in
from orchestrator.verify.passages import Passage, coverage, rank_passages, split_passages
from orchestrator.verify.place_holders import asked_place, asks_relative_place, place_holders, placed_places
from orchestrator.verify.predicate import predicate_of
from orchestrator.verify.qualified_office import asked_qualifier, named_so, states_qualifier
from orchestrator.verify.question import (
    OFFICES,
    asking_sentence,
    asks_current,
    asks_derived,
    asks_future_tally,
    contains,
    contains_any,
    inflected,
    keywords,
    named_terms,
    quoted_terms,
    quoted_titles,
    us_spelled,
    writes_title,
)
from orchestrator.verify.reader import propose_span
from orchestrator.verify.respectively import bound_to_another_item
from orchestrator.verify.role_owner import role_owners, side_role, tells_of_the_role
from orchestrator.verify.running_totals import reached_so_far
from orchestrator.verify.said_places import place_words
from orchestrator.verify.scores import SCORING, score_at
from orchestrator.verify.settle import Verdict, settle
from orchestrator.verify.shaped import SHAPE_TYPES, shaped_candidates
from orchestrator.verify.shapes import TIMES
from orchestrator.verify.stages import asked_stage, of_another_stage
from orchestrator.verify.stated_figures import asked_figures, states_figures
from orchestrator.verify.superlatives import (
    asks_the_bottom,
    asks_the_most,
    stating_the_asked_rank,
    stating_the_top,
    superlative_candidates,
    superlative_choices,
)
from orchestrator.verify.tables import row_counts, row_ranks

MAX_PASSAGES = 40
EVENT_REPORTED = timedelta(days=2)  # a day's events are reported by the day after next
_ASKING_A_NAME = {"name", "names", "named", "called"}  # how a question asks for a name, not what about
SUBJECT_COVERAGE = 0.5  # share of the question's other words a number's passage (with its title) must hold


def relevant_passages(state: GraphState, min_match: float, predicates: Sequence[Sequence[str]] = ()) -> list[Passage]:
    """The passages that best match the question's terms, each term in any of its forms
    ("'Anora' wins best picture" for "Which movie won best picture?")."""
    evidence = state["evidence"]
    passages = [p for i, e in enumerate(evidence) if e.ok for p in split_passages(e.text, i)]
    titles = {i: e.title or "" for i, e in enumerate(evidence)}
    ranked = rank_passages(inflected(state["intent"].terms, predicates), passages, titles)
    floor = min_match * (0.5 if state.get("choices") else 1.0)
    # a work the question quotes (“Oh, Mary!”) is what a passage must be about, in it or its page's title:
    # "the show's original Broadway star, Glenn Close" on a page of another show answers nothing of it;
    # nor does a passage about another race ("the women's 100m final" for who won the 200m)
    quoted = quoted_titles(state["question"])
    asked = _asked_after_the_scene(state, predicates)
    kept = []
    for p in ranked:
        with_title = p.text + "\n" + titles[p.source]
        if p.score >= floor and all(writes_title(with_title.lower(), t) for t in quoted) \
                and (not asked or coverage(asked, with_title) > 0) \
                and not of_another_measured_event(state["question"], p.text):
            kept.append(p)
            if len(kept) == MAX_PASSAGES:
                break
    return kept


def _asked_after_the_scene(state: GraphState, predicates: Sequence[Sequence[str]]) -> list[list[str]]:
    """Where pages of any age may answer (no freshness window) and a sentence sets the scene,
    the terms of the sentence that asks, but for the kind it asks for: a passage must share
    one. "Labor Day weekend is a great time to hit the beach. Which state is known as the
    Ocean State?" is not answered by "hurricanes ... on the Labor Day weekend, seven in
    Florida" from 2019. Inside a window the week's pages are about the week's news, and the
    scene's words alone often find the one that answers ("Alex Ovechkin scored 895 goals.
    Which team does he play for?")."""
    asking = asking_sentence(state["question"]).lower()
    plan = state.get("plan")
    if asking == state["question"].lower() or plan is None or plan.freshness_days is not None:
        return []
    kinds = set(predicate_of(asking, state["intent"].names, predicates).kinds) | _ASKING_A_NAME  # "What is its name?"
    return [g for g in state["intent"].terms if any(contains(asking, w) for w in g) and not set(g) & kinds]


def on_subject(state: GraphState, passages: list[Passage], asking_words: Sequence[str] = (),
               measure_words: Sequence[str] = (), predicates: Sequence[Sequence[str]] = ()) -> list[Passage]:
    """Passages about the question's subject, not a neighbour's. A passage must itself name
    at least one thing the question names, and its page all of them ("Japan won 20 golds" is
    no answer about the United States, even on a page headed "U.S. tops the table"); with
    its title it must hold at least half of the question's other words (years aside: they
    are the time window, checked on dates). ``asking_words`` say how the question asks
    ("rank", "排名第几", "how many times"), not what about: a passage need not repeat them.
    ``measure_words`` (the asked measure's) count where a passage has them and are not missed
    where it words the measure otherwise ("53 medals overall" for "in total"): the number's
    binding checks the measure. A word matches in any of its forms (``predicates``: "won")."""
    intent, evidence = state["intent"], state["evidence"]
    asked = asking_sentence(state["question"]).lower()
    asking = [w.lower() for w in asking_words]
    measure = [w.lower() for w in measure_words]
    others = inflected([g for g in intent.terms if g not in intent.names and not g[0].isdigit()
                        and any(contains(asked, word) for word in g)
                        and not any(word in a or a in word for word in g for a in asking)],
                       predicates)
    optional = [g for g in others if any(word in measure for word in g)]
    # A passage is part of its page's text, so "does the page name everything" is per page.
    names_all = {i: names_everything(evidence[i], intent.names) for i in {p.source for p in passages}}
    kept = []
    for p in passages:
        page = evidence[p.source]
        if intent.names and (not names_all[p.source] or coverage(intent.names, p.text) == 0):
            continue
        with_title = p.text + "\n" + (page.title or "")
        wanted = [g for g in others if g not in optional or coverage([g], with_title)]
        if others and (not wanted or coverage(wanted, with_title) < SUBJECT_COVERAGE):
            continue
        kept.append(p)
    return kept


def count_words(question: str, policy) -> tuple[list[str], list[str]]:
    """How a count question asks ("how many times": asking words) and the asked measure's
    words (the number's binding checks them)."""
    measure = question_measure(question, policy.measures)
    times = TIMES.search(question)
    return keywords(times.group(0)) if times else [], list(policy.measures[measure]) if measure else []


def find_candidates(state: GraphState, ctx: RunContext, passages: list[Passage]) -> list[cand.Found]:
    intent, choices = state["intent"], state.get("choices")
    category = asked_category(asking_sentence(state["question"]))  # the Nobel in Physics: not Literature's
    # as each page's language writes it: "o Oscar de melhor filme internacional" too
    languages = page_languages(state["evidence"], ctx.settings.data_dir) if category else {}
    if category:
        passages = [p for p in passages
                    if not another_category(english := categories_in_english(p.text, languages.get(p.source, "en")), category)
                    and names_the_asked_ceremony_category(english, category)]
    if choices:
        pages = {i: e.text for i, e in enumerate(state["evidence"]) if e.ok}
        if intent.answer_type == "country" and (place := asked_place(state["question"], ranked=True)):
            # "Which country finished first?": the country placed there, not any country named
            return superlative_choices(place_holders(passages, _matched_pages(state, passages), place,
                                                     ctx.policy.rank_words, ctx.policy.aliases, intent.language),
                                       choices, ctx.policy.aliases)
        if intent.answer_type == "country" and (best := superlative_candidates(passages, pages, state["question"],
                                                                                ctx.policy, intent.language)):
            return superlative_choices(best, choices, ctx.policy.aliases)  # the leader, not any country named
        # "raises the most turkeys": said so, not any passage naming a state (an ordinal, "the
        # first goal", is left to the choices' own reading: it tells of an event, not a rank)
        if intent.answer_type in (*NAME_KINDS, "text"):  # "the world's top infectious killer" too
            passages = stating_the_top(state["question"], passages, ctx.policy.aliases)
        if intent.answer_type in NAME_KINDS:
            # as an open name is read: in a passage stating the question's qualifier and its
            # figures ("invest $500 billion": not one on Nvidia's earnings and tariffs)
            qualifier = asked_qualifier(asking_sentence(state["question"]))
            figures = asked_figures(asking_sentence(state["question"]))
            passages = [p for p in passages if states_qualifier(p.text, qualifier) and states_figures(p.text, figures)]
        found = choice_candidates(passages, choices, state["question"], ctx.policy.measures, pages)
        if intent.answer_type in ("number", "date"):
            found = counted_choices(found, state["question"], ctx.policy)
        if intent.answer_type == "date":  # a date choice is a date the passage gives for what was asked
            told = {(id(f.passage), f.value) for f in dates_asked(state, ctx, passages)}
            found = [f for f in found if (day := as_date(f.value)) is None or (id(f.passage), day.isoformat()) in told]
        if intent.answer_type in NAME_KINDS:
            predicate = predicate_of(asking_sentence(state["question"]), intent.names, ctx.policy.shapes.predicates)
            # a name the question itself gives is its subject ("taken from Jordan Chiles"), as in an open reading
            asked = state["question"].casefold()
            found = [f for f in found if named_so(f, qualifier) and not against_predicate(f, predicate)
                     and not re.search(rf"(?<!\w){re.escape(f.value.casefold())}(?!\w)", asked)]
        return found
    if intent.answer_type in SHAPE_TYPES:  # yes/no, A or B, lists (verify/shapes.py, lists.py)
        return shaped_candidates(intent, state["question"], state["evidence"], passages, on_subject(state, passages),
                                 ctx.policy)
    if intent.answer_type == "number":
        asking, measure = count_words(state["question"], ctx.policy)
        subject = on_subject(state, passages, asking, measure, ctx.policy.shapes.predicates)
        if (fiscal := asked_fiscal_year(state["question"])) is not None:  # not the fiscal 2025 results
            subject = [p for p in subject if not of_another_fiscal_year(p.text, fiscal)]
        tally = bool(asking or measure)  # times, medals, seats, votes: "in swimming" narrows them
        part = narrowing_words(state["question"], measure) if tally else ()
        numbers = cand.number_candidates(subject, state["question"], intent.words, ctx.policy.measures,
                                         ctx.policy.aliases, tally=tally, part=part)
        unit = asked_unit(state["question"])
        if not part and not unit:  # a table's row counts all of it, in no unit asked
            numbers += row_counts(_matched_pages(state, passages), state["question"], ctx.policy.measures,
                                  ctx.policy.aliases)
        if intent.owner:  # "¿Cuántos escaños obtuvo el PSOE?": a passage naming the PSOE, not the PP's 137 in it
            numbers = [f for f in numbers if names_subject(f.passage.text, intent.owner) and not (
                f.at >= 0 and another_s(f.passage.text, f.at, f.at + len(f.display), intent.owner))]
        if tally and not unit:  # counted whole: "a throw of 92.97m won gold" is a distance; "what
            # percentage of the vote" asks a share of the votes ("20.8% of the vote"), no count
            numbers = [f for f in numbers if float(f.value).is_integer()]
        return numbers + never_candidates(subject, state["question"], ctx.policy)
    if intent.answer_type == "rank":
        if not ranked_by_table(state["question"], ctx.policy):
            return []  # "rank by bronze medals": the table's places are by golds, never by bronzes
        rank_words, part = ctx.policy.rank_words, narrowing_words(state["question"])
        asking = [*rank_words, *place_words(intent.language), "第几"]  # "termine", "Platz": how a place is said
        ranks = cand.rank_candidates(on_subject(state, passages, asking), state["question"], rank_words,
                                     ctx.policy.aliases, intent.language) + \
            row_ranks(_matched_pages(state, passages), state["question"], rank_words, ctx.policy.aliases, intent.language)
        return [f for f in ranks if states_narrowing(f.passage.text, part, f.display)]
    if intent.answer_type == "date":
        return dates_asked(state, ctx, passages[:12])
    # a name or a phrase answers only from a page that names something the question names:
    # "Donald Trump won the 2024 election" is no answer to who won the Nobel in Literature
    # (one name is enough: a report of the UK election need not write "UK")
    about = {p.source for p in passages}  # each page judged once, not once per passage
    quoted = quoted_terms(state["question"])  # 'the "largest jewellery heist in US history"': every word of it
    about = {i for i in about if names_any(state["evidence"][i], intent.names)
             and names_everything(state["evidence"][i], quoted)}
    passages = [p for p in passages if p.source in about]
    if intent.answer_type in NAME_KINDS:
        # whole pages: "which country won the most golds" reads tables; "CEO Philipp Navratil"
        # may be written anywhere on the page that shows what kind of name it is
        texts = {i: e.text for i, e in enumerate(state["evidence"]) if e.ok}
        figures = asked_figures(asking_sentence(state["question"]))  # "struck by 32 tornadoes"
        qualifier = asked_qualifier(asking_sentence(state["question"]))  # "interim CEO": not the permanent one
        division = asked_division(state["question"])  # "the women's final": the passage or its page's title says so
        passages = [p for p in passages if states_figures(p.text, figures) and states_qualifier(p.text, qualifier)
                    and states_division(p.text + "\n" + (state["evidence"][p.source].title or ""), division)]
        predicate = predicate_of(asking_sentence(state["question"]), intent.names, ctx.policy.shapes.predicates)
        if intent.answer_type == "person" and (role := side_role(predicate)):
            # "the Pacers coach": a passage naming no Pacers may tell of the other side's
            sides = [g for g in role_owners(state["question"], intent.names, role)
                     if not countries_in(g[0], ctx.policy.aliases)]  # a country's side goes by other names too
            passages = [p for p in passages if tells_of_the_role(p.text, sides, role)] if sides else passages
        if intent.answer_type == "country" and (place := asked_place(state["question"], ranked=True)):  # "finished fourth"
            return place_holders(passages, _matched_pages(state, passages), place, ctx.policy.rank_words,
                                 ctx.policy.aliases, intent.language)
        best = superlative_candidates(passages, texts, state["question"], ctx.policy, intent.language)
        if best:
            return best
        if (intent.answer_type == "country" and asks_the_most(state["question"], ctx.policy)) \
                or asks_the_bottom(state["question"], ctx.policy):
            return []  # the most golds: the leader of a table or of sentences comparing two, not a country named;
            # the fewest or the last: what pages seldom give, and never by naming a country or a rider
        passages = stating_the_asked_rank(state["question"], passages, ctx.policy.aliases)  # "the most nominations"
        reading = with_claims(passages, predicate, 8)  # and a headline that says it outright
        found = kind_candidates(intent.answer_type, reading, state["question"], intent.language, ctx.policy.aliases,
                                predicate, texts, outlet_keys(state["evidence"]))
        if (place := asked_place(state["question"])) is not None:  # "Who was third?": placed third, in its clause
            found = [f for f in found if place in placed_places(clause_at(f.passage.text, f.at))]
        else:  # "Who won Super Bowl LIX?": not who beat the Bills in the AFC Championship Game
            found = [f for f in found if not of_another_contest(f.passage.text, f.start, f.start + len(f.display),
                                                                predicate)]
        if stage := asked_stage(state["question"]):  # "beat France in the semi-final, while England beat ..."
            found = [f for f in found if not of_another_stage(f.passage.text, f.start, f.start + len(f.display), stage)]
        if category:  # "Ambros and Ruvkun won the prize in physiology or medicine, and ... the physics prize"
            found = [f for f in found if not of_another_category(f.passage.text, f.start, category,
                                                                   languages.get(f.passage.source, "en"))]
        found = [f for f in found  # "McEnroe said he expects Djokovic to win in four sets": no one has won yet
                 if not only_foreseen(f.passage.text, predicate.verb, state["question"])
                 and not foreseen_doer(f.passage.text, f.start, f.start + len(f.display), predicate.verb, state["question"])]
        return cand.credit_shorter_spans([f for f in found if named_so(f, qualifier)])
    # the model reads only pages that can support an answer: "Purim begins this week" on a
    # page from March is no answer in September, and it crowded out the week's own page
    stale = stale_sources(state["evidence"], ctx.clock(), state["plan"].freshness_days)
    passages = [p for p in passages if p.source not in stale]
    span = propose_span(ctx, state["question"], passages)
    if not (span and span_fits(span, state["question"])):
        return []
    # a page that matches the question may write the span where it matches less ("Their
    # names, Peach and Blossom, come from Delaware's state flower"): it still states it, and
    # it may be the second source a span needs
    matching = sorted({p.source for p in passages})
    whole = rank_passages(inflected(intent.terms, ctx.policy.shapes.predicates),
                          [q for i in matching for q in split_passages(state["evidence"][i].text, i)],
                          {i: state["evidence"][i].title or "" for i in matching})
    return cand.span_candidate(whole, span)


def dates_asked(state: GraphState, ctx: RunContext, passages: list[Passage]) -> list[cand.Found]:
    """The dates (or, asked "in what year", the years) the passages write beside what the
    question says happened (verify/dates_found.py)."""
    intent = state["intent"]
    anchors = {i: e.published_at.date() for i, e in enumerate(state["evidence"]) if e.published_at}
    name_words = [w for group in intent.names for phrase in group for w in phrase.split()]
    said = said_of_the_date(asking_sentence(state["question"]), intent.names)
    if asks_time_of_day(state["question"]):  # "At what time did it strike?": a day is no hour
        return []
    if asks_year(state["question"]):  # "In what year ...?": a year written in digits, not a day of the page's week
        return year_candidates(passages, state["question"], anchors, said, name_words, ctx.policy.aliases)
    # "When did the FDA approve Ozempic?": a page on Wegovy's approval dates no approval of it.
    # Each name by a word of it ("Starmer" for Keir Starmer); its places may go unwritten (a page
    # on the UK election need not say "UK"), and so may a glossed question's own words ("Oyunları")
    things = [g for g in intent.names if not countries_in(g[0], ctx.policy.aliases) and not is_place(g[0])] \
        if intent.language in ("en", "zh") else []
    if things:  # each page judged once, not once per passage
        named = {i for i in {p.source for p in passages} if names_each(state["evidence"][i], things)}
        passages = [p for p in passages if p.source in named]
    dates = date_candidates(passages, anchors, said, name_words)
    if asks_ahead(state["question"]):  # "When will the next Super Bowl be played?": not the one just played
        today = ctx.clock().date()
        dates = [f for f in dates if date.fromisoformat(f.value) >= today]
    return dates


def counted_choices(found: list[cand.Found], question: str, policy) -> list[cand.Found]:
    """Number choices where a passage writes them as an open count is read: a tally's part
    where its narrowing words are stated ("China's divers", not the team's 40), never a side
    of a score unless points are asked ("won the final 12-11" is no 12 titles), never another
    country's number ("China leads with 11 golds" for the United States' count) nor another
    name's ("after Labour won 411 seats" for the Conservatives')."""
    asking, measure = count_words(question, policy)
    part = narrowing_words(question, measure) if asking or measure else ()  # "the longest speech" narrows no tally
    points = SCORING.search(question) is not None  # as an open count reads a score's sides
    asked = {code for _, code in countries_in(us_spelled(question), policy.aliases)}
    subject = counted_subject(question, policy.aliases)

    def counted(f: cand.Found) -> bool:
        if not states_narrowing(f.passage.text, part, f.display, f.start if f.start >= 0 else None):
            return False
        mention = next((m for m in find_numbers(f.passage.text) if m.start == f.start), None)  # read once
        if mention is None:
            return True
        if score_at(f.passage.text, mention):  # points only; a score's sides are not its countries'
            return points
        if (subject and another_s(f.passage.text, mention.start, mention.end, subject)) or counts_another_noun(f.passage.text, mention, question):
            return False  # Labour's 411 seats for the Conservatives' count; "with two goals" for how many titles
        return not (asked and belongs_elsewhere(countries_in(f.passage.text, policy.aliases), mention, asked,
                                                f.passage.text))
    return [f for f in found if counted(f)]


def _matched_pages(state: GraphState, passages: list[Passage]) -> dict[int, str]:
    """The text of each page with a passage that matches the question and that names all the
    question names: where its tables are read. The Olympics' table is no answer about the
    Paralympics."""
    matched = {p.source for p in passages}
    return {i: e.text for i, e in enumerate(state["evidence"])
            if e.ok and i in matched and names_everything(e, state["intent"].names)}


def names_everything(page: Evidence, names: list[list[str]]) -> bool:
    """Does the page, with its title, name every name the question names (none: it does)?"""
    return not names or coverage(names, (page.title or "") + "\n" + page.text) >= 1


def names_any(page: Evidence, names: list[list[str]]) -> bool:
    """Does the page, with its title, write a word of any name the question names (none: it
    does)? Words, not whole names: a page says "President Donald Trump", "the VMAs" beside
    "MTV", where the question says "President Trump", "MTV Video Music Awards"."""
    words = {w for group in names for phrase in group for w in _NAME_WORD.findall(phrase.lower())} - OFFICES  # any page writes "CEO"
    words = (words - _COMPASS) or words  # "South Korea" by "Korea": "South America" is no page about it
    return not words or contains_any(((page.title or "") + "\n" + page.text).lower(), sorted(words))


_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}


def names_each(page: Evidence, names: list[list[str]]) -> bool:
    """Does the page write each name the question names, as any of its forms ("巴黎" for
    Paris) or by a word of it ("Starmer" for Keir Starmer)?"""
    text = ((page.title or "") + "\n" + page.text).lower()
    return all(any(form.lower() in text for form in group) or names_any(page, [group]) for group in names)


# "US'" gives none: too short to tell a page by; a year alone is no name; "AlphaFold2" and
# "Beyoncé" are one word each
_NAME_WORD = re.compile(r"(?=[^\W_]{3,})[^\W_]*[^\W\d_][^\W_]*")


def _page_date(page: Evidence) -> date | None:
    moment = page.published_at or page.updated_at
    return moment.date() if moment else None


def check(state: GraphState, ctx: RunContext) -> Findings:
    evidence, intent = state["evidence"], state["intent"]
    # "as of August 2", "bis zum 2. August": a later page tells of a later day (read before
    # the gloss, which keeps no dates)
    asked_day = asked_as_of(state["question"], ctx.clock().date(), intent.language)
    # "did China win on August 2": a page written days later tells of that day only where it writes it
    event_day = asked_event_day(state["question"], ctx.clock().date(), intent.language)
    relative_day = asked_relative_day(state["question"], ctx.clock().date()) \
        if event_day is None and intent.answer_type in ("number", *NAME_KINDS) else None  # "won yesterday", "on Sunday"
    event_day = event_day or relative_day
    # a name asked of such a day: what happened that day, which its passage must write ("touched down")
    day_verb = predicate_of(asking_sentence(state["question"]), intent.names, ctx.policy.shapes.predicates).verb \
        if relative_day is not None and intent.answer_type in NAME_KINDS else ()
    counted_day = asked_counted_day(intent.reading or state["question"])  # "after day 7": a day of the event, no calendar date
    # "außer Gold", "in più" in the question as asked; "other than gold" in its gloss too
    derived = intent.answer_type == "number" and any(asks_derived(q) for q in (state["question"], intent.reading or ""))
    now_asked = any(asks_current(q) for q in (state["question"], intent.reading or ""))  # "now", "目前"
    # "Qui a remporté l'omnium féminin ?", "Kolik zlatých medailí získala Čína ve skocích do
    # vody?": a name or a count asked of words the gloss cannot read would be answered for the
    # vaguer question it reads ("who won?", China's golds in every sport); places are read in
    # every script (so is a yes/no missing a name German capitalises like any noun: "Kamala Harris")
    unread = [] if not intent.reading or intent.answer_type in PLACE_KINDS else \
        unread_words(state["question"], intent.language) if intent.answer_type in (*NAME_KINDS, "number") else \
        unread_names(state["question"], intent.language)
    if unread:
        return Findings(verdict="abstained", reason=f"the question's words {', '.join(map(repr, unread[:4]))} are not "
                        "among those the rules read in its language, and an answer without them may answer "
                        "another question")
    if intent.answer_type == "yes_no" and intent.reading and intent.reading != state["question"] \
            and not named_terms(intent.reading, ctx.policy.aliases):
        # "石破茂氏は今も首相ですか？" read as "did prime minister?": any page on a prime minister would say yes
        return Findings(verdict="abstained", reason="the question's names are not among the words the rules read in "
                        "its language, and a yes or no without them would answer another question")
    if intent.reading and compares_unread(intent.reading):
        return Findings(verdict="abstained", reason="the question compares two things in a way the rules cannot read "
                        "in its language, and an answer without the comparison would answer another question")
    if intent.reading:  # the rules read the question's English gloss (verify/gloss.py), with its language's words
        ctx = dataclasses.replace(ctx, policy=for_language(ctx.policy, intent.language, state["question"]))
        state = {**state, "question": intent.reading}
    if not any(e.ok for e in evidence):
        # nothing found because no search answered says so: "search unreachable: ConnectError"
        failed = sorted({f for f in ctx.counts.search_failures if f}) if not any(
            f is None for f in ctx.counts.search_failures) else []
        reasons = (sorted({e.failure or "unreadable" for e in evidence}) or failed
                   or sorted(set(ctx.counts.refusals)) or ["no sources found"])
        hint = (f"; {ALLOW_ENV} lists the private networks pages may come from"
                if any(r.startswith(BLOCKED) for r in reasons) else "")
        return Findings(verdict="abstained", reason="no source could be read (" + ", ".join(reasons) + ")" + hint)
    if derived:
        return Findings(verdict="abstained", reason="the question asks for a sum, a difference or a remainder of "
                        "counts; the rules answer only with a value a page states")
    if asks_relative_place(state["question"]):
        return Findings(verdict="abstained", reason="the question asks a place relative to another's; the rules read "
                        "places as the pages state them and reckon none from another's")
    if intent.answer_type == "number" and asks_future_tally(intent.reading or state["question"]):
        return Findings(verdict="abstained", reason="the question asks how many wins are still to come; pages state "
                        "forecasts or past counts, never that count")
    numbered = asked_editions(state["question"])  # "Super Bowl LVII": a passage about Super Bowl LIX says nothing of it
    season = asked_season(state["question"])  # "the 2028 Winter Olympics": nor one about the Summer Games
    pages = [f"{e.title or ''}\n{e.text}" for e in evidence if e.ok]
    # each page's kind of Games read once, not once per candidate (none where the question names no kind)
    other_season = {i for i, e in enumerate(evidence) if e.ok and of_another_season(e.text, season)} if season else set()
    if only_other_editions(pages, numbered) or (season and of_another_season("\n".join(pages), season)):
        return Findings(verdict="abstained", reason="the pages tell of another edition of the event than the one "
                        "asked (another number, or Games of another kind), and never of the asked one")
    if intent.answer_type == "number" and counts_for_no_one(intent.terms, intent.names, ctx.policy.measures):
        return Findings(verdict="abstained", reason="the question asks for a count but names no one and nothing it "
                        "is counted for; every page's count of that measure would answer it")
    passages = relevant_passages(state, ctx.policy.rules.min_match, ctx.policy.shapes.predicates)
    if not passages:
        return Findings(verdict="abstained", reason="no passage in the sources matches the question")
    now = ctx.clock()
    named = asked_years(state["question"], intent.year, now.date())  # "2024", "this year's"
    frame = question_frame(state["question"], named, now.date(), state["plan"].freshness_days)
    # a year the question names outside its frame is a reference ("after the 2020 election")
    years = [y for y in named if frame is None or frame[0].year <= y <= frame[1].year]

    relation = event_relation(state["question"])  # "before the election": a sentence about after it says nothing
    hosts = hosts_named(state["question"])  # "the Tokyo Olympics": a passage about Paris 2024 says nothing of it

    def of_the_day(f: cand.Found, page_date: date | None, day: date) -> bool:
        """"Who won on August 2": a page of the two days after, or a passage writing the day.
        "Who won yesterday": a passage writing what happened, on a page of the day or the two
        after telling of no other day ("Blue Ghost touched down on Sunday" asked of Monday),
        or writing the day. "How many did China win on August 2": a clause writing the day
        with its number; a page's running total is no count of one day's wins."""
        clause = clause_at(f.passage.text, f.at)
        if intent.answer_type == "number":  # "to take the U.S. to 40 gold medals" on Sunday: a running total
            return names_the_day(clause, day, page_date) and not reached_so_far(f.passage.text, f.at)
        if relative_day is None:  # "after the election on 4 July": the day frames the event, which may be later
            return page_date is None or page_date <= day + EVENT_REPORTED or writes_day(f.passage.text, day)
        if day_verb and not states_deed(f.passage.text.lower(), day_verb):
            return False  # "Athena lander is lying on its side" tells of no landing that day
        # the day the clause gives its deed: "touched down on Sunday"; not "celebrated on Sunday
        # morning after the Springboks won", the day of what followed
        deed = verb_pattern(day_verb).search(clause.lower()) if day_verb else None
        return writes_day(f.passage.text, day) or page_date is None or (
            day <= page_date <= day + EVENT_REPORTED and not names_another_day(
                clause[deed.start():] if deed else clause, day, page_date))

    def of_the_counted_day(f: cand.Found, day: int) -> bool:
        """"After day 7": the passage writes that day; a count, in its own clause."""
        said = clause_at(f.passage.text, f.start) if intent.answer_type == "number" else f.passage.text
        return day in counted_days(said)

    def in_frame(f: cand.Found) -> bool:  # a fresh page telling an old event supports nothing (verify/event_time.py)
        page_date = _page_date(evidence[f.passage.source])
        if asked_day is not None and page_date is not None and page_date > asked_day:
            return False
        if event_day is not None and not of_the_day(f, page_date, event_day):
            return False
        if counted_day is not None and not of_the_counted_day(f, counted_day):
            return False
        page_text = evidence[f.passage.source].text
        if of_another_numbered_edition(f.passage.text, numbered, page_text) or of_another_season(f.passage.text, season) \
                or f.passage.source in other_season:  # "Brisbane will host in 2032" on a page about the Summer Games
            return False
        at = f.at
        if of_another_edition(f.passage.text, page_text, hosts) or (
                intent.answer_type == "number" and count_of_another_edition(f.passage.text, at, page_text, hosts)) or (
                intent.answer_type in NAME_KINDS and at >= 0 and described_of_another_edition(
                    f.passage.text, at + len(f.display), hosts)):
            return False
        told = in_its_scene(f.passage.text, clause_at(f.passage.text, f.start))  # "In 2017, ..., 35 medals"
        return not off_frame(told, page_date, frame, years, editions=intent.year is None,
                             count=intent.answer_type in ("number", "rank")) \
            and not across_the_event(relation, f.passage.text) \
            and not year_owned_elsewhere(f.passage.text, at, at + len(f.display), named) \
            and not set_the_record(f.passage.text, f.start) \
            and not bound_to_another_item(f.passage.text, f.at, state["question"])  # "... 4.25%, 4.50% and 3.75% respectively"

    found = [f for f in find_candidates(state, ctx, passages) if in_frame(f)]
    choices = state.get("choices")
    result = tally(found, evidence, ctx.policy, now, state["plan"].freshness_days, keep_stale=bool(choices),
                   asks_now=now_asked)
    for c in result.candidates:
        c.kind = "number" if intent.answer_type == "number" and not choices else intent.answer_type
    verdict = settle(ctx, state["question"], intent.answer_type, result.candidates, evidence, choices, intent.terms,
                     glossed=intent.language != "en")
    winner, ordered = verdict.winner, list(verdict.ordered)
    if choices and intent.answer_type in READ_OPENLY + CONFIRMED_OPENLY:
        opened = choice_read_openly(state, ctx, passages, in_frame, verdict)
        if isinstance(opened, str):
            return Findings(verdict="abstained", rejected=result.notes, stale_sources=result.stale, reason=opened)
        verdict = opened
        winner, ordered = verdict.winner, list(verdict.ordered)
    if choices and winner is None:
        # No guess: no page writes a choice more often than the others (verify/settle.py), and
        # the small model's ranking picked worse than chance.
        return Findings(verdict="abstained", rejected=result.notes, stale_sources=result.stale, reason=verdict.reason)
    if verdict.status == "abstained" and winner is not None:  # a hint for closed choices, never an answer
        return Findings(verdict="abstained", choice_index=winner.choice_index, candidates=ordered[:8],
                        rejected=result.notes, stale_sources=result.stale, reason=verdict.reason + "; choice_index is that unverified best guess")
    if verdict.status == "answered" and winner and not choices and (lone := unread_lone_report(winner, evidence, ctx.policy)):
        return Findings(verdict="abstained", rejected=result.notes, stale_sources=result.stale, reason=lone)
    as_of, cautions = None, []
    if winner and not choices:
        cautions = [c for c in [single_source_caution(winner, evidence, ctx.policy), verdict.read and verdict.read_note] if c]
    if winner:
        current = [s for s in winner.supports if evidence[s.source].published_at is not None and is_current(s)]
        # The official table dates the value where it supports it: a mid-Games page that also
        # says "no" to "did the U.S. win more golds?" says it of 2 August, not of the final table.
        official = [s for s in current if evidence[s.source].tier == "official"]
        dates = [d for s in official or current if (d := evidence[s.source].published_at) is not None]
        # a day is reported as past only from that day on: "将于8月11日闭幕" on 2 August foresaw it
        if (day := as_date(winner.value)) and any(d.date() >= day for d in dates):
            dates = [d for d in dates if d.date() >= day]
        as_of = (min(dates) if dates else now).date().isoformat()
    listed = [winner, *(c for c in ordered if c is not winner)] if winner else ordered  # the winner is always listed
    beside = rank_beside(state, ctx, passages, in_frame) if winner and intent.answer_type == "number" and not choices else None
    return Findings(verdict=verdict.status, value=winner.value if winner else None,
                    choice_index=winner.choice_index if winner else None, as_of=as_of,
                    candidates=listed[:8], rejected=result.notes, stale_sources=result.stale, cautions=cautions,
                    read=verdict.read, reason=verdict.reason, rank=beside)


# Kinds the rules read alone, without the model: where they settle on a value no choice
# is, none answers.
READ_OPENLY = ("number", "rank", "yes_no", "comparison")
# Names vary in form ("Zelenskyy", "Ukrainian President Volodymyr Zelensky"): a reading
# that is one choice answers. One that is none, stated by two independent sources (or an
# official one), leaves the choices' own support only as an unverified hint: where the
# right name is not offered, that support is a bystander's. A reading on one source does
# not: on the evaluation sets it was mostly the bystander, the choices' support right. Not
# spans: the model proposing one in every round of the search loop took 5-28 s a question.
CONFIRMED_OPENLY = NAME_KINDS


def choice_read_openly(state: GraphState, ctx: RunContext, passages: list[Passage], keep,
                       verdict: Verdict) -> Verdict | str:
    """Closed choices decided by what the sources settle on read without them, by the same
    rules as an open question (the official final table, the stated comparison, the name
    aligned with the question's predicate): a choice only a blog, a mid-event page or a
    bystander's mention states is no answer. The chosen answer carries that reading's
    quotes: they passed the subject and measure checks a choice's words don't ("take the
    U.S. to 40 gold medals" is no quote for China's 40). A string: why none answers."""
    kind, choices = state["intent"].answer_type, state.get("choices") or []
    stated = read_openly(state, ctx, passages, keep)
    if stated is None:
        return verdict
    matching = choices_stating(stated, choices, kind)
    if not matching:
        if kind in READ_OPENLY:
            return f"the sources state {stated.display}, which is none of the choices"
        if corroborated(stated, state["evidence"], ctx.policy):  # a choice is only a hint, if one answered at all
            return dataclasses.replace(verdict, status="abstained", reason=(
                f"read without the choices, the sources name {stated.display!r}, which is none of them"))
        return verdict
    if kind not in READ_OPENLY and len(matching) > 1:  # a name several choices hold says not which
        return verdict
    chosen = choices[matching[0]]
    winner = stated.model_copy(update={"value": chosen, "display": chosen, "choice_index": matching[0], "kind": kind})
    ordered = (winner, *(c for c in verdict.ordered if c.choice_index != matching[0]))
    return dataclasses.replace(verdict, status="answered", winner=winner, ordered=ordered,
                               reason="the choice the sources state when read without the choices")


def choices_stating(stated: Candidate, choices: list[str], kind: str) -> list[int]:
    """The choices that are the value read openly: the same count ("40 gold medals" is 40,
    "forty" too), the same place ("3rd", "third", "3"), else the same words or a part of
    them ("Trump" is "Donald Trump", "No" is "no")."""
    if kind in ("number", "rank"):  # a count is never an ordinal; a place may be written either way
        return [i for i, text in enumerate(choices)
                if any(same_number(m.value, float(stated.value)) for m in find_numbers(text) if kind == "rank" or not m.ordinal)]
    value = _words(stated.value)
    return [i for i, text in enumerate(choices) if (words := _words(text)) and (words <= value or value <= words)]


def _words(text: str) -> set[str]:
    """Words compared as read: "Misérables" however its accent is encoded, any case."""
    return set(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


def read_openly(state: GraphState, ctx: RunContext, passages: list[Passage], keep) -> Candidate | None:
    """The value the sources settle on for the question's kind read as an open question
    (without closed choices: the open question's passages and rules), or None where they
    don't settle it."""
    floor = ctx.policy.rules.min_match  # closed choices read passages matching half as well
    found = [f for f in find_candidates({**state, "choices": None}, ctx, [p for p in passages if p.score >= floor])
             if keep(f)]
    result = tally(found, state["evidence"], ctx.policy, ctx.clock(), state["plan"].freshness_days)
    verdict = settle(ctx, state["question"], state["intent"].answer_type, result.candidates, state["evidence"], None,
                     state["intent"].terms, glossed=state["intent"].language != "en")
    return verdict.winner if verdict.status == "answered" else None


def ranked_by_table(question: str, policy) -> bool:
    """Does the question ask of a measure the ranking orders by (the policy's ``ranked_by``:
    golds, totals), or of none? A place by bronzes is on no table the pages give."""
    measure = question_measure(question, policy.measures)
    return not policy.ranked_by or measure in (None, *policy.ranked_by)


def rank_beside(state: GraphState, ctx: RunContext, passages: list[Passage], keep) -> Candidate | None:
    """A count's subject's place on the ranking, where the sources state it as surely as a
    rank answer would need ("40枚金牌，位列奖牌榜第二"): the answer says both."""
    if not ctx.policy.rank_words or not ranked_by_table(state["question"], ctx.policy):
        return None
    as_rank = {**state, "intent": state["intent"].model_copy(update={"answer_type": "rank"})}
    winner = read_openly(as_rank, ctx, passages, keep)  # type: ignore[arg-type]
    return winner.model_copy(update={"kind": "rank"}) if winner else None


def cross_check(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    ok = sum(e.ok for e in state["evidence"])
    with ctx.trace.node("cross_check", f"{ok} readable sources") as entry:
        if others := other_languages(state["evidence"], state["intent"], ctx.settings.data_dir):
            intent, policy = read_in(others, state["intent"], state["question"], ctx.policy)
            state, ctx = {**state, "intent": intent}, dataclasses.replace(ctx, policy=policy)
        findings = check(state, ctx)
        ctx.trace.cross_check(state, findings)
        entry["output"] = f"{findings.verdict}: {findings.value} ({findings.reason})"
    return {"findings": findings, "intent": state["intent"]}
