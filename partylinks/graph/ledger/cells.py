"""Reading every sheet of every format an office keeps as a grid of cells.

Workbooks (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``, and WPS ``.et``) are read with
python-calamine, a fast reader written in Rust; text tables (``.csv``, ``.txt``, ``.tsv``)
in UTF-8 (with or without BOM), UTF-16 with BOM (what Excel and WPS save as "Unicode 文本"),
or GB18030/GBK, separated by commas, tabs or semicolons. Nothing is guessed silently: a file
whose encoding changes midway is refused at the row where it changes.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Grid", "LedgerReadError", "read_grids", "WORKBOOK_EXTS", "TEXT_EXTS",
           "MAX_CELL_CHARS"]

WORKBOOK_EXTS = (".xlsx", ".xlsm", ".xls", ".ods", ".et")
TEXT_EXTS = (".csv", ".txt", ".tsv")
MAX_CELL_CHARS = 32767
"""Excel's own limit on the text of one cell; a longer cell is refused, not cut."""
MAX_UNPACKED_BYTES = 4 << 30
"""A workbook whose parts unpack to more than this (a "zip bomb") is refused before reading."""
_MAX_RATIO = 200  # unpacked / packed size of one part above which a large part is suspicious


class LedgerReadError(ValueError):
    """A file that cannot be read as a table; ``code`` and ``fields`` give the message."""

    def __init__(self, code: str, file: str, **fields: object):
        self.code, self.file, self.fields = code, file, fields
        super().__init__(f"{file}: {code} {fields}")


@dataclass
class Grid:
    """One sheet (or text file) as rows of cells, with where it came from.

    Attributes
    ----------
    file : str
        The file's name as the user knows it.
    sheet : str or None
        The sheet's name (None for a text file).
    rows : list of list
        Cell values: ``str``, ``float``, ``int``, ``bool``, ``datetime.date`` /
        ``datetime.datetime``, or ``""`` for an empty cell.
    first_row : int
        The Excel row number of ``rows[0]`` (1 for a text file).
    first_col : int
        The Excel column index (0 = A) of each row's first cell.
    merged : list of ((int, int), (int, int))
        Merged ranges as ((row, col), (row, col)), 0-based Excel coordinates, inclusive.
    hidden : bool
        The sheet is hidden in the workbook.
    padded : dict
        ``(row, col) ->`` the width of a number shown with leading zeros (format ``0000``),
        or ``"month"`` for a date shown as a month (``yyyy"年"m"月"``).
    encoding : str or None
        The text encoding of a text file.
    """

    file: str
    sheet: str | None
    rows: list[list]
    first_row: int = 1
    first_col: int = 0
    merged: list = field(default_factory=list)
    hidden: bool = False
    padded: dict = field(default_factory=dict)
    encoding: str | None = None

    @property
    def label(self) -> str:
        """``file[sheet]``, or the file alone for a text file."""
        return f"{self.file}[{self.sheet}]" if self.sheet is not None else self.file


