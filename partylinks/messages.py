"""One table of user-facing messages and labels, in Chinese and English.

Every message a user reads (validation problems, report headers, chart labels) comes
from :data:`MESSAGES` through :func:`msg`, so the two languages stay in step.
"""

from __future__ import annotations

__all__ = ["MESSAGES", "LANGS", "msg", "check_lang"]

LANGS = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # -- validation: errors -------------------------------------------------------------
    "unreadable_file": {
        "zh": "无法读取文件：{detail}",
        "en": "cannot read the file: {detail}",
    },
    "missing_table": {
        "zh": "找不到{table}表（可用的文件或工作表名：{expected}）",
        "en": "no {table} table found (accepted file or sheet names: {expected})",
    },
    "missing_column": {
        "zh": "缺少必需的列“{column}”（可写作：{aliases}）",
        "en": "required column '{column}' is missing (accepted headers: {aliases})",
    },
    "empty_file": {"zh": "表中没有数据行", "en": "the table has no data rows"},
    "missing_value": {"zh": "必填项“{column}”为空", "en": "required value '{column}' is empty"},
    "duplicate_id": {
        "zh": "编号“{value}”重复（首次出现在第 {first} 行）",
        "en": "id '{value}' is used more than once (first at row {first})",
    },
    "unknown_node_type": {
        "zh": "未知的节点类型“{value}”（可用：{allowed}）",
        "en": "unknown node type '{value}' (known: {allowed})",
    },
    "unknown_edge_type": {
        "zh": "未知的关系类型“{value}”（可用：{allowed}）",
        "en": "unknown edge type '{value}' (known: {allowed})",
    },
    "dangling_endpoint": {
        "zh": "“{value}”不是节点表中的编号",
        "en": "'{value}' is not an id in the nodes table",
    },
    "forbidden_endpoint": {
        "zh": "关系“{edge_type}”不能从{source_type}连到{target_type}（允许：{allowed}）",
        "en": "edge type '{edge_type}' cannot join {source_type} -> {target_type} (allowed: {allowed})",
    },
    "self_loop": {
        "zh": "关系的起点和终点是同一个节点“{value}”",
        "en": "the edge starts and ends at the same node '{value}'",
    },
    "reports_to_cycle": {
        "zh": "上级党组织关系形成环路：{value}",
        "en": "reports_to edges form a cycle: {value}",
    },
    "bad_date": {
        "zh": "无法识别的日期“{value}”（请写作 2024-06-30 或 2024年6月30日）",
        "en": "unreadable date '{value}' (write it as 2024-06-30)",
    },
    "end_before_start": {
        "zh": "结束日期 {value} 早于开始日期 {start}",
        "en": "end date {value} is before start date {start}",
    },
    "bad_integer": {
        "zh": "“{value}”不是整数",
        "en": "'{value}' is not a whole number",
    },
    "bad_number": {"zh": "“{value}”不是数字", "en": "'{value}' is not a number"},
    "bad_boolean": {
        "zh": "“{value}”不是是/否",
        "en": "'{value}' is not a yes/no value (是/否, true/false, 1/0)",
    },
    # -- validation: warnings ------------------------------------------------------------
    "no_home_unit": {
        "zh": "党员干部“{value}”没有工作单位（无“任职”关系，所在党组织也无依托单位），其关系不计入单位间联系",
        "en": "cadre '{value}' has no home unit (no works_at, and no branch with a host); "
        "their ties are left out of the unit projection",
    },
    "no_host": {
        "zh": "党组织“{value}”没有依托单位（无“设立于”关系），其关系不计入单位间联系",
        "en": "branch '{value}' has no host unit (no hosted_by); its ties are left out of the "
        "unit projection",
    },
    "multiple_hosts": {
        "zh": "党组织“{value}”有多个依托单位，按最新的一条（{chosen}）计算",
        "en": "branch '{value}' has several hosted_by edges; the latest one ({chosen}) is used",
    },
    "multiple_home_units": {
        "zh": "党员干部“{value}”有多个工作单位，按最新的一条（{chosen}）计算",
        "en": "cadre '{value}' has several works_at edges; the latest one ({chosen}) is used",
    },
    "events_unknown_unit": {
        "zh": "活动的参与单位“{value}”不是节点表中的编号",
        "en": "event participant '{value}' is not an id in the nodes table",
    },
    # -- validation summary ------------------------------------------------------------
    "validation_failed": {
        "zh": "数据校验发现 {n_errors} 个错误、{n_warnings} 个警告",
        "en": "validation found {n_errors} error(s) and {n_warnings} warning(s)",
    },
    "more_problems": {"zh": "……另有 {n} 个问题", "en": "... and {n} more"},
    # -- charts (partylinks.plot) ----------------------------------------------------------
    "chart_sector_community": {"zh": "社区", "en": "community"},
    "chart_sector_park": {"zh": "园区", "en": "park"},
    "chart_sector_enterprise": {"zh": "企业", "en": "enterprise"},
    "chart_sector_government": {"zh": "党政机关", "en": "government"},
    "chart_sector_project": {"zh": "重点项目", "en": "project"},
    "chart_sector_grid": {"zh": "网格", "en": "grid"},
    "chart_no_zone": {"zh": "（未填片区）", "en": "(no zone)"},
    "chart_legend_types": {"zh": "单位类型", "en": "Unit type"},
    "chart_legend_ties": {"zh": "联系类型", "en": "Tie type"},
    "chart_legend_weak": {"zh": "薄弱环节", "en": "Weak spots"},
    "chart_multi_tie": {"zh": "多种联系", "en": "several tie types"},
    "chart_isolated": {
        "zh": "孤立单位（无跨组织联系）",
        "en": "isolated unit (no cross-organization tie)",
    },
    "chart_fragile": {"zh": "仅靠一名干部联系的单位", "en": "unit tied only through one cadre"},
    "chart_bridge": {"zh": "桥（断开即分裂）", "en": "bridge (its loss splits the network)"},
    "chart_key_cadre": {
        "zh": "关键人物（调离会孤立单位或割裂网络）",
        "en": "key person (transfer isolates a unit or splits the network)",
    },
    "chart_cadre": {"zh": "党员干部", "en": "cadre"},
    "chart_ego": {"zh": "中心单位", "en": "the unit in focus"},
    "chart_findings": {"zh": "有审计问题的单位", "en": "unit with audit findings"},
    "chart_held_by": {"zh": "仅靠{name}", "en": "only via {name}"},
    "chart_network_title": {
        "zh": "单位联系网络：{n_units} 个单位，{n_pairs} 对有联系",
        "en": "Unit network: {n_units} units, {n_pairs} tied pairs",
    },
    "chart_zone_title": {
        "zh": "{zone}：{n_units} 个单位，{n_pairs} 对有联系",
        "en": "{zone}: {n_units} units, {n_pairs} tied pairs",
    },
    "chart_ego_title": {
        "zh": "{name} 的 {radius} 步以内联系：{n_units} 个单位",
        "en": "Within {radius} step(s) of {name}: {n_units} units",
    },
    "chart_as_of": {"zh": "（截至 {date}）", "en": " (as of {date})"},
    "chart_quotient_title": {
        "zh": "片区概览：{n_units} 个单位（超过 {limit} 个）按片区汇总；"
        "用 zone= 或 ego= 查看单个片区或单位",
        "en": "Zone overview: {n_units} units (over {limit}) summed by zone; "
        "use zone= or ego= for detail",
    },
    "chart_quotient_node": {
        "zh": "{units} 个单位，孤立 {isolated}",
        "en": "{units} units, {isolated} isolated",
    },
    "chart_quotient_size": {"zh": "圆面积 = 单位数", "en": "circle area = units"},
    "chart_quotient_width": {
        "zh": "线宽、数字 = 片区间联系数",
        "en": "line width, number = ties between zones",
    },
    "chart_isolated_share": {"zh": "孤立单位占比", "en": "share of isolated units"},
    "chart_empty": {"zh": "没有可绘制的单位", "en": "no units to draw"},
    "chart_matrix_title": {"zh": "联系矩阵（按{by}）", "en": "Linkage matrix by {by}"},
    "chart_by_sector": {"zh": "部门类别", "en": "sector"},
    "chart_by_zone": {"zh": "片区", "en": "zone"},
    "chart_ties": {"zh": "联系数", "en": "ties"},
    "chart_tied_pairs": {"zh": "有联系的单位对数", "en": "tied unit pairs"},
    "chart_density": {
        "zh": "联系密度（实际/可能的单位对）",
        "en": "density (tied pairs / possible pairs)",
    },
    "chart_coverage_title": {
        "zh": "各片区覆盖情况与审计问题",
        "en": "Coverage and findings by zone",
    },
    "chart_rates": {"zh": "覆盖率", "en": "coverage rates"},
    "chart_counts": {"zh": "问题数（按规则）", "en": "findings by rule"},
    "chart_tied_share": {"zh": "有联系单位占比", "en": "units tied in"},
    "chart_branch_coverage": {"zh": "党组织覆盖率", "en": "branch coverage"},
    "chart_largest_share": {"zh": "最大连通片占比", "en": "largest component share"},
    "chart_total": {"zh": "合计", "en": "total"},
    "chart_score_title": {
        "zh": "各片区单位联系薄弱度",
        "en": "Weak-linkage score of units by zone",
    },
    "chart_score_axis": {
        "zh": "联系薄弱度（0 = 紧密，1 = 最薄弱）",
        "en": "weak-linkage score (0 = well tied, 1 = weakest)",
    },
    "chart_weak_count": {"zh": "薄弱 {n}/{total}", "en": "weak {n}/{total}"},
    "chart_weak_threshold": {"zh": "薄弱线（{t}）", "en": "weak threshold ({t})"},
}


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
