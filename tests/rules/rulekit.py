"""Test helpers: small typed graphs with node attributes; running one rule on them."""

from __future__ import annotations

import pandas as pd

import partylinks as pl
from partylinks.rules import AuditContext, parse_policy, run_rules

AS_OF = pd.Timestamp("2025-06-30")


def build(nodes: list[tuple], edges: list[tuple], events: list[tuple] | None = None):
    """Nodes ``(id, type, zone[, {attr: value}])``; edges ``(source, target, type[, role,
    start, end])``; events ``(date, kind, "U1;U2")``. Names are ``name-<id>``."""
    rows = []
    for n in nodes:
        d = {"id": n[0], "type": n[1], "zone": n[2], "name": f"name-{n[0]}"}
        if len(n) > 3:
            d.update(n[3])
        rows.append(d)
    e = pd.DataFrame([dict(zip(("source", "target", "type", "role", "start", "end"), r,
                               strict=False)) for r in edges],
                     columns=["source", "target", "type", "role", "start", "end"])
    ev = None
    if events is not None:
        ev = pd.DataFrame(events, columns=["date", "kind", "units"])
    return pl.from_frames(pd.DataFrame(rows), e, ev)


def run_rule(g, toml: str, as_of=AS_OF, lang: str = "en") -> pd.DataFrame:
    """Findings of a policy given as TOML text (usually one rule)."""
    findings, _ = run_rules(AuditContext(g, pd.Timestamp(as_of), lang), parse_policy(toml))
    return findings


def ids(findings: pd.DataFrame) -> list[str]:
    return findings["node_id"].tolist()
