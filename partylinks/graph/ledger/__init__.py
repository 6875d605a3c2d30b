"""Ledgers (台账) as offices keep them: one sheet per kind, everything by name, no ids.

:func:`read_ledger` reads a workbook (or a folder of workbooks and text tables) in the
office layout, recognizes each sheet from its name and headers using a :class:`Layout`,
resolves names to nodes, and hands node, edge and event tables to the same validation as
the node/edge format, so a ledger is a second front door into the same
:class:`~partylinks.graph.model.LinkGraph`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .build import NEAR_MATCH, build_tables
from .cells import TEXT_EXTS, WORKBOOK_EXTS, Grid, LedgerReadError, read_grids
from .layout import Layout, LayoutError, default_layout_path, load_layout
from .names import guess_type, normalize_name, stable_id
from .sheets import SheetRead, recognize
from .template import write_template

__all__ = ["read_ledger", "LedgerProvenance", "Layout", "LayoutError", "LedgerReadError",
           "load_layout", "default_layout_path", "write_template", "normalize_name",
           "guess_type", "stable_id", "NEAR_MATCH", "read_grids", "Grid", "recognize",
           "SheetRead", "LEDGER_EXTS", "read_aliases"]

LEDGER_EXTS = WORKBOOK_EXTS + TEXT_EXTS


@dataclass
class LedgerProvenance:
    """How a ledger was read: which sheet became what, which header became which field,
    what was skipped, which units were implied and which names were near matches.

    Attributes
    ----------
    sheets : DataFrame
        One row per sheet: ``file``, ``sheet``, ``kind`` (None when not recognized),
        ``header_row``, ``rows`` (data rows read), ``unused`` (headers kept but not used).
    columns : DataFrame
        ``file``, ``sheet``, ``header``, ``field``: the column-mapping report.
    implied : DataFrame
        Nodes made from a name that matched nothing: ``id``, ``type``, ``name``, ``zone``,
        and the ``file``, ``row``, ``column`` where the name first appeared.
    matches : DataFrame
        Near matches used: ``file``, ``row``, ``column``, ``value``, ``match``, ``id``,
        ``score``.
    """

    sheets: pd.DataFrame
    columns: pd.DataFrame
    implied: pd.DataFrame
    matches: pd.DataFrame
    layout: str = "<default>"
    notes: list = field(default_factory=list, repr=False)

    def mapping(self, lang: str | None = None) -> pd.DataFrame:
        """The column-mapping report: one row per sheet, in ``lang``.

        Columns: sheet, what it was read as, header row, data rows, each header with the
        meaning it was given, and the headers not used.

        Examples
        --------
        >>> import tempfile, pathlib, partylinks as pl
        >>> f = write_template(pathlib.Path(tempfile.mkdtemp()) / "t.xlsx", example=True)
        >>> m = pl.load(f).provenance["ledger"].mapping("zh")
        >>> m.set_index("工作表").loc["兼职情况", "列（表头→含义）"]
        '姓名→人员、本职单位→本人所在单位、兼职单位→兼职单位、兼职职务→职务、兼职时间→开始时间、结束时间→结束时间'
        """
        from ...messages import msg, resolve_lang

        lang = resolve_lang(lang)
        rows = []
        for r in self.sheets.itertuples(index=False):
            cols = self.columns[(self.columns["file"] == r.file)
                                & (self.columns["sheet"] == r.sheet)]
            if r.hidden:
                kind = msg("ledger_map_hidden", lang)
            elif r.kind is None or pd.isna(r.kind):
                kind = msg("ledger_map_none", lang)
            else:
                kind = msg(f"ledger_kind_{r.kind}", lang)
            rows.append({
                "sheet": r.sheet if r.sheet is not None else r.file, "kind": kind,
                "header": "" if pd.isna(r.header_row) else int(r.header_row),
                "rows": int(r.rows),
                "columns": "、".join(f"{c.header}→{msg(f'ledger_field_{c.field}', lang)}"
                                    for c in cols.itertuples(index=False)),
                "unused": r.unused})
        out = pd.DataFrame(rows, columns=["sheet", "kind", "header", "rows", "columns",
                                          "unused"])
        return out.rename(columns={c: msg(f"ledger_map_{c}", lang) for c in out.columns})

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        return self.mapping().to_html(index=False)


def _ledger_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(q for q in path.iterdir()
                  if q.is_file() and q.suffix.lower() in LEDGER_EXTS
                  and not q.name.startswith(("~$", ".~")))


def read_aliases(aliases) -> dict[str, str]:
    """Confirmed names: a dict, or a TOML file with an ``[aliases]`` table (written name =
    confirmed name), as the web app saves it.

    Examples
    --------
    >>> read_aliases({"永兴纺织": "永兴纺织有限公司"})
    {'永兴纺织': '永兴纺织有限公司'}
    """
    if aliases is None:
        return {}
    if isinstance(aliases, dict):
        return {str(k): str(v) for k, v in aliases.items()}
    import tomllib

    try:
        spec = tomllib.loads(Path(aliases).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LayoutError(f"{aliases}: {exc}") from None
    table = spec.get("aliases", {})
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise LayoutError(f"{aliases}: [aliases] must map names to names")
    return dict(table)


def read_ledger(path: str | Path, *, layout: str | Path | Layout | None = None, schema=None,
                aliases=None):
    """Read a ledger workbook (or a folder of them) in the office layout.

    Each sheet is recognized from its name and headers (see the layout file,
    ``partylinks/layouts/default.toml``); its header row is found below any title rows;
    ``序号`` columns, blank rows and footer rows are skipped and reported; merged cells are
    filled down with a warning; hidden sheets are skipped with a notice. Names are
    resolved to nodes as described in :mod:`partylinks.graph.ledger.build`; generated ids
    are stable across runs (:func:`stable_id`).

    Parameters
    ----------
    path : str or Path
        A ``.xlsx``/``.xlsm``/``.xls``/``.ods``/``.et`` workbook, a ``.csv``/``.txt``
        table, or a folder of them.
    layout : str, Path or Layout, optional
        The layout file (default: the shipped one).
    aliases : dict or path, optional
        Confirmed names (:func:`read_aliases`): a name as written -> the name it means.
    schema : Schema, optional
        Checks the layout's type names.

    Returns
    -------
    RawDataset
        Node, edge and event tables (problems in them name the ledger's cells), with the
        ledger's notices in ``problems`` and a :class:`LedgerProvenance` in ``ledger``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_template(d / "台账.xlsx", example=True)
    >>> raw = read_ledger(d / "台账.xlsx")
    >>> sorted(raw.ledger.sheets["kind"].dropna())[:3]
    ['agency', 'branch', 'cadre']
    """
    from ..io import RawDataset
    from ..schema import load_schema

    schema = load_schema(schema) if not hasattr(schema, "unit_types") else schema
    lay = load_layout(layout, schema)
    p = Path(path)
    problems: list[dict] = []
    reads: list[SheetRead] = []
    sheet_rows, col_rows = [], []

    def add(note: dict, label: str) -> None:
        note = dict(note)
        d = {"severity": note.pop("severity"), "code": note.pop("code"), "table": "ledger",
             "file": note.pop("file", label), "row": note.pop("row", None),
             "column": note.pop("column", None), "value": note.pop("value", None)}
        d.update(note)
        problems.append(d)

    files = _ledger_files(p)
    for f in files:
        try:
            grids = read_grids(f, f.name if p.is_dir() else p.name)
        except LedgerReadError as exc:
            add({"severity": "error", "code": exc.code, "row": exc.fields.get("line"),
                 **exc.fields}, exc.file)
            continue
        for grid in grids:
            if grid.hidden:
                add({"severity": "info", "code": "hidden_sheet_skipped",
                     "value": grid.sheet}, grid.label)
                sheet_rows.append({"file": grid.file, "sheet": grid.sheet, "kind": None,
                                   "header_row": None, "rows": 0, "unused": "", "hidden": True})
                continue
            read, notes = recognize(grid, lay)
            for n in notes:
                add(n, grid.label)
            if read is None:
                sheet_rows.append({"file": grid.file, "sheet": grid.sheet, "kind": None,
                                   "header_row": None, "rows": 0, "unused": "",
                                   "hidden": False})
                continue
            sheet_rows.append({"file": grid.file, "sheet": grid.sheet, "kind": read.spec.kind,
                               "header_row": read.header_row, "rows": len(read.rows),
                               "unused": "、".join(read.unknown_columns), "hidden": False})
            for fld, (_, h) in read.columns.items():
                col_rows.append({"file": grid.file, "sheet": grid.sheet, "header": h,
                                 "field": fld})
            if not any(n["severity"] == "error" and n["code"] == "ledger_missing_column"
                       for n in notes):
                reads.append(read)
    if not files:
        add({"severity": "error", "code": "no_ledger_files", "value": str(p)}, str(p))
    elif not reads and not any(d["severity"] == "error" for d in problems):
        add({"severity": "error", "code": "no_ledger_sheets", "value": str(p),
             "sheets": "、".join(str(r["sheet"] or r["file"]) for r in sheet_rows) or "-"},
            str(p))
    built = build_tables(reads, schema, read_aliases(aliases))
    for n in built.notes:
        add(n, n.get("file", str(p)))
    if reads:
        raw = RawDataset(built.nodes, built.edges, built.events, problems, str(p))
        raw.nodes.name, raw.edges.name = "nodes", "edges"
    else:  # nothing to build: the problems above say why
        raw = RawDataset(None, None, None, problems, str(p))
    raw.ledger = LedgerProvenance(
        pd.DataFrame(sheet_rows, columns=["file", "sheet", "kind", "header_row", "rows",
                                          "unused", "hidden"]),
        pd.DataFrame(col_rows, columns=["file", "sheet", "header", "field"]),
        built.implied, built.matches, lay.source)
    return raw
