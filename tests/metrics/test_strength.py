"""Tie strength: the formula on hand-built pairs, the activity window, unit summaries."""

import numpy as np
import pandas as pd
import pytest

import partylinks as pl


def events_frame(rows):
    return pd.DataFrame(rows, columns=["date", "kind", "units"])


def strong_and_weak(graph_factory, events=None):
    """C1-E1 is the domain's strong pair; C2-E2 a single paper tie.

    C1-E1: K1 (C1) instructs at E1, K2 (E1) is a part-time member at C1, K3 (E1)
    registers at C1, and C1 co-builds with E1: 3 tie types, 4 carriers (K1 K2 K3 and the
    co-building edge). C2-E2: K4 (C2) instructs at E2 only.
    """
    nodes = [("C1", "community"), ("E1", "enterprise"), ("C2", "community"),
             ("E2", "enterprise"), ("W1", "council"), ("BE", "branch"),
             ("K1", "cadre"), ("K2", "cadre"), ("K3", "cadre"), ("K4", "cadre")]
    edges = [("K1", "C1", "works_at"), ("K2", "E1", "works_at"), ("K3", "E1", "works_at"),
             ("K4", "C2", "works_at"), ("BE", "E1", "hosted_by"),
             ("K1", "E1", "part_time_post", "instructor"),
             ("K2", "C1", "part_time_post", "part_time_member"),
             ("K3", "C1", "registers_at"), ("C1", "E1", "co_building"),
             ("K4", "E2", "part_time_post", "instructor", "2024-01-01"),
             ("C1", "W1", "council_member"), ("E1", "W1", "council_member")]
    return graph_factory(nodes, edges, events=events)


QUARTERLY = [("2024-03-28", "joint_meeting", "C1;BE;W1"),      # BE stands for E1
             ("2024-06-27", "joint_meeting", "C1;E1;W1"),
             ("2024-09-26", "joint_meeting", "C1;E1;W1")]


def test_formula_weakest_and_strongest(graph_factory):
    g = strong_and_weak(graph_factory, events=events_frame(QUARTERLY))
    t = pl.metrics.tie_strength(g, as_of="2024-09-30").set_index(["u", "v"])
    assert t.loc[("C1", "E1"), ["n_ties", "multiplexity", "redundancy", "activity"]].tolist() \
        == [4, 3, 4, 1]                     # only the 2024-09-26 meeting is in the last 90 days
    assert t.loc[("C1", "E1"), "strength"] == pytest.approx(1.0)
    assert t.loc[("C2", "E2"), ["n_ties", "multiplexity", "redundancy", "activity"]].tolist() \
        == [1, 1, 1, 0]
    assert t.loc[("C2", "E2"), "strength"] == 0.0
    # council pairs: one tie each; the meeting ties C1-W1 and E1-W1 in activity
    assert t.loc[("C1", "W1"), "strength"] == pytest.approx(1 / 3)
    assert t.loc[("E1", "W1"), "activity"] == 1


def test_formula_middle_cases(graph_factory):
    """m, r, a on their own: (m + r + a) / 3."""
    nodes = [("C1", "community"), ("E1", "enterprise"), ("K1", "cadre"), ("K2", "cadre")]
    base = [("K1", "C1", "works_at"), ("K2", "C1", "works_at")]
    two_carriers = base + [("K1", "E1", "part_time_post"), ("K2", "E1", "part_time_post")]
    two_types = base + [("K1", "E1", "part_time_post"), ("K1", "E1", "liaison")]
    both = base + [("K1", "E1", "part_time_post"), ("K2", "E1", "liaison")]
    for edges, expected in ((two_carriers, 0.5 / 3), (two_types, 0.5 / 3), (both, 1 / 3)):
        s = pl.metrics.tie_strength(graph_factory(nodes, edges))["strength"].tolist()
        assert s == [pytest.approx(expected)]
    ev = events_frame([("2024-05-01", "joint_meeting", "C1;E1"),
                       ("2024-05-02", "joint_meeting", "E1;C1")])
    t = pl.metrics.tie_strength(graph_factory(nodes, both, events=ev))
    assert t["activity"].tolist() == [2]
    assert t["strength"].tolist() == [pytest.approx(2 / 3)]   # a is capped at one event


def test_window_bounds_and_default_end(graph_factory):
    ev = events_frame(QUARTERLY)
    g = strong_and_weak(graph_factory, events=ev)
    # default end = latest date in the data = 2024-09-26 (the last event)
    assert pl.metrics.window_end(g) == pd.Timestamp("2024-09-26")
    act = pl.metrics.tie_strength(g).set_index(["u", "v"])["activity"]
    assert act[("C1", "E1")] == 1
    # window (end - 91, end]: 2024-06-27 is exactly 91 days before 2024-09-26 -> excluded
    act = pl.metrics.tie_strength(g, window_days=91).set_index(["u", "v"])["activity"]
    assert act[("C1", "E1")] == 1
    act = pl.metrics.tie_strength(g, window_days=92).set_index(["u", "v"])["activity"]
    assert act[("C1", "E1")] == 2
    # 2024-03-28 counts for E1 through its branch BE
    act = pl.metrics.tie_strength(g, window_days=365).set_index(["u", "v"])["activity"]
    assert act[("C1", "E1")] == 3 and act[("C2", "E2")] == 0
    # an event after as_of is outside the window
    act = pl.metrics.tie_strength(g, as_of="2024-07-01").set_index(["u", "v"])["activity"]
    assert act[("C1", "E1")] == 1


