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
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..messages import check_lang, msg
from ..metrics._unitgraph import snapshot, unit_graph
from ._tree import (
    depths,
    dfs_order,
    distinct_pairs,
    paths,
    pick_parent,
    subtree_distinct,
    subtree_sum,
)

__all__ = ["rollup", "SEP"]

SEP = " / "
"""Separator of the names in the ``path`` column."""


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


def _frame(ids, parent, depth, labels, cols: dict) -> pd.DataFrame:
    pid = np.where(parent >= 0, ids[np.maximum(parent, 0)], None)
    out = pd.DataFrame({"id": ids, **cols.pop("_front"), "parent": pd.Series(pid, dtype=object),
                        "depth": depth, "path": paths(parent, depth, labels, SEP)})
    for k, v in cols.items():
        out[k] = v
    return out.iloc[dfs_order(parent, depth, ids)].reset_index(drop=True)


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
    depth = depths(parent, ids)
    unit_of = gs.projection.unit_of
    host = unit_of[bcode]
    s, t, _, _ = _edges(gs, "member_of")
    ok = (types[s] == "cadre") & (local[t] >= 0)
    members = subtree_distinct(parent, local[t[ok]], s[ok])
    direct = np.bincount(local[t[ok]], minlength=len(bcode))
    has = host >= 0
    hosts = subtree_distinct(parent, np.flatnonzero(has), host[has])
    ug = unit_graph(g, as_of)
    iso_node = np.zeros(n_all, dtype=bool)
    iso_node[ug.node_code[ug.degree() == 0]] = True
    isolated_host = has & iso_node[np.maximum(host, 0)]
    iso = subtree_distinct(parent, np.flatnonzero(isolated_host), host[isolated_host])
    per_unit = _findings_per_unit(g, gs, as_of, report)
    nf = np.zeros(n_all, dtype=np.int64)
    if len(per_unit):
        codes = gs.node_index.get_indexer(per_unit.index)
        nf[codes[codes >= 0]] = per_unit.to_numpy()[codes >= 0]
    # findings are summed over *distinct* host units: weight each (branch, host) pair once
    f_owner, f_item = np.flatnonzero(has), host[has]
    keys = distinct_pairs(parent, f_owner, f_item)
    findings = np.bincount(keys[0], weights=nf[keys[1]], minlength=len(bcode)).astype(np.int64)
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
    depth = depths(parent, ids)
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
