"""The bundled samples load cleanly and match the counts their READMEs document.

The expected figures are read from each sample's ``expected.json``, which the generator
writes from the same tables as the README; the graph figures are computed by partylinks.
"""

import json
import warnings
from pathlib import Path

import pytest

import partylinks as pl

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
NAMES = ["yongchun", "quanzhou_etdz", "shishi_pengtian"]


def expected(name):
    return json.loads((SAMPLES / name / "expected.json").read_text(encoding="utf-8"))


def load(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pl.ValidationWarning)
        return pl.datasets.load_sample(name)


@pytest.mark.parametrize("name", NAMES)
def test_counts_match_readme(name):
    g, exp = load(name), expected(name)["counts"]
    assert g.n_nodes == exp["nodes"] and g.n_edges == exp["edges"]
    assert g.summary().nodes_by_type.to_dict() == exp["nodes_by_type"]
    assert g.summary().edges_by_type.to_dict() == exp["edges_by_type"]
    if exp.get("events"):
        assert len(g.events) == exp["events"]
        assert g.events["kind"].value_counts().to_dict() == exp["events_by_kind"]
    roles = (g.edges.dropna(subset=["role"]).astype({"type": str})
             .assign(k=lambda d: d["type"] + "/" + d["role"])["k"].value_counts().to_dict())
    for key, n in exp["edges_by_role"].items():
        assert roles.get(key) == n, key
    # the README's own text states the same totals
    readme = (SAMPLES / name / "README.md").read_text(encoding="utf-8")
    assert str(exp["nodes"]) in readme and str(exp["edges"]) in readme


@pytest.mark.parametrize("name", NAMES)
def test_samples_validate_with_only_planted_warnings(name):
    issues = pl.validate(pl.datasets.sample_path(name), lang="en")
    assert (issues["severity"] == "error").sum() == 0
    warned = sorted(issues["value"])
    if name == "shishi_pengtian":
        # planted: a group with no host, a cadre with no home unit
        assert warned == ["S-B018", "S-K0055"]
        g = load(name)
        assert g.branches_without_host == ["S-B018"] and g.cadres_without_home == ["S-K0055"]
    else:
        assert warned == []


def test_sample_formats_are_as_documented():
    assert pl.datasets.sample_path("shishi_pengtian").suffix == ".xlsx"
    raw = pl.graph.io.read_dataset(pl.datasets.sample_path("quanzhou_etdz"))
    assert raw.nodes.encoding == "gb18030" and "编号" in raw.nodes.frame.columns
    raw = pl.graph.io.read_dataset(pl.datasets.sample_path("yongchun"))
    assert raw.nodes.encoding == "utf-8-sig" and "id" in raw.nodes.frame.columns


def test_generator_is_reproducible(tmp_path):
    """Regenerating the samples gives byte-identical CSV files."""
    import shutil
    import subprocess
    import sys

    # the generator writes beside itself, into samples/: run a copy in a temporary folder
    gen = shutil.copy(SAMPLES.parent / "generate_samples.py", tmp_path)
    r = subprocess.run([sys.executable, gen], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    for name in NAMES:
        files = [f for f in (SAMPLES / name).iterdir() if f.suffix in (".csv", ".xlsx", ".json")]
        assert files
        for f in files:
            assert (tmp_path / "samples" / name / f.name).read_bytes() == f.read_bytes(), f
