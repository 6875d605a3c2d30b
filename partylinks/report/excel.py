"""The Excel report: set up for print, in the reader's language, safe to open.

Sheets, in order: 封面/Cover (title, dataset, audit date, policy, totals, what to do first,
the zones with most findings), 概览/Summary (one row per zone and the total), 问题清单/
Findings (every finding), the rectification lists 整改清单 (one sheet per zone with
findings, ``整改-<zone>``, or one sheet with a page per zone when there are more than
:data:`MAX_ZONE_SHEETS` zones), 规则/Rules (each rule with its number of findings), one
sheet per metric table (except the per-pair tie strength table, :data:`EXCEL_SKIP`, which
is in the JSON report), the comparison when there is one, and 说明/About.

Print: every sheet is A4 landscape, fitted to the page width, its header row repeated on
every page and frozen, long text wrapped, with a page header (report title, sheet, audit
date) and footer (page x of y). Shares are percentages (``0.0%``), scores two decimals.
In Chinese every label is in Chinese: rule names, node and tie types, roles, 是/否, details
as ``key：value`` items, carriers by name (:mod:`partylinks.report.labels`).

Safety: a text cell that starts with ``= + - @``, a tab, CR or LF is written as a text
cell (``data_type = "s"``) with Excel's *quote prefix* style, so Excel, WPS and LibreOffice
show it as text and never run it as a formula, and the cell keeps the original text
(:data:`partylinks.safe.FORMULA_PREFIXES`). Characters XML cannot hold are made visible and
text over 32,767 characters is cut with a note (:mod:`partylinks.report.safetext`).

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
from .cover import cover_facts, first_actions, worst_zones
from .labels import DECIMAL_COLUMNS, PERCENT_COLUMNS, people_frame
from .rectify import rectification_frame, rectification_zones
from .safetext import fit_cell, xml_text

__all__ = ["write_excel", "write_rectification_book", "ExcelRowLimitError",
           "EXCEL_MAX_ROWS", "EXCEL_SKIP", "MAX_ZONE_SHEETS", "sheet_names"]

EXCEL_MAX_ROWS = 1_048_576
"""Rows per worksheet in Excel (and WPS), header included."""

EXCEL_SKIP = ("tie_strength",)
"""Metric tables left out of the workbook (one row per tied pair: in the JSON report)."""

MAX_ZONE_SHEETS = 20
"""Zones with findings up to which each gets its own rectification sheet."""

FINDING_COLUMNS = ["severity", "rule", "zone", "name", "node_type", "node_id", "message",
                   "suggestion", "detail"]
"""Columns of the findings sheet, after a running number."""

_WIDE = {"message": 34, "suggestion": 34, "detail": 22, "related_ids": 22, "fix": 32,
         "who": 12, "owner": 10, "deadline": 10, "done": 14, "isolates": 26, "carriers": 26,
         "zones": 26, "sectors": 18, "tie_types": 20, "value": 100, "name": 18, "rule": 14,
         "zone": 12, "key": 16}
_STYLED_ROWS = 100_000
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
        base = (xml_text(str(w)).translate(_BAD_SHEET_CHARS).strip("'") or "sheet")[:31]
        name, k = base, 1
        while name.lower() in seen:
            k += 1
            suffix = f"~{k}"
            name = base[:31 - len(suffix)] + suffix
        seen.add(name.lower())
        out.append(name)
    return out


def _hf(text: str, limit: int = 80) -> str:
    """Text for a page header or footer: ``&`` doubled (it starts a code), cut short."""
    text = xml_text(str(text))
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.replace("&", "&&")


class _Book:
    """One workbook being written, with the report's print settings."""

    def __init__(self, report):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.report, self.lang = report, report.lang
        self.wb = Workbook(write_only=True)
        self.bold = Font(bold=True)
        self.fill = PatternFill("solid", fgColor="DDE6F0")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.head_align = Alignment(wrap_text=True, vertical="center")
        thin = Side(style="thin", color="A0AAB4")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    def setup(self, ws, header_left: str, title_rows: str | None = "1:1",
              footer_left: str | None = None) -> None:
        from openpyxl.worksheet.page import PageMargins

        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.7, bottom=0.6, header=0.3,
                                      footer=0.3)
        ws.print_options.horizontalCentered = True
        if title_rows:
            ws.print_title_rows = title_rows
        as_of = self.report.as_of.date().isoformat()
        ws.oddHeader.left.text = _hf(header_left)
        ws.oddHeader.left.size = 9
        ws.oddHeader.right.text = _hf(f"{msg('report_as_of', self.lang)}: {as_of}")
        ws.oddHeader.right.size = 9
        ws.oddFooter.center.text = msg("rpt_page_footer", self.lang)
        ws.oddFooter.center.size = 9
        if footer_left:
            ws.oddFooter.left.text = _hf(footer_left)
            ws.oddFooter.left.size = 9

    def text(self, ws, v: str, style: bool):
        from openpyxl.cell import WriteOnlyCell

        v = fit_cell(v, self.lang)
        risky = v.startswith(FORMULA_PREFIXES)
        if not (risky or style):
            return v
        c = WriteOnlyCell(ws, value=v)
        c.data_type = "s"
        if risky:
            c.quotePrefix = True
        if style:
            c.alignment, c.border = self.wrap, self.border
        return c

    def table(self, title: str, shown: pd.DataFrame, raw: list[str], header_left: str,
              footer_left: str | None = None, breaks_by: str | None = None) -> None:
        """A sheet with the table ``shown`` (people's headers), ``raw`` its column names."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.pagebreak import Break

        ws = self.wb.create_sheet(title)
        self.setup(ws, header_left, "1:1", footer_left)
        ncol = max(len(shown.columns), 1)
        sample = shown.head(300)
        widths = []
        for j, (col, r) in enumerate(zip(shown.columns, raw, strict=True), start=1):
            vals = sorted(display_width(v) for v in sample.iloc[:, j - 1].astype(object)
                          if not _missing(v))
            p90 = vals[int(0.9 * (len(vals) - 1))] if vals else 0
            cap = _WIDE.get(r, 16)
            w = max(min(max(p90, 4) + 2, cap), min(display_width(col), 10) + 2, 6)
            widths.append(w)
            ws.column_dimensions[get_column_letter(j)].width = w
        ws.freeze_panes = "A2"
        style = len(shown) <= _STYLED_ROWS
        head = []
        for col in shown.columns:
            c = WriteOnlyCell(ws, value=xml_text(str(col)))
            c.data_type = "s"
            c.font, c.fill, c.alignment, c.border = (self.bold, self.fill, self.head_align,
                                                     self.border)
            head.append(c)
        ws.row_dimensions[1].height = _height([str(c) for c in shown.columns], widths)
        ws.append(head)
        cols = []
        for col, r in zip(shown.columns, raw, strict=True):
            cols.append(self._column(ws, shown[col], r, style))
        texts = shown.to_numpy(dtype=object) if style else None
        for i, row in enumerate(zip(*cols, strict=True)):
            if style:
                ws.row_dimensions[i + 2].height = _height(texts[i], widths)
            ws.append(row)
        if len(shown):
            ws.auto_filter.ref = f"A1:{get_column_letter(ncol)}{len(shown) + 1}"
        if breaks_by is not None and len(shown):
            key = shown[breaks_by].to_numpy()
            for i in np.flatnonzero(key[1:] != key[:-1]):
                ws.row_breaks.append(Break(id=int(i) + 2))

    def _column(self, ws, s: pd.Series, raw: str, style: bool) -> list:
        from openpyxl.cell import WriteOnlyCell

        def fmt_cell(v, fmt):
            c = WriteOnlyCell(ws, value=v)
            if fmt:
                c.number_format = fmt
            if style:
                c.alignment, c.border = self.wrap, self.border
            return c

        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            return [fmt_cell(None, None) if pd.isna(v) else
                    fmt_cell(v.to_pydatetime(), "yyyy-mm-dd") for v in s]
        fmt = ("0.0%" if raw in PERCENT_COLUMNS else "0.00" if raw in DECIMAL_COLUMNS
               else None)
        out = []
        for v in s.astype(object).to_numpy():
            if isinstance(v, str):
                out.append(self.text(ws, v, style))
            elif v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
                out.append(fmt_cell(None, None) if style else None)
            else:
                v = v.item() if isinstance(v, np.generic) else v
                f = fmt or ("0.00" if isinstance(v, float) else None)
                out.append(fmt_cell(v, f) if (f or style) else v)
        return out

    def cover(self, title: str) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        report, lang = self.report, self.lang
        ws = self.wb.create_sheet(title)
        self.setup(ws, msg("report_title", lang), None)
        ws.column_dimensions["A"].width = 18
        ws.column_dimensions["B"].width = 110

        def line(a="", b="", font=None):
            ca = WriteOnlyCell(ws, value=xml_text(a) if a else None)
            cb = WriteOnlyCell(ws, value=fit_cell(b, lang) if b else None)
            ca.font = font or self.bold
            cb.alignment = self.wrap
            if isinstance(cb.value, str) and cb.value.startswith(FORMULA_PREFIXES):
                cb.data_type, cb.quotePrefix = "s", True
            ws.append([ca, cb])

        facts = cover_facts(report)
        line(facts[0][0], "", Font(bold=True, size=16))
        line()
        for k, v in facts[1:]:
            line(k, v)
        line()
        for i, text in enumerate(first_actions(report)):
            line(msg("rpt_cover_first", lang) if i == 0 else "", text)
        wz = worst_zones(report)
        if len(wz):
            line()
            for i, r in enumerate(wz.itertuples()):
                line(msg("rpt_cover_zones", lang) if i == 0 else "",
                     msg("rpt_cover_zone_line", lang, zone=r.zone, error=int(r.findings_error),
                         warning=int(r.findings_warning)))
        line()
        line(msg("rpt_cover_sheets", lang), msg("rpt_cover_sheets_text", lang))
        line("", msg("rpt_no_rule_sheets", lang))
        empty = report.rules[(report.rules["status"] == "ran").to_numpy()
                             & (report.rules["findings"] == 0).to_numpy()]
        if len(empty):
            kinds = dict(zip(report.rules["rule"], report.rules["kind"], strict=True))
            from .labels import rule_name

            line("", msg("rpt_empty_rules", lang, rules=msg("rpt_list_sep", lang).join(
                rule_name(r, kinds.get(r), lang) for r in empty["rule"])))

    def rectify(self, zone: str | None, sheet: str) -> None:
        lang = self.lang
        t = rectification_frame(self.report, zone)
        raw = ["no"] + ([] if zone is not None else ["zone"]) + [
            "severity", "rule", "name", "node_type", "message", "fix", "who", "owner",
            "deadline", "done"]
        head = msg("rpt_rectify_title", lang, zone=zone if zone is not None else
                   msg("rpt_sheet_rectify", lang))
        if zone is None:
            head = msg("report_title", lang) + " · " + msg("rpt_sheet_rectify", lang)
        self.table(sheet, t, raw, head, msg("rpt_rectify_fill", lang),
                   breaks_by=None if zone is not None else t.columns[1])

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.wb.save(path)
        return path


def _missing(v) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def _height(values, widths: list[float], line: float = 15.5) -> float:
    """Points a row needs so that its wrapped text shows whole: the most lines of any of its
    cells (wide characters count double, as in :func:`display_width`)."""
    most = 1
    for v, w in zip(values, widths, strict=False):
        if not isinstance(v, str) or not v:
            continue
        room = max(w - 2.5, 1.0)
        n = sum(1 if display_width(part) <= w - 1 else -(-display_width(part) // room)
                for part in v.split("\n"))
        most = max(most, int(n))
    return round(min(most, 27) * line + 2, 1)


def _labels(report) -> dict | None:
    return getattr(report, "labels", None)


def _kinds(report) -> dict:
    return dict(zip(report.rules["rule"], report.rules["kind"], strict=True))


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
    >>> wb.sheetnames[:3], wb["问题清单"].freeze_panes, wb["问题清单"].print_title_rows
    (['封面', '概览', '问题清单'], 'A2', '$1:$1')
    >>> wb["概览"].page_setup.orientation, wb["概览"].page_setup.paperSize
    ('landscape', 9)
    """
    from ..version import __version__

    lang = report.lang
    limit = EXCEL_MAX_ROWS - 1
    if len(report.findings) > limit:
        raise ExcelRowLimitError(len(report.findings), lang)
    path = Path(path)
    labels, kinds = _labels(report), _kinds(report)
    title = msg("report_title", lang)

    def head(sheet: str) -> str:
        return msg("rpt_header_sheet", lang, title=title, sheet=sheet)

    parts: list[tuple[str, str, object]] = [(msg("rpt_sheet_cover", lang), "cover", None)]
    parts.append((msg("sheet_summary", lang), "table", report.summary))
    f = report.findings
    ft = f[FINDING_COLUMNS].copy()
    ft.insert(0, "no", np.arange(1, len(ft) + 1))
    parts.append((msg("sheet_findings", lang), "table", ft))
    zones = rectification_zones(report) if len(f) else []
    if len(zones) <= MAX_ZONE_SHEETS:
        for z in zones:
            parts.append((msg("rpt_sheet_rectify_zone", lang, zone=z), "rectify", z))
    else:
        parts.append((msg("rpt_sheet_rectify", lang), "rectify", None))
    rules = report.rules[["rule", "kind", "severity", "enabled", "status", "findings"]]
    parts.append((msg("sheet_rules", lang), "table", rules))
    notes = []
    if len(zones) > MAX_ZONE_SHEETS:
        notes.append(msg("rpt_rectify_many", lang, n=len(zones)))
    for name, table in report.metrics.items():
        if name in EXCEL_SKIP:
            notes.append(msg("rpt_tie_strength_json", lang, n=len(table)))
            continue
        mtitle = label("metric_", name, lang)
        if len(table) > limit:
            notes.append(msg("report_metric_omitted", lang, name=mtitle, n=len(table)))
            continue
        parts.append((msg("rpt_sheet_metric", lang, name=mtitle if lang == "zh" else name),
                      "table", table))
    if getattr(report, "comparison", None) is not None:
        for key, table in report.comparison.sections().items():
            ctitle = msg(f"chg_sec_{key}", lang)[:31]
            parts.append((msg("chg_sheet_prefix", lang) + ctitle, "change",
                          table.drop(columns=["key"], errors="ignore")))
    about = [(k, v) for k, v in cover_facts(report)]
    about += [("", msg("report_generated", lang, version=__version__))]
    about += [("", n) for n in notes]
    parts.append((msg("sheet_about", lang), "plain",
                  pd.DataFrame(about, columns=["key", "value"])))
    names = sheet_names([p[0] for p in parts])
    book = _Book(report)
    for name, (wanted, kind, obj) in zip(names, parts, strict=True):
        if kind == "cover":
            book.cover(name)
        elif kind == "rectify":
            book.rectify(obj, name)
        elif kind == "change":
            from ..change._present import header

            shown = people_frame(obj, lang, labels, kinds)
            shown.columns = [header(c, lang) for c in obj.columns]
            book.table(name, shown, list(obj.columns), head(wanted))
        elif kind == "plain":
            book.table(name, display_frame(obj, lang), list(obj.columns), head(wanted))
        else:
            book.table(name, people_frame(obj, lang, labels, kinds), list(obj.columns),
                       head(wanted))
    return book.save(path)


def write_rectification_book(report, path: str | Path, zone: str) -> Path:
    """Write the rectification list of one ``zone`` as a print-ready workbook of one sheet
    (see :func:`partylinks.report.rectify.write_rectification`).

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl, partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     wb = openpyxl.load_workbook(write_rectification_book(r, pathlib.Path(d) / "z.xlsx",
    ...                                                          "Z2"))
    >>> wb.sheetnames, [c.value for c in wb.active[1]][-3:]
    (['整改-Z2'], ['责任人', '完成时限', '完成情况'])
    """
    book = _Book(report)
    name = sheet_names([msg("rpt_sheet_rectify_zone", report.lang, zone=zone)])[0]
    book.rectify(zone, name)
    return book.save(Path(path))
