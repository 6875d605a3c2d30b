"""Showing and exporting change results: text and HTML reprs, Excel and JSON files.

Shared by :class:`~partylinks.change.compare.Comparison` and
:class:`~partylinks.change.simulate.WhatIf`. Every label comes from
:data:`partylinks.messages.MESSAGES` (keys ``chg_*``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import numpy as np
import pandas as pd

from ..messages import MESSAGES, check_lang, msg
from ..safe import safe_frame

__all__ = ["header", "export_frames", "write", "text_block", "html_block", "for_display"]


def header(column: str, lang: str) -> str:
    """The column header in ``lang`` (``chg_col_<column>``; the name itself when none)."""
    entry = MESSAGES.get(f"chg_col_{column}")
    return entry[lang] if entry else column


def _cell(v):
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, default=str, sort_keys=True)
    if isinstance(v, (list, tuple, set, np.ndarray)):
        return ";".join(str(x) for x in v)
    return v


def export_frames(sections: dict[str, pd.DataFrame], lang: str,
                  safe: bool = True) -> dict[str, pd.DataFrame]:
    """Sheet title -> table with translated headers, list and dict cells as text, and
    (``safe``) formula-like text neutralised (:func:`partylinks.safe.safe_frame`)."""
    check_lang(lang)
    out = {}
    for key, df in sections.items():
        d = df.copy()
        for c in d.columns:
            if d[c].dtype == object:
                d[c] = pd.Series([_cell(v) for v in d[c]], index=d.index, dtype=object)
        d.columns = [header(c, lang) for c in d.columns]
        out[msg(f"chg_sec_{key}", lang)[:31]] = safe_frame(d) if safe else d
    return out


def for_display(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with its mixed object columns (the overview's whole numbers and shares) as
    text, so that a printout shows ``102`` and not ``102.0000``."""
    d = df.copy()
    for c in d.columns:
        if d[c].dtype == object:
            d[c] = ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
                    for v in d[c]]
    return d


def _records(df: pd.DataFrame) -> list[dict]:
    d = df.copy()
    for c in d.columns:
        if pd.api.types.is_datetime64_any_dtype(d[c]):
            d[c] = d[c].dt.strftime("%Y-%m-%d")
    d = d.astype(object).where(d.notna(), None)
    return d.to_dict(orient="records")


def write(path, sections: dict[str, pd.DataFrame], meta: dict, lang: str) -> Path:
    """Write the sections to ``path``: ``.xlsx`` (one sheet per section) or ``.json``
    (``{"meta": ..., "<section>": [records]}``). Returns the path."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".xlsx":
        frames = export_frames(sections, lang)
        with pd.ExcelWriter(p, engine="openpyxl") as xw:
            for name, df in frames.items():
                df.to_excel(xw, sheet_name=name, index=False)
    elif suffix == ".json":
        doc = {"meta": meta} | {k: _records(v) for k, v in sections.items()}
        p.write_text(json.dumps(doc, ensure_ascii=False, indent=1, default=str),
                     encoding="utf-8")
    else:
        raise ValueError(f"cannot write {p.name!r}: use a .xlsx or .json file name")
    return p


def text_block(title: str, lines: list[str]) -> str:
    """``title`` then the lines, indented."""
    return "\n".join([title] + [f"  {x}" for x in lines])


def html_block(title: str, lines: list[str], sections: dict[str, pd.DataFrame],
               lang: str, max_rows: int = 20) -> str:
    """A self-contained HTML fragment: the title, the lines, then every non-empty section
    as a table (at most ``max_rows`` rows each)."""
    parts = [f"<div><h4>{html.escape(title)}</h4><ul>"]
    parts += [f"<li>{html.escape(x)}</li>" for x in lines]
    parts.append("</ul>")
    for key, df in sections.items():
        if not len(df):
            continue
        d = df.head(max_rows).copy()
        for c in d.columns:
            if d[c].dtype == object:
                d[c] = pd.Series([_cell(v) for v in d[c]], index=d.index, dtype=object)
        d.columns = [header(c, lang) for c in d.columns]
        more = f" ({len(df)})" if len(df) > max_rows else ""
        parts.append(f"<h5>{html.escape(msg(f'chg_sec_{key}', lang))}{more}</h5>")
        parts.append(for_display(d).to_html(index=False, na_rep="", escape=True))
    parts.append("</div>")
    return "".join(parts)
