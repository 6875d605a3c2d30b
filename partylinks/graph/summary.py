"""A readable summary of a LinkGraph: counts by node type, zone and edge type."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ..messages import MESSAGES, msg, resolve_lang

__all__ = ["GraphSummary", "summarize"]


@dataclass
class GraphSummary:
    """Counts that describe a graph at a glance.

    Attributes
    ----------
    n_nodes, n_edges, n_units, n_ties : int
        Nodes, edges, unit nodes, and rows of the tie table.
    nodes_by_type : Series
        Node count per node type (types with no node omitted).
    edges_by_type : Series
        Edge count per edge type.
    ties_by_type : Series
        Tie count per tie type (after projection).
    by_zone : DataFrame
        Zone x node type counts (zones as rows, a ``total`` column).
    warnings : Series
        Count per validation warning code (cadres without home unit, ...).
    lang : str or None
        Language of ``repr`` and the notebook view (None: the library default,
        :func:`partylinks.messages.resolve_lang`).
    labels : dict
        Type -> label in zh and en (from the graph's schema).
    """

    n_nodes: int
    n_edges: int
    n_units: int
    n_ties: int
    nodes_by_type: pd.Series
    edges_by_type: pd.Series
    ties_by_type: pd.Series
    by_zone: pd.DataFrame
    warnings: pd.Series
    lang: str | None = None
    labels: dict | None = None

    def _label(self, key) -> str:
        lang = resolve_lang(self.lang)
        key = str(key)
        if self.labels and key in self.labels:
            return self.labels[key][lang]
        if key == "total":
            return msg("rpt_gs_total", lang)
        entry = MESSAGES.get(key)   # a validation warning code
        if entry and lang == "zh":
            return entry["zh"].split("“")[0].split("{")[0].rstrip("：:") or key
        return key

    def _head(self) -> str:
        return msg("rpt_gs_head", self.lang, n_nodes=self.n_nodes, n_edges=self.n_edges,
                   n_units=self.n_units, n_ties=self.n_ties)

    def _zones(self) -> pd.DataFrame:
        z = self.by_zone.rename(columns=self._label)
        z.index = [msg("rpt_gs_no_zone", self.lang) if i == "(none)" else i for i in z.index]
        z.index.name = msg("col_zone", self.lang)
        return z

    def __repr__(self) -> str:
        lang = self.lang
        sep = "，" if resolve_lang(lang) == "zh" else ", "
        colon = "：" if resolve_lang(lang) == "zh" else ": "

        def line(key, s):
            return msg(key, lang) + colon + sep.join(f"{self._label(k)} {v}"
                                                     for k, v in s.items())
        lines = [self._head(), line("rpt_gs_nodes", self.nodes_by_type),
                 line("rpt_gs_edges", self.edges_by_type), line("rpt_gs_ties",
                                                               self.ties_by_type)]
        if len(self.warnings):
            lines.append(line("rpt_gs_warnings", self.warnings))
        lines.append(msg("rpt_gs_by_zone", lang) + colon)
        lines.append(self._zones().to_string())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        lang = self.lang
        parts = [f"<p><b>LinkGraph</b>: {html.escape(self._head())}</p>",
                 "<div style='display:flex;gap:2em;align-items:flex-start'>"]
        for key, s in (("rpt_gs_nodes", self.nodes_by_type), ("rpt_gs_edges",
                                                               self.edges_by_type),
                       ("rpt_gs_ties", self.ties_by_type)):
            total = max(int(s.sum()), 1)
            t = pd.DataFrame({msg("rpt_gs_count", lang): s.to_numpy(),
                              msg("rpt_gs_share", lang): [f"{100 * v / total:.1f}%"
                                                          for v in s.to_numpy()]},
                             index=[self._label(k) for k in s.index])
            t.index.name = msg(key, lang)
            parts.append(t.to_html(escape=True))
        parts.append("</div>")
        parts.append(self._zones().to_html(escape=True))
        return "".join(parts)

    def to_frame(self) -> pd.DataFrame:
        """All counts as one long table: ``part``, ``key``, ``count``."""
        rows = [("total", k, v) for k, v in (("nodes", self.n_nodes), ("edges", self.n_edges),
                                             ("units", self.n_units), ("ties", self.n_ties))]
        for part, s in (("node_type", self.nodes_by_type), ("edge_type", self.edges_by_type),
                        ("tie_type", self.ties_by_type), ("warning", self.warnings)):
            rows += [(part, k, int(v)) for k, v in s.items()]
        return pd.DataFrame(rows, columns=["part", "key", "count"])


def _counts(s: pd.Series) -> pd.Series:
    c = s.value_counts(sort=False)
    if isinstance(s.dtype, pd.CategoricalDtype):
        c = c.reindex(s.cat.categories)
    c = c[c > 0].astype(int)
    c.index = c.index.astype(str)
    return c


def summarize(g, lang: str | None = None) -> GraphSummary:
    """Compute the :class:`GraphSummary` of a LinkGraph (see ``LinkGraph.summary``), to be
    shown in ``lang`` (None: the library default).

    Examples
    --------
    >>> import partylinks as pl
    >>> print(str(summarize(pl.datasets.house(), "zh")).splitlines()[0])
    节点 8 个，关系 9 条，单位 4 个，单位间联系 3 条
    """
    nodes = g.nodes
    ties = g.ties()
    zone = nodes["zone"].astype(object).fillna("(none)")
    by_zone = pd.crosstab(zone, nodes["type"].astype(object))
    cols = [t for t in g.schema.node_types if t in by_zone.columns]
    by_zone = by_zone[cols]
    by_zone["total"] = by_zone.sum(axis=1)
    by_zone.index.name = "zone"
    by_zone.columns.name = None
    warn = g.issues
    if len(warn) and "code" in warn:
        w = warn.loc[warn["severity"] == "warning", "code"].value_counts().sort_index()
    else:
        w = pd.Series(dtype=int)
    return GraphSummary(
        n_nodes=len(nodes), n_edges=len(g.edges),
        n_units=int(nodes["type"].isin(g.schema.unit_types).sum()), n_ties=len(ties),
        nodes_by_type=_counts(nodes["type"]), edges_by_type=_counts(g.edges["type"]),
        ties_by_type=_counts(ties["tie_type"]), by_zone=by_zone, warnings=w,
        lang=lang, labels={k: {"zh": t.label_zh, "en": t.label_en}
                           for d in (g.schema.node_types, g.schema.edge_types)
                           for k, t in d.items()},
    )
