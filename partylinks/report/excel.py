"""The Excel report: one sheet per part, safe against formula injection.

Sheets, in order: 概览/Summary (one row per zone and the total), 问题清单/Findings (every
finding), 规则/Rules (each rule: kind, severity, status, number of findings), one sheet
per rule that ran (its findings), one sheet per metric table (except the per-pair tie
strength table, :data:`EXCEL_SKIP`, which is in the JSON report), and 说明/About (the audit
date, dataset, policy and notes). Every sheet has its header row frozen, a filter on the
header and column widths fitted to the content (CJK characters count double).

Safety: a text cell that starts with ``= + - @``, a tab, CR or LF is written as a text
cell (``data_type = "s"``) with Excel's *quote prefix* style, so Excel, WPS and LibreOffice
show it as text and never run it as a formula, and the cell keeps the original text
(:data:`partylinks.safe.FORMULA_PREFIXES`). Characters that XML cannot hold (control
characters) are replaced by U+FFFD.

The workbook is written with openpyxl's streaming writer; a table longer than Excel's
1,048,576 rows is never truncated: the findings raise :class:`ExcelRowLimitError`, a
metric table is left out and the About sheet says so.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..messages import msg
from ..safe import FORMULA_PREFIXES
from ._tables import display_frame, display_width, label

__all__ = ["write_excel", "ExcelRowLimitError", "EXCEL_MAX_ROWS", "EXCEL_SKIP", "sheet_names"]

EXCEL_MAX_ROWS = 1_048_576
"""Rows per worksheet in Excel (and WPS), header included."""

EXCEL_SKIP = ("tie_strength",)
"""Metric tables left out of the workbook (one row per tied pair: in the JSON report)."""

_PERCENT = {"largest_share", "branch_coverage"}
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


class ExcelRowLimitError(ValueError):
    """A table has more rows than an Excel worksheet can hold."""

    def __init__(self, n: int, lang: str = "zh"):
        self.n_rows = n
        super().__init__(msg("report_excel_too_big", lang, n=n, limit=EXCEL_MAX_ROWS))


def sheet_names(wanted: list[str]) -> list[str]:
    """Valid, unique sheet names: at most 31 characters, no ``[]:*?/\\``, and a ``~2``,
    ``~3`` ... suffix where two would clash (case-insensitively, as Excel compares).

    Examples
    --------
    >>> sheet_names(["概览", "a" * 40, "a" * 35, "x/y"])
    ['概览', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa~2', 'x_y']
    """
    out, seen = [], set()
    for w in wanted:
        base = (str(w).translate(_BAD_SHEET_CHARS).strip("'") or "sheet")[:31]
        name, k = base, 1
        while name.lower() in seen:
            k += 1
            suffix = f"~{k}"
            name = base[:31 - len(suffix)] + suffix
        seen.add(name.lower())
        out.append(name)
    return out


def _clean(s: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", s)


def _write_sheet(wb, title: str, df: pd.DataFrame, raw_columns: list[str]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    ncol = max(len(df.columns), 1)
    sample = df.head(200)
    for j, col in enumerate(df.columns, start=1):
        vals = [display_width(v) for v in sample.iloc[:, j - 1] if v is not None and v == v]
        w = max([display_width(col) + 4, *vals]) + 2
        ws.column_dimensions[get_column_letter(j)].width = min(max(w, 8), 60)
    ws.freeze_panes = "A2"
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE6F0")

    def text_cell(v: str):
        c = WriteOnlyCell(ws, value=_clean(v))
        c.data_type = "s"
        c.quotePrefix = True
        return c

    def fmt_cell(v, fmt):
        c = WriteOnlyCell(ws, value=v)
        c.number_format = fmt
        return c

    head = []
    for col in df.columns:
        c = WriteOnlyCell(ws, value=_clean(str(col)))
        c.data_type = "s"
        c.font, c.fill = bold, fill
        c.alignment = Alignment(vertical="center")
        head.append(c)
    ws.append(head)
    cols = []
    for col, raw in zip(df.columns, raw_columns, strict=True):
        s = df[col]
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            cols.append([None if pd.isna(v) else fmt_cell(v.to_pydatetime(), "yyyy-mm-dd")
                         for v in s])
            continue
        arr = s.astype(object).to_numpy()
        fmt = "0.0%" if raw in _PERCENT else None
        out = []
        for v in arr:
            if isinstance(v, str):
                out.append(text_cell(v) if v.startswith(FORMULA_PREFIXES) else _clean(v))
            elif v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
                out.append(None)
            else:
                v = v.item() if isinstance(v, np.generic) else v
                out.append(fmt_cell(v, fmt) if fmt else v)
        cols.append(out)
    for row in zip(*cols, strict=True):
        ws.append(row)
    last = get_column_letter(ncol)
    ws.auto_filter.ref = f"A1:{last}{len(df) + 1}"


def write_excel(report, path: str | Path) -> Path:
    """Write ``report`` as an ``.xlsx`` workbook (see the module docstring).

    Raises
    ------
    ExcelRowLimitError
        When the findings have more rows than a worksheet holds; nothing is written.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl, partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     wb = openpyxl.load_workbook(write_excel(r, pathlib.Path(d) / "r.xlsx"))
    >>> wb.sheetnames[:3], wb["问题清单"].freeze_panes
    (['概览', '问题清单', '规则'], 'A2')
    """
    from openpyxl import Workbook

    from .. import __version__

    lang = report.lang
    limit = EXCEL_MAX_ROWS - 1
    if len(report.findings) > limit:
        raise ExcelRowLimitError(len(report.findings), lang)
    path = Path(path)
    parts: list[tuple[str, pd.DataFrame]] = [
        (msg("sheet_summary", lang), report.summary),
        (msg("sheet_findings", lang), report.findings),
        (msg("sheet_rules", lang), report.rules),
    ]
    ran = report.rules[report.rules["status"] == "ran"]["rule"].tolist()
    for rid in ran:
        parts.append((rid, report.findings[report.findings["rule"] == rid]))
    notes = []
    for name, table in report.metrics.items():
        if name in EXCEL_SKIP:
            continue
        title = label("metric_", name, lang)
        if len(table) > limit:
            notes.append(msg("report_metric_omitted", lang, name=title, n=len(table)))
            continue
        parts.append(((f"指标-{title}" if lang == "zh" else f"metric-{name}"), table))
    if getattr(report, "comparison", None) is not None:
        from ..change._present import export_frames

        for title, table in export_frames(report.comparison.sections(), lang,
                                          safe=False).items():
            parts.append((msg("chg_sheet_prefix", lang) + title, table))
    about = [
        (msg("report_title", lang), ""),
        (msg("report_dataset", lang), report.graph.get("source", "")),
        (msg("report_as_of", lang), report.as_of.date().isoformat()),
        (msg("report_policy", lang), f"{report.policy.name} ({report.policy.source})"),
        ("", msg("report_graph", lang, **report.graph_counts)),
        ("", msg("report_counts", lang, **report.counts)),
        ("", msg("report_generated", lang, version=__version__)),
    ]
    if report.anonymized:
        about.append(("", msg("report_anonymized", lang)))
    about += [("", n) for n in notes]
    parts.append((msg("sheet_about", lang), pd.DataFrame(about, columns=["key", "value"])))
    names = sheet_names([p[0] for p in parts])
    wb = Workbook(write_only=True)
    for name, (_, table) in zip(names, parts, strict=True):
        _write_sheet(wb, name, display_frame(table, lang), list(table.columns))
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
