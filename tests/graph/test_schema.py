import pytest

from partylinks.graph.schema import default_schema, load_schema


def test_builtin_types_and_endpoints():
    s = default_schema()
    assert set(s.node_types) == {"community", "park", "enterprise", "agency", "branch", "cadre",
                                 "council", "project", "grid"}
    assert s.edge_types["member_of"].sources == {"cadre"}
    assert s.edge_types["member_of"].targets == {"branch"}
    assert s.edge_types["service_pairing"].targets == {"project"}
    assert s.edge_types["reports_to"].acyclic
    assert s.edge_types["co_building"].symmetric
    assert not s.edge_types["located_in"].tie and s.edge_types["liaison"].tie
    assert s.sector("agency") == "government" and s.sector("council") == "government"
    assert s.sector("cadre") is None


@pytest.mark.parametrize("value,expected", [
    ("社区", ("community", None)), ("村", ("community", "village")),
    ("小区", ("community", "compound")), ("园区", ("park", None)), ("企业", ("enterprise", None)),
    ("机关", ("agency", None)), ("部门", ("agency", "department")),
    ("党组织", ("branch", None)), ("党支部", ("branch", "branch")),
    ("党委", ("branch", "committee")),
    ("党员", ("cadre", None)), ("干部", ("cadre", None)), ("网格", ("grid", None)),
    ("项目", ("project", None)), ("协调委员会", ("council", None)),
    ("Enterprise", ("enterprise", None)),
])
def test_node_type_aliases(value, expected):
    assert default_schema().node_type_of(value) == expected


@pytest.mark.parametrize("value,expected", [
    ("兼职", ("part_time_post", None)), ("党建指导员", ("part_time_post", "instructor")),
    ("兼职委员", ("part_time_post", "part_time_member")), ("挂钩", ("liaison", None)),
    ("结对共建", ("co_building", None)), ("双报到", ("registers_at", None)),
    ("co_building", ("co_building", None)),
])
def test_edge_type_aliases(value, expected):
    assert default_schema().edge_type_of(value) == expected


@pytest.mark.parametrize("header,canon", [
    ("编号", "id"), ("名称", "name"), ("类型", "type"), ("片区", "zone"), ("起点", "source"),
    ("终点", "target"), ("关系", "type"), ("角色", "role"), ("开始", "start"), ("结束", "end"),
    (" ID ", "id"), ("Source", "source"), ("党员数", "party_members"), ("whatever", "whatever"),
])
def test_column_aliases(header, canon):
    assert default_schema().column(header) == canon


def test_unknown_alias_is_none():
    assert default_schema().node_type_of("外星") is None
    assert default_schema().edge_type_of("飞行") is None


def test_extend_from_toml(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text("""
[node_types.school]
unit = true
sector = "education"
label_zh = "学校"

[edge_types.mentors]
sources = ["cadre"]
targets = ["school"]
tie = true

[aliases.node_type]
"中学" = "school"

[aliases.edge_type]
"帮带" = ["mentors", "mentor"]

[aliases.column]
"单位代号" = "id"
""", encoding="utf-8")
    s = load_schema(f)
    assert "school" in s.unit_types and s.sector("school") == "education"
    assert s.edge_type_of("帮带") == ("mentors", "mentor")
    assert "mentors" in s.tie_types
    assert s.column("单位代号") == "id"
    # the default schema is unchanged
    assert "school" not in default_schema().node_types


@pytest.mark.parametrize("text,needle", [
    ("[nodes]\nx = 1\n", "unknown section"),
    ("[node_types.x]\ncolour = 'red'\n", "unknown key"),
    ("[edge_types.y]\ntie = true\n", "needs 'sources' and 'targets'"),
    ("[edge_types.y]\nsources = ['alien']\ntargets = ['cadre']\n", "unknown node type"),
    ("[aliases.node_type]\n'星' = 'alien'\n", "not a known type"),
    ("not toml = = 3", "not valid TOML"),
])
def test_extend_errors_name_the_file(tmp_path, text, needle):
    f = tmp_path / "bad.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        load_schema(f)
    assert needle in str(exc.value) and "bad.toml" in str(exc.value)


def test_schema_extension_used_by_loader(tmp_path, graph_factory):
    f = tmp_path / "s.toml"
    f.write_text('[node_types.school]\nlabel_zh = "学校"\n[aliases.node_type]\n"中学" = "school"\n'
                 '[edge_types.co_building]\nsources = ["school", "community"]\n'
                 'targets = ["school", "community"]\n', encoding="utf-8")
    g = graph_factory([("S1", "中学"), ("C1", "community")], [("S1", "C1", "co_building")],
                      schema=f)
    assert g.ties()[["u", "v"]].astype(str).values.tolist() == [["S1", "C1"]]
