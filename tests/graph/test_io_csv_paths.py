"""CSV files read by pyarrow (the fast path) and by pandas (the fallback for files with
blank lines, bad rows or no pyarrow) give the same tables and the same row numbers."""

import numpy as np
import pytest

from partylinks.graph import io

CASES = {
    "plain": b"id,type\nC1,community\nE1,enterprise\n",
    "crlf": b"id,type\r\nC1,community\r\nE1,enterprise\r\n",
    "trailing blank lines": b"id,type\nC1,community\nE1,enterprise\n\n\n",
    "blank line": b"id,type\nC1,community\n\nE1,enterprise\n",
    "blank line crlf": b"id,type\r\nC1,community\r\n\r\nE1,enterprise\r\n",
    "empty cells row": b"id,type\nC1,community\n,\nE1,enterprise\n",
    "quoted line break": b'id,type,name\nC1,community,"a\nb"\nE1,enterprise,x\n',
    "quoted and blank": b'id,type\nC1,"community"\n\nE1,enterprise\n',
    "no final newline": b"id,type\nC1,community\nE1,enterprise",
    "blanks and ideographic space": " id ,type\n C1 ,\u3000community\nE1, \n".encode(),
    "bom": b"\xef\xbb\xbfid,type\n0012,community\n",
    "gbk": "编号,类型\nC1,社区\n".encode("gbk"),
}


def _read(tmp_path, data, monkeypatch=None):
    (tmp_path / "nodes.csv").write_bytes(data)
    (tmp_path / "edges.csv").write_bytes(b"source,target,type\n")
    t = io.read_dataset(tmp_path).nodes
    return t.frame.astype(object).where(t.frame.notna(), None).values.tolist(), t.rows.tolist()


@pytest.mark.parametrize("name", list(CASES))
def test_fast_path_matches_pandas(tmp_path, monkeypatch, name):
    fast = _read(tmp_path, CASES[name])
    monkeypatch.setattr(io, "_arrow_csv", lambda *args: None)
    slow = _read(tmp_path, CASES[name])
    assert fast == slow


def test_row_numbers_skip_blank_lines(tmp_path):
    frame, rows = _read(tmp_path, CASES["blank line crlf"])
    assert frame == [["C1", "community"], ["E1", "enterprise"]] and rows == [2, 4]
    frame, rows = _read(tmp_path, CASES["empty cells row"])
    assert rows == [2, 4]


def test_columns_are_categorical_text(tmp_path):
    (tmp_path / "nodes.csv").write_bytes(b"id,type\n0012, community \nE1,community\n")
    (tmp_path / "edges.csv").write_bytes(b"source,target,type\n")
    f = io.read_dataset(tmp_path).nodes.frame
    assert f["type"].dtype == "category" and list(f["type"].cat.categories) == ["community"]
    assert f["id"].tolist() == ["0012", "E1"]
    assert np.array_equal(f["type"].cat.codes.to_numpy(), [0, 0])
