"""A moment given as text ("2024-08-11", "2024-08-11T12:00:00+02:00"): ``--now`` on the
command line and ``now=`` in Python read it alike."""

from __future__ import annotations

from datetime import UTC, datetime

from orchestrator.errors import InputError


def moment(option: str, value: str | None) -> datetime | None:
    """A date or date-time in ISO 8601 (2024-08-11, 2024-08-11T12:00, 2024-08-11T12:00:00+02:00),
    in UTC unless it gives an offset; one InputError naming ``option`` otherwise."""
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option} takes a date or date-time (ISO 8601: 2024-08-11 or 2024-08-11T12:00:00Z), "
                         f"got {value[:60]!r}") from None
    if not 1900 <= when.year <= 2999:  # a clock the freshness windows can count back from
        raise InputError(f"{option} must be a moment between the years 1900 and 2999, got {value[:60]!r}")
    return when if when.tzinfo else when.replace(tzinfo=UTC)
