"""The metric tables of ``pl.audit`` written the obvious way with networkx and dicts.

Used by ``baseline_networkx.py``; each function takes the unit graph ``U`` (an
``nx.Graph`` of units, one edge per tied pair) and the plain Python structures the
projection built, and returns a list of row dicts with the columns of the partylinks
table of the same name (``report.metrics[name]``), under the definitions of the
partylinks docstrings:

- ``key_person`` (``pl.metrics.key_person_risk``): for each cadre carrying a tie, the
  *sole pairs* are the unit pairs all of whose ties that cadre carries; ``isolates`` are
  the units with ties all of whose pairs are sole pairs; ``components_added`` is the
  number of components of the unit graph without the sole pairs minus before. Computed
  exactly: when every sole pair is a bridge (from one ``nx.bridges`` pass) the removal
  adds one component per pair; otherwise, when each removed pair's ends are still joined
  in ``nx.restricted_view`` (``nx.has_path``), nothing is added; otherwise the affected
  components are recounted with ``nx.connected_components`` on their subgraph view with
  the sole pairs hidden. Rows kept: ``n_isolated > 0`` or ``components_added > 0``.
- ``zones`` (``pl.metrics.zone_connectivity``): per zone, the subgraph view induced by
  the zone's units.
- ``tie_strength`` (``pl.metrics.tie_strength``, 90-day window ending at the audit date)
  and ``score`` (``pl.metrics.weak_linkage_score``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations

import networkx as nx

SECTOR = {"community": "community", "park": "park", "enterprise": "enterprise",
          "agency": "government", "council": "government", "project": "project",
          "grid": "grid"}


def pair_table(ties) -> dict:
    """(u, v) with u < v -> {"n_ties", "types", "carriers"} from (u, v, type, role, carrier)."""
    pairs = {}
    for u, v, tp, _, c in ties:
        key = (u, v) if u < v else (v, u)
        p = pairs.get(key)
        if p is None:
            p = pairs[key] = {"n_ties": 0, "types": set(), "carriers": set()}
        p["n_ties"] += 1
        p["types"].add(tp)
        p["carriers"].add(c)
    return pairs


def components_table(U, ntype, zone_of) -> list[dict]:
    rows = []
    for i, comp in enumerate(nx.connected_components(U)):
        rows.append({"component": i, "size": len(comp),
                     "sectors": ";".join(sorted({SECTOR[ntype[n]] for n in comp})),
                     "zones": ";".join(sorted({zone_of[n] for n in comp if zone_of[n]})),
                     "has_council": any(ntype[n] == "council" for n in comp)})
    return rows


def zones_table(U, ntype, zone_of) -> list[dict]:
    by_zone = defaultdict(list)
    for n in U:
        if zone_of[n]:
            by_zone[zone_of[n]].append(n)
    rows = []
    for z in sorted(by_zone):
        Z = U.subgraph(by_zone[z])
        comps = list(nx.connected_components(Z))
        secs = [{SECTOR[ntype[n]] for n in c} for c in comps]
        rows.append({"zone": z, "units": len(by_zone[z]), "components": len(comps),
                     "largest_share": max(map(len, comps)) / len(by_zone[z]),
                     "community_park": any({"community", "park"} <= s for s in secs),
                     "community_enterprise": any({"community", "enterprise"} <= s
                                                 for s in secs),
                     "park_enterprise": any({"park", "enterprise"} <= s for s in secs)})
    return rows


def bridges_table(bridge_list, pairs) -> list[dict]:
    rows = []
    for a, b in bridge_list:
        u, v = (a, b) if a < b else (b, a)
        p = pairs[(u, v)]
        rows.append({"u": u, "v": v, "n_ties": p["n_ties"],
                     "tie_types": ";".join(sorted(p["types"])),
                     "carriers": ";".join(sorted(p["carriers"]))})
    return sorted(rows, key=lambda r: (r["u"], r["v"]))


def key_person_table(U, ties, pairs, bridge_set, ntype) -> list[dict]:
    n_ties = defaultdict(int)
    for _, _, _, _, c in ties:
        if ntype.get(c) == "cadre":
            n_ties[c] += 1
    sole = defaultdict(list)  # cadre -> the pairs only that cadre carries
    for key, p in pairs.items():
        if len(p["carriers"]) == 1:
            c = next(iter(p["carriers"]))
            if ntype.get(c) == "cadre":
                sole[c].append(key)
    comp_of = {}
    for i, comp in enumerate(nx.connected_components(U)):
        for n in comp:
            comp_of[n] = (i, comp)
    rows = []
    for c, lost in sole.items():
        lost_at = defaultdict(int)
        for u, v in lost:
            lost_at[u] += 1
            lost_at[v] += 1
        isolates = sorted(n for n, k in lost_at.items() if k == U.degree(n))
        if all(e in bridge_set for e in lost):
            added = len(lost)
        else:
            H = nx.restricted_view(U, [], lost)
            if all(nx.has_path(H, u, v) for u, v in lost):
                added = 0
            else:
                added = 0
                for comp in {comp_of[u][0]: comp_of[u][1] for u, _ in lost}.values():
                    added += nx.number_connected_components(H.subgraph(comp)) - 1
        if isolates or added:
            rows.append({"cadre": c, "n_ties": n_ties[c], "isolates": isolates,
                         "n_isolated": len(isolates), "components_added": added})
    rows.sort(key=lambda r: (-r["n_isolated"], -r["components_added"], -r["n_ties"],
                             r["cadre"]))
    for i, r in enumerate(rows):
        r["rank"] = i + 1
    return rows


def strength_table(pairs, events, unit, day: date, window_days: int = 90) -> list[dict]:
    since = (day - timedelta(days=window_days)).isoformat()
    end = day.isoformat()
    activity = defaultdict(int)
    for d, units in zip(events["date"], events["units"], strict=True):
        if not (since < d[:10] <= end):
            continue
        us = sorted({u for u in (unit(m) for m in units.split(";") if m) if u is not None})
        for a, b in combinations(us, 2):
            if (a, b) in pairs:
                activity[(a, b)] += 1
    rows = []
    for (u, v), p in sorted(pairs.items()):
        m = min(len(p["types"]) - 1, 2) / 2
        r = min(len(p["carriers"]) - 1, 2) / 2
        act = activity.get((u, v), 0)
        rows.append({"u": u, "v": v, "n_ties": p["n_ties"], "multiplexity": len(p["types"]),
                     "redundancy": len(p["carriers"]), "activity": act,
                     "strength": (m + r + min(act, 1)) / 3})
    return rows


def score_table(U, fragile: set, bridge_list, strength_rows) -> list[dict]:
    on_bridge = {n for e in bridge_list for n in e}
    total, count = defaultdict(float), defaultdict(int)
    for r in strength_rows:
        for n in (r["u"], r["v"]):
            total[n] += r["strength"]
            count[n] += 1
    rows = []
    for n in U:
        if U.degree(n) == 0:
            rows.append({"id": n, "isolated": True, "fragile": False, "on_bridge": False,
                         "n_pairs": 0, "mean_strength": float("nan"), "score": 1.0})
            continue
        ms = total[n] / count[n]
        score = 0.4 * (n in fragile) + 0.2 * (n in on_bridge) + 0.4 * (1 - ms)
        rows.append({"id": n, "isolated": False, "fragile": n in fragile,
                     "on_bridge": n in on_bridge, "n_pairs": count[n], "mean_strength": ms,
                     "score": score})
    rows.sort(key=lambda r: (-r["score"], r["id"]))
    return rows
