"""simulate: a transfer, a closure, a dropped mechanism, added edges."""

from __future__ import annotations

import pandas as pd
import pytest

import partylinks as pl


@pytest.fixture
def g(graph_factory):
    # Agency A1 (home of K1) and community C1 are members of council W1. K1 liaises with
    # enterprises E1 and E2: they hang on K1 alone. E3 is tied to C1 by co-building, and
    # hosts branch B1, whose member K3 (no works_at) registers at C1.
    nodes = [("A1", "agency"), ("C1", "community"), ("E1", "enterprise"), ("E2", "enterprise"),
             ("E3", "enterprise"), ("W1", "council"), ("B1", "branch"), ("K1", "cadre"),
             ("K2", "cadre"), ("K3", "cadre")]
    edges = [("K1", "A1", "works_at"), ("K2", "C1", "works_at"),
             ("K1", "E1", "liaison"), ("K1", "E2", "liaison"),
             ("A1", "W1", "council_member"), ("C1", "W1", "council_member"),
             ("K2", "W1", "convenes"), ("E3", "C1", "co_building"),
             ("B1", "E3", "hosted_by"), ("K3", "B1", "member_of"), ("K3", "C1", "registers_at")]
    return graph_factory(nodes, edges)


def test_removing_the_only_cadre_of_two_units_isolates_both(g):
    w = pl.simulate(g, remove_cadres=["K1"], lang="en")
    assert w.units_isolated["id"].tolist() == ["E1", "E2"]
    assert w.components_added == 2
    assert w.ties_lost[["tie_type", "u", "v", "via"]].values.tolist() == [
        ["liaison", "A1", "E1", "K1"], ["liaison", "A1", "E2", "K1"]]
    assert w.removed.values.tolist() == [["cadre", "K1", None, 3]]
    m = w.metrics.set_index("metric")
    assert m.loc["isolated", ["before", "after"]].tolist() == [0, 2]
    assert m.loc["components", ["before", "after"]].tolist() == [1, 3]
    # before: E1, E2 hang on K1; after: A1 hangs on its one council membership (an edge)
    assert m.loc["fragile", ["before", "after"]].tolist() == [2, 1]
    opened = set(w.findings_opened["key"])
    closed = set(w.findings_closed["key"])
    assert {"isolated_units:E1", "isolated_units:E2"} <= opened
    assert {"fragile_units:E1[K1]", "fragile_units:E2[K1]", "key_persons:K1[E1,E2]"} <= closed
    assert w.orphans.empty
    assert "K1" not in set(w.graph.nodes["id"])


def test_removing_the_co_building_mechanism(g):
    w = pl.simulate(g, remove_mechanism="结对共建", lang="en", findings=False)
    assert w.removed.values.tolist() == [["mechanism", "co_building", "co-building", 1]]
    # E3 keeps K3's dual registration at C1 (K3 belongs to E3's branch), so it is not
    # isolated, but all its ties now hang on K3: one more fragile unit.
    assert w.units_isolated.empty
    counts = w.comparison.tie_counts.set_index("tie_type")
    assert counts.loc["co_building", ["before", "after", "lapsed"]].tolist() == [1, 0, 1]
    assert counts.loc["liaison", "lapsed"] == 0
    assert w.components_added == 0
    assert w.metrics.set_index("metric").loc["fragile", ["before", "after"]].tolist() == [2, 3]
    with pytest.raises(ValueError, match="not a tie type"):
        pl.simulate(g, remove_mechanism="hosted_by")


def test_closing_a_unit_orphans_its_branches_and_their_members(g):
    w = pl.simulate(g, remove_units=["E3"], lang="en", findings=False)
    # B1 loses its host; K3 had no works_at, so loses its home unit with it, and K3's
    # dual registration no longer ties any unit: C1 keeps its council tie.
    assert w.orphans[["id", "type", "former_unit", "ties_unresolved"]].values.tolist() == [
        ["B1", "branch", "E3", 0], ["K3", "cadre", "E3", 1]]
    assert w.comparison.units_removed["id"].tolist() == ["E3"]
    assert w.units_isolated.empty
    assert w.components_added == 0
    assert set(w.ties_lost["tie_type"]) == {"co_building", "registers_at"}
    assert w.graph.unresolved_ties["source"].tolist() == ["K3"]
    assert "lost their host" in repr(w)


def test_added_edges_are_checked_and_counted(g):
    add = pd.DataFrame({"source": ["E1", "E2"], "target": ["W1", "W1"],
                        "type": ["成员单位", "council_member"]})
    w = pl.simulate(g, add_edges=add, lang="en")
    assert w.comparison.ties_new[["u", "v"]].values.tolist() == [["E1", "W1"], ["E2", "W1"]]
    assert {"fragile_units:E1[K1]", "fragile_units:E2[K1]",
            "key_persons:K1[E1,E2]"} <= set(w.findings_closed["key"])
    bad = pd.DataFrame({"source": ["W1"], "target": ["E1"], "type": ["council_member"]})
    with pytest.raises(ValueError, match="cannot join council -> enterprise"):
        pl.simulate(g, add_edges=bad)


def test_unknown_or_wrong_ids(g):
    with pytest.raises(KeyError, match="nobody"):
        pl.simulate(g, remove_cadres=["nobody"])
    with pytest.raises(ValueError, match="not of type"):
        pl.simulate(g, remove_units=["K1"])


def test_yongchun_key_cadre_transfer():
    g = pl.datasets.load_sample("yongchun")
    w = pl.simulate(g, remove_cadres=["Y-K0010"], as_of="2025-06-30", lang="en")
    # the README: transferring Y-K0010 isolates Y-A20 and Y-E007
    assert w.units_isolated["id"].tolist() == ["Y-A20", "Y-E007"]
    assert w.components_added == 2
    assert "key_persons:Y-K0010[Y-A20,Y-E007]" in set(w.findings_closed["key"])
    w2 = pl.simulate(g, remove_mechanism="co_building", as_of="2025-06-30", lang="en",
                     findings=False)
    assert w2.comparison.tie_counts.set_index("tie_type").loc["co_building", "lapsed"] == 11
