"""Rectification lists (整改清单): an audit's findings by zone, as forms a township fills in.

Each row is one finding: what is wrong, what to fix, the person or unit the audit suggests,
and three empty columns, 责任人 (who is responsible), 完成时限 (deadline) and 完成情况
(progress), that the township fills in and sends back. :func:`rectification_list` builds
the table; :func:`write_rectification` writes one print-ready workbook per zone.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..messages import msg
from .labels import people_frame

__all__ = ["rectification_list", "rectification_zones", "write_rectification",
           "RECTIFY_COLUMNS"]

RECTIFY_COLUMNS = ["no", "zone", "severity", "rule", "name", "node_type", "message",
                   "fix", "who", "owner", "deadline", "done"]
"""Columns of :func:`rectification_list`; ``owner``, ``deadline`` and ``done`` are empty."""


def rectification_zones(report) -> list[str]:
    """The zones with at least one finding, most errors first (then warnings, then
    name); findings without a zone go under the report's ``(无片区)`` label, last.

    Examples
    --------
    >>> import partylinks as pl
    >>> zones = rectification_zones(pl.audit(pl.datasets.house(), as_of="2025-06-30"))
    >>> zones.index("Z2") < zones.index("Z1")  # Z2 has an error, Z1 only warnings
    True
    """
    none = msg("report_no_zone", report.lang)
    f = report.findings
    z = f["zone"].astype(object).where(f["zone"].notna(), none)
    err = z[f["severity"].to_numpy() == "error"].value_counts()
    warn = z[f["severity"].to_numpy() == "warning"].value_counts()
    zones = pd.unique(z.to_numpy())
    return sorted((str(x) for x in zones),
                  key=lambda x: (x == none, -err.get(x, 0), -warn.get(x, 0), x))


def rectification_list(report, zone: str | None = None) -> pd.DataFrame:
    """The rectification list: one row per finding (of ``zone`` only, when given), zones in
    :func:`rectification_zones` order, then the findings' own order (severity, rule).

    Returns
    -------
    DataFrame
        Columns :data:`RECTIFY_COLUMNS`: ``no`` (1, 2, ... within each zone), ``zone``,
        ``severity``, ``rule``, ``name``, ``node_type``, ``message``, ``fix`` (the
        suggestion), ``who`` (the suggested person or unit: the node id in the finding's
        ``detail["candidate"]``, missing when there is none), and empty ``owner``,
        ``deadline``, ``done``.

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> t = rectification_list(r)
    >>> t.loc[t["zone"] == "Z2", ["no", "rule", "name"]].values.tolist()
    [[1, 'isolated_units', '县商务局']]
    >>> bool(t["owner"].isna().all()), len(t) == len(r.findings)
    (True, True)
    """
    f = report.findings
    none = msg("report_no_zone", report.lang)
    zones = rectification_zones(report)
    z = f["zone"].astype(object).where(f["zone"].notna(), none).astype(str)
    order = pd.Series(range(len(zones)), index=zones)
    def col(values) -> pd.Series:
        return pd.Series(values, dtype=object)

    out = pd.DataFrame({
        "zone": col(z.to_numpy()),
        "severity": col(f["severity"].to_numpy()),
        "rule": col(f["rule"].to_numpy()),
        "name": col(f["name"].to_numpy()),
        "node_type": col(f["node_type"].to_numpy()),
        "message": col(f["message"].to_numpy()),
        "fix": col(f["suggestion"].to_numpy()),
        "who": col([d.get("candidate") if isinstance(d, dict) else None
                    for d in f["detail"]]),
    })
    out["_z"] = order.reindex(out["zone"]).to_numpy()
    out["_i"] = range(len(out))
    out = out.sort_values(["_z", "_i"], kind="stable").drop(columns=["_z", "_i"])
    if zone is not None:
        out = out[out["zone"] == zone]
    out = out.reset_index(drop=True)
    out.insert(0, "no", out.groupby("zone").cumcount() + 1)
    for c in ("owner", "deadline", "done"):
        out[c] = None
    return out[RECTIFY_COLUMNS]


def rectification_frame(report, zone: str | None = None) -> pd.DataFrame:
    """:func:`rectification_list` for people (headers and values in the report's
    language); the zone column is left out when ``zone`` is given.

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> rectification_frame(r, "Z2").iloc[0, 1:4].tolist()
    ['错误', '孤立单位', '县商务局']
    """
    t = rectification_list(report, zone)
    if zone is not None:
        t = t.drop(columns=["zone"])
    kinds = dict(zip(report.rules["rule"], report.rules["kind"], strict=True))
    return people_frame(t, report.lang, getattr(report, "labels", None), kinds)


def _file_part(zone: str) -> str:
    bad = '<>:"/\\|?*'
    s = "".join("_" if (c in bad or ord(c) < 32) else c for c in zone).strip(" .")
    return s[:80] or "zone"


def write_rectification(report, path: str | Path, split_by: str = "zone") -> list[Path]:
    """Write one print-ready workbook per zone with findings: ``<stem>-<zone>.xlsx`` next
    to ``path`` (or inside ``path`` when it is a folder or has no suffix), each holding that
    zone's rectification list, set up for A4 like the full report.

    Parameters
    ----------
    report : AuditReport
    path : str or Path
        A file name (its stem starts each file's name) or a folder.
    split_by : {"zone"}
        How to split; only by zone for now.

    Returns
    -------
    list of Path
        The files written, in :func:`rectification_zones` order.

    Examples
    --------
    >>> import tempfile, pathlib, partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     files = write_rectification(r, pathlib.Path(d) / "审计报告.xlsx")
    ...     names = [p.name for p in files]
    >>> "审计报告-Z2.xlsx" in names, "审计报告-Z1.xlsx" in names
    (True, True)
    """
    if split_by != "zone":
        raise ValueError(f"split_by must be 'zone', got {split_by!r}")
    from .excel import write_rectification_book

    path = Path(path)
    if path.is_dir() or not path.suffix:
        folder, stem = path, msg("rpt_sheet_rectify", report.lang)
    else:
        folder, stem = path.parent, path.stem
    folder.mkdir(parents=True, exist_ok=True)
    out, used = [], set()
    for zone in rectification_zones(report):
        name = f"{stem}-{_file_part(zone)}"
        while name.lower() in used:
            name += "~"
        used.add(name.lower())
        target = folder / f"{name}.xlsx"
        write_rectification_book(report, target, zone)
        out.append(target)
    return out


