"""E-I index and linkage matrix on hand-drawn graphs, answers worked out by hand."""

import numpy as np
import pandas as pd
import pytest

import partylinks as pl
from partylinks.graph.unitgraph import unit_graph
from partylinks.metrics.mixing import MISSING_GROUP, unit_groups


def two_groups(graph_factory):
    """Communities C1, C2 and enterprises E1, E2, E3 (E3 in zone Z2), tied by co-building.

    Distinct pairs: C1-C2 (inside community), C1-E1 (twice: two ties), C2-E2 (across),
    E1-E2, E2-E3 (inside enterprise).
    """
    nodes = [("C1", "community", "Z1"), ("C2", "community", "Z1"), ("E1", "enterprise", "Z1"),
             ("E2", "enterprise", "Z1"), ("E3", "enterprise", "Z2")]
    edges = [("C1", "C2", "co_building"), ("C1", "E1", "co_building"),
             ("E1", "C1", "co_building"), ("C2", "E2", "co_building"),
             ("E1", "E2", "co_building"), ("E3", "E2", "co_building")]
    return graph_factory(nodes, edges)


def test_ei_by_hand(graph_factory):
    g = two_groups(graph_factory)
    r = pl.metrics.ei_index(g, n_permutations=0).set_index("group")
    # community: E = C1-E1, C2-E2 = 2; I = C1-C2 = 1 -> (2-1)/3
    # enterprise: E = 2; I = E1-E2, E2-E3 = 2 -> 0
    # overall: E = 2, I = 3 -> -1/5
    assert r.loc["community", ["E", "I"]].tolist() == [2, 1]
    assert r.loc["enterprise", ["E", "I"]].tolist() == [2, 2]
    assert r.loc["__overall__", ["E", "I"]].tolist() == [2, 3]
    assert r["ei"].tolist() == pytest.approx([1 / 3, 0.0, -0.2])
    assert r["units"].tolist() == [2, 3, 5]
    assert r["expected_ei"].isna().all() and r["p_value"].isna().all()
    assert list(r.index) == ["community", "enterprise", "__overall__"]


def test_ei_weighted_counts_ties(graph_factory):
    g = two_groups(graph_factory)
    r = pl.metrics.ei_index(g, weight=True, n_permutations=0).set_index("group")
    # C1-E1 now counts 2: community E=3, I=1; enterprise E=3, I=2; overall E=3, I=3
    assert r["E"].tolist() == [3, 3, 3]
    assert r["I"].tolist() == [1, 2, 3]
    assert r["ei"].tolist() == pytest.approx([0.5, 0.2, 0.0])


def test_ei_by_zone_and_untied_group(graph_factory):
    g = two_groups(graph_factory)
    g2 = graph_factory([("C1", "community", "Z1"), ("C2", "community", "Z1"),
                        ("E9", "enterprise", "Z9")], [("C1", "C2", "co_building")])
    r = pl.metrics.ei_index(g, by="zone", n_permutations=0).set_index("group")
    # Z2 = {E3}: its only pair E2-E3 is external. Z1: E = 1, I = 4.
    assert r.loc["Z2", ["E", "I"]].tolist() == [1, 0]
    assert r.loc["Z1", ["E", "I"]].tolist() == [1, 4]
    r2 = pl.metrics.ei_index(g2, by="zone", n_permutations=50).set_index("group")
    assert np.isnan(r2.loc["Z9", "ei"]) and np.isnan(r2.loc["Z9", "p_value"])
    assert r2.loc["Z1", "ei"] == -1.0


def test_only_internal_ties_gives_minus_one_and_small_p(graph_factory):
    """Two zones of ten units, each a ring: every pair internal."""
    nodes, edges = [], []
    for z in ("A", "B"):
        ids = [f"{z}{i}" for i in range(10)]
        nodes += [(i, "enterprise", z) for i in ids]
        edges += [(ids[i], ids[(i + 1) % 10], "co_building") for i in range(10)]
    g = graph_factory(nodes, edges)
    first = pl.metrics.ei_index(g, by="zone", n_permutations=199, seed=3)
    r = first.set_index("group")
    assert r["ei"].tolist() == [-1.0, -1.0, -1.0]
    assert (r["expected_ei"] > 0).all()     # random labels put about half the pairs across
    assert r["p_value"].tolist() == [pytest.approx(1 / 200)] * 3
    again = pl.metrics.ei_index(g, by="zone", n_permutations=199, seed=3)
    pd.testing.assert_frame_equal(first, again)
    other = pl.metrics.ei_index(g, by="zone", n_permutations=199, seed=4)
    assert not np.allclose(other["expected_ei"], again["expected_ei"])


