"""Where evidence comes from. Public surface: a search provider and the web-page source."""

from sources.extract import Extracted, extract
from sources.searxng import SearchOutcome, SearchResult, SearxngSearch
from sources.webpage import FetchedPage, fetch_page, fetch_pages

__all__ = ["Extracted", "FetchedPage", "SearchOutcome", "SearchResult", "SearxngSearch", "extract", "fetch_page", "fetch_pages"]
