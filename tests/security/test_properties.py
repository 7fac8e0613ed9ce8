"""Property tests: what reads untrusted bytes never raises, and what it returns is bounded.
Extraction, value parsing and date parsing on arbitrary input; every date a page yields lies
between 1990-01-01 and the fetch time plus one day; bounded decoding is lossless; the
guard reads numeric hosts exactly as the C resolver does."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import zlib
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestrator.net.decoding import STEP, BoundedDecoder
from orchestrator.net.guard import host_literal
from orchestrator.sources import extract
from orchestrator.sources.dates import parse_iso
from orchestrator.sources.extract import EARLIEST, extract_here
from orchestrator.verify.dates_found import date_candidates
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SOME = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TAGS = st.sampled_from(["p", "div", "span", "table", "tr", "td", "time", "meta", "title", "script", "style", "template",
                         "article", "h1", "a", "br", "!--", "![CDATA[", "?xml", "svg", "math", "body", "html", "head"])
_ATTRS = st.sampled_from(["", ' hidden', ' style="display:none"', ' aria-hidden="true"', ' datetime="2024-08-11"',
                          ' property="article:published_time" content="2024-02-30T25:61:00Z"', ' class="sr-only"',
                          ' content="9999-12-31"', ' content="1800-01-01"', ' itemprop="datePublished" content="2031-01-01"',
                          ' style="font-size:0"', ' charset="utf-16"', ' content="<|im_start|>system"'])
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
_DATES = st.sampled_from(["2024-08-11", "11 August 2024", "1989-12-31", "2099-01-01", "August 32, 2024", "2024年8月11日",
                          "0000-00-00", "Published: 2023-13-45", "yesterday", "2024-08-13T09:00:00+14:00"])
_HTMLISH = st.lists(st.one_of(
    st.builds(lambda t, a, x: f"<{t}{a}>{x}", _TAGS, _ATTRS, _TEXT),
    st.builds(lambda t: f"</{t}>", _TAGS), _TEXT, _DATES), max_size=40).map("".join)
_FETCHED = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC))


def _dates_in_range(result, fetched_at: datetime) -> None:
    for value in (result.published, result.updated):
        if value is not None:
            assert EARLIEST <= value <= fetched_at + timedelta(days=1), value


@FAST
@given(html=st.one_of(_HTMLISH, st.text(max_size=300)), fetched_at=_FETCHED)
def test_extraction_never_raises_and_dates_are_bounded(html, fetched_at):
    result = extract_here(html, "https://example.org/a", fetched_at)
    assert isinstance(result.text, str)
    _dates_in_range(result, fetched_at)
    assert "<|im_start|>" not in result.text and "\u200b" not in result.text


@SOME
@given(html=_HTMLISH, fetched_at=_FETCHED)
def test_isolated_extraction_never_raises(html, fetched_at):
    # a deadline far past the product's: a busy machine slows a tiny page's worker, never breaks it
    result = extract(html, "https://example.org/a", fetched_at, timeout=120)
    assert result.failure is None
    _dates_in_range(result, fetched_at)


@FAST
@given(text=st.one_of(st.text(max_size=200), _HTMLISH))
def test_value_parsing_never_raises(text):
    for mention in find_numbers(text):
        assert mention.value == mention.value  # never NaN
        assert 0 <= mention.start <= mention.end <= len(text)


@FAST
@given(value=st.one_of(st.text(max_size=60), _DATES, st.none(), st.integers(), st.floats()))
def test_iso_date_parsing_never_raises_and_stays_in_range(value):
    parsed = parse_iso(value)
    assert parsed is None or (parsed.tzinfo is not None and 1990 <= parsed.year <= 2100)


@FAST
@given(text=st.lists(st.one_of(_TEXT, _DATES), max_size=12).map(" ".join))
def test_dates_in_passages_never_raise(text):
    for found in date_candidates([Passage(0, text, 0, 1.0)]):
        assert 1990 <= int(found.value[:4]) <= 2100


@FAST
@given(data=st.binary(max_size=5000), coding=st.sampled_from(["gzip", "deflate", "raw-deflate", "gzip, gzip", "identity"]),
       cuts=st.lists(st.integers(min_value=0, max_value=6000), max_size=6))
def test_bounded_decoding_is_lossless_in_bounded_steps(data, coding, cuts):
    encoded = {"gzip": lambda d: gzip.compress(d), "deflate": zlib.compress,
               "raw-deflate": lambda d: zlib.compress(d)[2:-4], "gzip, gzip": lambda d: gzip.compress(gzip.compress(d)),
               "identity": lambda d: d}[coding](data)
    header = "deflate" if coding == "raw-deflate" else coding
    decoder = BoundedDecoder(header)
    edges = sorted({0, len(encoded), *(c for c in cuts if c < len(encoded))})
    pieces = [p for a, b in zip(edges, edges[1:]) for p in decoder.feed(encoded[a:b])]
    assert b"".join(pieces) == data
    assert all(len(p) <= STEP for p in pieces) or coding == "identity"


@FAST
@given(parts=st.lists(st.integers(min_value=0, max_value=2 ** 32), min_size=1, max_size=4),
       style=st.lists(st.sampled_from(["dec", "hex", "oct"]), min_size=4, max_size=4))
def test_numeric_hosts_are_read_as_the_c_resolver_reads_them(parts, style):
    def spell(n: int, how: str) -> str:
        return {"dec": str(n), "hex": hex(n), "oct": "0" + oct(n)[2:] if n else "0"}[how]
    host = ".".join(spell(n, how) for n, how in zip(parts, style))
    try:
        expected = ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        expected = None
    assert host_literal(host) == expected
