"""Safe output: text cells that spreadsheet programs would run as formulas are neutralised."""

from __future__ import annotations

import pandas as pd

__all__ = ["safe_text", "safe_frame", "FORMULA_PREFIXES"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_text(value):
    """Prefix a text value with ``'`` when a spreadsheet would read it as a formula.

    A cell that starts with ``= + - @``, a tab, CR or LF is a formula (or the start of
    one) in Excel, WPS and LibreOffice (CSV/formula injection). Non-text values are
    returned unchanged.

    Examples
    --------
    >>> safe_text('=HYPERLINK("http://x", "点我")')
    '\\'=HYPERLINK("http://x", "点我")'
    >>> safe_text("桃源社区"), safe_text(-3)
    ('桃源社区', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with :func:`safe_text` applied to every text cell and header.

    Examples
    --------
    >>> safe_frame(pd.DataFrame({"name": ["@SUM(A1)", "ok"]}))["name"].tolist()
    ["'@SUM(A1)", 'ok']
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(safe_text)
    out.columns = [safe_text(c) if isinstance(c, str) else c for c in out.columns]
    return out
