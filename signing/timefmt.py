"""Timestamps of our documents: exactly ``YYYY-MM-DDTHH:MM:SSZ``, always UTC."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from .errors import TimestampError
from .verifier_spec import text as spec_text

_PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")  # ASCII digits only


def parse_timestamp(text: object) -> datetime:
    """Parse ``YYYY-MM-DDTHH:MM:SSZ`` into an aware UTC datetime; refuse anything else."""
    if not isinstance(text, str) or not _PATTERN.fullmatch(text):
        raise TimestampError(*spec_text("time.must-be-yyyy-mm-ddthh-mm-ssz", text=repr(text)))
    # The pattern fixed every field's place and its ASCII digits, so the datetime constructor
    # range checks (month, day of that month, hour < 24, minute and second < 60, year >= 1)
    # are exactly what datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ") would do, without
    # importing _strptime, calendar and locale (tested against strptime).
    try:
        return datetime(int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), int(text[14:16]),
                        int(text[17:19]), tzinfo=timezone.utc)
    except ValueError:
        raise TimestampError(*spec_text("time.invalid-date-or-time", text=repr(text))) from None


def format_timestamp(moment: datetime) -> str:
    """Format an aware datetime as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC (seconds truncated)."""
    if moment.tzinfo is None:
        raise TimestampError(*spec_text("time.no-time-zone"))
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_now() -> datetime:
    """The current time in UTC, truncated to whole seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0)
