"""What the pages of the web app share: reading uploads, dates, the cached audit, downloads.

The handlers themselves are in :mod:`.pages_data` (bring data, fix it), :mod:`.pages_audit`
(read the audit, the network, the downloads) and :mod:`.pages_compare`.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from starlette.requests import Request
from starlette.responses import Response

import partylinks as pl
from partylinks.messages import MESSAGES

from . import adapters
from .app import UserError

__all__ = ["ALLOWED", "WORKBOOKS", "MAX_ROWS", "XLSX", "run_blocking", "safe_name",
           "save_uploads", "require_graph", "sample_date", "default_date", "parse_date",
           "as_of_param", "audit_report", "rule_label", "unit_total", "problem_rows", "text",
           "attachment", "type_label", "todo"]

ALLOWED = (".xlsx", ".xls", ".xlsm", ".csv", ".txt", ".tsv", ".parquet", ".ods")
WORKBOOKS = (".xlsx", ".xls", ".xlsm", ".ods")
MAX_ROWS = 500
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def run_blocking(func, *args, **kwargs):
    """Run a blocking library call off the event loop."""
    return asyncio.to_thread(func, *args, **kwargs)


def safe_name(name: str) -> str:
    """An uploaded file's name made safe to write in the session folder: no folders, no
    characters other than letters (any script), digits, ``. - _`` and spaces.

    Examples
    --------
    >>> safe_name("../../etc/passwd"), safe_name("节点 (1).csv"), safe_name("..")
    ('passwd', '节点 _1_.csv', 'file')
    """
    base = Path(str(name).replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .") or "file"
    return base[:120]


async def save_uploads(request: Request, folder: Path, field: str = "files") -> Path:
    """Write the files of the form field ``field`` into ``folder``; return the workbook when
    one workbook was sent, else the folder (node and edge tables). Refuses other types."""
    files = [f for f in request.state.form.getlist(field) if getattr(f, "filename", "")]
    if not files:
        raise UserError("web_error_no_file")
    paths = []
    for f in files:
        name = safe_name(f.filename)
        if not name.lower().endswith(ALLOWED):
            raise UserError("web_error_file_type", name=name)
        target = folder / name
        with target.open("wb") as out:
            while chunk := await f.read(1 << 20):
                out.write(chunk)
        paths.append(target)
    books = [p for p in paths if p.suffix.lower() in WORKBOOKS]
    return books[0] if len(paths) == 1 and books else folder


def require_graph(session):
    """The session's loaded graph; a message asking for data when there is none."""
    loaded = session.loaded
    if loaded is None or loaded.graph is None:
        raise UserError("web_no_data", status=409)
    return loaded.graph


def sample_date(name: str) -> str | None:
    """The reference date of a bundled sample (``audit_date`` in its ``expected.json``).

    Examples
    --------
    >>> sample_date("yongchun")
    '2025-06-30'
    """
    path = pl.datasets.sample_path(name)
    meta = (path if path.is_dir() else path.parent) / "expected.json"
    if not meta.is_file():
        return None
    return json.loads(meta.read_text(encoding="utf-8")).get("audit_date")


def default_date(session) -> str:
    """The audit date offered first: a sample's reference date, else the latest date in the
    data (:func:`partylinks.metrics.window_end`), else today."""
    loaded = session.loaded
    if loaded.extra.get("as_of"):
        return loaded.extra["as_of"]
    end = pl.metrics.window_end(loaded.graph)
    return (end or pd.Timestamp.today()).date().isoformat()


def parse_date(raw: str) -> str:
    """A date as ``YYYY-MM-DD`` (any form :func:`partylinks.report.audit_date` reads), or a
    message naming what could not be read.

    Examples
    --------
    >>> parse_date("2025年6月30日")
    '2025-06-30'
    """
    try:
        return pl.report.audit_date(raw.strip()).date().isoformat()
    except (ValueError, TypeError):
        raise UserError("web_bad_date", value=raw) from None


def as_of_param(request: Request, session) -> str:
    """The audit date asked for in the query (``as_of``), else :func:`default_date`."""
    return parse_date((request.query_params.get("as_of") or "").strip()
                       or default_date(session))


