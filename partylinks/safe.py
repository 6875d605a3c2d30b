"""Safe output: text from the data can neither run nor hide in what partylinks writes.

- :func:`safe_text`, :func:`safe_frame`: cells that spreadsheet programs would run as
  formulas get a leading ``'`` (CSV and Excel).
- :func:`visible_text`: control characters (terminal escape codes), bidi marks and
  invisible characters (zero-width space, BOM) become visible escapes such as ``\\x1b``
  and ``\\u200b`` (terminal output and error messages).
- :func:`xml_text`: characters XML 1.0 forbids (controls, surrogates, U+FFFE, U+FFFF)
  become the same visible escapes (GEXF, GraphML).
- :func:`chart_text`: :func:`visible_text` plus ``$`` escaped, so that matplotlib draws
  the text as written and never as mathtext (every chart label).
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["safe_text", "safe_frame", "FORMULA_PREFIXES", "visible_text", "xml_text",
           "chart_text", "INVISIBLE"]

INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
    "\U000e0000-\U000e007f]")
"""Characters that :func:`visible_text` escapes: C0 and C1 controls (escape codes),
the soft hyphen, bidi marks, embeddings, overrides and isolates, zero-width characters,
line and paragraph separators, the byte order mark, interlinear annotation marks, the
non-characters U+FFFE and U+FFFF, lone surrogates and tag characters."""

_XML_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    c = m.group(0)
    if c in _SHORT:
        return _SHORT[c]
    o = ord(c)
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}"


def visible_text(value, keep: str = "") -> str:
    r"""``str(value)`` with every character of :data:`INVISIBLE` written as an escape.

    Definition: each such character except those in ``keep`` becomes ``\n``, ``\t``,
    ``\r`` for newline, tab and carriage return, else ``\xHH`` (code below 256),
    ``\uHHHH`` or ``\UHHHHHHHH``. Everything else, Chinese text included, is kept. Used
    for everything printed on a terminal, so that data can neither send escape codes
    (clear the screen, set the window title, reverse a line) nor make two different ids
    look the same.

    Parameters
    ----------
    value : object
        Any value; ``None`` gives ``""``.
    keep : str
        Characters left as they are (``"\n"`` for multi-line messages).

    Returns
    -------
    str

    Examples
    --------
    >>> print(visible_text("C1\u200b"), visible_text("\x1b[2J桃源"))
    C1\u200b \x1b[2J桃源
    >>> print(visible_text("a\nb"), visible_text("a\nb", keep="\n"), sep=" | ")
    a\nb | a
    b
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not keep:
        return INVISIBLE.sub(_escape, text)
    return INVISIBLE.sub(lambda m: m.group(0) if m.group(0) in keep else _escape(m), text)


def xml_text(value: str) -> str:
    r"""``value`` with the characters XML 1.0 does not allow written as visible escapes.

    Definition: C0 controls other than tab, newline and carriage return, DEL, the C1
    controls other than NEL (U+0085), lone surrogates, U+FFFE and U+FFFF become ``\xHH``
    or ``\uHHHH`` (as in :func:`visible_text`); every other character is kept, so that
    any XML reader accepts the file and its reader still sees where a character was.

    Examples
    --------
    >>> print(xml_text("a\x01b\uffff"))
    a\x01b\uffff
    >>> xml_text("桃源\n社区") == "桃源\n社区"
    True
    """
    return _XML_FORBIDDEN.sub(_escape, value)


def chart_text(value) -> str:
    r"""A label as matplotlib should draw it: :func:`visible_text` of ``value`` with every
    ``$`` escaped as ``\$``.

    Definition: matplotlib reads a text with an even, non-zero number of unescaped ``$``
    as mathtext (``$x^2$`` is drawn as x squared, and ``$\foo$`` is an error when the
    figure is drawn); with every ``$`` escaped the text is drawn exactly as written.
    Control characters become visible escapes, so an SVG chart stays well-formed XML.

    Examples
    --------
    >>> print(chart_text("$x^2$ 社区"))
    \$x^2\$ 社区
    >>> import matplotlib.text as mtext
    >>> mtext.Text()._preprocess_math(chart_text(r"$\foo$"))
    ('$\\foo$', False)
    """
    return visible_text(value).replace("$", "\\$")


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_text(value):
    """Prefix a text value with ``'`` when a spreadsheet would read it as a formula.

    A cell that starts with ``= + - @``, a tab, CR or LF is a formula (or the start of
    one) in Excel, WPS and LibreOffice (CSV/formula injection). Non-text values are
    returned unchanged.

    Examples
    --------
    >>> safe_text('=HYPERLINK("http://x", "点我")')
    '\\'=HYPERLINK("http://x", "点我")'
    >>> safe_text("桃源社区"), safe_text(-3)
    ('桃源社区', -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with :func:`safe_text` applied to every text cell and header.

    Examples
    --------
    >>> safe_frame(pd.DataFrame({"name": ["@SUM(A1)", "ok"]}))["name"].tolist()
    ["'@SUM(A1)", 'ok']
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(safe_text)
    out.columns = [safe_text(c) if isinstance(c, str) else c for c in out.columns]
    return out
