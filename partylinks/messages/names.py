"""Names of things for readers, from the message table: rules by their names."""

from __future__ import annotations

from . import MESSAGES, resolve_lang

__all__ = ["rule_name"]


def _entry(key: str, lang: str) -> str | None:
    e = MESSAGES.get(key)
    return e[lang] if e else None


def rule_name(rule: str, kind: str | None = None, lang: str | None = None) -> str:
    """The name of a rule for readers: the default policy's rules by name; another rule
    by the name of its kind in Chinese (the rule id in English).

    Examples
    --------
    >>> rule_name("project_team", "team", "zh"), rule_name("my_rule", "team", "zh")
    ('重点项目“1+1+1”团队', '1+1+1团队')
    >>> rule_name("my_rule", "team", "en")
    'my_rule'
    """
    lang = resolve_lang(lang)
    own = _entry(f"rpt_rule_{rule}", lang)
    if own:
        return own
    if lang == "zh" and kind:
        return _entry(f"kind_{kind}", lang) or str(rule)
    return str(rule)
