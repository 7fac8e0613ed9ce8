"""``trace export --html``: the same report as ``trace show``, as one self-contained page
(inline CSS, no scripts, no external assets; a CSP forbids loading any). Every string is
escaped: page text and URLs in a trace come from the web."""

from __future__ import annotations

from html import escape
from typing import Any

from orchestrator.cli.trace_views import standing

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
h1{font-size:1.3em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f4f4f4}.dim{color:#777}.url{word-break:break-all}.ok{color:#1a7f37}.bad{color:#b42318}.warn{color:#9a6700}
.track{position:relative;height:14px;background:#f0f0f0;min-width:300px}.bar{position:absolute;top:0;height:14px;background:#3b82c4}
blockquote{margin:.2em 0 .6em 1.5em;color:#555}dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{color:#777}
"""
_STATUS = {"answered": "ok", "local": "ok", "conflict": "warn", "abstained": "bad"}


def e(value: Any) -> str:
    return escape("" if value is None else str(value))


def link(url: str | None) -> str:
    """Only http(s) URLs become links; anything else (javascript:, data:) stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a class="url" href="{escape(url, quote=True)}">{e(url)}</a>'
    return f'<span class="url">{e(url)}</span>'


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _header(h: dict[str, Any]) -> str:
    versions = " · ".join(f"{k} {v or '-'}" for k, v in {"orchestrator": h.get("version"), **h["versions"]}.items())
    items = [("question", h["question"]), ("asked at", h["asked_at"]), ("run at", h["created_at"]),
             ("language", h["language"] or "auto"),
             ("intent", f"{h['intent']['answer_type']}, topic {h['intent']['topic'] or '-'}: {h['intent']['reason']}"
              if h.get("intent") else "-"), ("model", h["model"] if h["use_model"] is not False else f"{h['model']} (not loaded)"),
             ("policy", f"{h['policy']} sha256 {h.get('policy_sha256') or '?'}"), ("pack", h["pack"]), ("versions", versions)]
    reading = (h.get("intent") or {}).get("reading")
    if reading and reading != h["question"]:  # a question in another language: its English gloss, as trace show says
        items.insert(4, ("read as", reading))
    return (f'<h1>trace {e(h["id"])} · <span class="{_STATUS.get(h["status"], "")}">{e(h["status"])}</span> · '
            f'{h["total_ms"]:.0f} ms</h1><dl>' + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in items) + "</dl>")


def _timeline(rows: list[dict[str, Any]]) -> str:
    def track(r):
        return (f'<div class="track"><div class="bar" style="left:{r["offset"] * 100:.2f}%;'
                f'width:{max(r["width"] * 100, 0.4):.2f}%"></div></div>')
    return "<h2>timeline</h2>" + _table(["node", "timeline", "ms", "output"],
                                        [[e(r["name"]), track(r), f'{r["ms"]:.1f}', e(r["output"])] for r in rows])


def _rounds(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    return "<h2>search rounds</h2>" + _table(
        ["round", "queries", "new pages", "verdict", "then"],
        [[e(r["n"]), "<br>".join(e(q) for q in r["queries"] or []), e(f"{r['readable']} readable of {r['pages']}"),
          e(r["verdict"] or "— (nothing new to check)"), e(f"{r['next']}: {r['why']}")] for r in rows])


def _sources(rows: list[dict[str, Any]]) -> str:
    def standing_html(s):
        classes = {"cache": "dim"}  # the other kinds are CSS classes already
        return "; ".join(f'<span class="{classes.get(kind, kind)}">{e(text)}</span>' if kind else e(text)
                         for text, kind in standing(s))
    return "<h2>sources</h2>" + _table(
        ["#", "publisher", "tier", "http", "published", "ms", "standing", "url"],
        [[f"#{s['n']}", e(s.get("publisher")), e(s["tier"]), e(s["status"]), e((s["published"] or "undated")[:10]),
          "—" if s.get("cached") else e(s["ms"]), standing_html(s), link(s["url"])] for s in rows])


def _cross_check(view: dict[str, Any]) -> str:
    if not view["verdict"]:
        return f'<h2>cross-check</h2><p class="dim">not run ({e(view.get("not_run") or "the question needed no fresh data")})</p>'

    def who(x):
        return f'#{x["n"]} {e(x.get("publisher") or x.get("url"))} {e(x["weight"])} <span class="dim">{e(x["why"])}</span>'

    def against(x):
        says = ", ".join(f'<b>{e(s["value"])}</b> {e(s["weight"])} <span class="dim">{e(s["why"])}</span>' for s in x["says"])
        return f'#{x["n"]} {e(x.get("publisher") or x.get("url"))} says {says}'
    rows = [[("✔ " if c["chosen"] else "") + e(c["display"] or c["value"]), e(c["score"]),
             "<br>".join(who(s) for s in c["supporting"]), "<br>".join(against(o) for o in c["opposing"]) or "—"]
            for c in view["candidates"]]
    rejected = "".join(f'<p class="warn">not counted: {e(n)}</p>' for n in view["rejected"])
    return (f'<h2>cross-check</h2><p><b>{e(view["verdict"])}</b>: {e(view["value"])} — {e(view["reason"])}</p>'
            + _table(["value", "score", "supporting (weight, why)", "opposing (weight, why)"], rows) + rejected)


def _model_calls(calls: list[dict[str, Any]]) -> str:
    if not calls:
        return '<h2>model calls</h2><p class="dim">none</p>'
    return "<h2>model calls</h2>" + _table(
        ["role", "tokens in/out", "ms", "output"],
        [[e(c["role"]), e(f"{c['prompt_tokens']}/{c['completion_tokens']}"), e(c["ms"]), e(c["error"] or c["output"])] for c in calls])


def _answer(view: dict[str, Any], warnings: list[str]) -> str:
    parts = [f'<h2>answer</h2><p><b class="{_STATUS.get(view["status"], "")}">{e(view["status"])}</b> {e(view["answer"])}'
             + (f' <span class="dim">as of {e(view["as_of"])}</span>' if view["as_of"] else "") + f"</p><p>{e(view['text'])}</p>"]
    for c in view["citations"] or []:
        parts.append(f'<p>[{e(c["n"])}] {e(c.get("publisher"))} · {e(c["tier"])} · {e(c.get("published_at") or "undated")} · '
                     f'{link(c["url"])}</p><blockquote>“{e(c["quote"])}”</blockquote>')
    parts += [f'<p>{e(x["value"])}: {", ".join(link(u) for u in x["sources"])}</p>' for x in view["conflicts"] or []]
    parts += [f'<p class="warn">warning: {e(w)}</p>' for w in warnings]
    return "".join(parts)


def render_page(r: dict[str, Any]) -> str:
    body = (_header(r["header"]) + _timeline(r["timeline"]) + _rounds(r.get("rounds") or []) + _sources(r["sources"]) + _cross_check(r["cross_check"])
            + _model_calls(r["model_calls"]) + _answer(r["answer"], r["warnings"]))
    return ("<!doctype html>\n<html><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>trace {e(r['header']['id'])}</title><style>{_CSS}</style></head><body>{body}</body></html>\n")
