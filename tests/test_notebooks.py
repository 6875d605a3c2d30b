"""The tutorial notebooks run top to bottom, show their charts, and are stored without
outputs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="install the 'test' extra")
nbclient = pytest.importorskip("nbclient", reason="install the 'test' extra")

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
EXPECTED = ["01_quickstart.ipynb", "02_coverage_audit.ipynb", "03_network_charts.ipynb",
            "04_research.ipynb", "05_change_and_repair.ipynb"]


def test_the_tutorials_exist():
    assert [p.name for p in NOTEBOOKS] == EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a notebook with no code"
    for cell in code:
        assert cell.execution_count is None and cell.outputs == [], cell.source[:60]
    assert nb.metadata["kernelspec"]["name"] == "python3"
    # explained in prose, and only the public API
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= 4
    source = "\n".join(c.source for c in code)
    assert "import partylinks as pl" in source
    assert "partylinks." not in source.replace("import partylinks as pl", "")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom(path, tmp_path):
    work = tmp_path / "notebooks"
    work.mkdir()
    shutil.copy(path, work / path.name)
    nb = nbformat.read(work / path.name, as_version=4)
    env_dir = tmp_path / "tmp"
    env_dir.mkdir()
    old = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(env_dir)   # the notebooks write only to tempfile.mkdtemp()
    # the kernel must pick Jupyter's inline backend, as for a user, even when the test run
    # itself forces one with MPLBACKEND
    backend = os.environ.pop("MPLBACKEND", None)
    try:
        client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                         resources={"metadata": {"path": str(work)}})
        client.execute()   # raises CellExecutionError on the first failing cell
    finally:
        if old is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = old
        if backend is not None:
            os.environ["MPLBACKEND"] = backend
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors
    # every cell that draws a chart shows it (figures appear inline)
    for cell in nb.cells:
        if cell.cell_type == "code" and "pl.plot.plot_" in cell.source:
            kinds = {k for o in cell.outputs for k in o.get("data", {})}
            assert "image/png" in kinds, cell.source[:60]
    # nothing written next to the notebook
    assert sorted(p.name for p in work.iterdir()) == [path.name]
