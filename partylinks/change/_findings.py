"""Findings of the audit, keyed so that two audits can be matched finding by finding.

The **finding key** identifies a finding by its rule, its node, the other ids involved and
what is wrong. It is the text

``"<rule>:<node_id>"``, then ``"[" + ",".join(sorted(related ids)) + "]"`` when the finding
names related ids, then ``"{" + ";".join("<field>=<value>") + "}"`` for the fields of
:data:`IDENTITY_FIELDS` present in its ``detail`` (in that order),

for example ``"isolated_units:Y-E013"``, ``"mutual_appointments:Y-C04[Y-E008,Y-K0102]"``,
``"council_composition:Y-U06{issue=missing_sector;missing_sector=park}"``. Two findings
are the same finding when their keys are equal. The identity fields are needed because
one rule may report several problems on one node with no related ids (a council missing
the park *and* the enterprise sector); counts, dates and suggested candidates in
``detail`` are not part of the key, so a finding whose count changes stays the same
finding. A finding whose related ids change (a key person who would now isolate a
different set of units) is one finding closed and another opened.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["IDENTITY_FIELDS", "finding_key", "related_list", "keyed", "audit_findings",
           "diff_findings", "default_as_of"]


def related_list(related) -> list[str]:
    """The related ids of a finding as a list of text ids (a list, tuple, set, array, or a
    text of ids separated by ``,`` ``;`` or blanks; missing values give ``[]``)."""
    if related is None:
        return []
    if isinstance(related, str):
        return [p for p in re.split(r"[,;，；\s]+", related) if p]
    if isinstance(related, (list, tuple, set, frozenset, np.ndarray, pd.Series)):
        return [str(x) for x in related
                if not (x is None or (isinstance(x, float) and np.isnan(x)))]
    if pd.isna(related):
        return []
    return [str(related)]


IDENTITY_FIELDS = ("issue", "missing_sector", "missing_role", "role")
"""Fields of a finding's ``detail`` that say what is wrong, and so enter its key."""


def finding_key(rule: str, node_id: str, related=None, detail: dict | None = None) -> str:
    """The key of one finding (see the module docstring).

    Examples
    --------
    >>> finding_key("mutual_appointments", "Y-C04", ["Y-K0102", "Y-E008"])
    'mutual_appointments:Y-C04[Y-E008,Y-K0102]'
    >>> finding_key("project_team", "Y-J04", [], {"issue": "missing_role",
    ...     "missing_role": "support", "candidate": "Y-K0063"})
    'project_team:Y-J04{issue=missing_role;missing_role=support}'
    >>> finding_key("isolated_units", "Y-E013")
    'isolated_units:Y-E013'
    """
    rel = sorted(set(related_list(related)))
    out = f"{rule}:{node_id}" + (f"[{','.join(rel)}]" if rel else "")
    if isinstance(detail, dict):
        ident = [f"{k}={detail[k]}" for k in IDENTITY_FIELDS if k in detail]
        if ident:
            out += "{" + ";".join(ident) + "}"
    return out


def keyed(findings: pd.DataFrame) -> pd.DataFrame:
    """``findings`` with a ``key`` column in front (an empty table keeps its columns)."""
    f = findings.reset_index(drop=True).copy()
    if not len(f):
        f.insert(0, "key", pd.Series(dtype=object))
        return f
    detail = f["detail"] if "detail" in f else pd.Series([None] * len(f))
    keys = [finding_key(r, n, rel, d) for r, n, rel, d in
            zip(f["rule"].astype(str), f["node_id"].astype(str), f["related_ids"], detail,
                strict=True)]
    f.insert(0, "key", pd.Series(keys, dtype=object))
    return f


def default_as_of(g) -> pd.Timestamp:
    """The date a change function evaluates ``g`` on when none is given: the latest date
    in the data (:func:`partylinks.metrics.window_end`), else today."""
    from ..metrics.strength import window_end

    end = window_end(g)
    return pd.Timestamp(end).normalize() if end is not None else pd.Timestamp.today().normalize()


def audit_findings(g, policy=None, as_of=None, lang: str = "zh") -> pd.DataFrame:
    """The findings of the audit of ``g`` on ``as_of`` (default :func:`default_as_of`)
    under ``policy`` (a path, a Policy, or None for the default), with their ``key``
    column. These are the rows of ``partylinks.audit(g, policy, as_of).findings``."""
    from ..graph.dates import audit_date
    from ..rules import AuditContext, load_policy, run_rules

    when = audit_date(default_as_of(g) if as_of is None else as_of)
    findings, _ = run_rules(AuditContext(g, when, lang), load_policy(policy))
    return keyed(findings)


def diff_findings(before: pd.DataFrame, after: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(opened, closed)``: findings of ``after`` whose key is not in ``before``, and
    findings of ``before`` whose key is not in ``after``; both keyed and sorted by key."""
    kb, ka = set(before["key"]), set(after["key"])
    opened = after[~after["key"].isin(kb)].drop_duplicates("key")
    closed = before[~before["key"].isin(ka)].drop_duplicates("key")
    return (opened.sort_values("key", kind="stable").reset_index(drop=True),
            closed.sort_values("key", kind="stable").reset_index(drop=True))
