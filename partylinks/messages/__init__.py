"""One table of user-facing messages and labels, in Chinese and English.

Every message a user reads (validation problems, findings and suggestions, report
headers, chart labels) comes from :data:`MESSAGES` through :func:`msg`, so the two
languages stay in step. The table is kept in one module per part of the library
(``validation``, ``audit``, ``charts``, ``change``) and merged here; a key may be defined
only once.
"""

from __future__ import annotations

from .audit import AUDIT
from .change import CHANGE
from .charts import CHARTS
from .validation import VALIDATION

__all__ = ["MESSAGES", "LANGS", "msg", "check_lang"]

LANGS = ("zh", "en")


def _merge(*parts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


MESSAGES: dict[str, dict[str, str]] = _merge(VALIDATION, AUDIT, CHARTS, CHANGE)


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


def msg(code: str, lang: str = "zh", /, **fields: object) -> str:
    """The message ``code`` in ``lang``, with ``fields`` filled in.

    Examples
    --------
    >>> msg("duplicate_id", "en", value="E01", first=3)
    "id 'E01' is used more than once (first at row 3)"
    >>> msg("empty_file", "zh")
    '表中没有数据行'
    """
    check_lang(lang)
    return MESSAGES[code][lang].format(**fields)
