"""Reading the raw tables of a dataset: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK),
Excel workbooks and Parquet, from a folder, one workbook, or DataFrames.

Everything is read as text, so ids keep their leading zeros and no value is coerced
before validation has looked at it. Each table remembers its file and the row number
a user sees in Excel (the header is row 1, the first data row is row 2).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .schema import CANONICAL_COLUMNS as CANONICAL

__all__ = ["Table", "RawDataset", "read_dataset", "table_from_frame", "TABLE_NAMES"]

TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "nodes": ("nodes", "node", "节点", "节点表", "单位", "组织"),
    "edges": ("edges", "edge", "links", "关系", "关系表", "边", "联系"),
    "events": ("events", "event", "活动", "活动记录", "活动表"),
}
_EXTS = (".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".parquet", ".pq")
ENCODINGS = ("utf-8-sig", "gb18030")
_TEXT = re.compile(rb"[^\r\n]")


@dataclass
class Table:
    """One raw table: text cells, canonical headers, and where each row came from.

    Attributes
    ----------
    frame : DataFrame
        Cells as stripped strings, empty cells missing, each column a Categorical (every
        distinct text stored once); headers already mapped to canonical names by the
        schema when read through :func:`read_dataset`.
    file : str
        The file (and sheet) to name in messages.
    rows : ndarray
        The row number of each row as the user sees it (Excel numbering), or the
        DataFrame's index labels for in-memory tables.
    headers : dict
        Canonical column name -> header as written in the file.
    encoding : str or None
        The text encoding a CSV was read with.
    origin : DataFrame or None
        Where each row of a table built from a ledger came from (see the attribute).
    """

    frame: pd.DataFrame
    file: str
    rows: np.ndarray
    headers: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    header_row: int = 1
    """The Excel row number of the header (below any title rows)."""
    origin: pd.DataFrame | None = None
    """For a table built from a ledger: per row, the ``file`` (``file[sheet]``) and Excel
    ``row`` it came from, and ``h:<column>`` the header each canonical column was read from;
    then ``rows`` holds row positions and problems name the ledger's cells."""

    def header(self, column: str) -> str:
        """The header as the user wrote it, for messages."""
        return self.headers.get(column, column)


@dataclass
class RawDataset:
    """The raw tables of a dataset and the problems met while reading them."""

    nodes: Table | None
    edges: Table | None
    events: Table | None = None
    problems: list[dict] = field(default_factory=list)
    source: str = ""
    ledger: object = None
    """How a ledger in the office layout was read (a ``LedgerProvenance``), else None."""


def _problem(code: str, file: str, table: str, **kw) -> dict:
    d = {"severity": "error", "code": code, "table": table, "file": file, "row": None,
         "column": None, "value": None}
    d.update(kw)
    return d


def _categorical(codes: np.ndarray, texts: np.ndarray) -> pd.Categorical:
    """Cells as a Categorical: ``texts[codes]``, where a text of None (or code -1) is a
    missing cell; equal texts are merged into one category."""
    texts = np.asarray(texts, dtype=object)
    present = np.array([t is not None for t in texts], dtype=bool)
    cat_codes, cats = pd.factorize(texts[present])
    remap = np.full(len(texts) + 1, -1, dtype=np.int64)
    remap[:-1][present] = cat_codes
    return pd.Categorical.from_codes(remap[codes], categories=pd.Index(cats, dtype=object))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_surrogate(m: re.Match) -> str:
    """A lone surrogate (possible only in text built in Python) as the visible ``\\udXXX``:
    no file format can hold it, and pandas text columns refuse it."""
    return f"\\u{ord(m.group(0)):04x}"


