"""``partylinks chart``: every kind to PNG, SVG and PDF; options; errors exit 2."""

from __future__ import annotations

import subprocess
import sys

import pytest

from partylinks.cli import main


def write_dataset(tmp_path):
    """Two zones with rare characters in the names, an isolated unit and a fragile one."""
    (tmp_path / "nodes.csv").write_text(
        "id,type,name,zone\n"
        "C1,community,堃园社区,桃城片区\nE1,enterprise,赟达纺织,桃城片区\n"
        "E2,enterprise,䶮峰陶瓷,䶮山片区\nW1,council,桃城协调委员会,桃城片区\n"
        "K1,cadre,林堃,桃城片区\nK2,cadre,陈玥,桃城片区\n", encoding="utf-8")
    (tmp_path / "edges.csv").write_text(
        "source,target,type,role\nK1,C1,works_at,\nK2,E1,works_at,\n"
        "K1,E1,part_time_post,instructor\nK2,C1,part_time_post,part_time_member\n"
        "C1,W1,council_member,\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("kind", "ext"), [("network", "png"), ("matrix", "svg"),
                                           ("coverage", "pdf"), ("score", "png")])
def test_every_kind_writes_a_file(tmp_path, capsys, kind, ext):
    d = write_dataset(tmp_path)
    out = tmp_path / "out" / f"chart.{ext}"
    assert main(["chart", str(d), "--kind", kind, "--out", str(out), "--dpi", "60"]) == 0
    data = out.read_bytes()
    assert len(data) > 2000
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}[ext]
    assert data.startswith(magic)
    assert f"已写出图表：{out}" in capsys.readouterr().out


@pytest.mark.parametrize("ext", ["png", "svg", "pdf"])
def test_network_options_on_a_sample(tmp_path, capsys, ext):
    out = tmp_path / f"n.{ext}"
    args = ["chart", "--sample", "yongchun", "--out", str(out), "--zone", "桃城片区",
            "--show-cadres", "--lang", "en", "--dpi", "60"]
    assert main(args) == 0
    assert out.stat().st_size > 2000
    assert "chart written to" in capsys.readouterr().out
    assert main(["chart", "--sample", "yongchun", "--ego", "Y-K0010", "--radius", "2",
                 "--out", str(out), "--as-of", "2025-06-30", "--dpi", "60"]) == 0


def test_matrix_by_zone_with_density(tmp_path):
    d = write_dataset(tmp_path)
    out = tmp_path / "m.png"
    assert main(["chart", str(d), "--kind", "matrix", "--by", "zone", "--density",
                 "--out", str(out), "--dpi", "60"]) == 0
    assert out.stat().st_size > 2000


@pytest.mark.parametrize(("extra", "message"), [
    (["--zone", "nowhere"], "没有这些片区：nowhere"),
    (["--ego", "nobody"], "没有编号为“nobody”的节点"),
    (["--kind", "matrix", "--by", "colour"], "colour"),
    (["--as-of", "someday"], "someday"),
    (["--radius", "-1"], "--radius"),
])
def test_bad_options_exit_2(tmp_path, capsys, extra, message):
    d = write_dataset(tmp_path)
    out = tmp_path / "x.png"
    assert main(["chart", str(d), "--out", str(out), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_unknown_format_exits_2(tmp_path, capsys):
    d = write_dataset(tmp_path)
    assert main(["chart", str(d), "--out", str(tmp_path / "x.gif")]) == 2
    assert ".png, .svg, .pdf" in capsys.readouterr().err


def test_runs_headless_as_a_program(tmp_path):
    d = write_dataset(tmp_path)
    out = tmp_path / "p.png"
    result = subprocess.run([sys.executable, "-m", "partylinks.cli", "chart", str(d), "--out",
                               str(out), "--dpi", "50"], capture_output=True, text=True,
                              env={"PATH": "", "MPLBACKEND": "", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
