"""``pl.audit(..., compare_to=DATE)``: the comparison is kept and exported in every format."""

from __future__ import annotations

import json

import pandas as pd

import partylinks as pl
from partylinks.cli import main


def test_audit_keeps_the_comparison_and_exports_it(tmp_path):
    g = pl.datasets.load_sample("yongchun")
    r = pl.audit(g, as_of="2025-06-30", compare_to="2024-06-30", lang="en")
    c = r.comparison
    assert (c.before, c.after) == ("2024-06-30", "2025-06-30")
    # the after side of the comparison is this very audit
    assert set(c.findings_opened["key"]) <= set(pl.change.compare(
        g, "2024-06-30", "2025-06-30", lang="en").findings_opened["key"])
    assert pl.audit(g, as_of="2025-06-30").comparison is None
    sheets = pd.read_excel(r.to_excel(tmp_path / "r.xlsx"), sheet_name=None)
    assert sheets["change-lapsed ties"]["unit"].tolist() == ["Y-C08", "Y-A15"]
    doc = json.loads(r.to_json(tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["comparison"]["before"] == "2024-06-30"
    assert [t["tie_type"] for t in doc["comparison"]["ties_lapsed"]] == [
        "co_building", "service_pairing"]
    html = r.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Change over time" in html and "Change: 2024-06-30 -&gt; 2025-06-30" in html


def test_audit_command_compare_to(tmp_path, capsys):
    out = tmp_path / "r.xlsx"
    assert main(["audit", "--sample", "yongchun", "--compare-to", "2024-06-30",
                 "--out", str(out), "-q"]) == 0
    text = capsys.readouterr().out
    assert "变化对比：2024-06-30 → 2025-06-30" in text
    assert "变化-失效联系" in pd.read_excel(out, sheet_name=None)
