"""Organizational coverage rules: ``branch_coverage`` (enterprises and party branches) and
``grid_coverage`` (branches and liaisons on the grids)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._candidates import cadre_table, counts, pick
from ._context import AuditContext, empty_raw, raw_findings, unchecked
from ._params import Param

__all__ = ["branch_coverage", "grid_coverage", "enterprise_coverage", "PARAMS", "JOINT_VIA"]

JOINT_VIA = ("hosted_by", "covers", "membership", "co_building", "located_in_grid")
"""The ways a joint branch covers a unit (see :func:`enterprise_coverage`)."""

PARAMS = {
    "branch_coverage": {
        "node_type": Param("str", "enterprise", doc="type of the units that need coverage"),
        "min_members": Param("int", 3, minimum=1, doc="formal party members from which a "
                             "unit must host its own branch (or be in a joint branch)"),
        "cover_min_members": Param("int", 0, minimum=0, doc="units with fewer party "
                                   "members than this need no coverage at all"),
        "joint_via": Param("list[str]", list(JOINT_VIA), JOINT_VIA,
                           doc="how a branch hosted elsewhere covers a unit"),
        "instructor_roles": Param("list[str]", ["instructor"],
                                  doc="part_time_post roles that give work coverage"),
        "group_subtypes": Param("list[str]", ["group"],
                                doc="branch subtypes that are party groups, not branches"),
        "max_branch_members": Param("int", 50, minimum=1, doc="more members: split it"),
        "split_subtypes": Param("list[str]", ["branch"], doc="branch subtypes checked "
                                "against max_branch_members (a missing subtype is too)"),
        "max_joint_units": Param("int", 5, minimum=1, doc="more covered units: split it"),
        "checks": Param("list[str]", ["coverage", "branch_size", "joint_size"],
                        ("coverage", "own_branch", "branch_size", "joint_size"),
                        doc="which problems to report"),
    },
    "grid_coverage": {
        "branch_levels": Param("list[int]", [2], doc="grid levels that need a branch"),
        "branch_or_group_levels": Param("list[int]", [3], doc="grid levels that need a "
                                        "branch or a party group"),
        "leader_levels": Param("list[int]", [2], doc="levels that need a leader liaison"),
        "department_levels": Param("list[int]", [2], doc="levels that need a department "
                                   "liaison"),
        "leader_ranks": Param("list[str]", ["county"], doc="ranks of district leaders"),
        "group_subtypes": Param("list[str]", ["group"], doc="branch subtypes that are "
                                "party groups"),
        "include_located_units": Param("bool", True, doc="a branch hosted by a unit "
                                       "located_in the grid counts for the grid"),
    },
}


def _branch_kinds(ctx: AuditContext, group_subtypes) -> tuple[pd.Series, pd.Series]:
    """(host of every hosted branch, host of every hosted branch that is not a group)."""
    host = ctx.host
    sub = ctx.attr("subtype").reindex(host.index)
    return host, host[~sub.isin(group_subtypes).to_numpy()]


def enterprise_coverage(ctx: AuditContext, params: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Coverage of every unit of ``params["node_type"]`` on the audit date.

    Definition. A *branch* is a node of type branch whose subtype is not in
    ``group_subtypes``; its *host* is its unit in the projection (the latest
    ``hosted_by`` edge). A unit e is covered by a *joint branch* b (联合党支部) hosted by
    another unit when, on the audit date, one of the ways listed in ``joint_via`` holds:

    - ``"hosted_by"``: b has a further ``hosted_by`` edge to e (a joint branch set up
      for several units, written as one ``hosted_by`` row per unit);
    - ``"covers"``: a ``covers`` edge b -> e;
    - ``"membership"``: a cadre whose home unit is e (``works_at`` e) is ``member_of`` b
      (the unit's party members belong to the joint branch);
    - ``"co_building"``: a ``co_building`` edge between b and e;
    - ``"located_in_grid"``: e is ``located_in`` a grid that hosts b.

    Returns
    -------
    (DataFrame, DataFrame)
        Per unit: ``id``, ``zone``, ``party_members`` (Int64), ``own`` (hosts a branch
        that is not a party group), ``joint`` (covered by a joint branch),
        ``instructor`` (has an active instructor post); and the joint pairs ``branch``,
        ``unit``, ``via`` (the first way of ``joint_via`` that holds), one row per pair,
        sorted by branch and unit.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import AuditContext, load_policy
    >>> ctx = AuditContext(pl.datasets.house(), pd.Timestamp("2025-06-30"))
    >>> cov, joint = enterprise_coverage(ctx, load_policy().rule("enterprise_branch").params)
    >>> cov[["id", "own", "joint", "instructor"]].values.tolist(), len(joint)
    ([['E1', True, False, True]], 0)
    """
    key = ("coverage", params["node_type"], tuple(params["group_subtypes"]),
           tuple(params["joint_via"]), tuple(params["instructor_roles"]))
    if key in ctx.cache:
        return ctx.cache[key]
    ids = ctx.of_type(params["node_type"])
    _, real = _branch_kinds(ctx, params["group_subtypes"])
    is_real = ctx.of_type("branch")
    sub = ctx.attr("subtype").reindex(is_real)
    is_real = is_real[~sub.isin(params["group_subtypes"]).to_numpy()]
    pairs = []
    via = params["joint_via"]

    def add(b, u, how: str) -> None:
        m = b.isin(is_real).to_numpy() & u.isin(ids).to_numpy()
        pairs.append(pd.DataFrame({"branch": b[m].to_numpy(), "unit": u[m].to_numpy(),
                                   "via": how}))

    for how in via:
        if how in ("hosted_by", "covers"):
            e = ctx.edges_of(how)
            add(e["source"], e["target"], how)
        elif how == "membership":
            mo = ctx.edges_of("member_of")
            add(mo["target"], mo["source"].map(ctx.home), how)
        elif how == "co_building":
            cb = ctx.edges_of("co_building")
            add(cb["source"], cb["target"], how)
            add(cb["target"], cb["source"], how)
        elif how == "located_in_grid":
            li = ctx.edges_of("located_in")
            li = li[li["source"].isin(ids).to_numpy()
                    & (li["target"].map(ctx.types) == "grid").to_numpy()]
            gb = pd.DataFrame({"branch": real.index.to_numpy(), "grid": real.to_numpy()})
            j = li.merge(gb, left_on="target", right_on="grid")
            add(j["branch"], j["source"], how)
    jp = (pd.concat(pairs, ignore_index=True) if pairs
          else pd.DataFrame({"branch": [], "unit": [], "via": []}, dtype=object))
    # a branch's own host is not a joint unit of it; neither is a unit without a host
    jp = jp[(jp["branch"].map(real) != jp["unit"]).to_numpy()
            & jp["branch"].isin(real.index).to_numpy()]
    jp = jp.drop_duplicates(["branch", "unit"]).sort_values(["branch", "unit"], kind="stable")
    jp = jp.reset_index(drop=True)
    ins = ctx.ties_of("part_time_post", roles=params["instructor_roles"])["v"]
    pm = ctx.attr("party_members").reindex(ids)
    cov = pd.DataFrame({
        "id": ids.to_numpy(), "zone": ctx.zones.reindex(ids).to_numpy(),
        "party_members": pd.array(pd.to_numeric(pm, errors="coerce"), dtype="Int64"),
        "own": ids.isin(real.to_numpy()),
        "joint": ids.isin(jp["unit"].to_numpy()),
        "instructor": ids.isin(ins.to_numpy()),
    })
    ctx.cache[key] = (cov, jp)
    return cov, jp


