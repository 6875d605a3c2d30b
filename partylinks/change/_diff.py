"""What differs between two states of a graph: ties, isolated units, components.

A **tie** is identified by ``(tie_type, u, v, via, role)`` (``u`` and ``v`` put in id order
for a symmetric tie type such as co_building; an empty ``via`` or ``role`` counts as the
empty text). Ties are compared as multisets: when the state before has two identical ties
and the state after has one, one of them lapsed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse.csgraph import connected_components

from ..metrics._unitgraph import snapshot, unit_graph

__all__ = ["TIE_COLUMNS", "tie_rows", "diff_ties", "unit_state", "components_of",
           "UNIT_COLUMNS"]

TIE_COLUMNS = ["tie_type", "u", "u_name", "v", "v_name", "via", "via_name", "role", "start",
               "end"]
UNIT_COLUMNS = ["id", "type", "name", "zone", "sector"]


def _names(g) -> pd.Series:
    return pd.Series(g.nodes["name"].to_numpy(dtype=object), index=g.node_index)


def tie_rows(g, as_of=None) -> pd.DataFrame:
    """The ties of ``g`` (on ``as_of``) with names and a ``_key`` column identifying them."""
    gs = snapshot(g, as_of)
    t = gs.ties()
    names = _names(gs)
    u = t["u"].astype(object).to_numpy()
    v = t["v"].astype(object).to_numpy()
    tt = t["tie_type"].astype(object).to_numpy()
    sym = np.array([bool(getattr(gs.schema.edge_types.get(x), "symmetric", False)) for x in tt],
                   dtype=bool)
    swap = sym & (u.astype(str) > v.astype(str))
    ku, kv = np.where(swap, v, u), np.where(swap, u, v)
    via = t["via"].to_numpy(dtype=object)
    role = t["role"].to_numpy(dtype=object)
    out = pd.DataFrame({
        "tie_type": tt, "u": u, "u_name": names.reindex(u).to_numpy(),
        "v": v, "v_name": names.reindex(v).to_numpy(),
        "via": via, "via_name": names.reindex(pd.Series(via).fillna("")).to_numpy(),
        "role": role, "start": t["start"].to_numpy(), "end": t["end"].to_numpy(),
    })
    key = pd.Series(tt, dtype=object) + "\x1f" + pd.Series(ku, dtype=object).astype(str) \
        + "\x1f" + pd.Series(kv, dtype=object).astype(str) + "\x1f" \
        + pd.Series(via, dtype=object).fillna("").astype(str) + "\x1f" \
        + pd.Series(role, dtype=object).fillna("").astype(str)
    out["_key"] = key + "\x1f" + key.groupby(key).cumcount().astype(str)
    return out


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns="_key")
    order = np.lexsort([df[c].fillna("").astype(str).to_numpy() for c in
                        ("role", "via", "v", "u", "tie_type")])
    return df.iloc[order].reset_index(drop=True)


def diff_ties(before: pd.DataFrame, after: pd.DataFrame, tie_types) -> tuple:
    """``(new, lapsed, counts)`` from two :func:`tie_rows` tables.

    ``counts`` has one row per tie type of ``tie_types`` (schema order): ``tie_type``,
    ``before``, ``after``, ``new``, ``lapsed``, ``change`` (= after - before = new - lapsed).
    """
    new = after[~after["_key"].isin(before["_key"])]
    lapsed = before[~before["_key"].isin(after["_key"])]
    idx = pd.Index(list(tie_types), name="tie_type")

    def count(df):
        return df["tie_type"].value_counts().reindex(idx, fill_value=0).astype(np.int64)

    counts = pd.DataFrame({"before": count(before), "after": count(after), "new": count(new),
                           "lapsed": count(lapsed)})
    counts["change"] = counts["after"] - counts["before"]
    return _sorted(new), _sorted(lapsed), counts.reset_index()


def unit_state(g, as_of=None) -> pd.DataFrame:
    """Every unit with ``id``, ``type``, ``name``, ``zone``, ``sector``, ``ties`` (number of
    ties touching it), ``degree`` (distinct tied units) and ``component`` (component label
    in the unit graph), in node order."""
    gs = snapshot(g, as_of)
    ug = unit_graph(g, as_of)
    nodes = gs.nodes.iloc[ug.node_code]
    ties = np.bincount(np.concatenate([ug.ties["a"].to_numpy(), ug.ties["b"].to_numpy()]),
                       minlength=ug.n) if len(ug.ties) else np.zeros(ug.n, dtype=np.int64)
    _, labels = connected_components(ug.adj, directed=False) if ug.n else (0, np.array([]))
    types = nodes["type"].astype(object).to_numpy()
    return pd.DataFrame({
        "id": pd.Series(ug.ids, dtype=object),
        "type": types,
        "name": nodes["name"].to_numpy(dtype=object),
        "zone": nodes["zone"].to_numpy(dtype=object),
        "sector": pd.Series([gs.schema.sector(t) for t in types], dtype=object),
        "ties": ties.astype(np.int64),
        "degree": ug.degree().astype(np.int64),
        "component": np.asarray(labels, dtype=np.int64),
    })


def components_of(state: pd.DataFrame) -> dict:
    """``n_units``, ``n_isolated``, ``n_components`` and ``largest_share`` (units in the
    largest component / units; 0.0 without units) from a :func:`unit_state` table."""
    n = len(state)
    sizes = np.bincount(state["component"].to_numpy()) if n else np.array([0])
    return {"n_units": n, "n_isolated": int((state["degree"] == 0).sum()),
            "n_components": int(len(sizes)) if n else 0,
            "largest_share": float(sizes.max() / n) if n else 0.0}
