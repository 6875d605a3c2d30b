"""The package metadata ships every subpackage and the data files users need."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = set(conf["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "partylinks").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert conf["setuptools"]["package-dir"]["partylinks._samples"] == "data/samples"


def test_data_files_are_covered_by_package_data():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    globs = conf["setuptools"]["package-data"]
    samples = ROOT / "data" / "samples"
    data = [p for p in samples.rglob("*") if p.is_file() and p.suffix != ".py"]
    assert data
    for f in data:
        rel = f.relative_to(samples)
        assert any(rel.match(gl) for gl in globs["partylinks._samples"]), rel
    for f in (ROOT / "partylinks").rglob("*"):
        if f.is_file() and f.suffix not in (".py", ".pyc") and "__pycache__" not in f.parts:
            rel = f.relative_to(ROOT / "partylinks")
            assert any(rel.match(gl) for gl in globs["partylinks"]), rel
