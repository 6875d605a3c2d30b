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

__all__ = ["Table", "RawDataset", "read_dataset", "table_from_frame", "TABLE_NAMES"]

TABLE_NAMES: dict[str, tuple[str, ...]] = {
    "nodes": ("nodes", "node", "节点", "节点表", "单位", "组织"),
    "edges": ("edges", "edge", "links", "关系", "关系表", "边", "联系"),
    "events": ("events", "event", "活动", "活动记录", "活动表"),
}
_EXTS = (".csv", ".xlsx", ".xlsm", ".parquet", ".pq")
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
    """

    frame: pd.DataFrame
    file: str
    rows: np.ndarray
    headers: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None

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


def _text_column(s: pd.Series) -> pd.Categorical:
    """One column as stripped text (see :func:`_text_frame`)."""
    if pd.api.types.is_float_dtype(s.dtype):
        vals = s.to_numpy(dtype=float, na_value=np.nan)
        codes, uniq = pd.factorize(vals)
        integral = np.isfinite(uniq) & (np.floor(uniq) == uniq)
        txt = np.where(integral, np.nan_to_num(uniq).astype(np.int64).astype(str),
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
    txt = [str(u).strip() for u in uniq]
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


def _arrow_csv(data: bytes, encoding: str) -> pd.DataFrame | None:
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
    header = next(csv.reader([first]), [])
    if not header or any(not h.strip() for h in header) or len(set(header)) < len(header):
        return None
    try:
        table = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1,
                                           encoding="utf8" if encoding == "utf-8-sig"
                                           else encoding),
            parse_options=pacsv.ParseOptions(newlines_in_values=quoted),
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


def _canonical_headers(t: Table, schema) -> Table:
    mapping, headers = {}, {}
    for col in t.frame.columns:
        canon = schema.column(col)
        if canon in headers:  # two headers meaning the same column: keep the first
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
    for enc in ENCODINGS:
        try:
            _check_decodes(data, enc)
        except UnicodeDecodeError as exc:
            if enc == ENCODINGS[-1]:
                problems.append(_problem(
                    "unreadable_file", str(path), table,
                    detail=f"not UTF-8 or GB18030/GBK text (byte {exc.start})"))
                return None
            continue
        encoding = enc
        break
    if not data or data.isspace():
        problems.append(_problem("empty_file", str(path), table))
        return None
    frame = _arrow_csv(data, encoding)
    if frame is None:
        try:
            df = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
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
    return Table(frame, str(path), rows[keep], {c: c for c in frame.columns}, encoding)


def _from_sheet(df: pd.DataFrame, label: str) -> Table:
    rows = np.arange(2, len(df) + 2)
    frame = _text_frame(df)
    keep = frame.notna().any(axis=1).to_numpy()
    frame = frame[keep].reset_index(drop=True)
    frame.columns = [str(c).strip() for c in df.columns]
    return Table(frame, label, rows[keep], {c: c for c in frame.columns})


def _read_excel_sheets(path: Path, table: str, problems: list[dict]) -> dict[str, pd.DataFrame]:
    try:
        return pd.read_excel(path, sheet_name=None, dtype=object, keep_default_na=False,
                             na_values=[], engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds; name the file either way
        problems.append(_problem("unreadable_file", str(path), table, detail=str(exc)))
        return {}


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
    sheets = _read_excel_sheets(path, table, problems)
    if not sheets:
        return None
    name, df = next(iter(sheets.items()))
    return _from_sheet(df, f"{path}[{name}]")


def _find(folder: Path, table: str) -> Path | None:
    by_name = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    for stem in TABLE_NAMES[table]:
        for ext in _EXTS:
            p = by_name.get(f"{stem}{ext}".lower())
            if p is not None:
                return p
    return None


def _workbook(path: Path, problems: list[dict]) -> RawDataset:
    sheets = _read_excel_sheets(path, "workbook", problems)
    tables: dict[str, Table | None] = {}
    lower = {str(k).strip().lower(): k for k in sheets}
    for table, names in TABLE_NAMES.items():
        tables[table] = None
        for n in names:
            if n.lower() in lower:
                key = lower[n.lower()]
                tables[table] = _from_sheet(sheets[key], f"{path}[{key}]")
                break
        if tables[table] is None and table != "events" and sheets:
            problems.append(_problem("missing_table", str(path), table,
                                     expected=", ".join(names[:4])))
    return RawDataset(tables["nodes"], tables["edges"], tables["events"], problems, str(path))


def read_dataset(path: str | Path, schema=None) -> RawDataset:
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
    p = Path(path)
    problems: list[dict] = []
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such file or folder")
    if p.is_file():
        if p.suffix.lower() not in (".xlsx", ".xlsm"):
            raise ValueError(
                f"{p}: a dataset is a folder (nodes + edges tables) or one .xlsx workbook "
                f"with sheets nodes/edges (节点/关系)")
        raw = _workbook(p, problems)
    else:
        tables: dict[str, Table | None] = {}
        for table in TABLE_NAMES:
            f = _find(p, table)
            if f is None:
                tables[table] = None
                if table != "events":
                    books = [q for q in p.iterdir() if q.suffix.lower() in (".xlsx", ".xlsm")]
                    if len(books) == 1 and table == "nodes":
                        return read_dataset(books[0], schema)
                    problems.append(_problem(
                        "missing_table", str(p), table,
                        expected=", ".join(f"{n}.csv" for n in TABLE_NAMES[table][:3])))
                continue
            tables[table] = _read_file(f, table, problems)
        raw = RawDataset(tables["nodes"], tables["edges"], tables["events"], problems, str(p))
    if schema is not None:
        for t in (raw.nodes, raw.edges, raw.events):
            if t is not None:
                _canonical_headers(t, schema)
    return raw
