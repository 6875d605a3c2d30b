"""The web app's only doors into the library: small functions over the public API.

Each function here calls public partylinks functions. Where a part of the library is still
growing (the ledger loader's name resolution, the Word report, the rectification lists, the
template writer), the function looks for it by name and falls back to "not available", so the
pages only have to ask.
"""

from __future__ import annotations

import inspect
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import partylinks as pl
from partylinks.safe import safe_frame

__all__ = [
    "Loaded", "load_dataset", "name_resolution", "write_aliases", "read_aliases", "alias_argument",
    "report_formats", "write_report", "rectification_zip", "template_writer", "unit_count",
]

UNIT_TYPES = ("community", "park", "enterprise", "agency", "council", "project", "grid")


@dataclass
class Loaded:
    """The outcome of reading a dataset: the graph (None when it has errors) and every
    problem found (``pl.validate``'s columns)."""

    graph: object | None
    issues: pd.DataFrame
    name: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def n_errors(self) -> int:
        return int((self.issues["severity"] == "error").sum()) if len(self.issues) else 0

    @property
    def n_warnings(self) -> int:
        return int((self.issues["severity"] == "warning").sum()) if len(self.issues) else 0


def alias_argument() -> str | None:
    """The keyword of :func:`partylinks.load` that takes a saved name-resolution file, or
    None while the loader takes none.

    Examples
    --------
    >>> alias_argument() in (None, "aliases", "names")
    True
    """
    params = inspect.signature(pl.load).parameters
    for name in ("aliases", "names"):
        if name in params:
            return name
    return None


def load_dataset(path: str | Path, *, lang: str = "zh", aliases: Path | None = None,
                 name: str = "") -> Loaded:
    """Read a dataset with :func:`partylinks.load` and collect every problem.

    On invalid data the problems are those of :func:`partylinks.validate` (carried by the
    ``ValidationError``) and the graph is None; on valid data they are the warnings kept in
    ``g.issues``. A saved alias file is passed to the loader when it accepts one.

    Examples
    --------
    >>> r = load_dataset(pl.datasets.sample_path("yongchun"))
    >>> r.graph is not None, r.n_errors
    (True, 0)
    """
    kwargs = {"lang": lang}
    arg = alias_argument()
    if aliases is not None and arg is not None and Path(aliases).exists():
        kwargs[arg] = aliases
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.ValidationWarning)
        try:
            g = pl.load(path, **kwargs)
        except pl.ValidationError as exc:
            return Loaded(None, exc.issues, name or Path(path).name)
    issues = g.issues if isinstance(getattr(g, "issues", None), pd.DataFrame) else pd.DataFrame()
    return Loaded(g, issues, name or Path(path).name)


def unit_count(g) -> int:
    """Number of units (not cadres, not branches) in ``g``.

    Examples
    --------
    >>> unit_count(pl.datasets.house()) > 0
    True
    """
    return int(g.nodes["type"].astype(str).isin(UNIT_TYPES).sum())


NAME_COLUMNS = ["kind", "written", "resolved", "type", "file", "sheet", "row", "column"]
_FILE_SHEET = re.compile(r"^(?P<file>.*?)\[(?P<sheet>[^\]]*)\]$")


def name_resolution(g) -> pd.DataFrame | None:
    """The names the ledger loader resolved that a person should confirm.

    Reads ``g.provenance["ledger"]`` (a :class:`partylinks.graph.ledger.LedgerProvenance`,
    present when the data was a ledger in the office layout): its ``implied`` units (a name
    that matched nothing and became a node) and its near ``matches`` (a name read as a
    close existing one).

    Returns
    -------
    DataFrame or None
        ``kind`` (``implied`` or ``near``), ``written`` (the name as in the ledger),
        ``resolved`` (the name it was read as; for an implied unit, itself), ``type``,
        ``file``, ``sheet``, ``row``, ``column``; None when the data was not read as a
        ledger.

    Examples
    --------
    >>> name_resolution(pl.datasets.house()) is None
    True
    >>> g = pl.load(pl.datasets.sample_path("yongchun_ledger"))
    >>> len(name_resolution(g))
    0
    """
    prov = getattr(g, "provenance", None) or {}
    ledger = prov.get("ledger")
    if ledger is None:
        return None
    names = g.nodes.set_index(g.nodes["id"].astype(str))["name"].astype(str)
    types = g.nodes.set_index(g.nodes["id"].astype(str))["type"].astype(str)
    parts = [pd.DataFrame(columns=NAME_COLUMNS)]
    implied = getattr(ledger, "implied", None)
    if implied is not None and len(implied):
        parts.append(pd.DataFrame({
            "kind": "implied", "written": implied["name"].astype(str),
            "resolved": implied["name"].astype(str), "type": implied["type"].astype(str),
            "file": implied.get("file"), "row": implied.get("row"),
            "column": implied.get("column")}))
    matches = getattr(ledger, "matches", None)
    if matches is not None and len(matches):
        ids = matches["id"].astype(str)
        parts.append(pd.DataFrame({
            "kind": "near", "written": matches["value"].astype(str),
            "resolved": ids.map(names).fillna(matches["match"].astype(str)),
            "type": ids.map(types), "file": matches.get("file"), "row": matches.get("row"),
            "column": matches.get("column")}))
    out = pd.concat([p.astype(object) for p in parts], ignore_index=True)
    where = [_FILE_SHEET.match(f) if isinstance(f, str) else None for f in out["file"]]
    out["sheet"] = [m["sheet"] if m else None for m in where]
    out["file"] = [Path(m["file"] if m else str(f)).name if isinstance(f, str) else f
                   for m, f in zip(where, out["file"], strict=True)]
    return out[NAME_COLUMNS]


