"""A knowledge base as a source kind (sources/kb.py): documents come back as pages with their
own URLs and dates, the cross-check and the quote checks run unchanged, nothing goes to the
network, and a document published after the question's moment does not exist yet. The
shipped examples (finance, medical, legal) and Client(knowledge_base=...)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from orchestrator.api import ask
from orchestrator.client import Client
from orchestrator.errors import ConfigError, InputError
from orchestrator.kb import catalog
from orchestrator.net.limited import NoNetworkTransport
from tests.kb.nobel import NOBEL

QUESTION = "Who won the 2024 Nobel Prize in Literature?"


@pytest.fixture
def docs(tmp_path) -> Path:
    path = tmp_path / "nobel.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in NOBEL), encoding="utf-8")
    return path


def offline(question: str, kb, now: datetime | str):
    return ask(question, knowledge_base=kb, sources=["kb"], transport=NoNetworkTransport(), now=now, use_model=False)


def test_documents_answer_with_their_own_urls_dates_and_literal_quotes(docs):
    answer = offline(QUESTION, docs, datetime(2024, 10, 20, tzinfo=UTC))
    assert (answer.status, answer.answer) == ("answered", "Han Kang")
    by_url = {d["url"]: d for d in NOBEL}
    assert {c.url for c in answer.citations} == set(by_url)
    for citation in answer.citations:
        assert citation.quote in by_url[citation.url]["text"]
        assert citation.published_at == "2024-10-10"
    assert {c.tier for c in answer.citations} == {"official", "media"}  # the policy's tiers for their URLs


def test_now_may_be_written_as_the_command_line_takes_it(docs):
    # "2024-10-20" is read as --now reads it; text that is no moment is one error naming now
    assert offline(QUESTION, docs, "2024-10-20").answer == "Han Kang"
    with pytest.raises(InputError, match="^now takes a date or date-time"):
        offline(QUESTION, docs, "yesterday")


def test_a_document_published_after_the_question_does_not_exist_yet(docs):
    answer = offline(QUESTION, docs, datetime(2024, 10, 1, tzinfo=UTC))
    assert answer.status == "abstained" and answer.citations == []


def test_a_knowledge_base_can_declare_its_tier(docs, isolated_home):
    catalog.add("prizes", [docs], isolated_home, tier="official")
    answer = offline(QUESTION, "prizes", datetime(2024, 10, 20, tzinfo=UTC))
    assert answer.status == "answered" and {c.tier for c in answer.citations} == {"official"}


def test_unknown_sources_and_knowledge_bases_are_refused():
    with pytest.raises(InputError, match="unknown source 'nope'"):
        ask(QUESTION, sources=["nope"], use_model=False, transport=NoNetworkTransport())
    with pytest.raises(ConfigError, match="the knowledge bases are finance, legal, medical"):
        ask(QUESTION, knowledge_base="nope", use_model=False, transport=NoNetworkTransport())


@pytest.mark.parametrize("name", catalog.example_names())
def test_each_example_is_a_few_dozen_dated_documents_with_real_urls(name, isolated_home):
    lines = (catalog.EXAMPLES_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    assert 20 <= len(lines) <= 60
    urls = set()
    for line in lines:
        doc = json.loads(line)
        assert doc["url"].startswith("https://") and doc["url"] not in urls
        urls.add(doc["url"])
        assert datetime.fromisoformat(doc["published_at"]) and doc["publisher"] and len(doc["text"]) > 60
    kb = catalog.find(name, isolated_home)
    assert kb is not None and kb.info()["documents"] == len(lines)


@pytest.mark.parametrize("name, question, now, expected", [
    ("finance", "What did the FOMC set the target range for the federal funds rate to on 18 September 2024?",
     datetime(2024, 9, 20, tzinfo=UTC), "federalreserve.gov"),
    ("medical", "Which vaccine did the FDA approve as the first RSV vaccine?", datetime(2023, 5, 10, tzinfo=UTC), "fda.gov"),
    ("legal", "Which case overruled Chevron deference?", datetime(2024, 7, 5, tzinfo=UTC), "supremecourt.gov"),
])
def test_the_examples_are_searched_offline(name, question, now, expected, isolated_home):
    hits = catalog.open_kb(name, isolated_home).search(question, before=now.date(), limit=3)
    assert hits and expected in hits[0].document.url


def test_client_uses_the_knowledge_base_of_that_name(isolated_home):
    finance = Client(knowledge_base="finance", use_model=False)
    assert finance.settings.policy.name == "finance.yaml" and finance.knowledge_base is not None
    medical = Client(knowledge_base="medical", use_model=False)  # documents, and the default policy
    assert medical.settings.policy.name == "default.yaml" and medical.describe()["documents"] == "medical"
    assert Client(knowledge_base="health", use_model=False).knowledge_base is None  # a policy, no documents
    with pytest.raises(ConfigError, match="the knowledge bases are default, finance, health, legal, medical"):
        Client(knowledge_base="astrology")


def test_client_runs_search_its_knowledge_base_first(isolated_home):
    client = Client(knowledge_base="medical", use_model=False)
    options = client.run_options(replay="unused")  # no transport made: nothing is sent
    assert options["knowledge_base"] is client.knowledge_base
    answer = ask("Who won the Nobel Prize in Physiology or Medicine 2024?", transport=NoNetworkTransport(),
                 now=datetime(2024, 10, 20, tzinfo=UTC), **{k: v for k, v in options.items() if k != "chat_model"})
    # read from the medical example, offline (two laureates: without a model the names stand side by side)
    assert "Victor Ambros" in (answer.answer or "") + " ".join(answer.warnings)


def test_without_realtime_search_the_documents_are_the_only_source(isolated_home):
    client = Client(knowledge_base="legal", use_model=False, capabilities=["code_gen"])
    answer = client.query("Which Supreme Court case overruled Chevron deference in 2024?", now=datetime(2024, 7, 10, tzinfo=UTC))
    assert answer.status != "abstained" or "realtime search" not in " ".join(answer.warnings)
    options = client.run_options()
    assert options["sources"] == ["kb"] and isinstance(options["transport"], NoNetworkTransport)


def test_an_answer_one_knowledge_base_verified_is_served_only_to_runs_with_it(docs, isolated_home):
    catalog.add("prizes", [docs], isolated_home, tier="official")
    now = datetime(2024, 10, 20, tzinfo=UTC)

    def cached_run(**kwargs):
        return ask(QUESTION, sources=["kb"], transport=NoNetworkTransport(), now=now, use_model=False, cache=True, **kwargs)

    assert cached_run(knowledge_base="prizes").status == "answered"
    assert cached_run(knowledge_base="prizes").warnings[0].startswith("from the knowledge cache")
    # no documents (and no page read): nothing verifies it, nor does the cache
    without = ask(QUESTION, sources=["wikipedia"], transport=NoNetworkTransport(), now=now, use_model=False, cache=True)
    assert (without.status, without.citations) == ("abstained", [])
    catalog.add("prizes-other", [docs], isolated_home)  # the same documents at the policy's tiers: a run of its own
    assert not cached_run(knowledge_base="prizes-other").warnings[0].startswith("from the knowledge cache")
    catalog.add("prizes", [docs], isolated_home, tier="official")  # the same documents again: still served
    assert cached_run(knowledge_base="prizes").warnings[0].startswith("from the knowledge cache")
    # a document replaced (the same URL, another laureate): the answer cached from the old one is gone
    changed = [{**NOBEL[0], "text": NOBEL[0]["text"].replace("Han Kang", "Jon Fosse")}, *NOBEL[1:]]
    docs.write_text("".join(json.dumps(d) + "\n" for d in changed), encoding="utf-8")
    catalog.add("prizes", [docs], isolated_home, tier="official")
    assert not cached_run(knowledge_base="prizes").warnings[0].startswith("from the knowledge cache")


def test_a_page_naming_nothing_the_question_names_answers_nothing(tmp_path):
    """A newer report of another event ("Donald Trump won the 2024 election") beside the
    prize's own page: who won the Nobel in Literature is answered from the prize's page."""
    election = {"url": "https://apnews.com/article/election-2024-trump", "title": "Trump wins the presidency",
                "text": "Donald Trump won the 2024 U.S. presidential election, defeating Kamala Harris.",
                "published_at": "2024-11-06", "publisher": "AP"}
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in [NOBEL[0], election]), encoding="utf-8")
    answer = offline(QUESTION, path, datetime(2024, 11, 20, tzinfo=UTC))
    assert (answer.status, answer.answer) == ("answered", "Han Kang"), answer.warnings
    physics = offline("Who won the 2024 Nobel Prize in Physics?", path, datetime(2024, 11, 20, tzinfo=UTC))
    assert physics.status == "abstained" and physics.citations == []  # neither page tells


def test_the_trace_names_the_knowledge_base_a_run_searched(docs):
    from orchestrator.config import resolve_settings
    from orchestrator.trace.report import header
    from orchestrator.trace.store import TraceStore

    answer = offline(QUESTION, docs, datetime(2024, 10, 20, tzinfo=UTC))
    trace = TraceStore(resolve_settings().trace_db).get(answer.trace_id)
    assert header(trace)["knowledge_base"] == "nobel.jsonl"  # a documents file goes by its name


def test_a_follow_up_round_reads_documents_the_first_did_not(tmp_path):
    """Twelve short previews rank above the laureate's two long reports for every query the
    loop sends: the second round reads the documents below the first round's eight, and
    finds the answer (taking the same best documents again, it read nothing new and stopped)."""
    previews = [{"url": f"https://example.org/preview-{i}", "title": f"Who won the Nobel Prize in Literature 2024? Preview {i}",
                 "text": f"Preview {i}: who won the 2024 Nobel Prize in Literature? The Nobel Prize in "
                         "Literature 2024 is announced in October.", "published_at": "2024-10-01",
                 "publisher": "Example"} for i in range(12)]
    talk = " ".join(f"The academy's secretary spoke about the author's books in session {i}." for i in range(40))
    reports = [{**doc, "title": "The prize announced", "text": f"{talk} {doc['text']}"} for doc in NOBEL]
    path = tmp_path / "deep.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in [*previews, *reports]), encoding="utf-8")
    answer = offline(QUESTION, path, datetime(2024, 10, 20, tzinfo=UTC))
    assert (answer.status, answer.answer) == ("answered", "Han Kang"), answer.warnings



def test_a_documents_headline_is_a_passage_like_a_web_pages(tmp_path):
    """Where only the headlines say who won, the answer comes from them, quoted word for word
    from the document's title, as a web page's headline is read (sources/extract.py)."""
    docs = [{"url": "https://apnews.com/article/super-bowl-lix-eagles-chiefs", "title": "Eagles rout Chiefs 40-22 to win Super Bowl LIX",
             "text": "Jalen Hurts was named the game's most valuable player in New Orleans on Sunday night.",
             "published_at": "2025-02-10", "publisher": "AP"},
            {"url": "https://www.espn.com/nfl/story/super-bowl-lix-recap", "title": "Philadelphia Eagles win Super Bowl LIX",
             "text": "Cooper DeJean returned an interception for a touchdown on his birthday.",
             "published_at": "2025-02-10", "publisher": "ESPN"}]
    path = tmp_path / "bowl.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    answer = offline("Which team won Super Bowl LIX?", path, datetime(2025, 2, 12, tzinfo=UTC))
    assert (answer.status, answer.answer) == ("answered", "Philadelphia Eagles"), answer.warnings
    titles = {d["url"]: d["title"] for d in docs}
    assert answer.citations and all(c.quote in titles[c.url] for c in answer.citations)


def test_a_prize_awarded_to_one_and_jointly_to_two_more_names_all_three(tmp_path):
    """"awarded to David Baker ... for ..., and jointly to Demis Hassabis and John Jumper":
    who won it is the three of them, not the first alone."""
    said = ("The 2024 Nobel Prize in Chemistry was awarded on Wednesday to David Baker of the University of Washington "
            "for computational protein design, and jointly to Demis Hassabis and John Jumper of Google DeepMind for "
            "protein structure prediction.")
    doc = {"url": "https://www.nobelprize.org/prizes/chemistry/2024/press-release/", "title": "Chemistry prize 2024",
           "text": said, "published_at": "2024-10-09", "publisher": "Nobel Prize"}
    path = tmp_path / "chemistry.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    answer = offline("Who won the 2024 Nobel Prize in Chemistry?", path, datetime(2024, 10, 20, tzinfo=UTC))
    assert (answer.status, answer.answer) == ("answered", "David Baker, Demis Hassabis and John Jumper"), answer.warnings


def test_the_model_reads_only_pages_that_can_support_an_answer(tmp_path):
    """A span is proposed from the window's pages: a page from March saying "Purim begins this
    week" is no answer in September, and the model never sees it."""
    from orchestrator.model.fake import ScriptedModel

    docs = [{"url": "https://example.org/purim", "title": "Purim begins this week",
             "text": "Purim begins this week, and the Jewish holiday is celebrated with costumes.",
             "published_at": "2025-03-12", "publisher": "Example"},
            {"url": "https://apnews.com/rosh-hashanah", "title": "A new year", "published_at": "2025-09-23",
             "text": "Rosh Hashanah, the Jewish New Year, was celebrated this week with prayers and apples.",
             "publisher": "AP"},
            {"url": "https://www.reuters.com/rosh-hashanah", "title": "Shofar sounds", "published_at": "2025-09-24",
             "text": "Jewish families celebrated Rosh Hashanah this week, hearing the shofar in synagogues.",
             "publisher": "Reuters"}]
    path = tmp_path / "holidays.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    model = ScriptedModel(lambda messages, schema: json.dumps(
        {"answer": "Purim" if "Purim" in messages[-1]["content"] else "Rosh Hashanah"}))
    answer = ask("Which Jewish holiday was celebrated this week?", knowledge_base=path, sources=["kb"],
                 transport=NoNetworkTransport(), now=datetime(2025, 9, 25, tzinfo=UTC), chat_model=model)
    assert model.calls and not any("Purim" in call.messages[-1]["content"] for call in model.calls)
    assert (answer.status, answer.answer) == ("answered", "Rosh Hashanah"), answer.warnings


