"""Small helpers shared by the structure metrics: unit descriptions and cached analyses."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.unitgraph import UnitGraph, snapshot, unit_graph
from ._biconnected import Biconnectivity, analyze

__all__ = ["describe_units", "sort_by_id", "sectors", "biconnectivity", "group_values",
           "id_rank", "UNIT_COLUMNS"]

UNIT_COLUMNS = ["id", "type", "name", "zone", "sector"]


def describe_units(g, ug: UnitGraph, idx: np.ndarray) -> pd.DataFrame:
    """``id, type, name, zone, sector`` of the units at unit indexes ``idx``, in that order."""
    rows = g.nodes.iloc[ug.node_code[np.asarray(idx, dtype=np.int64)]]
    types = rows["type"].astype(object)
    return pd.DataFrame({
        "id": rows["id"].astype(object).to_numpy(),
        "type": types.to_numpy(),
        "name": rows["name"].to_numpy() if "name" in rows else None,
        "zone": rows["zone"].astype(object).to_numpy() if "zone" in rows else None,
        "sector": sectors(g, ug)[np.asarray(idx, dtype=np.int64)],
    })


def sectors(g, ug: UnitGraph) -> np.ndarray:
    """Per unit index, its sector (from the schema)."""
    t = g.nodes["type"]
    lookup = np.array([g.schema.sector(c) for c in t.cat.categories] + [None], dtype=object)
    return lookup[t.cat.codes.to_numpy()[ug.node_code]]


def id_rank(ug: UnitGraph) -> np.ndarray:
    """Per unit index, the position of its id in string order (cached on ``ug``): sorting
    by these integers sorts by id."""
    if "id_rank" not in ug.cache:
        rank = np.empty(ug.n, dtype=np.int64)
        rank[np.argsort(ug.ids.astype(str), kind="stable")] = np.arange(ug.n)
        ug.cache["id_rank"] = rank
    return ug.cache["id_rank"]


def sort_by_id(df: pd.DataFrame, col: str = "id") -> pd.DataFrame:
    """Rows sorted by ``col`` (stable), with a fresh RangeIndex."""
    return df.sort_values(col, kind="stable").reset_index(drop=True)


def group_values(g, ug: UnitGraph, by: str) -> np.ndarray:
    """Per unit index, its value of the node column ``by`` (``"sector"`` included)."""
    if by == "sector":
        return sectors(g, ug)
    if by not in g.nodes.columns:
        raise ValueError(f"cannot group units by {by!r}: not a node column; use 'sector', "
                         f"'zone' or one of {list(g.nodes.columns)}")
    return g.nodes[by].astype(object).to_numpy()[ug.node_code]


def biconnectivity(g, as_of=None) -> Biconnectivity:
    """Bridges and blocks of the unit graph (cached with it). Its edge list is the same as
    ``unit_graph(g, as_of).pairs`` (both sorted by ``a`` then ``b``)."""
    s = snapshot(g, as_of)
    if "biconnectivity" not in s.cache:
        ug = unit_graph(g, as_of)
        b = analyze(ug.adj, symmetric=True)  # ug.adj is symmetric by construction
        if not (np.array_equal(b.u, ug.pairs["a"].to_numpy())
                and np.array_equal(b.v, ug.pairs["b"].to_numpy())):
            raise AssertionError("unit pairs and CSR edges disagree")  # pragma: no cover
        s.cache["biconnectivity"] = b
    return s.cache["biconnectivity"]
