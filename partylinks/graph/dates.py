"""Dates as the library reads them: one place for turning a user's date into a Timestamp."""

from __future__ import annotations

import pandas as pd

__all__ = ["to_timestamp", "audit_date"]


def to_timestamp(date) -> pd.Timestamp:
    """A date given as text (any form :func:`partylinks.graph.parse.parse_dates` reads:
    ``2024-06-30``, ``2024年6月30日``, ``2024/6/30``, ...) or as a date-like object, as a
    Timestamp.

    Raises
    ------
    ValueError
        A text that is not a date.

    Examples
    --------
    >>> to_timestamp("2024年6月30日")
    Timestamp('2024-06-30 00:00:00')
    """
    from .parse import parse_dates

    if isinstance(date, str):
        parsed, bad = parse_dates(pd.Series([date], dtype=object))
        if bad[0]:
            raise ValueError(f"cannot read the date {date!r}; write it as 2024-06-30")
        return parsed.iloc[0]
    return pd.Timestamp(date)


def audit_date(as_of=None) -> pd.Timestamp:
    """The audit date: ``as_of`` read as a date, or today (local time, midnight).

    Examples
    --------
    >>> audit_date("2025年6月30日")
    Timestamp('2025-06-30 00:00:00')
    """
    if as_of is None:
        return pd.Timestamp.today().normalize()
    return to_timestamp(as_of).normalize()