def test_a_proposed_span_counts_where_a_matching_page_writes_it_away_from_its_best_passage(tmp_path):
    """The model's span needs two sources; a page about the question may write it in a
    sentence that matches the question less than its lead does ("Their names, Peach and
    Blossom, ..."). It still states it, and is the second source."""
    from orchestrator.model.fake import ScriptedModel

    docs = [{"url": "https://apnews.com/turkeys", "title": "Biden pardons Thanksgiving turkeys",
             "text": "President Joe Biden pardoned two turkeys named Peach and Blossom at the White House on Monday.",
             "published_at": "2024-11-25", "publisher": "AP"},
            {"url": "https://www.reuters.com/turkeys", "title": "A last turkey pardon", "published_at": "2024-11-25",
             "text": "President Joe Biden pardoned two Thanksgiving turkeys from Minnesota at the White House on Monday. "
                     "Their names, Peach and Blossom, come from the state flower of Delaware.",
             "publisher": "Reuters"}]
    path = tmp_path / "turkeys.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    model = ScriptedModel(lambda messages, schema: json.dumps({"answer": "Peach and Blossom"}))
    answer = ask("What are the names of the turkeys President Joe Biden pardoned this week?", knowledge_base=path,
                 sources=["kb"], transport=NoNetworkTransport(), now=datetime(2024, 11, 27, tzinfo=UTC), chat_model=model)
    assert (answer.status, answer.answer) == ("answered", "Peach and Blossom"), answer.warnings
    assert len({c.url for c in answer.citations}) == 2


