"""Running a policy: every enabled rule on the audit date, findings in one table.

The findings table is the public format that the exports, charts and notebooks read.
Its columns, in order (:data:`FINDING_COLUMNS`):

==============  ==============================================================
``rule``        the rule's id in the policy
``kind``        the built-in rule kind (``reciprocal``, ``team``, ...)
``severity``    ``error``, ``warning`` or ``info``
``node_id``     the unit, branch or cadre the finding is about; None for a finding
                about the data itself (a check that a column the data lacks would
                allow: ``detail["issue"]`` = ``"unchecked"``, severity ``info``)
``node_type``   its type
``name``        its name
``zone``        its zone (片区)
``related_ids`` list of the other ids involved (the enterprise of a one-way pair,
                the cadre holding two 1+1+1 roles, the units a cadre would cut off)
``detail``      dict, machine-readable (``{"missing_role": "support"}``,
                ``{"count": 1, "threshold": 2}``; ``candidate`` when a suggestion
                names one)
``message``     what is wrong, in the report language
``suggestion``  what to do, naming concrete units and cadres where possible
==============  ==============================================================

Rows are sorted by severity (error, warning, info), then the rule's position in the
policy, then zone, then ``node_id``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..messages import MESSAGES
from ..progress import Progress, as_progress
from ._context import AuditContext
from .meetings import NoEvents
from .policy import RULE_KINDS, SEVERITIES, Policy, policy_from_dict
from .structure import MetricUnavailable

__all__ = ["FINDING_COLUMNS", "RULE_STATUS_COLUMNS", "run_rules", "empty_findings", "check"]

FINDING_COLUMNS = ["rule", "kind", "severity", "node_id", "node_type", "name", "zone",
                   "related_ids", "detail", "message", "suggestion"]
RULE_STATUS_COLUMNS = ["rule", "kind", "severity", "enabled", "status", "findings"]


def empty_findings() -> pd.DataFrame:
    """A findings table with no rows and the public columns."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in FINDING_COLUMNS})


def _format(keys: pd.Series, names: list, fields: list, lang: str) -> list[str]:
    out = [""] * len(keys)
    k = keys.to_numpy()
    for key in pd.unique(k):
        template = MESSAGES[key][lang]
        for i in np.flatnonzero(k == key):
            out[i] = template.format(name=names[i], **fields[i])
    return out


def _finish(ctx: AuditContext, rule, raw: pd.DataFrame) -> pd.DataFrame:
    ids = raw["node_id"]
    zone = ids.map(ctx.zones)
    if rule.zones is not None:
        keep = zone.isin(rule.zones).to_numpy()
        raw, ids, zone = raw[keep], ids[keep], zone[keep]
    names = ids.map(ctx.names)
    names = names.where(names.notna(), ids).tolist()
    fields = raw["fields"].tolist()
    known = ids.notna().to_numpy()  # a finding about the data itself has no node
    return pd.DataFrame({
        "rule": rule.id, "kind": rule.kind,
        # a check the data does not allow is information, whatever the rule's severity
        "severity": np.where(known, rule.severity, "info").astype(object),
        "node_id": pd.Series(np.where(known, ids.to_numpy(dtype=object), None), dtype=object),
        "node_type": pd.Series(np.where(known, ids.map(ctx.types).to_numpy(dtype=object),
                                        None), dtype=object),
        "name": names,
        "zone": pd.Series([z if isinstance(z, str) or pd.notna(z) else None
                           for z in zone.to_numpy(dtype=object)], dtype=object),
        "related_ids": raw["related_ids"].tolist(), "detail": raw["detail"].tolist(),
        "message": _format(raw["msg"], names, fields, ctx.lang),
        "suggestion": _format(raw["sugg"], names, fields, ctx.lang),
    }, columns=FINDING_COLUMNS)