async def audit_report(session, as_of: str, lang: str, anonymize: bool = False):
    """:func:`partylinks.audit` of the session's data, kept per date, policy, language and
    pseudonymisation so that filtering and downloading do not run it again."""
    key = (as_of, str(session.policy or ""), lang, anonymize)
    report = session.reports.get(key)
    if report is None:
        g = require_graph(session)
        if anonymize and session.key is None:
            session.key = pl.report.new_key()
        try:
            report = await run_blocking(
                pl.audit, g, policy=session.policy, as_of=as_of, lang=lang,
                anonymize=anonymize, key=session.key if anonymize else None)
        except pl.rules.PolicyError as exc:
            raise UserError("web_error_policy", detail=str(exc)) from None
        if len(session.reports) > 8:
            session.reports.clear()
        session.reports[key] = report
    return report


def rule_label(rule: str, kind: str, lang: str) -> str:
    """A rule's name for readers (the report's own wording when the library has one)."""
    name = getattr(pl.report, "rule_name", None)
    return name(rule, kind, lang) if name is not None else rule


def unit_total(g) -> int:
    """Number of units of ``g`` (:func:`partylinks.web.adapters.unit_count`)."""
    return adapters.unit_count(g)



_SKIPPED = ("title_row_skipped", "footer_row_skipped", "blank_rows_skipped",
            "serial_column_skipped", "hidden_sheet_skipped", "merged_filled",
            "columns_kept_unused")
_FILE_SHEET = re.compile(r"^(?P<file>.*?)\[(?P<sheet>[^\]]*)\]$")


def todo(code: str, lang: str) -> str:
    """What to do about a problem with this code, in ``lang``.

    Examples
    --------
    >>> todo("bad_date", "zh")
    '日期请写成 2024-06-30 或 2024年6月30日。'
    """
    key = "web_fix_skipped" if code in _SKIPPED else f"web_fix_{code}"
    return MESSAGES.get(key, MESSAGES["web_fix_other"])[lang]


def text(v) -> str:
    """A cell as text; missing values as the empty string.

    Examples
    --------
    >>> text(None), text(float("nan")), text(3)
    ('', '', '3')
    """
    return "" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def problem_rows(loaded, lang) -> pd.DataFrame:
    """The problems of a loaded dataset as the page shows them: ``severity``, ``file``,
    ``sheet`` (the sheet of a ledger, else the table), ``row``, ``column``, ``value``,
    ``problem``, ``todo`` (what to do).

    Examples
    --------
    >>> from partylinks.web.adapters import Loaded
    >>> issues = pd.DataFrame({"severity": ["error"], "code": ["unknown_name"],
    ...     "table": ["ledger"], "file": ["/tmp/x/台账.xlsx[兼职情况]"], "row": [3],
    ...     "column": ["兼职单位"], "value": ["某公司"], "message": ["找不到名称"]})
    >>> problem_rows(Loaded(None, issues), "zh").iloc[0, :5].tolist()
    ['error', '台账.xlsx', '兼职情况', '3', '兼职单位']
    """
    columns = ["severity", "file", "sheet", "row", "column", "value", "problem", "todo"]
    if loaded is None or not len(loaded.issues):
        return pd.DataFrame(columns=columns)
    df = loaded.issues
    files, sheets = [], []
    for f, table in zip(df["file"].map(text), df["table"].map(text), strict=True):
        m = _FILE_SHEET.match(f)
        files.append(Path(m["file"] if m else f).name if f else "")
        sheets.append(m["sheet"] if m else table)
    return pd.DataFrame({
        "severity": df["severity"].astype(str).to_numpy(), "file": files, "sheet": sheets,
        "row": df["row"].map(text).to_numpy(), "column": df["column"].map(text).to_numpy(),
        "value": df["value"].map(text).to_numpy(), "problem": df["message"].map(text).to_numpy(),
        "todo": [todo(str(c), lang) for c in df["code"]]}, columns=columns)


def attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A download: ``data`` sent as the file ``filename`` (any characters)."""
    return Response(data, media_type=media_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


def type_label(g, name: str, lang: str) -> str:
    """A node or tie type in words (``g.schema.label``); the name itself when unknown."""
    try:
        return g.schema.label(name, lang)
    except (AttributeError, KeyError):
        return name


