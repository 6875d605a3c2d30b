"""Conversion between :class:`LinkGraph` and networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

__all__ = ["to_networkx", "from_networkx"]


def _clean(d: dict) -> dict:
    out = {}
    for k, v in d.items():
        if v is None or (not isinstance(v, (list, tuple, dict)) and pd.isna(v)):
            continue
        if isinstance(v, np.generic):
            v = v.item()
        out[k] = v
    return out


def to_networkx(g) -> nx.MultiDiGraph:
    """The LinkGraph as a ``networkx.MultiDiGraph`` (see ``LinkGraph.to_networkx``).

    Examples
    --------
    >>> import partylinks as pl
    >>> G = to_networkx(pl.datasets.house())
    >>> for item in sorted(G["K1"]["E1"][6].items()):
    ...     print(item)
    ('role', 'instructor')
    ('start', Timestamp('2024-01-01 00:00:00'))
    ('type', 'part_time_post')
    """
    G = nx.MultiDiGraph()
    nodes = g.nodes.astype(object)
    cols = [c for c in nodes.columns if c != "id"]
    for row in nodes.itertuples(index=False, name=None):
        G.add_node(row[0], **_clean(dict(zip(cols, row[1:], strict=True))))
    edges = g.edges.astype(object)
    ecols = [c for c in edges.columns if c not in ("source", "target")]
    e = edges[["source", "target"] + ecols]
    for key, row in enumerate(e.itertuples(index=False, name=None)):
        G.add_edge(row[0], row[1], key=key, **_clean(dict(zip(ecols, row[2:], strict=True))))
    return G


def from_networkx(G: nx.Graph, schema=None):
    """A LinkGraph from a networkx graph whose nodes and edges carry a ``type`` attribute.

    Every node attribute becomes a node column, every edge attribute an edge column;
    the data then go through the same checks as :func:`partylinks.from_frames`, so a
    missing or unknown type is reported, not guessed. Undirected graphs are read with
    each edge in the order networkx gives it; a multigraph whose keys are all integers
    (as :func:`to_networkx` writes them) is read in key order.

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.datasets.house()
    >>> h = from_networkx(g.to_networkx())
    >>> h.ties().equals(g.ties())
    True
    """
    from .load import from_frames

    nodes = pd.DataFrame([{"id": n, **d} for n, d in G.nodes(data=True)])
    if nodes.empty:
        nodes = pd.DataFrame(columns=["id", "type"])
    if G.is_multigraph():
        triples = list(G.edges(keys=True, data=True))
        if all(isinstance(k, int) for _, _, k, _ in triples):  # keys from to_networkx: order
            triples.sort(key=lambda t: t[2])
        rows = [{"source": u, "target": v, **d} for u, v, _, d in triples]
    else:
        rows = [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)]
    edges = pd.DataFrame(rows) if rows else pd.DataFrame(columns=["source", "target", "type"])
    return from_frames(nodes, edges, schema=schema)
