"""Answers time-sensitive questions from verified, dated, cited sources."""

from orchestrator.version import __version__

__all__ = ["Answer", "Citation", "Client", "OrchestratorError", "aask", "ask", "__version__"]


def __getattr__(name: str):
    # Lazy so that `import orchestrator` (and the CLI's --help) stays fast.
    if name in ("ask", "aask"):
        from orchestrator import api

        return getattr(api, name)
    if name in ("Answer", "Citation"):
        from orchestrator import answer

        return getattr(answer, name)
    if name == "Client":
        from orchestrator.client import Client

        return Client
    if name == "OrchestratorError":
        from orchestrator.errors import OrchestratorError

        return OrchestratorError
    raise AttributeError(name)
