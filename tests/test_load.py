"""Load stage: files, front matter, manifests, scraped date prefixes, bad input."""
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.load import load


def write(p: Path, data: str | bytes) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def test_front_matter_and_order(tmp_path):
    write(tmp_path / "b.md", "---\ntitle: \"Quoted: title\"\noutlet: VNA\ndate: 2025-12-01\n---\nBody one.\n")
    write(tmp_path / "a.txt", "Plain body.\n")
    write(tmp_path / "skip.csv", "1,2,3\n")
    articles, warnings = load([str(tmp_path)])
    assert [a.path for a in articles] == ["a.txt", "b.md"]
    b = articles[1]
    assert (b.title, b.outlet, b.date, b.body_line) == ("Quoted: title", "VNA", "2025-12-01", 6)
    assert b.text == "Body one.\n"
    assert warnings == []


def test_scraped_date_prefix_keeps_offsets(tmp_path):
    write(tmp_path / "x.txt", " date 2026-02-04 General Secretary To Lam arrived.\n")
    (a,), _ = load([str(tmp_path)])
    assert a.date == "2026-02-04"
    assert a.text.index("General") == len(" date 2026-02-04 ")
    assert a.text.strip().startswith("General")


def test_manifest_fills_metadata_front_matter_wins(tmp_path):
    write(tmp_path / "sources.toml", '["a.txt"]\noutlet = "Manifest outlet"\ndate = "2025-01-07"\n'
          '["b.txt"]\noutlet = "M"\ndate = "unknown"\n')
    write(tmp_path / "a.txt", "Text.\n")
    write(tmp_path / "b.txt", "---\noutlet: Front\n---\nText.\n")
    a, b = load([str(tmp_path)])[0]
    assert (a.outlet, a.date) == ("Manifest outlet", "2025-01-07")
    assert (b.outlet, b.date) == ("Front", None)


def test_bad_files_are_warnings_naming_the_file(tmp_path):
    write(tmp_path / "good.txt", "Fine.\n")
    write(tmp_path / "bad.txt", b"ok line\n\xff\xfe broken\n")
    write(tmp_path / "bin.md", b"\x00\x01\x02")
    write(tmp_path / "empty.txt", "  \n")
    articles, warnings = load([str(tmp_path)])
    assert [a.path for a in articles] == ["good.txt"]
    assert any(w.startswith("bad.txt:2: invalid UTF-8") for w in warnings)
    assert any(w.startswith("bin.md: binary") for w in warnings)
    assert any(w.startswith("empty.txt: empty") for w in warnings)


def test_nothing_readable_is_an_input_error(tmp_path):
    write(tmp_path / "empty.txt", "")
    with pytest.raises(InputError, match="no readable"):
        load([str(tmp_path)])
    with pytest.raises(InputError, match="no such file"):
        load([str(tmp_path / "missing")])


def test_title_line_is_kept(tmp_path):
    write(tmp_path / "a.md", "---\noutlet: X\ntitle: Toll passes 150\n---\nBody.\n")
    (a,), _ = load([str(tmp_path)])
    assert a.title_line == 3
