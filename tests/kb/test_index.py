"""The knowledge base index (orchestrator/kb/): documents in, BM25 out; the same URL
replaces; the date cut-off; CJK text searchable; the reading of documents files."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from orchestrator.errors import KnowledgeBaseError
from orchestrator.kb import catalog
from orchestrator.kb.documents import read_documents
from orchestrator.kb.index import Document, KnowledgeBase
from orchestrator.kb.query import match_expression, phrase_expression

RATE = Document("https://bank.test/rate", "Bank raises rates", "The central bank raised its policy rate to 5.25 percent.",
                "2023-07-26", "Bank")
CUT = Document("https://bank.test/cut", "Bank cuts rates", "The central bank cut its policy rate to 4.75 percent.",
               "2024-09-18", "Bank")
OTHER = Document("https://zoo.test/panda", "Panda born", "A panda cub was born at the zoo.", None, "Zoo")


def write_jsonl(path: Path, docs: list[dict], gz: bool = False) -> Path:
    data = "".join(json.dumps(d) + "\n" for d in docs).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


@pytest.fixture
def kb(tmp_path) -> KnowledgeBase:
    base = KnowledgeBase.create(tmp_path / "t.sqlite", "t")
    base.add([RATE, CUT, OTHER])
    return base


def test_search_ranks_by_bm25_and_title_words_count_more(kb):
    hits = kb.search("When did the bank cut its rate?")
    assert [h.document.url for h in hits][:2] == [CUT.url, RATE.url]
    assert all(h.document.url != OTHER.url for h in hits)


def test_documents_published_after_the_cutoff_do_not_exist(kb):
    urls = [h.document.url for h in kb.search("bank rate", before=date(2024, 1, 1))]
    assert urls == [RATE.url]  # the cut of September 2024 is not there yet
    assert [h.document.url for h in kb.search("panda", before=date(2000, 1, 1))] == [OTHER.url]  # undated: always


def test_a_search_can_keep_to_a_window_of_dates(kb):
    urls = [h.document.url for h in kb.search("bank rate", before=date(2024, 12, 31), after=date(2024, 1, 1))]
    assert urls == [CUT.url]  # the raise of July 2023 is older than the window
    assert [h.document.url for h in kb.search("panda", after=date(2030, 1, 1))] == [OTHER.url]  # undated: always


def test_the_same_url_replaces_and_the_old_words_are_gone(kb):
    done = kb.add([Document(RATE.url, "Bank holds rates", "The central bank kept its rate unchanged.", "2023-07-26", "Bank")])
    assert (done.added, done.replaced) == (0, 1)
    assert kb.info()["documents"] == 3
    assert kb.search("raised 5.25") == []
    assert kb.search("unchanged")[0].document.title == "Bank holds rates"
    assert kb.add([CUT]).unchanged == 1


def test_cjk_text_is_searchable_by_character_pairs(tmp_path):
    base = KnowledgeBase.create(tmp_path / "zh.sqlite", "zh")
    base.add([Document("https://news.test/zh", "中国代表团金牌", "巴黎奥运会中国体育代表团共获得40枚金牌。", "2024-08-12", None)])
    assert [h.document.url for h in base.search("中国代表团金牌数")] == ["https://news.test/zh"]
    assert base.search("中国代表团金牌数")[0].document.text.startswith("巴黎奥运会")  # stored as written


def test_a_question_is_never_fts_syntax():
    assert match_expression('Did "Apple" (NEAR) beat x* OR -Nvidia?') == '"apple" OR "near" OR "beat" OR "nvidia"'
    assert match_expression("the of and") is None


def test_documents_holding_a_quoted_phrase_rank_first(tmp_path):
    """A choice searched in quotes: the page that states it as written comes before pages that
    match more of the question's words without it."""
    base = KnowledgeBase.create(tmp_path / "t.sqlite", "t")
    near = Document("https://news.test/near", "Federal agents sent to cities", "Federal agents and law enforcement "
                    "officers were sent to several cities, federal officials said.", "2025-08-01", "News")
    states = Document("https://news.test/states", "Troops", "Agents arrived in Washington, DC on Monday.", "2025-08-02", "News")
    base.add([near, states, OTHER])
    question = "federal law enforcement agents sent to which city"
    assert [h.document.url for h in base.search(question)][0] == near.url
    assert [h.document.url for h in base.search(f'{question} "Washington DC"')] == [states.url, near.url]
    assert [h.document.url for h in base.search(f'{question} “Washington, DC”', limit=1)] == [states.url]
    assert phrase_expression("no phrase here") is None


