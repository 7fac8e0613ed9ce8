"""The library entry points: ``ask`` and ``aask``."""

from __future__ import annotations

import asyncio
import dataclasses
import html
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from orchestrator.answer import Answer
from orchestrator.cache import KnowledgeCache, cache_for_run, run_through_cache
from orchestrator.config import Settings, resolve_settings
from orchestrator.context import CAPABILITIES, Progress, RunContext, Wording, known_capabilities, quiet
from orchestrator.errors import InputError, PackInvalid, TraceError
from orchestrator.kb.catalog import open_kb
from orchestrator.kb.index import KnowledgeBase
from orchestrator.language import detect_language
from orchestrator.lexicon import SUPPORTED, supported_code
from orchestrator.model.protocol import ChatModel
from orchestrator.moments import moment
from orchestrator.net.client import live_transport
from orchestrator.net.replay import ReplayTransport
from orchestrator.policy import Policy, load_policy
from orchestrator.replay.pack import load_pack
from orchestrator.sources.extract import prewarm as prewarm_extraction
from orchestrator.sources.registry import load_source
from orchestrator.trace.provenance import file_sha256, package_versions
from orchestrator.trace.recorder import TraceRecorder
from orchestrator.trace.store import TraceStore
from orchestrator.verify.question import is_cjk
from orchestrator.version import __version__

MAX_QUESTION_CHARS = 2000
# Control characters, and invisible ones that would make a blank question look non-empty.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a space: a line break or a tab parts words
# invisible characters part none ("Unit\u200bed States" is "United States"): the zero-width
# space, direction marks, the word joiner, the soft hyphen, the byte-order mark, tag
# characters; not the zero-width (non-)joiner, part of how Persian and Hindi words are written
_INVISIBLE = re.compile("[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")
# Lone surrogates: what Python makes of invalid UTF-8 in argv (surrogateescape) or a broken
# UTF-16 pair; no encoder downstream (trace store, HTTP, the model) can write them.
_SURROGATE = re.compile("[\ud800-\udfff]")
# A question copied from a web page can keep its inline links ("<a href=...>UK</a>-EU deal"):
# the element's text is the question's, the markup would be searched as words. Only paired
# inline elements are unwrapped, so "what does <div> do?" keeps its tag.
_INLINE_MARKUP = re.compile(r"<(a|abbr|b|cite|em|i|mark|q|small|span|strong|sub|sup|u)(?:\s[^<>]*)?>([^<>]*)</\1\s*>",
                            re.IGNORECASE)
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_models: dict[tuple, ChatModel] = {}


@dataclass(frozen=True)
class PreparedRun:
    state: dict[str, Any]  # the graph's input
    ctx: RunContext
    store: TraceStore | TraceError  # the error: the store could not be opened; the answer still comes
    cache: KnowledgeCache | None
    notes: list[str] = dataclasses.field(default_factory=list)  # warnings about the input, for the answer
_models_lock = threading.Lock()


def valid_text(what: str, text: str) -> str:
    """``text``, refused with an error naming ``what`` where it holds a lone surrogate."""
    bad = _SURROGATE.search(text)
    if bad:
        raise InputError(f"{what} is not valid UTF-8 text (undecodable byte or lone surrogate at character {bad.start()})")
    return text


def valid_choices(choices: list[str] | tuple[str, ...]) -> list[str]:
    """Closed choices as given, refused where they can't make a closed question: fewer than
    two, an empty one, or the same one twice (which of two equal choices would be right?)."""
    checked = [valid_text(f"choice {i + 1}", c) for i, c in enumerate(choices)]
    for i, choice in enumerate(checked):
        if not choice.strip():
            raise InputError(f"choice {i + 1} is empty")
        if choice.strip().casefold() in (c.strip().casefold() for c in checked[:i]):
            raise InputError(f"choice {i + 1} ({choice.strip()!r}) repeats an earlier choice")
    if len(checked) < 2:
        raise InputError("a closed question needs at least two choices")
    return checked


def without_markup(text: str) -> str:
    """``text`` with paired inline HTML elements replaced by their text (nested ones too), and
    its character references read, when it had any such element; otherwise unchanged."""
    plain = text
    while (unwrapped := _INLINE_MARKUP.sub(lambda m: m.group(2), plain)) != plain:  # each pass is shorter
        plain = unwrapped
    return html.unescape(plain) if plain != text else text


