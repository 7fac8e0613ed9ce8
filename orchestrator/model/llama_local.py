"""ChatModel running a GGUF in process with llama-cpp-python.

The ``Llama`` is loaded once per process per (path, n_ctx, n_threads) and owned by one
worker thread (``LlamaWorker``); every ``LlamaLocalModel`` pointing at it submits its
calls to that worker's queue, so concurrent questions share one model and take turns in
order. Every prompt starts with the same system message (``prompts.SYSTEM``), and
llama-cpp-python reuses the longest prompt prefix already in its KV cache, so that prefix
is evaluated once per process, not once per call.

Grammar-constrained JSON: ``response_format={"type": "json_object", "schema": schema}``
goes to ``Llama.create_chat_completion``. For a GGUF with a ``tokenizer.chat_template``
that is not one of the few templates llama_cpp recognises by exact text (Qwen2.5's is
not), llama_cpp uses a ``Jinja2ChatFormatter`` built from the GGUF's template and the
generic ``chat_formatter_to_chat_completion_handler``, which turns ``response_format``
into a grammar via ``LlamaGrammar.from_json_schema``. That helper silently falls back to
"any JSON" if the schema cannot be converted, so the schema is converted once here first
(cached) and a schema it cannot handle fails loudly instead.
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orchestrator.errors import ModelCallFailed, ModelError, ModelMissing, ModelUnavailable
from orchestrator.model import llama_prompt
from orchestrator.model.llama_worker import Emit, LlamaWorker
from orchestrator.model.protocol import Completion, OnText
from orchestrator.model.sampling import request_params

_INSTALL_HINT = "run `make setup` or `pip install llama-cpp-python`"


@dataclass
class _Loaded:
    worker: LlamaWorker
    load_ms: float = 0.0


_cache: dict[tuple[str, int, int | None], _Loaded] = {}
_cache_lock = threading.Lock()
_checked_schemas: set[str] = set()
_atexit_registered = False


def _import_llama_cpp() -> Any:
    try:
        import llama_cpp
    except Exception as exc:  # ImportError, or OSError loading libllama.so
        raise ModelMissing(
            f"llama-cpp-python is not usable ({type(exc).__name__}: {exc}); {_INSTALL_HINT}"
        ) from exc
    _silence(llama_cpp)
    return llama_cpp


class _KeepOutput:
    """Stands in for llama_cpp's ``suppress_stdout_stderr``. With ``verbose=False`` that
    points the whole process's file descriptors 1 and 2 at /dev/null while a model loads;
    the load runs in a background thread here, so a run that ended meanwhile printed its
    answer (and the terminal's show-cursor) into /dev/null."""

    def __init__(self, disable: bool = True) -> None:
        pass

    def __enter__(self) -> _KeepOutput:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


_drop_log: Any = None  # the ctypes callback must outlive every llama.cpp call that may log


def _silence(llama_cpp: Any) -> None:
    """Quiet llama.cpp without touching the process's output: its C log (llama and ggml)
    goes to a callback that drops every message, and llama_cpp's modules get the no-op
    ``_KeepOutput`` in place of the descriptor redirection. ``verbose=False`` keeps
    llama-cpp-python's own prints off."""
    global _drop_log
    if _drop_log is not None:
        return
    _drop_log = llama_cpp.llama_log_callback(lambda level, text, user_data: None)
    llama_cpp.llama_log_set(_drop_log, ctypes.c_void_p(0))
    for name, module in list(sys.modules.items()):
        if name.startswith("llama_cpp") and hasattr(module, "suppress_stdout_stderr"):
            module.suppress_stdout_stderr = _KeepOutput  # type: ignore[attr-defined]  # replacing a helper of theirs


def _amx_build(llama_cpp: Any) -> bool:
    system_info = getattr(llama_cpp, "llama_print_system_info", None)  # absent from stand-ins
    info = system_info() if system_info else b""
    return b"AMX_INT8 = 1" in (info if isinstance(info, bytes) else str(info).encode())


@contextmanager
def without_amx(llama_cpp: Any) -> Iterator[None]:
    """A llama.cpp built on a CPU with AMX (``-march=native`` on a Sapphire Rapids Xeon)
    puts the weights in AMX buffers, and its AMX matrix product crashes the process
    (SIGSEGV in ``ggml_backend_amx_mul_mat``, llama-cpp-python 0.3.36) on the first prompt
    longer than one token. Such a build loads the model with ``use_extra_bufts`` off, as
    llama.cpp's ``--no-repack`` does; ``Llama`` takes no argument for it, so its default
    parameters are wrapped while it loads."""
    if not _amx_build(llama_cpp):
        yield
        return
    low = llama_cpp.llama_cpp
    default_params = low.llama_model_default_params

    def plain_buffers() -> Any:
        params = default_params()
        params.use_extra_bufts = False
        return params

    low.llama_model_default_params = plain_buffers
    try:
        yield
    finally:
        low.llama_model_default_params = default_params


def _load(path: Path, n_ctx: int, n_threads: int | None) -> _Loaded:
    key = (str(path), n_ctx, n_threads)
    with _cache_lock:
        loaded = _cache.get(key)
        if loaded is not None:
            return loaded
        if not path.is_file():
            raise ModelMissing(f"model file not found: {path}")
        llama_cpp = _import_llama_cpp()
        threads = n_threads or default_threads()  # every call sets its own (``_tuned``)
        kwargs: dict[str, Any] = {"model_path": str(path), "n_ctx": n_ctx, "verbose": False,
                                  "n_threads": threads, "n_threads_batch": threads}
        start = time.perf_counter()
        try:
            with without_amx(llama_cpp):
                llama = llama_cpp.Llama(**kwargs)
        except Exception as exc:  # llama.cpp says only "Failed to load model from file"
            raise ModelUnavailable(f"cannot load model {path} (truncated, damaged or of an architecture this "
                                   f"llama.cpp does not know): {type(exc).__name__}: {exc}") from exc
        loaded = _Loaded(worker=LlamaWorker(llama, name=path.stem[:24]),
                         load_ms=(time.perf_counter() - start) * 1000.0)
        _cache[key] = loaded
        global _atexit_registered
        if not _atexit_registered:
            # Free models before interpreter teardown; Llama.__del__ during teardown
            # prints "TypeError: 'NoneType' object is not callable".
            atexit.register(close_all)
            _atexit_registered = True
        return loaded


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_threads() -> int:
    """Half the cores this process may use. llama.cpp's threads spin at every barrier:
    when another process holds a core (the pipeline's own extraction, a browser, a test
    run), a thread per core stalls them all. On this 2-core machine under load one thread
    generated 2-10x faster than two, and idle two gained only ~15%."""
    return max(1, _cores() // 2)


def _runnable() -> int:
    return int(Path("/proc/loadavg").read_text().split()[3].split("/")[0])


def prompt_threads() -> int:
    """Threads for evaluating a prompt, chosen per call: every core when nothing else on
    the machine is runnable right now (Linux ``/proc/loadavg``; this thread is the one
    running task), else ``default_threads()``. Idle, two threads halve the time to the
    first token on two cores; contended, they double it. Two looks 2 ms apart, so the
    caller that just handed over its job has gone to sleep and a blip is not counted."""
    try:
        first = _runnable()
        time.sleep(0.002)
        running = min(first, _runnable())
    except (OSError, ValueError, IndexError):
        return default_threads()
    return _cores() if running <= 1 else default_threads()


def _tuned(job: Callable[..., Any], n_threads: int | None) -> Callable[..., Any]:
    """``job`` with the thread counts set for this call, on the worker, just before it runs."""

    def run(llama: Any, *args: Any) -> Any:
        threads = n_threads or default_threads()
        llama._ctx.set_n_threads(threads, n_threads or prompt_threads())
        return job(llama, *args)

    return run


def _literals(schema: Any) -> Iterator[str]:
    """The strings a schema's ``enum`` and ``const`` fix, at any depth."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "enum" and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            elif key == "const" and isinstance(value, str):
                yield value
            else:
                yield from _literals(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _literals(item)


def _check_schema(schema: dict[str, Any]) -> None:
    text = json.dumps(schema, sort_keys=True)
    if text in _checked_schemas:
        return
    # llama-cpp-python escapes a quote or backslash in a fixed string wrongly; llama.cpp then
    # fails to parse the grammar and the process crashes when sampling starts
    unsafe = next((v for v in _literals(schema) if '"' in v or "\\" in v), None)
    if unsafe is not None:
        raise ModelCallFailed(f"JSON schema cannot be turned into a grammar: the fixed string {unsafe!r} "
                              "holds a quote or backslash")
    from llama_cpp import llama_grammar

    try:
        llama_grammar.json_schema_to_gbnf(json.dumps(schema))
    except Exception as exc:
        raise ModelCallFailed(
            f"JSON schema cannot be turned into a grammar: {type(exc).__name__}: {exc}"
        ) from exc
    _checked_schemas.add(text)


def close_all() -> None:
    """Free every loaded model (at exit, or to reclaim memory); a LlamaLocalModel used
    afterwards loads its model again."""
    with _cache_lock:
        loaded = list(_cache.values())
        _cache.clear()
    for item in loaded:
        item.worker.close(timeout=1.0)  # a job still running keeps its model


def _generate(llama: Any, kwargs: dict[str, Any], emit: Emit) -> str:
    """A streamed chat completion on the worker: each text piece to ``emit``; the whole text."""
    chunks = llama.create_chat_completion(stream=True, **kwargs)
    pieces = []
    try:
        for chunk in chunks:
            choices = chunk.get("choices") or []
            piece = ((choices[0].get("delta") or {}).get("content") or "") if choices else ""
            if piece:
                pieces.append(piece)
                emit(piece)
    finally:
        chunks.close()
    return "".join(pieces)


class LlamaLocalModel:
    """In-process llama.cpp chat model. Loads lazily on first use (or ``load()``)."""

    def __init__(self, path: Path, n_ctx: int = 4096, n_threads: int | None = None) -> None:
        self.path = Path(path).expanduser().resolve()
        if self.path.is_dir():
            raise ModelMissing(f"{self.path} is a directory: give the model's .gguf file")
        if not self.path.is_file():
            raise ModelMissing(f"model file not found: {self.path}")
        with self.path.open("rb") as file:  # said now, not at the first question the rules can't settle
            if file.read(4) != b"GGUF":
                raise ModelError(f"not a GGUF model file: {self.path}")
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.name = f"llama.cpp:{self.path.name}"
        self._loaded: _Loaded | None = None

    def load(self) -> LlamaLocalModel:
        if self._loaded is None or self._loaded.worker.closed:  # closed: freed by close_all()
            self._loaded = _load(self.path, self.n_ctx, self.n_threads)
        return self

    def preload(self, prefix: list[dict[str, str]] | None = None) -> None:
        """Load in the background and evaluate ``prefix`` (the shared system message), so
        the load overlaps the question's fetching and the first call finds the prefix
        cached. Errors are left for the first call, which loads again and reports them."""

        def run() -> None:
            try:
                worker = self._worker
                if prefix:
                    worker.submit(self._tuned(lambda llama: llama_prompt.warm(llama, prefix)))
            except Exception:
                pass

        threading.Thread(target=run, name="llama-preload", daemon=True).start()

    @property
    def load_ms(self) -> float:
        """Time the (shared) load took; 0.0 if not loaded yet."""
        return self._loaded.load_ms if self._loaded else 0.0

    def _tuned(self, job: Callable[..., Any]) -> Callable[..., Any]:
        return _tuned(job, self.n_threads)

    @property
    def _worker(self) -> LlamaWorker:
        loaded = self.load()._loaded
        assert loaded is not None
        return loaded.worker

    def _kwargs(self, messages: list[dict[str, str]], schema: dict[str, Any] | None, max_tokens: int,
                stop: Sequence[str] | None) -> dict[str, Any]:
        if schema is not None:
            _check_schema(schema)
        return request_params(messages, schema=schema, max_tokens=max_tokens, stop=stop)

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 256,
        stop: Sequence[str] | None = None,
        on_text: OnText | None = None,
    ) -> Completion:
        worker = self._worker
        kwargs = self._kwargs(messages, schema, max_tokens, stop)
        start = time.perf_counter()
        if on_text is not None:
            return self._complete_streaming(worker, kwargs, on_text, start)

        def job(llama: Any) -> dict[str, Any]:
            return llama.create_chat_completion(**kwargs)

        try:
            resp = worker.run(self._tuned(job))
        except ModelError:
            raise
        except Exception as exc:
            raise ModelCallFailed(f"{self.name} completion failed: {type(exc).__name__}: {exc}") from exc
        ms = (time.perf_counter() - start) * 1000.0
        try:
            text = resp["choices"][0]["message"]["content"] or ""
        except (KeyError, IndexError, TypeError) as exc:
            raise ModelCallFailed(f"{self.name} returned no message content") from exc
        usage = resp.get("usage") or {}
        return Completion(
            text=text,
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
            ms=ms,
        )

    def _complete_streaming(self, worker: LlamaWorker, kwargs: dict[str, Any], on_text: OnText,
                            start: float) -> Completion:
        def job(llama: Any, emit: Emit) -> tuple[int, int]:
            text = _generate(llama, kwargs, emit)
            # A stream carries no usage: count as generation did.
            return (len(llama_prompt.prompt_tokens(llama, kwargs["messages"])),
                    len(llama_prompt.text_tokens(llama, text)))

        text, first_ms = [], None
        stream = worker.stream(self._tuned(job))
        try:
            while True:
                try:
                    piece = next(stream)
                except StopIteration as done:
                    prompt_tokens, completion_tokens = done.value
                    break
                if first_ms is None:
                    first_ms = (time.perf_counter() - start) * 1000.0
                text.append(piece)
                on_text(piece)
        except ModelError:
            raise
        except Exception as exc:
            raise ModelCallFailed(f"{self.name} streaming failed: {type(exc).__name__}: {exc}") from exc
        finally:
            stream.close()
        return Completion(text="".join(text), prompt_tokens=prompt_tokens, completion_tokens=completion_tokens,
                          ms=(time.perf_counter() - start) * 1000.0, first_token_ms=first_ms)

    def stream(
        self,
        messages: list[dict[str, str]],
        max_tokens: int = 256,
        *,
        schema: dict[str, Any] | None = None,
        stop: Sequence[str] | None = None,
    ) -> Iterator[str]:
        """Yield text pieces as they are generated (a generator; close it to stop early)."""
        kwargs = self._kwargs(messages, schema, max_tokens, stop)

        try:
            yield from self._worker.stream(self._tuned(lambda llama, emit: _generate(llama, kwargs, emit)))
        except (ModelError, GeneratorExit):
            raise
        except Exception as exc:
            raise ModelCallFailed(f"{self.name} streaming failed: {type(exc).__name__}: {exc}") from exc

    def count_tokens(self, messages: list[dict[str, str]]) -> int:
        """Prompt tokens ``messages`` would take, as generation tokenizes them."""
        return len(self._worker.run(lambda llama: llama_prompt.prompt_tokens(llama, messages)))

