"""Needs and resources lists: needs met in reach (ties or the same grid), unmet needs
with a partner to pair with, and pl.suggest proposing that pair."""

from __future__ import annotations

from rulekit import build, run_rule

import partylinks as pl

NEEDS = '[[rules]]\nid = "needs"\nkind = "needs"\nseverity = "info"\n'


def lists():
    """E1 needs 用工, 融资, 技术 and 场地. C1 (tied to E1) offers 用工; P1 (two steps away, via
    C1) offers 融资; E2 (same grid G1 as E1, no tie) offers 场地; E3 in zone Z1, untied,
    offers 技术; E4 in Z2 offers 技术 too and has a co-building tie (load)."""
    nodes = [("E1", "enterprise", "Z1", {"needs": "用工；融资、技术;场地"}),
             ("C1", "community", "Z1", {"resources": "用工"}),
             ("P1", "park", "Z1", {"resources": "融资"}),
             ("E2", "enterprise", "Z1", {"resources": "场地"}),
             ("E3", "enterprise", "Z1", {"resources": "技术"}),
             ("E4", "enterprise", "Z2", {"resources": "技术"}), ("E5", "enterprise", "Z2"),
             ("G1", "grid", "Z1", {"level": 3})]
    edges = [("E1", "C1", "co_building"), ("C1", "P1", "co_building"),
             ("E1", "G1", "located_in"), ("E2", "G1", "located_in"),
             ("E4", "E5", "co_building")]
    return build(nodes, edges)


def test_unmet_need_names_the_partner_of_its_zone():
    f = run_rule(lists(), NEEDS)
    # 用工: C1, one step; 融资: P1, two steps; 场地: E2, same grid; 技术: nobody in reach
    assert f["node_id"].tolist() == ["E1"]
    assert f["detail"][0] == {"issue": "unmet_need", "need": "技术", "candidate": "E3"}
    assert f["related_ids"][0] == ["E3"]
    assert f["suggestion"][0] == ("pair name-E1 with name-E3 (co-building), whose resources "
                                  "include '技术'")


def test_hops_and_grid_are_parameters():
    f = run_rule(lists(), NEEDS + "max_hops = 1\nsame_grid = false\n")
    assert sorted(d["need"] for d in f["detail"]) == ["场地", "技术", "融资"]


def test_needs_without_resources_column_is_said_once():
    g = build([("E1", "enterprise", "Z1", {"needs": "用工"}), ("C1", "community", "Z1")], [])
    f = run_rule(g, NEEDS)
    assert f["node_id"].tolist() == [None]
    assert f["detail"][0]["missing_columns"] == ["resources"]


def test_no_lists_no_finding():
    g = build([("E1", "enterprise", "Z1"), ("C1", "community", "Z1")], [])
    assert run_rule(g, NEEDS).empty


def test_suggest_proposes_the_pair_that_meets_the_need():
    plan = pl.suggest(lists(), budget=5, as_of="2025-06-30", policy=pl.rules.parse_policy(NEEDS),
                      lang="en")
    row = plan[plan["closes"].map(lambda c: any(k.startswith("needs:E1") for k in c))]
    assert row[["source", "target", "type"]].values.tolist() == [["E1", "E3", "co_building"]]
