"""suggest: endpoint rules, capacity, zones, the right kind of cadre, and better than chance."""

from __future__ import annotations

import pandas as pd
import pytest

import partylinks as pl
from partylinks.change import DEFAULT_CAPACITY, compare_plans
from partylinks.rules import default_policy_path


@pytest.fixture
def no_mutual_policy(tmp_path):
    """The default policy with the mutual-appointment rule switched off."""
    text = default_policy_path().read_text(encoding="utf-8")
    anchor = 'id = "mutual_appointments"\n'
    assert anchor in text
    p = tmp_path / "policy.toml"
    p.write_text(text.replace(anchor, anchor + "enabled = false\n"), encoding="utf-8")
    return p


@pytest.fixture
def g():
    # Zone Z1: community C1 with cadres K1 (section rank, already instructor at E1) and K2;
    # enterprises E1..E4 (2 party members each, no branch), all council members of W1.
    # E2, E3, E4 are not covered (no branch, no instructor). Zone Z2: community C2 with
    # cadre K3 (section rank, no post): outside the enterprises' zone.
    # Project J1 in Z2 needs a policy cadre: townships T1 (Z1, cadre K4) and T2 (Z2,
    # cadre K5), both section rank; J1 has coordinator K6 (enterprise-facing agency A1).
    nodes = pd.DataFrame({
        "id": ["C1", "E1", "E2", "E3", "E4", "W1", "C2", "T1", "T2", "A1", "J1",
               "K1", "K2", "K3", "K4", "K5", "K6", "K7"],
        "type": ["community", "enterprise", "enterprise", "enterprise", "enterprise",
                 "council", "community", "agency", "agency", "agency", "project",
                 "cadre", "cadre", "cadre", "cadre", "cadre", "cadre", "cadre"],
        "zone": ["Z1"] * 6 + ["Z2", "Z1", "Z2", "Z1", "Z2"] + ["Z1", "Z1", "Z2", "Z1", "Z2",
                                                            "Z1", "Z2"],
        "subtype": [None] * 7 + ["township", "township", "department", None] + [None] * 7,
        "enterprise_facing": [None] * 9 + [True, None] + [None] * 7,
        "party_members": [None, 2, 2, 2, 2] + [None] * 13,
        "rank": [None] * 11 + ["section", "staff", "section", "section", "section",
                               "section", "staff"],
        "is_young": [None] * 17 + [True],
    })
    e = [("K1", "C1", "works_at"), ("K2", "C1", "works_at"), ("K3", "C2", "works_at"),
         ("K4", "T1", "works_at"), ("K5", "T2", "works_at"), ("K6", "A1", "works_at"),
         ("K7", "C2", "works_at"),
         ("K1", "E1", "part_time_post", "instructor"),
         ("K6", "J1", "service_pairing", "coordinator"),
         ("K7", "J1", "service_pairing", "support")]
    e += [(x, "W1", "council_member") for x in ["C1", "E1", "E2", "E3", "E4", "C2", "T1",
                                                "T2", "A1"]]
    cols = ("source", "target", "type", "role")
    edges = pd.DataFrame([dict(zip(cols[:len(r)], r, strict=True)) for r in e])
    return pl.from_frames(nodes, edges)


def _loads(g, plan, key):
    """Posts of kind ``key`` per node after the plan: active edges + planned ones."""
    e = pd.concat([g.edges.assign(source=g.edges["source"].astype(object))[
        ["source", "type", "role"]], plan[["source", "type", "role"]]])
    if key == "instructor":
        e = e[(e["type"] == "part_time_post") & (e["role"] == "instructor")]
    else:
        e = e[e["type"] == key]
    return e["source"].value_counts()


def test_instructor_capacity_and_zone(g, no_mutual_policy):
    plan = pl.suggest(g, budget=5, policy=no_mutual_policy, as_of="2025-01-01",
                      capacity={"instructor": 2, "co_building": 0}, lang="en")
    ins = plan[plan["role"] == "instructor"]
    # K1 already instructs E1: room for one more; K2 for two; K3 is in another zone
    assert sorted(ins["target"]) == ["E2", "E3", "E4"]
    assert ins["source"].value_counts().to_dict() == {"K2": 2, "K1": 1}
    assert (_loads(g, plan, "instructor") <= 2).all()
    assert set(sum(ins["closes"].tolist(), [])) == {
        "enterprise_branch:E2{issue=no_coverage}", "enterprise_branch:E3{issue=no_coverage}",
        "enterprise_branch:E4{issue=no_coverage}"}
    tight = pl.suggest(g, budget=5, policy=no_mutual_policy, as_of="2025-01-01",
                       capacity={"instructor": 1, "co_building": 0}, lang="en")
    t = tight[tight["role"] == "instructor"]
    assert t["source"].tolist() == ["K2"]           # K1 is full, K2 takes one
    assert "enterprise_branch" in set(tight.attrs["not_addressed"]["rule"])