def test_a_british_question_finds_an_american_document(tmp_path):
    assert match_expression("Who favoured the jewellery?") == '"favoured" OR "favored" OR "jewellery" OR "jewelry"'
    base = KnowledgeBase.create(tmp_path / "t.sqlite", "t")
    heist = Document("https://news.test/heist", "Heist", "The jewelry was taken in Los Angeles.", "2025-06-01", "News")
    base.add([heist, OTHER])
    assert [h.document.url for h in base.search("largest jewellery heist")] == [heist.url]


def test_jsonl_gzip_and_plain_html_and_markdown_are_read(tmp_path):
    write_jsonl(tmp_path / "a.jsonl.gz", [{"url": "https://a.test/1", "title": "T", "text": "Alpha text.",
                                           "published_at": "2024-02-03T10:00:00Z", "publisher": "A"}], gz=True)
    (tmp_path / "page.html").write_text(
        '<html><head><title>Beta page</title><link rel="canonical" href="https://b.test/beta">'
        '<meta property="article:published_time" content="2024-05-06"></head><body><article><h1>Beta page</h1>'
        "<p>The beta programme opened to the public on 6 May 2024 after two years of testing in three cities.</p>"
        "<p>Officials said more than ten thousand people had signed up on the first day.</p></article></body></html>",
        encoding="utf-8")
    (tmp_path / "note.md").write_text("---\nurl: https://c.test/gamma\npublished_at: 2024-07-08\n---\n# Gamma\n\n"
                                      "The gamma rule applies from **8 July 2024**.\n", encoding="utf-8")
    docs = {d.url: d for d in read_documents([tmp_path])}
    assert docs["https://a.test/1"].published == "2024-02-03" and docs["https://a.test/1"].publisher == "A"
    assert "ten thousand people" in docs["https://b.test/beta"].text
    gamma = docs["https://c.test/gamma"]
    assert "The gamma rule applies from" in gamma.text and "8 July 2024" in gamma.text  # as trafilatura reads any page
    assert gamma.published == "2024-07-08" and gamma.title == "Gamma"


def test_a_file_whose_markup_gives_no_date_is_undated_whatever_years_its_text_names(tmp_path):
    """A year in the text ("introduced in 1999") is no publication date: the document passes
    every date range, as an undated one does, and is not cut by ``--before``."""
    (tmp_path / "rule.md").write_text("---\nurl: https://d.test/delta\n---\n# Delta\n\nThe delta rule was "
                                      "introduced in 1999 and last amended in 2024 after a long review.\n",
                                      encoding="utf-8")
    (tmp_path / "page.html").write_text(
        '<html><head><title>Epsilon</title><link rel="canonical" href="https://e.test/eps"></head><body><article>'
        "<h1>Epsilon</h1><p>The epsilon programme, first run in 1999, was extended in 2024 to every region of the "
        "country after a review found it had cut waiting times.</p></article></body></html>", encoding="utf-8")
    docs = {d.url: d for d in read_documents([tmp_path])}
    assert docs["https://d.test/delta"].published is None and docs["https://e.test/eps"].published is None


@pytest.mark.parametrize("line, message", [
    ("{not json", "a.jsonl:1: invalid JSON"),
    ('{"title": "no url", "text": "x"}', "a.jsonl:1: field 'url' must be a URL"),
    ("[1, 2]", "a.jsonl:1: a document must be a JSON object"),
    ('{"url": "https://a.test/1", "text": "x", "published_at": "2024-13-45"}',
     "a.jsonl:1: field 'published_at' must be a date (YYYY-MM-DD or ISO 8601), not '2024-13-45'"),
    ('{"url": "https://a.test/1", "text": "x", "published_at": "2024-01-01T25:00:00"}',
     "a.jsonl:1: field 'published_at' must be a date (YYYY-MM-DD or ISO 8601), not '2024-01-01T25:00:00'"),
    ('{"url": "https://a.test/1", "text": "x", "published_at": 20250101}',
     "a.jsonl:1: field 'published_at' must be a string, not 20250101"),
    ('{"url": "https://a.test/1", "text": 123}', "a.jsonl:1: field 'text' must be a string, not 123"),
    ('{"url": "https://a.test/1", "text": "x", "publisher": ["a"]}', "a.jsonl:1: field 'publisher' must be a string"),
])
def test_a_bad_line_names_the_file_and_line(tmp_path, line, message):
    (tmp_path / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=re.escape(message)):
        list(read_documents([tmp_path / "a.jsonl"]))