# --------------------------------------------------------------------------- workbooks
def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts unpack to an absurd size before any is unpacked."""
    try:
        with zipfile.ZipFile(path) as z:
            total = 0
            for info in z.infolist():
                total += info.file_size
                ratio = info.file_size / max(info.compress_size, 1)
                if total > MAX_UNPACKED_BYTES or (info.file_size > (256 << 20)
                                                  and ratio > _MAX_RATIO):
                    raise LedgerReadError("workbook_too_large", str(path), part=info.filename,
                                          size=info.file_size)
    except zipfile.BadZipFile:
        return  # not a zip (e.g. .xls): calamine reports it


_PADDED_FMT = re.compile(r'formatCode="(0{2,})"')
_CUSTOM_FMT = re.compile(r'formatCode="([^"]*)"')
_MONTH_FMT_ID = re.compile(r'numFmtId="17"')  # Excel's built-in mmm-yy


def _is_month_format(fmt: str) -> bool:
    """A date format that shows a year and a month but no day (``yyyy"年"m"月"``,
    ``mmm-yy``, ``yyyy/mm``): the clerk typed a month."""
    bare = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt.lower())
    return "y" in bare and "m" in bare and "d" not in bare and "h" not in bare


def _formatted_cells(path: Path, sheet_names: list[str]) -> dict[str, dict]:
    """Cells whose number format changes what the user sees, per sheet: ``(row, col) ->``
    the width of a number shown with leading zeros (format ``0000``), or ``"month"`` for a
    date shown as a month. Read with openpyxl only when the workbook defines such a format."""
    try:
        with zipfile.ZipFile(path) as z:
            styles = z.read("xl/styles.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    custom = [f.replace("&quot;", '"') for f in _CUSTOM_FMT.findall(styles)]
    if not (_PADDED_FMT.search(styles) or _MONTH_FMT_ID.search(styles)
            or any(_is_month_format(f) for f in custom)):
        return {}
    import datetime as _dt

    import openpyxl

    out: dict[str, dict] = {}
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        for name in sheet_names:
            cells: dict = {}
            for row in wb[name].iter_rows():
                for c in row:
                    fmt = getattr(c, "number_format", "") or ""
                    if isinstance(c.value, (int, float)) and re.fullmatch(r"0{2,}", fmt):
                        cells[(c.row - 1, c.column - 1)] = len(fmt)
                    elif isinstance(c.value, (_dt.date, _dt.datetime)) and _is_month_format(fmt):
                        cells[(c.row - 1, c.column - 1)] = "month"
            if cells:
                out[name] = cells
    finally:
        wb.close()
    return out


def _read_workbook(path: Path, display: str) -> list[Grid]:
    import python_calamine as cal

    if path.suffix.lower() in (".xlsx", ".xlsm"):
        _check_zip(path)
    try:
        if path.suffix.lower() == ".et":  # WPS saves .et in the Excel 97-2003 (BIFF) format
            with open(path, "rb") as fh:
                wb = cal.CalamineWorkbook.from_filelike(io.BytesIO(fh.read()))
        else:
            wb = cal.load_workbook(str(path))
    except Exception as exc:  # calamine raises several kinds; name the file either way
        raise LedgerReadError("unreadable_workbook", display, detail=str(exc)) from None
    grids = []
    try:
        meta = {m.name: m for m in wb.sheets_metadata}
        padded = (_formatted_cells(path, list(wb.sheet_names))
                  if path.suffix.lower() in (".xlsx", ".xlsm") else {})
        for name in wb.sheet_names:
            m = meta.get(name)
            if m is not None and m.typ != cal.SheetTypeEnum.WorkSheet:  # charts, macros
                continue
            try:
                sheet = wb.get_sheet_by_name(name)
                rows = sheet.to_python(skip_empty_area=False)
                merged = list(sheet.merged_cell_ranges or [])
            except Exception as exc:
                raise LedgerReadError("unreadable_sheet", display, sheet=name,
                                      detail=str(exc)) from None
            hidden = m is not None and m.visible != cal.SheetVisibleEnum.Visible
            grids.append(Grid(display, name, rows, 1, 0, merged, hidden,
                              padded.get(name, {})))
    finally:
        wb.close()
    return grids


# --------------------------------------------------------------------------- text files
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _has_multibyte_utf8(line: bytes) -> bool:
    if line.isascii():
        return False
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_text(data: bytes, display: str) -> tuple[str, str]:
    """Decode a text table; return ``(text, encoding)``.

    A byte-order mark decides (UTF-8, UTF-16 LE/BE); else UTF-8 if every byte is UTF-8,
    else GB18030 (a superset of GBK and GB2312). A file in which some lines are UTF-8 and
    others GBK (two files pasted together) is refused with the line where the encoding
    changes: decoding it either way would garble part of it silently.

    Examples
    --------
    >>> decode_text("编号,类型".encode("utf-16"), "a.txt")
    ('编号,类型', 'utf-16')
    >>> decode_text("编号".encode("gbk"), "a.csv")[1]
    'gb18030'
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise LedgerReadError("bad_encoding", display, encoding=enc,
                                      line=_line_of(data, exc.start)) from None
    if len(data) >= 4 and data[1:2] == b"\0" and data[3:4] == b"\0":  # UTF-16 LE, no BOM
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lines = data.split(b"\n")
    utf8 = [i for i, ln in enumerate(lines) if _has_multibyte_utf8(ln)]
    if utf8:
        first_non_ascii = next(i for i, ln in enumerate(lines) if not ln.isascii())
        # UTF-8 first and something else from the first bad byte, or GBK first and
        # UTF-8 from the first UTF-8 line
        changed = _line_of(data, first_bad) if first_non_ascii == utf8[0] else utf8[0] + 1
        raise LedgerReadError("mixed_encoding", display, line=changed)
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise LedgerReadError("bad_encoding", display, encoding="UTF-8/GB18030",
                              line=_line_of(data, exc.start)) from None


def _delimiter(text: str) -> str:
    """Comma, tab or semicolon: the one that splits the first lines most consistently."""
    sample = [ln for ln in text.splitlines()[:30] if ln.strip()]
    best, score = ",", (-1, -1)
    for d in (",", "\t", ";"):
        counts = [len(next(csv.reader([ln], delimiter=d), [])) for ln in sample]
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        s = (counts.count(common) if common > 1 else 0, common)
        if s > score:
            best, score = d, s
    return best


def _read_text(path: Path, display: str) -> Grid:
    data = path.read_bytes()
    text, enc = decode_text(data, display)
    delim = "\t" if path.suffix.lower() == ".tsv" else _delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    except csv.Error as exc:
        raise LedgerReadError("unreadable_text", display, detail=str(exc)) from None
    return Grid(display, None, rows, 1, 0, encoding=enc)


def read_grids(path: str | Path, display: str | None = None) -> list[Grid]:
    """Every sheet of a workbook, or the one table of a text file, as :class:`Grid` s.

    Parameters
    ----------
    path : str or Path
        A ``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``, ``.et``, ``.csv``, ``.txt`` or ``.tsv`` file.
    display : str, optional
        The name to give the file in messages (default: the file's name).

    Raises
    ------
    LedgerReadError
        The file cannot be read, its encoding changes midway, or it unpacks to an absurd size.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "兼职.txt"
    >>> _ = f.write_bytes("姓名\\t兼职单位\\r\\n张三\\t桃源社区\\r\\n".encode("utf-16"))
    >>> g = read_grids(f)[0]
    >>> g.rows, g.encoding
    ([['姓名', '兼职单位'], ['张三', '桃源社区']], 'utf-16')
    """
    p = Path(path)
    display = display or p.name
    ext = p.suffix.lower()
    if ext in WORKBOOK_EXTS:
        return _read_workbook(p, display)
    if ext in TEXT_EXTS:
        return [_read_text(p, display)]
    raise LedgerReadError("unknown_format", display, ext=ext or "?")


def cell_text(v: object) -> str:
    """A cell as the text a user sees: whole numbers without ``.0``, dates as
    ``YYYY-MM-DD``, booleans as 是/否, surrounding blanks removed.

    Examples
    --------
    >>> [cell_text(v) for v in [817.0, 2.5, dt.date(2024, 6, 30), " 张三 ", True, ""]]
    ['817', '2.5', '2024-06-30', '张三', '是', '']
    """
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        if v != v:  # NaN
            return ""
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dt.timedelta):
        return str(v)
    return str(v).strip()
