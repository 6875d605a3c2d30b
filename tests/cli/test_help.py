"""Every command has help in Chinese and English and is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partylinks.cli import COMMANDS, main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_in_both_languages(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert re.search(r"[\u4e00-\u9fff]{2}", out), "no Chinese in the help"
    assert re.search(r"\b[a-z]+ [a-z]+ [a-z]+\b", out), "no English sentence in the help"


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_in_the_readme(command):
    assert f"partylinks {command}" in README, f"describe `partylinks {command}` in README.md"


def test_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out
