"""Keyed pseudonyms: HMAC of the cadre id, never a plain hash of the name."""

from __future__ import annotations

import hashlib
import hmac
import json
import stat

import pytest
from reportkit import hostile_graph

import partylinks as pl
from partylinks.report.anonymize import anonymize_graph, pseudonyms


def test_pseudonym_is_a_keyed_hmac_of_the_id():
    p = pseudonyms(["K1"], key="s3cret")
    want = hmac.new(b"s3cret", b"K1", hashlib.sha256).hexdigest()[:12]
    assert p["K1"] == f"干部-{want}"
    assert p["K1"] != pseudonyms(["K1"], key="other")["K1"]
    assert want != hashlib.sha256("林堃".encode()).hexdigest()[:12]
    assert pseudonyms(["K1"], key="s3cret", prefix="cadre")["K1"].startswith("cadre-")


def test_pseudonyms_grow_until_distinct():
    ids = [f"K{i}" for i in range(40)]      # 40 ids cannot have distinct 1-hex names
    p = pseudonyms(ids, key="k", min_len=1)
    assert p.is_unique and p.str.len().min() >= len("干部-") + 2


def test_anonymize_graph_leaves_the_original_alone():
    g = hostile_graph()
    a = anonymize_graph(g, "k")
    assert g.nodes.set_index("id").loc["K1", "name"] == "林堃"
    k1 = pseudonyms(["K1"], key="k")["K1"]
    names = a.nodes.set_index("id")["name"]
    assert names[k1] == k1 and names["C1"] == "桃源社区" and "K1" not in names.index
    # the same ties, with the cadre ids renamed
    want = g.ties().assign(via=g.ties()["via"].replace({"K1": k1}))
    got = a.ties()
    cols = ["u", "v", "tie_type"]
    assert got[cols].astype(str).values.tolist() == want[cols].astype(str).values.tolist()
    assert "K1" not in set(got["via"].dropna())


def test_anonymized_report_names_no_cadre(tmp_path):
    r = pl.audit(hostile_graph(), as_of="2025-06-30", anonymize=True, key="k")
    assert r.anonymized and not r.key_generated
    text = r.to_json(tmp_path / "r.json").read_text(encoding="utf-8")
    assert "林堃" not in text and "陈玥" not in text
    k1 = pseudonyms(["K1"], key="k")["K1"]
    assert k1 in text
    assert json.loads(text)["anonymized"] is True
    assert not (tmp_path / "r.json.key").exists()
    # the same key gives the same pseudonyms in a later audit
    again = pl.audit(hostile_graph(), as_of="2025-06-30", anonymize=True, key="k")
    assert again.findings["message"].tolist() == r.findings["message"].tolist()


def test_generated_key_is_written_beside_the_report(tmp_path):
    r = pl.audit(hostile_graph(), as_of="2025-06-30", anonymize=True)
    assert r.key_generated and len(r.key) == 64
    out = r.to_excel(tmp_path / "r.xlsx")
    key = tmp_path / "r.xlsx.key"
    assert key.read_text(encoding="utf-8").strip() == r.key
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert r.key_path(out) == key
    assert r.key not in repr(r)


def test_empty_key_is_refused(monkeypatch):
    monkeypatch.setenv("PARTYLINKS_LANG", "en")
    with pytest.raises(ValueError, match="empty"):
        pl.audit(hostile_graph(), as_of="2025-06-30", anonymize=True, key="  ")
