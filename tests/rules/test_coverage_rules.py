"""branch_coverage and grid_coverage on hand-drawn graphs."""

from __future__ import annotations

from rulekit import build, ids, run_rule

COVERAGE = """
[[rules]]
id = "cover"
kind = "branch_coverage"
severity = "error"
checks = ["coverage"]
"""


def enterprises():
    pm = {"E1": 5, "E2": 4, "E3": 6, "E4": 2, "E5": 1, "E6": 2, "E7": 3}
    nodes = [(e, "enterprise", "Z1", {"party_members": n}) for e, n in pm.items()]
    nodes += [("C1", "community", "Z1"), ("P1", "park", "Z1"), ("G3", "grid", "Z1", {"level": 3}),
              ("B1", "branch", "Z1", {"subtype": "branch"}),
              ("B5", "branch", "Z1", {"subtype": "branch"}),
              ("B6", "branch", "Z1", {"subtype": "branch"}),
              ("B7", "branch", "Z1", {"subtype": "group"}),
              ("K1", "cadre", "Z1"), ("K2", "cadre", "Z1")]
    edges = [("B1", "E1", "hosted_by"),                     # E1: own branch
             ("B5", "P1", "hosted_by"), ("B5", "E2", "co_building"),   # E2: joint branch
             ("K1", "C1", "works_at"),
             ("K1", "E3", "part_time_post", "instructor"),  # E3: 6 members, instructor only
             ("K1", "E4", "part_time_post", "instructor"),  # E4: 2 members, instructor
             ("B6", "G3", "hosted_by"), ("E6", "G3", "located_in"),    # E6: grid branch
             ("B7", "E7", "hosted_by"),                     # E7: only a party group
             ("K2", "C1", "works_at")]
    return build(nodes, edges)


def test_coverage_applies_the_three_member_rule():
    f = run_rule(enterprises(), COVERAGE)
    assert ids(f) == ["E3", "E5", "E7"]
    assert f["detail"][0] == {"issue": "no_coverage", "party_members": 6, "threshold": 3}
    assert f["message"][0] == ("name-E3 has 6 formal party members (3 or more) but neither a "
                               "branch of its own nor a joint branch")
    assert f["suggestion"][0] == "set up a party branch in name-E3"


def test_small_uncovered_enterprise_gets_a_joint_branch_or_an_instructor():
    f = run_rule(enterprises(), COVERAGE)
    e5 = f[f["node_id"] == "E5"].iloc[0]
    # B5 covers one unit, so it has room: the organizational coverage comes first
    assert e5["detail"]["candidate"] == "B5"
    assert e5["suggestion"] == "bring name-E5 into the joint branch name-B5"
    # without joint branches, a community cadre: K1 already instructs, so K1 is preferred
    f = run_rule(enterprises(), COVERAGE + 'joint_via = []\n')
    assert ids(f) == ["E2", "E3", "E5", "E6", "E7"]
    e5 = f[f["node_id"] == "E5"].iloc[0]
    assert e5["detail"]["candidate"] == "K1"
    assert e5["suggestion"] == "appoint name-K1 of name-C1 as party-building instructor of name-E5"


def test_coverage_quiet_when_everything_is_covered():
    g = enterprises().subgraph(ids=["E1", "E2", "E4", "E6", "B1", "B5", "B6", "P1", "G3", "C1",
                                    "K1"])
    assert run_rule(g, COVERAGE).empty


def test_branch_size_counts_member_of_edges_of_branches_only():
    nodes = [("E1", "enterprise", "Z1"), ("B1", "branch", "Z1", {"subtype": "branch"}),
             ("B2", "branch", "Z1", {"subtype": "committee"})]
    nodes += [(f"K{i}", "cadre", "Z1") for i in range(120)]
    edges = [("B1", "E1", "hosted_by"), ("B2", "E1", "hosted_by")]
    edges += [(f"K{i}", "B1", "member_of") for i in range(51)]
    edges += [(f"K{i}", "B2", "member_of") for i in range(51, 120)]   # 69 in a committee
    rule = COVERAGE.replace('["coverage"]', '["branch_size"]')
    f = run_rule(build(nodes, edges), rule)
    assert ids(f) == ["B1"]
    assert f["detail"][0] == {"issue": "too_many_members", "count": 51, "threshold": 50}
    assert run_rule(build(nodes, edges), rule + "max_branch_members = 51\n").empty


