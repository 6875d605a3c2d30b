"""One table of user-facing messages and labels, in Chinese and English.

Every message a user reads (validation problems, findings and suggestions, report
headers, chart labels) comes from :data:`MESSAGES` through :func:`msg`, so the two
languages stay in step. The table is kept in one module per part of the library
(``validation``, ``audit``, ``charts``, ``change``) and merged here; a key may be defined
only once.
"""

from __future__ import annotations

import os

from .audit import AUDIT
from .change import CHANGE
from .charts import CHARTS
from .findings import FINDINGS
from .ledger import LEDGER
from .report import REPORT
from .research import RESEARCH
from .safety import SAFETY
from .validation import VALIDATION
from .web import WEB

__all__ = ["MESSAGES", "LANGS", "DEFAULT_LANG", "msg", "check_lang", "resolve_lang"]

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
"""The library's language when none is given and ``PARTYLINKS_LANG`` is not set."""


def _merge(*parts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


MESSAGES: dict[str, dict[str, str]] = _merge(VALIDATION, AUDIT, CHARTS, CHANGE, SAFETY, WEB,
                                              REPORT, FINDINGS, LEDGER, RESEARCH)


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported language, else raise ``ValueError``.

    Examples
    --------
    >>> check_lang("zh")
    'zh'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def resolve_lang(lang: str | None = None) -> str:
    """The language to speak: ``lang`` if given, else the ``PARTYLINKS_LANG`` environment
    variable, else :data:`DEFAULT_LANG` (``"zh"``).

    Every function of the library that takes ``lang`` takes ``None`` to mean this default, so
    one setting (``export PARTYLINKS_LANG=en``) switches the library and the command line.

    Examples
    --------
    >>> resolve_lang("en")
    'en'
    >>> import os; os.environ.pop("PARTYLINKS_LANG", None) and None
    >>> resolve_lang(None)
    'zh'
    """
    if lang is None:
        lang = os.environ.get("PARTYLINKS_LANG", "").strip().lower() or DEFAULT_LANG
    return check_lang(lang)


def msg(code: str, lang: str | None = None, /, **fields: object) -> str:
    """The message ``code`` in ``lang``, with ``fields`` filled in.

    Examples
    --------
    >>> msg("duplicate_id", "en", value="E01", first=3)
    "id 'E01' is used more than once (first at row 3)"
    >>> msg("empty_file", "zh")
    '表中没有数据行'
    """
    return MESSAGES[code][resolve_lang(lang)].format(**fields)
