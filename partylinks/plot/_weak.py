"""The weak spots a network chart highlights, from the metrics of the whole graph.

- **isolated** units: :func:`partylinks.metrics.isolated_units`;
- **fragile** units held by one cadre: the rows of
  :func:`partylinks.metrics.fragile_units` whose sole carrier is a cadre, with that
  cadre (a unit whose one tie is a unit-to-unit edge hangs on a bridge, drawn as such);
- **bridges**: :func:`partylinks.metrics.bridges`;
- **key cadres**: the cadres of :func:`partylinks.metrics.key_person_risk` whose transfer
  adds at least one component (isolates a unit or splits a component).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = ["WeakSpots", "weak_spots", "report_weak_spots", "finding_counts"]


@dataclass
class WeakSpots:
    """Ids of the weak spots (see the module docstring)."""

    isolated: set[str] = field(default_factory=set)
    fragile: dict[str, str] = field(default_factory=dict)   # unit id -> the one cadre
    bridges: set[frozenset[str]] = field(default_factory=set)
    key_cadres: set[str] = field(default_factory=set)


def weak_spots(g, as_of=None, *, cadres: bool = False) -> WeakSpots:
    """Compute the :class:`WeakSpots` of ``g`` (on ``as_of``).

    ``key_cadres`` is filled only with ``cadres=True`` (it needs one more metric).

    Examples
    --------
    >>> import partylinks as pl
    >>> w = weak_spots(pl.datasets.house(), cadres=True)
    >>> sorted(w.isolated), w.fragile, sorted(map(sorted, w.bridges)), w.key_cadres
    (['A1'], {}, [['C1', 'E1'], ['C1', 'W1']], set())
    """
    from ..metrics import bridges, fragile_units, isolated_units, key_person_risk

    ws = WeakSpots()
    ws.isolated = set(isolated_units(g, as_of=as_of)["id"].astype(str))
    fr = fragile_units(g, as_of=as_of)
    fr = fr[fr["sole_carrier_kind"] == "cadre"]
    ws.fragile = dict(zip(fr["id"].astype(str), fr["sole_carrier"].astype(str), strict=True))
    br = bridges(g, as_of=as_of)
    ws.bridges = {frozenset(p) for p in zip(br["u"].astype(str), br["v"].astype(str),
                                            strict=True)}
    if cadres:
        risk = key_person_risk(g, as_of=as_of)
        ws.key_cadres = set(risk.loc[risk["components_added"] > 0, "cadre"].astype(str))
    return ws


def report_weak_spots(report) -> WeakSpots:
    """The :class:`WeakSpots` of an AuditReport, from its own metric tables.

    Examples
    --------
    >>> import partylinks as pl
    >>> r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    >>> w = report_weak_spots(r)
    >>> sorted(w.isolated), sorted(map(sorted, w.bridges))
    (['A1'], [['C1', 'E1'], ['C1', 'W1']])
    """
    m = report.metrics
    ws = WeakSpots()
    if m.get("isolated") is not None:
        ws.isolated = set(m["isolated"]["id"].astype(str))
    fr = m.get("fragile")
    if fr is not None and len(fr):
        fr = fr[fr["sole_carrier_kind"] == "cadre"]
        ws.fragile = dict(zip(fr["id"].astype(str), fr["sole_carrier"].astype(str),
                              strict=True))
    br = m.get("bridges")
    if br is not None:
        ws.bridges = {frozenset(p) for p in zip(br["u"].astype(str), br["v"].astype(str),
                                                strict=True)}
    kp = m.get("key_person")
    if kp is not None and len(kp):
        ws.key_cadres = set(kp.loc[kp["components_added"] > 0, "cadre"].astype(str))
    return ws


def finding_counts(g, report) -> tuple[dict[str, int], set[str]]:
    """Errors and warnings of ``report`` per unit, and the units with at least one error.

    A finding about a branch or a cadre counts for the unit it stands for (host unit,
    home unit); info findings are left out.

    Examples
    --------
    >>> import partylinks as pl
    >>> g = pl.datasets.house()
    >>> counts, errors = finding_counts(g, pl.audit(g, as_of="2025-06-30"))
    >>> counts["A1"], "A1" in errors
    (1, True)
    """
    f = report.findings
    f = f[f["severity"].isin(["error", "warning"])]
    unit = g.unit_of.reindex(f["node_id"].astype(str)).to_numpy(dtype=object)
    df = pd.DataFrame({"unit": unit, "error": (f["severity"] == "error").to_numpy()})
    df = df[df["unit"].notna()]
    counts = df.groupby("unit", sort=True).size()
    errors = set(df.loc[df["error"], "unit"].astype(str))
    return {str(k): int(v) for k, v in counts.items()}, errors
