"""Rules on who holds posts: ``team`` (the 1+1+1 project teams) and ``composition``
(the members and convenor of each council)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._candidates import cadre_table, counts, pick
from ._context import AuditContext, empty_raw, raw_findings, unchecked
from ._params import Param

__all__ = ["team", "composition", "PARAMS", "QUALIFIED"]

PARAMS = {
    "team": {
        "node_type": Param("str", "project", doc="type of the nodes that need a team"),
        "tie_type": Param("str", "service_pairing", doc="edge type of a team appointment"),
        "roles": Param("list[str]", ["coordinator", "policy", "support"],
                       doc="the roles every team needs, each held by a different cadre"),
        "checks": Param("list[str]", ["missing", "expired", "duplicate"],
                        ("missing", "expired", "duplicate", "qualification"),
                        doc="which problems to report"),
    },
    "composition": {
        "node_type": Param("str", "council", doc="type of the councils"),
        "sectors": Param("list[str]", ["community", "park", "enterprise"],
                         ("community", "park", "enterprise", "government", "project", "grid"),
                         doc="sectors that must each have a member unit"),
        "convenor": Param("bool", True, doc="a council needs an active convenes edge"),
    },
}

QUALIFIED = {
    "coordinator": "section-rank cadre whose home unit is an agency with enterprise_facing",
    "policy": "section-rank cadre whose home unit is an agency of subtype township",
    "support": "young cadre (is_young) whose home unit is an agency",
}
"""Who qualifies for each 1+1+1 role (the seed's definition: three government cadres);
other roles: any cadre. A cadre of a unit the project serves never qualifies."""

NEEDS = {
    "coordinator": (("rank", ("cadre",)), ("enterprise_facing", ("agency",))),
    "policy": (("rank", ("cadre",)), ("subtype", ("agency",))),
    "support": (("is_young", ("cadre",)),),
}
"""The node columns (and the node types that hold them) each role's qualification reads.
When one of them is absent or empty the role's qualification is not checked: one
``unchecked`` finding says so instead."""


def _qualifies(c: pd.DataFrame, role: str) -> np.ndarray:
    """Cadres the data shows to qualify (unknown values do not qualify)."""
    agency = (c["home_type"] == "agency").to_numpy()
    section = (c["rank"] == "section").to_numpy()
    if role == "coordinator":
        return section & agency & c["home_enterprise_facing"].to_numpy(bool)
    if role == "policy":
        return section & agency & (c["home_subtype"] == "township").to_numpy()
    if role == "support":
        return c["is_young"].to_numpy(bool) & agency
    return np.ones(len(c), dtype=bool)


def _fails(c: pd.DataFrame, role: str) -> np.ndarray:
    """Cadres the data shows **not** to qualify: a known value contradicts the role
    (a missing rank, home unit, subtype, enterprise_facing or is_young is unknown, not
    a failure)."""
    known_home = c["home_type"].notna().to_numpy()
    agency = (c["home_type"] == "agency").to_numpy()
    not_agency = known_home & ~agency
    rank = c["rank"]
    bad_rank = (rank.notna() & (rank != "section")).to_numpy()
    if role == "coordinator":
        ef = c["home_enterprise_facing_value"]
        return bad_rank | not_agency | (agency & ef.notna().to_numpy()
                                        & (ef != True).to_numpy())  # noqa: E712
    if role == "policy":
        sub = c["home_subtype"]
        return bad_rank | not_agency | (agency & sub.notna().to_numpy()
                                        & (sub != "township").to_numpy())
    if role == "support":
        y = c["is_young_value"]
        return not_agency | (y.notna().to_numpy() & (y != True).to_numpy())  # noqa: E712
    return np.zeros(len(c), dtype=bool)


def served_units(ctx: AuditContext, projects, tie_type: str) -> pd.DataFrame:
    """The units each project serves: ``project``, ``unit`` for every edge of the full
    graph (any type but ``tie_type``, either direction) between a project and a unit
    that is not an agency, council or project (the enterprise, park or community the
    project is for, e.g. a ``co_building`` row)."""
    e = ctx.full.edges
    pcodes = ctx.full.node_codes(list(projects))  # only the rows that touch a project
    touch = (np.isin(e["source"].cat.codes.to_numpy(), pcodes)
             | np.isin(e["target"].cat.codes.to_numpy(), pcodes))
    e = e[touch & (e["type"] != tie_type).to_numpy()]
    src, dst = e["source"].astype(object), e["target"].astype(object)
    rows = []
    for p, u in ((src, dst), (dst, src)):
        m = p.isin(projects).to_numpy() & u.map(ctx.types).isin(
            ["enterprise", "park", "community", "grid"]).to_numpy()
        rows.append(pd.DataFrame({"project": p[m].to_numpy(), "unit": u[m].to_numpy()}))
    return pd.concat(rows, ignore_index=True).drop_duplicates().reset_index(drop=True)


def team(ctx: AuditContext, rule) -> pd.DataFrame:
    """Every project has each role of ``roles`` held by a distinct cadre, active on the
    audit date (the "1+1+1" team).

    Definition: the appointments are the ``tie_type`` edges from a cadre to a
    ``node_type`` node, read from the **full** graph (so an expired appointment can be
    told from a missing one). An appointment is *active* when ``start <= as_of <= end``
    (missing dates are open). For each project and each role of ``roles``:

    - ``expired``: no active appointment, but one whose ``end`` is before ``as_of``;
    - ``missing``: no active appointment and none that expired (one that starts after
      ``as_of`` does not count);
    - ``duplicate``: one cadre holds two or more of the roles actively (one finding per
      cadre, ``related_ids`` = [the cadre]);
    - ``qualification``: the data shows that an active holder does not qualify for the
      role (:data:`QUALIFIED`: coordinator = section rank in an enterprise-facing agency,
      policy = section rank in a township, support = a young cadre of an agency; a value
      the data does not give is unknown, not a failure: :func:`_fails`), or the holder
      works at a unit the project serves (:func:`served_units`; issue ``served_unit``).
      When a column a role needs (:data:`NEEDS`: ``rank``, ``enterprise_facing``,
      ``subtype``, ``is_young``) is absent or empty, that role is not checked and one
      finding with no ``node_id`` (issue ``unchecked``, ``missing_columns``) says so.

    Only the problems listed in ``checks`` are reported. Suggestions name a candidate
    from the role's pool: the cadres who qualify (:func:`_qualifies`, so always cadres of
    an agency, never of the served unit), not already on the team, of the project's zone
    (else of any zone), with the fewest active appointments, then the smallest id.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import check
    >>> nodes = pd.DataFrame({"id": ["A1", "J1", "K1"], "type": ["agency", "project", "cadre"],
    ...                       "zone": "Z"})
    >>> edges = pd.DataFrame({"source": ["K1", "K1", "K1"], "target": ["A1", "J1", "J1"],
    ...     "type": ["works_at", "service_pairing", "service_pairing"],
    ...     "role": [None, "coordinator", "policy"]})
    >>> f = check(pl.from_frames(nodes, edges), "team", as_of="2025-06-30")
    >>> [(d["issue"], d.get("missing_role")) for d in f["detail"]]
    [('missing_role', 'support'), ('duplicate_cadre', None)]
    """
    p = rule.params
    projects = ctx.of_type(p["node_type"])
    if len(projects) == 0:
        return empty_raw()
    roles = list(p["roles"])
    e = ctx.edges_of(p["tie_type"], full=True)
    e = e[e["target"].isin(projects).to_numpy() & e["role"].isin(roles).to_numpy()]
    st, en = e["start"], e["end"]
    d = ctx.as_of
    active = ((st.isna() | (st <= d)) & (en.isna() | (en >= d))).to_numpy()
    expired = (en < d).fillna(False).to_numpy(bool)
    act = e[active]
    cad = cadre_table(ctx)
    load = counts(ctx.edges_of(p["tie_type"])["source"], cad["id"]).to_numpy()
    on_team = act.groupby("target")["source"].agg(list)
    names = ctx.names
    zones = ctx.zones
    checks = set(p["checks"])
    parts = []

    def suggest(rows: pd.DataFrame) -> list:
        """Candidate per row (``project``, ``role``, optional ``source``: a cadre to
        avoid, e.g. the holder of an expired appointment)."""
        out = [None] * len(rows)
        for role in rows["role"].unique():
            m = (rows["role"] == role).to_numpy()
            key = ("qualifies", role)  # over the whole cadre table: once per audit
            if key not in ctx.cache:
                ctx.cache[key] = _qualifies(cad, role)
            ok = ctx.cache[key]
            pool = pd.DataFrame({"id": cad["id"][ok], "zone": cad["zone"][ok],
                                 "load": load[ok]})
            req = pd.DataFrame({"key": np.flatnonzero(m),
                                "zone": zones.reindex(rows["project"][m]).to_numpy(),
                                "exclude": on_team.reindex(rows["project"][m]).to_numpy()})
            gone = rows["source"][m] if "source" in rows else [None] * int(m.sum())
            req["exclude"] = [(x if isinstance(x, list) else []) + ([s] if isinstance(s, str)
                                                                     else [])
                              for x, s in zip(req["exclude"], gone, strict=True)]
            got = pick(pool, req)
            for k, c in zip(got["key"], got["candidate"], strict=True):
                out[k] = c
        return out

    # missing and expired roles
    if checks & {"missing", "expired"}:
        grid = pd.MultiIndex.from_product([projects, roles], names=["project", "role"])
        held = pd.MultiIndex.from_frame(act[["target", "role"]]).unique()
        gap = grid[~grid.isin(held)].to_frame(index=False)
        ex = e[expired].sort_values(["end", "source"]).groupby(["target", "role"]).last()
        gap = gap.join(ex[["source", "end"]], on=["project", "role"])
        gap["kind"] = np.where(gap["source"].notna(), "expired", "missing")
        gap = gap[gap["kind"].isin(checks).to_numpy()].reset_index(drop=True)
        if len(gap):
            cand = suggest(gap)
            det, rel, fld, msg, sugg = [], [], [], [], []
            for r, c in zip(gap.itertuples(index=False), cand, strict=True):
                f = {"role": ctx.label("role_", r.role), "cand": ctx.candidate(
                     names.get(c) if c else None), "expected": ctx.label("team_expect_", r.role)}
                if r.kind == "expired":
                    end = pd.Timestamp(r.end).date().isoformat()
                    det.append({"issue": "expired_role", "role": r.role, "cadre": r.source,
                                "end": end})
                    rel.append([r.source])
                    f.update(cadre=names.get(r.source, r.source), end=end)
                    msg.append("rule_team_expired")
                    sugg.append("sugg_team_renew")
                else:
                    det.append({"issue": "missing_role", "missing_role": r.role})
                    rel.append([])
                    msg.append("rule_team_missing")
                    sugg.append("sugg_team_role")
                if c:
                    det[-1]["candidate"] = c
                fld.append(f)
            parts.append(raw_findings(gap["project"], rel, det, msg, sugg, fld))

    if "duplicate" in checks and len(act):
        n_roles = act.groupby(["target", "source"], sort=True)["role"].nunique()
        pairs = n_roles.index[(n_roles > 1).to_numpy()]
        both = act.set_index(["target", "source"])
        per = (both[both.index.isin(pairs)].groupby(level=[0, 1], sort=True)["role"]
               .agg(lambda s: sorted(set(s), key=roles.index)))
        dup = per.reset_index()
        if len(dup):
            dup["role"] = [r[1] for r in dup["role"]]  # the second role gets a new holder
            dup = dup.rename(columns={"target": "project"})
            roles_held = per.tolist()
            cand = suggest(dup)
            det, fld = [], []
            for r, held, c in zip(dup.itertuples(index=False), roles_held, cand, strict=True):
                det.append({"issue": "duplicate_cadre", "cadre": r.source, "roles": held}
                           | ({"candidate": c} if c else {}))
                fld.append({"cadre": names.get(r.source, r.source),
                            "roles": ctx.join(ctx.label("role_", x) for x in held),
                            "keep": ctx.label("role_", held[0]),
                            "role": ctx.label("role_", r.role),
                            "expected": ctx.label("team_expect_", r.role),
                            "cand": ctx.candidate(names.get(c) if c else None)})
            parts.append(raw_findings(dup["project"], [[s] for s in dup["source"]], det,
                                      "rule_team_duplicate", "sugg_team_duplicate", fld))

    if "qualification" in checks and len(act):
        parts.extend(_qualification(ctx, act, cad, roles, p["tie_type"], projects, suggest))
    return pd.concat(parts, ignore_index=True) if parts else empty_raw()


def _qualification(ctx: AuditContext, act: pd.DataFrame, cad: pd.DataFrame, roles: list,
                   tie_type: str, projects, suggest) -> list[pd.DataFrame]:
    """The ``qualification`` check of :func:`team`: active holders the data shows not to
    qualify (:func:`_fails`), holders who work at a unit the project serves, and one
    ``unchecked`` finding per role whose columns (:data:`NEEDS`) are absent."""
    names = ctx.names
    parts = []
    holders = cad[cad["id"].isin(act["source"]).to_numpy()]  # merge a few rows, not all
    a = act.merge(holders, left_on="source", right_on="id", how="left")
    bad = np.zeros(len(a), dtype=bool)
    for role in roles:
        m = (a["role"] == role).to_numpy()
        if not m.any():
            continue
        missing = [col for col, types in NEEDS.get(role, ()) if not ctx.known(col, *types)]
        if missing:
            parts.append(unchecked(ctx, f"unchecked_team_{role}", missing))
            continue
        bad[m] = _fails(a[m], role)
    sv = served_units(ctx, projects, tie_type)
    served = pd.MultiIndex.from_arrays([a["target"], a["home"]]).isin(
        pd.MultiIndex.from_frame(sv)) if len(sv) else np.zeros(len(a), dtype=bool)
    a["served"] = served
    q = a[bad | served].sort_values(["target", "role", "source"]).reset_index(drop=True)
    if len(q):
        q["project"] = q["target"]
        cand = suggest(q)
        det, fld = [], []
        for r, c in zip(q.itertuples(index=False), cand, strict=True):
            det.append({"issue": "served_unit" if r.served else "unqualified", "role": r.role,
                        "cadre": r.source} | ({"unit": r.home} if r.served else {})
                       | ({"candidate": c} if c else {}))
            fld.append({"cadre": names.get(r.source, r.source),
                        "role": ctx.label("role_", r.role),
                        "expected": ctx.label("team_expect_", r.role),
                        "unit": names.get(r.home, r.home) if r.served else "",
                        "cand": ctx.candidate(names.get(c) if c else None)})
        msg = np.where(q["served"].to_numpy(bool), "rule_team_served", "rule_team_qualification")
        parts.append(raw_findings(q["target"], [[s] for s in q["source"]], det, msg,
                                  "sugg_team_role", fld))
    return parts


def composition(ctx: AuditContext, rule) -> pd.DataFrame:
    """Every council has a member unit from each of ``sectors`` and a convenor.

    Definition: the members of a council are the units u of the active ties
    ``u -council_member-> council``; their sector is the schema's sector of their type.
    A finding for each (council, sector of ``sectors``) with no member of that sector,
    and, when ``convenor`` is true, for each council with no active ``convenes`` edge.
    The suggestion names the unit of that sector in the council's zone that is not yet
    a member, with the fewest council memberships, then the smallest id.

    Examples
    --------
    >>> import partylinks as pl
    >>> from partylinks.rules import check
    >>> f = check(pl.datasets.house(), "composition", as_of="2025-06-30")
    >>> [d["issue"] for d in f["detail"]]
    ['missing_sector', 'missing_sector', 'missing_convenor']
    """
    p = rule.params
    councils = ctx.of_type(p["node_type"])
    if len(councils) == 0:
        return empty_raw()
    t = ctx.ties_of("council_member")
    mem = t[t["v"].isin(councils).to_numpy()]
    msec = mem["u"].map(ctx.sector)
    have = pd.MultiIndex.from_arrays([mem["v"], msec]).unique()
    grid = pd.MultiIndex.from_product([councils, p["sectors"]], names=["council", "sector"])
    gap = grid[~grid.isin(have)].to_frame(index=False)
    names, zones = ctx.names, ctx.zones
    parts = []
    if len(gap):
        units = ctx.sector.reset_index()
        units.columns = ["id", "sector"]
        units["zone"] = zones.reindex(units["id"]).to_numpy()
        units["load"] = counts(mem["u"], units["id"]).to_numpy()
        members_of = mem.groupby("v")["u"].agg(list)
        out = [None] * len(gap)
        for sec in gap["sector"].unique():
            m = (gap["sector"] == sec).to_numpy()
            req = pd.DataFrame({"key": np.flatnonzero(m),
                                "zone": zones.reindex(gap["council"][m]).to_numpy(),
                                "exclude": [x if isinstance(x, list) else [] for x in
                                            members_of.reindex(gap["council"][m])]})
            got = pick(units[units["sector"] == sec], req, anywhere=False, m=None)
            for k, c in zip(got["key"], got["candidate"], strict=True):
                out[k] = c
        det = [{"issue": "missing_sector", "missing_sector": s} | ({"candidate": c} if c else {})
               for s, c in zip(gap["sector"], out, strict=True)]
        fld = [{"sector": ctx.label("sector_", s), "candidate": names.get(c, c) if c else ""}
               for s, c in zip(gap["sector"], out, strict=True)]
        sugg = ["sugg_composition_sector" if c else "sugg_composition_sector_none" for c in out]
        parts.append(raw_findings(gap["council"], [[] for _ in out], det,
                                  "rule_composition_sector", sugg, fld))
    if p["convenor"]:
        conv = ctx.edges_of("convenes")
        lacking = councils[~councils.isin(conv["target"])]
        if len(lacking):
            cad = cadre_table(ctx)
            ok = (cad["rank"] == "county").to_numpy()
            pool = pd.DataFrame({"id": cad["id"][ok], "zone": cad["zone"][ok],
                                 "load": counts(conv["source"], cad["id"][ok]).to_numpy()})
            got = pick(pool, pd.DataFrame({"key": np.arange(len(lacking)),
                                           "zone": zones.reindex(lacking).to_numpy()}))
            cand = got["candidate"].tolist()
            det = [{"issue": "missing_convenor"} | ({"candidate": c} if c else {}) for c in cand]
            fld = [{"cand": ctx.candidate(names.get(c) if c else None)} for c in cand]
            parts.append(raw_findings(lacking, [[] for _ in cand], det,
                                      "rule_composition_convenor", "sugg_composition_convenor",
                                      fld))
    return pd.concat(parts, ignore_index=True) if parts else empty_raw()