def test_policy_role_goes_to_a_township_cadre_of_the_projects_zone(g, no_mutual_policy):
    plan = pl.suggest(g, budget=10, policy=no_mutual_policy, as_of="2025-01-01", lang="en")
    pol = plan[plan["type"] == "service_pairing"]
    assert pol[["source", "target", "role"]].values.tolist() == [["K5", "J1", "policy"]]
    assert pol["closes"].tolist() == [["project_team:J1{issue=missing_role;missing_role=policy}"]]


def test_plan_respects_the_schema_and_is_new(g, no_mutual_policy):
    plan = pl.suggest(g, budget=10, policy=no_mutual_policy, as_of="2025-01-01", lang="en")
    types = dict(zip(g.nodes["id"], g.nodes["type"].astype(object), strict=True))
    existing = set(zip(g.edges["source"].astype(object), g.edges["target"].astype(object),
                       g.edges["type"].astype(object), strict=True))
    for r in plan.itertuples():
        et = g.schema.edge_types[r.type]
        assert types[r.source] in et.sources and types[r.target] in et.targets
        assert (r.source, r.target, r.type) not in existing
    assert not plan.duplicated(["source", "target", "type"]).any()


def test_bad_arguments(g):
    with pytest.raises(ValueError, match="unknown capacity"):
        pl.suggest(g, capacity={"instructors": 2})
    with pytest.raises(ValueError, match="method"):
        pl.suggest(g, method="best")
    assert pl.suggest(g, budget=0, as_of="2025-01-01").empty
    assert set(DEFAULT_CAPACITY) >= {"instructor", "service_pairing"}


@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz"])
def test_sample_plans_are_valid_and_verified(name):
    g = pl.datasets.load_sample(name)
    plan = pl.suggest(g, budget=8, as_of="2025-06-30", lang="en")
    assert 0 < len(plan) <= 8
    types = dict(zip(g.nodes["id"], g.nodes["type"].astype(object), strict=True))
    existing = set(zip(g.edges["source"].astype(object), g.edges["target"].astype(object),
                       g.edges["type"].astype(object), strict=True))
    for r in plan.itertuples():
        et = g.schema.edge_types[r.type]
        assert types[r.source] in et.sources and types[r.target] in et.targets
        assert (r.source, r.target, r.type) not in existing
    for key, cap in DEFAULT_CAPACITY.items():
        if key != "co_building":
            assert (_loads(g.at("2025-06-30"), plan, key)[
                lambda s: s.index.isin(plan["source"])] <= cap).all(), key
    # the closes column is what re-running the audit with the plan shows
    w = pl.simulate(g, as_of="2025-06-30", add_edges=plan[["source", "target", "type", "role"]],
                    lang="en")
    assert set(sum(plan["closes"].tolist(), [])) == set(w.findings_closed["key"])
    assert plan.attrs["summary"]["closed"] == len(w.findings_closed)


def test_yongchun_roles_go_to_the_right_kind_of_cadre():
    g = pl.datasets.load_sample("yongchun")
    plan = pl.suggest(g, budget=12, as_of="2025-06-30", lang="en")
    nodes = g.nodes.set_index("id")
    home = g.home_unit
    for r in plan[plan["type"] == "service_pairing"].itertuples():
        k, unit = nodes.loc[r.source], nodes.loc[home[r.source]]
        if r.role == "support":
            assert bool(k["is_young"])
        elif r.role == "policy":
            assert k["rank"] == "section" and unit["subtype"] == "township"
            assert unit["zone"] == nodes.loc[r.target, "zone"]
        else:
            assert k["rank"] == "section" and bool(unit["enterprise_facing"])
    assert {"Y-J04", "Y-J13"} <= set(plan.loc[plan["type"] == "service_pairing", "target"])
    # the isolated enterprises join their zone's council: joining the components
    iso = plan[plan["source"].isin(["Y-E013", "Y-E025"])]
    assert iso["joins_components"].all() and set(iso["type"]) == {"council_member"}


@pytest.mark.parametrize("name", ["yongchun", "quanzhou_etdz"])
def test_greedy_beats_random_plans(name):
    t = compare_plans(pl.datasets.load_sample(name), budget=5, runs=20, as_of="2025-06-30")
    greedy, rand = t.iloc[0], t.iloc[1:]
    assert greedy["method"] == "greedy" and len(rand) == 20
    assert greedy["net_closed"] > rand["net_closed"].mean()
    assert greedy["components_joined"] >= rand["components_joined"].mean()