def branch_coverage(ctx: AuditContext, rule) -> pd.DataFrame:
    """Party organizations cover the enterprises (the 3-member rule) and have a sound size.

    Definition, on the audit date, for each unit e of ``node_type`` with ``m`` formal
    party members (``party_members``; missing counts as fewer than ``min_members``):

    - *own branch*: a branch (subtype not in ``group_subtypes``) is hosted by e (e is its
      host in the projection);
    - *joint branch*: a branch hosted by another unit covers e in one of the ways of
      ``joint_via`` (:func:`enterprise_coverage`): a further ``hosted_by`` edge to e, a
      ``covers`` edge to e, a party member of e (``works_at`` e) who is ``member_of`` the
      branch, a ``co_building`` edge with e, or e ``located_in`` the grid hosting it;
    - *instructor*: an active ``part_time_post`` tie into e with a role of
      ``instructor_roles`` (work coverage, 工作覆盖).

    Findings (``checks``): ``coverage``: m >= ``min_members`` and neither own nor joint
    branch; or ``cover_min_members`` <= m < ``min_members`` and no own branch, joint
    branch or instructor. ``own_branch``: m >= ``min_members``, no own branch, but in a
    joint branch (the 支部工作条例: 3 or more formal members form their own branch; a
    joint branch is for units with fewer); ``related_ids`` = the joint branches.
    ``branch_size``: a branch whose subtype is in ``split_subtypes`` (or missing) has
    more than ``max_branch_members`` active ``member_of`` edges. ``joint_size``: a joint
    branch covers more than ``max_joint_units`` units that host no branch of their own.
    When the data has no ``party_members`` (or it is empty for every unit of
    ``node_type``), ``coverage`` and ``own_branch`` cannot tell 3 members from fewer:
    one finding with no ``node_id`` (issue ``unchecked``) says so, and ``coverage``
    reports only the units with no branch, joint branch or instructor at all.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import check
    >>> nodes = pd.DataFrame({"id": ["E1", "E2", "K1", "C1"], "zone": "Z",
    ...     "type": ["enterprise", "enterprise", "cadre", "community"],
    ...     "party_members": [5, 2, None, None]})
    >>> edges = pd.DataFrame({"source": ["K1", "K1"], "target": ["C1", "E2"],
    ...     "type": ["works_at", "part_time_post"], "role": [None, "instructor"]})
    >>> f = check(pl.from_frames(nodes, edges), "branch_coverage", as_of="2025-06-30")
    >>> f["message"].tolist()
    ['E1 has 5 formal party members (3 or more) but neither a branch of its own nor a joint branch']
    """
    p = rule.params
    cov, jp = enterprise_coverage(ctx, p)
    names, zones = ctx.names, ctx.zones
    checks = set(p["checks"])
    parts = []
    own_units = set(cov.loc[cov["own"], "id"])
    jp_free = jp[~jp["unit"].isin(own_units).to_numpy()]
    n_cov = jp_free.groupby("branch").size()
    own, joint = cov["own"].to_numpy(), cov["joint"].to_numpy()
    # the member count decides a finding only for a unit with no own branch and either
    # no joint branch (coverage: an instructor suffices below 3) or one (own_branch)
    matters = (("coverage" in checks and (~own & ~joint).any())
               or ("own_branch" in checks and (~own & joint).any()))
    if matters and not ctx.known("party_members", p["node_type"]):
        parts.append(unchecked(ctx, "unchecked_branch_members", ["party_members"]))
    if "own_branch" in checks:
        big = (cov["party_members"] >= p["min_members"]).fillna(False).to_numpy(bool)
        due = cov[big & ~cov["own"].to_numpy() & cov["joint"].to_numpy()]
        by_unit = jp.groupby("unit")["branch"].agg(list)
        rel = [sorted(by_unit[u]) for u in due["id"]]
        det = [{"issue": "own_branch_due", "party_members": int(m),
                "threshold": p["min_members"], "joint": r}
               for m, r in zip(due["party_members"], rel, strict=True)]
        fld = [{"members": int(m), "min_members": p["min_members"],
                "joint": ctx.join(ctx.name_of(r))}
               for m, r in zip(due["party_members"], rel, strict=True)]
        parts.append(raw_findings(due["id"], rel, det, "rule_branch_own_due",
                                  "sugg_branch_own_due", fld))
    if "coverage" in checks:
        pm = cov["party_members"]
        big = (pm >= p["min_members"]).fillna(False).to_numpy(bool)
        needs = (pm >= p["cover_min_members"]).fillna(True).to_numpy(bool)
        free = ~cov["own"].to_numpy() & ~cov["joint"].to_numpy()
        bad_big = big & free
        bad_small = ~big & needs & free & ~cov["instructor"].to_numpy()
        bad = cov[bad_big | bad_small].reset_index(drop=True)
        is_big = bad_big[bad_big | bad_small]
        # candidates: a joint branch of the zone with room, else a community cadre
        room = n_cov[(n_cov < p["max_joint_units"]).to_numpy()]
        jpool = pd.DataFrame({"id": room.index, "zone": zones.reindex(room.index).to_numpy(),
                              "load": room.to_numpy()})
        small = bad[~is_big]
        jc = pick(jpool, pd.DataFrame({"key": small.index, "zone": small["zone"]}),
                  anywhere=False)["candidate"].to_numpy()
        ic = _instructor_candidates(ctx, small, p["instructor_roles"])
        det, fld, sugg, rel = [], [], [], []
        si = 0
        for i, r in enumerate(bad.itertuples(index=False)):
            members = None if pd.isna(r.party_members) else int(r.party_members)
            d = {"issue": "no_coverage", "party_members": members,
                 "threshold": p["min_members"]}
            f = {"members": "?" if members is None else members, "min_members": p["min_members"]}
            if is_big[i]:
                sugg.append("sugg_branch_own")
                rel.append([])
            else:
                j, c = jc[si], ic[si]
                si += 1
                if j is not None:
                    sugg.append("sugg_branch_joint")
                    f["joint"] = names.get(j, j)
                    d["candidate"] = j
                elif c is not None:
                    sugg.append("sugg_branch_instructor")
                    f["cadre"] = names.get(c, c)
                    home = ctx.home.get(c)
                    f["unit"] = names.get(home, home)
                    d["candidate"] = c
                else:
                    sugg.append("sugg_branch_generic")
                rel.append([])
            det.append(d)
            fld.append(f)
        msg = np.where(is_big, "rule_branch_uncovered_big", "rule_branch_uncovered_small")
        parts.append(raw_findings(bad["id"], rel, det, msg, sugg, fld))
    if "branch_size" in checks:
        # active member_of edges per node, counted on node positions
        e = ctx.g.edges
        tgt = e["target"].cat.codes.to_numpy()[e["type"].isin(["member_of"]).to_numpy()]
        n = np.bincount(tgt, minlength=len(ctx.node_ids))
        pos = np.flatnonzero((ctx.g.nodes["type"] == "branch").to_numpy()
                             & (n > p["max_branch_members"]))
        sub = ctx.attr("subtype").iloc[pos]
        pos = pos[(sub.isin(p["split_subtypes"]) | sub.isna()).to_numpy()]
        big = pd.Series(n[pos], index=ctx.node_ids[pos]).sort_index(kind="stable")
        det = [{"issue": "too_many_members", "count": int(c),
                "threshold": p["max_branch_members"]} for c in big]
        fld = [{"count": int(c), "threshold": p["max_branch_members"]} for c in big]
        parts.append(raw_findings(big.index, [[] for _ in big], det, "rule_branch_size",
                                  "sugg_branch_size", fld))
    if "joint_size" in checks:
        big = n_cov.index[(n_cov > p["max_joint_units"]).to_numpy()]
        over = (jp_free[jp_free["branch"].isin(big).to_numpy()].groupby("branch")["unit"]
                .agg(sorted))
        det = [{"issue": "joint_too_many_units", "count": len(u),
                "threshold": p["max_joint_units"]} for u in over]
        fld = [{"count": len(u), "threshold": p["max_joint_units"]} for u in over]
        parts.append(raw_findings(over.index, over.tolist(), det, "rule_joint_size",
                                  "sugg_joint_size", fld))
    return pd.concat(parts, ignore_index=True) if parts else empty_raw()