def _text_column(s: pd.Series) -> pd.Categorical:
    """One column as stripped text (see :func:`_text_frame`)."""
    if pd.api.types.is_float_dtype(s.dtype):
        vals = s.to_numpy(dtype=float, na_value=np.nan)
        codes, uniq = pd.factorize(vals)
        # whole numbers as integers while a float holds them exactly (|x| <= 2**53); a
        # larger one (an id 1e20) stays as Python writes it, never an overflowed integer
        integral = np.isfinite(uniq) & (np.floor(uniq) == uniq) & (np.abs(uniq) <= 2.0 ** 53)
        txt = np.where(integral, np.where(integral, uniq, 0).astype(np.int64).astype(str),
                       uniq.astype(str)).astype(object)
        return _categorical(codes, txt)
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        codes, uniq = pd.factorize(s)
        return _categorical(codes, np.asarray(uniq.strftime("%Y-%m-%d"), dtype=object))
    if isinstance(s.dtype, pd.CategoricalDtype):
        codes, uniq = s.cat.codes.to_numpy(), np.asarray(s.cat.categories, dtype=object)
    else:
        codes, uniq = pd.factorize(s.astype(object) if s.dtype == bool else s)
        uniq = np.asarray(uniq, dtype=object)
    txt = [_SURROGATE.sub(_escape_surrogate, str(u)).strip() for u in uniq]
    return _categorical(codes, np.array([t if t else None for t in txt], dtype=object))


