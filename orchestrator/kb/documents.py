"""What ``kb add`` reads: documents files and folders.

- JSONL, gzip or plain (``*.jsonl``, ``*.jsonl.gz``, ``*.ndjson``): one JSON object a line
  with url, title, text, published_at (YYYY-MM-DD or ISO 8601) and publisher (the format of
  an archive set, ../shared/PACKS.md); url is required, a document with neither text nor
  title is skipped (a title alone is the text).
- HTML (``*.html``, ``*.htm``) and Markdown (``*.md``, ``*.markdown``, rendered to HTML
  first): through the same extraction as web pages (sources/extract.py: hidden elements
  dropped, trafilatura text, htmldate dates). The URL is the page's canonical link (or a
  Markdown file's front matter ``url:``), else the file's own file:// URL.

A folder is read recursively, files in name order. Text goes through the same cleaning as
page text (special tokens and invisible characters removed), so a quote from it is literal."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from orchestrator.errors import KnowledgeBaseError
from orchestrator.kb.index import Document
from orchestrator.sources.extract import clean_text, extract
from orchestrator.sources.webpage import body_charset

JSONL = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
HTML = (".html", ".htm")
MARKDOWN = (".md", ".markdown")
MAX_TEXT_CHARS = 1_000_000  # one document's text is cut here
_CANONICAL = re.compile(r"""<link\b[^>]*\brel=["']?canonical["']?[^>]*>""", re.I)
_HREF = re.compile(r"""\bhref=["']([^"']+)["']""", re.I)
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)

Advance = Callable[[int], None]  # bytes read since the last call


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for kind, endings in (("jsonl", JSONL), ("html", HTML), ("markdown", MARKDOWN)):
        if name.endswith(endings):
            return kind
    return None


def is_documents(path: Path) -> bool:
    """A folder, or a file of a documents kind (JSONL, HTML, Markdown)."""
    return path.is_dir() or (path.is_file() and _kind(path) is not None)


def document_files(paths: list[Path]) -> list[Path]:
    """Every file ``paths`` stand for, or a KnowledgeBaseError naming the one that can't be read."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p))
            if not found:
                raise KnowledgeBaseError(f"{path}: no documents (JSONL, HTML or Markdown files) in this folder")
            files += found
        elif path.is_file():
            if _kind(path) is None:
                raise KnowledgeBaseError(f"{path}: not a documents file (JSONL, .jsonl.gz, HTML or Markdown)")
            files.append(path)
        else:  # a device or a socket is there, but holds no documents
            raise KnowledgeBaseError(f"{path}: {'not a file or folder' if path.exists() else 'no such file or folder'}")
    return list(dict.fromkeys(files))


def other_files(paths: list[Path]) -> list[Path]:
    """The files in ``paths``' folders that are no documents ("notes.txt"): left out, and
    worth saying so."""
    return sorted(p for path in paths if path.is_dir() for p in path.rglob("*") if p.is_file() and not _kind(p))


def content_hash(files: list[Path]) -> str:
    """sha256 over the files' bytes (and their order): the cache key of an index built from them."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0")
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def read_documents(paths: list[Path], advance: Advance | None = None,
                   empty: list[str] | None = None) -> Iterator[Document]:
    """The documents in ``paths``, one at a time; where one has no text to read, its place
    ("c.html", "d.jsonl:3") goes to ``empty``, so it is left out aloud."""
    for file in document_files(paths):
        kind = _kind(file)
        if kind == "jsonl":
            yield from _jsonl(file, advance, empty)
        else:
            doc = _page(file, kind == "markdown")
            if advance:
                advance(file.stat().st_size)
            if doc is not None:
                yield doc
            elif empty is not None:
                empty.append(str(file))


