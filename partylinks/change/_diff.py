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

from ..graph.unitgraph import snapshot, unit_graph

__all__ = ["TIE_COLUMNS", "tie_rows", "diff_ties", "unit_state", "components_of",
           "UNIT_COLUMNS"]

TIE_COLUMNS = ["tie_type", "u", "u_name", "v", "v_name", "via", "via_name", "role", "start",
               "end"]
UNIT_COLUMNS = ["id", "type", "name", "zone", "sector"]


def _names(g) -> pd.Series:
    return pd.Series(g.nodes["name"].to_numpy(dtype=object), index=g.node_index)


def tie_rows(g, as_of=None) -> pd.DataFrame:
    """The ties of ``g`` (on ``as_of``) with names, and ``_ku``, ``_kv``: the ends in id
    order for a symmetric tie type (as given otherwise), which identify the tie."""
    gs = snapshot(g, as_of)
    t = gs.ties()
    names = _names(gs)
    u = t["u"].astype(object).to_numpy()
    v = t["v"].astype(object).to_numpy()
    tt = t["tie_type"].astype(object).to_numpy()
    sym_types = [k for k, e in gs.schema.edge_types.items() if e.symmetric]
    swap = np.isin(tt, sym_types) & (u.astype(str) > v.astype(str))
    via = t["via"].to_numpy(dtype=object)
    return pd.DataFrame({
        "tie_type": tt, "u": u, "u_name": names.reindex(u).to_numpy(),
        "v": v, "v_name": names.reindex(v).to_numpy(),
        "via": via, "via_name": names.reindex(pd.Series(via).fillna("")).to_numpy(),
        "role": t["role"].to_numpy(dtype=object), "start": t["start"].to_numpy(),
        "end": t["end"].to_numpy(), "_ku": np.where(swap, v, u), "_kv": np.where(swap, u, v),
    })


def _codes(values: np.ndarray) -> tuple[np.ndarray, int]:
    codes, uniq = pd.factorize(pd.Series(values, dtype=object).fillna(""), sort=False)
    return codes.astype(np.int64), max(len(uniq), 1)


def _tie_keys(before: pd.DataFrame, after: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """One int64 key per tie of each table: equal for the k-th copy of the same
    ``(tie_type, _ku, _kv, via, role)`` in both tables."""
    both = pd.concat([before, after], ignore_index=True)
    side = np.repeat([0, 1], [len(before), len(after)])
    gid = np.zeros(len(both), dtype=np.int64)
    for col in ("tie_type", "_ku", "_kv", "via", "role"):
        codes, n = _codes(both[col].to_numpy(dtype=object))
        gid, _ = pd.factorize(gid * n + codes, sort=False)
        gid = gid.astype(np.int64)
    occ = pd.Series(gid).groupby([gid, side]).cumcount().to_numpy().astype(np.int64)
    key = gid * (int(occ.max(initial=0)) + 1) + occ
    return key[side == 0], key[side == 1]


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    df = df.drop(columns=["_ku", "_kv"])
    order = np.lexsort([df[c].fillna("").astype(str).to_numpy() for c in
                        ("role", "via", "v", "u", "tie_type")])
    return df.iloc[order].reset_index(drop=True)


def diff_ties(before: pd.DataFrame, after: pd.DataFrame, tie_types) -> tuple:
    """``(new, lapsed, counts)`` from two :func:`tie_rows` tables (compared as multisets of
    ``(tie_type, u, v, via, role)``).

    ``counts`` has one row per tie type of ``tie_types`` (schema order): ``tie_type``,
    ``before``, ``after``, ``new``, ``lapsed``, ``change`` (= after - before = new - lapsed).
    """
    kb, ka = _tie_keys(before, after)
    new = after[~np.isin(ka, kb)]
    lapsed = before[~np.isin(kb, ka)]
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
