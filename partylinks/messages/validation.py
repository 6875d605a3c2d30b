"""Messages of validation: problems in the input, with file, row, column and value."""

VALIDATION = {
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
        "zh": "关系“{edge_type_zh}”（{edge_type}）不能从{source_type_zh}连到{target_type_zh}"
        "（允许：{allowed_zh}）",
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
        "zh": "党组织“{value}”有多个依托单位（如联合党支部）：其党员的联系计入最新的一条（{chosen}），"
              "其余单位算作该党组织联合覆盖的单位",
        "en": "branch '{value}' has several hosted_by edges (a joint branch, say): its members' "
              "ties count for the latest one ({chosen}); the others count as units it covers",
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
    # -- headers of the problems table printed by the command line ------------------------
    "issue_col_severity": {"zh": "级别", "en": "severity"},
    "issue_col_file": {"zh": "文件", "en": "file"},
    "issue_col_row": {"zh": "行", "en": "row"},
    "issue_col_column": {"zh": "列", "en": "column"},
    "issue_col_value": {"zh": "值", "en": "value"},
    "issue_col_message": {"zh": "说明", "en": "message"},
    "issue_col_code": {"zh": "问题代码", "en": "code"},
    "issue_col_table": {"zh": "表", "en": "table"},
}
