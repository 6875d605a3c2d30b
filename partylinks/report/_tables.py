"""Turning report tables into display tables: translated headers, lists and dicts as text."""

from __future__ import annotations

import json
import unicodedata

import numpy as np
import pandas as pd

from ..messages import MESSAGES

__all__ = ["header", "cell_text", "display_frame", "label", "display_width"]

_VALUE_PREFIX = {"severity": "severity_", "status": "status_", "kind": "kind_"}


def display_width(text) -> int:
    """Columns ``str(text)`` takes in a terminal or a spreadsheet cell: wide (CJK)
    characters take two.

    Examples
    --------
    >>> display_width("桃城片区"), display_width("ab")
    (8, 2)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def header(column: str, lang: str) -> str:
    """The column header in ``lang`` (the column name when there is no translation)."""
    entry = MESSAGES.get(f"col_{column}")
    return entry[lang] if entry else str(column)


def label(prefix: str, value, lang: str) -> str:
    """``MESSAGES[prefix + value][lang]``, or the value itself."""
    entry = MESSAGES.get(f"{prefix}{value}")
    return entry[lang] if entry else value


def cell_text(v):
    """A list as ``a; b``, a dict as JSON text, a missing value as None; others unchanged."""
    if isinstance(v, list | tuple | np.ndarray):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    if v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT or v is pd.NA:
        return None
    return v


def display_frame(df: pd.DataFrame, lang: str, values: bool = True) -> pd.DataFrame:
    """``df`` for people: headers in ``lang``; list and dict cells as text; with
    ``values``, the severity, status and kind values translated too (zh only)."""
    out = pd.DataFrame(index=df.index)
    for col in df.columns:
        s = df[col]
        if s.dtype == object:
            s = s.map(cell_text)
        if values and lang == "zh" and col in _VALUE_PREFIX:
            s = s.map(lambda v, p=_VALUE_PREFIX[col]: label(p, v, lang))
        out[header(col, lang) if lang == "zh" else col] = s.to_numpy()
    if len(set(out.columns)) < len(out.columns):  # two columns translated alike: keep names
        out.columns = list(df.columns)
    return out
