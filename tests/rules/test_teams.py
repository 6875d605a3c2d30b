"""team (1+1+1) and composition on hand-drawn graphs."""

from __future__ import annotations

from rulekit import build, ids, run_rule

TEAM = """
[[rules]]
id = "team"
kind = "team"
severity = "error"
"""


def projects():
    nodes = [
        ("A1", "agency", "Z1", {"subtype": "department", "enterprise_facing": True}),
        ("A2", "agency", "Z1", {"subtype": "township", "enterprise_facing": False}),
        ("K1", "cadre", "Z1", {"rank": "section"}),
        ("K2", "cadre", "Z1", {"rank": "section"}),
        ("K3", "cadre", "Z1", {"rank": "staff", "is_young": True}),
        ("K4", "cadre", "Z1", {"rank": "staff", "is_young": True}),
        ("K5", "cadre", "Z1", {"rank": "section"}),
        ("J1", "project", "Z1"), ("J2", "project", "Z1"), ("J3", "project", "Z1"),
        ("J4", "project", "Z1"),
    ]
    edges = [("K1", "A1", "works_at"), ("K2", "A2", "works_at"), ("K3", "A2", "works_at"),
             ("K4", "A2", "works_at"), ("K5", "A2", "works_at"),
             # J1: complete and qualified
             ("K1", "J1", "service_pairing", "coordinator"),
             ("K2", "J1", "service_pairing", "policy"),
             ("K3", "J1", "service_pairing", "support"),
             # J2: K1 holds two roles; the support appointment has ended
             ("K1", "J2", "service_pairing", "coordinator"),
             ("K1", "J2", "service_pairing", "policy"),
             ("K3", "J2", "service_pairing", "support", "2024-01-01", "2025-03-31"),
             # J3: nobody; J4: support starts after the audit date
             ("K1", "J4", "service_pairing", "coordinator"),
             ("K2", "J4", "service_pairing", "policy"),
             ("K3", "J4", "service_pairing", "support", "2025-09-01")]
    return build(nodes, edges)


def issues(f):
    return sorted((r.node_id, r.detail["issue"], r.detail.get("missing_role", r.detail.get(
        "role", "")), tuple(r.related_ids)) for r in f.itertuples())


def test_team_tells_missing_expired_and_duplicate_apart():
    f = run_rule(projects(), TEAM)
    assert issues(f) == [
        ("J2", "duplicate_cadre", "", ("K1",)),
        ("J2", "expired_role", "support", ("K3",)),
        ("J3", "missing_role", "coordinator", ()),
        ("J3", "missing_role", "policy", ()),
        ("J3", "missing_role", "support", ()),
        ("J4", "missing_role", "support", ()),
    ]
    dup = f[f["detail"].map(lambda d: d["issue"] == "duplicate_cadre")].iloc[0]
    assert dup["detail"]["roles"] == ["coordinator", "policy"]
    assert dup["message"] == "name-K1 holds coordinator, policy liaison on name-J2: the team " \
                             "lacks three distinct cadres"


def test_team_suggests_the_least_loaded_qualified_cadre_not_on_the_team():
    f = run_rule(projects(), TEAM)
    by = {(r.node_id, r.detail["issue"], r.detail.get("missing_role", r.detail.get("role"))):
          r for r in f.itertuples()}
    # young cadres: K3 holds 1 active pairing, K4 none; K3 is also the expired holder
    assert by[("J3", "missing_role", "support")].detail["candidate"] == "K4"
    assert by[("J2", "expired_role", "support")].detail["candidate"] == "K4"
    # section-rank township cadres for the policy slot: K2 (2 active), K5 (0)
    assert by[("J3", "missing_role", "policy")].detail["candidate"] == "K5"
    assert by[("J2", "duplicate_cadre", None)].detail["candidate"] == "K5"
    # the only coordinator-qualified cadre, K1, is on no team of J3
    assert by[("J3", "missing_role", "coordinator")].detail["candidate"] == "K1"
    assert by[("J3", "missing_role", "support")].suggestion == \
        "appoint a young cadre of an agency as support of name-J3 (for example name-K4)"


def test_team_before_the_appointment_ended():
    f = run_rule(projects(), TEAM, as_of="2025-03-01")
    assert ("J2", "expired_role", "support", ("K3",)) not in issues(f)


def test_team_qualification_check():
    f = run_rule(projects(), TEAM + 'checks = ["qualification"]\n')
    # J2's policy slot is held by K1, a cadre of an enterprise-facing department
    assert issues(f) == [("J2", "unqualified", "policy", ("K1",))]
    assert f["message"][0] == "name-K1, policy liaison of name-J2, is not a section-rank " \
                              "township cadre"


def test_team_quiet_on_a_complete_team():
    g = projects().subgraph(ids=["A1", "A2", "K1", "K2", "K3", "J1"])
    assert run_rule(g, TEAM + 'checks = ["missing", "expired", "duplicate", '
                              '"qualification"]\n').empty


COMPOSITION = """
[[rules]]
id = "composition"
kind = "composition"
severity = "warning"
"""


def councils():
    nodes = [("W1", "council", "Z1"), ("C1", "community", "Z1"), ("E1", "enterprise", "Z1"),
             ("P1", "park", "Z1"), ("P3", "park", "Z1"), ("K9", "cadre", "Z1", {"rank": "county"}),
             ("W2", "council", "Z2"), ("C2", "community", "Z2"), ("E2", "enterprise", "Z2"),
             ("P2", "park", "Z2"), ("K8", "cadre", "Z2", {"rank": "county"}),
             ("A8", "agency", "Z2")]
    edges = [("C1", "W1", "council_member"), ("E1", "W1", "council_member"),
             ("P3", "W2", "council_member"),       # P3 is already in another council
             ("K8", "A8", "works_at"), ("K9", "A8", "works_at"),
             ("C2", "W2", "council_member"), ("E2", "W2", "council_member"),
             ("P2", "W2", "council_member"), ("K8", "W2", "convenes")]
    return build(nodes, edges)


def test_composition_reports_missing_sector_and_convenor_with_candidates():
    f = run_rule(councils(), COMPOSITION)
    assert ids(f) == ["W1", "W1"]
    assert [d["issue"] for d in f["detail"]] == ["missing_sector", "missing_convenor"]
    assert f["detail"][0] == {"issue": "missing_sector", "missing_sector": "park",
                              "candidate": "P1"}
    assert f["detail"][1]["candidate"] == "K9"
    assert f["suggestion"][0] == "admit name-P1 as a member unit of name-W1"


def test_composition_quiet_on_a_complete_council():
    g = councils().subgraph(zones=["Z2"])
    assert run_rule(g, COMPOSITION).empty


def test_composition_says_when_the_zone_has_no_unit_of_the_sector():
    g = councils().subgraph(ids=["W1", "C1", "E1", "K9", "A8"])
    f = run_rule(g, COMPOSITION + "convenor = false\n", lang="zh")
    assert f["message"].tolist() == ["name-W1没有园区方面的成员单位"]
    assert f["suggestion"][0].startswith("本片区没有园区单位")