def test_the_knowledge_base_alone_reads_no_official_endpoint(docs):
    """``sources=["kb"]`` is the knowledge base and nothing else: the policy's Nobel topic
    names nobelprize.org as an official endpoint, read first for every policy, unless the
    kinds asked leave ``official`` out."""
    import httpx

    asked: list[str] = []

    class Recording(NoNetworkTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            asked.append(str(request.url))
            return await super().handle_async_request(request)

    now = datetime(2024, 10, 20, tzinfo=UTC)
    answer = ask(QUESTION, knowledge_base=docs, sources=["kb"], transport=Recording(), now=now, use_model=False)
    assert (answer.status, answer.answer, asked) == ("answered", "Han Kang", [])
    ask(QUESTION, knowledge_base=docs, sources=["kb", "official"], transport=Recording(), now=now, use_model=False)
    assert asked and all("nobelprize.org" in url for url in asked)  # named, it is read


@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_knowledge_base_name_is_refused_not_the_working_directory(name, isolated_home):
    """Client(knowledge_base="") and query --knowledge-base "" had indexed the working directory."""
    with pytest.raises(ConfigError, match="unknown knowledge base .*: the knowledge bases are default, finance"):
        Client(knowledge_base=name, use_model=False)


def test_a_yes_no_whose_names_the_gloss_drops_abstains(tmp_path, isolated_home):
    """"石破茂氏は今も首相ですか？" ("Is Shigeru Ishiba still prime minister?") was read as "did
    prime minister?", and the reports of his successor's election said yes."""
    elected = [
        {"url": "https://www3.nhk.or.jp/news/html/20251021/k10014950001000.html", "title": "高市早苗氏 第104代首相に選出",
         "text": "21日召集された臨時国会で、自民党の高市早苗総裁が第104代の内閣総理大臣に選出されました。",
         "published_at": "2025-10-21", "publisher": "NHK"},
        {"url": "https://www.kyodonews.jp/news/2025/10/21-takaichi.html", "title": "高市氏が首相に",
         "text": "自民党の高市早苗総裁は21日、衆参両院の本会議で首相に指名された。", "published_at": "2025-10-21",
         "publisher": "共同通信"},
    ]
    path = tmp_path / "ja.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in elected), encoding="utf-8")
    answer = offline("石破茂氏は今も首相ですか？", path, datetime(2025, 10, 22, tzinfo=UTC))
    assert answer.status == "abstained" and "names are not among the words" in " ".join(answer.warnings), answer
