"""LlamaLocalModel. The real-model tests need llama-cpp-python and the default model
assembled under $ORCHESTRATOR_HOME (default ~/.orchestrator)/models; otherwise skipped."""

import json
import os
import sys
from pathlib import Path

import pytest

from orchestrator.errors import ModelCallFailed, ModelMissing
from orchestrator.model import LlamaLocalModel, default_model_path, llama_local, load_model

DATA_DIR = Path(os.environ.get("ORCHESTRATOR_HOME", Path.home() / ".orchestrator"))
MODEL_PATH = default_model_path(DATA_DIR)
SCHEMA = {"type": "object", "properties": {"answer": {"type": "integer"}}, "required": ["answer"]}
QUESTION = [{"role": "user", "content": "What is 2+3? Reply in JSON."}]


def _llama_cpp_importable() -> bool:
    try:
        import llama_cpp  # noqa: F401
    except Exception:
        return False
    return True


needs_model = pytest.mark.skipif(
    not (_llama_cpp_importable() and MODEL_PATH.is_file()),
    reason=f"needs llama-cpp-python and the default model at {MODEL_PATH}",
)


def test_missing_file_names_path(tmp_path):
    missing = tmp_path / "nope.gguf"
    with pytest.raises(ModelMissing, match="nope.gguf"):
        LlamaLocalModel(missing)
    with pytest.raises(ModelMissing, match="nope.gguf"):
        load_model(model_path=missing, llm_url=None, data_dir=tmp_path)


def test_llama_cpp_not_importable(tmp_path, monkeypatch):
    f = tmp_path / "fake.gguf"
    f.write_bytes(b"GGUF")
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # makes `import llama_cpp` fail
    m = LlamaLocalModel(f)
    with pytest.raises(ModelMissing) as err:
        m.complete(QUESTION)
    assert "llama-cpp-python" in str(err.value) and "\n" not in str(err.value)


@pytest.mark.skipif(not _llama_cpp_importable(), reason="needs llama-cpp-python")
def test_a_model_llama_cpp_cannot_load_stops_the_run(tmp_path, isolated_home):
    from orchestrator import ask
    from orchestrator.errors import ModelError, ModelUnavailable

    f = tmp_path / "garbage.gguf"  # a truncated download, say: its magic is right
    f.write_bytes(b"GGUF, then not a model at all" * 100)
    with pytest.raises(ModelUnavailable, match="cannot load model"):
        LlamaLocalModel(f).load()
    # said as one error, not a warning on "The local model could not answer." (which nodes
    # give for a failed call: a ModelError)
    with pytest.raises(ModelUnavailable, match="cannot load model") as err:
        ask("Write a Python function that reverses a string", model=f)
    assert not isinstance(err.value, ModelError) and "\n" not in str(err.value)


def test_a_directory_given_as_the_model_is_named_so(tmp_path):
    with pytest.raises(ModelMissing, match="is a directory"):
        LlamaLocalModel(tmp_path)


