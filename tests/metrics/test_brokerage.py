"""Gould-Fernandez brokerage: a hand example and a brute-force cross-check."""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partylinks as pl
from partylinks.graph.unitgraph import unit_graph
from partylinks.metrics.mixing import unit_groups

ROLE_COLS = ["coordinator", "gatekeeper", "representative", "itinerant", "liaison"]


def brute_force(g, by):
    """Triple loop over (a, b, c): the definition, read literally."""
    ug = unit_graph(g)
    codes, _ = unit_groups(g, ug, by)
    arcs = set(zip(ug.ties["a"].tolist(), ug.ties["b"].tolist(), strict=True))
    out = {}
    for b in range(ug.n):
        counts = dict.fromkeys(ROLE_COLS, 0)
        for a, c in itertools.permutations(range(ug.n), 2):
            if b in (a, c) or (a, b) not in arcs or (b, c) not in arcs or (a, c) in arcs:
                continue
            ga, gb, gc = codes[a], codes[b], codes[c]
            if ga == gb == gc:
                counts["coordinator"] += 1
            elif ga == gc:
                counts["itinerant"] += 1
            elif ga == gb:
                counts["representative"] += 1
            elif gb == gc:
                counts["gatekeeper"] += 1
            else:
                counts["liaison"] += 1
        out[ug.ids[b]] = counts
    return out


def test_hand_example(graph_factory):
    """Six units in three groups: communities A1 A2 A3, enterprises B1 B2, park C1.

    Arcs: A1->A2 (twice), A2->B1, A1->B1, B1->B2, B2->C1, C1->A1, B2->B1, B1->A1, A2->A3.

    A1 (in C1, B1; out A2, B1): C1>A1>A2 gatekeeper, C1>A1>B1 liaison, B1>A1>A2 gatekeeper,
       B1>A1>B1 is a = c.
    A2 (in A1; out B1, A3): A1>A2>B1 closed by A1->B1; A1>A2>A3 coordinator.
    B1 (in A2, A1, B2; out B2, A1): A2>B1>B2 gatekeeper, A2>B1>A1 itinerant,
       A1>B1>B2 gatekeeper, B2>B1>A1 representative; A1>B1>A1 and B2>B1>B2 are a = c.
    B2 (in B1; out C1, B1): B1>B2>C1 representative.
    C1 (in B2; out A1): B2>C1>A1 liaison.
    """
    nodes = [("A1", "community"), ("A2", "community"), ("A3", "community"),
             ("B1", "enterprise"), ("B2", "enterprise"), ("C1", "park")]
    arcs = [("A1", "A2"), ("A1", "A2"), ("A2", "B1"), ("A1", "B1"), ("B1", "B2"),
            ("B2", "C1"), ("C1", "A1"), ("B2", "B1"), ("B1", "A1"), ("A2", "A3")]
    g = graph_factory(nodes, [(u, v, "co_building") for u, v in arcs])
    b = pl.metrics.brokerage(g)
    expected = pd.DataFrame({
        "id": ["A1", "A2", "A3", "B1", "B2", "C1"],
        "group": ["community", "community", "community", "enterprise", "enterprise", "park"],
        "coordinator":    [0, 1, 0, 0, 0, 0],
        "gatekeeper":     [2, 0, 0, 2, 0, 0],
        "representative": [0, 0, 0, 1, 1, 0],
        "itinerant":      [0, 0, 0, 1, 0, 0],
        "liaison":        [1, 0, 0, 0, 0, 1],
        "total":          [3, 1, 0, 4, 1, 1],
    })
    pd.testing.assert_frame_equal(b, expected, check_dtype=False)
    assert b["group"].dtype == object


def test_cadre_ties_keep_their_direction(graph_factory):
    """K (home C1) instructs at E1 and E1's cadre sits on P1's committee: C1 -> E1 -> P1."""
    g = graph_factory([("C1", "community"), ("E1", "enterprise"), ("P1", "park"),
                       ("K", "cadre"), ("L", "cadre")],
                      [("K", "C1", "works_at"), ("L", "E1", "works_at"),
                       ("K", "E1", "part_time_post"), ("L", "P1", "part_time_post")])
    b = pl.metrics.brokerage(g).set_index("id")
    assert b.loc["E1", "liaison"] == 1 and b["total"].sum() == 1
    z = pl.metrics.brokerage(g, by="zone").set_index("id")   # one zone: coordinator
    assert z.loc["E1", "coordinator"] == 1 and z.loc["E1", "group"] == "Z1"


