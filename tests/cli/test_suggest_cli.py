"""``partylinks suggest``: the plan on the terminal and in a file."""

from __future__ import annotations

import pandas as pd

from partylinks.cli import main


def test_plan_on_a_sample(tmp_path, capsys):
    out = tmp_path / "plan.csv"
    assert main(["suggest", "--sample", "quanzhou_etdz", "--budget", "3", "--lang", "en",
                 "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Suggested ties: 3 (audit date 2025-06-30)")
    assert "3 closed, 0 opened; components 4 -> 1" in text
    # findings are named by the audit's sentence (Q-E033 is 泉州裕隆供应链有限公司), not by key
    assert "泉州裕隆供应链有限公司 has no cross-organization tie" in text
    assert "isolated_units:Q-E033" not in text and "beyond the budget" in text
    plan = pd.read_csv(out, encoding="utf-8-sig")
    assert len(plan) == 3 and set(plan["type"]) == {"co_building"}


def test_capacity_option(tmp_path, capsys):
    out = tmp_path / "plan.xlsx"
    assert main(["suggest", "--sample", "yongchun", "--budget", "4", "--capacity",
                 "council_member=0", "--out", str(out)]) == 0
    sheets = pd.read_excel(out, sheet_name=None)
    plan = sheets["补链建议"]
    assert "council_member" not in set(plan["类型"])
    assert main(["suggest", "--sample", "yongchun", "--capacity", "council_member"]) == 2
    assert "KEY=N" in capsys.readouterr().err
    assert main(["suggest", "--sample", "yongchun", "--out", "plan.txt"]) == 2