def _text_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Cells as stripped text; empty cells become missing. Integral floats lose '.0'.

    Each column is a Categorical of strings: every distinct text is stripped once and
    stored once, so a column of millions of repeated ids, types or dates stays small.
    """
    return pd.DataFrame({col: _text_column(df[col]) for col in df.columns}, index=df.index)


def _has_blank_line(data: bytes) -> bool:
    """True when an empty line is followed by more text (trailing ones do not count)."""
    for pattern in (b"\n\n", b"\n\r\n", b"\r\r"):
        at = data.find(pattern)
        if at >= 0 and _TEXT.search(data, at):
            return True
    return False


def _arrow_csv(data: bytes, encoding: str, delimiter: str = ",") -> pd.DataFrame | None:
    """Read CSV bytes with pyarrow (multi-threaded), every cell as stripped text.

    Returns None (the caller falls back to pandas) when pyarrow is not installed or the
    file needs pandas' handling: an empty line (pyarrow would skip it and shift the row
    numbers), an empty or repeated header, rows of the wrong length, bad quoting.
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pacsv
    except ImportError:
        return None
    end = data.find(b"\n")
    end = end if end >= 0 else len(data)
    quoted = data.find(b'"', end) >= 0  # quotes in the header alone change nothing
    if data[:1] in (b"\n", b"\r") or (quoted and _has_blank_line(data)):
        return None
    first = data[:end].rstrip(b"\r").decode(encoding)
    header = next(csv.reader([first], delimiter=delimiter), [])
    if not header or any(not h.strip() for h in header) or len(set(header)) < len(header):
        return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1,
                                           encoding="utf8" if encoding == "utf-8-sig"
                                           else encoding),
            parse_options=pacsv.ParseOptions(newlines_in_values=quoted, delimiter=delimiter),
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in header}, strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, UnicodeDecodeError, LookupError):
        return None
    if not quoted:  # no value can hold a line break: one row per line, none skipped
        end = len(data)
        while end and data[end - 1] in (10, 13):  # trailing line breaks
            end -= 1
        if table.num_rows != data.count(b"\n", 0, end):
            return None
    cols = {}
    for name, col in zip(header, table.columns, strict=True):
        enc = col.combine_chunks().dictionary_encode()  # the one pass over the cells
        codes = pc.fill_null(enc.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
        texts = pc.utf8_trim_whitespace(enc.dictionary)  # each distinct text once
        if pc.any(pc.equal(texts, "")).as_py() or not pc.all(
                pc.equal(texts, enc.dictionary)).as_py():  # blanks, or texts that merge
            cols[name] = _categorical(codes, np.array(
                [t or None for t in texts.to_pylist()], dtype=object))
        else:
            cats = pd.Index(texts.to_numpy(zero_copy_only=False), dtype=object)
            cols[name] = pd.Categorical.from_codes(codes, categories=cats)
    return pd.DataFrame(cols, index=pd.RangeIndex(table.num_rows))


def table_from_frame(df: pd.DataFrame, label: str, schema=None) -> Table:
    """Wrap an in-memory DataFrame as a :class:`Table` (rows named by index label).

    Examples
    --------
    >>> t = table_from_frame(pd.DataFrame({"编号": [" 0012 "], "类型": ["企业"]}), "<nodes>")
    >>> list(t.frame.columns), t.frame.iloc[0, 0]
    (['编号', '类型'], '0012')
    """
    frame = _text_frame(df.reset_index(drop=True))
    frame.columns = [str(c).strip() for c in df.columns]
    t = Table(frame, label, np.asarray(df.index), {c: c for c in frame.columns})
    return _canonical_headers(t, schema) if schema is not None else t


_AMBIGUOUS = {"级别": ("rank", "level"), "等级": ("rank", "level")}
"""Headers with two meanings, decided by the column's values (grid level or cadre rank)."""
_LEVEL_VALUES = {"1", "2", "3", "4", "一级", "二级", "三级", "四级", "一", "二", "三"}


def _meaning_by_content(t: Table, col: str, choices: tuple[str, ...], schema) -> str:
    values = {str(v).strip() for v in t.frame[col].dropna().unique()[:200]}
    if values and values <= _LEVEL_VALUES and "level" in choices:
        return "level"
    ranks = set(schema.value_aliases.get("rank", {})) | {"county", "section", "staff"}
    if values and values <= ranks and "rank" in choices:
        return "rank"
    return schema.column(col)


def _canonical_headers(t: Table, schema, problems: list[dict] | None = None) -> Table:
    """Map each header to its canonical column. A header with two meanings (``级别``: grid
    level or rank) is decided by its values, and by which meaning another header already
    takes; two headers meaning the same column: the first is used and a warning names both.
    """
    notes = problems if problems is not None else []
    mapping, headers = {}, {}
    cols = list(t.frame.columns)
    exact = {schema.column(c) for c in cols if str(c).strip() not in _AMBIGUOUS}
    for col in cols:
        key = str(col).strip()
        if key in _AMBIGUOUS:
            free = tuple(m for m in _AMBIGUOUS[key] if m not in exact) or _AMBIGUOUS[key]
            canon = free[0] if len(free) == 1 else _meaning_by_content(t, col, free, schema)
            if canon != schema.column(col):
                zh = {"level": "层级", "rank": "职级"}.get(canon, canon)
                notes.append(_problem("header_by_content", t.file, getattr(t, "name", ""),
                                      severity="info", row=t.header_row, column=col,
                                      value=col,
                                      field_zh=zh, field_en=canon))
        else:
            canon = schema.column(col)
        if canon in headers and canon in CANONICAL:  # two headers for one meaning
            notes.append(_problem("header_competes", t.file, getattr(t, "name", ""),
                                  severity="warning", row=t.header_row, column=col,
                                  value=col,
                                  field=canon, first=headers[canon]))
            canon = col
        mapping[col] = canon
        headers[canon] = col
    t.frame = t.frame.rename(columns=mapping)
    t.headers = headers
    return t


def _check_decodes(data: bytes, encoding: str, chunk: int = 1 << 24) -> None:
    """Raise UnicodeDecodeError (``start`` = byte offset in ``data``) unless ``data`` is
    text in ``encoding``; decodes piece by piece, never holding the whole text."""
    dec = codecs.getincrementaldecoder(encoding)()
    for i in range(0, len(data), chunk):
        try:
            dec.decode(data[i:i + chunk])
        except UnicodeDecodeError as exc:
            raise UnicodeDecodeError(exc.encoding, data, exc.start + i, exc.end + i,
                                     exc.reason) from None
    dec.decode(b"", final=True)


def _read_csv(path: Path, table: str, problems: list[dict]) -> Table | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(_problem("unreadable_file", str(path), table, detail=str(exc)))
        return None
    encoding = None
    try:
        _check_decodes(data, "utf-8-sig")
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        # UTF-16 (Excel/WPS "Unicode 文本"), GB18030/GBK, or a file whose encoding changes
        # midway (refused at the line where it changes): decoded once, read as UTF-8
        from .ledger.cells import LedgerReadError, decode_text

        try:
            text, encoding = decode_text(data, str(path))
        except LedgerReadError as exc:
            problems.append(_problem(exc.code, exc.file, table, row=exc.fields.get("line"),
                                     **exc.fields))
            return None
        if encoding != "gb18030":
            data = text.encode("utf-8")
            encoding_read = encoding
            encoding = "utf-8-sig"
            frame_note = encoding_read
        else:
            frame_note = None
    else:
        frame_note = None
    if not data or data.isspace():
        problems.append(_problem("empty_file", str(path), table))
        return None
    from .ledger.cells import _delimiter

    delimiter = _delimiter(data[:65536].decode(encoding, "ignore"))
    frame = _arrow_csv(data, encoding, delimiter)
    if frame is None:
        try:
            df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, sep=delimiter,
                             na_filter=False, encoding=encoding, skip_blank_lines=False)
        except (pd.errors.ParserError, ValueError) as exc:
            problems.append(_problem("unreadable_file", str(path), table, detail=str(exc)))
            return None
        frame = _text_frame(df)
    df = frame
    rows = np.arange(2, len(df) + 2)
    keep = frame.notna().any(axis=1).to_numpy()  # blank lines are not data rows
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
    frame.columns = [str(c).strip() for c in df.columns]
    return Table(frame, str(path), rows[keep], {c: c for c in frame.columns},
                 frame_note or encoding)