def test_joint_size_counts_units_without_their_own_branch():
    nodes = [("P1", "park", "Z1"), ("B5", "branch", "Z1", {"subtype": "branch"}),
             ("B9", "branch", "Z1", {"subtype": "branch"})]
    nodes += [(f"E{i}", "enterprise", "Z1", {"party_members": 1}) for i in range(7)]
    edges = [("B5", "P1", "hosted_by"), ("B9", "E6", "hosted_by")]
    edges += [("B5", f"E{i}", "co_building") for i in range(7)]   # E6 has its own branch
    rule = COVERAGE.replace('["coverage"]', '["joint_size"]')
    f = run_rule(build(nodes, edges), rule)
    assert ids(f) == ["B5"]
    assert f["related_ids"][0] == [f"E{i}" for i in range(6)]
    assert f["detail"][0]["count"] == 6
    assert run_rule(build(nodes, edges), rule + "max_joint_units = 6\n").empty


GRID = """
[[rules]]
id = "grids"
kind = "grid_coverage"
severity = "warning"
"""


def grids():
    nodes = [("G1", "grid", "Z1", {"level": 2}), ("G2", "grid", "Z1", {"level": 2}),
             ("G3", "grid", "Z1", {"level": 3}), ("G4", "grid", "Z1", {"level": 3}),
             ("G5", "grid", "Z1", {"level": 3}), ("G6", "grid", "Z1", {"level": 1}),
             ("C1", "community", "Z1"), ("A1", "agency", "Z1", {"subtype": "department"}),
             ("BG1", "branch", "Z1", {"subtype": "branch"}),
             ("BG2", "branch", "Z1", {"subtype": "group"}),
             ("BC1", "branch", "Z1", {"subtype": "branch"}),
             ("BG5", "branch", "Z1", {"subtype": "group"}),
             ("K1", "cadre", "Z1", {"rank": "county"}), ("K2", "cadre", "Z1", {"rank": "section"}),
             ("K3", "cadre", "Z1", {"rank": "county"})]
    edges = [("BG1", "G1", "hosted_by"), ("K1", "G1", "liaison"), ("A1", "G1", "liaison"),
             ("BG2", "G2", "hosted_by"), ("K2", "G2", "liaison"),   # department, no leader
             ("C1", "G3", "located_in"), ("BC1", "C1", "hosted_by"),
             ("BG5", "G5", "hosted_by"),
             ("K1", "A1", "works_at"), ("K2", "A1", "works_at"), ("K3", "A1", "works_at")]
    return build(nodes, edges)


def test_grid_coverage_by_level():
    f = run_rule(grids(), GRID)
    got = sorted((r.node_id, r.detail["issue"]) for r in f.itertuples())
    assert got == [("G2", "missing_branch"), ("G2", "missing_leader"),
                   ("G4", "missing_branch_or_group")]
    lead = f[f["detail"].map(lambda d: d["issue"] == "missing_leader")].iloc[0]
    assert lead["detail"]["candidate"] == "K3"      # K1 already liaises one grid
    assert lead["message"] == "level-2 grid name-G2 has no district-leader liaison"


def test_grid_coverage_counts_branches_of_located_units_only_when_asked():
    f = run_rule(grids(), GRID + "include_located_units = false\n")
    assert ("G3", "missing_branch_or_group") in [(r.node_id, r.detail["issue"])
                                                 for r in f.itertuples()]


def test_grid_coverage_quiet_when_complete():
    g = grids().subgraph(ids=["G1", "G5", "G6", "A1", "BG1", "BG5", "K1"])
    assert run_rule(g, GRID).empty
