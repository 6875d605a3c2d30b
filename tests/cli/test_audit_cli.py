"""``partylinks audit`` and ``partylinks policy``: output, files and exit codes."""

from __future__ import annotations

import json
import stat
import sys

import pytest

from partylinks.cli import main
from partylinks.report import excel
from partylinks.rules import default_policy_path

YC = ["audit", "--sample", "yongchun", "--as-of", "2025-06-30"]


def write_bad(tmp_path):
    (tmp_path / "nodes.csv").write_text("id,type\nC1,community\nC1,community\n",
                                        encoding="utf-8")
    (tmp_path / "edges.csv").write_text("source,target,type\nC1,X,co_building\n",
                                        encoding="utf-8")
    return tmp_path


def test_summary_without_out_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(YC) == 0
    out = capsys.readouterr().out
    for words in ("跨组织党建联系覆盖审计报告", "审计日期: 2025-06-30",
                  "问题：错误 6 条，警告 10 条，提示 2 条", "按片区", "合计", "按规则",
                  "[错误] 五里街片区 Y-E013 永春嘉润纺织有限公司没有任何跨组织联系",
                  "写出完整报告：partylinks audit --sample yongchun --out 审计报告.xlsx"):
        assert words in out, words
    assert list(tmp_path.iterdir()) == []


def test_a_sample_is_audited_on_its_reference_date(capsys):
    assert main(["audit", "--sample", "yongchun"]) == 0
    assert "审计日期: 2025-06-30" in capsys.readouterr().out


