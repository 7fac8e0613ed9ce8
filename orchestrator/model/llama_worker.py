"""One thread owns a loaded ``Llama``; callers submit jobs to its queue.

A ``Llama`` is not thread-safe, and a lock is not fair: with several questions in flight a
queue runs their model calls one at a time in the order they were submitted, and keeps
the model's state (the KV cache that prefix reuse depends on) touched by one thread only.
Callers block on a ``Future``; streaming jobs hand pieces back through a per-call queue.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator
from concurrent.futures import Future
from typing import Any, TypeVar

from orchestrator.errors import ModelCallFailed

T = TypeVar("T")
Job = Callable[[Any], Any]  # receives the Llama
Emit = Callable[[str], None]

_STOP = object()  # ends the worker loop
_DONE = object()  # ends one stream


class LlamaWorker:
    def __init__(self, llama: Any, name: str = "llama") -> None:
        self.llama = llama
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._serve, name=f"{name}-worker", daemon=True)
        self._thread.start()

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, job: Callable[[Any], T]) -> Future[T]:
        if self._closed:
            raise ModelCallFailed("the model has been closed")
        future: Future[T] = Future()
        self._jobs.put((job, future))
        return future

    def run(self, job: Callable[[Any], T]) -> T:
        """Submit and wait; the job's exception is raised here, on the caller's thread."""
        return self.submit(job).result()

    def stream(self, job: Callable[[Any, Emit], T]) -> Generator[str, None, T]:
        """Run ``job(llama, emit)`` on the worker and yield what it emits, as it emits it.
        The generator's return value (``StopIteration.value``) is the job's result. Closing
        the generator early asks the job to stop at its next ``emit``."""
        pieces: queue.SimpleQueue = queue.SimpleQueue()
        cancelled = threading.Event()

        def emit(piece: str) -> None:
            if cancelled.is_set():
                raise _Cancelled
            pieces.put(piece)

        def wrapped(llama: Any) -> T:
            try:
                return job(llama, emit)
            finally:
                pieces.put(_DONE)

        future = self.submit(wrapped)
        try:
            while (piece := pieces.get()) is not _DONE:
                yield piece
        finally:
            cancelled.set()
        return future.result()

    def close(self, timeout: float = 5.0) -> bool:
        """Stop after the jobs already queued; True if the worker finished in time (only
        then is the Llama freed: freeing it under a running job would crash)."""
        if not self._closed:
            self._closed = True
            self._jobs.put((_STOP, None))
        self._thread.join(timeout)
        if self._thread.is_alive():
            return False
        close = getattr(self.llama, "close", None)
        if close is not None:
            try:
                close()
            except Exception:
                pass
        return True

    def _serve(self) -> None:
        while True:
            job, future = self._jobs.get()
            if job is _STOP:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job(self.llama))
            except BaseException as exc:  # handed to the caller, who raises it
                future.set_exception(exc)


class _Cancelled(Exception):
    """Raised inside a streaming job when its consumer has gone away."""
