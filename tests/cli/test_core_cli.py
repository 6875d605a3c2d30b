"""``partylinks validate`` and ``partylinks summary``: output and exit codes."""

import os
import subprocess
import sys

import pytest

from partylinks.cli import main


def write_bad(tmp_path):
    (tmp_path / "节点.csv").write_bytes("编号,类型\nC1,社区\nC1,社区\n".encode("gbk"))
    (tmp_path / "关系.csv").write_text("起点,终点,关系\nC1,X,结对共建\n", encoding="utf-8")
    return tmp_path


def write_good(tmp_path):
    (tmp_path / "nodes.csv").write_text("id,type,zone\nC1,community,Z\nE1,enterprise,Z\n"
                                        "K1,cadre,Z\n", encoding="utf-8")
    (tmp_path / "edges.csv").write_text("source,target,type,role\nK1,C1,works_at,\n"
                                        "K1,E1,part_time_post,instructor\n", encoding="utf-8")
    return tmp_path


def test_validate_exit_2_lists_every_problem(tmp_path, capsys):
    d = write_bad(tmp_path)
    assert main(["validate", str(d)]) == 2
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines()]
    assert rows[0] == ["级别", "文件", "行", "列", "值", "说明"]
    assert rows[1][:5] == ["错误", "节点.csv", "3", "编号", "C1"]
    assert rows[2][:5] == ["错误", "关系.csv", "2", "终点", "X"]
    assert "错误 2 个" in out


def test_validate_ok_exit_0_and_csv_out(tmp_path, capsys):
    d = write_good(tmp_path)
    out_csv = tmp_path / "problems.csv"
    assert main(["validate", str(d), "--lang", "en", "--out", str(out_csv)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().out
    assert out_csv.read_text(encoding="utf-8-sig").startswith("severity,code")


def test_summary(tmp_path, capsys):
    d = write_good(tmp_path)
    assert main(["summary", str(d), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "3 nodes, 2 edges, 2 units, 1 ties" in out
    assert main(["summary", str(d)]) == 0
    assert "节点 3 个，关系 2 条，单位 2 个，单位间联系 1 条" in capsys.readouterr().out


def test_summary_invalid_exits_2(tmp_path, capsys):
    d = write_bad(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["summary", str(d)])
    assert exc.value.code == 2
    assert "数据校验发现 2 个错误" in capsys.readouterr().err


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "partylinks.cli", "--help"], capture_output=True,
                       text=True, check=True)
    assert "validate" in r.stdout


PRINTING_COMMANDS = [
    ["audit", "--sample", "yongchun"],
    ["summary", "--sample", "yongchun"],
    ["validate", "--sample", "yongchun"],
    ["suggest", "--sample", "yongchun"],
    ["compare", "--sample", "yongchun", "--before", "2024-06-30", "--after", "2025-06-30"],
    ["policy", "--show"],
]


def _clean_env(unbuffered: bool) -> dict:
    """The environment of a user's plain shell: none of the variables CI tends to set."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONUNBUFFERED", "MPLBACKEND", "CI", "PYTHONIOENCODING")}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", PRINTING_COMMANDS, ids=lambda c: c[0])
def test_output_into_a_closed_pipe_is_quiet(command, unbuffered):
    """``partylinks CMD ... | true``: no traceback and no "Exception ignored" when the reader
    is gone before the first line is written; exit status 141 (128 + SIGPIPE)."""
    p = subprocess.Popen([sys.executable, "-m", "partylinks", *command],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=_clean_env(unbuffered))
    p.stdout.close()   # the reader is gone before the first line is written
    err = p.stderr.read().decode()
    code = p.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert "Exception ignored" not in err
    assert code == 141, (code, err)


def test_python_dash_m_partylinks_is_the_command():
    env = _clean_env(False)
    via_m = subprocess.run([sys.executable, "-m", "partylinks", "summary", "--sample", "yongchun"],
                           capture_output=True, text=True, env=env)
    assert via_m.returncode == 0, via_m.stderr
    assert via_m.stdout == subprocess.run(
        [sys.executable, "-m", "partylinks.cli", "summary", "--sample", "yongchun"],
        capture_output=True, text=True, env=env).stdout
    assert "502 nodes" in via_m.stdout or "502" in via_m.stdout


def test_table_aligns_chinese_text():
    import pandas as pd

    from partylinks.cli._common import format_table

    text = format_table(pd.DataFrame({"片区": ["桃城片区", "ab"], "单位数": [15, 102]}))
    lines = text.splitlines()
    # wide characters count two columns: the numbers end in the same terminal column
    assert lines == ["片区      单位数", "桃城片区      15", "ab           102"]
