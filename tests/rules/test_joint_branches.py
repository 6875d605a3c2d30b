"""Joint branches (联合党支部): coverage by hosted_by, covers and membership; the 3-member
rule for a unit of a joint branch; the party_members column when it is absent."""

from __future__ import annotations

from rulekit import build, ids, run_rule

ALL_WAYS = '["hosted_by", "covers", "membership", "co_building", "located_in_grid"]'


def rule(checks: str, joint_via: str = ALL_WAYS) -> str:
    return f"""
[[rules]]
id = "cover"
kind = "branch_coverage"
severity = "error"
checks = {checks}
joint_via = {joint_via}
"""


def park_with_joint_branch(members=None):
    """P1 hosts the joint branch B1. E1's member K1 belongs to B1 (membership); B1 has a
    second hosted_by row to E2; a covers row to E3; E4 has nobody in B1 and no other
    coverage; E5 has 4 members, one of them (K5) in B1."""
    pm = members or {"E1": 2, "E2": 1, "E3": 2, "E4": 2, "E5": 4}
    nodes = [(e, "enterprise", "Z1", {"party_members": n}) for e, n in pm.items()]
    nodes += [("P1", "park", "Z1"), ("B1", "branch", "Z1", {"subtype": "branch"}),
              ("K0", "cadre", "Z1"), ("K1", "cadre", "Z1"), ("K5", "cadre", "Z1")]
    edges = [("B1", "P1", "hosted_by", None, "2020-01-01"),
             ("B1", "E2", "hosted_by", None, "2019-01-01"),
             ("B1", "E3", "covers"),
             ("K0", "P1", "works_at"), ("K0", "B1", "member_of"),
             ("K1", "E1", "works_at"), ("K1", "B1", "member_of"),
             ("K5", "E5", "works_at"), ("K5", "B1", "member_of")]
    return build(nodes, edges)


def test_membership_hosted_by_and_covers_count_as_joint_coverage():
    f = run_rule(park_with_joint_branch(), rule('["coverage"]'))
    # E1 (membership), E2 (second hosted_by), E3 (covers) and E5 (membership) are covered
    assert ids(f) == ["E4"]
    assert f["message"][0] == ("name-E4 (2 party members) is covered neither by a branch "
                               "(own or joint) nor by an instructor")


def test_only_the_listed_ways_count():
    f = run_rule(park_with_joint_branch(), rule('["coverage"]', '["co_building"]'))
    assert ids(f) == ["E1", "E2", "E3", "E4", "E5"]


def test_unit_with_three_members_in_a_joint_branch_should_form_its_own():
    f = run_rule(park_with_joint_branch(), rule('["own_branch"]'))
    assert ids(f) == ["E5"]
    assert f["related_ids"][0] == ["B1"]
    assert f["detail"][0] == {"issue": "own_branch_due", "party_members": 4, "threshold": 3,
                              "joint": ["B1"]}
    assert f["message"][0] == ("name-E5 has 4 formal party members (3 or more) but is only in "
                               "the joint branch name-B1, with no branch of its own")
    zh = run_rule(park_with_joint_branch(), rule('["own_branch"]'), lang="zh")
    assert zh["suggestion"][0] == ("name-E5正式党员已有 4 名，应从联合党支部name-B1中分出，"
                                   "单独组建党支部")


def test_joint_size_counts_units_covered_by_membership_and_covers():
    f = run_rule(park_with_joint_branch(), rule('["joint_size"]') + "max_joint_units = 3\n")
    assert ids(f) == ["B1"]
    assert f["related_ids"][0] == ["E1", "E2", "E3", "E5"]
    assert f["detail"][0] == {"issue": "joint_too_many_units", "count": 4, "threshold": 3}


def test_absent_party_members_is_said_once_not_per_unit():
    nodes = [("E1", "enterprise", "Z1"), ("E2", "enterprise", "Z1"),
             ("B2", "branch", "Z1", {"subtype": "branch"}), ("C1", "community", "Z1"),
             ("K1", "cadre", "Z1")]
    edges = [("B2", "E2", "hosted_by"), ("K1", "C1", "works_at")]
    f = run_rule(build(nodes, edges), rule('["coverage", "own_branch"]'))
    # E1 has no coverage of any kind: reported; the 3-member distinction: once, unchecked
    assert f["node_id"].tolist() == ["E1", None]
    assert f["detail"][1] == {"issue": "unchecked", "check": "unchecked_branch_members",
                              "missing_columns": ["party_members"]}
    assert f["message"][1] == ("the 3-member rule for a branch of its own could not be "
                               "checked: the data has no column party_members (党员数) (or it "
                               "is empty); nobody is reported as failing it")
    assert f["node_type"][1] is None
    assert f["severity"].tolist() == ["error", "info"]  # not checkable is not an error


def test_grids_without_levels_are_said_once():
    g = build([("G1", "grid", "Z1"), ("G2", "grid", "Z1")], [])
    f = run_rule(g, '[[rules]]\nid = "grid"\nkind = "grid_coverage"\nseverity = "warning"\n')
    assert f["node_id"].tolist() == [None]
    assert f["severity"].tolist() == ["info"]
    assert f["detail"][0]["missing_columns"] == ["level"]
