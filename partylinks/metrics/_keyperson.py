"""Key-person risk: what the unit graph loses when one cadre is transferred.

Re-exported by :mod:`partylinks.metrics.connectivity`. The components a transfer adds are
counted exactly by :func:`partylinks.metrics._removal.added_by_removal` (method in the
notes of :mod:`partylinks.metrics._removal`); everything else is read from the unit
graph's integer arrays.
"""

from __future__ import annotations

import gc

import numpy as np
import pandas as pd

from ..graph.sorting import sorted_unique
from ..graph.unitgraph import UnitGraph, snapshot, unit_graph
from ._removal import added_by_removal
from ._unitinfo import id_rank

__all__ = ["key_person_risk"]


def key_person_risk(g, as_of=None) -> pd.DataFrame:
    """The single points of failure among cadres: what transferring each cadre would cut.

    For every cadre who carries at least one tie, remove all the ties that cadre carries.
    A unit pair is lost when every tie between the two units was carried by that cadre
    (a pair that another cadre or a unit-to-unit edge also holds survives).

    Parameters
    ----------
    g : LinkGraph
    as_of : date or str, optional
        Count only ties active on this date.

    Returns
    -------
    DataFrame
        ``cadre`` (id), ``name``, ``home_unit``, ``n_ties`` (ties the cadre carries),
        ``isolates`` (list of the unit ids, sorted, that have ties now and would have none
        left), ``n_isolated`` (its length), ``components_added`` (components of the unit
        graph after the removal minus before; an isolated unit counts as a component) and
        ``rank`` (1 = most critical: ``n_isolated`` descending, then ``components_added``
        descending, then ``n_ties`` descending, then cadre id). Sorted by ``rank``.
        The exact method is described in the module notes of
        :mod:`partylinks.metrics._removal`.

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.metrics.key_person_risk(pl.datasets.house())
    >>> r[["cadre", "home_unit", "n_ties", "isolates", "components_added", "rank"]]
      cadre home_unit  n_ties isolates  components_added  rank
    0    K1        C1       1       []                 0     1
    1    K2        E1       1       []                 0     2
    """
    ug = unit_graph(g, as_of)
    cadre_node, code = _cadre_of_ties(ug)
    k = len(cadre_node)
    n_ties = np.bincount(code[code >= 0], minlength=k)
    sp, so = _sole_pairs(ug, code)
    n_isolated, isolates = _isolates(ug, sp, so, k)
    added = np.zeros(k, dtype=np.int64)
    if len(sp):
        part = added_by_removal(g, as_of, so, sp)
        added[: len(part)] = part
    del sp, so, code
    cadres = ug.node_ids[cadre_node]
    home = snapshot(g, as_of).projection.unit_of[cadre_node]
    # rank: n_isolated, components_added, n_ties descending, then the cadre id
    by_id = np.empty(k, dtype=np.int64)
    by_id[np.argsort(cadres.astype(str), kind="stable")] = np.arange(k)
    order = np.lexsort((by_id, -n_ties, -added, -n_isolated))
    del by_id
    cadre, name, home_unit = cadres[order].astype(object), [], np.zeros(0, dtype=object)
    if k:
        name = _column_at(g, "name", cadre_node[order])
        cadre = _column_at(g, "id", cadre_node[order])
        home = home[order]
        home_unit = _column_at(g, "id", np.maximum(home, 0))
        if (home < 0).any():  # pragma: no cover (a tie's cadre always has a home unit)
            home_unit = pd.Series(home_unit).where(home >= 0).to_numpy(dtype=object)
    return pd.DataFrame({
        "cadre": cadre,
        "name": name,
        "home_unit": home_unit,
        "n_ties": n_ties.astype(np.int64)[order],
        "isolates": pd.Series(isolates[order], dtype=object),
        "n_isolated": n_isolated[order],
        "components_added": added[order],
        "rank": np.arange(1, k + 1, dtype=np.int64),
    }, copy=False)  # fresh arrays


def _column_at(g, column: str, pos: np.ndarray):
    """The values of a node column at node positions: the column's own string array when
    it holds text (no Python object per row), else an object array (which pandas reads
    as text when it is)."""
    col = g.nodes[column].take(pos)
    return col.array if isinstance(col.dtype, pd.StringDtype) else col.to_numpy(dtype=object)


def _cadre_of_ties(ug: UnitGraph) -> tuple[np.ndarray, np.ndarray]:
    """The node codes of the cadres who carry ties (sorted) and, per tie, the position of
    its cadre among them (-1 for a unit-to-unit tie)."""
    carrier = ug.ties["carrier_code"].to_numpy()
    has = carrier < ug.n_nodes  # ties carried by a cadre (the code is its node code)
    cadre_node = sorted_unique(carrier[has])
    lookup = np.full(ug.n_nodes, -1, dtype=np.int64)
    lookup[cadre_node] = np.arange(len(cadre_node))
    return cadre_node, np.where(has, lookup[np.where(has, carrier, 0)], -1)


def _sole_pairs(ug: UnitGraph, code: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The pairs whose ties all share one carrier, that carrier being a cadre: their rows
    in ``ug.pairs`` and the cadre's position."""
    pair = ug.ties["pair"].to_numpy()
    sole_pairs = np.flatnonzero(ug.pairs["n_carriers"].to_numpy() == 1)
    if not len(sole_pairs):
        return sole_pairs, np.zeros(0, np.int64)
    first_tie = np.full(len(ug.pairs), -1, dtype=np.int64)
    first_tie[pair] = np.arange(len(pair))  # any tie of a sole pair: they share the carrier
    owner = code[first_tie[sole_pairs]]
    return sole_pairs[owner >= 0], owner[owner >= 0]


def _isolates(ug: UnitGraph, sp: np.ndarray, so: np.ndarray,
              k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per cadre (``k`` of them): the number of units whose every pair is a sole pair of
    the cadre (``sp`` pairs, ``so`` cadres), and the list of their ids, sorted."""
    pa, pb = ug.pairs["a"].to_numpy(), ug.pairs["b"].to_numpy()
    key = np.sort(np.r_[so, so] * ug.n + np.r_[pa[sp], pb[sp]])  # sort, not np.unique's hash
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else key
    count = np.diff(np.r_[starts, len(key)])
    key = key[starts]
    uu = key % max(ug.n, 1)
    iso = count == ug.degree()[uu]
    ki, ui = key[iso] // max(ug.n, 1), uu[iso]
    del key, starts, count, uu
    o = np.lexsort((id_rank(ug)[ui], ki))
    ki, ui = ki[o], ug.ids[ui[o]]
    n_isolated = np.bincount(ki, minlength=k).astype(np.int64)
    isolates = _empty_lists(k)
    bounds = np.flatnonzero(np.r_[True, ki[1:] != ki[:-1]])[: len(ki)]
    ends = np.r_[bounds[1:], len(ki)][: len(bounds)]
    for b0, b1 in zip(bounds.tolist(), ends.tolist(), strict=True):
        isolates[ki[b0]] = ui[b0:b1].tolist()
    return n_isolated, isolates


def _empty_lists(k: int) -> np.ndarray:
    """An object array of ``k`` distinct empty lists. The garbage collector is paused
    while they are made: lists that hold nothing form no cycle, and its passes over a
    million new containers would cost more than making them."""
    was = gc.isenabled()
    gc.disable()
    try:
        return np.fromiter(([] for _ in range(k)), dtype=object, count=k)
    finally:
        if was:
            gc.enable()