def _instructor_candidates(ctx: AuditContext, units: pd.DataFrame, roles) -> list:
    """A community cadre of each unit's zone to serve as instructor: cadres who hold or
    held an instructor post, or have a section or county rank (likely secretaries),
    first; then the fewest active instructor posts; then the id."""
    cad = cadre_table(ctx)
    cad = cad[(cad["home_type"] == "community").to_numpy()]
    if len(cad) == 0 or len(units) == 0:
        return [None] * len(units)
    pt = ctx.edges_of("part_time_post")
    now = pt[pt["role"].isin(roles).to_numpy()]["source"]
    ever = ctx.edges_of("part_time_post", full=True)
    ever = ever[ever["role"].isin(roles).to_numpy()]["source"]
    lead = cad["id"].isin(ever).to_numpy() | cad["rank"].isin(["section", "county"]).to_numpy()
    load = counts(now, cad["id"]).to_numpy() + np.where(lead, 0, 10**6)
    pool = pd.DataFrame({"id": cad["id"].to_numpy(), "zone": cad["zone"].to_numpy(),
                         "load": load})
    got = pick(pool, pd.DataFrame({"key": units.index, "zone": units["zone"]}), anywhere=False)
    return got["candidate"].tolist()


def grid_coverage(ctx: AuditContext, rule) -> pd.DataFrame:
    """Every grid has the party organization and liaisons its level needs.

    Definition, on the audit date, for each grid of ``level`` L:

    - *branch* (L in ``branch_levels``): a branch whose subtype is not in
      ``group_subtypes`` is hosted by the grid, or (``include_located_units``) by a unit
      that is not a grid and is ``located_in`` the grid;
    - *branch or group* (L in ``branch_or_group_levels``): the same, any branch or
      party group;
    - *leader liaison* (L in ``leader_levels``): a ``liaison`` edge from a cadre whose
      ``rank`` is in ``leader_ranks`` to the grid;
    - *department liaison* (L in ``department_levels``): a ``liaison`` edge to the grid
      from an agency, or from a cadre whose home unit is an agency and whose rank is not
      in ``leader_ranks``.

    A finding for each grid and each missing item. Suggestions name the leader (same
    zone first) or the agency of subtype ``department`` with the fewest grid liaisons.
    When no grid has a ``level``, nothing can be checked: one finding with no
    ``node_id`` (issue ``unchecked``) says so.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import check
    >>> nodes = pd.DataFrame({"id": ["G1", "G2", "B1"], "type": ["grid", "grid", "branch"],
    ...                       "zone": "Z", "level": [2, 3, None]})
    >>> edges = pd.DataFrame({"source": ["B1"], "target": ["G1"], "type": ["hosted_by"]})
    >>> f = check(pl.from_frames(nodes, edges), "grid_coverage", as_of="2025-06-30")
    >>> f[["node_id", "message"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['G1', 'level-2 grid G1 has no district-leader liaison'],
     ['G1', 'level-2 grid G1 has no department liaison'],
     ['G2', 'level-3 grid G2 has no party branch or party group']]
    """
    p = rule.params
    grids = ctx.of_type("grid")
    if len(grids) == 0:
        return empty_raw()
    if not ctx.known("level", "grid"):  # no grid has a level: nothing can be checked
        return unchecked(ctx, "unchecked_grid_level", ["level"])
    level = pd.to_numeric(ctx.attr("level").reindex(grids), errors="coerce")
    host, real = _branch_kinds(ctx, p["group_subtypes"])
    have_any, have_real = set(host.to_numpy()), set(real.to_numpy())
    if p["include_located_units"]:
        li = ctx.edges_of("located_in")
        li = li[(li["target"].map(ctx.types) == "grid").to_numpy()
                & (li["source"].map(ctx.types) != "grid").to_numpy()]
        have_any |= set(li["target"][li["source"].isin(have_any)])
        have_real |= set(li["target"][li["source"].isin(have_real)])
    lz = ctx.edges_of("liaison")
    lz = lz[lz["target"].isin(grids).to_numpy()]
    rank = ctx.attr("rank")
    src_rank = lz["source"].map(rank)
    leader = src_rank.isin(p["leader_ranks"]).to_numpy()
    src_type = lz["source"].map(ctx.types)
    src_home_type = lz["source"].map(ctx.home).map(ctx.types)
    dept = ((src_type == "agency") | ((src_type == "cadre") & (src_home_type == "agency"))
            ).to_numpy() & ~leader
    need = [
        ("branch", p["branch_levels"], grids.isin(list(have_real))),
        ("branch_or_group", p["branch_or_group_levels"], grids.isin(list(have_any))),
        ("leader", p["leader_levels"], grids.isin(lz["target"][leader])),
        ("department", p["department_levels"], grids.isin(lz["target"][dept])),
    ]
    rows = []
    for item, levels, ok in need:
        m = level.isin(levels).to_numpy() & ~ok
        rows.append(pd.DataFrame({"grid": grids[m], "item": item,
                                  "level": level[m].astype(int).to_numpy()}))
    gap = pd.concat(rows, ignore_index=True)
    if len(gap) == 0:
        return empty_raw()
    cand = [None] * len(gap)
    zones, names = ctx.zones, ctx.names
    for item in ("leader", "department"):
        m = (gap["item"] == item).to_numpy()
        if not m.any():
            continue
        if item == "leader":
            cad = cadre_table(ctx)
            ok = cad["rank"].isin(p["leader_ranks"]).to_numpy()
            ids = cad["id"][ok]
            pool = pd.DataFrame({"id": ids, "zone": cad["zone"][ok],
                                 "load": counts(lz["source"], ids).to_numpy()})
        else:
            ag = ctx.of_type("agency")
            sub = ctx.attr("subtype").reindex(ag)
            if (sub == "department").any():
                ag = ag[(sub == "department").to_numpy()]
            pool = pd.DataFrame({"id": ag, "zone": zones.reindex(ag).to_numpy(),
                                 "load": counts(lz["source"], ag).to_numpy()})
        got = pick(pool, pd.DataFrame({"key": np.flatnonzero(m),
                                       "zone": zones.reindex(gap["grid"][m]).to_numpy()}))
        for k, c in zip(got["key"], got["candidate"], strict=True):
            cand[k] = c
    det = [{"issue": f"missing_{r.item}", "level": int(r.level)} | ({"candidate": c} if c
                                                                   else {})
           for r, c in zip(gap.itertuples(index=False), cand, strict=True)]
    fld = [{"level": int(r.level), "item": ctx.label("grid_item_", r.item),
            "cand": ctx.candidate(names.get(c) if c else None)}
           for r, c in zip(gap.itertuples(index=False), cand, strict=True)]
    sugg = [f"sugg_grid_{i}" for i in gap["item"]]
    return raw_findings(gap["grid"], [[] for _ in cand], det, "rule_grid_missing", sugg, fld)
