"""The coverage audit written the obvious way with networkx: the benchmark's baseline.

What a capable analyst would write without partylinks: read the CSVs with pandas, build a
``networkx.MultiDiGraph`` from the edge list, check the rows one by one, project onto
units by iterating the edges, then ``nx`` components, bridges and articulation points and
every rule of the default policy by iterating nodes. Same definitions as partylinks
(the unit projection of ``partylinks/graph/projection.py``, every rule of
``partylinks/policies/default.toml``, and every metric table of ``pl.audit``'s
``report.metrics``: isolated, fragile, key_person with the exact ``components_added``,
components, zones, bridges, tie_strength, score and coverage; see
``baseline_networkx_metrics.py``), so the counts must agree table by table.

``run(folder, as_of, report)`` calls ``report(phase, seconds, counts)`` after each phase,
so a run cut short by the benchmark's time limit still says how far it got.
"""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pandas as pd
from baseline_networkx_metrics import (
    bridges_table,
    components_table,
    key_person_table,
    pair_table,
    score_table,
    strength_table,
    zones_table,
)

from partylinks.graph.schema import default_schema

UNIT_TYPES = {"community", "park", "enterprise", "agency", "council", "project", "grid"}
SECTOR = {"community": "community", "park": "park", "enterprise": "enterprise",
          "agency": "government", "council": "government", "project": "project",
          "grid": "grid"}


def _date(text, cache={}):  # noqa: B006 - a deliberate memo of parsed dates
    if text == "":
        return None
    if text not in cache:
        cache[text] = date.fromisoformat(text)
    return cache[text]


def _active(d: dict, day: date) -> bool:
    return (d["start"] is None or d["start"] <= day) and (d["end"] is None or d["end"] >= day)


