"""meeting_frequency: councils meet every quarter."""

from __future__ import annotations

import pandas as pd
from rulekit import AS_OF, build, ids, run_rule

from partylinks.rules import AuditContext, parse_policy, run_rules

MEET = '[[rules]]\nid = "meet"\nkind = "meeting_frequency"\nseverity = "warning"\n'


def councils(events):
    nodes = [("W1", "council", "Z1"), ("W2", "council", "Z1"), ("W3", "council", "Z1"),
             ("C1", "community", "Z1")]
    return build(nodes, [("C1", "W1", "council_member")], events)


def test_meeting_frequency_window_and_kind():
    events = [("2025-05-01", "joint_meeting", "W1;C1"),
              ("2025-03-30", "joint_meeting", "W2"),   # 92 days before: outside
              ("2025-06-01", "activity", "W3"),        # not a joint meeting
              ("2025-07-15", "joint_meeting", "W3")]   # after the audit date
    f = run_rule(councils(events), MEET)
    assert ids(f) == ["W2", "W3"]
    assert f["detail"].tolist() == [{"days": 92, "last": "2025-03-30"},
                                    {"days": 92, "last": None}]
    assert f["message"][1] == "name-W3 held no joint meeting in the last 92 days " \
                              "(last: none on record)"
    events[1] = ("2025-03-31", "联席会议", "W2")       # 91 days before: inside
    assert ids(run_rule(councils(events), MEET)) == ["W3"]


def test_meeting_frequency_is_skipped_without_events():
    g = councils(None)
    f, status = run_rules(AuditContext(g, AS_OF, "en"), parse_policy(MEET))
    assert f.empty
    assert status["status"].tolist() == ["skipped_no_events"]


def test_meeting_frequency_quiet_when_all_meet():
    events = [(d, "joint_meeting", "W1;W2;W3") for d in ("2025-06-01",)]
    assert run_rule(councils(events), MEET, as_of=pd.Timestamp("2025-06-30")).empty
