"""One knowledge base: documents in a SQLite file with an FTS5 index (BM25 ranking).

    docs       one narrow row a document: published (YYYY-MM-DD or null), url (unique:
               adding it again replaces it), publisher, added_at, title
    bodies     its text (apart, so the date filter over thousands of matches reads small
               rows); CJK text also one character a token (seg_title, seg_text) for the index
    docs_fts   FTS5 over the view docs_content (title, body), porter-stemmed unicode61
    meta       name, tier (the policy tier its documents count as; null: by their URLs), schema

A writer opens its own connection; readers keep one read-only connection per thread (its
page cache warm between searches), so one KnowledgeBase is safe to share between threads and runs."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from orchestrator.errors import KnowledgeBaseError
from orchestrator.kb.query import has_cjk, match_expression, phrase_expression, segment_cjk

SCHEMA = 1
TITLE_WEIGHT, BODY_WEIGHT = 2.0, 1.0  # bm25() column weights: a word in the headline counts double
_DDL = f"""
create table if not exists meta(key text primary key, value text);
create table if not exists docs(
  id integer primary key, published text, url text not null unique, publisher text, added_at text not null,
  title text not null default '');
create table if not exists bodies(id integer primary key, text text not null, seg_title text, seg_text text);
create index if not exists docs_published on docs(published);
create view if not exists docs_content as
  select d.id as id, coalesce(b.seg_title, d.title) as title, coalesce(b.seg_text, b.text) as body
  from docs d join bodies b on b.id = d.id;