def test_a_file_that_is_no_gguf_model_is_refused_before_any_question(tmp_path):
    from orchestrator.errors import ModelError

    f = tmp_path / "docs.jsonl"  # given as --model by mistake: said at once, not when the rules can't settle
    f.write_text('{"url": "https://example.org", "title": "t", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(ModelError, match="not a GGUF model file"):
        LlamaLocalModel(f)


# One thread for prompts and generation: the prompt's thread count otherwise follows the
# machine's load per call (llama_local.prompt_threads), and its arithmetic with it, so two
# calls compared here could differ on a busy machine.
TEST_THREADS = 1


@pytest.fixture(scope="module")
def model():
    return LlamaLocalModel(MODEL_PATH, n_threads=TEST_THREADS).load()  # the n_ctx the pipeline uses


@needs_model
def test_schema_completion_returns_json_int(model):
    c = model.complete(QUESTION, schema=SCHEMA, max_tokens=32)
    data = json.loads(c.text)
    assert isinstance(data["answer"], int) and not isinstance(data["answer"], bool)
    assert c.prompt_tokens > 0 and c.completion_tokens > 0 and c.ms > 0


@needs_model
def test_a_fixed_string_with_a_quote_is_refused_not_a_crash(model):
    # llama-cpp-python writes such an enum into a grammar llama.cpp cannot parse, and
    # sampling with it crashed the process (a film title "“The Rock”" written with straight quotes)
    options = ['"The Rock"', "Escape from Alcatraz"]
    schema = {"type": "object", "properties": {"answer": {"enum": options}}, "required": ["answer"]}
    with pytest.raises(ModelCallFailed, match="quote or backslash"):
        model.complete(QUESTION, schema=schema, max_tokens=16)
    plain = {"type": "object", "properties": {"answer": {"enum": ["The Rock", "Escape from Alcatraz"]}}}
    assert json.loads(model.complete(QUESTION, schema=plain, max_tokens=16).text)["answer"] in plain[
        "properties"]["answer"]["enum"]


@needs_model
def test_plain_completion_and_stream(model):
    msgs = [{"role": "user", "content": "Say hello in one word."}]
    c = model.complete(msgs, max_tokens=8)
    assert c.text.strip()
    assert 0 < c.completion_tokens <= 8
    pieces = list(model.stream(msgs, max_tokens=8))
    assert pieces and "".join(pieces).strip() == c.text.strip()  # temperature 0


@needs_model
def test_loaded_once_per_path(model):
    other = LlamaLocalModel(MODEL_PATH, n_threads=TEST_THREADS).load()
    assert other._loaded is model._loaded
    assert len([k for k in llama_local._cache if k[0] == str(MODEL_PATH.resolve())]) >= 1


@needs_model
def test_concurrent_callers_share_one_model_and_match_sequential(model):
    import threading

    prompts = [[{"role": "user", "content": f"What is {i}+{i}?"}] for i in range(1, 4)]
    sequential = [model.complete(p, max_tokens=6).text for p in prompts]
    results = [None] * len(prompts)

    def call(i):
        results[i] = model.complete(prompts[i], max_tokens=6).text

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(prompts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert results == sequential  # temperature 0, one model, calls taken in turn


@needs_model
def test_streamed_completion_reports_pieces_tokens_and_first_token(model):
    msgs = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Name three colours, one line."}]

    def complete(**kwargs):
        # the same KV cache before each call: a prompt repeated right after itself is read from
        # the cache and only its last token evaluated again, alone, with other arithmetic
        model.complete([{"role": "user", "content": "Say hi."}], max_tokens=1)
        return model.complete(msgs, max_tokens=16, stop=["\n"], **kwargs)
    plain = complete()
    pieces: list[str] = []
    streamed = complete(on_text=pieces.append)
    assert len(pieces) > 1 and "".join(pieces) == streamed.text == plain.text
    assert "\n" not in streamed.text
    assert streamed.prompt_tokens == plain.prompt_tokens == model.count_tokens(msgs)
    assert abs(streamed.completion_tokens - plain.completion_tokens) <= 1
    assert streamed.first_token_ms is not None and 0 < streamed.first_token_ms <= streamed.ms


@needs_model
def test_close_all_frees_models_and_a_later_call_loads_again():
    own = LlamaLocalModel(MODEL_PATH, n_ctx=512).load()
    first = own._loaded
    llama_local.close_all()
    assert first.worker.closed
    assert own.complete([{"role": "user", "content": "Say hi."}], max_tokens=2).text
    assert own._loaded is not first


class _Params:
    use_extra_bufts = True


class _FakeLlamaCpp:
    """Just what ``without_amx`` reads: the build's system info and the default parameters."""

    def __init__(self, info: bytes) -> None:
        self.info = info
        self.llama_cpp = self  # llama_cpp.llama_cpp, the low-level module Llama reads

    def llama_print_system_info(self) -> bytes:
        return self.info

    def llama_model_default_params(self) -> _Params:
        return _Params()


@pytest.mark.parametrize(("info", "extra_buffers"), [
    (b"CPU : AVX2 = 1 | AVX512 = 1 | AMX_INT8 = 1 | REPACK = 1 | ", False),
    (b"CPU : AVX2 = 1 | AVX512 = 1 | REPACK = 1 | ", True),
])
def test_an_amx_build_loads_its_weights_without_extra_buffers(info, extra_buffers):
    fake = _FakeLlamaCpp(info)
    default_params = fake.llama_model_default_params
    with llama_local.without_amx(fake):
        assert fake.llama_model_default_params().use_extra_bufts is extra_buffers
    assert fake.llama_model_default_params == default_params  # put back after the load
