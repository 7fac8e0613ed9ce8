"""Page text and dates: hidden elements dropped, then trafilatura for text and metadata
and htmldate for the original and last-updated dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from sources.dates import parse_iso

MAX_HTML_CHARS = 2_000_000  # extraction never sees more than this (a pathological page stays bounded)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])", re.I)
_HIDDEN_XPATH = (
    "//template | //*[@hidden] | //*[@aria-hidden='true'] | //script | //style | //noscript"
    " | //*[contains(translate(@style,'DISPLAYNOEVSBTFZ','displaynoevsbtfz'),'none')"
    " or contains(translate(@style,'VISBLTYHDN','visbltyhdn'),'hidden')"
    " or contains(translate(@style,'FONTSZ','fontsz'),'font-size')]"
)
# Chat-template control strings a page could plant to impersonate a role.
_SPECIAL_TOKENS = re.compile(r"<\|[a-z_]{2,20}\|>|<\/?(?:s|system|user|assistant)>|\[/?INST\]", re.I)


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    sitename: str | None
    published: datetime | None
    updated: datetime | None


def _visible_tree(html: str) -> etree._Element | None:
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for element in tree.xpath(_HIDDEN_XPATH):
        style = element.get("style") or ""
        if element.tag in ("script", "style", "noscript", "template") or element.get("hidden") is not None \
                or element.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(style):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    return tree


def clean_text(text: str) -> str:
    return _SPECIAL_TOKENS.sub(" ", text)


def _date(value: str | None) -> datetime | None:
    return parse_iso(value) if value else None


def extract(html: str, url: str, fetched_at: datetime) -> Extracted:
    """Never raises: an unreadable page gives empty text."""
    html = html[:MAX_HTML_CHARS]
    latest = (fetched_at + timedelta(days=1)).replace(tzinfo=None)
    tree = _visible_tree(html)
    if tree is None:
        return Extracted("", None, None, None, None)
    text, title, sitename = "", None, None
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_tables=True, favor_recall=True,
            include_comments=False, date_extraction_params={"max_date": latest.strftime("%Y-%m-%d"), "original_date": True},
        )
        if doc is not None:
            text, title, sitename = doc.text or "", doc.title, doc.sitename
    except Exception:  # trafilatura raises assorted errors on broken markup; the page is simply unreadable
        doc = None
    published = updated = None
    try:
        published = _date(htmldate.find_date(html, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S", max_date=latest, url=url))
        updated = _date(htmldate.find_date(html, original_date=False, outputformat="%Y-%m-%dT%H:%M:%S", max_date=latest, url=url))
    except Exception:  # htmldate is best effort; a missing date is data, not an error
        pass
    return Extracted(clean_text(text), title, sitename, published, updated if updated != published else None)