def test_hub_with_thousands_of_neighbours(graph_factory):
    """Park hub H: 1500 communities point in, 1200 enterprises are pointed at; plus
    C0000 -> E0000 closes one path and E0001 -> H reciprocates one tie."""
    n_in, n_out = 1500, 1200
    nodes = [("H", "park")] + [(f"C{i:04d}", "community") for i in range(n_in)] \
        + [(f"E{i:04d}", "enterprise") for i in range(n_out)]
    edges = [(f"C{i:04d}", "H", "co_building") for i in range(n_in)] \
        + [("H", f"E{i:04d}", "co_building") for i in range(n_out)] \
        + [("C0000", "E0000", "co_building"), ("E0001", "H", "co_building")]
    g = graph_factory(nodes, edges)
    h = pl.metrics.brokerage(g).set_index("id").loc["H"]
    # liaison: community -> park -> enterprise, 1500 * 1200 minus the closed one;
    # itinerant: E0001 -> H -> E (any other of the 1199 enterprises)
    assert h["liaison"] == n_in * n_out - 1
    assert h["itinerant"] == n_out - 1
    assert h[["coordinator", "gatekeeper", "representative"]].tolist() == [0, 0, 0]


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
def test_samples_match_brute_force():
    g = pl.datasets.load_sample("shishi_pengtian")
    for by in ("sector", "zone"):
        b = pl.metrics.brokerage(g, by=by)
        bf = brute_force(g, by)
        assert {r.id: {c: getattr(r, c) for c in ROLE_COLS} for r in b.itertuples()} == bf


TYPES = ["community", "enterprise", "park", "agency", "grid"]


@st.composite
def random_digraph(draw):
    n = draw(st.integers(1, 8))
    kinds = draw(st.lists(st.sampled_from(TYPES), min_size=n, max_size=n))
    zones = draw(st.lists(st.sampled_from(["Z1", "Z2", "Z3"]), min_size=n, max_size=n))
    arcs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=30))
    nodes = [(f"U{i}", kinds[i], zones[i]) for i in range(n)]
    edges = [(f"U{a}", f"U{b}", "co_building") for a, b in arcs if a != b]
    return nodes, edges


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(random_digraph(), st.sampled_from(["sector", "zone"]))
def test_random_graphs_match_brute_force(graph_factory, graph, by):
    g = graph_factory(*graph)
    b = pl.metrics.brokerage(g, by=by)
    bf = brute_force(g, by)
    assert {r.id: {c: getattr(r, c) for c in ROLE_COLS} for r in b.itertuples()} == bf
    assert (b[ROLE_COLS].sum(axis=1) == b["total"]).all()
    assert (b[ROLE_COLS].to_numpy() >= 0).all()
    assert b["id"].tolist() == sorted(b["id"])


def test_as_of(graph_factory):
    g = graph_factory([("C1", "community"), ("E1", "enterprise"), ("P1", "park")],
                      [("C1", "E1", "co_building"),
                       ("E1", "P1", "co_building", None, "2024-01-01")])
    assert pl.metrics.brokerage(g)["total"].sum() == 1
    assert pl.metrics.brokerage(g, as_of="2023-01-01")["total"].sum() == 0
    assert np.array_equal(pl.metrics.brokerage(g, as_of="2024-02-01")["liaison"], [0, 1, 0])


# ---- expected values and z-scores (the moments of R's sna::brokerage) ----------------

def _six_units(graph_factory):
    nodes = [("A1", "community"), ("A2", "community"), ("A3", "community"),
             ("B1", "enterprise"), ("B2", "enterprise"), ("C1", "park")]
    arcs = [("A1", "A2"), ("A1", "A2"), ("A2", "B1"), ("A1", "B1"), ("B1", "B2"),
            ("B2", "C1"), ("C1", "A1"), ("B2", "B1"), ("B1", "A1"), ("A2", "A3")]
    return graph_factory(nodes, [(u, v, "co_building") for u, v in arcs])