def test_english_summary(capsys):
    assert main(YC + ["--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "findings: 6 error(s), 10 warning(s), 2 info" in out
    assert "By zone" in out and "Total" in out


@pytest.mark.parametrize("fail_on, code", [(None, 0), ("error", 1), ("warning", 1)])
def test_fail_on(fail_on, code, capsys):
    args = YC + (["--fail-on", fail_on] if fail_on else [])
    assert main(args) == code


def test_fail_on_warning_passes_a_clean_audit(tmp_path, capsys):
    p = tmp_path / "p.toml"
    p.write_text('[[rules]]\nid = "projects"\nkind = "isolated"\nseverity = "error"\n'
                 'node_types = ["project"]\n', encoding="utf-8")
    assert main(YC + ["--policy", str(p), "--fail-on", "warning"]) == 0
    assert "问题：错误 0 条，警告 0 条，提示 0 条" in capsys.readouterr().out


def test_invalid_data_exits_2_with_the_validation_table(tmp_path, capsys):
    assert main(["audit", str(write_bad(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert "nodes.csv:3 [id]" in err and "edges.csv:2 [target]" in err


@pytest.mark.parametrize("extra, words, zh", [
    (["--as-of", "2025-13-45"], "cannot read the date", "无法识别审计日期“2025-13-45”"),
    (["--out", "report.txt"], "cannot tell the report format", "无法从 report.txt 判断报告格式"),
    (["--split-by", "zone"], "--split-by zone needs --out", "--split-by zone 需要 --out"),
])
def test_bad_arguments_exit_2(extra, words, zh, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARTYLINKS_LANG", raising=False)
    assert main(["audit", "--sample", "yongchun", "--lang", "en"] + extra) == 2
    assert words in capsys.readouterr().err
    assert main(["audit", "--sample", "yongchun"] + extra) == 2
    assert zh in capsys.readouterr().err
    monkeypatch.setenv("PARTYLINKS_LANG", "en")
    assert main(["audit", "--sample", "yongchun"] + extra) == 2
    assert words in capsys.readouterr().err


def test_bad_policy_exits_2_naming_the_line(tmp_path, capsys):
    p = tmp_path / "p.toml"
    p.write_text('[[rules]]\nid = "x"\nkind = "isolated"\nseverity = "error"\nfoo = 1\n',
                 encoding="utf-8")
    assert main(YC + ["--policy", str(p)]) == 2
    assert f"{p}, line 5: rule 'x': unknown parameter 'foo'" in capsys.readouterr().err


def test_missing_dataset_exits_2(capsys):
    assert main(["audit"]) == 2
    assert main(["audit", "/nonexistent/dir"]) == 2
    assert "找不到文件或文件夹：/nonexistent/dir" in capsys.readouterr().err
    assert main(["audit", "/nonexistent/dir", "--lang", "en"]) == 2
    assert "no such file or folder: /nonexistent/dir" in capsys.readouterr().err


def test_word_report_and_rectification_files_per_zone(tmp_path, capsys):
    out = tmp_path / "审计报告.docx"
    assert main(YC + ["--out", str(out), "--split-by", "zone"]) == 0
    text = capsys.readouterr().out
    assert f"报告已写入 {out}" in text
    assert f"已写出 6 个片区的整改清单到 {tmp_path}" in text
    import docx
    from openpyxl import load_workbook

    heads = [p.text for p in docx.Document(out).paragraphs if p.style.name == "Heading 1"]
    assert "五、整改清单" in heads
    wb = load_workbook(tmp_path / "审计报告-五里街片区.xlsx")
    assert wb.sheetnames == ["整改-五里街片区"]
    assert [c.value for c in wb.worksheets[0][1]][-3:] == ["责任人", "完成时限", "完成情况"]


@pytest.mark.parametrize("name, fmt", [("r.xlsx", None), ("r.html", None), ("r.json", None),
                                       ("r.csv", None), ("report", "json")])
def test_out_writes_the_report(tmp_path, capsys, name, fmt):
    out = tmp_path / name
    args = YC + ["--out", str(out)] + (["--format", fmt] if fmt else [])
    assert main(args) == 0
    assert out.stat().st_size > 0
    stdout = capsys.readouterr().out
    assert f"报告已写入 {out}" in stdout and "写出完整报告" not in stdout
    if fmt == "json":
        assert json.loads(out.read_text(encoding="utf-8"))["as_of"] == "2025-06-30"


def test_too_many_rows_for_excel_writes_csv(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(excel, "EXCEL_MAX_ROWS", 10)
    assert main(YC + ["--out", str(tmp_path / "r.xlsx")]) == 0
    captured = capsys.readouterr()
    assert not (tmp_path / "r.xlsx").exists()
    assert (tmp_path / "r.csv").exists() and (tmp_path / "r.summary.csv").exists()
    assert f"已改为写出 CSV：{tmp_path / 'r.csv'}" in captured.err


def test_anonymize_writes_a_private_key(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(YC + ["--anonymize", "--out", str(out)]) == 0
    key = tmp_path / "r.json.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    captured = capsys.readouterr()
    assert f"假名密钥已写入 {key}" in captured.err
    text = out.read_text(encoding="utf-8")
    # the key persons Y-K0010 曹玲俊 and Y-K0115 孙雨家 appear under pseudonyms only
    for name in ("曹玲俊", "孙雨家"):
        assert name not in text and name not in captured.out
    assert "干部-" in text


def test_key_and_key_file(tmp_path, capsys):
    kf = tmp_path / "k.txt"
    kf.write_text("secret\n", encoding="utf-8")
    outs = []
    for opt in (["--key", "secret"], ["--key-file", str(kf)]):
        out = tmp_path / f"r{len(outs)}.json"
        assert main(["audit", "--sample", "shishi_pengtian", "--as-of", "2025-06-30",
                     "--out", str(out)] + opt) == 0
        assert not (tmp_path / f"{out.name}.key").exists()
        outs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outs[0]["anonymized"] and outs[0]["findings"] == outs[1]["findings"]
    assert main(["audit", "--sample", "shishi_pengtian", "--key-file",
                 str(tmp_path / "none.txt")]) == 2


def test_progress_on_a_terminal_unless_quiet(capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(YC) == 0
    err = capsys.readouterr().err
    assert "[partylinks] read" in err and "[partylinks] rule project_team done in" in err
    assert main(YC + ["--quiet"]) == 0
    assert "[partylinks]" not in capsys.readouterr().err


def test_policy_init_show_check(tmp_path, capsys):
    dest = tmp_path / "my.toml"
    assert main(["policy", "--init", str(dest)]) == 0
    assert dest.read_text(encoding="utf-8") == default_policy_path().read_text(encoding="utf-8")
    assert "已将内置审计策略复制到" in capsys.readouterr().out
    assert main(["policy", "--init", str(dest)]) == 2            # no silent overwrite
    assert main(["policy", "--init", str(dest), "--force"]) == 0
    capsys.readouterr()
    assert main(["policy", "--show"]) == 0
    assert capsys.readouterr().out == default_policy_path().read_text(encoding="utf-8")
    assert main(["policy", "--check", str(dest), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "valid policy, 17 rules, 17 enabled" in out and "mutual_appointments" in out
    dest.write_text(dest.read_text(encoding="utf-8").replace('kind = "reach"',
                                                             'kind = "raech"'), encoding="utf-8")
    assert main(["policy", "--check", str(dest)]) == 2
    assert "unknown kind 'raech'" in capsys.readouterr().err
    assert main(["policy", "--kinds"]) == 0
    assert "branch_coverage" in capsys.readouterr().out


def test_many_zones_show_the_weakest(capsys, monkeypatch):
    from partylinks.cli import audit as audit_cli

    monkeypatch.setattr(audit_cli, "MAX_ZONES", 2)
    assert main(YC) == 0
    out = capsys.readouterr().out
    assert "按片区（问题最多的 2 个）" in out and "……另有 4 个片区" in out
    table = out.split("按片区（问题最多的 2 个）")[1].split("……另有")[0]
    # 五里街片区 and 达埔片区 have 2 errors each; the others 1 or none
    assert "五里街片区" in table and "达埔片区" in table and "岵山片区" not in table
    assert "合计" in table
