"""A readable summary of a LinkGraph: counts by node type, zone and edge type."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

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

    def __repr__(self) -> str:
        lines = [f"{self.n_nodes} nodes, {self.n_edges} edges, {self.n_units} units, "
                 f"{self.n_ties} ties"]
        lines.append("nodes: " + ", ".join(f"{k} {v}" for k, v in self.nodes_by_type.items()))
        lines.append("edges: " + ", ".join(f"{k} {v}" for k, v in self.edges_by_type.items()))
        lines.append("ties:  " + ", ".join(f"{k} {v}" for k, v in self.ties_by_type.items()))
        if len(self.warnings):
            lines.append("warnings: " + ", ".join(f"{k} {v}" for k, v in self.warnings.items()))
        lines.append("by zone:")
        lines.append(self.by_zone.to_string())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = html.escape(f"{self.n_nodes} nodes, {self.n_edges} edges, {self.n_units} units, "
                           f"{self.n_ties} ties")
        parts = [f"<p><b>LinkGraph</b>: {head}</p>",
                 "<div style='display:flex;gap:2em;align-items:flex-start'>"]
        for title, s in (("nodes", self.nodes_by_type), ("edges", self.edges_by_type),
                         ("ties", self.ties_by_type)):
            parts.append(s.rename(title).to_frame().to_html())
        parts.append("</div>")
        parts.append(self.by_zone.to_html())
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


def summarize(g) -> GraphSummary:
    """Compute the :class:`GraphSummary` of a LinkGraph (see ``LinkGraph.summary``)."""
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
    )
