"""The per-zone summary of an audit and the metric tables that go with it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..messages import msg
from ..rules import enterprise_coverage
from ..rules._context import AuditContext
from ..rules.policy import RULE_KINDS, Policy
from ..rules.structure import MetricUnavailable, metric

__all__ = ["SUMMARY_COLUMNS", "SECTOR_COLUMNS", "zone_summary", "collect_metrics",
           "coverage_params"]

SECTOR_COLUMNS = ["community", "park", "enterprise", "government", "project", "grid"]
SUMMARY_COLUMNS = (["zone", "units"] + SECTOR_COLUMNS
                   + ["isolated", "fragile", "components", "largest_share", "branch_coverage",
                      "findings_error", "findings_warning", "findings_info", "score"])

# report table name -> metric function of partylinks.metrics
_METRICS = {
    "isolated": "isolated_units",
    "fragile": "fragile_units",
    "key_person": "key_person_risk",
    "components": "component_summary",
    "zones": "zone_connectivity",
    "bridges": "bridges",
    "tie_strength": "tie_strength",
    "score": "weak_linkage_score",
}


def _try(ctx: AuditContext, name: str):
    try:
        return metric(ctx, name)
    except MetricUnavailable:
        return None


def collect_metrics(ctx: AuditContext, coverage_params: dict) -> dict[str, pd.DataFrame]:
    """The metric tables of the report, on the audit date.

    ``isolated`` (:func:`~partylinks.metrics.isolated_units`), ``fragile``
    (:func:`~partylinks.metrics.fragile_units`), ``key_person`` (the rows of
    :func:`~partylinks.metrics.key_person_risk` that isolate a unit or add a component),
    ``components`` (:func:`~partylinks.metrics.component_summary`), ``zones``
    (:func:`~partylinks.metrics.zone_connectivity`), ``bridges``, ``tie_strength``,
    ``score`` (:func:`~partylinks.metrics.weak_linkage_score`) and ``coverage`` (per
    enterprise: own branch, joint branch, instructor; see
    :func:`partylinks.rules.enterprise_coverage`). A metric missing from
    :mod:`partylinks.metrics` is left out.

    Examples
    --------
    >>> import partylinks as pl
    >>> sorted(pl.audit(pl.datasets.house(), as_of="2025-06-30").metrics)
    ... # doctest: +NORMALIZE_WHITESPACE
    ['bridges', 'components', 'coverage', 'fragile', 'isolated', 'key_person', 'score',
     'tie_strength', 'zones']
    """
    out = {}
    for name, fn in _METRICS.items():
        t = _try(ctx, fn)
        if t is None:
            continue
        if name == "key_person":
            t = t[(t["n_isolated"] > 0).to_numpy() | (t["components_added"] > 0).to_numpy()]
            t = t.reset_index(drop=True)
        out[name] = t
    cov, _ = enterprise_coverage(ctx, coverage_params)
    out["coverage"] = cov
    return out


def coverage_params(policy: Policy) -> dict:
    """Parameters of the first enabled ``branch_coverage`` rule that checks coverage (the
    kind's defaults when there is none)."""
    for r in policy.rules:
        if r.kind == "branch_coverage" and r.enabled and "coverage" in r.params["checks"]:
            return r.params
    spec = RULE_KINDS["branch_coverage"][1]
    return {k: p.default for k, p in spec.items()}


def zone_summary(ctx: AuditContext, findings: pd.DataFrame, metrics: dict,
                 lang: str) -> pd.DataFrame:
    """One row per zone and a total row (see :data:`SUMMARY_COLUMNS`).

    Definitions, per zone (units on the audit date):

    - ``units`` and the sector columns: units of the zone by sector (``government`` =
      agencies and councils);
    - ``isolated``: units with no tie; ``fragile``: units whose ties all run through one
      cadre;
    - ``components``, ``largest_share``: components of the zone's own unit graph (only
      ties between two units of the zone) and the largest one's share of the zone's
      units (:func:`partylinks.metrics.zone_connectivity`);
    - ``branch_coverage``: (enterprises hosting their own branch + enterprises covered
      by a joint branch) / enterprises; empty without enterprises;
    - ``findings_error`` ... ``findings_info``: findings about nodes of the zone;
    - ``score``: mean weak-linkage score of the zone's units.

    The total row (``合计`` / ``Total``) sums the counts; its ``components`` and
    ``largest_share`` are those of the whole unit graph, its ``branch_coverage`` and
    ``score`` are over all enterprises and units. Units and findings without a zone go
    to a ``(无片区)`` / ``(no zone)`` row.

    Examples
    --------
    >>> import partylinks as pl
    >>> s = pl.audit(pl.datasets.house(), as_of="2025-06-30").summary
    >>> s[["zone", "units", "isolated", "components", "branch_coverage"]]
      zone  units  isolated  components  branch_coverage
    0   Z1      3         0           1              1.0
    1   Z2      1         1           1              NaN
    2   合计      4         1           2              1.0
    """
    none_label = msg("report_no_zone", lang)
    units = ctx.sector
    uz = ctx.zones.reindex(units.index).fillna(none_label)
    base = pd.crosstab(uz, units).reindex(columns=SECTOR_COLUMNS, fill_value=0)
    about_data = findings["node_id"].isna().to_numpy()  # no zone: in the total only
    zones = sorted(set(base.index) | set(findings["zone"][~about_data].fillna(none_label)),
                   key=lambda z: (z == none_label, str(z)))
    out = pd.DataFrame(index=pd.Index(zones, name="zone"))
    out["units"] = uz.value_counts().reindex(zones, fill_value=0)
    for c in SECTOR_COLUMNS:
        out[c] = base[c].reindex(zones, fill_value=0) if c in base else 0

    def per_zone(ids) -> pd.Series:
        z = ctx.zones.reindex(pd.Index(ids)).fillna(none_label)
        return z.value_counts().reindex(zones, fill_value=0)

    iso = metrics.get("isolated")
    out["isolated"] = per_zone(iso["id"]) if iso is not None else np.nan
    fr = metrics.get("fragile")
    if fr is not None:
        fr = fr[fr["sole_carrier"].map(ctx.types).eq("cadre").to_numpy()]
        out["fragile"] = per_zone(fr["id"])
    else:
        out["fragile"] = np.nan
    zc = metrics.get("zones")
    if zc is not None:
        zc = zc.set_index("zone")
        out["components"] = zc["components"].reindex(zones)
        out["largest_share"] = zc["largest_share"].reindex(zones)
    else:
        out["components"] = out["largest_share"] = np.nan
    cov = metrics["coverage"]
    cov = cov.assign(zone=cov["zone"].fillna(none_label),
                     ok=cov["own"].to_numpy() | cov["joint"].to_numpy())
    grp = cov.groupby("zone")["ok"]
    out["branch_coverage"] = (grp.sum() / grp.size()).reindex(zones)
    fz = findings.assign(zone=findings["zone"].fillna(none_label))
    for sev in ("error", "warning", "info"):
        out[f"findings_{sev}"] = (fz.loc[fz["severity"] == sev, "zone"].value_counts()
                                  .reindex(zones, fill_value=0))
    sc = metrics.get("score")
    if sc is not None:
        s = pd.Series(sc["score"].to_numpy(), index=sc["id"].to_numpy())
        sz = ctx.zones.reindex(s.index).fillna(none_label)
        out["score"] = s.groupby(sz.to_numpy()).mean().reindex(zones)
    else:
        out["score"] = np.nan
    out = out.reset_index()
    total = {c: out[c].sum() for c in ["units", *SECTOR_COLUMNS, "isolated", "fragile",
                                      "findings_error", "findings_warning", "findings_info"]}
    for sev in ("error", "warning", "info"):
        total[f"findings_{sev}"] += int((findings["severity"][about_data] == sev).sum())
    total["zone"] = msg("report_total", lang)
    comps = _try(ctx, "components")
    total["components"] = comps.nunique() if comps is not None else np.nan
    share = _try(ctx, "largest_component_share")
    total["largest_share"] = share if share is not None else np.nan
    total["branch_coverage"] = cov["ok"].mean() if len(cov) else np.nan
    total["score"] = sc["score"].mean() if sc is not None and len(sc) else np.nan
    if iso is None:
        total["isolated"] = np.nan
    if fr is None:
        total["fragile"] = np.nan
    out = pd.concat([out, pd.DataFrame([total])], ignore_index=True)
    ints = ["units", *SECTOR_COLUMNS, "findings_error", "findings_warning", "findings_info"]
    out[ints] = out[ints].astype("int64")
    for c in ("isolated", "fragile", "components"):
        out[c] = out[c].astype("Int64") if out[c].notna().all() else out[c].astype(float)
    return out[SUMMARY_COLUMNS]

