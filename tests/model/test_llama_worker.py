"""LlamaWorker: one thread owns the model; callers' jobs run one at a time, in order."""

import threading

import pytest

from orchestrator.errors import ModelCallFailed
from orchestrator.model.llama_worker import LlamaWorker


class FakeLlama:
    def __init__(self):
        self.closed = False
        self.threads = set()

    def close(self):
        self.closed = True


def test_jobs_from_many_threads_run_on_one_thread_in_submission_order():
    llama = FakeLlama()
    worker = LlamaWorker(llama)
    gate = threading.Event()
    worker.submit(lambda m: gate.wait(5))  # hold the worker while the others queue up
    order, futures = [], []
    submit_lock = threading.Lock()

    def caller(i):
        def job(m):
            m.threads.add(threading.get_ident())
            order.append(i)
            return i * i
        with submit_lock:  # the order of submission is the order of this list
            futures.append((i, worker.submit(job)))

    threads = [threading.Thread(target=caller, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gate.set()
    assert all(f.result(5) == i * i for i, f in futures)
    assert order == [i for i, _ in futures]
    assert len(llama.threads) == 1 and threading.get_ident() not in llama.threads
    assert worker.close()
    assert llama.closed


def test_a_failing_job_raises_in_the_caller_and_the_worker_goes_on():
    worker = LlamaWorker(FakeLlama())

    def boom(m):
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        worker.run(boom)
    assert worker.run(lambda m: "still serving") == "still serving"
    worker.close()


def test_stream_yields_pieces_then_returns_the_job_result():
    worker = LlamaWorker(FakeLlama())

    def job(m, emit):
        for piece in ("a", "b", "c"):
            emit(piece)
        return 3

    stream = worker.stream(job)
    pieces = []
    while True:
        try:
            pieces.append(next(stream))
        except StopIteration as done:
            result = done.value
            break
    assert (pieces, result) == (["a", "b", "c"], 3)
    worker.close()


def test_closing_a_stream_early_stops_the_job():
    worker = LlamaWorker(FakeLlama())
    emitted = []
    consumer_gone = threading.Event()

    def job(m, emit):
        for i in range(1000):
            emit(str(i))
            emitted.append(i)
            consumer_gone.wait(5)  # one piece at a time until the consumer leaves

    stream = worker.stream(job)
    assert next(stream) == "0"
    stream.close()
    consumer_gone.set()
    assert worker.run(lambda m: "next job runs") == "next job runs"  # queued after the stopped job
    assert emitted == [0]
    worker.close()


def test_closed_worker_refuses_jobs():
    worker = LlamaWorker(FakeLlama())
    worker.close()
    with pytest.raises(ModelCallFailed, match="closed"):
        worker.submit(lambda m: None)
