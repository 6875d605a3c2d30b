"""One test per defect found by probing partylinks as an attacker and as a careless user:
each asserts the right behaviour (a clear error with file, row, column and value, or an
output that an independent reader accepts)."""

from __future__ import annotations

import json
import os
import warnings
import xml.etree.ElementTree as ET

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.text
import networkx as nx
import pandas as pd
import pytest
import readerkit as rk

import partylinks as pl
from partylinks.cli import main
from partylinks.report.anonymize import KeyFileError, pseudonyms, write_key

matplotlib.use("Agg")
pytestmark = pytest.mark.filterwarnings("ignore::partylinks.ValidationWarning")

NODES = ("id,type,name,zone,party_members\nC1,community,桃源社区,Z1,\n"
         "E1,enterprise,永兴纺织,Z1,{pm}\n"
         "K1,cadre,林堃,Z1,\nK2,cadre,陈玥,Z1,\nB1,branch,桃源社区党支部,Z1,\n")
EDGES = ("source,target,type,role\nK1,C1,works_at,\nK2,E1,works_at,\nK1,E1,part_time_post,"
         "instructor\nB1,C1,hosted_by,\nK1,B1,member_of,\n")


def folder(tmp_path, pm="5", nodes=NODES, edges=EDGES, events=None):
    (tmp_path / "nodes.csv").write_text(nodes.format(pm=pm), encoding="utf-8")
    (tmp_path / "edges.csv").write_text(edges, encoding="utf-8")
    if events is not None:
        (tmp_path / "events.csv").write_text(events, encoding="utf-8")
    return tmp_path


def graph(name="永兴纺织", zone="Z1", eid="E1"):
    nodes = pd.DataFrame({
        "id": ["C1", eid, "K1", "K2"], "type": ["community", "enterprise", "cadre", "cadre"],
        "name": ["桃源社区", name, "林堃", "陈玥"], "zone": [zone] * 4}, dtype=object)
    edges = pd.DataFrame({"source": ["K1", "K2", "K1"], "target": ["C1", eid, eid],
                          "type": ["works_at", "works_at", "part_time_post"],
                          "role": [None, None, "instructor"]}, dtype=object)
    return pl.from_frames(nodes, edges)