def test_a_front_matter_never_closed_is_an_error_not_text(tmp_path):
    (tmp_path / "a.md").write_text("---\nurl: https://a.test/1\npublished_at: 2024-01-01\n# Alpha\n\nThe rule.\n",
                                   encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="front matter opens with '---' and is never closed"):
        list(read_documents([tmp_path / "a.md"]))


def test_a_front_matter_url_that_is_no_url_is_an_error_not_a_citation(tmp_path):
    """"url: TBD" in two notes made them one document, the second replacing the first."""
    (tmp_path / "a.md").write_text("---\nurl: TBD\n---\n# First note\n\nApples and orchards.\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=re.escape(f"{tmp_path / 'a.md'}: front matter 'url' must be a URL")):
        list(read_documents([tmp_path / "a.md"]))


def test_a_byte_order_mark_opens_the_file_not_its_first_document(tmp_path):
    """Editors on Windows save UTF-8 with a byte-order mark: it was read as part of line 1
    ("invalid JSON (Unexpected UTF-8 BOM)"), and of a page's first word."""
    (tmp_path / "a.jsonl").write_text('{"url": "https://a.test/1", "text": "x"}\n', encoding="utf-8-sig")
    (tmp_path / "b.md").write_text("---\nurl: https://b.test/1\n---\n# Beta\n\nThe beta rule.\n", encoding="utf-8-sig")
    assert sorted(d.url for d in read_documents([tmp_path])) == ["https://a.test/1", "https://b.test/1"]


def test_a_document_may_be_undated_or_older_than_any_web_page(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"url": "https://a.test/1", "text": "x", "published_at": ""}\n'
                                      '{"url": "https://a.test/2", "text": "y", "published_at": "1985-06-01"}\n',
                                      encoding="utf-8")
    assert [d.published for d in read_documents([tmp_path / "a.jsonl"])] == [None, "1985-06-01"]


def test_a_failed_first_add_leaves_no_knowledge_base(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"url": "https://a.test/1", "text": "ok"}\n{oops\n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError):
        catalog.add("mine", [tmp_path / "bad.jsonl"], tmp_path / "home")
    assert catalog.user_names(tmp_path / "home") == []


def test_documents_files_are_indexed_once_by_content(tmp_path):
    docs = write_jsonl(tmp_path / "d.jsonl", [{"url": "https://a.test/1", "text": "Alpha."}])
    built = []
    first = catalog.indexed([docs], tmp_path / "home", on_build=lambda: built.append(1))
    again = catalog.indexed([docs], tmp_path / "home", on_build=lambda: built.append(1))
    assert first.path == again.path and built == [1]
    write_jsonl(docs, [{"url": "https://a.test/1", "text": "Alpha changed."}])
    assert catalog.indexed([docs], tmp_path / "home").path != first.path


def test_unknown_names_list_the_known_ones(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="the knowledge bases are finance, legal, medical"):
        catalog.open_kb("nosuch", tmp_path)


