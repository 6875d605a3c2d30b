"""audit(): the date, the policy, the language, progress."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import partylinks as pl
from partylinks.progress import Progress
from partylinks.rules import PolicyError


def test_default_date_is_today_and_recorded():
    r = pl.audit(pl.datasets.house())
    assert r.as_of == pd.Timestamp.today().normalize()
    assert pl.audit(pl.datasets.house(), as_of="2024年6月30日").as_of == pd.Timestamp("2024-06-30")


def test_the_date_decides_which_ties_count():
    # K1's instructor post at E1 starts 2024-01-01; before that E1 only has K2's post
    early = pl.audit(pl.datasets.house(), as_of="2023-06-30", lang="en")
    late = pl.audit(pl.datasets.house(), as_of="2025-06-30", lang="en")
    assert "mutual_appointments" in early.findings["rule"].tolist()
    assert "mutual_appointments" not in late.findings["rule"].tolist()
    assert early.graph["n_ties"] == 2 and late.graph["n_ties"] == 3


def test_policy_file_and_errors(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text('[[rules]]\nid = "only"\nkind = "isolated"\nseverity = "info"\n',
                 encoding="utf-8")
    r = pl.audit(pl.datasets.house(), policy=p, as_of="2025-06-30")
    assert r.rules["rule"].tolist() == ["only"]
    assert r.findings[["rule", "severity", "node_id"]].values.tolist() == [["only", "info", "A1"]]
    assert r.policy.source == str(p)
    p.write_text('[[rules]]\nid = "x"\nkind = "nope"\nseverity = "info"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="p.toml, line 3"):
        pl.audit(pl.datasets.house(), policy=p)


def test_bad_arguments():
    with pytest.raises(ValueError, match="lang"):
        pl.audit(pl.datasets.house(), lang="fr")
    with pytest.raises(ValueError, match="cannot read the date"):
        pl.audit(pl.datasets.house(), as_of="30/13/2025")


def test_progress_reports_each_rule():
    buf = io.StringIO()
    pl.audit(pl.datasets.house(), as_of="2025-06-30", progress=Progress(stream=buf))
    text = buf.getvalue()
    for phase in ("snapshot", "rule isolated_units", "rule project_team", "metrics",
                  "summary"):
        assert f"[partylinks] {phase} done in" in text


def test_metrics_of_the_report():
    r = pl.audit(pl.datasets.house(), as_of="2025-06-30")
    assert set(r.metrics) == {"isolated", "fragile", "key_person", "components", "zones",
                              "bridges", "tie_strength", "score", "coverage"}
    assert r.metrics["isolated"]["id"].tolist() == ["A1"]
    assert r.metrics["key_person"].empty        # no cadre's transfer cuts anything off
    assert r.metrics["coverage"][["id", "own", "joint", "instructor"]].values.tolist() == [
        ["E1", True, False, True]]
