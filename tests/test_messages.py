"""The message table: every entry in both languages, with the same fields to fill in."""

import string

import pytest

from partylinks.messages import MESSAGES, _merge, msg


def fields(text: str) -> set[str]:
    """The fields a message fills in; ``<field>_zh`` (a Chinese label in place of
    ``<field>``) counts as ``<field>``."""
    return {f.removesuffix("_zh") for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_with_the_same_fields(code):
    entry = MESSAGES[code]
    assert set(entry) == {"zh", "en"} and entry["zh"] and entry["en"]
    assert fields(entry["zh"]) == fields(entry["en"]), code


def test_a_key_defined_twice_is_refused():
    with pytest.raises(RuntimeError, match="twice"):
        _merge({"a": {"zh": "甲", "en": "a"}}, {"a": {"zh": "乙", "en": "b"}})


def test_msg_fills_fields():
    assert msg("bad_integer", "en", value="x") == "'x' is not a whole number"
