"""Does the question need fresh data, and what is it asking for? Rules decide; when they
are unsure the answer is to retrieve (a stale answer is worse than a slow one)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from langgraph.runtime import Runtime

from orchestrator.arithmetic import compute
from orchestrator.context import RunContext
from orchestrator.language import detect_language
from orchestrator.nodes.decline import needs_missing_capability
from orchestrator.state import GraphState, Intent
from orchestrator.verify import lists, shapes
from orchestrator.verify.asked_unit import asked_unit
from orchestrator.verify.event_time import years_named
from orchestrator.verify.gloss import glossed_owner, reading
from orchestrator.verify.language_terms import for_language
from orchestrator.verify.place_holders import asked_place
from orchestrator.verify.question import contains_any, is_cjk, named_terms, question_terms
from orchestrator.verify.rates import RATE_ASKED

_FRESH_WORDS = re.compile(
    r"\b(latest|current(ly)?|now|today|tonight|yesterday|this (week|month|year|season)|last (week|month|night)|"
    r"recent(ly)?|so far|as of|right now|new|newest|upcoming|this morning|won|wins|elected|announced|price|rate|score)\b"
    r"|最新|目前|现在|今天|今日|昨天|本周|本月|今年|截至|截止|刚刚|近期|最近|当前|实时",
    re.I,
)
_CODE = re.compile(
    r"\b(python|javascript|typescript|java|rust|golang|c\+\+|sql|regex|bash|function|code|script|compile|"
    r"algorithm|implement|class|def|api|json|snippet)\b|代码|函数|编程|正则",
    re.I,
)
_MATH = re.compile(r"^[\s\d+\-*/^().=x×÷%]+$|\b(solve|integral|derivative|equation|factorial|square root|prime numbers?)\b|计算|等于几", re.I)
# A definition asks what a word means: "what is a/an X", "what is X" (a lower-case term),
# "define X", "meaning of X", "什么是X", "X是什么意思". "What is the shortest highway in the US?"
# is no definition: a superlative, a number, a unit or a named thing asks for a fact, and so
# does "what is the name of ..." or "what is this/that ...": they point at one thing in the world.
_DEFINITION = re.compile(r"^\s*(what (is|are|'s) (an? )?[a-z][\w\-' ]{0,40}[?？]?\s*$|what does .{1,60} mean\b|define\b|explain\b|"
                         r"(what is the )?(meaning|definition) of\b)|^\s*什么(是|叫)|是什么意思|的(定义|含义)", re.I)
_FACT_MARKS = re.compile(r"\d|\b(name|names|this|that|these|those|most|least|best|worst|first|last|top|biggest|largest|smallest|longest|shortest|tallest|"
                         r"highest|lowest|oldest|newest|youngest|fastest|slowest|richest|deepest|"
                         r"feet|foot|ft|miles?|meters?|metres?|km|kilometers?|kilometres?|kg|pounds?|tons?|dollars?|"
                         r"percent|one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion)\b|"
                         r"最|第一|多少|几", re.I)


def is_definition(question: str, names: list[list[str]]) -> bool:
    """Asks what a word means, and nothing about the world: no named thing (a capitalised
    name, a country), superlative, number or unit (``_FACT_MARKS``)."""
    return bool(_DEFINITION.search(question)) and not names and not _FACT_MARKS.search(question)

# Up to two words between "which"/"what" (or "what is the", "which of Trump's") and the kind
# noun ("which Oscar-winning actor"), but no verb: "Which country did President Trump visit?"
# asks for a country.
_MODIFIERS = (r"(?:(?:is|was|are|were) (?:the |a |an )?|of (?:the |(?:[A-Z][\w\-]* )*[\w\-]+['’]s )?)?"
              r"(?:(?!(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could|the|a|an|of|in|on|at|for|to|from|by|with)\b)"
              r"[\w\-]+ ){0,2}")

_PLACE_NOUNS = r"(?:place|venue|region|island|location|site|stadium|arena|residence|palace|castle|landmark)s?\b"

_TYPES: list[tuple[str, re.Pattern]] = [
    # Shapes beyond one value first (orchestrator/verify/shapes.py, lists.py): "A or B",
    # yes/no, short lists win over the kind of value they are about.
    ("comparison", shapes.COMPARISON),
    ("yes_no", shapes.YES_NO),
    ("list", lists.LIST),
    ("rank", re.compile(r"\b(what|which) (rank|place|position)\b|\b(where|how high|how low) did .{1,60}\b(rank|finish|(?<!take )(?<!took )place)\b|"
                        # a gloss keeps no "did": "where Japan ended medal table Paris 2024?"
                        r"\bwhere\b[^?]{1,60}\b(?:medal\s+table|standings|leaderboard|rankings?)\b|"
                        r"\branked?\b.*\?$|第几|排名|名次|排第|列第|"
                        # "Which number president was he sworn in as?": an ordinal (not "what number did he wear")
                        r"\b(?:which|what)\s+number\s+(?!of\b|did\b|does\b|do\b|was\b|is\b|were\b|will\b)[a-z]+|"
                        # "On which day of voting?": the second day, no date (not "which day of the week")
                        r"\b(?:which|what)\s+day\s+of\s+(?!the\s+(?:week|month|year)\b)(?:the\s+)?[a-z]", re.I)),
    # "What was Team USA's gold medal tally?", "What is the U.S. medal count?": a count, whatever the team's name says
    ("number", re.compile(r"\bhow (many|much|old)\b|\bnumber of\b|\bwhat (?:is|was|are|were)\b[^?]{0,40}?\b(?-i:count|tally|total)\b|\bwhat (percentage|percent|share|price|rate)\b|多少|几[个枚名人次块届项]|数量|[^\s]数$|数[？?]?$|金额|价格|比例|率", re.I)),
    ("number", RATE_ASKED),  # "What is the Bank of England's interest rate?": a percentage, no bank
    # "when" asks where a sentence opens with it or a verb follows it ("Finally, when does summer end?"):
    # "Which reason did he cite when he signed ...?" asks a reason
    # (and a gloss in the word order of its language: "Olympics Paris 2024 when ended?", "... ended when")
    ("date", re.compile(r"(?:^|[.!?;:]\s*)\s*when\b|\bwhen (?:is|was|are|were|does|did|do|will|would|has|have|had|can|could)\b|"
                        r"\bwhen (?:ended|began|started|opened|closed)\b|\bwhen\s*\??$|\bwhat (date|day|year|time)\b|\bwhich (date|day|year)\b|什么时候|何时|哪一?天|哪一?年|日期", re.I)),
    # (who written last or before its verb in a gloss: "Nobel Prize literature won who?")
    ("person", re.compile(rf"^\s*who\b|\bwho (is|was|will|won|became|leads|runs|heads|received)\b|\bwho\s*\?\s*$|\b(which|what) {_MODIFIERS}(person|people|player|candidate|athlete|ceo|leader|author|actor|actress|singer|star|figure|politician|president|minister|official|artist|musician|rapper|coach|director|founder|billionaire|celebrity|pope|king|queen|prince|princess|golfer|swimmer|runner|boxer|skater|gymnast|quarterback|pitcher|cyclist|jockey|wrestler|fighter|chef|comedian|anchor|journalist|writer|novelist|poet|scientist|astronaut|judge|justice|lawyer|attorney|prosecutor|sheriff|officer|soldier|senator|governor|mayor|lawmaker|legislator|representative|congressman|congresswoman|secretary|chancellor|commissioner|ambassador|diplomat|envoy|adviser|advisor|aide|spokesperson|spokesman|spokeswoman|manager|captain|driver|rider|striker|goalkeeper|sprinter|skier|cardinal|bishop|economist|doctor|nurse|teacher|student|influencer|podcaster|dancer|presenter|veteran|legend|royal|heir|suspect|victim|hostage|laureate|olympian|ally|monarch|activist|entrepreneur|designer|filmmaker|member|nominee)\b"
                        # a person word before a place's noun describes the place: "Which royal residence"
                        rf"(?!\s+{_PLACE_NOUNS})|谁|哪位", re.I)),
    # (and the noun before its question word: "金牌最多的国家是哪个？", "…的国家是？")
    ("country", re.compile(rf"\b(which|what) {_MODIFIERS}(country|nation)\b|哪个国家|哪国|哪一个国家|国家是哪|国家是[？?]", re.I)),
    ("subdivision", re.compile(rf"\b(which|what) {_MODIFIERS}(state|province|county|territory)\b|哪个(省|州)", re.I)),
    ("city", re.compile(rf"\b(which|what) {_MODIFIERS}(city|town|village|capital)\b|哪个城市|哪座城市|城市是哪|城市是[？?]", re.I)),
    ("place", re.compile(rf"^\s*where\b|\bwhere (is|was|did|will|does|do)\b|\b(which|what) {_MODIFIERS}{_PLACE_NOUNS}|哪里|在哪|哪个地区", re.I)),
    ("organisation", re.compile(rf"\b(which|what) {_MODIFIERS}(company|retailer|store|brand|airline|carrier|bank|agency|organization|organisation|network|team|club|party|university|union|charity|firm|platform|app|automaker|chain|broadcaster|studio|startup|newspaper|magazine|tabloid|publication|outlet|publisher)\b|哪家|哪个(公司|球队|品牌|机构)", re.I)),
    ("work", re.compile(rf"\b(which|what) {_MODIFIERS}(film|movie|book|novel|album|song|show|series|musical|play|documentary|painting|opera)\b|哪部|哪本|哪首", re.I)),
    ("name", re.compile(rf"\b(which|what) {_MODIFIERS}(group|game|ship|spacecraft|lander|rocket|animal|program|programme)\b|\bwhat (is|was) (the|its|their|his|her) name\b|\bwhat (is|was) the name of\b|叫什么", re.I)),
]


def classify_type(question: str) -> str:
    for name, pattern in _TYPES:
        # a place the question names is asked for its holder: "Which country ranked second?",
        # "金牌榜排名第二的是哪个国家？" ask a country, "Where did China rank?" a place
        if pattern.search(question) and not (name == "rank" and asked_place(question, ranked=True)):
            return name
    # "What is the average price of a new car?": an amount of money, read as a number in its unit
    return "number" if asked_unit(question) else "text"


def detect(asked: str, *, now_year: int, language: str | None, require_latest: bool | None, policy) -> Intent:
    """The intent of ``asked``, in the language given or detected; the rules read its English
    gloss when it is in neither English nor Chinese (verify/gloss.py)."""
    lang = language or detect_language(asked)
    question = asked if compute(asked) is not None else reading(asked, lang)  # a gloss keeps no "*" ("Was ist 17*23?")
    policy = for_language(policy, lang, asked)  # its words join the alias groups: pages in its language match
    intent = _detect(question, now_year=now_year, lang=lang, require_latest=require_latest, policy=policy)
    owner = glossed_owner(asked, lang, policy.aliases) if question != asked and intent.answer_type == "number" else None
    return intent.model_copy(update={"reading": question, "owner": owner})


# A settled fact, true whenever it was written: what a thing is known as ("the Ocean
# State") or for ("famously known for studying chimpanzees"), who made a work named in
# quotes ("Who wrote “The Star-Spangled Banner”?"), what happened in a year or a decade long
# past ("On July 4, 1776", "invented in the 1950s"). It is retrieved, but a page of any age
# holds it. What recurs by the calendar ("on the third Monday of February every year", "how
# many visit the Louvre every year") holds for a year at least.
_SETTLED = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|often\s+|commonly\s+|widely\s+)?(?:known|nicknamed)\s+as\b"
                      r"|\b(?:known|famous)\s+for\b"
                      r"|^\W*(?i:who)\s+(?:wrote|composed|penned|painted|sculpted|designed)\s+[\"“‘']"
                      r"|\b(?:in|of|on|since)\s+(?:[A-Z][a-z]+\s+\d{1,2},\s+)?1[0-8]\d\d\b|\b[A-Z][a-z]+\s+\d{1,2},\s+1[0-8]\d\d\b"
                      r"|\bin\s+the\s+(?:1[0-8]\d0|19[0-7]0)s\b"
                      r"|被称为|号称")
_YEARLY = re.compile(r"\b(?:every|each)\s+(?:single\s+)?year\b|\bannually\b|每年")


@lru_cache(maxsize=64)
def _keyword_forms(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """A topic's keywords as whole words ("the fed" is not "the federal", "election" not
    "selection"), each with its plural and past endings ("elections", "recalled")."""
    forms = []
    for keyword in (k.lower() for k in keywords):
        forms += [keyword] if is_cjk(keyword) else [keyword + end for end in ("", "s", "es", "d", "ed")]
    return tuple(forms)


def _detect(question: str, *, now_year: int, lang: str, require_latest: bool | None, policy) -> Intent:
    words = question_terms(question, policy.aliases)
    names = named_terms(question, policy.aliases)
    low = question.lower()
    topic = next((name for name, t in policy.topics.items() if contains_any(low, _keyword_forms(tuple(t.keywords)))), None)
    volatility = policy.topics[topic].volatility if topic else policy.default_volatility
    years = years_named(question)  # a year a record runs from ("its first since 1989") is a reference
    year = max(years) if years else None
    answer_type = classify_type(question)

    if require_latest:
        return Intent(needs_fresh=True, answer_type=answer_type, topic=topic, volatility=volatility,
                      terms=words, names=names, year=year, language=lang, reason="require_latest")
    if compute(question) is not None:  # "What is 2024 minus 1990?" is arithmetic, not news about 2024
        return Intent(needs_fresh=False, answer_type=answer_type, language=lang, terms=words, volatility="stable",
                      arithmetic=True, reason="arithmetic in the question")
    fresh_signal = bool(_FRESH_WORDS.search(question)) or topic is not None or (year is not None and year >= now_year - 3)
    if _CODE.search(question) and not fresh_signal:  # "code of conduct ... this week" is news, not code
        return Intent(needs_fresh=False, answer_type="code", language=lang, terms=words, volatility="stable",
                      reason="code question")
    # "Who is the prime minister of Japan?" names a thing: a fact, not maths
    if not fresh_signal and ((_MATH.search(question) and not names) or is_definition(question, names)):
        return Intent(needs_fresh=False, answer_type=answer_type, language=lang, terms=words, volatility="stable",
                      reason="maths or definition, no time signal")
    settled = _SETTLED.search(question) is not None
    if not fresh_signal and (settled or _YEARLY.search(question)):
        return Intent(needs_fresh=True, answer_type=answer_type, topic=topic, volatility="stable" if settled else "annual",
                      terms=words, names=names, year=year, language=lang,
                      reason="a settled fact: retrieve, from pages of any age" if settled else "a yearly fact: retrieve")
    reason = "time or topic signal" if fresh_signal else "unsure: retrieve"
    return Intent(needs_fresh=True, answer_type=answer_type, topic=topic, volatility=volatility, unmarked=not fresh_signal,
                  terms=words, names=names, year=year, language=lang, reason=reason)


def detect_intent(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    with ctx.trace.node("detect_intent", state["question"][:200]) as entry:
        # the classifier maps its model from the data directory (orchestrator/language_model.py)
        language = state.get("language") or detect_language(state["question"], ctx.settings.data_dir)
        intent = detect(state["question"], now_year=ctx.clock().year, language=language,
                        require_latest=state.get("require_latest"), policy=ctx.policy)
        if state.get("choices"):
            intent = intent.model_copy(update={"needs_fresh": True, "reason": intent.reason + "; closed choices: retrieve"})
        entry["output"] = f"fresh={intent.needs_fresh} type={intent.answer_type} topic={intent.topic} ({intent.reason})"
        ctx.trace.detected(intent)
    return {"intent": intent}


def route_after_intent(state: GraphState, runtime: Runtime[RunContext]) -> Literal["plan_sources", "answer_locally", "decline"]:
    if needs_missing_capability(state, runtime.context.capabilities):  # a deployment without the branch
        return "decline"
    return "plan_sources" if state["intent"].needs_fresh else "answer_locally"
