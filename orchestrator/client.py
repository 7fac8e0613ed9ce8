"""The client facade: one object per deployment, a thin layer over ``aask``.

    client = Client(device="mobile", capabilities=["realtime_search", "code_gen"], knowledge_base="default")
    answer = client.query("How many gold medals did China win at Paris 2024?", require_latest=False)

``device`` picks a profile from policies/profiles/ (orchestrator/profiles.py): the model
(in process on mobile, a llama.cpp server on an edge box, a remote OpenAI-compatible
endpoint in the cloud), page timeouts and how many requests may be in flight, the
knowledge cache's tiers (the shared Redis tier on edge and cloud), the knowledge base and
the capabilities (without ``realtime_search`` a deployment with documents searches them
alone, with no network at all). A knowledge base's name picks the policy of that name (policies/NAME.yaml)
and the documents of that name (orchestrator/kb/: ``orchestrator kb add NAME``, or a shipped
example: finance, medical, legal), each where it exists; the documents are searched before
the web. ``capabilities`` switch graph branches: without ``code_gen`` code
questions get a polite refusal; without ``realtime_search`` nothing is fetched at all (the
answer comes from the local model, the knowledge cache, or an abstention); without
``deep_reasoning`` the model does not read the contenders (``context.CAPABILITIES``)."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from orchestrator.answer import Answer
from orchestrator.cache import KnowledgeCache
from orchestrator.cache.knowledge import config_from_env
from orchestrator.config import DEFAULT_POLICY, POLICIES_DIR, resolve_settings
from orchestrator.context import Progress, Wording, known_capabilities
from orchestrator.errors import ConfigError
from orchestrator.kb.catalog import find as find_kb
from orchestrator.kb.catalog import is_name as is_kb_name
from orchestrator.kb.catalog import known_names as known_kbs
from orchestrator.kb.catalog import open_kb
from orchestrator.kb.documents import is_documents
from orchestrator.kb.index import KnowledgeBase
from orchestrator.net.limited import LimitedTransport, NoNetworkTransport
from orchestrator.profiles import DEVICES, Profile, knowledge_base_path, load_profile


class _Bearer(httpx.HTTPTransport):
    """Adds the API key of a remote model endpoint to every request."""

    def __init__(self, key: str, **kwargs):
        super().__init__(**kwargs)
        self._key = key

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Authorization"] = f"Bearer {self._key}"
        return super().handle_request(request)


def _env(name: str) -> str | None:
    return os.environ.get(name, "").strip() or None


def _knowledge_base(kb: str | Path, home: Path, documents: bool) -> tuple[KnowledgeBase | None, Path]:
    """The documents (when ``documents``) and the policy file ``kb`` stands for. A name stands
    for the policy of that name and the knowledge base (documents) of that name, each where it
    exists: finance is both, health a policy, medical documents. A documents file or folder
    is opened as ``ask --knowledge-base`` opens it (with the default policy); another file is a
    policy."""
    if not str(kb).strip():  # Path("") is the working directory: an empty name is none
        raise _unknown(kb, home)
    path = Path(kb).expanduser()
    if documents and not is_kb_name(str(kb)) and is_documents(path):
        return open_kb(path, home), DEFAULT_POLICY
    found = find_kb(str(kb), home) if documents else None
    try:
        return found, knowledge_base_path(kb)
    except ConfigError:
        if found is None:
            raise _unknown(kb, home) from None
        return found, DEFAULT_POLICY


def _unknown(kb: str | Path, home: Path) -> ConfigError:
    known = sorted({p.stem for p in POLICIES_DIR.glob("*.yaml")} | set(known_kbs(home)))
    return ConfigError(f"unknown knowledge base {str(kb)[:60]!r}: the knowledge bases are {', '.join(known)} "
                       "(or give a policy file, or a documents file or folder)")


class Client:
    """A deployment: profile, knowledge base, capabilities, model and cache, made once;
    ``query`` answers one question through them. Safe to share between threads."""

    def __init__(
        self,
        device: str = "mobile",
        capabilities: Iterable[str] | None = None,
        knowledge_base: str | Path | None = None,
        *,
        profile: str | Path | None = None,
        data_dir: str | Path | None = None,
        searxng: str | None = None,
        llm_url: str | None = None,
        model: str | Path | None = None,
        cache_url: str | None = None,
        use_model: bool = True,
    ):
        if profile is None and device not in DEVICES:
            raise ConfigError(f"unknown device {device!r}: choose {', '.join(DEVICES)} (or a profile file: --profile FILE, profile=FILE in the library)")
        self.profile: Profile = load_profile(profile if profile is not None else device)
        self.device = self.profile.device
        self.capabilities = known_capabilities(capabilities if capabilities is not None else self.profile.capabilities)
        kb = knowledge_base if knowledge_base is not None else (_env("ORCHESTRATOR_POLICY") or self.profile.knowledge_base)
        section = self.profile.model
        self.use_model = use_model
        home = resolve_settings(data_dir=data_dir).data_dir
        self.knowledge_base: KnowledgeBase | None
        self.knowledge_base, policy_file = _knowledge_base(kb, home, knowledge_base is not None or not _env("ORCHESTRATOR_POLICY"))
        # The environment goes before the profile here (as an argument, the profile would beat it).
        # Validates the URLs, the policy file and the data directory now, not at the first question.
        self.settings = resolve_settings(
            model=model or section.path,
            llm_url=llm_url or _env("ORCHESTRATOR_LLM_URL") or (section.url if section.backend != "local" else None),
            searxng=searxng or _env("ORCHESTRATOR_SEARXNG_URL") or self.profile.network.searxng,
            policy=policy_file, data_dir=data_dir, use_model=use_model)
        config = config_from_env(self.profile.cache, shared_url=cache_url)
        self.cache: KnowledgeCache | bool = KnowledgeCache(config, self.settings.data_dir) if config.enabled else False
        self._model: Any = None
        self._model_lock = threading.Lock()

    # the parts a run is made of ----------------------------------------------------------
    def _chat_model(self, use_model: bool):
        """The model over HTTP (edge, cloud), made once; None for the in-process model,
        which ``aask`` loads once per process itself."""
        if not use_model or self.settings.llm_url is None:
            if use_model and self.profile.model.backend == "remote":
                raise ConfigError(f"the {self.device} profile needs an OpenAI-compatible endpoint: "
                                  "set ORCHESTRATOR_LLM_URL, give --llm-url, or pass Client(llm_url=...)")
            return None
        with self._model_lock:
            if self._model is None:
                from orchestrator.model import OpenAICompatModel

                section = self.profile.model
                key = _env(section.api_key_env) if section.api_key_env else None
                self._model = OpenAICompatModel(self.settings.llm_url, model=section.name, timeout=section.timeout,
                                                transport=_Bearer(key) if key else None)
            return self._model

    def _transport(self) -> httpx.AsyncBaseTransport:
        """Made per run: an async transport belongs to the event loop that used it."""
        if "realtime_search" not in self.capabilities:
            return NoNetworkTransport()
        from orchestrator.net.client import live_transport

        live = live_transport(exempt=(self.settings.searxng_url, self.settings.llm_url))
        return LimitedTransport(live, self.profile.network.max_in_flight)

    def run_options(self, *, use_model: bool | None = None, replay: Any = None) -> dict[str, Any]:
        """The ``aask`` arguments this deployment stands for."""
        use = self.use_model if use_model is None else use_model
        options: dict[str, Any] = {
            "model": self.settings.model, "llm_url": self.settings.llm_url, "searxng": self.settings.searxng_url,
            "policy": self.settings.policy, "data_dir": self.settings.data_dir, "use_model": use,
            "chat_model": self._chat_model(use), "page_timeout": self.profile.network.page_timeout,
            "capabilities": self.capabilities, "cache": self.cache, "knowledge_base": self.knowledge_base,
            "wording": self.profile.model.wording,  # None: the policy's
        }
        if replay is None:
            options["transport"] = self._transport()
        if self.knowledge_base is not None and "realtime_search" not in self.capabilities:
            # Offline with documents: the knowledge base is the only source, searched on the
            # device; still no packet leaves it (NoNetworkTransport).
            options["capabilities"] = self.capabilities | {"realtime_search"}
            options["sources"] = ["kb"]
        return options

    # asking ------------------------------------------------------------------------------
    async def aquery(self, prompt: str, require_latest: bool = False, *, choices: list[str] | None = None,
                     language: str | None = None, now: datetime | str | None = None, replay: str | Path | None = None,
                     use_model: bool | None = None, progress: Progress | None = None,
                     wording: Wording | None = None) -> Answer:
        from orchestrator.api import aask

        options = self.run_options(use_model=use_model, replay=replay)
        options["wording"] = wording or options["wording"]
        return await aask(prompt, require_latest=require_latest or None, choices=choices, language=language, now=now,
                          replay=replay, progress=progress, **options)

    def query(self, prompt: str, require_latest: bool = False, **options: Any) -> Answer:
        """Answer ``prompt`` (see ``aquery`` for the options: choices, language, now, replay,
        use_model, progress, wording). ``require_latest`` always goes to the sources first."""
        return asyncio.run(self.aquery(prompt, require_latest, **options))

    def describe(self) -> dict[str, Any]:
        """What this deployment is made of (no secrets)."""
        tiers = [t.name + (f" {t.where}" if t.name != "memory" else "") for t in self.cache.tiers] if isinstance(self.cache, KnowledgeCache) else []
        return {"device": self.device, "model": self.profile.model.backend, "llm_url": self.settings.llm_url,
                "searxng": self.settings.searxng_url, "knowledge_base": str(self.settings.policy),
                "documents": self.knowledge_base.name if self.knowledge_base else None,
                "capabilities": sorted(self.capabilities), "page_timeout": self.profile.network.page_timeout,
                "max_in_flight": self.profile.network.max_in_flight, "cache": tiers}

    def close(self) -> None:
        if self._model is not None and hasattr(self._model, "close"):
            self._model.close()
            self._model = None

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
