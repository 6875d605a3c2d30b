"""The ledger edition of the yongchun sample gives the same graph and the same audit."""

import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import partylinks as pl

DATA = Path(__file__).resolve().parents[2] / "data"
AS_OF = "2025-06-30"


@pytest.fixture(scope="module")
def both():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pl.datasets.load_sample("yongchun_ledger"), pl.datasets.load_sample("yongchun")


def _by_name(g, frame, cols):
    name = g.nodes.set_index("id")["name"]
    out = frame.copy()
    for c in cols:
        out[c] = out[c].map(name)
    return out


def test_same_counts(both):
    ledger, tables = both
    assert len(ledger.nodes) == len(tables.nodes) == 502
    assert len(ledger.edges) == len(tables.edges) == 1071
    assert len(ledger.events) == len(tables.events) == 126
    assert ledger.nodes["type"].value_counts().to_dict() == \
        tables.nodes["type"].value_counts().to_dict()
    assert ledger.edges["type"].value_counts().to_dict() == \
        tables.edges["type"].value_counts().to_dict()


def _edges_by_name(g):
    """Every edge as (source name, target name, type, role, start, end), sorted."""
    cols = ["source", "target", "type", "role", "start", "end"]
    e = _by_name(g, g.edges[cols].astype({"source": object, "target": object,
                                          "type": object}), ["source", "target"])
    return sorted(map(tuple, e.astype(str).to_numpy().tolist()))


def test_same_edges_by_name(both):
    ledger, tables = both
    assert _edges_by_name(ledger) == _edges_by_name(tables)


def test_only_info_notices(both):
    ledger, _ = both
    counts = ledger.issues.groupby(["severity", "code"]).size().to_dict()
    assert counts == {("info", "footer_row_skipped"): 13, ("info", "serial_column_skipped"): 13,
                      ("info", "title_row_skipped"): 13}
    # the notices name the ledger's own cells: the title is row 1 of every sheet
    titles = ledger.issues[ledger.issues["code"] == "title_row_skipped"]
    assert set(titles["row"]) == {1}
    assert "永春县三区联创台账.xlsx[党员]" in set(titles["file"])


def test_same_findings(both):
    ledger, tables = both
    a = pl.audit(ledger, as_of=AS_OF).findings
    b = pl.audit(tables, as_of=AS_OF).findings
    key = ["rule", "severity", "node_type", "name", "zone", "message"]
    assert len(a) == len(b) > 0
    pd.testing.assert_frame_equal(a[key].sort_values(key).reset_index(drop=True),
                                  b[key].sort_values(key).reset_index(drop=True))


def test_provenance_reports_each_sheet(both):
    ledger, _ = both
    prov = ledger.provenance["ledger"]
    kinds = dict(zip(prov.sheets["sheet"], prov.sheets["kind"], strict=True))
    assert kinds["兼职情况"] == "part_time" and kinds["1+1+1挂钩服务"] == "service_pairing"
    assert set(prov.sheets["header_row"]) == {2}
    cols = prov.columns[prov.columns["sheet"] == "兼职情况"].set_index("header")["field"]
    assert cols.to_dict() == {"姓名": "person", "本职单位": "home", "兼职单位": "unit",
                              "兼职职务": "post", "兼职时间": "start", "结束时间": "end"}
    assert prov.implied.empty and prov.matches.empty


def test_ids_are_stable_across_runs(both):
    ledger, _ = both
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        again = pl.datasets.load_sample("yongchun_ledger")
    assert ledger.nodes["id"].tolist() == again.nodes["id"].tolist()


def test_regenerating_is_byte_identical(tmp_path):
    for script in ("generate_samples.py", "make_ledger_sample.py"):
        shutil.copy(DATA / script, tmp_path)
    shutil.copytree(DATA / "samples" / "yongchun", tmp_path / "yongchun")
    out = tmp_path / "out.xlsx"
    code = ("import sys, pathlib; sys.path.insert(0, sys.argv[1]); import make_ledger_sample as m;"
            "m.write(pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[2]))")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(tmp_path / "yongchun"),
                        str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    book = DATA / "samples" / "yongchun_ledger" / "永春县三区联创台账.xlsx"
    assert out.read_bytes() == book.read_bytes()


def test_a_generated_region_as_a_ledger_gives_the_same_graph(tmp_path):
    """Every mechanism of the synthetic generator (grids, grid staff, joint-branch coverage,
    liaisons of agencies and cadres, registrations of branches and people) written as a
    ledger by name and read back: the same edges, by name, as the node/edge tables."""
    sys.path.insert(0, str(DATA))
    from make_ledger_sample import write

    region = pl.datasets.synthetic(3000, seed=5)
    src = tmp_path / "tables"
    src.mkdir()
    region.nodes.to_csv(src / "nodes.csv", index=False)
    region.edges.to_csv(src / "edges.csv", index=False)
    region.events.to_csv(src / "events.csv", index=False)
    book = write(tmp_path / "ledger.xlsx", src)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ledger, tables = pl.load(book), pl.load(src)
    assert ledger.issues[ledger.issues["severity"] != "info"].empty
    assert _edges_by_name(ledger) == _edges_by_name(tables)
    assert len(ledger.events) == len(tables.events)
