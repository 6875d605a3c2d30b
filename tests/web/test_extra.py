"""The web extra is optional: without it, the package works and the command says what to do."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest


def test_missing_extra_names_the_install_command(monkeypatch):
    from partylinks import web

    real = importlib.import_module

    def fake(name, *a):
        if name == "starlette":
            raise ImportError("No module named 'starlette'")
        return real(name, *a)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(ImportError, match=r'starlette: pip install "partylinks\[web\]"'):
        web.require_web()


def test_serve_without_the_extra_exits_2_with_a_message(monkeypatch, capsys):
    from partylinks import web
    from partylinks.cli import main

    def missing():
        raise ImportError('partylinks serve needs starlette: pip install "partylinks[web]"')

    monkeypatch.setattr(web, "require_web", missing)
    assert main(["serve", "--no-browser"]) == 2
    assert "partylinks[web]" in capsys.readouterr().err


def test_the_core_package_does_not_import_the_web_app():
    code = ("import sys, partylinks as pl, partylinks.cli; "
            "pl.audit(pl.datasets.house(), as_of='2025-06-30'); "
            "assert not any(m.startswith(('starlette', 'jinja2', 'partylinks.web')) "
            "for m in sys.modules), sorted(m for m in sys.modules if 'web' in m)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
