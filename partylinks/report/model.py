"""The :class:`AuditReport`: findings, per-zone summary and metric tables of one audit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..rules import Policy
from ._tables import label
from .anonymize import write_key

__all__ = ["AuditReport", "FORMATS"]

FORMATS = ("xlsx", "html", "json", "csv", "docx")
"""Report formats, by file suffix."""


@dataclass(repr=False, eq=False)
class AuditReport:
    """The result of :func:`partylinks.audit`.

    Attributes
    ----------
    findings : DataFrame
        One row per finding: ``rule``, ``kind``, ``severity``, ``node_id``, ``node_type``,
        ``name``, ``zone``, ``related_ids`` (list), ``detail`` (dict), ``message``,
        ``suggestion`` (see :mod:`partylinks.rules.engine`).
    summary : DataFrame
        One row per zone and a total row (see :func:`partylinks.report.summary.zone_summary`).
    metrics : dict of str -> DataFrame
        The metric tables on the audit date (isolated, fragile, key_person, components,
        zones, bridges, tie_strength, score, coverage).
    rules : DataFrame
        One row per rule of the policy: ``rule``, ``kind``, ``severity``, ``enabled``,
        ``status``, ``findings``.
    policy : Policy
    as_of : Timestamp
        The audit date.
    lang : str
        Language of messages, suggestions and exported headers.
    graph : dict
        ``source``, ``n_nodes``, ``n_edges``, ``n_units``, ``n_ties``.
    anonymized : bool
        True when cadre names are keyed pseudonyms.
    key : str or None
        The pseudonym key (not shown in ``repr``).
    key_generated : bool
        True when the key was generated: writing the report then also writes it to
        ``<report path>.key`` (mode 0600).
    comparison : Comparison or None
        What changed since an earlier date, when the audit was run with ``compare_to``
        (:func:`partylinks.compare`); every export then has a section for it.
    labels : dict
        Names of the nodes the report mentions, type labels and unit-to-unit carriers
        (:func:`partylinks.report.labels.report_labels`), so that every writer speaks
        without internal names.

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    >>> r.counts, r.summary["zone"].tolist()
    ({'error': 1, 'warning': 3, 'info': 0}, ['Z1', 'Z2', 'Total'])
    """

    findings: pd.DataFrame
    summary: pd.DataFrame
    metrics: dict
    rules: pd.DataFrame
    policy: Policy
    as_of: pd.Timestamp
    lang: str
    graph: dict
    anonymized: bool = False
    key: str | None = field(default=None, repr=False)
    key_generated: bool = False
    comparison: object = None
    labels: dict = field(default_factory=dict, repr=False)

    # -- numbers ---------------------------------------------------------------------------
    @property
    def counts(self) -> dict[str, int]:
        """Number of findings by severity: ``{"error": .., "warning": .., "info": ..}``."""
        vc = self.findings["severity"].value_counts()
        return {s: int(vc.get(s, 0)) for s in ("error", "warning", "info")}

    @property
    def graph_counts(self) -> dict[str, int]:
        """``n_nodes``, ``n_edges``, ``n_units``, ``n_ties``."""
        return {k: int(self.graph.get(k, 0)) for k in ("n_nodes", "n_edges", "n_units",
                                                        "n_ties")}

    @property
    def exit_severity(self) -> str | None:
        """The most severe level with at least one finding (None when there is none)."""
        c = self.counts
        return next((s for s in ("error", "warning", "info") if c[s]), None)

    # -- display ---------------------------------------------------------------------------
    def __repr__(self) -> str:
        c = self.counts
        zones = max(len(self.summary) - 1, 0)
        return (f"<AuditReport as of {self.as_of.date().isoformat()}, policy "
                f"{self.policy.name or self.policy.source!r}: {len(self.findings)} findings "
                f"({c['error']} error, {c['warning']} warning, {c['info']} info) in "
                f"{zones} zones>")

    def _repr_html_(self) -> str:
        from .html import MAX_NOTEBOOK_FINDINGS, notebook_html

        return notebook_html(self, MAX_NOTEBOOK_FINDINGS)

    def by_rule(self) -> pd.DataFrame:
        """Rules with their number of findings (the ``rules`` table, labels in ``lang``)."""
        out = self.rules.copy()
        out["kind_label"] = [label("kind_", k, self.lang) for k in out["kind"]]
        return out

    # -- writing ---------------------------------------------------------------------------
    def _done(self, path: Path) -> Path:
        if self.anonymized and self.key_generated and self.key:
            write_key(Path(f"{path}.key"), self.key)
        return path

    def key_path(self, path: str | Path) -> Path | None:
        """Where writing to ``path`` puts the generated key (None when none is written)."""
        if self.anonymized and self.key_generated and self.key:
            return Path(f"{path}.key")
        return None

    def to_excel(self, path: str | Path) -> Path:
        """Write the Excel workbook (see :mod:`partylinks.report.excel`)."""
        from .excel import write_excel

        return self._done(write_excel(self, path))

    def to_html(self, path: str | Path) -> Path:
        """Write the self-contained HTML file (see :mod:`partylinks.report.html`)."""
        from .html import write_html

        return self._done(write_html(self, path))

    def to_json(self, path: str | Path) -> Path:
        """Write the JSON file (fields in :mod:`partylinks.report.jsonio`)."""
        from .jsonio import write_json

        return self._done(write_json(self, path))

    def to_docx(self, path: str | Path, charts: bool = True) -> Path:
        """Write the Word report (see :mod:`partylinks.report.docx`): overview in sentences,
        the per-zone table, the coverage chart (``charts=True``), the findings by severity
        and the rectification list by zone.

        Examples
        --------
        >>> import tempfile, pathlib, docx, partylinks as pl
        >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
        >>> with tempfile.TemporaryDirectory() as d:
        ...     doc = docx.Document(r.to_docx(pathlib.Path(d) / "r.docx", charts=False))
        >>> "五、整改清单" in [p.text for p in doc.paragraphs]
        True
        """
        from .docx import write_docx

        return self._done(write_docx(self, path, charts=charts))

    def to_rectification(self, path: str | Path, split_by: str = "zone") -> list[Path]:
        """Write one rectification workbook per zone with findings, ``<stem>-<zone>.xlsx``
        (see :func:`partylinks.report.rectify.write_rectification`); returns the paths.

        Examples
        --------
        >>> import tempfile, pathlib, partylinks as pl
        >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
        >>> with tempfile.TemporaryDirectory() as d:
        ...     names = [p.name for p in r.to_rectification(pathlib.Path(d) / "整改.xlsx")]
        >>> "整改-Z2.xlsx" in names
        True
        """
        from .rectify import write_rectification

        return write_rectification(self, path, split_by)

    def to_csv(self, path: str | Path) -> Path:
        """Write the findings as CSV and the summary as ``<name>.summary.csv``."""
        from .jsonio import write_csv

        return self._done(write_csv(self, path))

    def write(self, path: str | Path, format: str | None = None) -> Path:
        """Write in ``format`` (``xlsx``, ``html``, ``json``, ``csv``, ``docx``), by default
        the one named by the file suffix."""
        path = Path(path)
        fmt = (format or path.suffix.lstrip(".").lower() or "xlsx")
        if fmt == "xls":
            fmt = "xlsx"
        if fmt not in FORMATS:
            raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
        return {"xlsx": self.to_excel, "html": self.to_html, "json": self.to_json,
                "csv": self.to_csv, "docx": self.to_docx}[fmt](path)
