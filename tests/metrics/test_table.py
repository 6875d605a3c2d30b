"""pl.unit_table and its writers: one row per unit, each value the metric's own."""

import numpy as np
import pandas as pd
import pytest

import partylinks as pl


def test_house_by_hand():
    """house: C1 tied to E1 (two ties) and W1 (one); A1 alone; C1 brokers E1 -> C1 -> W1
    as a liaison (enterprise -> community -> government)."""
    t = pl.unit_table(pl.datasets.house()).set_index("id")
    assert t.index.tolist() == ["A1", "C1", "E1", "W1"]
    assert t["degree"].tolist() == [0, 2, 1, 1]
    assert t["n_ties"].tolist() == [0, 3, 2, 1]
    assert t["isolated"].tolist() == [True, False, False, False]
    assert t.loc["C1", "brokerage_liaison"] == 1 and t["brokerage_total"].sum() == 1
    assert t.loc["C1", "ei_E"] == 2 and t.loc["C1", "ei_I"] == 0
    assert np.isnan(t.loc["A1", "constraint"]) and t.loc["A1", "score"] == 1.0
    assert t["on_bridge"].tolist() == [False, True, True, True]
    assert t.loc["C1", "components_added"] == 1


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
def test_each_column_is_the_metric():
    g = pl.datasets.load_sample("yongchun")
    d = "2025-06-30"
    t = pl.unit_table(g, as_of=d).set_index("id")
    m = pl.metrics
    assert set(t.index[t["isolated"]]) == set(m.isolated_units(g, as_of=d)["id"])
    fr = m.fragile_units(g, as_of=d).set_index("id")
    assert set(t.index[t["fragile"]]) == set(fr.index)
    assert (t.loc[fr.index, "sole_carrier"] == fr["sole_carrier"]).all()
    s = m.weak_linkage_score(g, as_of=d).set_index("id")
    pd.testing.assert_series_equal(t["score"], s["score"].reindex(t.index), check_names=False)
    c = m.constraint(g, as_of=d).reindex(t.index)
    assert np.allclose(t["constraint"], c, equal_nan=True)
    b = m.brokerage(g, as_of=d).set_index("id").reindex(t.index)
    assert (t["brokerage_total"] == b["total"]).all()
    assert (t["component"] == m.components(g, as_of=d).reindex(t.index)).all()
    assert len(t) == len(g.at(d).units)


@pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")
def test_writers_round_trip(tmp_path):
    g = pl.datasets.load_sample("yongchun")
    t = pl.unit_table(g, as_of="2025-06-30")
    p = pl.write_unit_table(t, tmp_path / "u.csv")
    assert p.read_bytes()[:3] == b"\xef\xbb\xbf"
    back = pd.read_csv(p, encoding="utf-8-sig")
    assert back["name"].tolist() == t["name"].tolist()
    assert np.allclose(back["score"], t["score"])
    p = pl.write_unit_table(t, tmp_path / "u.dta")
    dta = pd.read_stata(p)
    assert dta["name"].tolist() == t["name"].tolist()
    assert dta["isolated"].tolist() == t["isolated"].astype(int).tolist()
    assert dta["sole_carrier"].fillna("").tolist() == t["sole_carrier"].fillna("").tolist()
    with pd.io.stata.StataReader(p) as r:
        assert "weak-linkage score" in r.variable_labels()["score"]
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow (extra 'parquet')")
    p = pl.write_unit_table(g, tmp_path / "u.parquet", as_of="2025-06-30")
    pd.testing.assert_frame_equal(pd.read_parquet(p), t, check_dtype=False)


def test_unknown_format(tmp_path):
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        pl.write_unit_table(pl.datasets.house(), tmp_path / "u.xlsx")
