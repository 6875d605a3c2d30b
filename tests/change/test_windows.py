"""Events: tie strength's activity window and the meeting-frequency rule count the same days.

Both use the window (as_of - N days, as_of]: an event N days before the audit date is out,
one N - 1 days before is in, one on the audit date is in, one after it is out.
"""

from __future__ import annotations

import pandas as pd
import pytest

import partylinks as pl
from partylinks.rules import AuditContext, load_policy
from partylinks.rules.meetings import meeting_frequency

AS_OF = pd.Timestamp("2025-06-30")


def _graph(graph_factory, day: pd.Timestamp):
    nodes = [("C1", "community"), ("W1", "council"), ("K1", "cadre")]
    edges = [("K1", "C1", "works_at"), ("C1", "W1", "council_member")]
    events = pd.DataFrame({"date": [day.date().isoformat()], "kind": ["joint_meeting"],
                           "units": ["W1;C1"]})
    return graph_factory(nodes, edges, events=events)


@pytest.mark.parametrize("offset,inside", [(92, False), (91, True), (0, True), (-1, False)])
def test_strength_and_meeting_rule_share_the_window(graph_factory, offset, inside):
    days = 92                      # the default policy's meeting window
    g = _graph(graph_factory, AS_OF - pd.Timedelta(days=offset))
    ts = pl.metrics.tie_strength(g, as_of=AS_OF, window_days=days)
    assert ts["activity"].tolist() == [1 if inside else 0]
    rule = next(r for r in load_policy().rules if r.kind == "meeting_frequency")
    assert rule.params["days"] == days
    found = meeting_frequency(AuditContext(g, AS_OF, "en"), rule)
    assert found["node_id"].tolist() == ([] if inside else ["W1"])
