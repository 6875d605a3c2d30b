"""The 1+1+1 team: who may hold the support role, candidates from the right pool, and the
qualification columns when the data has none."""

from __future__ import annotations

from rulekit import build, run_rule

TEAM = """
[[rules]]
id = "team"
kind = "team"
severity = "error"
"""


def served_project(with_columns: bool = True):
    """J1 serves enterprise E1 (a co_building row). Its team lacks a support cadre. K9, an
    employee of E1, is young and has no post: he must not be proposed; K3, a young cadre of
    the township A2 with one post elsewhere, is. K4 is young but of the park P1."""
    def attrs(**kw):
        return kw if with_columns else {}
    nodes = [
        ("A1", "agency", "Z1", {"subtype": "department"} | attrs(enterprise_facing=True)),
        ("A2", "agency", "Z1", {"subtype": "township"} | attrs(enterprise_facing=False)),
        ("E1", "enterprise", "Z1"), ("P1", "park", "Z1"),
        ("K1", "cadre", "Z1", attrs(rank="section")),
        ("K2", "cadre", "Z1", attrs(rank="section")),
        ("K3", "cadre", "Z1", attrs(rank="staff", is_young=True)),
        ("K4", "cadre", "Z1", attrs(rank="staff", is_young=True)),
        ("K9", "cadre", "Z1", attrs(rank="staff", is_young=True)),
        ("J1", "project", "Z1"), ("J2", "project", "Z1"),
    ]
    edges = [("K1", "A1", "works_at"), ("K2", "A2", "works_at"), ("K3", "A2", "works_at"),
             ("K4", "P1", "works_at"), ("K9", "E1", "works_at"),
             ("J1", "E1", "co_building"),
             ("K1", "J1", "service_pairing", "coordinator"),
             ("K2", "J1", "service_pairing", "policy"),
             ("K1", "J2", "service_pairing", "coordinator"),
             ("K2", "J2", "service_pairing", "policy"),
             ("K3", "J2", "service_pairing", "support")]
    return build(nodes, edges)


def test_support_candidate_is_a_young_agency_cadre_never_of_the_served_unit():
    f = run_rule(served_project(), TEAM)
    assert f["node_id"].tolist() == ["J1"]
    assert f["detail"][0] == {"issue": "missing_role", "missing_role": "support",
                              "candidate": "K3"}
    assert f["suggestion"][0] == ("appoint a young cadre of an agency as support of "
                                  "name-J1 (for example name-K3)")


def test_a_holder_from_the_served_unit_is_reported():
    g = served_project()
    g2 = build([(n, t, z, a) for n, t, z, a in [
        ("A1", "agency", "Z1", {"subtype": "department", "enterprise_facing": True}),
        ("A2", "agency", "Z1", {"subtype": "township", "enterprise_facing": False}),
        ("E1", "enterprise", "Z1", {}),
        ("K1", "cadre", "Z1", {"rank": "section"}), ("K2", "cadre", "Z1", {"rank": "section"}),
        ("K9", "cadre", "Z1", {"rank": "staff", "is_young": True}),
        ("J1", "project", "Z1", {})]],
        [("K1", "A1", "works_at"), ("K2", "A2", "works_at"), ("K9", "E1", "works_at"),
         ("J1", "E1", "co_building"),
         ("K1", "J1", "service_pairing", "coordinator"),
         ("K2", "J1", "service_pairing", "policy"),
         ("K9", "J1", "service_pairing", "support")])
    assert len(g.nodes) > len(g2.nodes)
    f = run_rule(g2, TEAM + 'checks = ["qualification"]\n')
    assert f["node_id"].tolist() == ["J1"]
    assert f["detail"][0] == {"issue": "served_unit", "role": "support", "cadre": "K9",
                              "unit": "E1"}
    assert f["message"][0] == ("name-K9, support of name-J1, works at name-E1, the unit "
                               "the project serves")


def test_young_cadre_of_a_park_is_not_qualified_for_support():
    g = build([("A1", "agency", "Z1", {"subtype": "department", "enterprise_facing": True}),
               ("A2", "agency", "Z1", {"subtype": "township"}),
               ("P1", "park", "Z1"),
               ("K1", "cadre", "Z1", {"rank": "section"}),
               ("K2", "cadre", "Z1", {"rank": "section"}),
               ("K4", "cadre", "Z1", {"rank": "staff", "is_young": True}),
               ("J1", "project", "Z1")],
              [("K1", "A1", "works_at"), ("K2", "A2", "works_at"), ("K4", "P1", "works_at"),
               ("K1", "J1", "service_pairing", "coordinator"),
               ("K2", "J1", "service_pairing", "policy"),
               ("K4", "J1", "service_pairing", "support")])
    f = run_rule(g, TEAM + 'checks = ["qualification"]\n')
    assert [(d["issue"], d["role"], d["cadre"]) for d in f["detail"]] == [
        ("unqualified", "support", "K4")]


def test_absent_columns_are_said_once_per_role_and_accuse_nobody():
    f = run_rule(served_project(with_columns=False), TEAM + 'checks = ["qualification"]\n')
    # rank, enterprise_facing and is_young are absent: every role is unchecked, once
    assert f["node_id"].tolist() == [None, None, None]
    assert [d["check"] for d in f["detail"]] == ["unchecked_team_coordinator",
                                                 "unchecked_team_policy",
                                                 "unchecked_team_support"]
    assert [d["missing_columns"] for d in f["detail"]] == [
        ["rank", "enterprise_facing"], ["rank"], ["is_young"]]
    assert f["message"][2] == ("the 1+1+1 support qualification (a young cadre of an agency) "
                               "could not be checked: the data has no column is_young (年轻干部) "
                               "(or it is empty); nobody is reported as failing it")


def test_unknown_value_of_one_cadre_is_not_a_failure():
    g = build([("A1", "agency", "Z1", {"subtype": "department", "enterprise_facing": True}),
               ("A3", "agency", "Z1", {"subtype": "department"}),
               ("K1", "cadre", "Z1", {"rank": "section"}),
               ("J1", "project", "Z1")],
              [("K1", "A3", "works_at"), ("K1", "J1", "service_pairing", "coordinator")])
    # A3's enterprise_facing is not given: K1 is neither reported nor proposed
    f = run_rule(g, TEAM + 'checks = ["qualification"]\n')
    assert f.empty