# -- numbers --------------------------------------------------------------------------------
def test_huge_party_members_is_a_validation_error_with_row_and_value(tmp_path, capsys):
    d = folder(tmp_path, pm="99999999999999999999")
    issues = pl.validate(d)
    bad = issues[issues["code"] == "number_out_of_range"]
    assert bad[["file", "row", "column", "value"]].values.tolist() == [
        [str(d / "nodes.csv"), 3, "party_members", "99999999999999999999"]]
    with pytest.raises(pl.ValidationError, match="out of range"):
        pl.load(d, lang="en")
    assert main(["validate", str(d)]) == 2
    assert main(["audit", str(d)]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("pm, code", [("-3", "negative_count"), ("inf", "not_finite"),
                                       ("2.5", "bad_integer")])
def test_negative_or_infinite_party_members_is_reported(tmp_path, pm, code):
    issues = pl.validate(folder(tmp_path, pm=pm))
    assert issues.loc[issues["severity"] == "error", "code"].tolist() == [code]


def test_float_ids_keep_their_value_and_never_overflow():
    nodes = pd.DataFrame({"id": [1e20, 2.0], "type": ["enterprise", "community"]})
    edges = pd.DataFrame({"source": [1e20], "target": [2.0], "type": ["co_building"]})
    g = pl.from_frames(nodes, edges)
    assert g.nodes["id"].tolist() == ["1e+20", "2"]
    assert -9223372036854775808 not in g.nodes["id"].tolist()


def test_events_with_no_date_or_no_units_are_reported(tmp_path):
    d = folder(tmp_path, events="date,kind,units\n,联席会议,C1;E1\n2025-01-02,活动,\n"
                                "2025-01-03,活动,C1;E1\n")
    issues = pl.validate(d)
    got = issues.loc[issues["table"] == "events", ["code", "row"]].values.tolist()
    assert got == [["event_missing_date", 2], ["event_no_units", 3]]


# -- cycles ---------------------------------------------------------------------------------
def test_a_long_reports_to_cycle_is_reported_once(tmp_path):
    n = 3000
    nodes = "id,type,zone\n" + "".join(f"B{i},branch,Z\n" for i in range(n))
    edges = "source,target,type\n" + "".join(f"B{i},B{(i + 1) % n},reports_to\n"
                                             for i in range(n))
    (tmp_path / "nodes.csv").write_text(nodes, encoding="utf-8")
    (tmp_path / "edges.csv").write_text(edges, encoding="utf-8")
    issues = pl.validate(tmp_path, lang="en")
    cyc = issues[issues["code"] == "reports_to_cycle"]
    assert len(cyc) == 1 and cyc["row"].tolist() == [2]
    assert cyc["value"].iloc[0].endswith(f"... ({n})") and len(cyc["message"].iloc[0]) < 200


# -- mathtext -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["$\\foo$", "$$", "$x^2$"])
def test_mathtext_in_names_zones_and_ids_is_drawn_as_written(tmp_path, text):
    g = graph(name=text, zone=text, eid=text)
    r = pl.audit(g, as_of="2025-06-30")
    rk.read_html(r.to_html(tmp_path / "r.html"))
    for ax in (pl.plot.plot_network(g), pl.plot.plot_linkage_matrix(g, by="zone"),
               pl.plot.plot_score_distribution(r), pl.plot.plot_coverage(r)):
        ax.figure.savefig(tmp_path / "c.svg")
        ax.figure.savefig(tmp_path / "c.png")
        texts = [t for t in ax.figure.findobj(matplotlib.text.Text) if text in t.get_text()]
        assert texts and not any(t.get_parse_math() for t in texts)
        plt.close("all")


# -- XML-forbidden characters ---------------------------------------------------------------
def test_control_characters_in_gexf_and_graphml_are_visible_escapes(tmp_path):
    g = graph(name="永兴\x01纺织\uffff", eid="E\x1b1")
    for units in (False, True):
        G = nx.read_gexf(g.to_gexf(tmp_path / "g.gexf", units=units))
        H = nx.read_graphml(g.to_graphml(tmp_path / "g.graphml", units=units))
        assert G.nodes["E\\x1b1"]["label"] == "永兴\\x01纺织\\uffff"
        assert H.nodes["E\\x1b1"]["name"] == "永兴\\x01纺织\\uffff"
    assert "networkx_key" not in (tmp_path / "g.gexf").read_text(encoding="utf-8")
    G = nx.read_gexf(g.to_gexf(tmp_path / "t.gexf"))
    assert all("networkx_key" not in a for *_, a in G.edges(data=True))


def test_an_export_that_fails_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    g = graph()
    with pytest.raises(IsADirectoryError):
        g.to_graphml(tmp_path)
    old = g.to_graphml(tmp_path / "g.graphml").read_text(encoding="utf-8")

    def broken(G, *a, **k):
        yield "<?xml"
        raise RuntimeError("disk full")
    monkeypatch.setattr(nx, "generate_graphml", broken)
    with pytest.raises(RuntimeError):
        g.to_graphml(tmp_path / "g.graphml")
    with pytest.raises(RuntimeError):
        g.to_graphml(tmp_path / "new.graphml")
    assert (tmp_path / "g.graphml").read_text(encoding="utf-8") == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]


def test_svg_chart_with_control_characters_is_well_formed(tmp_path):
    g = graph(name="a\x01b", zone="Z\x1b]0;t\x07")
    for ax in (pl.plot.plot_network(g), pl.plot.plot_linkage_matrix(g, by="zone")):
        ax.figure.savefig(tmp_path / "c.svg")
        ET.parse(tmp_path / "c.svg")
        plt.close("all")


