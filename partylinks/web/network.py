"""The data behind the interactive network view: units, tied pairs and weak spots as JSON.

The browser draws it with vis-network (shipped in ``static/vendor``); this module decides
what is drawn: the units of one zone (or all, up to :data:`ZONE_LIMIT` units), one line per
tied pair, the isolated and fragile units and the bridges marked, and for every unit its
ties and its findings for the side panel.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["ZONE_LIMIT", "network_data", "zones_of"]

ZONE_LIMIT = 2000
"""Above this many units the view shows one zone at a time."""

SECTOR_COLORS = {"community": "#2e7d32", "park": "#6a1b9a", "enterprise": "#1565c0",
                 "government": "#5d4037", "project": "#00838f", "grid": "#9e9d24"}


def zones_of(report) -> list[str]:
    """The zones of an audit, in the summary's order (without the total row).

    Examples
    --------
    >>> import partylinks as pl
    >>> zones_of(pl.audit(pl.datasets.house(), as_of="2025-06-30"))
    ['Z1', 'Z2']
    """
    zones = report.metrics["score"]["zone"].dropna().astype(str)
    return sorted(zones.unique().tolist())


def _label(g, name: str, lang: str) -> str:
    try:
        return g.schema.label(name, lang)
    except (KeyError, AttributeError, ValueError):
        return name


def network_data(g, report, zone: str | None = None, lang: str = "zh",
                 limit: int = ZONE_LIMIT) -> dict:
    """The units, pairs and weak spots to draw, for one zone or for all.

    When ``zone`` is None and the audit has more than ``limit`` units, the first zone is
    chosen (``"zone_forced": True``). A pair is drawn when both its units are shown.

    Returns
    -------
    dict
        ``zone``, ``zones``, ``zone_forced``, ``units`` (total), ``nodes`` (``id``,
        ``label``, ``type``, ``sector``, ``zone``, ``color``, ``weak``: isolated / fragile /
        None, ``n_findings``, ``ties``: list of [other name, tie types, via names],
        ``findings``: list of [severity, message, suggestion]), ``edges`` (``from``, ``to``,
        ``n``, ``types``, ``bridge``).

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.datasets.house(); r = pl.audit(g, as_of="2025-06-30")
    >>> d = network_data(g, r, zone="Z1")
    >>> d["zone"], len(d["nodes"]) > 0, {n["zone"] for n in d["nodes"]}
    ('Z1', True, {'Z1'})
    """
    score = report.metrics["score"]
    zones = zones_of(report)
    forced = False
    if zone is None and len(score) > limit and zones:
        zone, forced = zones[0], True
    if zone is not None and zone not in zones:
        raise KeyError(zone)
    units = score if zone is None else score[score["zone"].astype(str) == zone]
    shown = set(units["id"].astype(str))
    names = g.nodes.set_index(g.nodes["id"].astype(str))["name"].astype(str).to_dict()

    ties = g.at(report.as_of).ties()
    ties = ties[ties["u"].astype(str).isin(shown) & ties["v"].astype(str).isin(shown)]
    bridges = report.metrics.get("bridges", pd.DataFrame(columns=["u", "v"]))
    bridge_pairs = {tuple(sorted((str(a), str(b)))) for a, b in zip(bridges["u"], bridges["v"],
                                                                     strict=True)}
    pair_types: dict[tuple, set] = {}
    pair_n: dict[tuple, int] = {}
    unit_ties: dict[str, dict[str, list]] = {}
    for u, v, tt, via in zip(ties["u"].astype(str), ties["v"].astype(str), ties["tie_type"],
                             ties["via"], strict=True):
        key = (u, v) if u < v else (v, u)
        label = _label(g, str(tt), lang)
        pair_types.setdefault(key, set()).add(label)
        pair_n[key] = pair_n.get(key, 0) + 1
        for a, b in ((u, v), (v, u)):
            entry = unit_ties.setdefault(a, {}).setdefault(b, [set(), set()])
            entry[0].add(label)
            if isinstance(via, str) and via:
                entry[1].add(names.get(via, via))

    weak: dict[str, str] = {}
    for uid in report.metrics["fragile"]["id"].astype(str):
        weak[uid] = "fragile"
    for uid in report.metrics["isolated"]["id"].astype(str):
        weak[uid] = "isolated"
    findings: dict[str, list] = {}
    f = report.findings
    for nid, sev, message, suggestion in zip(f["node_id"].astype(str), f["severity"],
                                             f["message"], f["suggestion"], strict=True):
        if nid in shown:
            findings.setdefault(nid, []).append([str(sev), str(message), str(suggestion or "")])

    nodes = []
    for uid, ntype, sector, uzone in zip(units["id"].astype(str), units["type"].astype(str),
                                         units["sector"].astype(str), units["zone"].astype(str),
                                         strict=True):
        ut = unit_ties.get(uid, {})
        nodes.append({
            "id": uid, "label": names.get(uid, uid), "type": _label(g, ntype, lang),
            "sector": sector, "zone": uzone, "color": SECTOR_COLORS.get(sector, "#607d8b"),
            "weak": weak.get(uid), "n_findings": len(findings.get(uid, [])),
            "ties": [[names.get(o, o), "、".join(sorted(t)), "、".join(sorted(p))]
                     for o, (t, p) in sorted(ut.items(), key=lambda kv: names.get(kv[0], kv[0]))],
            "findings": findings.get(uid, []),
        })
    edges = [{"from": a, "to": b, "n": pair_n[(a, b)], "types": "、".join(sorted(t)),
              "bridge": (a, b) in bridge_pairs} for (a, b), t in sorted(pair_types.items())]
    return {"zone": zone, "zones": zones, "zone_forced": forced, "units": int(len(score)),
            "limit": limit, "nodes": nodes, "edges": edges}