def _from_sheet(df: pd.DataFrame, label: str, first_row: int = 2) -> Table:
    rows = np.arange(first_row, len(df) + first_row)
    frame = _text_frame(df)
    keep = frame.notna().any(axis=1).to_numpy()
    frame = frame[keep].reset_index(drop=True)
    frame.columns = [str(c).strip() for c in df.columns]
    return Table(frame, label, rows[keep], {c: c for c in frame.columns})


_KNOWN_HEADERS: set[str] | None = None


def _is_known_header(text: str) -> bool:
    global _KNOWN_HEADERS
    if _KNOWN_HEADERS is None:
        from .schema import _COLUMN_ALIASES, CANONICAL_COLUMNS

        _KNOWN_HEADERS = {k.lower() for k in _COLUMN_ALIASES} | set(CANONICAL_COLUMNS)
    return str(text).strip().lower() in _KNOWN_HEADERS


def _note_problem(n: dict, file: str, table: str) -> dict:
    """A notice of the sheet reader as a problem of this table."""
    return _problem(n["code"], file, table, severity=n["severity"], row=n["row"],
                    value=n["value"], range=n.get("range"))


def _grid_table(grid, table: str, problems: list[dict]) -> Table | None:
    """A node/edge/event sheet read as a grid: the header is the row among the first 20
    with the most known column names; title rows above it and footer rows below the data
    (填表人, 审核人, 合计, ...) are skipped with a notice; merged cells are filled down."""
    from .ledger.sheets import _fill_merged, _texts, split_footer, title_notes

    notes: list[dict] = []
    _fill_merged(grid, notes)
    texts = _texts(grid)
    best, hi = 0, None
    for i, cells in enumerate(texts[:20]):
        score = sum(1 for c in cells if c and _is_known_header(c))
        if score > best:
            best, hi = score, i
    if hi is None:
        if not any(any(r) for r in texts):
            for n in notes:
                problems.append(_note_problem(n, grid.label, table))
            problems.append(_problem("empty_file", grid.label, table))
            return None
        hi = 0
    notes += title_notes(texts, hi, grid.first_row)
    end, footer = split_footer(texts, hi + 1, grid.first_row)
    for n in notes + footer:
        problems.append(_note_problem(n, grid.label, table))
    header = texts[hi]
    width = max((len(r) for r in texts[hi:]), default=0)
    header = header + [""] * (width - len(header))
    body = [r + [""] * (width - len(r)) for r in texts[hi + 1:end]]
    cols = [h if h else f"column{j + 1}" for j, h in enumerate(header)]
    df = pd.DataFrame(body, columns=cols, dtype=object) if body else pd.DataFrame(
        columns=cols, dtype=object)
    keep_cols = [c for j, c in enumerate(cols) if header[j] or any(r[j] for r in body)]
    t = _from_sheet(df[keep_cols], grid.label, grid.first_row + hi + 1)
    t.header_row = grid.first_row + hi
    return t