def test_noncharacters_in_the_excel_report_read_back(tmp_path):
    r = pl.audit(graph(name="永兴\uffff\ufffe纺织\x01"), as_of="2025-06-30")
    sheets = rk.read_xlsx(r.to_excel(tmp_path / "r.xlsx"))
    assert sheets


# -- strict JSON and policy values ----------------------------------------------------------
def test_nan_in_a_policy_is_refused_with_file_and_line(tmp_path, capsys):
    p = tmp_path / "p.toml"
    p.write_text('[[rules]]\nid = "big"\nkind = "min_ties"\nseverity = "warning"\n'
                 'node_type = "enterprise"\nwhere_min = {party_members = nan}\n',
                 encoding="utf-8")
    with pytest.raises(pl.rules.PolicyError, match=r"p\.toml, line 6: .*nan"):
        pl.rules.load_policy(p)
    assert main(["policy", "--check", str(p)]) == 2
    err = capsys.readouterr().err
    assert "line 6" in err and "Traceback" not in err


def test_json_report_is_strict(tmp_path):
    from partylinks.rules.policy import Policy, Rule

    r = pl.audit(graph(), as_of="2025-06-30")
    r.metrics["score"] = r.metrics["score"].assign(extra=float("inf"))
    r.policy = Policy((Rule("x", "min_ties", "warning", params={
        "where_min": {"party_members": float("nan")}, "min": float("-inf")}),))
    d = rk.read_json(r.to_json(tmp_path / "r.json"))
    assert d["metrics"]["score"][0]["extra"] is None
    assert d["policy"]["rules"][0]["where_min"] == {"party_members": None}


# -- pseudonymisation -----------------------------------------------------------------------
def leaks(report, tmp_path, secrets):
    text = report.to_json(tmp_path / "p.json").read_text(encoding="utf-8")
    return [s for s in secrets if f'"{s}"' in text or f"{s};" in text or f"; {s}" in text
            or f":{s}" in text]


def test_pseudonymised_report_replaces_cadre_ids_everywhere(tmp_path):
    g = pl.datasets.load_sample("yongchun")
    cad = g.nodes[g.nodes["type"] == "cadre"]
    r = pl.audit(g, as_of="2025-06-30", anonymize=True, key="k", lang="en")
    assert not leaks(r, tmp_path, list(cad["id"]) + list(cad["name"]))
    tables = ["fragile", "key_person", "bridges"]
    for t in tables:
        df = r.metrics[t]
        cells = {str(v) for col in df.columns for v in df[col].astype(str)}
        for c in ("sole_carrier", "carriers", "cadre"):
            if c in df:
                cells |= {x.strip() for v in df[c].astype(str) for x in v.split(";")}
        assert not (set(cad["id"]) & cells), t
    related = {x for ids in r.findings["related_ids"] for x in ids}
    assert not related & set(cad["id"])
    k = pseudonyms(cad["id"], key="k", prefix="cadre")
    again = pl.audit(g, as_of="2025-06-30", anonymize=True, key="k", lang="en")
    assert again.metrics["key_person"]["cadre"].tolist() == r.metrics["key_person"][
        "cadre"].tolist()
    assert set(r.metrics["key_person"]["cadre"]) <= set(k)


def test_distinct_byte_keys_give_distinct_pseudonyms():
    a = pseudonyms(["K1"], key=b"\xff")["K1"]
    b = pseudonyms(["K1"], key=b"\xfe")["K1"]
    assert a != b
    ga = pl.report.anonymize_graph(graph(), b"\xff")
    gb = pl.report.anonymize_graph(graph(), b"\xfe")
    assert set(ga.nodes["id"]) != set(gb.nodes["id"])