def test_permutations_match_a_plain_loop(graph_factory):
    """The vectorized baseline equals a per-pair loop over the same seeded permutations."""
    rng = np.random.default_rng(11)
    ids = [f"U{i:02d}" for i in range(14)]
    types = ["community", "enterprise", "park", "agency"]
    nodes = [(i, types[j % 4], "Z1") for j, i in enumerate(ids)] + [("X", "park", "Z1")]
    pairs = {tuple(sorted(rng.choice(14, 2, replace=False).tolist())) for _ in range(25)}
    edges = [(ids[a], ids[b], "co_building") for a, b in sorted(pairs)]
    g = graph_factory(nodes, edges)
    n_perm, seed = 40, 7
    res = pl.metrics.ei_index(g, n_permutations=n_perm, seed=seed)

    ug = unit_graph(g)
    codes, labels = unit_groups(g, ug, "sector")
    k = len(labels)
    pa, pb = ug.pairs["a"].tolist(), ug.pairs["b"].tolist()
    tied = [i for i in range(ug.n) if ug.degree()[i] > 0]
    pos = {u: j for j, u in enumerate(tied)}

    def ei_of(lab):
        E, I_ = [0] * k, [0] * k
        for a, b in zip(pa, pb, strict=True):
            x, y = lab[pos[a]], lab[pos[b]]
            if x == y:
                I_[x] += 1
            else:
                E[x] += 1
                E[y] += 1
        per = [(e - i) / (e + i) if e + i else np.nan for e, i in zip(E, I_, strict=True)]
        e_all, i_all = sum(E) / 2, sum(I_)
        return per + [(e_all - i_all) / (e_all + i_all)]

    gen = np.random.default_rng(seed)
    lab = codes[tied].copy()
    perms = []
    for _ in range(n_perm):
        gen.shuffle(lab)
        perms.append(ei_of(lab.tolist()))
    perms = np.array(perms)
    obs = np.array(ei_of(codes[tied].tolist()))
    exp = np.nanmean(perms, axis=0)
    far = (np.abs(perms - exp) >= np.abs(obs - exp) - 1e-12).sum(axis=0)
    assert res["ei"].to_numpy() == pytest.approx(obs)
    assert res["expected_ei"].to_numpy() == pytest.approx(exp)
    assert res["p_value"].to_numpy() == pytest.approx((1 + far) / (1 + n_perm))
    assert res["units"].iloc[-1] == 15      # X has no tie but is a unit


def test_missing_group_and_custom_column(graph_factory):
    g = graph_factory([("C1", "community", "Z1"), ("C2", "community", None),
                       ("E1", "enterprise", "Z1")],
                      [("C1", "C2", "co_building"), ("C1", "E1", "co_building")])
    r = pl.metrics.ei_index(g, by="zone", n_permutations=0)
    assert r["group"].tolist() == ["Z1", MISSING_GROUP, "__overall__"]
    assert r["E"].tolist() == [1, 1, 1] and r["I"].tolist() == [1, 0, 1]
    r = pl.metrics.ei_index(g, by="type", n_permutations=0)
    assert r["group"].tolist() == ["community", "enterprise", "__overall__"]
    with pytest.raises(ValueError, match="not a node column"):
        pl.metrics.ei_index(g, by="colour")


def test_as_of_drops_inactive_ties(graph_factory):
    g = graph_factory([("C1", "community"), ("C2", "community"), ("E1", "enterprise")],
                      [("C1", "C2", "co_building", None, None, "2023-12-31"),
                       ("C1", "E1", "co_building", None, "2024-01-01", None)])
    assert pl.metrics.ei_index(g, n_permutations=0)["ei"].iloc[-1] == 0.0
    assert pl.metrics.ei_index(g, as_of="2023-06-30", n_permutations=0)["ei"].iloc[-1] == -1.0
    assert pl.metrics.ei_index(g, as_of="2024-06-30", n_permutations=0)["ei"].iloc[-1] == 1.0


def test_no_ties_at_all(graph_factory):
    g = graph_factory([("C1", "community"), ("E1", "enterprise")], [])
    r = pl.metrics.ei_index(g, n_permutations=10)
    assert r["E"].tolist() == [0, 0, 0] and r["ei"].isna().all()
    m = pl.metrics.linkage_matrix(g)
    assert m.to_numpy().tolist() == [[0, 0], [0, 0]]


def test_linkage_matrix_by_hand(graph_factory):
    g = two_groups(graph_factory)
    m = pl.metrics.linkage_matrix(g)
    assert m.index.name == "sector" and m.columns.name == "sector"
    assert list(m.index) == ["community", "enterprise"] == list(m.columns)
    assert m.to_numpy().tolist() == [[1, 2], [2, 2]]
    d = pl.metrics.linkage_matrix(g, density=True)
    # possible: community 2*1/2 = 1; enterprise 3*2/2 = 3; across 2*3 = 6
    assert d.to_numpy().ravel() == pytest.approx([1.0, 2 / 6, 2 / 6, 2 / 3])
    z = pl.metrics.linkage_matrix(g, by="zone")
    assert z.to_numpy().tolist() == [[4, 1], [1, 0]]
    zd = pl.metrics.linkage_matrix(g, by="zone", density=True)
    assert zd.loc["Z2", "Z2"] != zd.loc["Z2", "Z2"]   # one unit: no pair possible, NaN


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
def test_linkage_matrix_agrees_with_ei_counts():
    g = pl.datasets.load_sample("yongchun")
    m = pl.metrics.linkage_matrix(g).to_numpy()
    r = pl.metrics.ei_index(g, n_permutations=0)
    assert (np.diag(m) == r["I"].to_numpy()[:-1]).all()
    assert (m.sum(axis=1) - np.diag(m) == r["E"].to_numpy()[:-1]).all()
    assert (m == m.T).all()


