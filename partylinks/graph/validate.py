"""Validation results: the issues table and the :class:`ValidationError`."""

from __future__ import annotations

import warnings

import pandas as pd

from ..messages import check_lang, msg

__all__ = ["ValidationError", "ValidationWarning", "ISSUE_COLUMNS", "issues_frame",
           "format_issues"]

ISSUE_COLUMNS = ["severity", "code", "table", "file", "row", "column", "value", "message"]


class ValidationWarning(UserWarning):
    """Problems that do not stop loading (a cadre with no home unit, a branch with no host)."""


class ValidationError(ValueError):
    """The dataset has errors. ``.issues`` holds all of them as a DataFrame.

    The message lists the first 20 problems, each as ``file:row [column] message``, and
    how many more there are.
    """

    def __init__(self, issues: pd.DataFrame, lang: str = "en"):
        self.issues = issues
        errors = issues[issues["severity"] == "error"]
        n_err, n_warn = len(errors), int((issues["severity"] == "warning").sum())
        head = msg("validation_failed", lang, n_errors=n_err, n_warnings=n_warn)
        super().__init__(head + "\n" + format_issues(errors, limit=20, lang=lang))


def format_issues(issues: pd.DataFrame, limit: int | None = None, lang: str = "en") -> str:
    """One line per problem, ``file:row [column] message``, at most ``limit`` lines
    followed by a count of the rest.

    Examples
    --------
    >>> df = pd.DataFrame({"severity": ["error"], "file": ["nodes.csv"], "table": ["nodes"],
    ...     "row": [3], "column": ["id"], "message": ["id 'C1' is used more than once"]})
    >>> print(format_issues(df))
      nodes.csv:3 [id] id 'C1' is used more than once
    """
    shown = issues if limit is None else issues.head(limit)
    lines = []
    for r in shown.itertuples(index=False):
        loc = str(r.file or r.table)
        if r.row is not None and not pd.isna(r.row):
            loc += f":{r.row}"
        if r.column is not None and not pd.isna(r.column):
            loc += f" [{r.column}]"
        tag = "" if r.severity == "error" else f"({r.severity}) "
        lines.append(f"  {loc} {tag}{r.message}")
    if limit is not None and len(issues) > limit:
        lines.append("  " + msg("more_problems", lang, n=len(issues) - limit))
    return "\n".join(lines)


def issues_frame(problems: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Turn collected problems into the public issues table with messages in ``lang``.

    Columns: ``severity`` (error / warning), ``code``, ``table`` (nodes / edges / events),
    ``file``, ``row`` (as the user sees it in Excel: the header is row 1), ``column``
    (the header as written in the file), ``value``, ``message``.
    """
    check_lang(lang)
    out = problems.drop(columns=["fields"]).copy()
    messages = []
    for code, value, table, fields in zip(problems["code"], problems["value"],
                                          problems["table"], problems["fields"], strict=True):
        f = {"value": value, "table": table, **(fields or {})}
        # a field given in both languages (``label_zh``, ``label_en``) fills ``{label}``
        f.update({k[:-3]: v for k, v in list(f.items()) if k.endswith(f"_{lang}")})
        try:
            messages.append(msg(code, lang, **f))
        except KeyError:
            messages.append(f"{code}: {value}")
    out["message"] = messages
    sev = out["severity"].map({"error": 0, "warning": 1, "info": 2})
    tab = out["table"].map({"nodes": 0, "edges": 1, "events": 2}).fillna(-1)
    row = pd.to_numeric(out["row"], errors="coerce")
    order = pd.DataFrame({"s": sev, "t": tab, "r": row}).sort_values(
        ["s", "t", "r"], kind="stable", na_position="first").index
    out = out.loc[order]
    return out[ISSUE_COLUMNS].reset_index(drop=True)


def warn_issues(issues: pd.DataFrame) -> None:
    """Emit one :class:`ValidationWarning` summarising the warnings in ``issues``."""
    w = issues[issues["severity"] == "warning"]
    if len(w):
        counts = ", ".join(f"{c} x{n}" for c, n in w["code"].value_counts().sort_index().items())
        warnings.warn(f"{len(w)} validation warning(s): {counts}; see g.issues",
                      ValidationWarning, stacklevel=3)