def test_key_file_is_never_followed_nor_replaced(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    os.chmod(victim, 0o644)
    link = tmp_path / "r.xlsx.key"
    link.symlink_to(victim)
    with pytest.raises(KeyFileError):
        write_key(link, "abc")
    assert victim.read_text(encoding="utf-8") == "precious"
    assert oct(os.stat(victim).st_mode & 0o777) == "0o644"
    key = tmp_path / "k.key"
    write_key(key, "first")
    with pytest.raises(KeyFileError):
        write_key(key, "second")
    assert key.read_text(encoding="utf-8") == "first\n"


def test_second_anonymised_run_refuses_to_replace_the_key(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(["audit", "--sample", "yongchun", "--anonymize", "--out", str(out)]) in (0, 1)
    first = (tmp_path / "r.json.key").read_text(encoding="utf-8")
    assert main(["audit", "--sample", "yongchun", "--anonymize", "--out", str(out),
                 "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "Traceback" not in err
    assert (tmp_path / "r.json.key").read_text(encoding="utf-8") == first


def test_key_from_a_non_utf8_file_or_the_environment(tmp_path, capsys, monkeypatch):
    kf = tmp_path / "k.bin"
    kf.write_bytes(b"\xff\xfe\x00secret\n")
    out = tmp_path / "r.json"
    assert main(["audit", "--sample", "yongchun", "--key-file", str(kf), "--out",
                 str(out)]) in (0, 1)
    assert json.loads(out.read_text(encoding="utf-8"))["anonymized"] is True
    monkeypatch.setenv("PARTYLINKS_KEY", "from-env")
    out2 = tmp_path / "r2.json"
    assert main(["audit", "--sample", "yongchun", "--anonymize", "--out", str(out2)]) in (0, 1)
    assert not (tmp_path / "r2.json.key").exists()      # the key came from the environment
    assert main(["audit", "--sample", "yongchun", "--key", "k", "--lang", "en"]) in (0, 1)
    assert "deprecated" in capsys.readouterr().err


# -- the command line -----------------------------------------------------------------------
def test_out_naming_a_folder_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["audit", "--sample", "yongchun", "--out", str(tmp_path), "--format", "json",
                 "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == f"partylinks: '{tmp_path}' is a folder; give a file name"
    assert not any("Traceback" in line for line in err)


def test_terminal_output_shows_escape_codes_and_invisible_characters(tmp_path, capsys):
    nodes = ("id,type,name,zone\nC1,community,\x1b[2J\x1b]0;pwned\x07社区,Z\u202e1\n"
             "C1\u200b,community,b,Z1\n")
    d = folder(tmp_path, nodes=nodes, edges="source,target,type\n")
    assert main(["audit", str(d), "--as-of", "2025-06-30"]) in (0, 1)
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b[2J" in out
    assert "C1\\u200b" in out


def test_validate_prints_a_bounded_summary_and_saves_everything(tmp_path, capsys):
    n = 5000
    edges = "source,target,type\n" + "".join(f"X{i},Y{i},co_building\n" for i in range(n))
    d = folder(tmp_path, edges=edges)
    out = tmp_path / "problems.csv"
    assert main(["validate", str(d), "--lang", "en", "--out", str(out)]) == 2
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) < 40
    # one line per kind of problem, with its count and the first problem's sentence
    assert any(line.startswith("  error x10000, e.g. 'X0' is not an id") for line in printed)
    assert len(rk.read_csv(out)) == 2 * n + 1


def test_cli_errors_are_one_line_in_the_users_language(tmp_path, capsys):
    missing = tmp_path / "nope"
    assert main(["validate", str(missing)]) == 2
    assert main(["audit", "--sample", "yongchun", "--key-file", str(tmp_path)]) == 2
    assert main(["audit", "--sample", "yongchun", "--policy", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 3
    with warnings.catch_warnings():
        assert main(["audit", "--sample", "yongchun", "--as-of", "not-a-date"]) == 2
    assert "Traceback" not in capsys.readouterr().err
