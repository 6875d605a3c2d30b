"""isolated, fragile and key_person: findings from the metrics."""

from __future__ import annotations

from rulekit import build, ids, run_rule


def web():
    # K1 (of C1) instructs E1 and E2: both hang on K1. C1 co-builds with A1 (an edge).
    nodes = [("C1", "community", "Z1"), ("E1", "enterprise", "Z1"), ("E2", "enterprise", "Z1"),
             ("A1", "agency", "Z1"), ("A2", "agency", "Z1"), ("W1", "council", "Z1"),
             ("K1", "cadre", "Z1")]
    edges = [("K1", "C1", "works_at"), ("K1", "E1", "part_time_post", "instructor"),
             ("K1", "E2", "part_time_post", "instructor"), ("C1", "A1", "co_building"),
             ("C1", "W1", "council_member")]
    return build(nodes, edges)


def rule(kind: str, extra: str = "") -> str:
    return f'[[rules]]\nid = "{kind}"\nkind = "{kind}"\nseverity = "warning"\n{extra}'


def test_isolated_reports_units_without_ties_and_names_the_zone_council():
    f = run_rule(web(), rule("isolated"))
    assert ids(f) == ["A2"]
    assert f["detail"][0] == {"candidate": "W1"}
    assert f["suggestion"][0] == "admit name-A2 to name-W1 and pair it with a unit of its zone"
    assert run_rule(web(), rule("isolated", 'node_types = ["enterprise"]\n')).empty


def test_fragile_only_counts_cadre_carriers_by_default():
    f = run_rule(web(), rule("fragile"))
    assert ids(f) == ["E1", "E2"]
    assert f["related_ids"].tolist() == [["K1"], ["K1"]]
    assert f["message"][0] == "all 1 ties of name-E1 run through name-K1"
    # A1 and W1 hang on one unit-to-unit edge each
    assert ids(run_rule(web(), rule("fragile", "cadre_only = false\n"))) == ["A1", "E1", "E2",
                                                                             "W1"]


def test_key_person_lists_the_units_a_transfer_would_cut_off():
    f = run_rule(web(), rule("key_person"))
    assert ids(f) == ["K1"]
    assert f["node_type"][0] == "cadre"
    assert f["related_ids"][0] == ["E1", "E2"]
    assert f["detail"][0]["n_isolated"] == 2
    assert f["message"][0] == "if name-K1 is transferred, name-E1, name-E2 lose every " \
                              "cross-organization tie"


def test_structure_rules_quiet_on_a_sturdy_graph():
    nodes = [("C1", "community", "Z1"), ("E1", "enterprise", "Z1"), ("K1", "cadre", "Z1"),
             ("K2", "cadre", "Z1")]
    edges = [("K1", "C1", "works_at"), ("K2", "E1", "works_at"),
             ("K1", "E1", "part_time_post", "instructor"),
             ("K2", "C1", "part_time_post", "part_time_member")]
    g = build(nodes, edges)
    for kind in ("isolated", "fragile", "key_person"):
        assert run_rule(g, rule(kind)).empty, kind