def _grids(path: Path, table: str, problems: list[dict]) -> list:
    from .ledger.cells import LedgerReadError, read_grids

    try:
        return read_grids(path, str(path))
    except LedgerReadError as exc:
        problems.append(_problem(exc.code, exc.file, table, **exc.fields))
        return []


def _read_parquet(path: Path, table: str, problems: list[dict]) -> Table | None:
    try:
        df = pd.read_parquet(path)
    except ImportError as exc:
        raise ImportError(
            f"reading {path} needs pyarrow: pip install 'partylinks[parquet]'") from exc
    except Exception as exc:
        problems.append(_problem("unreadable_file", str(path), table, detail=str(exc)))
        return None
    frame = _text_frame(df.reset_index(drop=True))
    frame.columns = [str(c).strip() for c in df.columns]
    return Table(frame, str(path), np.arange(2, len(df) + 2), {c: c for c in frame.columns})


def _read_file(path: Path, table: str, problems: list[dict]) -> Table | None:
    ext = path.suffix.lower()
    if ext == ".csv":
        return _read_csv(path, table, problems)
    if ext in (".parquet", ".pq"):
        return _read_parquet(path, table, problems)
    grids = [g for g in _grids(path, table, problems) if not g.hidden]
    if not grids:
        return None
    names = {n.lower() for n in TABLE_NAMES[table]}
    named = [g for g in grids if str(g.sheet).strip().lower() in names]
    if len(named) > 1:
        problems.append(_problem("sheet_choice", str(path), table, severity="warning",
                                 value=named[0].sheet,
                                 sheets="、".join(str(g.sheet) for g in named)))
    elif len(grids) > 1 and not named:
        problems.append(_problem("sheet_choice", str(path), table, severity="warning",
                                 value=grids[0].sheet,
                                 sheets="、".join(str(g.sheet) for g in grids)))
    return _grid_table((named or grids)[0], table, problems)


def _find(folder: Path, table: str) -> Path | None:
    by_name = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    for stem in TABLE_NAMES[table]:
        for ext in _EXTS:
            p = by_name.get(f"{stem}{ext}".lower())
            if p is not None:
                return p
    return None


def workbook_is_node_edge(path: Path) -> bool:
    """True when a workbook has a ``nodes``/``edges`` (节点/关系) sheet: the node/edge format,
    not a ledger in the office layout."""
    import python_calamine as cal

    try:
        wb = cal.load_workbook(str(path))
        names = {str(n).strip().lower() for n in wb.sheet_names}
        wb.close()
    except Exception:
        return False
    return bool(names & {n.lower() for n in TABLE_NAMES["nodes"][:4]}) and bool(
        names & {n.lower() for n in TABLE_NAMES["edges"][:4]})


