"""``partylinks compare``: two dates, two datasets, exports, errors."""

from __future__ import annotations

import json

import pandas as pd

from partylinks.cli import main


def test_two_dates_on_a_sample(tmp_path, capsys):
    out = tmp_path / "change.xlsx"
    assert main(["compare", "--sample", "yongchun", "--before", "2024-06-30", "--after",
                 "2025-06-30", "--lang", "en", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Change: 2024-06-30 -> 2025-06-30")
    assert "ties: 0 new, 2 lapsed" in text
    assert "project_team:Y-J13[Y-K0080]{issue=expired_role;role=support}" in text
    sheets = pd.read_excel(out, sheet_name=None)
    assert sheets["lapsed ties"]["unit"].tolist() == ["Y-C08", "Y-A15"]


def test_two_datasets_and_json(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "nodes.csv").write_text("id,type,zone\nC1,community,Z\nE1,enterprise,Z\n"
                                     "K1,cadre,Z\n", encoding="utf-8")
    (a / "edges.csv").write_text("source,target,type,role\nK1,C1,works_at,\n"
                                 "K1,E1,part_time_post,instructor\n", encoding="utf-8")
    (b / "edges.csv").write_text("source,target,type,role\nK1,C1,works_at,\n", encoding="utf-8")
    out = tmp_path / "c.json"
    assert main(["compare", str(a), "--other", str(b), "--no-findings", "--out", str(out)]) == 0
    assert "单位：新孤立 2 个" in capsys.readouterr().out
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [u["id"] for u in doc["units_isolated"]] == ["C1", "E1"]


def test_needs_a_date_or_a_second_dataset(capsys):
    assert main(["compare", "--sample", "yongchun"]) == 2
    assert "--before" in capsys.readouterr().err
    assert main(["compare", "--sample", "yongchun", "--before", "2024-06-30",
                 "--out", "x.txt"]) == 2
    assert main(["compare", "--sample", "yongchun", "--before", "yesterday"]) == 2