def clean_question(question: str | None) -> str:
    text = without_markup(_CONTROL.sub(" ", _INVISIBLE.sub("", valid_text("the question", question or "")))).strip()
    if not text:
        raise InputError("the question is empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise InputError(f"the question is {len(text)} characters long; the limit is {MAX_QUESTION_CHARS}")
    return text


def supported_language(language: str | None) -> str | None:
    """The language a caller names, refused where it is not one of the supported ones: it
    would be read as English, silently."""
    if isinstance(language, str) and not language.strip():  # an empty $LANG_VAR, say
        raise InputError("language is empty; leave it out to detect the question's language")
    tag = clean_language(language)
    if tag is not None and supported_code(tag) is None:
        raise InputError(f"language {tag!r} is not supported; supported: {', '.join(SUPPORTED)}")
    return tag


def _pack_language(language: str | None, pack: str | Path) -> str | None:
    """A recorded pack's own language, checked as a caller's is: a pack ``fixtures check``
    refuses does not replay either."""
    try:
        return supported_language(language)
    except InputError as exc:
        raise PackInvalid(f"{Path(pack) / 'case.json'}: {exc}") from exc


def clean_language(language: str | None) -> str | None:
    """A BCP 47 tag in its usual case ("EN" -> "en", "pt-br" -> "pt-BR"), or None (detect
    it); anything else is refused."""
    tag = (language or "").strip()
    if not tag:
        return None
    if not _LANGUAGE_TAG.match(tag):
        raise InputError(f"language {tag[:40]!r} is not a BCP 47 tag (for example en, zh-CN)")
    first, *rest = tag.split("-")
    # tags are case-insensitive; code compares them written as usual: region upper, script title
    return "-".join([first.lower(), *(p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p.lower() for p in rest)])


class _Arguments(BaseModel):
    """What ``aask`` takes, checked strictly at the boundary: "40" is not a list of choices
    (it would be split into "4" and "0") and 123 is not a question."""

    model_config = ConfigDict(strict=True, arbitrary_types_allowed=True)

    question: str | None
    require_latest: bool | None
    choices: list[str] | tuple[str, ...] | None
    now: datetime | str | None  # a str is read as --now reads it
    replay: str | Path | None
    language: str | None
    model: str | Path | None
    llm_url: str | None
    searxng: str | None
    policy: str | Path | None
    data_dir: str | Path | None
    use_model: bool
    chat_model: object | None  # a Protocol: nothing to check it against
    transport: httpx.AsyncBaseTransport | None
    page_timeout: float = Field(gt=0, allow_inf_nan=False)
    progress: Callable[[str, str], None] | None
    cache: KnowledgeCache | bool | None
    capabilities: list[str] | tuple[str, ...] | set[str] | frozenset[str] | None
    knowledge_base: str | Path | KnowledgeBase | None = None
    sources: list[str] | tuple[str, ...] | None = None
    wording: Wording | None = None


def check_arguments(**arguments) -> None:
    """An InputError naming the first argument of the wrong type or value."""
    try:
        _Arguments.model_validate(arguments)
    except ValidationError as exc:
        err = exc.errors()[0]
        name, *inner = err["loc"]
        item = "".join(f" item {p}" for p in inner if isinstance(p, int))  # union branch names left out
        got = err.get("input")
        raise InputError(f"argument {name!r}{item}: {err['msg']}, got {type(got).__name__} {repr(got)[:60]}") from None


def with_sources(policy: Policy, sources: list[str] | None, knowledge_base: bool) -> Policy:
    """The policy asking ``sources`` (each a known kind; ``official``, the topics' endpoints,
    only where named), or with a knowledge base, ``kb`` first unless the policy lists it already."""
    if sources is not None:
        if not sources:
            raise InputError("sources: name at least one source kind")
        for kind in sources:
            try:
                load_source(kind)
            except ValueError as exc:
                raise InputError(str(exc)) from None
        if "kb" in sources and not knowledge_base:
            raise InputError("sources: 'kb' searches a knowledge base: give one (--knowledge-base NAME; knowledge_base= in Python)")
        chosen = policy.model_copy(update={"sources": list(dict.fromkeys(sources))})
        if "official" in sources:
            return chosen
        # the kinds asked and no others: the topics' official endpoints (read first for every
        # policy) are a kind of their own, and `--source kb` reads no web at all
        return chosen.model_copy(update={"topics": {name: topic.model_copy(update={"endpoints": []})
                                                    for name, topic in policy.topics.items()}})
    if knowledge_base and "kb" not in policy.sources:
        return policy.model_copy(update={"sources": ["kb", *policy.sources]})
    return policy


def shared_model(settings: Settings, *, preload: bool = False) -> ChatModel | None:
    """One model per process per configuration, however many questions are asked. It loads
    at its first call (a question the rules settle never loads it), or now in the background
    with ``preload`` (a server, which will call it)."""
    if not settings.use_model:
        return None
    key = (settings.llm_url, str(settings.model), str(settings.data_dir))
    with _models_lock:
        if key not in _models:
            from orchestrator.model import load_model

            _models[key] = load_model(model_path=settings.model, llm_url=settings.llm_url, data_dir=settings.data_dir,
                                      preload=preload)
        return _models[key]


def prepare_run(
    question: str | None = None,
    *,
    require_latest: bool | None = None,
    choices: list[str] | None = None,
    now: datetime | str | None = None,
    replay: str | Path | None = None,
    language: str | None = None,
    model: str | Path | None = None,
    llm_url: str | None = None,
    searxng: str | None = None,
    policy: str | Path | None = None,
    data_dir: str | Path | None = None,
    use_model: bool = True,
    chat_model: ChatModel | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    page_timeout: float = 20.0,
    progress: Progress | None = None,
    cache: KnowledgeCache | bool | None = None,
    capabilities: Iterable[str] | None = None,
    knowledge_base: str | Path | KnowledgeBase | None = None,
    sources: list[str] | None = None,
    wording: Wording | None = None,
) -> PreparedRun:
    """Everything one run needs, made before the graph runs: its input state, its context
    (model, transport, trace, cache) and its trace store. The arguments are ``aask``'s."""
    check_arguments(**locals())  # first line: locals() is exactly the arguments
    now = moment("now", now) if isinstance(now, str) else now  # "2024-12-20", as --now takes it
    allowed = CAPABILITIES if capabilities is None else known_capabilities(capabilities)
    settings = resolve_settings(model=model, llm_url=llm_url, searxng=searxng, policy=policy,
                                data_dir=data_dir, use_model=use_model)
    loaded_policy = with_sources(load_policy(settings.policy), sources, knowledge_base is not None)
    kb = knowledge_base if isinstance(knowledge_base, KnowledgeBase) or knowledge_base is None else open_kb(knowledge_base, settings.data_dir)
    knowledge = cache_for_run(cache, settings, replay=replay, transport=transport)
    language = given = supported_language(language)
    if replay is not None:
        pack = load_pack(replay)
        if question in (None, pack.case.question):  # the pack's language and choices are its own question's
            language = language or _pack_language(pack.case.language, replay)
            choices = choices if choices is not None else pack.case.choices
        question = pack.case.question if question is None else question  # "" is an empty question, refused
        now = pack.case.asked_at
        transport = ReplayTransport(pack)
        settings = dataclasses.replace(settings, searxng_url=pack.case.search.base_url)  # the pack's search
        # A pack's pages are all there to be read: the extraction worker starts now, and its
        # imports overlap with LangGraph's instead of following them (a cold CLI replay).
        prewarm_extraction()
    elif transport is None:
        transport = live_transport(exempt=(settings.searxng_url, settings.llm_url))
    question = clean_question(question)
    notes = [note] if given and (note := _other_language(question, given, settings.data_dir)) else []
    choices = valid_choices(choices) if choices else choices
    language = clean_language(language)
    frozen = now.astimezone(UTC) if now else None
    clock = (lambda: frozen) if frozen else (lambda: datetime.now(UTC))
    try:
        store: TraceStore | TraceError = TraceStore(settings.trace_db)
    except TraceError as exc:  # a damaged or unusable store costs the trace (a warning), never the answer
        store = exc
    wording = wording or loaded_policy.wording  # argument (or profile) > policy
    trace = TraceRecorder(question=question, asked_at=clock().isoformat(), config={
        "version": __version__, "model": getattr(chat_model, "name", None) or settings.llm_url or str(settings.model or "default"),
        "use_model": settings.use_model, "wording": wording,
        "policy": str(settings.policy), "policy_sha256": file_sha256(settings.policy),
        "pack": str(replay) if replay else "live", "knowledge_base": kb.name if kb is not None else None,
        "searxng": settings.searxng_url, "choices": choices, "language": language, "versions": package_versions(),
    })
    ctx = RunContext(
        settings=settings, policy=loaded_policy,
        model=chat_model if chat_model is not None else shared_model(settings),
        transport=transport, clock=clock, trace=trace, page_timeout=page_timeout,
        progress=progress or quiet,
        capabilities=allowed,
        cache=knowledge, knowledge_base=kb, wording=wording,
    )
    state = {"question": question, "choices": choices or None, "require_latest": require_latest, "language": language}
    return PreparedRun(state, ctx, store, knowledge, notes)


def _other_language(question: str, language: str, data_dir: Path | None) -> str | None:
    """A warning where the question reads as another language than the one given: it is read
    as the one given, and a wrong one reads few of its words ("--language fr" on a Chinese
    question abstained without a word why)."""
    detected = detect_language(question, data_dir)
    given = supported_code(language)
    if detected == given or (len(question.split()) < 4 and not is_cjk(question)):  # too short to tell a Latin language
        return None
    return f"the question reads as {detected}, not {given}; it was read as {given}, as asked"


async def aask(
    question: str | None = None,
    *,
    require_latest: bool | None = None,
    choices: list[str] | None = None,
    now: datetime | str | None = None,
    replay: str | Path | None = None,
    language: str | None = None,
    model: str | Path | None = None,
    llm_url: str | None = None,
    searxng: str | None = None,
    policy: str | Path | None = None,
    data_dir: str | Path | None = None,
    use_model: bool = True,
    chat_model: ChatModel | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    page_timeout: float = 20.0,
    progress: Progress | None = None,
    cache: KnowledgeCache | bool | None = None,
    capabilities: Iterable[str] | None = None,
    knowledge_base: str | Path | KnowledgeBase | None = None,
    sources: list[str] | None = None,
    wording: Wording | None = None,
) -> Answer:
    """Answer a question. With ``replay`` (a pack directory) everything comes from the pack:
    HTTP from its cassette, the clock frozen at its asked_at; the question, language and
    choices default to the pack's. ``chat_model`` and ``transport`` are seams for tests; live,
    pages go through the address guard and only the configured endpoints are exempt from it.
    ``page_timeout`` is the deadline of each page fetch, redirects included. ``progress``
    receives the run's stages and the answer as it is written (see ``context.Progress``).
    ``cache``: the knowledge cache of answers and pages (orchestrator/cache/run.py: default on
    for live runs, off for replays and plugged-in transports). ``capabilities``: what the deployment may do
    (``context.CAPABILITIES``; orchestrator/client.py). ``knowledge_base``: a knowledge base's
    name, a documents file or folder (indexed on first use), or a KnowledgeBase: searched by
    the ``kb`` source, which goes before the policy's sources unless the policy places it.
    ``sources``: the source kinds to ask instead of the policy's (``["kb"]``: the knowledge
    base only, no search on the web). ``wording``: "template" or "model" words the answer
    sentence (default: the policy's ``wording``, itself "template")."""
    run = prepare_run(question, require_latest=require_latest, choices=choices, now=now, replay=replay,
                      language=language, model=model, llm_url=llm_url, searxng=searxng, policy=policy,
                      data_dir=data_dir, use_model=use_model, chat_model=chat_model, transport=transport,
                      page_timeout=page_timeout, progress=progress, cache=cache, capabilities=capabilities,
                      knowledge_base=knowledge_base, sources=sources, wording=wording)
    from orchestrator.graph import build_graph  # late: LangGraph is most of a cold start, and a cached answer needs none of it

    try:
        result = await run_through_cache(build_graph().ainvoke, run.state, run.ctx, run.cache)  # orchestrator/cache/run.py
    except BaseException as exc:
        save_failed_run(run, exc)
        raise
    return save_run(run, result["answer"])


def save_run(run: PreparedRun, answer: Answer) -> Answer:
    """The answer with its trace id, once its trace is stored (a store that fails is a warning)."""
    answer = answer.model_copy(update={"trace_id": run.ctx.trace.id, "warnings": [*run.notes, *answer.warnings]})
    try:
        if isinstance(run.store, TraceError):
            raise run.store
        run.store.save(run.ctx.trace, answer.status, answer.model_dump())
    except TraceError as exc:
        answer = answer.model_copy(update={"trace_id": None, "warnings": [*answer.warnings, f"trace not saved: {exc}"]})
    return answer


def save_failed_run(run: PreparedRun, exc: BaseException) -> None:
    """Keep the trail of a run that failed half-way; the caller fails as before."""
    if isinstance(run.store, TraceError):
        return
    # Ctrl-C or a signal ends a run as cancelled: it was stopped, it did not fail
    text = "run interrupted before it answered" if isinstance(exc, (asyncio.CancelledError, KeyboardInterrupt)) \
        else f"run failed: {type(exc).__name__}: {exc}"[:500]
    try:
        run.store.save(run.ctx.trace, "error", {"status": "error", "text": text})
    except TraceError:
        pass


def ask(question: str | None = None, **kwargs) -> Answer:
    """Synchronous ``aask``; see its parameters."""
    return asyncio.run(aask(question, **kwargs))
