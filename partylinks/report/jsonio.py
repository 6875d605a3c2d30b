"""The JSON and CSV reports.

JSON (UTF-8, one object; field names are stable, ``format_version`` changes if they do):

- ``format``: ``"partylinks-audit"``; ``format_version``: ``1``;
  ``partylinks_version``: the version that wrote it;
- ``as_of``: the audit date, ``YYYY-MM-DD``; ``lang``: ``"zh"`` or ``"en"`` (the language
  of ``message`` and ``suggestion``); ``anonymized``: true when cadre names are keyed
  pseudonyms;
- ``graph``: ``source`` (where the data came from), ``n_nodes``, ``n_edges``,
  ``n_units``, ``n_ties`` (ties active on the audit date);
- ``policy``: ``name``, ``source``, ``rules`` (each rule with ``id``, ``kind``,
  ``severity``, ``enabled``, optional ``zones`` and its parameters);
- ``rules``: one object per rule: ``rule``, ``kind``, ``severity``, ``enabled``,
  ``status`` (``ran``, ``disabled``, ``skipped_no_events``, ``skipped_no_metric``),
  ``findings``;
- ``counts``: ``error``, ``warning``, ``info`` (numbers of findings);
- ``summary``: one object per zone and the total, with the columns of
  ``report.summary`` (``zone``, ``units``, ``community`` ... ``score``);
- ``findings``: one object per finding with the columns of ``report.findings``:
  ``rule``, ``kind``, ``severity``, ``node_id``, ``node_type``, ``name``, ``zone``,
  ``related_ids`` (array), ``detail`` (object), ``message``, ``suggestion``;
- ``metrics``: table name -> array of row objects (``isolated``, ``fragile``,
  ``key_person``, ``components``, ``zones``, ``bridges``, ``tie_strength``, ``score``,
  ``coverage``, as available).

Missing values are ``null``; dates are ISO strings. The text is strict JSON: a NaN or
infinite number is written as ``null``, never as ``NaN`` or ``Infinity``.

CSV: the findings (UTF-8 with BOM, so Excel opens it with the right encoding; rows end
with CRLF, so a cell holding a line break or a lone carriage return is quoted), headers
in the report language, lists as ``a; b``, ``detail`` as JSON text, and every text cell
that a spreadsheet would run as a formula prefixed with ``'``
(:func:`partylinks.safe.safe_frame`); the summary beside it as ``<name>.summary.csv``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

from ..safe import safe_frame
from ._tables import display_frame

__all__ = ["to_json_text", "write_json", "write_csv", "summary_csv_path", "FORMAT_VERSION"]

FORMAT_VERSION = 1


def _finite(obj):
    """``obj`` with every NaN or infinite float (in lists and dicts too) as None, so that
    the JSON is strict (no ``NaN``, no ``Infinity``, which JSON does not have)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def _dumps(obj) -> str:
    return json.dumps(_finite(obj), ensure_ascii=False, allow_nan=False, default=str)


def _records(df: pd.DataFrame) -> str:
    if len(df) == 0:
        return "[]"
    return df.to_json(orient="records", force_ascii=False, date_format="iso", date_unit="s")


def to_json_text(report) -> str:
    """The report as JSON text (see the module docstring for the fields).
    Examples
    --------
    >>> import json, partylinks as pl
    >>> d = json.loads(to_json_text(pl.audit(pl.datasets.house(), as_of="2025-06-30")))
    >>> d["format"], d["as_of"], d["counts"]
    ('partylinks-audit', '2025-06-30', {'error': 1, 'warning': 3, 'info': 0})
    """
    from ..version import __version__

    head = {
        "format": "partylinks-audit", "format_version": FORMAT_VERSION,
        "partylinks_version": __version__, "as_of": report.as_of.date().isoformat(),
        "lang": report.lang, "anonymized": bool(report.anonymized),
        "graph": {"source": str(report.graph.get("source", "")), **report.graph_counts},
        "policy": {"name": report.policy.name, "source": report.policy.source,
                   "rules": [r.to_dict() for r in report.policy.rules]},
        "counts": report.counts,
    }
    body = _dumps(head)[:-1]
    tables = [("rules", report.rules), ("summary", report.summary),
              ("findings", report.findings)]
    parts = [body] + [f', "{k}": {_records(v)}' for k, v in tables]
    metrics = ", ".join(f'"{k}": {_records(v)}' for k, v in report.metrics.items())
    c = getattr(report, "comparison", None)
    if c is not None:
        comp = ", ".join(f'"{k}": {_records(v)}' for k, v in c.sections().items())
        parts.append(f', "comparison": {{"before": {_dumps(c.before)}, '
                     f'"after": {_dumps(c.after)}, {comp}}}')
    parts.append(f', "metrics": {{{metrics}}}}}')
    return "".join(parts)


def write_json(report, path: str | Path) -> Path:
    """Write :func:`to_json_text` to ``path`` (UTF-8)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # a lone surrogate (possible in text from Python) becomes the JSON escape \udXXX
    path.write_bytes(to_json_text(report).encode("utf-8", errors="backslashreplace"))
    return path


def summary_csv_path(path: str | Path) -> Path:
    """Where :func:`write_csv` puts the summary: ``report.csv`` -> ``report.summary.csv``."""
    p = Path(path)
    return p.with_name(f"{p.stem}.summary{p.suffix or '.csv'}")


def write_csv(report, path: str | Path) -> Path:
    """Write the findings to ``path`` and the summary beside it (see the module docstring).

    Returns the path of the findings file.

    Examples
    --------
    >>> import tempfile, pathlib, partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = write_csv(r, pathlib.Path(d) / "r.csv")
    ...     head = p.read_text(encoding="utf-8-sig").splitlines()[0]
    ...     has_summary = (pathlib.Path(d) / "r.summary.csv").exists()
    >>> head.split(",")[:4], has_summary
    (['rule', 'kind', 'severity', 'node_id'], True)
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for df, p in ((report.findings, path), (report.summary, summary_csv_path(path))):
        safe_frame(display_frame(df, report.lang, values=False)).to_csv(
            p, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    return path