def test_brokerage_z_matches_sna_moments_by_hand(graph_factory):
    """The graph of test_hand_example: N = 6, 9 distinct arcs, d = 9/30 = 0.3,
    p = d^2 (1 - d) = 0.063, q = d^3 (1 - d)^3 = 0.009261; groups of 3, 2 and 1 units.

    Expected values and variances, written out from the sna::brokerage formulas:

    community broker (n_i = 3; others 2, 1):
      coordinator p*2*1 = 0.126, var 0.126*0.937 = 0.118062
      gatekeeper = representative p*3*2 = 0.378, var 0.378*0.937 + 2*9*q = 0.520884
      itinerant p*(2*1 + 1*0) = 0.126, var 0.118062
      liaison p*(3^2 - 5) = 0.252, var 0.252*0.937 + 4*q*(2*C(1,2) + 1*C(2,2)) = 0.273168
      total p*5*4 = 1.26, var 1.26*0.937 + 2*5*4*3*q = 2.29194
    enterprise broker (n_i = 2; others 3, 1):
      coordinator 0, var 0
      gatekeeper = representative p*4*1 = 0.252, var 0.236124 + 2*6*q = 0.347256
      itinerant p*(3*2) = 0.378, var 0.354186 + 2*6*q = 0.465318
      liaison p*(16 - 10) = 0.378, var 0.354186 + 4*q*(3*0 + 1*3) = 0.465318
    park broker (n_i = 1; others 3, 2):
      coordinator, gatekeeper, representative 0, var 0
      itinerant p*(6 + 2) = 0.504, var 0.472248 + 2*6*q = 0.58338
      liaison p*(25 - 13) = 0.756, var 0.708372 + 4*q*(3*1 + 2*3) = 1.041768
    """
    z = pl.metrics.brokerage_z(_six_units(graph_factory)).set_index(["id", "role"])
    expect = {
        "community": {"coordinator": (0.126, 0.118062), "gatekeeper": (0.378, 0.520884),
                      "representative": (0.378, 0.520884), "itinerant": (0.126, 0.118062),
                      "liaison": (0.252, 0.273168), "total": (1.26, 2.29194)},
        "enterprise": {"coordinator": (0.0, 0.0), "gatekeeper": (0.252, 0.347256),
                       "representative": (0.252, 0.347256), "itinerant": (0.378, 0.465318),
                       "liaison": (0.378, 0.465318), "total": (1.26, 2.29194)},
        "park": {"coordinator": (0.0, 0.0), "gatekeeper": (0.0, 0.0),
                 "representative": (0.0, 0.0), "itinerant": (0.504, 0.58338),
                 "liaison": (0.756, 1.041768), "total": (1.26, 2.29194)},
    }
    group = {"A1": "community", "A2": "community", "A3": "community",
             "B1": "enterprise", "B2": "enterprise", "C1": "park"}
    for uid, grp in group.items():
        for role, (e, var) in expect[grp].items():
            row = z.loc[(uid, role)]
            assert row["group"] == grp
            assert row["expected"] == pytest.approx(e, abs=1e-12), (uid, role)
            assert row["sd"] == pytest.approx(np.sqrt(var), abs=1e-12), (uid, role)
    # counts as in test_hand_example; z = (count - E) / sd, NaN where sd = 0
    assert z.loc[("B1", "gatekeeper"), "count"] == 2
    assert z.loc[("B1", "gatekeeper"), "z"] == pytest.approx((2 - 0.252) / np.sqrt(0.347256))
    assert z.loc[("A1", "total"), "z"] == pytest.approx((3 - 1.26) / np.sqrt(2.29194))
    assert np.isnan(z.loc[("C1", "coordinator"), "z"])
    assert z.reset_index()["role"].tolist()[:6] == [*ROLE_COLS, "total"]


def test_brokerage_global_sums_the_units(graph_factory):
    g = _six_units(graph_factory)
    glob = pl.metrics.brokerage_global(g).set_index("role")
    assert glob.loc["total", "count"] == 10          # 3 + 1 + 0 + 4 + 1 + 1
    assert glob.loc["total", "expected"] == pytest.approx(6 * 1.26)
    assert glob.loc["liaison", "expected"] == pytest.approx(3 * 0.252 + 2 * 0.378 + 0.756)
    # A1: (2 - 0.378)/sqrt(0.520884) = 2.25; B1: (2 - 0.252)/sqrt(0.347256) = 2.97
    assert glob.loc["gatekeeper", "units_z_above_2"] == 2


def test_brokerage_z_empty_and_single_unit(graph_factory):
    g = graph_factory([("C1", "community")], [])
    z = pl.metrics.brokerage_z(g)
    assert len(z) == 6 and (z["expected"] == 0).all() and z["z"].isna().all()
