"""What a reader of the page would not see, removed from the parsed tree before extraction:
a page can hide instructions for a model where no person would read them.

Dropped: script, style, template and similar elements; the ``hidden`` attribute and
``aria-hidden="true"``; inline styles that hide (display:none, visibility:hidden,
opacity:0, zero font size, zero-size boxes with overflow hidden, clipping, transparent
text, boxes or text pushed far off-screen); common utility classes that hide; and classes
or ids that the page's own <style> blocks hide. Each element is removed with its subtree
but its tail text is kept (that text belongs to the parent and is visible)."""

from __future__ import annotations

import re

from lxml import etree

_INVISIBLE_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas"}
_HIDING_CLASSES = {"hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "invisible", "hide"}
_HIDING_STYLE = re.compile(
    r"display:none|visibility:(?:hidden|collapse)|opacity:0*(?:\.0+)?(?:%|;|$)|font-size:0*(?:\.0+)?[a-z%]*(?:;|$)"
    r"|clip:rect\(0|clip-path:inset\((?:50|100)%|transform:scale\(0[,)]|color:transparent|text-indent:-\d{3,}"
    r"|(?:^|;)(?:left|top|right|margin-left|margin-top):-\d{3,}"
)
_ZERO_BOX = re.compile(r"(?:^|;)(?:max-)?(?:width|height):0*(?:\.0+)?[a-z%]*(?:;|$)")
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^[a-z0-9_-]*([.#])([a-z0-9_-]+)$", re.I)


def style_hides(style: str) -> bool:
    compact = re.sub(r"\s+|!important", "", style.lower())
    if _HIDING_STYLE.search(compact):
        return True
    return bool(_ZERO_BOX.search(compact)) and "overflow:hidden" in compact


def _hidden_by_stylesheets(tree: etree._Element) -> tuple[set[str], set[str]]:
    """Classes and ids that a simple rule in the page's own <style> blocks hides."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in tree.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.S)
        for selectors, body in _CSS_RULE.findall(css):
            if not style_hides(body):
                continue
            for selector in selectors.split(","):
                match = _SIMPLE_SELECTOR.match(selector.strip())
                if match:
                    (classes if match.group(1) == "." else ids).add(match.group(2).lower())
    return classes, ids


def is_hidden(element: etree._Element, classes: set[str], ids: set[str]) -> bool:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return True
    if element.tag.lower() in _INVISIBLE_TAGS or element.get("hidden") is not None:
        return True
    if (element.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if element.tag.lower() == "input" and (element.get("type") or "").lower() == "hidden":
        return True
    tokens = set((element.get("class") or "").lower().split())
    if tokens & (_HIDING_CLASSES | classes) or (element.get("id") or "").lower() in ids:
        return True
    return style_hides(element.get("style") or "")


def _drop(element: etree._Element) -> None:
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


def drop_hidden(tree: etree._Element) -> None:
    """Remove every hidden element (and what it holds) from ``tree``, in place."""
    classes, ids = _hidden_by_stylesheets(tree)
    doomed: list[etree._Element] = []
    stack = [tree]
    while stack:  # a hidden element is dropped whole, so its descendants are not visited
        for child in stack.pop():
            (doomed if is_hidden(child, classes, ids) else stack).append(child)
    for element in doomed:
        _drop(element)
