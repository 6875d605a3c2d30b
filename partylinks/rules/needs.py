"""Needs and resources lists (需求清单 / 资源清单): the ``needs`` rule kind.

Seed 001 matches 12 needs of the enterprises with 56 resources of the units linked to
each grid; seed 000 keeps 三张清单 (needs, resources and projects). In partylinks a unit's
lists are two node columns, ``needs`` (需求清单) and ``resources`` (资源清单), each a list
of items separated by ``;``, ``；``, ``、``, ``,`` or ``，`` (for example
``用工;融资``). An item matches an item of another list when the two texts are equal
after stripping blanks.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, identity

from ..graph.unitgraph import unit_graph
from ._candidates import counts, pick
from ._context import AuditContext, empty_raw, raw_findings, unchecked
from ._params import Param

__all__ = ["needs", "list_items", "PARAMS"]

PARAMS = {
    "needs": {
        "max_hops": Param("int", 2, minimum=0, doc="a resource meets a need when its unit is "
                          "at most this many steps of ties away (0: the unit itself)"),
        "same_grid": Param("bool", True, doc="units located_in the same grid are in reach "
                           "too (the grid's linked units)"),
        "node_types": Param("list[str]", [], doc="types of the units whose needs are "
                            "checked (empty: all)"),
    },
}

_SEP = re.compile(r"[;；、,，]")


def list_items(ctx: AuditContext, column: str) -> pd.DataFrame:
    """The items of a list column: ``unit``, ``item``, one row per unit and distinct item,
    sorted by unit then item (empty when the column is absent).

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import AuditContext
    >>> nodes = pd.DataFrame({"id": ["E1", "C1"], "type": ["enterprise", "community"],
    ...                       "zone": "Z", "needs": ["用工； 融资", None]})
    >>> g = pl.from_frames(nodes, pd.DataFrame(columns=["source", "target", "type"]))
    >>> list_items(AuditContext(g, pd.Timestamp("2025-06-30")), "needs").values.tolist()
    [['E1', '用工'], ['E1', '融资']]
    """
    v = ctx.attr(column)
    v = v[v.notna().to_numpy() & ctx.types.reindex(v.index).isin(
        list(ctx.g.schema.unit_types)).to_numpy()]
    rows = [(u, item.strip()) for u, text in zip(v.index, v.astype(str), strict=True)
            for item in _SEP.split(text) if item.strip()]
    out = pd.DataFrame(rows, columns=["unit", "item"], dtype=object).drop_duplicates()
    return out.sort_values(["unit", "item"], kind="stable").reset_index(drop=True)


def _in_reach(ctx: AuditContext, units: list, k: int, same_grid: bool) -> dict:
    """Unit -> the set of units within ``k`` steps of active ties of it (itself
    included), and, with ``same_grid``, the units ``located_in`` a grid it is in."""
    ug = unit_graph(ctx.g)
    pos = pd.Series(np.arange(ug.n), index=pd.Index(ug.ids, dtype=object))
    rows = pos.reindex(units).to_numpy()
    n = ug.n
    x = identity(n, format="csr", dtype=np.int8)[rows]
    a = (ug.adj > 0).astype(np.int8)
    for _ in range(k):
        x = ((x + x @ a) > 0).astype(np.int8)
    x = csr_matrix(x)
    out = {u: set(ug.ids[x.indices[x.indptr[i]:x.indptr[i + 1]]].tolist())
           for i, u in enumerate(units)}
    if same_grid:
        li = ctx.edges_of("located_in")
        li = li[(li["target"].map(ctx.types) == "grid").to_numpy()]
        by_grid = li.groupby("target")["source"].agg(set)
        for u, grids in li.groupby("source")["target"].agg(list).items():
            if u in out:
                for gd in grids:
                    out[u] |= by_grid[gd]
    return out


def needs(ctx: AuditContext, rule) -> pd.DataFrame:
    """Needs that no unit in reach can meet.

    Definition, on the audit date: for each unit u (of ``node_types``; empty: any) and
    each item x of its ``needs`` list (:func:`list_items`), the units *in reach* of u
    are u itself, the units at most ``max_hops`` steps of active ties away (the unit
    graph), and, with ``same_grid``, the units ``located_in`` a grid u is located in.
    A finding for (u, x) when no unit in reach lists x among its ``resources``;
    ``detail`` = ``{"issue": "unmet_need", "need": x}``. The lists are optional: with no
    ``needs`` column there is nothing to meet and no finding; with needs but no
    ``resources`` column, one finding with no ``node_id`` (issue ``unchecked``) says
    that the needs could not be matched.

    The suggestion names a partner for co-building: a unit that lists x among its
    resources, of u's zone if there is one (else of any zone), the one with the fewest
    co-building ties, then the smallest id; ``detail["candidate"]`` is its id.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import check
    >>> nodes = pd.DataFrame({"id": ["E1", "C1", "P1"], "zone": "Z",
    ...     "type": ["enterprise", "community", "park"],
    ...     "needs": ["用工;融资", None, None], "resources": [None, "用工", "融资"]})
    >>> edges = pd.DataFrame({"source": ["E1"], "target": ["C1"], "type": ["co_building"]})
    >>> f = check(pl.from_frames(nodes, edges), "needs", as_of="2025-06-30")
    >>> f[["node_id", "message"]].values.tolist()
    [['E1', "E1's need '融资' is met by no unit within 2 steps of ties"]]
    >>> f["suggestion"].tolist()
    ["pair E1 with P1 (co-building), whose resources include '融资'"]
    """
    p = rule.params
    if not ctx.known("needs"):
        return empty_raw()  # an optional list the department does not keep
    need = list_items(ctx, "needs")
    if p["node_types"]:
        need = need[need["unit"].map(ctx.types).isin(p["node_types"]).to_numpy()]
    if len(need) == 0:
        return empty_raw()
    if not ctx.known("resources"):
        return unchecked(ctx, "unchecked_needs", ["resources"])
    res = list_items(ctx, "resources")
    offers = res.groupby("item")["unit"].agg(set)
    reach = _in_reach(ctx, sorted(set(need["unit"])), p["max_hops"], p["same_grid"])
    met = [bool(offers.get(x, set()) & reach[u]) for u, x in zip(need["unit"], need["item"],
                                                                 strict=True)]
    gap = need[~np.asarray(met, dtype=bool)].reset_index(drop=True)
    if len(gap) == 0:
        return empty_raw()
    zones, names = ctx.zones, ctx.names
    load = counts(ctx.ties_of("co_building")[["u", "v"]].stack().to_numpy(), res["unit"])
    cand: list = [None] * len(gap)
    for x in gap["item"].unique():
        m = np.flatnonzero((gap["item"] == x).to_numpy())
        prov = res.loc[(res["item"] == x).to_numpy(), "unit"]
        pool = pd.DataFrame({"id": prov.to_numpy(), "zone": zones.reindex(prov).to_numpy(),
                             "load": load.reindex(prov).to_numpy()})
        req = pd.DataFrame({"key": m, "zone": zones.reindex(gap["unit"].iloc[m]).to_numpy(),
                            "exclude": [[u] for u in gap["unit"].iloc[m]]})
        for key, c in zip(m, pick(pool, req, m=None)["candidate"], strict=True):
            cand[key] = c
    det = [{"issue": "unmet_need", "need": x} | ({"candidate": c} if c else {})
           for x, c in zip(gap["item"], cand, strict=True)]
    fld = [{"need": x, "hops": p["max_hops"], "partner": names.get(c, c) if c else ""}
           for x, c in zip(gap["item"], cand, strict=True)]
    sugg = ["sugg_need_pair" if c else "sugg_need_none" for c in cand]
    return raw_findings(gap["unit"], [[c] if c else [] for c in cand], det, "rule_need_unmet",
                        sugg, fld)