def test_without_events_and_with_dates_only_in_edges(graph_factory):
    g = strong_and_weak(graph_factory)
    assert pl.metrics.window_end(g) == pd.Timestamp("2024-01-01")
    t = pl.metrics.tie_strength(g)
    assert (t["activity"] == 0).all()
    assert t["strength"].max() == pytest.approx(2 / 3)
    g0 = graph_factory([("C1", "community")], [])
    assert pl.metrics.window_end(g0) is None
    assert list(pl.metrics.tie_strength(g0).columns) == [
        "u", "v", "n_ties", "multiplexity", "redundancy", "activity", "strength"]


def test_pairs_ordered_by_id_and_as_of(graph_factory):
    g = graph_factory([("Z9", "community"), ("A1", "enterprise"), ("M5", "park")],
                      [("Z9", "A1", "co_building"),
                       ("M5", "A1", "co_building", None, "2024-01-01")])
    t = pl.metrics.tie_strength(g)
    assert t[["u", "v"]].values.tolist() == [["A1", "M5"], ["A1", "Z9"]]
    assert pl.metrics.tie_strength(g, as_of="2023-06-01")[["u", "v"]].values.tolist() \
        == [["A1", "Z9"]]
    with pytest.raises(ValueError, match="window_days"):
        pl.metrics.tie_strength(g, window_days=-1)


def test_unit_strength(graph_factory):
    g = strong_and_weak(graph_factory, events=events_frame(QUARTERLY))
    u = pl.metrics.unit_strength(g, as_of="2024-09-30")
    assert list(u.index) == ["C1", "E1", "C2", "E2", "W1"]
    assert u.index.name == "id"
    # C1: pairs C1-E1 (1), C1-W1 (1/3). W1: C1-W1 (1/3), E1-W1 (1/3).
    assert u.loc["C1", "n_pairs"] == 2
    assert u.loc["C1", "mean_strength"] == pytest.approx(2 / 3)
    assert u.loc["C1", "max_strength"] == pytest.approx(1.0)
    assert u.loc["W1", "mean_strength"] == pytest.approx(1 / 3)
    assert u.loc["C2", "max_strength"] == 0.0
    lone = pl.metrics.unit_strength(graph_factory([("C1", "community")], []))
    assert lone.loc["C1", "n_pairs"] == 0 and np.isnan(lone.loc["C1", "mean_strength"])


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
def test_sample_in_range():
    g = pl.datasets.load_sample("yongchun")
    t = pl.metrics.tie_strength(g)
    assert t["strength"].between(0, 1).all()
    assert (t["u"] < t["v"]).all()
    assert not t.duplicated(["u", "v"]).any()


def hub(graph_factory, hubs):
    """Hubs tied to leaf enterprises by part-time posts; ``hubs`` maps a hub id to (number
    of leaves, the leaves tied by two cadres: those pairs have strength 1/6, the others 0).
    Leaf ids sort before the hubs' and interleave between hubs (E00H1, E00H2, E01H1...)."""
    nodes, edges = [], []
    for h, (n_leaves, doubles) in hubs.items():
        nodes.append((h, "community"))
        for i in range(n_leaves):
            e, k = f"E{i:02d}{h}", f"K{i:02d}{h}"
            nodes += [(e, "enterprise"), (k, "cadre")]
            edges += [(k, h, "works_at"), (k, e, "part_time_post", "instructor")]
            if i in doubles:
                k2 = f"L{i:02d}{h}"
                nodes.append((k2, "cadre"))
                edges += [(k2, e, "works_at"), (k2, h, "part_time_post", "part_time_member")]
    return graph_factory(nodes, edges)


def test_mean_strength_is_exact_and_equal_scores_order_by_id(graph_factory):
    """A hub with 70 pairs, 7 of strength 1/6, has mean 1/60 exactly, like a hub with 10
    pairs and one of strength 1/6, so their scores are equal and they come in id order.
    (Averaged as floats, grouped the way the pairs come, H2 got 0.016666666666666663 and
    came first.)"""
    g = hub(graph_factory, {"H1": (10, {0}), "H2": (70, {7, 9, 27, 35, 41, 47, 66})})
    u = pl.metrics.unit_strength(g)
    assert u.loc["H1", "mean_strength"] == 1 / 60
    assert u.loc["H2", "mean_strength"] == 1 / 60
    assert u.loc["H2", "max_strength"] == pl.metrics.tie_strength(g)["strength"].max()
    s = pl.metrics.weak_linkage_score(g)
    hubs = s[s["id"].isin(["H1", "H2"])]
    assert hubs["score"].nunique() == 1
    assert hubs["id"].tolist() == ["H1", "H2"]
