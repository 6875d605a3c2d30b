"""The coverage audit written the obvious way with networkx: the benchmark's baseline.

What a capable analyst would write without partylinks: read the CSVs with pandas, build a
``networkx.MultiDiGraph`` from the edge list, check the rows one by one, project onto
units by iterating the edges, then ``nx`` components, bridges and articulation points and
every rule of the default policy by iterating nodes. Same definitions as partylinks
(the unit projection of ``partylinks/graph/projection.py``, the rules of
``partylinks/policies/default.toml``), so the counts must agree. One simplification:
key persons are only the cadres whose transfer isolates a unit (finding the cadres whose
transfer splits a component would mean one connectivity pass per cadre).

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
        t_ = ntype[n]
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
        ties.append((u, v, data["type"], data["role"]))
    phase("project", ties=len(ties))

    # -- metrics
    isolated = [n for n in U if U.degree(n) == 0]
    fragile = [n for n in U if len(carriers[n]) == 1]
    sole = {n: next(iter(carriers[n])) for n in fragile}
    key_persons = {c for c in sole.values() if ntype.get(c) == "cadre"}
    phase("isolated and fragile", isolated=len(isolated),
          fragile_by_cadre=sum(ntype.get(c) == "cadre" for c in sole.values()),
          key_persons=len(key_persons))
    n_comp = nx.number_connected_components(U)
    phase("components", components=n_comp)
    n_bridges = sum(1 for _ in nx.bridges(U))
    phase("bridges", bridges=n_bridges)
    n_art = sum(1 for _ in nx.articulation_points(U))
    phase("articulation points", articulation_points=n_art)

    findings = [("isolated_units", n) for n in isolated]
    findings += [("fragile_units", n) for n, c in sole.items() if ntype.get(c) == "cadre"]
    findings += [("key_persons", c) for c in key_persons]
    findings += _rules(G, U, ntype, host, ties, events, day)
    phase("rules", one_way=sum(f[0] == "mutual_appointments" for f in findings),
          incomplete_teams=len({f[1] for f in findings if f[0] == "project_team"}),
          findings=len(findings))

    with open(folder / "findings_networkx.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["rule", "node_id"])
        w.writerows(findings)
    phase("write findings")


def _rules(G, U, ntype, host, ties, events, day: date) -> list[tuple[str, str]]:
    out = []
    attr = G.nodes
    # mutual appointments: community-enterprise pairs with a part-time post one way only
    posts = {(u, v) for u, v, tp, _ in ties if tp == "part_time_post"
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