def _day(value: object, where: str) -> str | None:
    """A document's day, or None where it gives none; a date that is no date ("2024-13-45")
    is an error, not a document silently undated (undated ones pass every cut-off)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    said = str(value).strip().replace("Z", "+00:00")
    try:  # a real day outside the years web pages carry (a 1985 statute) is still its day; "T25:00" is none
        return (date.fromisoformat(said) if len(said) == 10 else datetime.fromisoformat(said).date()).isoformat()
    except ValueError:
        raise KnowledgeBaseError(
            f"{where}: field 'published_at' must be a date (YYYY-MM-DD or ISO 8601), not {value!r}") from None


def _text(value: object) -> str:
    return clean_text(str(value))[:MAX_TEXT_CHARS].strip() if value is not None else ""


def _jsonl(file: Path, advance: Advance | None, empty: list[str] | None) -> Iterator[Document]:
    try:
        raw = file.open("rb")
    except OSError as exc:
        raise KnowledgeBaseError(f"{file}: cannot read ({exc.strerror or exc})") from exc
    with raw:
        stream = gzip.open(raw, "rb") if file.name.lower().endswith(".gz") else raw
        position = 0
        try:
            # utf-8-sig: a byte-order mark (Windows editors write one) opens the text, not its first line
            for number, line in enumerate(io.TextIOWrapper(stream, encoding="utf-8-sig"), start=1):
                if advance:
                    now = raw.tell()
                    advance(now - position)
                    position = now
                if not line.strip():
                    continue
                doc = _from_json(file, number, line)
                if doc is not None:
                    yield doc
                elif empty is not None:
                    empty.append(f"{file}:{number}")
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise KnowledgeBaseError(f"{file}: cannot read ({exc})") from exc
        except UnicodeDecodeError as exc:
            raise KnowledgeBaseError(f"{file}: not UTF-8 text (byte {exc.start})") from exc


_URL = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.I)


def _from_json(file: Path, number: int, line: str) -> Document | None:
    where = f"{file}:{number}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:  # its own position counts within the one line: a column, not a line
        raise KnowledgeBaseError(f"{where}: invalid JSON ({exc.msg} at character {exc.pos + 1})") from exc
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: invalid JSON ({exc})") from exc
    if not isinstance(item, dict):
        raise KnowledgeBaseError(f"{where}: a document must be a JSON object")
    url = item.get("url")
    if not isinstance(url, str) or not _URL.match(url.strip()):
        raise KnowledgeBaseError(f"{where}: field 'url' must be a URL")
    for field in ("title", "text", "publisher", "published_at"):  # 123 or ["a"] is a mistake, not a text
        if item.get(field) is not None and not isinstance(item[field], str):
            raise KnowledgeBaseError(f"{where}: field {field!r} must be a string, not {item[field]!r}")
    title = _text(item.get("title"))[:500]
    text = _text(item.get("text")) or title  # a headline alone is still a statement
    if not text:
        return None  # nothing to read: skipped
    publisher = item.get("publisher")
    return Document(url=url.strip(), title=title, text=text,
                    published=_day(item.get("published_at"), where),
                    publisher=_text(publisher)[:200] or None)


def _page(file: Path, markdown: bool) -> Document | None:
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise KnowledgeBaseError(f"{file}: cannot read ({exc.strerror or exc})") from exc
    # HTML in the charset it declares (<meta charset>), as a web page is read: saved pages are
    # often windows-1252 or Shift_JIS; else, and for Markdown, UTF-8 (a byte-order mark dropped)
    charset = "utf-8" if markdown else body_charset(raw)
    try:
        source = raw.decode("utf-8-sig" if charset == "utf-8" else charset)
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"{file}: not {'UTF-8' if charset == 'utf-8' else charset} text (byte {exc.start})") from exc
    front: dict[str, str] = {}
    if markdown:
        found = _FRONT.match(source)
        if found is None and re.match(r"---\s*\n", source):  # its url and date would be read as text
            raise KnowledgeBaseError(f"{file}: its front matter opens with '---' and is never closed")
        if found:
            for line in found.group(1).splitlines():
                key, sep, value = line.partition(":")
                if sep:
                    front[key.strip().lower()] = value.strip().strip("'\"")
            source = source[found.end():]
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark", {"html": False}).render(source)
        if front.get("title"):
            html = f"<title>{front['title']}</title>\n{html}"
    else:
        html = source
    if front.get("url") and not _URL.match(front["url"]):  # "url: TBD" would be cited, and replace its namesakes
        raise KnowledgeBaseError(f"{file}: front matter 'url' must be a URL")
    url = front.get("url") or _canonical(source if not markdown else "") or file.resolve().as_uri()
    page = extract(html, url, datetime.now(UTC), guess_dates=False)  # "introduced in 1999" dates nothing
    text = page.text or (_plain(html) if markdown else "")
    text = clean_text(text)[:MAX_TEXT_CHARS].strip()
    if not text:
        return None  # nothing readable: not indexed
    published = _day(front.get("published_at") or front.get("date"), str(file)) or (
        page.published.date().isoformat() if page.published else None)
    return Document(url=url, title=front.get("title") or page.title or file.stem, text=text, published=published,
                    publisher=front.get("publisher") or page.sitename)


def _canonical(html: str) -> str | None:
    tag = _CANONICAL.search(html[:200_000])
    href = _HREF.search(tag.group(0)) if tag else None
    return href.group(1) if href and href.group(1).startswith(("http://", "https://")) else None


def _plain(html: str) -> str:
    """Text of a small rendered Markdown file that trafilatura found too short to keep."""
    import lxml.html

    try:
        return " ".join(lxml.html.document_fromstring(html).text_content().split())
    except Exception:  # lxml on odd input: nothing readable
        return ""
