"""Rich renderings of the inspector's views (orchestrator.trace.report and .diff). Every
string from a trace is page or user text, so it goes in as Text, never as markup."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

BAR_CELLS = 40
STATUS_STYLE = {"answered": "green", "local": "cyan", "conflict": "yellow", "abstained": "red"}


def T(value: Any, style: str = "") -> Text:
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return Text("" if value is None else str(value), style=style)


def ms(value: Any) -> str:
    return "" if value is None else f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def short_date(value: str | None) -> str:
    return (value or "")[:10]


def _table(*columns: str, title: str | None = None, **kw: Any) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", header_style="bold", **kw)
    for column in columns:
        table.add_column(column)
    return table


def trace_list(rows: list[dict[str, Any]]) -> RenderableType:
    if not rows:
        return T("no traces match", "dim")
    table = _table("id", "run at (UTC)", "status", "time", "lang", "answer", "question")
    for row in rows:
        table.add_row(T(row["id"]), T((row["created_at"] or "")[:19].replace("T", " ")),
                      T(row["status"], STATUS_STYLE.get(row["status"], "")), T(ms(row["total_ms"])),
                      T(row.get("language") or ""), T(row.get("answer") or "—"), T(row["question"]))
    for column in table.columns[:-1]:
        column.no_wrap = True
    table.columns[0].min_width = 12  # ids are what the user copies: never cut
    table.columns[5].max_width = 24
    table.columns[5].overflow = "ellipsis"
    table.columns[-1].ratio = 1  # the question takes what is left, wrapped
    return table


def header(h: dict[str, Any]) -> RenderableType:
    title = Text.assemble(("trace ", "bold"), (h["id"], "bold"), "  ", (h["status"] or "?", "bold " + STATUS_STYLE.get(h["status"], "")),
                          f"  {ms(h['total_ms'])}")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    grid.add_row("question", T(h["question"]))
    grid.add_row("asked at", T(f"{h['asked_at']}   run at {h['created_at']}   language {h['language'] or 'auto'}"))
    if h.get("intent"):
        i = h["intent"]
        grid.add_row("intent", T(f"{i['answer_type']} · topic {i['topic'] or '-'} · "
                                 f"{'retrieve' if i['needs_fresh'] else 'no fresh data needed'} ({i['reason']})"))
        if i.get("reading") and i["reading"] != h["question"]:  # a question in another language: its English gloss
            grid.add_row("read as", T(i["reading"]))
    model = f"{h['model']}" + ("" if h["use_model"] in (None, True) else " (not loaded: --no-model)")
    sha = f" sha256 {h['policy_sha256'][:12]}…" if h.get("policy_sha256") else ""
    kb = f" · knowledge base {h['knowledge_base']}" if h.get("knowledge_base") else ""
    grid.add_row("config", T(f"model {model} · policy {h['policy']}{sha} · pack {h['pack']}{kb}"))
    versions = " · ".join(f"{k} {v or '-'}" for k, v in {"orchestrator": h.get("version"), **h["versions"]}.items())
    grid.add_row("versions", T(versions))
    return Group(title, grid)


def bar(offset: float, width: float, cells: int = BAR_CELLS) -> str:
    """A node's span on the run's time axis: where it starts, how long it lasts."""
    start = min(cells - 1, round(offset * cells))
    length = min(max(1, round(width * cells)), cells - start)
    return " " * start + "█" * length + " " * (cells - start - length)


def bar_cells(width: int) -> int:
    """Bars get what a row leaves after the node name, time and some output."""
    return max(10, min(BAR_CELLS, width - 75))


def timeline(rows: list[dict[str, Any]], total_ms: float, cells: int = BAR_CELLS) -> RenderableType:
    table = _table("node", "timeline", "time", "output", title="timeline", box=None)
    for column in table.columns[:3]:
        column.no_wrap = True  # the output summary wraps; name, bar and time never do
    table.columns[1].min_width = cells
    table.columns[2].justify = "right"
    for row in rows:
        table.add_row(T(row["name"]), T(bar(row["offset"], row["width"], cells), "cyan"), T(ms(row["ms"])), T(row["output"]))
    table.add_row(T("total", "bold"), T(""), T(ms(total_ms), "bold"), T(""))
    return table


def cache_note(s: dict[str, Any]) -> tuple[str, bool] | None:
    """How a page read from the knowledge cache came to be there, and whether it is a
    warning (a live fetch failed and this older copy stood in); None for a page read live
    or a trace from before the page cache. The HTML export says it the same way."""
    tier, failure = s.get("cached"), s.get("refresh_failure")
    if not tier and not failure:
        return None
    when = short_date(s.get("fetched_at"))
    where = f" ({tier})" if tier else ""
    if failure:
        return f"refresh failed: {failure}; cached copy{where}" + (f" from {when}" if when else ""), True
    return f"from cache{where}" + (f", fetched {when}" if when else ""), False


def standing(s: dict[str, Any]) -> list[tuple[str, str]]:
    """What the cross-check made of a source, as (text, kind) parts; kind is ok, bad, warn,
    dim, cache or "". The HTML export says it the same way."""
    parts = []
    if s["cited_as"]:
        parts.append(("cited " + "".join(f"[{n}]" for n in s["cited_as"]), "ok"))
    if s["failure"]:
        parts.append((f"failed: {s['failure']}", "bad"))
    if s.get("stale"):
        parts.append((f"stale: {s['stale']}", "warn"))
    if s.get("copy_of"):
        parts.append((f"copy of #{s['copy_of']}", "dim"))
    if s["supports"]:
        parts.append(("says " + ", ".join(dict.fromkeys(s["supports"])), ""))
    if not parts:
        parts.append(("not counted", "dim"))
    if note := cache_note(s):  # last: how the page was had, whatever the cross-check made of it
        parts.append((note[0], "warn" if note[1] else "cache"))
    return parts


_STANDING_STYLE = {"ok": "green", "bad": "red", "warn": "yellow", "dim": "dim", "cache": "cyan", "": ""}


def _standing(s: dict[str, Any]) -> Text:
    text = Text()
    for i, (part, kind) in enumerate(standing(s)):
        text.append(("; " if i else "") + part, _STANDING_STYLE[kind])
    return text


def sources(rows: list[dict[str, Any]]) -> RenderableType:
    table = _table("#", "publisher", "tier", "http", "published", "time", "standing", "url", title="sources")
    table.columns[-1].overflow = "fold"
    for s in rows:
        table.add_row(T(f"#{s['n']}"), T(s.get("publisher") or ""), T(s["tier"] or ""), T(s["status"] or "—"),
                      T(short_date(s["published"]) or "undated"), T("—" if s.get("cached") else ms(s["ms"])),
                      _standing(s), T(s["url"]))
    return table


def source_cards(rows: list[dict[str, Any]]) -> Iterable[RenderableType]:
    """``trace sources``: every field of every page, one block each, URLs unbroken."""
    yield T("sources", "bold")
    for s in rows:
        yield Text.assemble((f"#{s['n']} {s.get('publisher') or '?'}", "bold"),
                            f" · {s['tier']} (weight {s.get('weight')}) · http {s['status'] or '—'} · "
                            f"{s['bytes'] or 0:,} bytes · {ms(s['ms'])}")
        yield T(f"   {s['url']}")
        if s.get("title"):
            yield T(f"   title: {s['title']}", "dim")
        yield T(f"   dates found: published {s['published'] or 'none'} · updated {s['updated'] or 'none'}", "dim")
        yield Text("   ") + _standing(s)


def searches(rows: list[dict[str, Any]]) -> RenderableType:
    table = _table("query", "results", "time", "failure", title="searches")
    for s in rows:
        table.add_row(T(s["query"]), T(s["results"]), T(ms(s["ms"])), T(s["failure"] or "", "red"))
    return table


def rounds(rows: list[dict[str, Any]]) -> RenderableType:
    """The search loop, one row per round: what it asked, what was new, what came of it."""
    table = _table("round", "queries", "new pages", "verdict", "then", title="search rounds")
    table.columns[1].overflow = "fold"
    for r in rows:
        table.add_row(T(r["n"]), T("\n".join(r["queries"] or [])), T(f"{r['readable']} readable of {r['pages']}"),
                      T(r["verdict"] or "— (nothing new to check)", STATUS_STYLE.get(r["verdict"] or "", "dim")),
                      T(f"{r['next']}: {r['why']}", "yellow" if r["next"] == "search again" else ""))
    return table


def _who(entry: dict[str, Any]) -> Text:
    text = Text(f"#{entry['n']} {entry.get('publisher') or entry.get('url') or ''}")
    text.append(f"  {entry['weight']}", "cyan")
    text.append(f"  {entry['why']}", "dim")
    return text


def _against(entry: dict[str, Any]) -> Text:
    """One opposing source on one line: the values it gives, its strongest weight and why
    (the why is the source's: tier and recency, the same for each value it gives)."""
    says = sorted(entry["says"], key=lambda x: -(x["weight"] or 0))
    text = Text(f"#{entry['n']} {entry.get('publisher') or entry.get('url') or ''}: ")
    text.append(", ".join(str(x["value"]) for x in says), "bold")
    text.append(f"  {says[0]['weight']}", "cyan")
    text.append(f"  {says[0]['why']}", "dim")
    return text


def cross_check(view: dict[str, Any], limit: int | None = 3, values: int | None = 5) -> Iterable[RenderableType]:
    """The verdict, then one row per candidate value. ``limit`` caps the opposing sources
    per value and ``values`` the rows (``trace sources`` shows everything)."""
    if not view["verdict"]:
        yield T(f"cross-check: not run ({view.get('not_run') or 'the question needed no fresh data'})", "dim")
        return
    window = f" · freshness window {view['freshness_days']:g} days" if view.get("freshness_days") else ""
    yield Text.assemble(("cross-check  ", "bold"), (view["verdict"], STATUS_STYLE.get(view["verdict"], "")),
                        (f": {view['value']}" if view["value"] is not None else ""), f" — {view['reason']}{window}")
    table = _table("value", "score", "supporting sources (weight, why)", "opposing: other values they give (weight, why)")
    for column in table.columns[2:]:
        column.overflow = "fold"  # wrap, never crop a reason
    shown = view["candidates"][:values] if values else view["candidates"]
    for c in shown:
        value = T(("✔ " if c["chosen"] else "  ") + str(c["display"] or c["value"]), "bold green" if c["chosen"] else "")
        opposing = c["opposing"][:limit] if limit else c["opposing"]
        opposed = [_against(o) for o in opposing]
        if len(c["opposing"]) > len(opposing):
            opposed.append(T(f"… {len(c['opposing']) - len(opposing)} more (trace sources)", "dim"))
        table.add_row(value, T(c["score"]), Text("\n").join(_who(s) for s in c["supporting"]) or T("—"),
                      Text("\n").join(opposed) or T("— none", "dim"))
    yield table
    if len(view["candidates"]) > len(shown):
        yield T(f"… {len(view['candidates']) - len(shown)} more candidate values with less support (trace sources)", "dim")
    for note in view["rejected"]:
        yield T(f"not counted: {note}", "yellow")


def answer(view: dict[str, Any], *, section: bool = True) -> Iterable[RenderableType]:
    """An answer and its citations, from the answer contract as JSON (``Answer.model_dump``
    or a trace's copy of it). ``section``: headed "answer" with the value, as in a report;
    without, the status line alone (``orchestrator ask``). Quotes are printed whole."""
    status = view["status"] or "?"
    yield Text.assemble(("answer  " if section else "", "bold"), (status, "bold " + STATUS_STYLE.get(status, "")),
                        f"  {view['answer']}" if section and view["answer"] is not None else "",
                        f"  as of {view['as_of']}" if view["as_of"] else "")
    yield T(view["text"])
    if view["citations"]:
        yield Text()
    for c in view["citations"] or []:
        yield T(f"[{c['n']}] {c.get('publisher') or '?'} · {c['tier']} · {c.get('published_at') or 'undated'} · {c['url']}")
        yield T(f"    “{c['quote']}”", "dim")
    for entry in view["conflicts"] or []:
        yield T(f"  {entry['value']}: {', '.join(entry['sources'])}")


# a page the freshness window left out (verify/agreement.py stale_sources)
_STALE_PAGE = re.compile(r"^\[(\d+)\] (\S+): published \S+, outside the (\S+)-day freshness window$")


def warning_lines(warnings: Iterable[str]) -> Iterable[RenderableType]:
    """The warnings, the pages left out as too old told in one line after the others: one
    line each buried the warning that says why a question abstained (--json keeps them all)."""
    warnings = list(warnings)
    stale = [m for w in warnings if (m := _STALE_PAGE.match(w))]
    for warning in warnings:
        if not _STALE_PAGE.match(warning):
            yield T(f"warning: {warning}", "yellow")
    if stale:
        windows = "/".join(dict.fromkeys(m.group(3) for m in stale))
        # by site, not by the trace's source numbers, which the answer's citation numbers are not
        listed = ", ".join(dict.fromkeys(urlsplit(m.group(2)).hostname or m.group(2) for m in stale))
        several = len(stale) > 1
        yield T(f"warning: {len(stale)} source{'s' if several else ''} ({listed}) published before the "
                f"{windows}-day freshness window support{'' if several else 's'} nothing (--json lists them)", "yellow")


def model_summary(calls: list[dict[str, Any]], use_model: bool | None) -> RenderableType:
    if not calls:
        return T("model calls: none" + (" (--no-model)" if use_model is False else ""), "dim")
    table = _table("role", "tokens in/out", "time", "output", title="model calls")
    for c in calls:
        table.add_row(T(c["role"]), T(f"{c['prompt_tokens']}/{c['completion_tokens']}"), T(ms(c["ms"])),
                      T(c["error"] or c["output"], "red" if c["error"] else ""))
    return table


def report(r: dict[str, Any], width: int = 120) -> Iterable[RenderableType]:
    yield header(r["header"])
    yield Text()
    yield timeline(r["timeline"], r["header"]["total_ms"], bar_cells(width))
    yield Text()
    if r.get("rounds"):
        yield rounds(r["rounds"])
        yield Text()
    if r["sources"]:
        yield sources(r["sources"])
        yield Text()
    yield from cross_check(r["cross_check"])
    yield Text()
    yield model_summary(r["model_calls"], r["header"]["use_model"])
    yield Text()
    yield from answer(r["answer"])
    yield from warning_lines(r["warnings"])


def prompts(calls: list[dict[str, Any]], use_model: bool | None) -> Iterable[RenderableType]:
    if not calls:
        yield model_summary(calls, use_model)
        return
    for i, c in enumerate(calls, start=1):
        yield Rule(Text(f"{i}. {c['role']} · {c['model']} · {c['prompt_tokens']} tokens in, "
                        f"{c['completion_tokens']} out · {ms(c['ms'])}"), align="left")
        for message in c["prompt"]:
            yield T(f"{message.get('role')}:", "bold")
            yield T(message.get("content"))
        yield T("output:", "bold")
        yield T(c["error"] or c["output"], "red" if c["error"] else "green")


def _change_table(title: str, rows: list[dict[str, Any]], key: str = "field") -> Table:
    table = _table(key, "A", "B", title=title)
    for row in rows:
        table.add_row(T(row[key]), T(row["a"], "red"), T(row["b"], "green"))
    return table


def diff(d: dict[str, Any]) -> Iterable[RenderableType]:
    yield Text.assemble(("diff ", "bold"), f"A {d['a']['id']} ({d['a']['created_at']})  →  B {d['b']['id']} ({d['b']['created_at']})")
    yield T("same answer and citations" if d["same_answer"] else "the answer changed", "green" if d["same_answer"] else "bold yellow")
    if d["answer"]:
        yield _change_table("answer", d["answer"])
    for name in ("citations", "warnings"):
        for side, sign, style in (("removed", "-", "red"), ("added", "+", "green")):
            for item in d[name][side]:
                yield T(f"{name} {sign} {item}", style)
    for side, sign, style in (("removed", "-", "red"), ("added", "+", "green")):
        for url in d["sources"][side]:
            yield T(f"source {sign} {url}", style)
    if d["sources"]["changed"]:
        table = _table("source", "field", "A", "B", title="sources changed")
        for row in d["sources"]["changed"]:
            table.add_row(T(row["url"]), T(row["field"]), T(row["a"], "red"), T(row["b"], "green"))
        yield table
    if d["candidates"]:
        yield _change_table("candidate scores", [{"value": c["value"], "a": c["a"], "b": c["b"]} for c in d["candidates"]], key="value")
    if d["config"]:
        yield _change_table("configuration", d["config"])
    table = _table("node", "A", "B", "Δ", title="timings")
    for row in d["timings"]:
        delta = row["delta_ms"]
        table.add_row(T(row["node"]), T(ms(row["a_ms"])), T(ms(row["b_ms"])),
                      T("" if delta is None else "0 ms" if abs(delta) < 0.05 else f"{delta:+,.1f} ms",
                        "red" if (delta or 0) >= 0.05 else "green"))
    yield table
