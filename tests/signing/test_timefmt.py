from datetime import datetime, timezone

import pytest

from signing.errors import TimestampError
from signing.timefmt import format_timestamp, parse_timestamp


def test_round_trip():
    moment = parse_timestamp("2025-06-01T08:30:00Z")
    assert moment == datetime(2025, 6, 1, 8, 30, tzinfo=timezone.utc)
    assert format_timestamp(moment) == "2025-06-01T08:30:00Z"


@pytest.mark.parametrize(
    "text",
    ["2025-06-01", "2025-06-01T08:30:00", "2025-06-01T08:30:00.5Z", "2025-06-01T08:30:00+00:00",
     "2025-02-30T00:00:00Z", "2025-06-01t08:30:00z", 20250601, None],
)
def test_refuses_other_forms(text):
    with pytest.raises(TimestampError):
        parse_timestamp(text)


def test_format_requires_time_zone():
    with pytest.raises(TimestampError):
        format_timestamp(datetime(2025, 1, 1))


def test_only_ascii_digits_are_accepted():
    """Fullwidth digits match Python's \\d but not the format: the browser verifier refuses them too."""
    import pytest

    from signing.errors import SigningError
    from signing.timefmt import parse_timestamp

    with pytest.raises(SigningError):
        parse_timestamp("２０２６-01-01T00:00:00Z")


def test_parse_agrees_with_strptime_on_every_field_value():
    """parse_timestamp builds the datetime itself; strptime must accept and refuse the same."""
    def strptime(text):
        try:
            return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        except ValueError:
            return None

    def ours(text):
        try:
            return parse_timestamp(text)
        except TimestampError:
            return None

    texts = [f"{year}-{month:02d}-{day:02d}T12:00:00Z" for year in ("2024", "2025", "1900", "2000", "0000", "0001", "9999")
             for month in range(100) for day in range(100)]
    texts += [f"2025-06-01T{n:02d}:00:00Z" for n in range(100)] + [f"2025-06-01T00:{n:02d}:00Z" for n in range(100)]
    texts += [f"2025-06-01T00:00:{n:02d}Z" for n in range(100)]
    for text in texts:
        assert ours(text) == strptime(text), text