def test_unit_ei_by_hand(graph_factory):
    """two_groups: C1 pairs C2 (in), E1 (out; two ties); C2: C1 (in), E2 (out);
    E1: C1 (out), E2 (in); E2: C2 (out), E1, E3 (in); E3: E2 (in)."""
    g = two_groups(graph_factory)
    r = pl.metrics.unit_ei(g)
    expected = pd.DataFrame({
        "id": ["C1", "C2", "E1", "E2", "E3"],
        "group": ["community", "community", "enterprise", "enterprise", "enterprise"],
        "E": [1, 1, 1, 1, 0], "I": [1, 1, 1, 2, 1],
        "ei": [0.0, 0.0, 0.0, -1 / 3, -1.0],
    })
    pd.testing.assert_frame_equal(r, expected, check_dtype=False)
    w = pl.metrics.unit_ei(g, weight=True).set_index("id")
    assert (w.loc["C1", "E"], w.loc["C1", "I"]) == (2, 1)          # C1-E1 holds two ties
    assert w.loc["C1", "ei"] == pytest.approx(1 / 3)
    z = pl.metrics.unit_ei(g, by="zone").set_index("id")            # E3 alone in Z2
    assert (z.loc["E3", "E"], z.loc["E3", "I"], z.loc["E2", "E"]) == (1, 0, 1)


def test_unit_ei_sums_to_group_counts(graph_factory):
    """Summed over a group's units, E equals the group's E and I twice its I."""
    g = two_groups(graph_factory)
    u = pl.metrics.unit_ei(g).groupby("group")[["E", "I"]].sum()
    grp = pl.metrics.ei_index(g, n_permutations=0).set_index("group")
    for name in ("community", "enterprise"):
        assert u.loc[name, "E"] == grp.loc[name, "E"]
        assert u.loc[name, "I"] == 2 * grp.loc[name, "I"]


def test_linkage_test_observed_and_expected(graph_factory):
    """Observed cells are the linkage matrix; the permutation mean tends to the exact
    expectation under random relabelling: m * 2 n_i n_j / (N (N - 1)) off the diagonal,
    m * n_i (n_i - 1) / (N (N - 1)) on it. two_groups: m = 5 pairs, N = 5, n = 2 and 3."""
    g = two_groups(graph_factory)
    t = pl.metrics.linkage_test(g, n_permutations=4000, seed=1).set_index(
        ["group_i", "group_j"])
    assert t["observed"].to_dict() == {("community", "community"): 1,
                                       ("community", "enterprise"): 2,
                                       ("enterprise", "enterprise"): 2}
    assert t.loc[("community", "community"), "expected"] == pytest.approx(5 * 2 / 20, abs=0.03)
    assert t.loc[("community", "enterprise"), "expected"] == pytest.approx(5 * 12 / 20,
                                                                           abs=0.05)
    assert t.loc[("enterprise", "enterprise"), "expected"] == pytest.approx(5 * 6 / 20,
                                                                            abs=0.05)
    assert ((t["p_value"] > 0) & (t["p_value"] <= 1)).all()
    again = pl.metrics.linkage_test(g, n_permutations=4000, seed=1)
    pd.testing.assert_frame_equal(again.set_index(["group_i", "group_j"]), t)


def test_linkage_test_exact_p_by_enumeration(graph_factory):
    """Two communities tied to each other, two enterprises tied to each other, nothing
    across. Of the C(4,2) = 6 labelings with two units of each sector, 2 put each tied
    pair in one sector (cross cell 0) and 4 split both pairs (cross cell 2): P(cross <=
    0) = 1/3, so with many permutations p_less tends to 1/3."""
    g = graph_factory([("C1", "community"), ("C2", "community"), ("E1", "enterprise"),
                       ("E2", "enterprise")],
                      [("C1", "C2", "co_building"), ("E1", "E2", "co_building")])
    t = pl.metrics.linkage_test(g, n_permutations=6000, seed=3).set_index(
        ["group_i", "group_j"])
    cross = t.loc[("community", "enterprise")]
    assert cross["observed"] == 0
    assert cross["p_less"] == pytest.approx(1 / 3, abs=0.03)
    assert cross["p_greater"] == 1.0
    with pytest.raises(ValueError, match="n_permutations"):
        pl.metrics.linkage_test(g, n_permutations=0)