create virtual table if not exists docs_fts using fts5(
  title, body, content='docs_content', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
insert or ignore into meta(key, value) values('schema', '{SCHEMA}');
"""


@dataclass(frozen=True)
class Document:
    url: str
    title: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    publisher: str | None = None


@dataclass(frozen=True)
class Hit:
    document: Document
    score: float  # BM25 as SQLite gives it: lower is better


@dataclass(frozen=True)
class Added:
    added: int
    replaced: int
    unchanged: int


def _roll_back_interrupted_write(path: Path) -> None:
    """A write killed part-way (SIGKILL, a crash, power loss) leaves a hot journal, which only a
    read-write connection can roll back: a read-only one fails on it, every time ("attempt to
    write a readonly database"). SQLite itself tells a hot journal from a live writer's."""
    journal = path.with_name(f"{path.name}-journal")
    if not journal.exists():
        return
    try:
        with closing(sqlite3.connect(path)) as db:
            db.execute("select count(*) from sqlite_master").fetchone()  # the first read rolls it back
    except sqlite3.Error as exc:
        raise KnowledgeBaseError(f"{path}: a write to it was interrupted, and its journal {journal.name} "
                                 f"cannot be rolled back ({exc})") from exc


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    try:
        if readonly:
            _roll_back_interrupted_write(path)
            return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(path, check_same_thread=False)
    except (sqlite3.Error, OSError) as exc:
        raise KnowledgeBaseError(f"cannot open knowledge base {path}: {exc}") from exc


class KnowledgeBase:
    """The documents and index of one knowledge base, stored at ``path``."""

    def __init__(self, path: Path, name: str):
        self.path = Path(path)
        self.name = name
        self._local = threading.local()  # each thread's read connection: its page cache stays warm

    # writing -----------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, name: str, *, tier: str | None = None) -> KnowledgeBase:
        kb = cls(path, name)
        with kb._write() as db:
            db.execute("insert or replace into meta(key, value) values('name', ?)", (name,))
            if tier is not None:
                db.execute("insert or replace into meta(key, value) values('tier', ?)", (tier,))
        return kb

    def _write(self) -> sqlite3.Connection:
        db = _connect(self.path, readonly=False)
        try:
            db.executescript(_DDL)
            db.execute("pragma synchronous=off")
        except sqlite3.DatabaseError as exc:
            db.close()
            raise KnowledgeBaseError(f"{self.path}: not a knowledge base ({exc})") from exc
        return db

    def set_tier(self, tier: str | None) -> None:
        with self._write() as db:
            if tier is None:
                db.execute("delete from meta where key='tier'")
            else:
                db.execute("insert or replace into meta(key, value) values('tier', ?)", (tier,))

    def add(self, documents: Iterable[Document], progress: Callable[[int], None] | None = None) -> Added:
        """Index ``documents``; a URL already held is replaced (unchanged when identical).
        ``progress(n)`` is called with the number of documents taken so far, now and then."""
        added = replaced = unchanged = 0
        now = datetime.now(UTC).isoformat(timespec="seconds")
        db = self._write()
        try:
            with db:
                for n, doc in enumerate(documents, start=1):
                    old = db.execute("select d.id, d.title, b.text, d.published, d.publisher, c.title, c.body "
                                     "from docs d join bodies b on b.id = d.id join docs_content c on c.id = d.id "
                                     "where d.url = ?", (doc.url,)).fetchone()
                    if old is not None and old[1:5] == (doc.title, doc.text, doc.published, doc.publisher):
                        unchanged += 1
                        continue
                    seg_title = segment_cjk(doc.title) if has_cjk(doc.title) else None
                    seg_text = segment_cjk(doc.text) if has_cjk(doc.text) else None
                    if old is not None:
                        db.execute("insert into docs_fts(docs_fts, rowid, title, body) values('delete', ?, ?, ?)",
                                   (old[0], old[5], old[6]))
                        rowid = old[0]
                        db.execute("update docs set title=?, published=?, publisher=?, added_at=? where id=?",
                                   (doc.title, doc.published, doc.publisher, now, rowid))
                        db.execute("update bodies set text=?, seg_title=?, seg_text=? where id=?",
                                   (doc.text, seg_title, seg_text, rowid))
                        replaced += 1
                    else:
                        rowid = db.execute("insert into docs(url, title, published, publisher, added_at) values(?,?,?,?,?)",
                                           (doc.url, doc.title, doc.published, doc.publisher, now)).lastrowid
                        db.execute("insert into bodies(id, text, seg_title, seg_text) values(?,?,?,?)",
                                   (rowid, doc.text, seg_title, seg_text))
                        added += 1
                    db.execute("insert into docs_fts(rowid, title, body) values(?, ?, ?)",
                               (rowid, seg_title or doc.title, seg_text or doc.text))
                    if progress and n % 200 == 0:
                        progress(n)
                if added or replaced:  # answers cached from the documents before are no answers now
                    db.execute("insert or replace into meta(key, value) values('version', ?)", (uuid.uuid4().hex,))
                db.execute("insert into docs_fts(docs_fts) values('optimize')")
        except sqlite3.Error as exc:
            raise KnowledgeBaseError(f"{self.path}: cannot write the knowledge base ({exc})") from exc
        finally:
            db.close()
        return Added(added, replaced, unchanged)

    # reading -----------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """This thread's read-only connection, opened again when the file was replaced."""
        try:
            identity = (self.path.stat().st_ino, self.path.stat().st_dev)
        except OSError:
            raise KnowledgeBaseError(f"knowledge base {self.name!r} has no index at {self.path}") from None
        held = getattr(self._local, "held", None)
        if held is None or held[0] != identity:
            if held is not None:
                held[1].close()
            try:
                db = _connect(self.path, readonly=True)
                db.execute("pragma cache_size=-65536")  # 64 MiB: the index's hot pages stay in memory
            except sqlite3.Error as exc:  # junk where an index should be
                raise KnowledgeBaseError(f"{self.path}: not a knowledge base ({exc})") from exc
            self._local.held = held = (identity, db)
        yield held[1]

    def search(self, query: str, *, before: date | None = None, after: date | None = None, limit: int = 10) -> list[Hit]:
        """The ``limit`` best documents for ``query`` by BM25 (title words count double),
        leaving out those published after ``before`` or before ``after`` (undated documents
        always count). Those holding the query's quoted phrases come first."""
        expression = match_expression(query)
        if expression is None or limit <= 0:
            return []
        hits = self._ranked(phrased, before, after, limit) if (phrased := phrase_expression(query, expression)) else []
        first = {hit.document.url for hit in hits}
        return (hits + [hit for hit in self._ranked(expression, before, after, limit) if hit.document.url not in first])[:limit]

    def _ranked(self, expression: str, before: date | None, after: date | None, limit: int) -> list[Hit]:
        # Ranked in the index alone first, then joined: the planner would otherwise read every
        # matching row of docs (past its text) for the date.
        sql = ("with ranked as materialized (select rowid as id, bm25(docs_fts, ?, ?) as score from docs_fts "
               "where docs_fts match ?), kept as materialized (select r.id, r.score from ranked r join docs d on d.id = r.id")
        args: list = [TITLE_WEIGHT, BODY_WEIGHT, expression]
        bounds = [(op, day.isoformat()) for op, day in (("<=", before), (">=", after)) if day is not None]
        if bounds:
            sql += " where (d.published is null or (" + " and ".join(f"d.published {op} ?" for op, _ in bounds) + "))"
            args += [day for _, day in bounds]
        sql += (" order by r.score limit ?) select d.url, d.title, b.text, d.published, d.publisher, k.score "
                "from kept k join docs d on d.id = k.id join bodies b on b.id = k.id order by k.score")
        args.append(limit)
        with self._read() as db:
            try:
                rows = db.execute(sql, args).fetchall()
            except sqlite3.Error as exc:
                raise KnowledgeBaseError(f"knowledge base {self.name!r}: search failed ({exc})") from exc
        return [Hit(Document(url, title, text, published, publisher), score) for url, title, text, published, publisher, score in rows]

    def document(self, url: str) -> Document | None:
        with self._read() as db:
            try:
                row = db.execute("select d.url, d.title, b.text, d.published, d.publisher from docs d "
                                 "join bodies b on b.id = d.id where d.url = ?", (url,)).fetchone()
            except sqlite3.Error as exc:
                raise KnowledgeBaseError(f"knowledge base {self.name!r}: cannot read ({exc})") from exc
        return Document(*row) if row else None

    @property
    def tier(self) -> str | None:
        """The tier its documents count as (``kb add --tier``); None: the policy's tier for each URL."""
        with self._read() as db:
            try:
                row = db.execute("select value from meta where key = 'tier'").fetchone()
            except sqlite3.Error as exc:
                raise KnowledgeBaseError(f"{self.path}: not a knowledge base ({exc})") from exc
        return row[0] if row else None

    @property
    def version(self) -> str:
        """A token that changes whenever a document is added or replaced ("" before any)."""
        with self._read() as db:
            try:
                row = db.execute("select value from meta where key = 'version'").fetchone()
            except sqlite3.Error as exc:
                raise KnowledgeBaseError(f"{self.path}: not a knowledge base ({exc})") from exc
        return row[0] if row else ""

    def info(self) -> dict:
        """name, tier, documents, oldest and newest publication date, size in bytes."""
        with self._read() as db:
            try:
                meta = dict(db.execute("select key, value from meta").fetchall())
                count, oldest, newest = db.execute("select count(*), min(published), max(published) from docs").fetchone()
            except sqlite3.Error as exc:
                raise KnowledgeBaseError(f"{self.path}: not a knowledge base ({exc})") from exc
        return {"name": self.name, "tier": meta.get("tier"), "documents": count, "oldest": oldest, "newest": newest,
                "bytes": self.path.stat().st_size}


def timed_search(kb: KnowledgeBase, query: str, **kwargs) -> tuple[list[Hit], float]:
    """``kb.search`` and the milliseconds it took."""
    started = time.perf_counter()
    hits = kb.search(query, **kwargs)
    return hits, (time.perf_counter() - started) * 1000