def run(folder: str | Path, as_of: str, report) -> None:
    folder = Path(folder)
    day = date.fromisoformat(as_of)
    schema = default_schema()
    t = time.perf_counter()

    def phase(name: str, **counts) -> None:
        nonlocal t
        now = time.perf_counter()
        report(name, now - t, counts)
        t = time.perf_counter()

    nodes = pd.read_csv(folder / "nodes.csv", dtype=str, keep_default_na=False)
    edges = pd.read_csv(folder / "edges.csv", dtype=str, keep_default_na=False)
    events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    phase("read")

    G = nx.MultiDiGraph()
    G.add_nodes_from((r["id"], r) for r in nodes.to_dict("records"))
    G.add_edges_from((r["source"], r["target"], r) for r in edges.to_dict("records"))
    phase("build graph")

    # -- validate: every row, one at a time
    errors = 0
    errors += len(nodes) - nodes["id"].nunique()
    for s, d, data in G.edges(data=True):
        spec = schema.edge_types.get(data["type"])
        st, tt = G.nodes[s].get("type"), G.nodes[d].get("type")
        if spec is None or st not in spec.sources or tt not in spec.targets:
            errors += 1
        data["start"], data["end"] = _date(data["start"]), _date(data["end"])
        if data["start"] and data["end"] and data["end"] < data["start"]:
            errors += 1
    rt = nx.DiGraph((s, d) for s, d, k in G.edges(data="type") if k == "reports_to")
    errors += 0 if nx.is_directed_acyclic_graph(rt) else 1
    phase("validate", errors=errors)

    # -- project onto units
    ntype = dict(G.nodes(data="type"))
    host, home, via_branch = {}, {}, {}
    for s, d, data in G.edges(data=True):
        if data["type"] == "hosted_by":
            host[s] = d
        elif data["type"] == "works_at" and data["end"] is None:
            home[s] = d
        elif data["type"] == "member_of":
            via_branch[s] = d
    for c, b in via_branch.items():
        if c not in home and b in host:
            home[c] = host[b]

    def unit(n):
        t_ = ntype.get(n)
        return n if t_ in UNIT_TYPES else host.get(n) if t_ == "branch" else home.get(n)

    U = nx.Graph()
    U.add_nodes_from(n for n, t_ in ntype.items() if t_ in UNIT_TYPES)
    carriers = defaultdict(set)
    ties = []
    for i, (s, d, data) in enumerate(G.edges(data=True)):
        if not schema.edge_types[data["type"]].tie or not _active(data, day):
            continue
        u, v = unit(s), unit(d)
        if u is None or v is None or u == v:
            continue
        c = s if ntype[s] == "cadre" else f"edge:{i}"
        U.add_edge(u, v)
        carriers[u].add(c)
        carriers[v].add(c)
        ties.append((u, v, data["type"], data["role"], c))
    phase("project", ties=len(ties))

    # -- metrics: every table of report.metrics
    isolated = [n for n in U if U.degree(n) == 0]
    fragile = [n for n in U if len(carriers[n]) == 1]
    sole = {n: next(iter(carriers[n])) for n in fragile}
    fragile_rows = [{"id": n, "n_carriers": 1, "sole_carrier": c,
                     "sole_carrier_kind": "cadre" if ntype.get(c) == "cadre" else "edge"}
                    for n, c in sole.items()]
    phase("isolated and fragile", isolated=len(isolated),
          fragile_by_cadre=sum(ntype.get(c) == "cadre" for c in sole.values()))
    n_comp = nx.number_connected_components(U)
    phase("components", components=n_comp)
    bridge_list = list(nx.bridges(U))
    phase("bridges", bridges=len(bridge_list))
    n_art = sum(1 for _ in nx.articulation_points(U))
    phase("articulation points", articulation_points=n_art)

    zone_of = {n: G.nodes[n].get("zone", "") for n in U}
    pairs = pair_table(ties)
    bridge_set = {(a, b) if a < b else (b, a) for a, b in bridge_list}
    kp = key_person_table(U, ties, pairs, bridge_set, ntype)
    phase("metrics: key persons", key_persons=sum(r["n_isolated"] > 0 for r in kp),
          t_key_person_rows=len(kp),
          t_key_person_isolated=sum(r["n_isolated"] for r in kp),
          t_key_person_added=sum(r["components_added"] for r in kp))
    comps = components_table(U, ntype, zone_of)
    zones = zones_table(U, ntype, zone_of)
    phase("metrics: components and zones", t_components_rows=len(comps),
          t_components_councils=sum(r["has_council"] for r in comps),
          t_zones_rows=len(zones), t_zones_components=sum(r["components"] for r in zones),
          t_zones_reach=sum(r["community_park"] + r["community_enterprise"]
                            + r["park_enterprise"] for r in zones))
    br = bridges_table(bridge_list, pairs)
    st = strength_table(pairs, events, unit, day)
    sc = score_table(U, set(fragile), bridge_list, st)
    phase("metrics: bridges, strength, score", t_bridges_rows=len(br),
          t_bridges_ties=sum(r["n_ties"] for r in br),
          t_tie_strength_rows=len(st), t_tie_strength_activity=sum(r["activity"] for r in st),
          t_tie_strength_mean=round(sum(r["strength"] for r in st) / max(len(st), 1), 4),
          t_score_rows=len(sc), t_score_mean=round(sum(r["score"] for r in sc)
                                                   / max(len(sc), 1), 4),
          t_score_on_bridge=sum(r["on_bridge"] for r in sc))
    tables = {"isolated": isolated, "fragile": fragile_rows, "key_person": kp,
              "components": comps, "zones": zones, "bridges": br, "tie_strength": st,
              "score": sc}

    findings = [("isolated_units", n) for n in isolated]
    findings += [("fragile_units", n) for n, c in sole.items() if ntype.get(c) == "cadre"]
    findings += [("key_persons", r["cadre"]) for r in kp]
    coverage = []
    findings += _rules(G, U, ntype, host, home, ties, events, day, coverage)
    tables["coverage"] = coverage
    phase("rules", one_way=sum(f[0] == "mutual_appointments" for f in findings),
          incomplete_teams=len({f[1] for f in findings if f[0] == "project_team"}),
          findings=len(findings), t_isolated_rows=len(isolated),
          t_fragile_rows=len(fragile_rows), t_coverage_rows=len(coverage),
          t_coverage_own=sum(r["own"] for r in coverage),
          t_coverage_joint=sum(r["joint"] for r in coverage),
          t_coverage_instructor=sum(r["instructor"] for r in coverage),
          **{f"rule_{k}": v for k, v in _by_rule(findings).items()})

    with open(folder / "findings_networkx.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["rule", "node_id"])
        w.writerows(findings)
    phase("write findings")


def _by_rule(findings) -> dict:
    out = defaultdict(int)
    for r, _ in findings:
        out[r] += 1
    return dict(out)


QUALIFIED = {  # partylinks/rules/teams.py QUALIFIED: who may hold each 1+1+1 role
    "coordinator": lambda c, h: c.get("rank") == "section" and h.get("type") == "agency"
    and h.get("enterprise_facing") == "true",
    "policy": lambda c, h: c.get("rank") == "section" and h.get("type") == "agency"
    and h.get("subtype") == "township",
    "support": lambda c, h: c.get("is_young") == "true",
}


def _rules(G, U, ntype, host, home, ties, events, day: date,
           coverage: list) -> list[tuple[str, str]]:
    out = []
    attr = G.nodes
    # mutual appointments: community-enterprise pairs with a part-time post one way only
    posts = {(u, v) for u, v, tp, _, _ in ties if tp == "part_time_post"
             and {ntype[u], ntype[v]} == {"community", "enterprise"}}
    out += [("mutual_appointments", u) for u, v in posts if (v, u) not in posts]

    for n, t_ in ntype.items():
        a = attr[n]
        if t_ == "project":  # 1+1+1 team
            held = defaultdict(set)  # role -> active holders (missing or expired: none)
            for s, _, d in G.in_edges(n, data=True):
                if d["type"] == "service_pairing" and _active(d, day):
                    held[d["role"]].add(s)
            for role in ("coordinator", "policy", "support"):
                if not held[role]:
                    out.append(("project_team", n))
            by_cadre = defaultdict(int)
            for cs in held.values():
                for c in cs:
                    by_cadre[c] += 1
            out += [("project_team", n) for c, k in by_cadre.items() if k > 1]
            for role, check in QUALIFIED.items():  # team_qualification
                out += [("team_qualification", n) for c in held[role]
                        if not check(attr[c], attr[home[c]] if c in home else {})]
        elif t_ == "council":  # composition and convenor
            ins = [(s, d) for s, _, d in G.in_edges(n, data=True) if _active(d, day)]
            sectors = {SECTOR.get(ntype[s]) for s, d in ins if d["type"] == "council_member"}
            out += [("council_composition", n) for sec in ("community", "park", "enterprise")
                    if sec not in sectors]
            if not any(d["type"] == "convenes" for _, d in ins):
                out.append(("council_composition", n))
        elif t_ == "enterprise":  # branch coverage
            own = any(d["type"] == "hosted_by" and attr[s]["subtype"] != "group"
                      for s, _, d in G.in_edges(n, data=True))
            joint = any(d["type"] == "co_building" and ntype[s] == "branch"
                        for s, _, d in G.in_edges(n, data=True) if _active(d, day))
            joint |= any(d["type"] == "located_in" and ntype[g] == "grid" and any(
                e["type"] == "hosted_by" for _, _, e in G.in_edges(g, data=True))
                for _, g, d in G.out_edges(n, data=True))
            instr = any(d["type"] == "part_time_post" and d["role"] == "instructor"
                        for _, _, d in G.in_edges(n, data=True) if _active(d, day))
            pm = int(a["party_members"] or 0)
            coverage.append({"id": n, "zone": a["zone"], "party_members": pm, "own": own,
                             "joint": joint, "instructor": instr})
            if (pm >= 3 and not (own or joint)) or (pm < 3 and not (own or joint or instr)):
                out.append(("enterprise_branch", n))
        elif t_ == "branch":  # branch size; joint branch size
            members = sum(1 for _, _, d in G.in_edges(n, data=True)
                          if d["type"] == "member_of" and _active(d, day))
            if a["subtype"] == "branch" and members > 50:
                out.append(("branch_size", n))
            covered = {v for _, v, d in G.out_edges(n, data=True)
                       if d["type"] == "co_building" and ntype[v] in UNIT_TYPES
                       and _active(d, day)}
            if ntype.get(host.get(n)) == "grid":
                covered |= {s for s, _, d in G.in_edges(host[n], data=True)
                            if d["type"] == "located_in" and ntype[s] in UNIT_TYPES}
            unbranched = [u for u in covered if not any(
                d["type"] == "hosted_by" for _, _, d in G.in_edges(u, data=True))]
            if len(unbranched) > 5:
                out.append(("joint_branch_size", n))
        elif t_ == "grid":
            ins = [(s, d) for s, _, d in G.in_edges(n, data=True) if _active(d, day)]
            branch = any(d["type"] == "hosted_by" for _, d in ins)
            staff = any(d["type"] == "grid_staff" for _, d in ins)
            if a["level"] == "2":
                leader = any(d["type"] == "liaison" and attr[s].get("rank") == "county"
                             for s, d in ins)
                dept = any(d["type"] == "liaison" and ntype[s] == "agency" for s, d in ins)
                out += [("grid_organization", n)] * (3 - branch - leader - dept)
            elif a["level"] == "3" and not branch:
                out.append(("grid_organization", n))
            if not staff:
                out.append(("grid_staffed", n))
        elif t_ == "community" and a["subtype"] == "compound":
            if not any(d["type"] == "registers_at" and _active(d, day)
                       for _, _, d in G.in_edges(n, data=True)):
                out.append(("compound_registration", n))

    # council meetings in the last 92 days
    last = {}
    for r in events.itertuples(index=False):
        if r.kind == "joint_meeting":
            c = r.units.split(";")[0]
            last[c] = max(last.get(c, ""), r.date)
    since = (day - timedelta(days=92)).isoformat()
    out += [("council_meetings", n) for n, t_ in ntype.items()
            if t_ == "council" and last.get(n, "") < since]
    # reach: community, park and enterprise units within 2 ties of their zone's council
    council_of = {attr[n]["zone"]: n for n, t_ in ntype.items() if t_ == "council"}
    near = {c: nx.single_source_shortest_path_length(U, c, cutoff=2)
            for c in council_of.values()}
    for n in U:
        c = council_of.get(attr[n]["zone"])
        if ntype[n] in ("community", "park", "enterprise") and c and U.degree(n) > 0 \
                and n not in near[c]:
            out.append(("council_reach", n))
    return out
