"""A real redis-server for the shared-tier tests: on 127.0.0.1, a free port, no persistence,
started and polled until it answers PING (bounded), always stopped by the fixture."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

START_TIMEOUT = 15.0


def redis_binary() -> str | None:
    return shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self, process: subprocess.Popen, port: int, log: Path):
        self.process, self.port, self.log = process, port, log
        self.url = f"redis://127.0.0.1:{port}/0"

    @classmethod
    def start(cls, workdir: Path, attempts: int = 3) -> RedisServer:
        workdir.mkdir(parents=True, exist_ok=True)
        last = ""
        for _ in range(attempts):  # another process may take the free port first: try another
            port = _free_port()
            log = workdir / f"redis-{port}.log"
            handle = log.open("wb")
            process = subprocess.Popen(
                [redis_binary(), "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", str(workdir), "--protected-mode", "yes"],
                stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            handle.close()  # the child keeps its own copy
            server = cls(process, port, log)
            if server._wait_ready():
                return server
            last = log.read_text(errors="replace")[-500:]
            server.stop()
        raise RuntimeError(f"redis-server did not start: {last}")

    def _wait_ready(self) -> bool:
        import redis

        deadline = time.monotonic() + START_TIMEOUT
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=0.5, socket_connect_timeout=0.5)
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    return False
                try:
                    if client.ping():
                        return True
                except redis.RedisError:
                    time.sleep(0.05)
            return False
        finally:
            client.close()

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2, socket_connect_timeout=2)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
