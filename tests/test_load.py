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
    write(tmp_path / "bin.md", b"\x00\x01\x02")
    write(tmp_path / "empty.txt", "  \n")
    articles, warnings = load([str(tmp_path)])
    assert [a.path for a in articles] == ["good.txt"]
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


# --- issue 10: no input lost without a word ----------------------------------------------------

from checker.load import load_inputs  # noqa: E402

TEXT = "Trade reached $3 billion in 2025.\n"


def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path):
    import codecs

    write(tmp_path / "le16.txt", TEXT.encode("utf-16"))  # Python writes the mark first
    write(tmp_path / "be16.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"))
    write(tmp_path / "le32.txt", TEXT.encode("utf-32"))
    write(tmp_path / "sig8.txt", TEXT.encode("utf-8-sig"))
    articles, warnings = load([str(tmp_path)])
    assert [a.text for a in articles] == [TEXT] * 4 and warnings == []


def test_a_stray_byte_is_replaced_and_warned_with_line_and_offset(tmp_path):
    write(tmp_path / "x.txt", b"First line.\nCaf\xe9 revenue rose 5%.\nLast \xff line.\n")
    (a,), warnings = load([str(tmp_path)])
    assert a.text == "First line.\nCaf\ufffd revenue rose 5%.\nLast \ufffd line.\n"
    assert warnings == ["x.txt:2: byte 0xE9 at offset 15 is not UTF-8; replaced with U+FFFD (1 more further on)"]


def test_utf16_without_a_mark_is_binary_and_says_why(tmp_path):
    write(tmp_path / "a.txt", "Fine.\n")
    write(tmp_path / "nomark.txt", TEXT.encode("utf-16-le"))
    _, warnings = load([str(tmp_path)])
    assert warnings == ["nomark.txt: binary file skipped (NUL bytes; UTF-16/32 text needs a byte-order mark)"]


def test_malformed_front_matter_is_a_warning_naming_the_line(tmp_path):
    write(tmp_path / "open.md", "---\ntitle: Never closed\nTrade rose.\n")
    write(tmp_path / "odd.md", "---\ntitle: T\nthis is not a key\n  continued: fine\n---\nBody.\n")
    loaded = load_inputs([str(tmp_path)])
    assert [str(w) for w in loaded.warnings] == [
        "odd.md:3: front matter line is not 'key: value'; ignored",
        "open.md:1: front matter opened with '---' is never closed; read as article text",
    ]
    odd, unclosed = loaded.articles
    assert odd.title == "T" and odd.text == "Body.\n"
    assert unclosed.title is None and unclosed.text.startswith("---\ntitle: Never closed")


def test_impossible_dates_are_warnings_naming_file_and_line(tmp_path):
    write(tmp_path / "sources.toml", '# dates\n\n["m.txt"]\ndate = "2025-02-30"\n\n["u.txt"]\ndate = "unknown"\n')
    write(tmp_path / "m.txt", "Text.\n")
    write(tmp_path / "u.txt", "Text.\n")
    write(tmp_path / "f.md", "---\noutlet: X\ndate: 2025-13-45\n---\nText.\n")
    write(tmp_path / "w.md", "---\ndate: yesterday\n---\nText.\n")
    write(tmp_path / "s.txt", " date 2025-99-01 Scraped text.\n")
    write(tmp_path / "t.md", "---\ndate: 2025-06-13T10:00:00Z\n---\nText.\n")
    articles, warnings = load([str(tmp_path)])
    assert {a.path: a.date for a in articles} == {"f.md": None, "m.txt": None, "s.txt": None,
                                                  "t.md": "2025-06-13", "u.txt": None, "w.md": None}
    assert sorted(warnings) == [
        "f.md:3: date '2025-13-45' is not a real date; ignored",
        "s.txt:1: date '2025-99-01' is not a real date; ignored",
        "sources.toml:3: date '2025-02-30' is not a real date; ignored",
        "w.md:2: date 'yesterday' is not an ISO date (YYYY-MM-DD); ignored",
    ]


def test_dangling_links_fifos_and_linked_folders_in_a_folder_are_warned(tmp_path):
    import os

    d = tmp_path / "articles"
    write(d / "a.txt", TEXT)
    (d / "gone.txt").symlink_to(d / "missing.txt")
    os.mkfifo(d / "pipe.md")
    (d / "linked").symlink_to(tmp_path, target_is_directory=True)
    loaded = load_inputs([str(d)])
    assert [a.path for a in loaded.articles] == ["a.txt"]
    assert [str(w) for w in loaded.warnings] == [
        "gone.txt: dangling symbolic link skipped",
        "linked: symbolic link to a folder, not followed",
        "pipe.md: a named pipe (FIFO), skipped",
    ]
    assert all(w.skipped for w in loaded.warnings)


def _hung(*_args):
    raise TimeoutError("load() blocked on the FIFO")


def test_a_path_that_is_not_a_file_or_folder_is_refused(tmp_path):
    import os
    import signal

    os.mkfifo(tmp_path / "pipe.txt")
    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(10)  # reading a FIFO waits for a writer for ever
    try:
        with pytest.raises(InputError, match=r"pipe\.txt: a named pipe \(FIFO\), not a file or folder"):
            load([str(tmp_path / "pipe.txt")])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    with pytest.raises(InputError, match="character device"):
        load(["/dev/null"])
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    with pytest.raises(InputError, match="dangling symbolic link"):
        load([str(tmp_path / "dangling.txt")])
