"""Page text and dates: hidden elements dropped, then trafilatura for text and metadata
and htmldate for the original and last-updated dates.

Pages are data, and a page may be written to steer the model. So what a reader would not
see is dropped before anything reads the page (sources/hidden.py), the model's special-token
strings and invisible characters are removed from the text, and dates are kept only
between 1990 and the day after the page was fetched. Extraction runs in a worker process
with a time limit (sources/isolate.py), so a page built to make the parser crawl costs
that page, never the question."""

from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from orchestrator.sources import isolate
from orchestrator.sources.dates import parse_iso

if TYPE_CHECKING:
    from lxml import etree

MAX_HTML_BYTES = 2_000_000  # extraction never sees more than this (a pathological page stays bounded)
# One page's extraction, waiting for a free worker included. Read at each call: a test that
# runs many questions at once on a loaded machine may raise it (tests/trace/test_trace_concurrency.py).
EXTRACT_SECONDS = 10.0
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)

# Chat-template control strings a page could plant to pose as a role or end one.
_SPECIAL_TOKENS = re.compile(
    r"<\s*\|[^<>|\n]{1,40}\|\s*>|<｜[^<>｜\n]{1,40}｜>|<\s*/?\s*(?:s|system|user|assistant|tool)\s*>"
    r"|\[\s*/?\s*INST\s*\]|<<\s*/?\s*SYS\s*>>|<\s*(?:start|end)_of_turn\s*>", re.I)
# Invisible characters that can carry a hidden message (Unicode tag characters) or split a
# token so a filter misses it (zero-width space, word joiner, BOM).
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\U000e0000-\U000e007f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    sitename: str | None
    published: datetime | None
    updated: datetime | None
    failure: str | None = None  # why the text is empty, when extraction itself failed


def clean_text(text: str) -> str:
    """Page text without special tokens or invisible characters (applied until stable, so
    removing one cannot join the pieces of another), its accents composed (NFC): a page
    writing "Misérables" as e and a combining accent writes what the question does."""
    text = unicodedata.normalize("NFC", text)
    previous = None
    while text != previous:
        previous, text = text, _SPECIAL_TOKENS.sub(" ", _INVISIBLE.sub("", text))
    return text


def _clean_optional(value: str | None) -> str | None:
    return " ".join(clean_text(value).split())[:300] or None if value else None


def worker_preload() -> None:
    """The parsers, imported where pages are read: in the extraction worker as it starts
    (sources/isolate.py), never in the process asking the question, which only waits."""
    import htmldate  # noqa: F401
    import lxml.html  # noqa: F401
    import trafilatura  # noqa: F401

    from orchestrator.sources import hidden  # noqa: F401


def _visible_tree(html: str) -> etree._Element | None:
    import lxml.html
    from lxml import etree

    from orchestrator.sources.hidden import drop_hidden

    data = _CONTROL.sub("", html).encode("utf-8", errors="replace")
    if not data.strip():
        return None
    try:
        tree = lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None
    drop_hidden(tree)
    return tree


def _bounded_date(value: str | None, latest: datetime) -> datetime | None:
    parsed = parse_iso(value) if value else None
    return parsed if parsed is not None and EARLIEST <= parsed <= latest else None


def _find_date(tree, original: bool, latest: datetime, url: str, guess: bool = True) -> datetime | None:
    import htmldate

    found = htmldate.find_date(copy.deepcopy(tree), original_date=original, outputformat="%Y-%m-%dT%H:%M:%S",
                               max_date=latest.replace(tzinfo=None), url=url, extensive_search=guess)
    return _bounded_date(found, latest)


def _bounded(html: str) -> str:
    if len(html) <= MAX_HTML_BYTES // 4:
        return html
    return html.encode("utf-8", errors="replace")[:MAX_HTML_BYTES].decode("utf-8", errors="ignore")


def extract_here(html: str, url: str, fetched_at: datetime, guess_dates: bool = True) -> Extracted:
    """The extraction itself, in this process. Never raises: an unreadable page gives empty text.
    ``guess_dates``: a date may be guessed from the text ("... in 2024" -> 2024-01-01) where no
    markup gives one; False for a file of one's own, which is better undated than misdated."""
    import trafilatura

    html = _bounded(html)
    moment = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
    latest = moment.astimezone(UTC) + timedelta(days=1)
    try:
        tree = _visible_tree(html)
    except Exception:  # lxml on hostile markup: the page is unreadable, the run goes on
        tree = None
    if tree is None:
        return Extracted("", None, None, None, None)
    text, title, sitename = "", None, None
    published = updated = None
    try:
        # Dates are read from the visible tree too, so a hidden <time> cannot date the page.
        published = _find_date(tree, True, latest, url, guess_dates)
        updated = _find_date(tree, False, latest, url, guess_dates)
    except Exception:  # htmldate is best effort; a missing date is data, not an error
        pass
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_tables=True, favor_recall=True,
            include_comments=False, date_extraction_params={"max_date": latest.strftime("%Y-%m-%d"), "original_date": True},
        )
        if doc is not None and not isinstance(doc, dict):  # a Document: as_dict was not asked for
            text, title, sitename = doc.text or "", doc.title, doc.sitename
    except Exception:  # trafilatura raises assorted errors on broken markup; the page is simply unreadable
        pass
    title = _clean_optional(title)
    text = clean_text(text)
    return Extracted(with_headline(title, text), title, _clean_optional(sitename), published,
                     updated if updated != published else None)


def with_headline(title: str | None, text: str) -> str:
    """The page's text led by its headline, where the text does not hold it already: the
    headline is the page's first statement ("Anora wins best picture"), a passage like any
    other, and so a quote that is a literal substring of the page's text."""
    return f"{title}\n{text}" if title and text and title not in text else text


def extract(html: str, url: str, fetched_at: datetime, *, timeout: float | None = None,
            guess_dates: bool = True) -> Extracted:
    """Text, title, site name and dates of a page, extracted in a worker process within
    ``timeout`` seconds (default ``EXTRACT_SECONDS``). Never raises: a page that cannot be
    read gives empty text and, when extraction itself failed, the reason in ``failure``."""
    timeout = EXTRACT_SECONDS if timeout is None else timeout
    ok, result = isolate.call(extract_here, _bounded(html), url, fetched_at, guess_dates, timeout=timeout)
    if ok:
        return result
    if str(result).startswith("unavailable"):  # no subprocesses here: extract in process, unbounded
        return extract_here(html, url, fetched_at, guess_dates)
    return Extracted("", None, None, None, None, failure=f"extraction {result}")


def prewarm() -> None:
    """Start an extraction worker ahead of the first page."""
    isolate.prewarm(__name__)
