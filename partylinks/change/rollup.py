"""Nested roll-ups along the party tree and the administrative tree.

**Party tree** (``tree="party"``): branches, each under the branch it ``reports_to``
(党委 -> 党总支 -> 党支部 -> 党小组). For every branch b, over its *subtree* (b and every
branch below it, at any depth):

- ``branches``: number of branches;
- ``members``: distinct cadres with a ``member_of`` edge to a branch of the subtree;
- ``host_units``: distinct units hosting a branch of the subtree (``hosted_by``);
- ``isolated_host_units``: those of them with no cross-organization tie;
- ``findings``: audit findings on those host units, a finding on a branch or a cadre
  counting for its unit (a branch's host, a cadre's home unit).

**Administrative tree** (``tree="admin"``): one root per zone (片区), and under it the
units by containment: each unit under the unit it is ``located_in`` (a grid under its
parent grid, an enterprise under its park, community or grid), a unit located nowhere
directly under its zone. For every node, over its subtree: ``units`` (the units, itself
included), one count per unit type (``community``, ``park``, ...), ``isolated``,
``branches`` (branches hosted by the subtree's units) and ``findings`` (as above).

Both trees use the edges active on ``as_of``. When a node has several parent edges the
latest one is used (an open edge before a closed one, then the later end, the later
start, the first row), as the unit projection does for hosts. Every row carries its
``parent``, its ``depth`` (roots 0) and its ``path`` (names from the root, joined with
" / "), and rows come in depth-first order (each node after its parent, siblings by id),
so a county committee reads its whole chain top-down. The tree walk is level by level in
numpy (no recursion): a party tree of 100,000 branches costs one array pass per level.

A tree deeper than ``PATH_NAMES`` levels (a long chain, careless or hostile data) is
walked in time and memory proportional to its size times the logarithm of its depth, not
its size times its depth: depths by pointer jumping, distinct counts from the lowest
common ancestors of consecutive occurrences in depth-first order, and the ``path`` of a
node deeper than ``PATH_NAMES`` shortened to the root, ``…`` and the last
``PATH_NAMES - 2`` names (a 20,000-deep chain takes about a second).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..graph.unitgraph import snapshot, unit_graph
from ..messages import check_lang, msg
from ._tree import (
    depths,
    dfs_order,
    distinct_pairs,
    paths,
    pick_parent,
    subtree_distinct,
    subtree_sum,
)

__all__ = ["rollup", "SEP", "PATH_NAMES"]

SEP = " / "
"""Separator of the names in the ``path`` column."""

PATH_NAMES = 32
"""At most this many names in a ``path``: deeper nodes show the root, ``…`` and the last
``PATH_NAMES - 2`` names. Trees at most this deep are walked level by level."""


def _depths(parent: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Depth of every node by pointer jumping: O(n log depth); a cycle raises the
    ``ValueError`` of :func:`partylinks.change._tree.depths` naming its nodes."""
    anc = np.asarray(parent, dtype=np.int64).copy()
    dist = (anc >= 0).astype(np.int64)
    for _ in range(int(np.log2(max(len(anc), 1))) + 2):
        live = np.flatnonzero(anc >= 0)
        if not len(live):
            return dist
        a = anc[live]
        dist[live] = dist[live] + dist[a]
        anc[live] = anc[a]
    return depths(parent, ids)  # pointers left after log2(n) jumps: a cycle; raises


