"""Recognizing a sheet: its kind, its header row, its columns, and the rows to skip.

Offices put a title above the header ("XX镇三区联创党建台账（2024年6月）"), a 序号 column
before the data, blank rows between blocks, a footer (填表人：… 审核人：…) below, and merge
cells down a column. Each of these is recognized and reported, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import MAX_CELL_CHARS, Grid, cell_text
from .layout import Layout, SheetSpec

__all__ = ["SheetRead", "recognize", "HEADER_SEARCH_ROWS"]

HEADER_SEARCH_ROWS = 20
"""The header is looked for in the first this many non-empty rows of a sheet."""

_SERIAL = {"序号", "序", "编号序", "no", "no.", "#", "顺序号"}
_FOOTER = re.compile(r"^\s*(填表人|填报人|审核人|制表人|制表|审核|负责人|单位负责人|"
                     r"联系电话|联系人|"
                     r"填表日期|填报日期|填表说明|备注|注[:：]|说明[:：]|合计|总计|小计)")
_INSTRUCTIONS = re.compile(r"(填表说明|说明|使用说明|instructions|readme)", re.I)


@dataclass
class SheetRead:
    """A recognized sheet: its kind, header, columns and data rows, and what was skipped.

    Attributes
    ----------
    grid : Grid
    spec : SheetSpec
    header_row : int
        The Excel row number of the header.
    columns : dict
        field -> (column index in the grid rows, header text).
    rows : list of (int, dict)
        ``(Excel row, {field: text})`` for each data row.
    notes : list of dict
        Problems and notices: ``code``, ``severity``, ``row``, ``column``, ``value`` and fields.
    """

    grid: Grid
    spec: SheetSpec
    header_row: int
    columns: dict[str, tuple[int, str]]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)


def _note(code: str, severity: str, row=None, column=None, value=None, **fields) -> dict:
    return {"code": code, "severity": severity, "row": row, "column": column, "value": value,
            **fields}


def _fill_merged(grid: Grid, notes: list[dict]) -> set[tuple[int, int]]:
    """Copy each merged range's value down every row of the range (a warning per range);
    return the (row, column) positions in ``grid.rows`` that were filled this way."""
    filled: set[tuple[int, int]] = set()
    for (r0, c0), (r1, c1) in grid.merged:
        i0, j0 = r0 - (grid.first_row - 1), c0 - grid.first_col
        if i0 < 0 or i0 >= len(grid.rows) or j0 < 0:
            continue
        value = grid.rows[i0][j0] if j0 < len(grid.rows[i0]) else ""
        if cell_text(value) == "" or (r0 == r1 and c0 == c1):
            continue
        if r1 > r0:  # filled down; a merge across columns (a title) needs no copy
            for i in range(i0, min(r1 - (grid.first_row - 1), len(grid.rows) - 1) + 1):
                row = grid.rows[i]
                for j in range(j0, c1 - grid.first_col + 1):
                    while len(row) <= j:
                        row.append("")
                    row[j] = value
                    if i != i0:
                        filled.add((i, j))
            notes.append(_note("merged_filled", "warning", r0 + 1, None, cell_text(value),
                               range=f"{_col_letter(c0)}{r0 + 1}:{_col_letter(c1)}{r1 + 1}"))
    return filled


def _col_letter(j: int) -> str:
    s = ""
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s


def _texts(grid: Grid) -> list[list[str]]:
    out = []
    for i, row in enumerate(grid.rows):
        texts = []
        for j, v in enumerate(row):
            width = grid.padded.get((grid.first_row - 1 + i, grid.first_col + j))
            if width == "month" and hasattr(v, "year"):
                texts.append(f"{v.year}-{v.month:02d}")  # month precision, as shown
            elif width and isinstance(v, (int, float)) and float(v).is_integer():
                texts.append(str(int(v)).zfill(int(width)))
            else:
                texts.append(cell_text(v))
        out.append(texts)
    return out


def _is_blank(texts: list[list[str]], i: int, filled: set | frozenset) -> bool:
    """Row ``i`` holds nothing, or only what a merged cell above filled in."""
    return not any(c for j, c in enumerate(texts[i]) if (i, j) not in filled)


def title_notes(texts: list[list[str]], header: int, first_row: int) -> list[dict]:
    """A notice for each non-empty row above the header (row index ``header``)."""
    return [_note("title_row_skipped", "info", first_row + i, None,
                  "".join(c for c in texts[i] if c)[:80])
            for i in range(header) if any(texts[i])]


def split_footer(texts: list[list[str]], start: int, first_row: int,
                 filled: set | frozenset = frozenset()) -> tuple[int, list[dict]]:
    """Where the footer starts at or after row index ``start`` (the first row whose first
    non-empty cell begins with 填表人, 审核人, 合计, ...; ``len(texts)`` when there is
    none), and a notice for each non-blank row from there on."""
    end = len(texts)
    for i in range(start, len(texts)):
        if not _is_blank(texts, i, filled) and _FOOTER.match(next(c for c in texts[i] if c)):
            end = i
            break
    notes = [_note("footer_row_skipped", "info", first_row + i, None,
                   " ".join(c for c in texts[i] if c)[:80])
             for i in range(end, len(texts)) if not _is_blank(texts, i, filled)]
    return end, notes


def header_score(spec: SheetSpec, cells: list[str]) -> int:
    """How many cells of a row are headers of ``spec`` (each field counted once)."""
    seen = set()
    for c in cells:
        f = spec.field_of(c) if c else None
        if f is not None:
            seen.add(f)
    return len(seen)


def _find_header(spec: SheetSpec, texts: list[list[str]]) -> int | None:
    best, best_i = 0, None
    looked = 0
    for i, cells in enumerate(texts):
        if not any(cells):
            continue
        looked += 1
        if looked > HEADER_SEARCH_ROWS:
            break
        s = header_score(spec, cells)
        if s > best:
            best, best_i = s, i
    return best_i if best >= 2 or (best == 1 and spec.node is not None) else None


def score_sheet(spec: SheetSpec, grid: Grid, texts: list[list[str]]) -> tuple[int, int, int]:
    """(name score, header fields matched, required fields present) of a sheet for a kind."""
    i = _find_header(spec, texts)
    fields = header_score(spec, texts[i]) if i is not None else 0
    return spec.name_score(grid.sheet or grid.file.rsplit(".", 1)[0]), fields, int(i is not None)


def _required(spec: SheetSpec) -> set[str]:
    if spec.events:
        return {"date", "units"}
    if spec.node is not None:
        return {"name"}
    if spec.edges:  # the first edge's two columns; the other edges are optional
        return {spec.edges[0].source, spec.edges[0].target} - {"@row"}
    return set()


def recognize(grid: Grid, layout: Layout) -> tuple[SheetRead | None, list[dict]]:
    """Recognize one sheet: which kind it is, its header row, its columns and its data.

    The kind is the one whose names best match the sheet's name and whose headers best
    match a row among the sheet's first :data:`HEADER_SEARCH_ROWS` non-empty rows
    (the header row). Rows above the header are titles; ``序号`` columns, blank rows and
    footer rows (填表人, 审核人, 合计, ...) are skipped; each is reported as a notice.

    Returns ``(SheetRead or None, notices)``; None when the sheet is not one the layout
    knows (a notice says so, with the headers found).
    """
    notes: list[dict] = []
    filled = _fill_merged(grid, notes)
    texts = _texts(grid)
    ranked = []
    for spec in layout.sheets:
        name_s, fields, found = score_sheet(spec, grid, texts)
        if found and (fields >= 2 or name_s):
            ranked.append(((fields + 3 * name_s, name_s, fields), spec))
    if not ranked:
        if not _INSTRUCTIONS.search(grid.sheet or "") and any(any(r) for r in texts):
            first = next((r for r in texts if any(r)), [])
            notes.append(_note("sheet_not_recognized", "warning", None, None,
                               grid.sheet or grid.file,
                               headers="、".join(c for c in first if c)[:120]))
        return None, notes
    ranked.sort(key=lambda x: x[0], reverse=True)
    spec = ranked[0][1]
    hi = _find_header(spec, texts)
    assert hi is not None
    header = texts[hi]
    excel = grid.first_row
    notes += title_notes(texts, hi, excel)
    columns: dict[str, tuple[int, str]] = {}
    unknown = []
    for j, h in enumerate(header):
        if not h:
            continue
        f = spec.field_of(h)
        if h.strip().lower() in _SERIAL and f is None:
            notes.append(_note("serial_column_skipped", "info", excel + hi, h, h))
            continue
        if f is None:
            unknown.append(h)
            continue
        if f in columns:
            notes.append(_note("header_competes", "warning", excel + hi, h, h,
                               field=f, first=columns[f][1]))
            continue
        columns[f] = (j, h)
    if unknown:
        notes.append(_note("columns_kept_unused", "info", excel + hi, None, "、".join(unknown)))
    missing = sorted(_required(spec) - set(columns))
    read = SheetRead(grid, spec, excel + hi, columns, notes=notes, unknown_columns=unknown)
    if missing:
        for f in missing:
            variants = spec.columns.get(f, (f,))
            notes.append(_note("ledger_missing_column", "error", excel + hi, None, None,
                               field=variants[0], variants="、".join(variants[:5])))
        return read, notes
    footer_at, footer = split_footer(texts, hi + 1, excel, filled)
    blank, pending = [], []
    for i in range(hi + 1, footer_at):
        cells = texts[i]
        if _is_blank(texts, i, filled):
            pending.append(excel + i)  # reported only when data follows (not trailing)
            continue
        blank += pending
        pending = []
        row = {}
        for f, (j, h) in columns.items():
            v = cells[j] if j < len(cells) else ""
            if len(v) > MAX_CELL_CHARS:
                notes.append(_note("cell_too_long", "error", excel + i, h, v[:20] + "…",
                                   length=len(v), limit=MAX_CELL_CHARS))
                v = ""
            if v:
                row[f] = v
        if row:
            read.rows.append((excel + i, row))
    notes += footer
    if blank:
        notes.append(_note("blank_rows_skipped", "info", blank[0], None,
                           "、".join(str(b) for b in blank[:10]) + ("…" if len(blank) > 10 else ""),
                           n=len(blank)))
    return read, notes
