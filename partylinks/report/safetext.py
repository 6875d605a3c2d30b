"""Text that an Office file can hold: characters XML 1.0 forbids made visible, over-long
cells cut with a note.

XML 1.0 (and so ``.xlsx`` and ``.docx``) cannot hold the control characters U+0000-U+001F
other than tab, newline and carriage return, the non-characters U+FFFE and U+FFFF, or
surrogate code points (U+D800-U+DFFF, which a Python string may hold alone). Writers built
on lxml refuse them and a file that holds them does not open; :func:`xml_text` writes each
one as a visible ``\\xNN`` escape (control characters) or U+FFFD (the others), so a reader
sees that something was there. An Excel cell holds at most 32,767 characters
(:data:`EXCEL_CELL_LIMIT`): :func:`fit_cell` cuts longer text and says so in the cell.
"""

from __future__ import annotations

import re

from ..messages import msg

__all__ = ["xml_text", "fit_cell", "EXCEL_CELL_LIMIT"]

EXCEL_CELL_LIMIT = 32_767
"""Characters an Excel (and WPS) cell holds."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NONCHAR = re.compile("[\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced visibly: a control character
    by ``\\xNN`` (its code in hex), U+FFFE, U+FFFF and lone surrogates by U+FFFD. DEL
    (U+007F), allowed but invisible, is escaped too. Tab, newline and CR are kept.

    Examples
    --------
    >>> xml_text("a\\x00b\\x1bc\\td\\ufffe")
    'a\\\\x00b\\\\x1bc\\td�'
    >>> xml_text("\\ud800x")
    '�x'
    """
    if not isinstance(text, str):
        text = str(text)
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return _NONCHAR.sub("\ufffd", text)


def fit_cell(text: str, lang: str | None = None, limit: int = EXCEL_CELL_LIMIT) -> str:
    """``text`` cut to at most ``limit`` characters, ending with a note that says it was cut
    and how long it was (:func:`xml_text` applied first). Shorter text is returned whole.

    Examples
    --------
    >>> s = fit_cell("x" * 40_000, "en")
    >>> len(s) <= 32_767, s.endswith("40000 characters in all: see the JSON report)")
    (True, True)
    >>> fit_cell("短文本", "zh")
    '短文本'
    """
    text = xml_text(text)
    if len(text) <= limit:
        return text
    note = msg("rpt_cut", lang, n=len(text))
    return text[:limit - len(note)] + note