def _preorder(parent: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(order, size)``: the nodes in depth-first order, siblings by id (the order of
    :func:`partylinks.change._tree.dfs_order`), and the size of every subtree, with an
    explicit stack (no recursion, any depth)."""
    n = len(parent)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(np.asarray(ids).astype(str), kind="stable")] = np.arange(n)
    by = np.lexsort((rank, parent))
    start = np.searchsorted(parent[by], np.arange(-1, n + 1))
    kids = [by[start[v + 1]:start[v + 2]] for v in range(-1, n)]
    stack = kids[0][::-1].tolist()
    order: list[int] = []
    while stack:
        v = stack.pop()
        order.append(v)
        stack.extend(kids[v + 1][::-1].tolist())
    pre = np.asarray(order, dtype=np.int64)
    size = np.ones(n, dtype=np.int64)
    par = parent[pre]
    for v, p in zip(pre[::-1].tolist(), par[::-1].tolist(), strict=True):
        if p >= 0:
            size[p] += size[v]
    return pre, size


def _lca(parent: np.ndarray, depth: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Lowest common ancestors of the node pairs ``(a[i], b[i])`` of one tree, by binary
    lifting (O((n + pairs) log depth))."""
    up = [np.where(parent >= 0, parent, np.arange(len(parent)))]
    for _ in range(int(depth.max(initial=0)).bit_length()):
        up.append(up[-1][up[-1]])
    a, b = a.copy(), b.copy()
    swap = depth[a] < depth[b]
    a[swap], b[swap] = b[swap], a[swap]
    diff = depth[a] - depth[b]
    for k, jump in enumerate(up):
        m = ((diff >> k) & 1).astype(bool)
        a[m] = jump[a[m]]
    for jump in reversed(up):
        m = jump[a] != jump[b]
        a[m], b[m] = jump[a[m]], jump[b[m]]
    return np.where(a == b, a, up[0][a])


def _distinct_deep(parent, depth, pre, size, owner, item, weight=None) -> np.ndarray:
    """Per node, the sum of ``weight[item]`` (1 by default) over the distinct items hung
    (through ``owner``) in its subtree: +w at every owner of an item, -w at the lowest
    common ancestor of every two consecutive owners of the item in depth-first order,
    summed over the subtree."""
    n = len(parent)
    owner = np.asarray(owner, dtype=np.int64)
    item = np.asarray(item, dtype=np.int64)
    tin = np.empty(n, dtype=np.int64)
    tin[pre] = np.arange(n)
    o = np.lexsort((tin[owner], item))
    owner, item = owner[o], item[o]
    keep = np.ones(len(owner), dtype=bool)
    keep[1:] = (owner[1:] != owner[:-1]) | (item[1:] != item[:-1])
    owner, item = owner[keep], item[keep]
    w = np.ones(len(item)) if weight is None else np.asarray(weight, dtype=float)[item]
    acc = np.zeros(n)
    np.add.at(acc, owner, w)
    same = np.flatnonzero(item[1:] == item[:-1])
    if len(same):
        np.add.at(acc, _lca(parent, depth, owner[same], owner[same + 1]), -w[same])
    csum = np.concatenate([[0.0], np.cumsum(acc[pre])])
    return csum[tin + size] - csum[tin]


def _paths_deep(parent: np.ndarray, pre: np.ndarray, labels) -> np.ndarray:
    """The ``path`` of every node, at most :data:`PATH_NAMES` names (see the module)."""
    labels = [str(x) for x in labels]
    keep = PATH_NAMES - 2
    root = [""] * len(parent)
    tail: list[tuple] = [()] * len(parent)
    full = np.zeros(len(parent), dtype=bool)
    out = np.empty(len(parent), dtype=object)
    for v, p in zip(pre.tolist(), parent[pre].tolist(), strict=True):
        if p < 0:
            root[v], tail[v], full[v] = labels[v], (labels[v],), True
        else:
            t = tail[p] + (labels[v],)
            root[v] = root[p]
            full[v] = full[p] and len(t) <= PATH_NAMES
            tail[v] = t if full[v] else t[-keep:]
        out[v] = SEP.join(tail[v]) if full[v] else SEP.join((root[v], "…") + tail[v])
    return out


def _findings_per_unit(g, gs, as_of, report) -> pd.Series:
    """Number of findings per unit id (a branch or cadre finding counts for its unit)."""
    if report is None:
        from ._findings import audit_findings

        f = audit_findings(g, as_of=as_of)
    else:
        f = report.findings if hasattr(report, "findings") else report
    if not len(f):
        return pd.Series(dtype=np.int64)
    unit = gs.unit_of.reindex(f["node_id"].astype(object)).to_numpy()
    return pd.Series(unit, dtype=object).dropna().value_counts()


def _edges(gs, etype: str):
    e = gs.edges
    m = (e["type"] == etype).to_numpy()
    s, t = gs.edge_codes()
    return (s[m], t[m], e["start"].to_numpy()[m], e["end"].to_numpy()[m])


def _deep(depth: np.ndarray) -> bool:
    return int(depth.max(initial=0)) >= PATH_NAMES


def _frame(ids, parent, depth, labels, cols: dict) -> pd.DataFrame:
    pid = np.where(parent >= 0, ids[np.maximum(parent, 0)], None)
    if _deep(depth):
        pre, _ = _preorder(parent, ids)
        path = _paths_deep(parent, pre, labels)
    else:
        pre, path = dfs_order(parent, depth, ids), paths(parent, depth, labels, SEP)
    out = pd.DataFrame({"id": ids, **cols.pop("_front"), "parent": pd.Series(pid, dtype=object),
                        "depth": depth, "path": path})
    for k, v in cols.items():
        out[k] = v
    return out.iloc[pre].reset_index(drop=True)


def _distinct(parent, depth, owner, item, ids, weight=None) -> np.ndarray:
    """Distinct items per subtree (weighted by ``weight[item]`` when given)."""
    if _deep(depth):
        pre, size = _preorder(parent, ids)
        return _distinct_deep(parent, depth, pre, size, owner, item, weight)
    if weight is None:
        return subtree_distinct(parent, owner, item)
    keys = distinct_pairs(parent, owner, item)
    return np.bincount(keys[0], weights=weight[keys[1]], minlength=len(parent))


def _party(g, gs, as_of, report) -> pd.DataFrame:
    types = gs.nodes["type"].astype(object).to_numpy()
    n_all = len(types)
    bcode = np.flatnonzero(types == "branch")
    local = np.full(n_all, -1, dtype=np.int64)
    local[bcode] = np.arange(len(bcode))
    ids = gs.node_index.to_numpy()[bcode]
    s, t, st, en = _edges(gs, "reports_to")
    ok = (local[s] >= 0) & (local[t] >= 0)
    parent = pick_parent(local[s[ok]], local[t[ok]], st[ok], en[ok], len(bcode))
    depth = _depths(parent, ids)
    unit_of = gs.projection.unit_of
    host = unit_of[bcode]
    s, t, _, _ = _edges(gs, "member_of")
    ok = (types[s] == "cadre") & (local[t] >= 0)
    members = _distinct(parent, depth, local[t[ok]], s[ok], ids).astype(np.int64)
    direct = np.bincount(local[t[ok]], minlength=len(bcode))
    has = host >= 0
    hosts = _distinct(parent, depth, np.flatnonzero(has), host[has], ids).astype(np.int64)
    ug = unit_graph(g, as_of)
    iso_node = np.zeros(n_all, dtype=bool)
    iso_node[ug.node_code[ug.degree() == 0]] = True
    isolated_host = has & iso_node[np.maximum(host, 0)]
    iso = _distinct(parent, depth, np.flatnonzero(isolated_host), host[isolated_host],
                    ids).astype(np.int64)
    per_unit = _findings_per_unit(g, gs, as_of, report)
    nf = np.zeros(n_all, dtype=np.int64)
    if len(per_unit):
        codes = gs.node_index.get_indexer(per_unit.index)
        nf[codes[codes >= 0]] = per_unit.to_numpy()[codes >= 0]
    # findings are summed over *distinct* host units: weight each (branch, host) pair once
    findings = _distinct(parent, depth, np.flatnonzero(has), host[has], ids,
                         weight=nf).astype(np.int64)
    nodes = gs.nodes.iloc[bcode]
    names = nodes["name"].to_numpy(dtype=object)
    node_ids = gs.node_index.to_numpy()
    front = {"name": names,
             "subtype": nodes["subtype"].to_numpy(dtype=object) if "subtype" in nodes
             else np.full(len(bcode), None, dtype=object),
             "zone": nodes["zone"].to_numpy(dtype=object)}
    cols = {"_front": front,
            "host": pd.Series(np.where(has, node_ids[np.maximum(host, 0)], None), dtype=object),
            "branches": subtree_sum(parent, depth, np.ones(len(bcode))).astype(np.int64),
            "direct_members": direct.astype(np.int64), "members": members,
            "host_units": hosts, "isolated_host_units": iso, "findings": findings}
    return _frame(ids, parent, depth, np.where(pd.isna(names), ids, names), cols)


def _admin(g, gs, as_of, report, lang) -> pd.DataFrame:
    ug = unit_graph(g, as_of)
    n_u = ug.n
    nodes = gs.nodes.iloc[ug.node_code]
    zone = nodes["zone"].astype(object).to_numpy()
    zkey = np.where(pd.isna(zone), msg("chart_no_zone", lang), zone).astype(object)
    zlabels = np.array(sorted(set(zkey.tolist())), dtype=object)
    zidx = np.searchsorted(zlabels, zkey)
    s, t, st, en = _edges(gs, "located_in")
    ok = (ug.index_of[s] >= 0) & (ug.index_of[t] >= 0)
    parent = pick_parent(ug.index_of[s[ok]], ug.index_of[t[ok]], st[ok], en[ok], n_u)
    parent = np.where(parent >= 0, parent, n_u + zidx)
    parent = np.concatenate([parent, np.full(len(zlabels), -1, dtype=np.int64)])
    ids = np.concatenate([ug.ids, zlabels]).astype(object)
    depth = _depths(parent, ids)
    n = len(ids)
    is_unit = np.arange(n) < n_u
    utype = np.concatenate([nodes["type"].astype(object).to_numpy(),
                            np.full(len(zlabels), "zone", dtype=object)])
    cols = {"units": subtree_sum(parent, depth, is_unit).astype(np.int64)}
    for ut in gs.schema.unit_types:
        cols[ut] = subtree_sum(parent, depth, utype == ut).astype(np.int64)
    iso = np.concatenate([ug.degree() == 0, np.zeros(len(zlabels), dtype=bool)])
    cols["isolated"] = subtree_sum(parent, depth, iso).astype(np.int64)
    host = gs.projection.unit_of[(gs.nodes["type"] == "branch").to_numpy()]
    host = ug.index_of[host[host >= 0]]
    cols["branches"] = subtree_sum(parent, depth, np.bincount(host[host >= 0], minlength=n)
                                   ).astype(np.int64)
    per_unit = _findings_per_unit(g, gs, as_of, report)
    nf = pd.Series(ug.ids).map(per_unit).fillna(0).to_numpy()
    cols["findings"] = subtree_sum(parent, depth, np.concatenate(
        [nf, np.zeros(len(zlabels))])).astype(np.int64)
    names = np.concatenate([nodes["name"].to_numpy(dtype=object), zlabels])
    names = np.where(pd.isna(names), ids, names)
    front = {"type": utype, "name": names,
             "zone": np.concatenate([zkey, zlabels]).astype(object)}
    cols["_front"] = front
    return _frame(ids, parent, depth, names, cols)


def rollup(g, tree: str = "party", as_of=None, report=None, lang: str = "zh") -> pd.DataFrame:
    """Counts summed up every node's subtree of the party tree or the administrative tree.

    The exact definitions of the trees and of every count are in
    :mod:`partylinks.change.rollup`.

    Parameters
    ----------
    g : LinkGraph
    tree : {"party", "admin"}
        ``"party"``: branches along ``reports_to``; ``"admin"``: zone -> units along
        ``located_in``.
    as_of : date-like, optional
        Use the edges active on this date.
    report : AuditReport or DataFrame, optional
        Findings to count (an audit report, or a table with a ``node_id`` column); None
        runs the audit with the default policy on ``as_of`` (default: the latest date in
        the data).
    lang : {"zh", "en"}
        Language of the label of the zone root for units without a zone.

    Returns
    -------
    DataFrame
        Party tree: ``id``, ``name``, ``subtype``, ``zone``, ``parent``, ``depth``,
        ``path``, ``host``, ``branches``, ``direct_members``, ``members``, ``host_units``,
        ``isolated_host_units``, ``findings``. Administrative tree: ``id`` (the zone name
        for a zone root), ``type`` (``"zone"`` for a root), ``name``, ``zone``, ``parent``,
        ``depth``, ``path``, ``units``, one column per unit type, ``isolated``,
        ``branches``, ``findings``. Rows in depth-first order.

    Examples
    --------
    >>> import partylinks as pl
    >>> r = rollup(pl.datasets.house(), tree="admin")
    >>> r[["id", "parent", "depth", "units", "community", "enterprise", "isolated",
    ...    "findings"]]
       id parent  depth  units  community  enterprise  isolated  findings
    0  Z1   None      0      3          1           1         0         3
    1  C1     Z1      1      2          1           1         0         0
    2  E1     C1      2      1          0           1         0         0
    3  W1     Z1      1      1          0           0         0         3
    4  Z2   None      0      1          0           0         1         1
    5  A1     Z2      1      1          0           0         1         1
    """
    check_lang(lang)
    gs = snapshot(g, as_of)
    if tree == "party":
        return _party(g, gs, as_of, report)
    if tree == "admin":
        return _admin(g, gs, as_of, report, lang)
    raise ValueError(f"tree must be 'party' or 'admin', got {tree!r}")
