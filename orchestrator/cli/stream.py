"""Live rendering of a run's progress on a terminal (the ``context.Progress`` seam).

One transient region: a spinner line naming the stage ("searching", "reading 6 pages",
"checking ..."), then the answer sentence as the model writes it. It is erased when the run
ends and the verified answer is printed in its place: what streams is a preview, and a
sentence the checks reject never stays on screen.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack

from rich.console import Console, Group
from rich.live import Live
from rich.spinner import Spinner
from rich.text import Text

from orchestrator.cli.common import sigterm_unwinds


class LiveProgress:
    """A ``Progress`` callable and a context manager. ``stream_text=False`` shows the
    stages only (for when the answer itself goes elsewhere, e.g. ``--json``)."""

    def __init__(self, console: Console, *, stream_text: bool = True) -> None:
        self._stage = "answering"
        self._text = ""
        self._stream_text = stream_text
        self._lock = threading.Lock()
        self._live = Live(self._render(), console=console, transient=True, refresh_per_second=15,
                          redirect_stdout=False, redirect_stderr=False)

    def __call__(self, kind: str, text: str) -> None:
        with self._lock:
            if kind == "stage":
                self._stage = text
            elif kind == "text" and self._stream_text:
                self._text += text
            else:
                return
            self._live.update(self._render(), refresh=True)  # a token should show when it arrives

    def _render(self):
        spinner = Spinner("dots", text=Text(f"{self._stage}…", style="dim"))
        return Group(spinner, Text(self._text)) if self._text else spinner

    def __enter__(self) -> LiveProgress:
        self._exits = ExitStack()
        self._exits.enter_context(sigterm_unwinds())  # else a SIGTERM leaves the cursor hidden
        self._live.start()  # hides the terminal's cursor until stop()
        self._exits.callback(self._live.stop)
        return self

    def __exit__(self, *exc: object) -> None:
        self._exits.close()