def read_aliases(path: str | Path | None) -> dict[str, str]:
    """The confirmed names saved by :func:`write_aliases` (empty when there is no file).

    Examples
    --------
    >>> read_aliases(None)
    {}
    """
    import tomllib

    if path is None or not Path(path).is_file():
        return {}
    return dict(tomllib.loads(Path(path).read_text(encoding="utf-8")).get("aliases", {}))


def write_aliases(choices: dict[str, str], path: str | Path) -> Path:
    """Save confirmed names as a TOML alias file: ``"as written" = "confirmed name"``.

    Examples
    --------
    >>> import tempfile, tomllib
    >>> p = write_aliases({'永兴纺织': '永兴纺织有限公司'}, Path(tempfile.mkdtemp()) / "a.toml")
    >>> tomllib.loads(p.read_text(encoding="utf-8"))["aliases"]
    {'永兴纺织': '永兴纺织有限公司'}
    """
    def q(s: str) -> str:
        s = s.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + re.sub(r"[\x00-\x1f]", " ", s) + '"'

    lines = ["# partylinks: confirmed names, reused on the next upload", "[aliases]"]
    lines += [f"{q(k)} = {q(v)}" for k, v in sorted(choices.items()) if k and v]
    path = Path(path)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def report_formats(report) -> dict[str, bool]:
    """Which downloads this version of the report offers.

    Examples
    --------
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> f = report_formats(r); f["xlsx"], f["html"], f["json"]
    (True, True, True)
    """
    return {"xlsx": True, "html": True, "json": True,
            "docx": hasattr(report, "to_docx"),
            "zip": _rectification_writer(report) is not None}


_SUFFIX = {"xlsx": "to_excel", "html": "to_html", "json": "to_json", "docx": "to_docx"}


def write_report(report, fmt: str, folder: Path, stem: str = "audit") -> Path:
    """Write ``report`` as ``fmt`` (xlsx, html, json, docx, zip) into ``folder``.

    Examples
    --------
    >>> import tempfile
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> write_report(r, "json", Path(tempfile.mkdtemp())).suffix
    '.json'
    """
    if fmt == "zip":
        return rectification_zip(report, folder / f"{stem}.zip")
    method = getattr(report, _SUFFIX[fmt], None)
    if method is None:
        raise ValueError(f"this report cannot be written as {fmt}")
    return Path(method(folder / f"{stem}.{fmt}"))


def _rectification_writer(report):
    for name in ("to_rectification", "to_rectification_lists", "rectification_lists"):
        if callable(getattr(report, name, None)):
            return getattr(report, name)
    return None


def rectification_zip(report, path: str | Path) -> Path:
    """Write the per-zone rectification lists (整改清单) into one zip file.

    Uses the report's own writer of rectification lists when it has one (a folder of
    workbooks, one per zone); otherwise raises ``ValueError``.
    """
    writer = _rectification_writer(report)
    if writer is None:
        raise ValueError("this report has no rectification lists")
    path = Path(path)
    folder = path.with_suffix("")
    folder.mkdir(parents=True, exist_ok=True)
    out = writer(folder)
    files = sorted(Path(p) for p in out) if isinstance(out, list | tuple | dict) else []
    if isinstance(out, dict):
        files = sorted(Path(p) for p in out.values())
    if not files:
        files = sorted(p for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in files:
            zf.write(f, f.relative_to(folder) if f.is_relative_to(folder) else f.name)
    return path


def template_writer():
    """The blank ledger template writer of the ledger loader, or None while there is none."""
    try:
        from partylinks.graph import ledger  # type: ignore[attr-defined]
    except ImportError:
        return None
    for name in ("write_template", "template"):
        if callable(getattr(ledger, name, None)):
            return getattr(ledger, name)
    return None


def frame_to_excel(df: pd.DataFrame, sheet: str = "Sheet1") -> bytes:
    """``df`` as the bytes of an .xlsx workbook (text cells that look like formulas are
    kept as text).

    Examples
    --------
    >>> frame_to_excel(pd.DataFrame({"a": [1]}))[:2]
    b'PK'
    """
    buf = io.BytesIO()
    safe = safe_frame(df)
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        safe.to_excel(xw, sheet_name=sheet[:31], index=False)
    return buf.getvalue()