def test_adding_a_file_with_no_document_is_an_error_and_makes_no_knowledge_base(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text('{"url": "https://a.test/1", "title": "", "text": null}\n', encoding="utf-8")
    for name in ("empty.jsonl", "blank.jsonl"):
        with pytest.raises(KnowledgeBaseError, match="no documents with text to add"):
            catalog.add("mine", [tmp_path / name], tmp_path / "home")
    assert catalog.user_names(tmp_path / "home") == []


# A writer killed part-way through an add (as SIGKILL or a crash would), in its own process:
# os._exit leaves the transaction open and the rollback journal hot.
KILLED_WRITER = """
import os, sys
from pathlib import Path
from orchestrator.kb.index import Document, KnowledgeBase

def documents():
    for n in range(50):
        yield Document(f"https://a.test/{n}", "more", "word " * 100)
    os._exit(9)

KnowledgeBase(Path(sys.argv[1]), "t").add(documents())
"""


def test_a_write_killed_part_way_is_rolled_back_at_the_next_open(kb):
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(kb.path)], capture_output=True, text=True)
    journal = kb.path.with_name(kb.path.name + "-journal")
    assert killed.returncode == 9 and journal.exists(), killed.stderr
    reopened = KnowledgeBase(kb.path, "t")  # read-only until now: it failed "attempt to write a readonly database"
    assert reopened.info()["documents"] == 3 and not journal.exists()
    assert [h.document.url for h in reopened.search("panda")] == [OTHER.url]


def test_a_failed_add_leaves_the_tier_as_it_was(tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", [{"url": "https://a.test/1", "text": "ok"}])
    (tmp_path / "bad.jsonl").write_text('{"url": "https://a.test/2", "text": "ok"}\n{oops\n', encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    catalog.add("mine", [good], tmp_path / "home", tier="official")
    for failing in ("bad.jsonl", "empty.jsonl"):
        with pytest.raises(KnowledgeBaseError):
            catalog.add("mine", [tmp_path / failing], tmp_path / "home", tier="other")
    assert catalog.open_kb("mine", tmp_path / "home").tier == "official"
    catalog.add("mine", [good], tmp_path / "home", tier="media")
    assert catalog.open_kb("mine", tmp_path / "home").tier == "media"


CAFE = "The café on the corner reopened this week after a long refit, the owners said on Monday."


@pytest.mark.parametrize(("charset", "title", "body"), [
    ("iso-8859-1", "Café news", CAFE), ("windows-1252", "“Café” news", CAFE),
    ("shift_jis", "東京のニュース", "東京の喫茶店が改装を終えて今週再開した。店主によると、客足は以前よりも多いという。"),
])
def test_html_is_read_in_the_charset_it_declares(tmp_path, charset, title, body):
    """It was refused: "not UTF-8 text (byte 49)"."""
    page = (f'<html><head><meta charset="{charset}"><title>{title}</title></head><body><article>'
            f"<p>{body}</p></article></body></html>")
    (tmp_path / "p.html").write_bytes(page.encode(charset))
    [doc] = read_documents([tmp_path / "p.html"])
    assert doc.title == title and body in doc.text


def test_html_that_declares_no_charset_is_still_utf8(tmp_path):
    (tmp_path / "p.html").write_bytes("<html><body><p>Café</p></body></html>".encode("latin-1"))
    with pytest.raises(KnowledgeBaseError, match=r"p.html: not UTF-8 text \(byte \d+\)"):
        list(read_documents([tmp_path / "p.html"]))


def test_a_bad_line_is_told_by_its_line_in_the_file_alone(tmp_path):
    """The JSON parser's own "line 2 column 1" (past the line's end) named a second line."""
    (tmp_path / "a.jsonl").write_text('{"url": "https://a.test/1", "text": "x"}\n{"url": "https://a.test/2"\n',
                                      encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"a\.jsonl:2: invalid JSON \(Expecting ',' delimiter at character \d+\)$"):
        list(read_documents([tmp_path / "a.jsonl"]))


def test_a_knowledge_base_name_comes_before_a_same_named_folder_where_one_stands(tmp_path, monkeypatch):
    """A tryout's `--knowledge-base ml` from a folder holding "ml/" had indexed that folder."""
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"url": "https://example.org/mine", "title": "Mine", "text": "The registered one."}\n')
    catalog.add("ml", [docs], tmp_path / "home")
    (tmp_path / "ml").mkdir()
    (tmp_path / "ml" / "page.md").write_text("# A folder's page\n\nKept in a folder.\n")
    monkeypatch.chdir(tmp_path)
    assert [h.document.url for h in catalog.open_kb("ml", tmp_path / "home").search("registered")] == \
        ["https://example.org/mine"]
    folder = catalog.open_kb("./ml", tmp_path / "home")  # written as a path: the folder
    assert folder.search("registered") == [] and folder.search("kept") != []
