"""Wikipedia in the question's language through the MediaWiki API (no key):

    GET {base}/w/api.php?action=query&list=search&srsearch=...     the matching articles
    GET {base}/w/api.php?action=query&prop=extracts|info&pageids=...  their intros and URLs

``base`` defaults to ``https://{lang}.wikipedia.org`` (``{lang}`` is filled in; env
ORCHESTRATOR_WIKIPEDIA_URL overrides it, e.g. a loopback server in tests). The outcome has
the shape of a SearxNG search (SearchOutcome of SearchResult), so the fetcher merges it with
the other searches and reads the articles as pages."""

from __future__ import annotations

import html
import os
import re
import time
from typing import Any

import httpx

from orchestrator.nesting import loads_json
from orchestrator.net.base import API, NOT_RECORDED_HEADER
from orchestrator.sources.base import Asked, Found, SearchOutcome, SearchResult
from orchestrator.sources.dates import parse_iso
from orchestrator.urls import web_url

DEFAULT_BASE = "https://{lang}.wikipedia.org"
BASE_ENV = "ORCHESTRATOR_WIKIPEDIA_URL"
_LANG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")
_TAGS = re.compile(r"<[^>]{0,200}>")


def wiki_language(language: str | None) -> str:
    """The Wikipedia edition for a BCP 47 code: ``zh-Hans-CN`` -> ``zh``; English when unknown."""
    code = (language or "en").strip().lower().replace("_", "-")
    primary = code.split("-")[0]
    return primary if _LANG.match(primary) else "en"


class WikipediaSearch:
    kind = "wikipedia"
    direct = False

    def __init__(self, base_url: str | None = None, *, limit: int = 3):
        self.template = (base_url or os.environ.get(BASE_ENV) or DEFAULT_BASE).rstrip("/")
        self.limit = limit

    def base_for(self, language: str | None) -> str:
        return self.template.replace("{lang}", wiki_language(language))

    def api_url(self, language: str | None) -> str:
        return f"{self.base_for(language)}/w/api.php"

    async def _get(self, client: httpx.AsyncClient, url: str, params: dict) -> dict:
        response = await client.get(url, params=params, extensions={API: True})
        if response.headers.get(NOT_RECORDED_HEADER):
            raise _Failed("not recorded")
        if response.status_code != 200:
            raise _Failed(f"wikipedia http {response.status_code}")
        try:
            payload = loads_json(response.content)  # nesting bounded: a deep reply is invalid, not a RecursionError
        except ValueError:
            raise _Failed("wikipedia returned invalid JSON") from None
        if not isinstance(payload, dict):
            raise _Failed("wikipedia returned invalid JSON")
        return payload

    async def search(self, client: httpx.AsyncClient, query: str, language: str | None = None) -> SearchOutcome:
        started = time.perf_counter()
        api = self.api_url(language)

        def ms() -> float:
            return (time.perf_counter() - started) * 1000

        try:
            found = await self._get(client, api, {"action": "query", "list": "search", "srsearch": query,
                                                  "srlimit": str(self.limit), "format": "json", "formatversion": "2"})
            hits = [h for h in _listed(found, "search") if isinstance(h, dict) and h.get("title")]
            if not hits:
                return SearchOutcome(query, [], None, ms())
            ids = [str(h["pageid"]) for h in hits if isinstance(h.get("pageid"), int)]
            pages: dict[int, dict] = {}
            if ids:
                detail = await self._get(client, api, {"action": "query", "prop": "extracts|info", "inprop": "url",
                                                       "exintro": "1", "explaintext": "1", "exlimit": str(len(ids)),
                                                       "pageids": "|".join(ids), "format": "json", "formatversion": "2"})
                for page in _listed(detail, "pages"):
                    if isinstance(page, dict) and isinstance(page.get("pageid"), int):
                        pages[page["pageid"]] = page
        except _Failed as failed:
            return SearchOutcome(query, [], failed.reason, ms())
        except httpx.HTTPError as exc:
            return SearchOutcome(query, [], _network_failure(exc), ms())
        results = []
        base = self.base_for(language)
        for hit in hits:
            pageid = hit.get("pageid")
            page = pages.get(pageid, {}) if isinstance(pageid, int) else {}
            title = str(hit["title"])
            url = web_url(page.get("fullurl") or f"{base}/wiki/{title.replace(' ', '_')}")
            if url is None:
                continue
            snippet = str(page.get("extract") or "").strip() or html.unescape(_TAGS.sub("", str(hit.get("snippet") or "")))
            results.append(SearchResult(url=str(url), title=title, snippet=snippet[:500],
                                        published=parse_iso(hit.get("timestamp")), engine="wikipedia"))
        return SearchOutcome(query, results, None, ms())

    async def find(self, client: httpx.AsyncClient, plan: Any, language: str | None) -> Found:
        """The question itself only: the site-scoped query variants mean nothing to MediaWiki."""
        if not plan.queries:
            return Found([])
        q = plan.queries[0]
        return Found.searched([Asked(f"{self.api_url(language)}?srsearch={q}", await self.search(client, q, language))])


def _listed(payload: dict, key: str) -> list:
    """``payload["query"][key]`` when the reply has that shape; anything else lists nothing."""
    query = payload.get("query")
    listed = query.get(key) if isinstance(query, dict) else None
    return listed if isinstance(listed, list) else []


def _network_failure(exc: httpx.HTTPError) -> str:
    """A refusal that names itself (orchestrator/net/polite.py: "rate limited", "disallowed
    by robots.txt") is said so; anything else is the network's."""
    named = getattr(exc, "failure", None)
    if isinstance(named, str):
        return f"wikipedia: {named}"
    return f"wikipedia unreachable: {type(exc).__name__}"


def make_source(ctx: Any) -> WikipediaSearch:
    return WikipediaSearch()


class _Failed(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
