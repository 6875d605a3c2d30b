"""Rules on the shape of the unit graph, from the metrics: ``isolated``, ``fragile`` and
``key_person``.

Each calls the metric of the same concept in :mod:`partylinks.metrics` on the audit date
(``metric(g, as_of=as_of)``), so an audit and a notebook give the same answer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import metrics as _metrics
from ..graph.unitgraph import unit_graph
from ._backups import fragile_candidates, key_person_candidates
from ._candidates import pick
from ._context import AuditContext, empty_raw, raw_findings
from ._params import Param

__all__ = ["isolated", "fragile", "key_person", "metric", "MetricUnavailable", "PARAMS"]

PARAMS = {
    "isolated": {
        "node_types": Param("list[str]", [], doc="types of the units checked (empty: all)"),
    },
    "fragile": {
        "node_types": Param("list[str]", [], doc="types of the units checked (empty: all)"),
        "cadre_only": Param("bool", True, doc="only units whose sole carrier is a cadre "
                            "(not a single unit-to-unit edge such as one council membership)"),
    },
    "key_person": {
        "min_isolated": Param("int", 1, minimum=0, doc="report a cadre whose transfer "
                              "isolates at least this many units (0: never)"),
        "min_components_added": Param("int", 1, minimum=0, doc="or splits the unit graph "
                                      "into at least this many more parts (0: never)"),
    },
}


class MetricUnavailable(RuntimeError):
    """The metric a rule needs is not part of :mod:`partylinks.metrics`."""


def metric(ctx: AuditContext, name: str) -> pd.DataFrame | pd.Series:
    """``partylinks.metrics.<name>(g, as_of=as_of)``, computed once per audit."""
    key = ("metric", name)
    if key not in ctx.cache:
        fn = getattr(_metrics, name, None)
        if fn is None:
            raise MetricUnavailable(name)
        ctx.cache[key] = fn(ctx.full, as_of=ctx.as_of)
    return ctx.cache[key]


def _keep_types(ctx: AuditContext, ids: pd.Series, types) -> np.ndarray:
    if not types:
        return np.ones(len(ids), dtype=bool)
    return ids.map(ctx.types).isin(types).to_numpy()


def isolated(ctx: AuditContext, rule) -> pd.DataFrame:
    """Units with no cross-organization tie on the audit date.

    Definition: the rows of :func:`partylinks.metrics.isolated_units` (units that are
    the end of no active tie), of ``node_types`` (empty: every unit type). The
    suggestion names the council of the unit's zone (to join it), else the unit of the
    zone with the most tied partners (to pair with).

    Examples
    --------
    >>> import partylinks as pl
    >>> from partylinks.rules import check
    >>> f = check(pl.datasets.house(), "isolated", as_of="2025-06-30")
    >>> f[["node_id", "suggestion"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['A1', 'give 县商务局 at least one cross-organization tie (co-building,
      a part-time post or a liaison)']]
    """
    iso = metric(ctx, "isolated_units")
    ids = pd.Series(iso["id"].to_numpy(), dtype=object)
    ids = ids[_keep_types(ctx, ids, rule.params["node_types"])].reset_index(drop=True)
    if len(ids) == 0:
        return empty_raw()
    zones, names = ctx.zones, ctx.names
    z = zones.reindex(ids).to_numpy()
    councils = ctx.of_type("council")
    cpool = pd.DataFrame({"id": councils, "zone": zones.reindex(councils).to_numpy(),
                          "load": 0})
    council = pick(cpool, pd.DataFrame({"key": ids.index, "zone": z}), anywhere=False)
    ug = unit_graph(ctx.g)
    deg = pd.Series(ug.degree(), index=ug.ids)
    hubs = deg[deg > 0]
    hpool = pd.DataFrame({"id": hubs.index, "zone": zones.reindex(hubs.index).to_numpy(),
                          "load": -hubs.to_numpy()})
    hub = pick(hpool, pd.DataFrame({"key": ids.index, "zone": z}), anywhere=False)
    det, fld, sugg = [], [], []
    for c, h in zip(council["candidate"], hub["candidate"], strict=True):
        if c is not None:
            det.append({"candidate": c})
            fld.append({"council": names.get(c, c)})
            sugg.append("sugg_isolated_council")
        elif h is not None:
            det.append({"candidate": h})
            fld.append({"partner": names.get(h, h)})
            sugg.append("sugg_isolated_pair")
        else:
            det.append({})
            fld.append({})
            sugg.append("sugg_isolated_none")
    return raw_findings(ids, [[] for _ in det], det, "rule_isolated", sugg, fld)


def fragile(ctx: AuditContext, rule) -> pd.DataFrame:
    """Units all of whose ties run through one cadre.

    Definition: the rows of :func:`partylinks.metrics.fragile_units` (units with ties,
    all carried by one carrier), of ``node_types`` (empty: all), and, when
    ``cadre_only``, whose sole carrier is a cadre (a unit whose only tie is one
    unit-to-unit edge, e.g. one council membership, is then not reported: no person's
    transfer cuts it off); ``related_ids`` = [the sole carrier].

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import check
    >>> nodes = pd.DataFrame({"id": ["C1", "E1", "K1"], "type": ["community", "enterprise",
    ...                       "cadre"], "zone": "Z"})
    >>> edges = pd.DataFrame({"source": ["K1", "K1"], "target": ["C1", "E1"],
    ...     "type": ["works_at", "part_time_post"], "role": [None, "instructor"]})
    >>> f = check(pl.from_frames(nodes, edges), "fragile", as_of="2025-06-30")
    >>> f[["node_id", "related_ids"]].values.tolist()
    [['C1', ['K1']], ['E1', ['K1']]]
    """
    fr = metric(ctx, "fragile_units")
    fr = fr[(fr["n_carriers"] == 1).to_numpy()]
    if rule.params["cadre_only"]:
        is_cadre = fr["sole_carrier"].map(ctx.types).eq("cadre").to_numpy()
        fr = fr[is_cadre]
    fr = fr[_keep_types(ctx, pd.Series(fr["id"].to_numpy(), dtype=object),
                        rule.params["node_types"])].reset_index(drop=True)
    if len(fr) == 0:
        return empty_raw()
    names = ctx.names
    carrier = fr["sole_carrier"].tolist()
    cands = fragile_candidates(ctx, fr["id"].tolist(), carrier)
    det = [{"n_ties": int(n), "n_carriers": 1, "sole_carrier": c}
           | ({"candidate": x["candidate"]} if "candidate" in x else {})
           for n, c, x in zip(fr["n_ties"], carrier, cands, strict=True)]
    fld = [{"n_ties": int(n), "carrier": names.get(c, c)}
           | {k: v for k, v in x.items() if k not in ("sugg", "candidate")}
           for n, c, x in zip(fr["n_ties"], carrier, cands, strict=True)]
    return raw_findings(fr["id"], [[c] for c in carrier], det, "rule_fragile",
                        [x["sugg"] for x in cands], fld)


def key_person(ctx: AuditContext, rule) -> pd.DataFrame:
    """Cadres whose transfer would cut units off (key-person risk).

    Definition: the rows of :func:`partylinks.metrics.key_person_risk` with
    ``n_isolated >= min_isolated`` (when ``min_isolated`` > 0) or
    ``components_added >= min_components_added`` (when that is > 0); the finding is on
    the cadre, ``related_ids`` = the units that would be isolated.

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import check
    >>> nodes = pd.DataFrame({"id": ["C1", "E1", "K1"], "type": ["community", "enterprise",
    ...                       "cadre"], "zone": "Z"})
    >>> edges = pd.DataFrame({"source": ["K1", "K1"], "target": ["C1", "E1"],
    ...     "type": ["works_at", "part_time_post"], "role": [None, "instructor"]})
    >>> f = check(pl.from_frames(nodes, edges), "key_person", as_of="2025-06-30")
    >>> f[["node_id", "node_type", "related_ids"]].values.tolist()
    [['K1', 'cadre', ['C1', 'E1']]]
    """
    p = rule.params
    kp = metric(ctx, "key_person_risk")
    n_iso = kp["n_isolated"].to_numpy()
    comp = kp["components_added"].to_numpy()
    sel = np.zeros(len(kp), dtype=bool)
    if p["min_isolated"] > 0:
        sel |= n_iso >= p["min_isolated"]
    if p["min_components_added"] > 0:
        sel |= comp >= p["min_components_added"]
    kp = kp[sel].reset_index(drop=True)
    if len(kp) == 0:
        return empty_raw()
    names = ctx.names
    iso = [sorted(x) for x in kp["isolates"]]
    cands = key_person_candidates(ctx, kp["cadre"].tolist(), iso)
    det = [{"n_isolated": len(i), "components_added": int(c), "isolates": i}
           | ({"candidate": x["candidate"]} if x else {})
           for i, c, x in zip(iso, kp["components_added"], cands, strict=True)]
    fld = [{"isolates": ctx.join(names.get(u, u) for u in i) or "-",
            "components_added": int(c)}
           | {k: v for k, v in x.items() if k not in ("sugg", "candidate")}
           for i, c, x in zip(iso, kp["components_added"], cands, strict=True)]
    msg = ["rule_key_person" if i else "rule_key_person_split" for i in iso]
    sugg = [x["sugg"] if x else "sugg_key_person" if i else "sugg_key_person_split"
            for i, x in zip(iso, cands, strict=True)]
    return raw_findings(kp["cadre"], iso, det, msg, sugg, fld)
