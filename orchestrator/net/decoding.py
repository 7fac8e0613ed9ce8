"""Response bodies decoded in bounded steps. httpx inflates a whole network chunk at once,
so a 64 KiB piece of a gzip bomb can become 64 MiB before any limit is looked at. Here each
step yields at most ``STEP`` bytes and the size limit is checked after every step, so a
bomb costs at most the limit plus one step of memory. Only the encodings bounded here are
advertised to servers (``ACCEPT_ENCODING``); any other is refused when the body is read."""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Iterable, Iterator

import httpx

MAX_BODY_BYTES = 5 * 1024 * 1024  # after decoding
STEP = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"
_MAX_LAYERS = 2


class BodyTooLarge(httpx.TransportError):
    """The decoded body passed the size limit; reading stopped there."""


class UnsupportedEncoding(httpx.DecodingError):
    """A Content-Encoding we did not advertise and cannot bound."""


class _Inflater:
    """gzip or deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, kind: str):
        self.kind = kind
        self._obj = zlib.decompressobj(zlib.MAX_WBITS | 16) if kind == "gzip" else None
        self._head = b""  # deflate: the first two bytes tell zlib-wrapped from raw

    def _deflate_obj(self, head: bytes):
        cmf, flg = head[0], head[1]
        wrapped = cmf & 0x0F == 8 and (cmf * 256 + flg) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._obj is None:
            self._head += data
            if len(self._head) < 2:
                return
            self._obj, data, self._head = self._deflate_obj(self._head), self._head, b""
        while True:
            try:
                out = self._obj.decompress(data, STEP)
            except zlib.error as exc:
                raise httpx.DecodingError(f"invalid {self.kind} body: {exc}") from exc
            stalled = not out and self._obj.unconsumed_tail == data
            data = self._obj.unconsumed_tail
            if out:
                yield out
            # Stop once the input is used up and the last step did not fill (nothing pending).
            if stalled or (not data and len(out) < STEP):
                return


class BoundedDecoder:
    """Undoes a Content-Encoding header's codings, last applied first, step by step."""

    def __init__(self, content_encoding: str | None):
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        unknown = [c for c in codings if c not in ("gzip", "x-gzip", "deflate")]
        if unknown or len(codings) > _MAX_LAYERS:
            raise UnsupportedEncoding(f"unsupported content-encoding {content_encoding!r}")
        self._layers = [_Inflater("gzip" if c == "x-gzip" else c) for c in reversed(codings)]

    def feed(self, data: bytes) -> Iterator[bytes]:
        pieces: Iterable[bytes] = [data]
        for layer in self._layers:
            pieces = _through(layer, pieces)
        yield from pieces


def _through(layer: _Inflater, pieces: Iterable[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from layer.feed(piece)


class BoundedStream(httpx.AsyncByteStream):
    """A raw response stream, decoded in bounded steps and cut off past ``limit`` bytes."""

    def __init__(self, raw: httpx.AsyncByteStream, content_encoding: str | None, limit: int = MAX_BODY_BYTES):
        self._raw = raw
        self._encoding = content_encoding
        self._limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        decoder = BoundedDecoder(self._encoding)
        total = 0
        async for chunk in self._raw:
            for piece in decoder.feed(chunk):
                total += len(piece)
                if total > self._limit:
                    raise BodyTooLarge(f"body larger than {self._limit} bytes after decoding")
                yield piece

    async def aclose(self) -> None:
        await self._raw.aclose()


def bounded_response(response: httpx.Response, limit: int = MAX_BODY_BYTES) -> httpx.Response:
    """The same response with its body decoded here, within ``limit``, instead of by httpx."""
    encoding = response.headers.get("content-encoding")
    assert isinstance(response.stream, httpx.AsyncByteStream)  # the async pools' responses
    headers = [(k, v) for k, v in response.headers.multi_items()
               if not (encoding and k.lower() in ("content-encoding", "content-length"))]
    return httpx.Response(response.status_code, headers=headers, stream=BoundedStream(response.stream, encoding, limit),
                          extensions=response.extensions)
