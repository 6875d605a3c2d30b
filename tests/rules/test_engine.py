"""The findings table: columns, order, zones, disabled rules, languages."""

from __future__ import annotations

from rulekit import AS_OF, build

from partylinks.rules import FINDING_COLUMNS, AuditContext, parse_policy, run_rules

POLICY = """
[[rules]]
id = "late_info"
kind = "isolated"
severity = "info"
node_types = ["agency"]

[[rules]]
id = "iso"
kind = "isolated"
severity = "error"

[[rules]]
id = "off"
kind = "fragile"
severity = "error"
enabled = false

[[rules]]
id = "iso_z2"
kind = "isolated"
severity = "error"
zones = ["Z2"]
"""


def graph():
    nodes = [("E2", "enterprise", "Z2"), ("E1", "enterprise", "Z1"), ("A1", "agency", "Z1"),
             ("A9", "agency", None), ("E3", "enterprise", "Z1"), ("K1", "cadre", "Z1")]
    edges = [("K1", "E3", "works_at")]
    return build(nodes, edges)


def test_columns_and_order():
    f, status = run_rules(AuditContext(graph(), AS_OF, "en"), parse_policy(POLICY))
    assert list(f.columns) == FINDING_COLUMNS
    # errors first, in policy order (iso before iso_z2), then zone (missing last), then id
    assert f[["rule", "severity", "zone", "node_id"]].values.tolist() == [
        ["iso", "error", "Z1", "A1"], ["iso", "error", "Z1", "E1"], ["iso", "error", "Z1", "E3"],
        ["iso", "error", "Z2", "E2"], ["iso", "error", None, "A9"],
        ["iso_z2", "error", "Z2", "E2"],
        ["late_info", "info", "Z1", "A1"], ["late_info", "info", None, "A9"]]
    assert status[["rule", "status", "findings"]].values.tolist() == [
        ["late_info", "ran", 2], ["iso", "ran", 5], ["off", "disabled", 0], ["iso_z2", "ran", 1]]
    row = f.iloc[0]
    assert (row["kind"], row["node_type"], row["name"]) == ("isolated", "agency", "name-A1")
    assert isinstance(row["related_ids"], list) and isinstance(row["detail"], dict)


def test_messages_follow_the_language():
    p = parse_policy(POLICY)
    zh, _ = run_rules(AuditContext(graph(), AS_OF, "zh"), p)
    en, _ = run_rules(AuditContext(graph(), AS_OF, "en"), p)
    assert zh["message"][0] == "name-A1没有任何跨组织联系"
    assert en["message"][0] == "name-A1 has no cross-organization tie"
    assert (zh["detail"].tolist(), zh["node_id"].tolist()) == (en["detail"].tolist(),
                                                                en["node_id"].tolist())


def test_no_rules_no_findings():
    f, status = run_rules(AuditContext(graph(), AS_OF, "en"), parse_policy(""))
    assert f.empty and list(f.columns) == FINDING_COLUMNS and status.empty


def test_check_runs_one_kind_with_checked_parameters():
    from partylinks.rules import PolicyError, check

    g = graph()
    assert check(g, "isolated", as_of=AS_OF, node_types=["agency"])["node_id"].tolist() == [
        "A1", "A9"]
    try:
        check(g, "isolated", as_of=AS_OF, node_type=["agency"])
    except PolicyError as exc:
        assert str(exc).startswith("<check>: rule 'isolated': unknown parameter 'node_type'")
    else:
        raise AssertionError("no PolicyError")
