"""min_ties, reciprocal and reach on hand-drawn graphs."""

from __future__ import annotations

from rulekit import build, ids, run_rule

MIN_TIES = """
[[rules]]
id = "staffed"
kind = "min_ties"
severity = "warning"
node_type = "grid"
tie_types = ["grid_staff"]
direction = "in"
"""


def grids():
    nodes = [("C1", "community", "Z1"), ("G1", "grid", "Z1"), ("G2", "grid", "Z1"),
             ("K1", "cadre", "Z1"), ("K2", "cadre", "Z1")]
    edges = [("K1", "C1", "works_at"), ("K2", "C1", "works_at"),
             ("K1", "G1", "grid_staff", "head"), ("K2", "G1", "grid_staff", "part_time")]
    return build(nodes, edges)


def test_min_ties_fires_on_the_grid_without_staff():
    f = run_rule(grids(), MIN_TIES)
    assert ids(f) == ["G2"]
    assert f["detail"][0] == {"count": 0, "threshold": 1, "counted": "ties"}
    assert f["message"][0] == "name-G2 has 0 grid staff ties, fewer than the required 1"


def test_min_ties_counts_ties_units_or_carriers():
    # G1 has 2 ties, by 2 carriers, both from one unit (C1)
    assert ids(run_rule(grids(), MIN_TIES + "min = 2\ncount = \"ties\"\n")) == ["G2"]
    assert ids(run_rule(grids(), MIN_TIES + "min = 2\ncount = \"carriers\"\n")) == ["G2"]
    assert ids(run_rule(grids(), MIN_TIES + "min = 2\ncount = \"units\"\n")) == ["G1", "G2"]


def test_min_ties_does_not_fire_when_every_grid_is_staffed():
    g = build([("C1", "community", "Z1"), ("G1", "grid", "Z1"), ("K1", "cadre", "Z1")],
              [("K1", "C1", "works_at"), ("K1", "G1", "grid_staff", "head")])
    assert run_rule(g, MIN_TIES).empty


def test_min_ties_filters_direction_other_type_and_attributes():
    nodes = [("C1", "community", "Z1"), ("E1", "enterprise", "Z1", {"party_members": 5}),
             ("E2", "enterprise", "Z1", {"party_members": 1}), ("K1", "cadre", "Z1")]
    edges = [("K1", "C1", "works_at"), ("K1", "E1", "part_time_post", "instructor")]
    g = build(nodes, edges)
    rule = """
[[rules]]
id = "instructed"
kind = "min_ties"
severity = "info"
node_type = "enterprise"
where_min = {party_members = 3}
tie_types = ["part_time_post"]
roles = ["instructor"]
"""
    assert run_rule(g, rule + 'direction = "in"\n').empty          # E2 filtered out
    assert ids(run_rule(g, rule + 'direction = "out"\n')) == ["E1"]  # E1 is the target
    assert ids(run_rule(g, rule + 'other_types = ["park"]\n')) == ["E1"]
    assert ids(run_rule(g, rule.replace("where_min = {party_members = 3}",
                                        "where = {party_members = [1, 2]}"))) == ["E2"]


RECIPROCAL = """
[[rules]]
id = "mutual"
kind = "reciprocal"
severity = "warning"
"""


def appointments(end_of_k2=None):
    nodes = [("C1", "community", "Z1"), ("C2", "community", "Z1"),
             ("E1", "enterprise", "Z1"), ("E2", "enterprise", "Z1")] + [
        (f"K{i}", "cadre", "Z1") for i in range(1, 5)]
    edges = [("K1", "C1", "works_at"), ("K2", "E1", "works_at"), ("K3", "C2", "works_at"),
             ("K4", "E2", "works_at"),
             ("K1", "E1", "part_time_post", "instructor"),                    # C1 -> E1
             ("K2", "C1", "part_time_post", "part_time_member", None, end_of_k2),  # E1 -> C1
             ("K3", "E2", "part_time_post", "instructor"),                    # C2 -> E2 only
             ("K4", "C1", "part_time_post", "part_time_member")]              # E2 -> C1 only
    return build(nodes, edges)


