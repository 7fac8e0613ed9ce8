"""Run a function in a worker process under a time limit. Extraction parses HTML that
anyone could have written; a page built to make the parser crawl costs one worker at most
``timeout`` seconds and is then killed. A thread could not be stopped, and would keep the
interpreter (and the question) waiting for it.

Workers are plain ``python -c`` subprocesses that talk length-prefixed pickles over their
stdin and stdout (both ends are ours), started on first use and kept for the next call. A
worker imports its module and runs the module's ``worker_preload()`` if it has one, so the
heavy imports happen there once, not in the caller.
Not multiprocessing: its spawn and forkserver children import the caller's main script
again, which would rerun a library user's unguarded top-level code; fork is unsafe next to
llama.cpp's threads. POSIX only (select on pipes).
"""

from __future__ import annotations

import atexit
import importlib
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

MAX_WORKERS = 2
STARTUP_SECONDS = 60.0  # importing the parsers on a loaded machine; not part of a call's limit
MEMORY_LIMIT = 2 * 1024 ** 3  # address space of a worker: a runaway parse fails, the machine is fine
_HEADER = struct.Struct("!Q")

_idle: list[_Worker] = []
_lock = threading.Lock()
_slots = threading.BoundedSemaphore(MAX_WORKERS)


class WorkerFailed(Exception):
    pass


class _Worker:
    def __init__(self, preload: str):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "import orchestrator.sources.isolate as m; m.serve()", preload],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0)
        self.preload = preload
        self.ready = False

    def send(self, obj: Any) -> None:
        data = memoryview(_HEADER.pack(len(obj := pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))) + obj)
        stdin = self.proc.stdin
        assert stdin is not None  # started with stdin=PIPE
        while data:
            data = data[stdin.write(data):]

    def receive(self, deadline: float) -> Any:
        size = _HEADER.unpack(self._read_exactly(_HEADER.size, deadline))[0]
        return pickle.loads(self._read_exactly(size, deadline))

    def _read_exactly(self, size: int, deadline: float) -> bytes:
        assert self.proc.stdout is not None  # started with stdout=PIPE
        fd, parts, left = self.proc.stdout.fileno(), [], size
        while left:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
            part = os.read(fd, min(left, 1 << 20))
            if not part:
                raise WorkerFailed("worker exited")
            parts.append(part)
            left -= len(part)
        return b"".join(parts)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()


def _take(preload: str) -> _Worker:
    with _lock:
        _idle[:] = [w for w in _idle if w.proc.poll() is None]  # forget workers that died idle
        for i, worker in enumerate(_idle):
            if worker.preload == preload:
                return _idle.pop(i)
    return _Worker(preload)


def _put_back(worker: _Worker) -> None:
    with _lock:
        if len(_idle) < MAX_WORKERS:
            _idle.append(worker)
            return
    worker.kill()


def prewarm(preload: str) -> None:
    """Start a worker now, so its imports overlap with whatever the caller does next."""
    with _lock:
        if not _idle:
            try:
                _idle.append(_Worker(preload))
            except OSError:
                pass  # the first call will say why


def call(fn: Callable[..., Any], *args: Any, timeout: float) -> tuple[bool, Any]:
    """``(True, result)``, or ``(False, reason)`` if ``fn`` raised, timed out, the worker died
    or none could be started (the reason then starts with "unavailable"). The call returns
    within ``timeout``, waiting for a free worker included (plus, once per process, the
    worker's start). ``fn`` must be a module-level function; its module is imported first."""
    deadline = time.monotonic() + timeout
    if not _slots.acquire(timeout=timeout):
        return False, f"timed out after {timeout:g} s (all workers busy)"
    try:
        try:
            worker = _take(fn.__module__)
        except OSError as exc:
            return False, f"unavailable: cannot start a worker ({exc})"
        try:
            if not worker.ready:
                started = time.monotonic()
                if worker.receive(started + STARTUP_SECONDS) != "ready":
                    raise WorkerFailed("worker did not start")
                worker.ready = True
                deadline += time.monotonic() - started
            worker.send((fn, args))
            ok, value = worker.receive(deadline)
        except TimeoutError:
            worker.kill()
            return False, f"timed out after {timeout:g} s"
        except (OSError, EOFError, pickle.PickleError, WorkerFailed, struct.error) as exc:
            worker.kill()
            return False, f"worker failed ({type(exc).__name__})"
        _put_back(worker)
        return ok, value
    finally:
        _slots.release()


@atexit.register
def _stop_all() -> None:
    with _lock:
        for worker in _idle:
            worker.kill()
        _idle.clear()


def serve() -> None:
    """The worker's loop: import the module named on the command line, then answer calls."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # stray prints from a library must not corrupt the replies
    inp = sys.stdin.buffer
    module = importlib.import_module(sys.argv[1])
    getattr(module, "worker_preload", lambda: None)()  # what the module's calls will need, before "ready"

    def reply(obj: Any) -> None:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        out.write(_HEADER.pack(len(data)) + data)
        out.flush()

    reply("ready")
    while True:
        header = inp.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return
        fn, args = pickle.loads(inp.read(_HEADER.unpack(header)[0]))
        try:
            reply((True, fn(*args)))
        except Exception as exc:  # reported to the caller, which turns it into data
            reply((False, f"{type(exc).__name__}: {str(exc)[:200]}"))
