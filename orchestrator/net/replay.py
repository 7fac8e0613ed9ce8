"""httpx transports for replay (serve a pack's cassette) and record (write one)."""

from __future__ import annotations

import re
import threading
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from orchestrator.net.base import NOT_RECORDED_HEADER
from orchestrator.replay.pack import Interaction, Pack, RecordedResponse

SECRET_HEADERS = {"cookie", "set-cookie", "authorization", "proxy-authorization", "x-api-key", "api-key"}
SECRET_PARAM_WORDS = ("key", "token", "secret", "signature", "password")


def normalise_uri(uri: str) -> str:
    """Scheme, host, path and query with the query's parameters sorted (PACKS.md rule 1)."""
    parts = urlsplit(uri)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((parts.scheme.lower(), (parts.hostname or "").lower() + (f":{parts.port}" if parts.port else ""), parts.path or "/", query, ""))


def _host_path(uri: str) -> tuple[str, str]:
    parts = urlsplit(uri)
    return (parts.hostname or "").lower(), parts.path.rstrip("/") or "/"


class ReplayTransport(httpx.AsyncBaseTransport, httpx.BaseTransport):
    """Serves recorded responses; anything unrecorded is a 599 marked `not recorded`.

    Never touches the network. Search requests match on host and path alone (rule 2)."""

    def __init__(self, pack: Pack):
        self._exact: dict[tuple[str, str], RecordedResponse] = {}
        self._search: RecordedResponse | None = None
        search_host, _ = _host_path(pack.case.search.base_url)
        for item in map(Interaction.model_validate, pack.interactions):  # the model load_pack checked with
            request = item.request
            host, path = _host_path(request.uri)
            if host == search_host and path.endswith("/search") and self._search is None:
                self._search = item.response
            self._exact.setdefault((request.method.upper(), normalise_uri(request.uri)), item.response)
        self._search_host = search_host

    def lookup(self, method: str, url: str) -> RecordedResponse | None:
        host, path = _host_path(url)
        if host == self._search_host and path.endswith("/search"):
            return self._search
        return self._exact.get((method.upper(), normalise_uri(url)))

    def _respond(self, request: httpx.Request) -> httpx.Response:
        recorded = self.lookup(request.method, str(request.url))
        if recorded is None:
            return httpx.Response(599, headers={NOT_RECORDED_HEADER: "1"}, request=request)
        # Encoded here, not by httpx (ASCII only): a recorded header may hold UTF-8 text, and
        # JSON may hold lone surrogates (\ud800), which no codec writes without "replace".
        headers = [(k.encode("utf-8", "replace"), v.encode("utf-8", "replace"))
                   for k, values in (recorded.headers or {}).items() for v in values
                   if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
        body = (recorded.body.string if recorded.body else None) or ""
        return httpx.Response(recorded.status.code, headers=headers, content=body.encode("utf-8", "replace"), request=request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._respond(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._respond(request)


_SECRET_IN_TEXT = re.compile(r"(?i)([?&])[\w.-]*(?:" + "|".join(SECRET_PARAM_WORDS) + r")[\w.-]*=[^&\"'\s<>#]*&?")
_DANGLING = re.compile(r"[?&](?=[\"'\s<>#]|$)")


def scrub_text(text: str) -> str:
    """Secret-looking query parameters removed from URLs inside a body (search results link to them)."""
    return _DANGLING.sub("", _SECRET_IN_TEXT.sub(r"\1", text))


def _scrub_query(uri: str) -> str:
    parts = urlsplit(uri)
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not any(word in k.lower() for word in SECRET_PARAM_WORDS)]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _scrub_headers(headers: httpx.Headers) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in headers.multi_items():
        low = key.lower()
        if low in SECRET_HEADERS or any(w in low for w in ("token", "secret")) or low in ("content-encoding", "content-length"):
            continue
        out.setdefault(key, []).append(value)
    return out


class RecordingTransport(httpx.AsyncBaseTransport):
    """Wraps a live transport and keeps every interaction, scrubbed of secrets."""

    def __init__(self, inner: httpx.AsyncBaseTransport):
        self._inner = inner
        self._lock = threading.Lock()
        self.interactions: list[dict[str, Any]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        decoded = await response.aread()  # httpx undoes Content-Encoding while reading
        content_type = response.headers.get("content-type", "")
        textual = any(t in content_type for t in ("text", "json", "xml", "html")) or not content_type
        text = decoded.decode(response.encoding or "utf-8", errors="replace") if textual else ""
        with self._lock:
            self.interactions.append({
                "request": {"method": request.method, "uri": _scrub_query(str(request.url)), "body": None, "headers": {}},
                "response": {"status": {"code": response.status_code, "message": response.reason_phrase},
                             "headers": _scrub_headers(response.headers), "body": {"string": scrub_text(text)}},
            })
        return httpx.Response(response.status_code, headers=[(k, v) for k, v in response.headers.multi_items() if k.lower() != "content-encoding"],
                              content=decoded, request=request, extensions=response.extensions)

    async def aclose(self) -> None:
        await self._inner.aclose()