def test_reciprocal_reports_each_one_way_pair_on_the_community():
    f = run_rule(appointments(), RECIPROCAL)
    assert ids(f) == ["C1", "C2"]
    assert f["related_ids"].tolist() == [["E2", "K4"], ["E2", "K3"]]
    assert f["detail"][1] == {"partner": "E2", "present": "community->enterprise",
                              "missing": "enterprise->community", "carriers": ["K3"]}
    # the suggestion names the sending unit, the receiving unit and a cadre of the sender
    assert f["suggestion"][1] == ("have name-E2 appoint a party member as part-time committee "
                                  "member at name-C2 (for example name-K4)")
    assert f["suggestion"][0] == ("have name-C1 appoint a party member as party-building "
                                  "instructor at name-E2 (for example name-K1)")


def test_reciprocal_zh_message_names_both_units():
    f = run_rule(appointments(), RECIPROCAL, lang="zh")
    assert f["suggestion"][1] == "由name-E2选派党员到name-C2担任兼职委员（如 name-K4）"


def test_reciprocal_quiet_when_every_pair_is_mutual():
    g = build([("C1", "community", "Z1"), ("E1", "enterprise", "Z1"), ("K1", "cadre", "Z1"),
               ("K2", "cadre", "Z1")],
              [("K1", "C1", "works_at"), ("K2", "E1", "works_at"),
               ("K1", "E1", "part_time_post", "instructor"),
               ("K2", "C1", "part_time_post", "part_time_member")])
    assert run_rule(g, RECIPROCAL).empty


def test_reciprocal_uses_the_audit_date():
    g = appointments(end_of_k2="2025-01-31")     # E1 -> C1 lapsed before the audit date
    assert ids(run_rule(g, RECIPROCAL)) == ["C1", "C1", "C2"]
    assert ids(run_rule(g, RECIPROCAL, as_of="2025-01-01")) == ["C1", "C2"]


REACH = """
[[rules]]
id = "reach"
kind = "reach"
severity = "info"
max_hops = 2
"""


def zones():
    nodes = [("W1", "council", "Z1"), ("C1", "community", "Z1"), ("E1", "enterprise", "Z1"),
             ("E2", "enterprise", "Z1"), ("E3", "enterprise", "Z1"), ("E4", "enterprise", "Z1"),
             ("W2", "council", "Z2"), ("P1", "park", "Z3"), ("P2", "park", "Z3")]
    edges = [("C1", "W1", "council_member"), ("E1", "C1", "co_building"),
             ("E2", "E1", "co_building"),                 # 3 hops from W1
             ("E4", "W2", "council_member"),              # tied to another zone's council
             ("P1", "P2", "co_building")]                 # Z3 has no council: not checked
    return build(nodes, edges)


def test_reach_flags_units_too_far_from_their_own_zone_council():
    f = run_rule(zones(), REACH)
    assert ids(f) == ["E2", "E4"]
    assert f["related_ids"].tolist() == [["W1"], ["W1"]]
    assert f["detail"][0] == {"max_hops": 2, "council": "W1"}


def test_reach_with_more_hops_and_isolated_units():
    assert ids(run_rule(zones(), REACH.replace("max_hops = 2", "max_hops = 3"))) == ["E4"]
    # E3 has no tie: left to the isolated rule unless skip_isolated is false
    assert ids(run_rule(zones(), REACH + "skip_isolated = false\n")) == ["E2", "E3", "E4"]


def test_reach_quiet_when_everyone_is_a_member():
    g = build([("W1", "council", "Z1"), ("C1", "community", "Z1"), ("E1", "enterprise", "Z1")],
              [("C1", "W1", "council_member"), ("E1", "W1", "council_member")])
    assert run_rule(g, REACH).empty
