"""Where evidence comes from. Public surface: a search provider and the web-page source."""

from orchestrator.sources.base import SearchOutcome, SearchResult
from orchestrator.sources.extract import Extracted, extract
from orchestrator.sources.searxng import SearxngSearch
from orchestrator.sources.webpage import FetchedPage, fetch_page, fetch_pages

__all__ = ["Extracted", "FetchedPage", "SearchOutcome", "SearchResult", "SearxngSearch", "extract", "fetch_page", "fetch_pages"]
