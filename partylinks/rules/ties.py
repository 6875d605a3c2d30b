"""Rules on the tie table: ``min_ties``, ``reciprocal`` and ``reach``.

All three read the ties active on the audit date (``g.at(as_of).ties()``, see
:mod:`partylinks.graph.projection`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from ..graph.unitgraph import unit_graph
from ._candidates import counts, pick
from ._context import AuditContext, empty_raw, raw_findings
from ._params import Param

__all__ = ["min_ties", "reciprocal", "reach", "PARAMS"]

_UNITS = ("community", "park", "enterprise", "agency", "council", "project", "grid")

PARAMS = {
    "min_ties": {
        "node_type": Param("str", None, doc="type of the nodes checked (required)"),
        "subtypes": Param("list[str]", [], doc="only nodes of these subtypes (empty: all)"),
        "where": Param("table", {}, doc="only nodes whose column equals the value (or is "
                       "in the list), e.g. {above_scale = true}"),
        "where_min": Param("table", {}, doc="only nodes whose column is >= the number, "
                           "e.g. {party_members = 3}"),
        "tie_types": Param("list[str]", [], doc="tie types counted (empty: all)"),
        "roles": Param("list[str]", [], doc="roles counted (empty: any role)"),
        "other_types": Param("list[str]", [], doc="types of the unit at the other end "
                             "(empty: any)"),
        "direction": Param("str", "any", ("in", "out", "any"),
                           doc="in: the node is the tie's target (v); out: its source (u)"),
        "count": Param("str", "ties", ("ties", "units", "carriers"),
                       doc="count ties, distinct other units, or distinct carriers"),
        "min": Param("int", 1, minimum=1, doc="the smallest acceptable count"),
    },
    "reciprocal": {
        "types": Param("list[str]", ["community", "enterprise"],
                       doc="the two unit types of a pair, [A, B]"),
        "tie_types": Param("list[str]", ["part_time_post"], doc="tie types that count"),
        "roles": Param("list[str]", [], doc="roles that count (empty: any)"),
        "suggest_roles": Param("list[str]", ["instructor", "part_time_member"],
                               doc="role to suggest for a post A -> B and for B -> A"),
    },
    "reach": {
        "node_types": Param("list[str]", ["community", "park", "enterprise"],
                            doc="types of the units checked"),
        "council_type": Param("str", "council", doc="type of the zone councils"),
        "max_hops": Param("int", 2, minimum=1, doc="the largest acceptable distance"),
        "skip_isolated": Param("bool", True, doc="leave out units with no tie at all "
                               "(the isolated rule reports them)"),
    },
}


def _filtered_nodes(ctx: AuditContext, p: dict) -> pd.Index:
    ids = ctx.of_type(p["node_type"])
    keep = pd.Series(True, index=ids)
    if p["subtypes"]:
        keep &= ctx.attr("subtype").reindex(ids).isin(p["subtypes"]).to_numpy()
    for col, val in p["where"].items():
        vals = val if isinstance(val, list) else [val]
        keep &= ctx.attr(col).reindex(ids).astype(object).isin(vals).fillna(False).to_numpy()
    for col, val in p["where_min"].items():
        num = pd.to_numeric(ctx.attr(col).reindex(ids), errors="coerce")
        keep &= (num >= val).fillna(False).to_numpy(bool)
    return ids[keep.to_numpy()]


def min_ties(ctx: AuditContext, rule) -> pd.DataFrame:
    """Every node of ``node_type`` (filtered) has at least ``min`` matching ties.

    Definition: for each node n of ``node_type`` (with ``subtype`` in ``subtypes``, each
    ``where`` column equal to its value or in its list, each ``where_min`` column >= its
    number), count the active ties whose ``tie_type`` is in ``tie_types`` and ``role`` in
    ``roles`` (empty lists: any), in which n is the target (``direction = "in"``), the
    source (``"out"``) or either end (``"any"``), and whose other end's type is in
    ``other_types`` (empty: any). ``count = "ties"`` counts those ties, ``"units"`` the
    distinct units at the other end, ``"carriers"`` the distinct cadres (a unit-to-unit
    tie is its own carrier). A finding for each node whose count is below ``min``.

    Examples
    --------
    >>> import partylinks as pl
    >>> from partylinks.rules import check
    >>> f = check(pl.datasets.house(), "min_ties", as_of="2025-06-30",
    ...           node_type="community", tie_types=["co_building"])
    >>> f[["node_id", "detail"]].values.tolist()
    [['C1', {'count': 0, 'threshold': 1, 'counted': 'ties'}]]
    """
    p = rule.params
    ids = _filtered_nodes(ctx, p)
    if len(ids) == 0:
        return empty_raw()
    t = ctx.ties_of(*p["tie_types"], roles=p["roles"] or None)
    extra = {}
    if p["count"] == "carriers":  # a unit-to-unit tie is its own carrier (its row)
        extra["carrier"] = t["via"].where(t["via"].notna(),
                                          "edge:" + pd.Series(t.index, index=t.index)
                                          .astype(str))
    sides = []
    if p["direction"] in ("in", "any"):
        sides.append(pd.DataFrame({"node": t["v"], "other": t["u"], "otype": t["u_type"],
                                   **extra}))
    if p["direction"] in ("out", "any"):
        sides.append(pd.DataFrame({"node": t["u"], "other": t["v"], "otype": t["v_type"],
                                   **extra}))
    long = pd.concat(sides, ignore_index=True)
    if p["other_types"]:
        long = long[long["otype"].isin(p["other_types"]).to_numpy()]
    long = long[long["node"].isin(ids).to_numpy()]
    grp = long.groupby("node", sort=False)
    got = {"ties": grp.size, "units": lambda: grp["other"].nunique(),
           "carriers": lambda: grp["carrier"].nunique()}[p["count"]]()
    n = got.reindex(ids).fillna(0).astype(int)
    bad = n[n < p["min"]]
    what = _what(ctx, p)
    detail = [{"count": int(c), "threshold": p["min"], "counted": p["count"]} for c in bad]
    fields = [{"count": int(c), "threshold": p["min"], "what": what} for c in bad]
    return raw_findings(bad.index, [[] for _ in bad], detail, "rule_min_ties",
                        "sugg_min_ties", fields)


def _what(ctx: AuditContext, p: dict) -> str:
    ties = ctx.join(ctx.type_label(t) for t in p["tie_types"]) or ctx.text("what_any_tie")
    if p["roles"]:
        ties += ctx.text("what_roles", roles=ctx.join(ctx.label("role_", r) for r in p["roles"]))
    if p["other_types"]:
        others = ctx.join(ctx.type_label(t) for t in p["other_types"])
        return ctx.text("what_with", ties=ties, others=others)
    return ctx.text("what_plain", ties=ties)


def reciprocal(ctx: AuditContext, rule) -> pd.DataFrame:
    """Mutual appointments: every A-B pair tied one way is tied the other way too.

    Definition: with ``types = [A, B]``, a pair (a, b) of an A unit and a B unit is tied
    *forward* when an active tie of ``tie_types`` (and ``roles``, empty: any) runs from a
    to b (``u = a, v = b``: a cadre of a holds a post at b) and *backward* when one runs
    from b to a. A finding, on a, for every pair tied in exactly one direction (双向互派);
    ``related_ids`` = [b, the cadres carrying the existing direction].

    Examples
    --------
    Before 2024 only K2 of E1 held a post at C1 in the house graph:

    >>> import partylinks as pl
    >>> from partylinks.rules import check
    >>> f = check(pl.datasets.house(), "reciprocal", as_of="2023-06-30")
    >>> f[["node_id", "related_ids"]].values.tolist()
    [['C1', ['E1', 'K2']]]
    >>> f["detail"][0]["missing"], f["suggestion"][0][:30]
    ('community->enterprise', 'have 桃源社区 appoint a party memb')
    """
    p = rule.params
    if len(p["types"]) != 2:
        raise ValueError(f"rule {rule.id!r}: 'types' must name exactly two unit types")
    A, B = p["types"]
    if not p["tie_types"]:
        return empty_raw()
    t = ctx.ties_of(*p["tie_types"], roles=p["roles"] or None)
    fwd = t[(t["u_type"] == A).to_numpy() & (t["v_type"] == B).to_numpy()]
    bwd = t[(t["u_type"] == B).to_numpy() & (t["v_type"] == A).to_numpy()]
    both = pd.concat([
        pd.DataFrame({"a": fwd["u"], "b": fwd["v"], "dir": "fwd", "via": fwd["via"]}),
        pd.DataFrame({"a": bwd["v"], "b": bwd["u"], "dir": "bwd", "via": bwd["via"]}),
    ], ignore_index=True)
    if len(both) == 0:
        return empty_raw()
    ndir = both.groupby(["a", "b"], sort=True)["dir"].nunique()
    one = ndir[ndir == 1].index
    if len(one) == 0:
        return empty_raw()
    sub = both.set_index(["a", "b"]).loc[one].reset_index()
    agg = sub.groupby(["a", "b"], sort=True).agg(
        dir=("dir", "first"), via=("via", lambda s: sorted(s.dropna().unique())))
    agg = agg.reset_index()
    fwd_present = (agg["dir"] == "fwd").to_numpy()
    sender = np.where(fwd_present, agg["b"], agg["a"])     # who must send the missing post
    receiver = np.where(fwd_present, agg["a"], agg["b"])
    roles = list(p["suggest_roles"]) + [None, None]
    r_ab, r_ba = roles[0], roles[1]
    # a concrete person: the cadre of the sending unit with the fewest part-time posts
    cad = ctx.home.reset_index()
    cad.columns = ["id", "unit"]
    cad = cad[cad["unit"].isin(set(sender))]
    posts = ctx.edges_of("part_time_post")["source"]
    pool = pd.DataFrame({"id": cad["id"].to_numpy(), "zone": cad["unit"].to_numpy(),
                         "load": counts(posts, cad["id"]).to_numpy()})
    cand = pick(pool, pd.DataFrame({"key": np.arange(len(agg)), "zone": sender}),
                anywhere=False)["candidate"].tolist()
    names = ctx.names
    details, fields = [], []
    for i, r in enumerate(agg.itertuples(index=False)):
        present = f"{A}->{B}" if fwd_present[i] else f"{B}->{A}"
        missing = f"{B}->{A}" if fwd_present[i] else f"{A}->{B}"
        details.append({"partner": r.b, "present": present, "missing": missing,
                        "carriers": list(r.via)})
        src, dst = (r.a, r.b) if fwd_present[i] else (r.b, r.a)
        fields.append({
            "partner": names.get(r.b, r.b), "from_name": names.get(src, src),
            "to_name": names.get(dst, dst),
            "carriers": ctx.join(names.get(v, v) for v in r.via) or "-",
            "miss_from": names.get(sender[i], sender[i]),
            "miss_to": names.get(receiver[i], receiver[i]),
            "role_missing": ctx.label("role_", r_ba if fwd_present[i] else r_ab),
            "cand": ctx.candidate(names.get(cand[i]) if cand[i] else None),
        })
    related = [[r.b, *r.via] for r in agg.itertuples(index=False)]
    return raw_findings(agg["a"], related, details, "rule_reciprocal", "sugg_reciprocal", fields)


def reach(ctx: AuditContext, rule) -> pd.DataFrame:
    """Every unit reaches a council of its own zone within ``max_hops`` steps of ties.

    Definition: on the unit graph of the audit date (units joined when at least one
    active tie joins them, in either direction, see
    :mod:`partylinks.graph.unitgraph`), the distance from a unit to the nearest
    ``council_type`` unit of the same zone; paths may pass through any unit of any zone.
    A finding for each unit of ``node_types`` in a zone that has a council, whose
    distance is more than ``max_hops`` (or infinite). Zones without a council are not
    checked; units with no tie at all are left out when ``skip_isolated``.

    Examples
    --------
    >>> import partylinks as pl
    >>> from partylinks.rules import check
    >>> f = check(pl.datasets.house(), "reach", as_of="2025-06-30", max_hops=1)
    >>> f[["node_id", "related_ids"]].values.tolist()
    [['E1', ['W1']]]
    """
    p = rule.params
    ug = unit_graph(ctx.g)
    ids = ug.ids
    ntype = ctx.types.reindex(ids).to_numpy()
    zone = ctx.zones.reindex(ids).to_numpy()
    is_council = ntype == p["council_type"]
    zcodes, zlabels = pd.factorize(pd.Series(zone, dtype=object), use_na_sentinel=True)
    has_zone = zcodes >= 0
    council_rows = np.flatnonzero(is_council & has_zone)
    zones_with = np.zeros(len(zlabels), dtype=bool)
    zones_with[zcodes[council_rows]] = True
    check = np.isin(ntype, p["node_types"]) & has_zone
    check[check] &= zones_with[zcodes[check]]
    if p["skip_isolated"]:
        check &= ug.degree() > 0
    rows = np.flatnonzero(check)
    if len(rows) == 0:
        return empty_raw()
    n, nz = ug.n, len(zlabels)
    adj = ug.adj.copy()
    adj.data[:] = 1
    X = csr_matrix((np.ones(len(council_rows)), (council_rows, zcodes[council_rows])),
                   shape=(n, nz))
    dist = np.full(len(rows), -1)
    for hop in range(1, p["max_hops"] + 1):
        X = X + adj @ X
        X.data[:] = 1
        hit = np.asarray(X[rows, zcodes[rows]]).ravel() > 0
        dist[(dist < 0) & hit] = hop
    bad = rows[dist < 0]
    council_of = (pd.Series(ids[council_rows], index=zcodes[council_rows]).sort_values()
                  .groupby(level=0).first())
    cz = council_of.reindex(zcodes[bad]).to_numpy()
    names = ctx.names
    k = p["max_hops"]
    detail = [{"max_hops": k, "council": c} for c in cz]
    fields = [{"k": k, "council": names.get(c, c)} for c in cz]
    return raw_findings(ids[bad], [[c] for c in cz], detail, "rule_reach", "sugg_reach", fields)