def run_rules(ctx: AuditContext, policy: Policy,
              progress: bool | Progress | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run every enabled rule of ``policy`` on ``ctx``.

    Parameters
    ----------
    ctx : AuditContext
        The graph on the audit date (see :mod:`partylinks.rules._context`).
    policy : Policy
    progress : bool or Progress, optional
        Report each rule as a phase on stderr.

    Returns
    -------
    findings : DataFrame
        Columns :data:`FINDING_COLUMNS`, sorted as the module docstring says.
    status : DataFrame
        One row per rule of the policy: ``rule``, ``kind``, ``severity``, ``enabled``,
        ``status`` (``ran``, ``disabled``, ``skipped_no_events``: the rule needs an
        events table; ``skipped_no_metric``: the metric it reads is not available) and
        ``findings`` (the number of findings).

    Examples
    --------
    >>> import pandas as pd, partylinks as pl
    >>> from partylinks.rules import AuditContext, load_policy, run_rules
    >>> ctx = AuditContext(pl.datasets.house(), pd.Timestamp("2025-01-01"), "en")
    >>> f, status = run_rules(ctx, load_policy())
    >>> f[["rule", "severity", "node_id"]].values.tolist()[:2]
    [['isolated_units', 'error', 'A1'], ['council_composition', 'warning', 'W1']]
    >>> f["message"].tolist()[1]
    '桃城片区协调委员会 has no member unit from the park sector'
    >>> status.set_index("rule").loc["council_meetings", "status"]
    'skipped_no_events'
    """
    prog = as_progress(progress)
    parts, status = [], []
    for order, rule in enumerate(policy.rules):
        row = {"rule": rule.id, "kind": rule.kind, "severity": rule.severity,
               "enabled": rule.enabled, "status": "disabled", "findings": 0}
        status.append(row)
        if not rule.enabled:
            continue
        fn = RULE_KINDS[rule.kind][0]
        with prog.phase(f"rule {rule.id}"):
            try:
                raw = fn(ctx, rule)
            except NoEvents:
                row["status"] = "skipped_no_events"
                continue
            except MetricUnavailable:
                row["status"] = "skipped_no_metric"
                continue
            f = _finish(ctx, rule, raw)
        f["_order"] = order
        parts.append(f)
        row["status"], row["findings"] = "ran", len(f)
    status_df = pd.DataFrame(status, columns=RULE_STATUS_COLUMNS)
    if not parts:
        return empty_findings(), status_df
    f = pd.concat(parts, ignore_index=True)
    sev = pd.Categorical(f["severity"], categories=list(SEVERITIES)).codes
    zone_key = f["zone"].astype(object).where(f["zone"].notna(), "\uffff").astype(str)
    f = f.assign(_sev=sev, _zone=zone_key, _id=f["node_id"].astype(str))
    f = f.sort_values(["_sev", "_order", "_zone", "_id"], kind="stable")
    return f[FINDING_COLUMNS].reset_index(drop=True), status_df


def check(g, kind: str, as_of=None, lang: str = "en", severity: str = "warning",
          **params) -> pd.DataFrame:
    """The findings of one rule kind, with the given parameters, on ``g``.

    A shortcut for notebooks and examples: the rule is checked like a policy rule (an
    unknown parameter or a wrong value raises :class:`~partylinks.rules.PolicyError`) and
    run on ``g.at(as_of)`` (``as_of=None``: today). Its id is the kind.

    Returns
    -------
    DataFrame
        The findings (:data:`FINDING_COLUMNS`); empty when the rule is skipped.

    Examples
    --------
    >>> import partylinks as pl
    >>> f = check(pl.datasets.house(), "isolated", as_of="2025-06-30")
    >>> f[["rule", "node_id", "message"]].values.tolist()
    [['isolated', 'A1', '县商务局 has no cross-organization tie']]
    """
    from ..graph.dates import to_timestamp as _to_timestamp

    day = (pd.Timestamp.today() if as_of is None else _to_timestamp(as_of)).normalize()
    policy = policy_from_dict({"rules": [{"id": kind, "kind": kind, "severity": severity,
                                          **params}]}, source="<check>")
    findings, _ = run_rules(AuditContext(g, day, lang), policy)
    return findings
