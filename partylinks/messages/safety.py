"""Messages of hostile or careless input: numbers out of range, command-line errors,
pseudonym keys, bounded validation output."""

SAFETY = {
    # -- validation: numbers and events ---------------------------------------------------
    "number_out_of_range": {
        "zh": "“{value}”超出可用范围（{low} 至 {high}）",
        "en": "'{value}' is out of range ({low} to {high})",
    },
    "negative_count": {
        "zh": "“{value}”是负数，人数不能为负",
        "en": "'{value}' is negative; a count cannot be negative",
    },
    "not_finite": {
        "zh": "“{value}”不是有限的数（NaN 或无穷大）",
        "en": "'{value}' is not a finite number (NaN or infinity)",
    },
    "event_missing_date": {
        "zh": "活动缺少日期",
        "en": "the event has no date",
    },
    "event_no_units": {
        "zh": "活动没有参与单位",
        "en": "the event has no participating units",
    },
    "float_id": {
        "zh": "编号列“{column}”是小数（{value}），无法还原原编号；请把编号作为文本读入"
              "（pandas：dtype=str）",
        "en": "the id column '{column}' holds floating-point numbers ({value}), which cannot "
              "be turned back into the ids as written; read ids as text (pandas: dtype=str)",
    },
    # -- the command line ------------------------------------------------------------------
    "cli_error": {"zh": "partylinks：{detail}", "en": "partylinks: {detail}"},
    "cli_not_a_file": {
        "zh": "“{path}”是一个文件夹，请给出文件名",
        "en": "'{path}' is a folder; give a file name",
    },
    "cli_cannot_write": {
        "zh": "无法写入“{path}”：{reason}",
        "en": "cannot write '{path}': {reason}",
    },
    "cli_cannot_read": {
        "zh": "无法读取“{path}”：{reason}",
        "en": "cannot read '{path}': {reason}",
    },
    "cli_not_utf8": {
        "zh": "“{path}”不是 UTF-8 文本（第 {position} 个字节起）",
        "en": "'{path}' is not UTF-8 text (from byte {position})",
    },
    "cli_unexpected": {
        "zh": "内部错误 {kind}：{detail}（设置 PARTYLINKS_DEBUG=1 可查看详细信息）",
        "en": "internal error {kind}: {detail} (set PARTYLINKS_DEBUG=1 for details)",
    },
    # -- bounded validation output ---------------------------------------------------------
    "validate_by_kind": {"zh": "按问题类型统计：", "en": "problems by kind:"},
    "validate_kind_line": {"zh": "  {severity} {n} 个，如：{example}",
                           "en": "  {severity} x{n}, e.g. {example}"},
    "validate_notices_hidden": {
        "zh": "另有提示 {n} 个（跳过的标题行、表尾等），未逐行列出；用 --show-notices 列出",
        "en": "{n} notice(s) (skipped title rows, footers, ...) not listed; --show-notices "
              "lists them",
    },
    "validate_first_rows": {
        "zh": "每类问题只列出前 {n} 行；用 --out FILE.csv 保存全部 {total} 个问题",
        "en": "only the first {n} rows of each kind are listed; --out FILE.csv saves all "
              "{total} problems",
    },
    "validate_saved": {"zh": "全部问题已保存到 {path}", "en": "all problems saved to {path}"},
    # -- pseudonym keys --------------------------------------------------------------------
    "key_empty": {"zh": "假名密钥为空", "en": "the pseudonym key is empty"},
    "key_file_exists": {
        "zh": "密钥文件“{path}”已存在，不会覆盖；用 --key-file 读取它，或先移走",
        "en": "the key file '{path}' already exists and is not replaced; read it with "
              "--key-file, or move it away first",
    },
    "key_file_link": {
        "zh": "密钥文件“{path}”是符号链接，拒绝写入",
        "en": "the key file '{path}' is a symbolic link; refusing to write",
    },
    "key_option_deprecated": {
        "zh": "--key 会让密钥出现在进程列表中，已弃用；请用 --key-file 或环境变量 "
              "PARTYLINKS_KEY",
        "en": "--key shows the key in the process list and is deprecated; use --key-file or "
              "the PARTYLINKS_KEY environment variable",
    },
}
