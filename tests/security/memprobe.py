"""Run in a fresh process by test_limits: fetch each URL given and report, as JSON, how far
the process's peak resident memory (VmHWM, reset before each URL through
/proc/self/clear_refs) rose above its resident memory just before.

    python -m tests.security.memprobe WARMUP_URL URL...
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys

from orchestrator.net.client import make_client
from orchestrator.sources import fetch_page
from tests.security.netstubs import StubResolver, Tripwire, guarded


def _status_mib(field: str) -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024  # kB


def reset_peak() -> float:
    """Reset the peak to the current resident size; return that size."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")
    return _status_mib("VmRSS")


async def main(warmup: str, urls: list[str]) -> dict:
    async with make_client(guarded(StubResolver(), Tripwire())) as client:
        await fetch_page(client, warmup)  # every code path loaded before the baseline
        results = []
        for url in urls:
            gc.collect()
            before = reset_peak()
            page = await fetch_page(client, url, timeout=30)
            results.append({"url": url, "failure": page.failure, "grew_mib": round(_status_mib("VmHWM") - before, 1)})
            del page
    return {"results": results}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2:]))))
