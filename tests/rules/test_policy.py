"""Loading and checking policies: strict, with the file and line of every mistake."""

from __future__ import annotations

import pytest

from partylinks.rules import RULE_KINDS, PolicyError, default_policy_path, load_policy, parse_policy

GOOD = """\
[policy]
name = "mine"

[[rules]]
id = "iso"
kind = "isolated"
severity = "error"

[[rules]]
id = "mutual"
kind = "reciprocal"
severity = "warning"
enabled = false
zones = ["Z1"]
types = ["community", "enterprise"]
"""


def test_default_policy_covers_every_rule_kind_and_loads_cleanly():
    p = load_policy()
    assert p.source == str(default_policy_path())
    assert {r.kind for r in p.rules} == set(RULE_KINDS)
    assert [r.id for r in p.rules][:5] == ["isolated_units", "enterprise_branch", "project_team",
                                           "council_composition", "mutual_appointments"]
    assert all(r.enabled for r in p.rules)
    assert p.rule("council_meetings").params["days"] == 92
    # every rule's line points at its id
    lines = default_policy_path().read_text(encoding="utf-8").splitlines()
    for r in p.rules:
        assert lines[r.line - 1].strip() == f'id = "{r.id}"'


def test_default_policy_explains_itself_in_both_languages():
    text = default_policy_path().read_text(encoding="utf-8")
    comments = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any("党建指导员" in c or "双向互派" in c for c in comments)
    assert any("Mutual appointments" in c for c in comments)


def test_parameters_get_their_defaults_and_flags_are_kept():
    p = parse_policy(GOOD)
    assert p.name == "mine"
    r = p.rule("mutual")
    assert (r.enabled, r.zones, r.line) == (False, ("Z1",), 10)
    assert r.params["tie_types"] == ["part_time_post"]
    assert r.to_dict()["zones"] == ["Z1"]
    # defaults are copies: changing one rule's list leaves the other rules alone
    r.params["tie_types"].append("x")
    assert parse_policy(GOOD).rule("mutual").params["tie_types"] == ["part_time_post"]


@pytest.mark.parametrize("change, line, words", [
    (('kind = "reciprocal"', 'kind = "recipocal"'), 11, "unknown kind 'recipocal'"),
    (('types = ["community", "enterprise"]', 'typez = ["community"]'), 15,
     "unknown parameter 'typez' for kind 'reciprocal'"),
    (('types = ["community", "enterprise"]', 'types = "community"'), 15,
     "'types': expected a list of text values"),
    (("enabled = false", 'enabled = "no"'), 13, "'enabled': expected true or false"),
    (('severity = "warning"', 'severity = "fatal"'), 12, "severity must be one of"),
    (('id = "mutual"', 'id = "iso"'), 10, "duplicate id (first at line 5)"),
])
def test_mistakes_name_the_file_and_line(change, line, words):
    text = GOOD.replace(*change)
    with pytest.raises(PolicyError) as exc:
        parse_policy(text, source="my.toml")
    assert str(exc.value).startswith(f"my.toml, line {line}: ")
    assert words in str(exc.value)
    assert exc.value.line == line


def test_values_are_checked_against_the_allowed_ones():
    bad = '[[rules]]\nid = "t"\nkind = "team"\nseverity = "info"\nchecks = ["missng"]\n'
    with pytest.raises(PolicyError, match=r"line 5: rule 't': 'checks': unknown value"):
        parse_policy(bad)
    neg = '[[rules]]\nid = "m"\nkind = "meeting_frequency"\nseverity = "info"\ndays = 0\n'
    with pytest.raises(PolicyError, match="must be at least 1"):
        parse_policy(neg)
    flag = '[[rules]]\nid = "m"\nkind = "meeting_frequency"\nseverity = "info"\ndays = true\n'
    with pytest.raises(PolicyError, match="expected a whole number"):
        parse_policy(flag)


def test_required_parameter_and_missing_id():
    with pytest.raises(PolicyError, match="needs the parameter 'node_type'"):
        parse_policy('[[rules]]\nid = "x"\nkind = "min_ties"\nseverity = "info"\n')
    with pytest.raises(PolicyError, match=r"line 1: rule #1: 'id'"):
        parse_policy('[[rules]]\nkind = "isolated"\nseverity = "info"\n')


def test_top_level_and_toml_errors(tmp_path):
    with pytest.raises(PolicyError, match=r"line 1: unknown top-level key 'rule'"):
        parse_policy('[rule]\nid = "x"\n')
    f = tmp_path / "broken.toml"
    f.write_text('[[rules]]\nid = "x\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"broken.toml: not valid TOML"):
        load_policy(f)
    with pytest.raises(PolicyError, match="cannot read the policy file"):
        load_policy(tmp_path / "absent.toml")


def test_no_expressions_are_evaluated():
    text = '[[rules]]\nid = "x"\nkind = "isolated"\nseverity = "info"\n' \
           'node_types = "__import__(\'os\').system(\'true\')"\n'
    with pytest.raises(PolicyError, match="expected a list of text values"):
        parse_policy(text)
