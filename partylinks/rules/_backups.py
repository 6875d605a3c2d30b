"""Concrete candidates for the findings on single points of failure (``fragile`` and
``key_person``): who, or which council or unit, would give a second carrier.

Pools, in the order they are tried (the first that has a member is named):

1. **backup colleague**: a cadre with the same home unit as the sole carrier (or the key
   person), not that cadre, carrying the fewest active ties, then the smallest id: the
   same kind of post held by a second person of the same unit makes the ties redundant;
2. (fragile units only) for an **enterprise**: a community cadre of its zone as
   party-building instructor (cadres who hold or held an instructor post, or have a
   section or county rank, first; then the fewest instructor posts); for a **community**:
   a cadre whose home unit is an enterprise of its zone as part-time committee member
   (the fewest part-time posts, then the id); never the sole carrier;
3. (fragile units only) the **council** of the unit's zone it is not yet a member of;
4. (fragile units only) the unit of its zone with the most tied partners, other than
   the unit and those it is tied to already, to **pair with** (co-building).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._candidates import cadre_table, counts, pick
from ._context import AuditContext

__all__ = ["tie_label", "backup_colleagues", "fragile_candidates", "key_person_candidates"]


def tie_label(ctx: AuditContext, tie_type, role) -> str:
    """The role's label when the tie has one, else the edge type's label."""
    if isinstance(role, str) and role:
        return ctx.label("role_", role)
    if isinstance(tie_type, str):
        return ctx.g.schema.label(tie_type, ctx.lang)
    return ctx.text("tie_generic")


def backup_colleagues(ctx: AuditContext, carriers: list) -> list:
    """For each cadre of ``carriers``, a colleague: a cadre with the same home unit, not
    the cadre, with the fewest active ties carried, then the smallest id (None when the
    home unit has no other cadre)."""
    cad = cadre_table(ctx)
    cad = cad[cad["home"].notna().to_numpy()]
    if len(cad) == 0:
        return [None] * len(carriers)
    load = counts(pd.Series(ctx.ties["via"].dropna().to_numpy(), dtype=object), cad["id"])
    pool = pd.DataFrame({"id": cad["id"].to_numpy(), "zone": cad["home"].to_numpy(),
                         "load": load.to_numpy()})
    home = [ctx.home.get(c) for c in carriers]
    req = pd.DataFrame({"key": np.arange(len(carriers)), "zone": home,
                        "exclude": [[c] for c in carriers]})
    return pick(pool, req, anywhere=False)["candidate"].tolist()


def _carried_ties(ctx: AuditContext, cadres) -> dict:
    """Cadre -> the ``(u, v, tie_type, role)`` of the active ties it carries, sorted by
    ``u`` then ``v``; one pass over the tie table for all the cadres asked about."""
    t = ctx.ties
    sub = t[t["via"].isin(set(cadres)).to_numpy()]
    sub = sub.sort_values(["via", "u", "v"], kind="stable")
    out: dict = {}
    for row in zip(sub["via"], sub["u"], sub["v"], sub["tie_type"], sub["role"], strict=True):
        out.setdefault(row[0], []).append(row[1:])
    return out


def _other_end(ctx: AuditContext, unit: str, carrier: str, carried: dict,
               home) -> tuple[str | None, str]:
    """The unit a colleague of ``carrier`` should tie to so that ``unit`` gets a second
    carrier, and the label of the carrier's tie: ``unit`` itself when the carrier works
    elsewhere; else the first unit (by id) the carrier ties ``unit`` to."""
    rows = [r for r in carried.get(carrier, []) if unit in (r[0], r[1])]
    if not rows:
        return None, ctx.text("tie_generic")
    label = tie_label(ctx, rows[0][2], rows[0][3])
    if home != unit:
        return unit, label
    ends = sorted(({r[0] for r in rows} | {r[1] for r in rows}) - {unit})
    return (ends[0] if ends else None), label


def _post_candidates(ctx: AuditContext, units: pd.DataFrame, home_type: str, roles,
                     exclude: list) -> list:
    """A cadre whose home unit is of ``home_type``, in each unit's zone, for a post of
    ``roles`` there: the fewest such posts, then the id; never a cadre of ``exclude``."""
    cad = cadre_table(ctx)
    cad = cad[(cad["home_type"] == home_type).to_numpy()]
    if len(cad) == 0 or len(units) == 0:
        return [None] * len(units)
    pt = ctx.edges_of("part_time_post")
    now = pt[pt["role"].isin(roles).to_numpy()]["source"]
    load = counts(now, cad["id"]).to_numpy()
    if home_type == "community":  # likely secretaries first, as for branch coverage
        ever = ctx.edges_of("part_time_post", full=True)
        ever = ever[ever["role"].isin(roles).to_numpy()]["source"]
        lead = (cad["id"].isin(ever).to_numpy()
                | cad["rank"].isin(["section", "county"]).to_numpy())
        load = load + np.where(lead, 0, 10**6)
    pool = pd.DataFrame({"id": cad["id"].to_numpy(), "zone": cad["zone"].to_numpy(),
                         "load": load})
    req = pd.DataFrame({"key": np.arange(len(units)), "zone": units["zone"].to_numpy(),
                        "exclude": [[c] for c in exclude]})
    return pick(pool, req, anywhere=False)["candidate"].tolist()


def fragile_candidates(ctx: AuditContext, units: list, carriers: list) -> list[dict]:
    """Per fragile unit (with its sole carrier): ``{"sugg": message key, "candidate": id,
    **fields}`` from the first pool of the module docstring that has a member, or
    ``{"sugg": "sugg_fragile"}`` when none has."""
    names, zones = ctx.names, ctx.zones
    out: list[dict] = [{} for _ in units]
    backups = backup_colleagues(ctx, carriers)
    carried = _carried_ties(ctx, [c for c, b in zip(carriers, backups, strict=True) if b])
    for i, (u, c, b) in enumerate(zip(units, carriers, backups, strict=True)):
        if b is None:
            continue
        home = ctx.home.get(c)
        other, label = _other_end(ctx, u, c, carried, home)
        if other is not None:
            out[i] = {"sugg": "sugg_fragile_backup", "candidate": b,
                      "cadre": names.get(b, b), "home": names.get(home, home),
                      "other": names.get(other, other), "tie": label}
    z = pd.DataFrame({"zone": zones.reindex(units).to_numpy()})
    types = [ctx.types.get(u) for u in units]
    for utype, home_type, role, key in (("enterprise", "community", "instructor",
                                         "sugg_fragile_instructor"),
                                        ("community", "enterprise", "part_time_member",
                                         "sugg_fragile_member")):
        todo = [i for i in range(len(units)) if not out[i] and types[i] == utype]
        got = _post_candidates(ctx, z.iloc[todo], home_type, [role],
                               [carriers[i] for i in todo])
        for i, c in zip(todo, got, strict=True):
            if c is not None:
                home = ctx.home.get(c)
                out[i] = {"sugg": key, "candidate": c, "cadre": names.get(c, c),
                          "home": names.get(home, home)}
    todo = [i for i in range(len(units)) if not out[i]]
    if todo:
        member = ctx.ties_of("council_member")
        joined = member.groupby("u")["v"].agg(list)
        councils = ctx.of_type("council")
        cpool = pd.DataFrame({"id": councils, "zone": zones.reindex(councils).to_numpy(),
                              "load": 0})
        req = pd.DataFrame({"key": todo, "zone": z["zone"].to_numpy()[todo],
                            "exclude": [joined.get(units[i], []) for i in todo]})
        got = pick(cpool, req, anywhere=False)["candidate"].tolist()
        for i, c in zip(todo, got, strict=True):
            if c is not None:
                out[i] = {"sugg": "sugg_fragile_council", "candidate": c,
                          "council": names.get(c, c)}
    todo = [i for i in range(len(units)) if not out[i]]
    if todo:
        from ..graph.unitgraph import unit_graph

        ug = unit_graph(ctx.g)
        deg = pd.Series(ug.degree(), index=ug.ids)
        hubs = deg[deg > 0]
        hpool = pd.DataFrame({"id": hubs.index, "zone": zones.reindex(hubs.index).to_numpy(),
                              "load": -hubs.to_numpy()})
        at = pd.Series(np.arange(ug.n), index=pd.Index(ug.ids, dtype=object))
        adj = ug.adj

        def tied(u: str) -> list:  # the unit and its neighbours in the unit graph
            k = int(at[u])
            return [u, *ug.ids[adj.indices[adj.indptr[k]:adj.indptr[k + 1]]].tolist()]

        req = pd.DataFrame({"key": todo, "zone": z["zone"].to_numpy()[todo],
                            "exclude": [tied(units[i]) for i in todo]})
        got = pick(hpool, req, anywhere=False, m=None)["candidate"].tolist()
        for i, c in zip(todo, got, strict=True):
            if c is not None:
                out[i] = {"sugg": "sugg_fragile_pair", "candidate": c,
                          "partner": names.get(c, c)}
    return [o or {"sugg": "sugg_fragile"} for o in out]


def key_person_candidates(ctx: AuditContext, cadres: list, isolates: list) -> list[dict]:
    """Per key person: a backup colleague (pool 1 of the module docstring) and the units
    the colleague should tie to: those of the cadre's isolates that are not the cadre's
    home unit, or, when there are none, every unit the cadre's ties reach besides the
    home unit. ``{"sugg": "sugg_key_person_backup", "candidate": id, **fields}``, or
    ``{}`` when the home unit has no other cadre."""
    names = ctx.names
    out: list[dict] = []
    backups = backup_colleagues(ctx, cadres)
    carried = _carried_ties(ctx, [k for k, b in zip(cadres, backups, strict=True) if b])
    for k, iso, b in zip(cadres, isolates, backups, strict=True):
        home = ctx.home.get(k)
        rows = carried.get(k, [])
        reach = sorted(({r[0] for r in rows} | {r[1] for r in rows}) - {home})
        targets = [u for u in iso if u != home] or reach
        if b is None or not targets or not rows:
            out.append({})
            continue
        out.append({"sugg": "sugg_key_person_backup", "candidate": b,
                    "cadre": names.get(b, b), "home": names.get(home, home),
                    "targets": ctx.join(names.get(u, u) for u in targets),
                    "tie": tie_label(ctx, rows[0][2], rows[0][3])})
    return out
