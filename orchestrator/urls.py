"""Which strings are URLs the pipeline can use. Outside input (search replies, packs,
settings) holds strings urlsplit cannot take apart ("http://[::1", a port of 99999, lone
surrogates), which would raise later, far from where they came in."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit


def splits(url: str) -> bool:
    """urlsplit takes ``url`` apart, port included, and it encodes as UTF-8."""
    try:
        url.encode("utf-8")
        _ = urlsplit(url).port  # raises for a port out of range
    except (ValueError, UnicodeError):
        return False
    return True


def web_url(value: Any) -> str | None:
    """``value`` if it is an http(s) URL with a host that urlsplit takes apart, else None."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")) or not splits(value):
        return None
    return value if urlsplit(value).hostname else None