def _workbook(path: Path, problems: list[dict]) -> RawDataset:
    grids = [g for g in _grids(path, "workbook", problems) if not g.hidden]
    tables: dict[str, Table | None] = {}
    lower = {str(g.sheet).strip().lower(): g for g in grids}
    for table, names in TABLE_NAMES.items():
        tables[table] = None
        found = [lower[n.lower()] for n in names if n.lower() in lower]
        if len(found) > 1:  # two sheets that both look like this table: say which was read
            problems.append(_problem("sheet_choice", str(path), table, severity="warning",
                                     value=found[0].sheet,
                                     sheets="、".join(str(g.sheet) for g in found)))
        if found:
            tables[table] = _grid_table(found[0], table, problems)
        if tables[table] is None and table != "events" and grids:
            problems.append(_problem("missing_table", str(path), table,
                                     expected=", ".join(names[:4]),
                                     sheets="、".join(str(g.sheet) for g in grids)))
    return RawDataset(tables["nodes"], tables["edges"], tables["events"], problems, str(path))


def read_dataset(path: str | Path, schema=None, layout=None, aliases=None,
                 lang: str | None = None) -> RawDataset:
    """Read a dataset's raw tables from a folder or a workbook.

    A folder holds ``nodes`` and ``edges`` tables (and optionally ``events``), each as
    ``.csv``, ``.xlsx`` or ``.parquet``; the Chinese file names ``节点``/``关系``/``活动``
    are accepted too. A workbook (``.xlsx``) holds them as sheets with those names.
    CSV files are read as UTF-8 (with or without BOM) or, failing that, GB18030 (a
    superset of GBK and GB2312); the encoding used is kept on the table.

    Parameters
    ----------
    path : str or Path
        A folder or an ``.xlsx`` workbook.
    schema : Schema, optional
        Maps headers onto canonical column names.

    Returns
    -------
    RawDataset
        The tables (text cells) and the problems met (unreadable files, missing tables).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "节点.csv").write_bytes("编号,类型\\nC1,社区\\n".encode("gbk"))
    >>> _ = (d / "关系.csv").write_text("起点,终点,关系\\n", encoding="utf-8")
    >>> raw = read_dataset(d)
    >>> raw.nodes.encoding, raw.nodes.frame.iloc[0].tolist(), int(raw.nodes.rows[0])
    ('gb18030', ['C1', '社区'], 2)
    """
    from .ledger import LEDGER_EXTS, read_ledger

    p = Path(path)
    problems: list[dict] = []
    if not p.exists():
        from ..messages import msg

        raise FileNotFoundError(msg("rpt_cli_no_file", lang, path=p))
    if p.is_file():
        if p.suffix.lower() not in LEDGER_EXTS:
            raise ValueError(
                f"{p}: a dataset is a folder, a workbook (.xlsx .xlsm .xls .ods .et) or a "
                f"text table (.csv .txt .tsv)")
        if p.suffix.lower() in (".xlsx", ".xlsm") and workbook_is_node_edge(p):
            raw = _workbook(p, problems)
        else:
            return read_ledger(p, layout=layout, schema=schema, aliases=aliases)
    else:
        found = {table: _find(p, table) for table in TABLE_NAMES}
        if found["nodes"] is None and found["edges"] is None:
            books = [q for q in p.iterdir() if q.suffix.lower() in (".xlsx", ".xlsm")]
            if len(books) == 1 and workbook_is_node_edge(books[0]):
                return read_dataset(books[0], schema)
            if any(q.suffix.lower() in LEDGER_EXTS for q in p.iterdir()):
                return read_ledger(p, layout=layout, schema=schema, aliases=aliases)
        tables: dict[str, Table | None] = {}
        for table in TABLE_NAMES:
            f = found[table]
            if f is None:
                tables[table] = None
                if table != "events":
                    problems.append(_problem(
                        "missing_table", str(p), table,
                        expected=", ".join(f"{n}.csv" for n in TABLE_NAMES[table][:3])))
                continue
            tables[table] = _read_file(f, table, problems)
        raw = RawDataset(tables["nodes"], tables["edges"], tables["events"], problems, str(p))
    if schema is not None:
        for t in (raw.nodes, raw.edges, raw.events):
            if t is not None:
                _canonical_headers(t, schema, raw.problems)
    return raw
