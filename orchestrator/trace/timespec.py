"""The inspector's time arguments: ages ("30d", "12h", "2w") and points in time (an ISO
date or datetime, or an age meaning that long ago). Bad input is an InputError, one line."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from orchestrator.errors import InputError

_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_AGE = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")


def parse_age(text: str) -> timedelta:
    match = _AGE.fullmatch(text.strip().lower())
    if not match:
        raise InputError(f"{text!r} is not an age; use a number and a unit, e.g. 30d, 12h, 2w (s, m, h, d, w)")
    try:  # "99999999999d" is no age a calendar holds: it ends before year 1
        age = timedelta(**{_UNITS[match.group(2)]: float(match.group(1))})
        datetime.now(UTC) - age
    except OverflowError:
        raise InputError(f"{text!r} reaches back before year 1; use a shorter age") from None
    return age


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """An ISO date/datetime (UTC when it has no offset) or an age before ``now``."""
    if _AGE.fullmatch(text.strip().lower()):
        return (now or datetime.now(UTC)) - parse_age(text)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{text!r} is not a date; use YYYY-MM-DD, an ISO datetime, or an age such as 7d") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
