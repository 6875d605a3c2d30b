"""Fragile units and key persons: the suggestion names a concrete second carrier (a
colleague of the carrier, an instructor, a council or a unit to pair with)."""

from __future__ import annotations

from rulekit import build, run_rule

FRAGILE = '[[rules]]\nid = "fragile"\nkind = "fragile"\nseverity = "warning"\n'
KEY = '[[rules]]\nid = "key"\nkind = "key_person"\nseverity = "warning"\n'


def zone_one():
    """Z1: K1 (section rank) of C1 is instructor at E1; K2, his colleague at C1, holds
    nothing. K3, the only cadre of A1, liaises with E2. W1 is Z1's council, with no
    member. Z2: K5 of E3 is part-time at P2; E4 and E5 co-build."""
    nodes = [("C1", "community", "Z1"), ("E1", "enterprise", "Z1"),
             ("E2", "enterprise", "Z1"), ("A1", "agency", "Z1"), ("W1", "council", "Z1"),
             ("K1", "cadre", "Z1", {"rank": "section"}), ("K2", "cadre", "Z1"),
             ("K3", "cadre", "Z1"),
             ("P2", "park", "Z2"), ("E3", "enterprise", "Z2"), ("E4", "enterprise", "Z2"),
             ("E5", "enterprise", "Z2"), ("K5", "cadre", "Z2")]
    edges = [("K1", "C1", "works_at"), ("K2", "C1", "works_at"), ("K3", "A1", "works_at"),
             ("K1", "E1", "part_time_post", "instructor"), ("K3", "E2", "liaison"),
             ("K5", "E3", "works_at"), ("K5", "P2", "part_time_post"),
             ("E4", "E5", "co_building")]
    return build(nodes, edges)


def test_fragile_suggestions_name_a_candidate_from_each_pool():
    f = run_rule(zone_one(), FRAGILE)
    got = {r.node_id: (r.detail.get("candidate"), r.suggestion) for r in f.itertuples()}
    assert got == {
        # pool 1: K1's colleague at C1 takes the same post
        "C1": ("K2", "have name-K2 of name-C1 also serve name-E1 as party-building "
                     "instructor, so that name-C1 no longer depends on name-K1 alone"),
        "E1": ("K2", "have name-K2 of name-C1 also serve name-E1 as party-building "
                     "instructor, so that name-E1 no longer depends on name-K1 alone"),
        # pool 2: A1 has no other cadre; E2 is an enterprise: a community cadre of Z1,
        # K1 first (he holds an instructor post: a likely secretary)
        "E2": ("K1", "appoint name-K1 of name-C1 as party-building instructor of name-E2, "
                     "so that it no longer depends on name-K3 alone"),
        # pool 3: A1 is an agency: the council of its zone
        "A1": ("W1", "admit name-A1 to name-W1, so that it no longer depends on name-K3 "
                     "alone"),
        # pool 4: Z2 has no council and no community: the most tied unit not yet tied
        "P2": ("E4", "pair name-P2 with name-E4 (co-building), so that it no longer depends "
                     "on name-K5 alone"),
        "E3": ("E4", "pair name-E3 with name-E4 (co-building), so that it no longer depends "
                     "on name-K5 alone"),
    }


def test_key_person_suggestion_names_the_colleague_and_the_units():
    f = run_rule(zone_one(), KEY)
    got = {r.node_id: (r.detail.get("candidate"), r.suggestion) for r in f.itertuples()}
    assert got["K1"] == ("K2", "have name-K2 of name-C1 also serve name-E1 as party-building "
                               "instructor, so that they do not depend on name-K1 alone")
    # K3 and K5 have no colleague: the general suggestion, naming the units at risk
    assert got["K3"][0] is None and got["K5"][0] is None
    assert got["K3"][1] == ("give name-A1, name-E2 a second contact or kind of tie, so they "
                            "do not depend on name-K3 alone")
    zh = run_rule(zone_one(), KEY, lang="zh")
    assert zh.loc[zh["node_id"] == "K1", "suggestion"].item() == (
        "由name-C1的name-K2也担任name-E1的党建指导员，分担name-K1的联系，避免只依靠name-K1一人")
