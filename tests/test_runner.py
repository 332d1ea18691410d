"""Speed for big runs (issue 5): parallel and cached extraction give the very same report;
--changed / --since keep the findings that involve a changed article."""
from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker import runner
from checker.load import load
from checker.pipeline import analyse, extract_article
from checker.report import render_json
from checker.rules import load_rules
from checker.runner import Progress, Stats, changed_articles, extract_all, only_changed

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeds():
    rules = load_rules()
    articles, warnings = load([str(SEEDS)])
    serial = [extract_article(a, rules) for a in articles]
    return rules, articles, warnings, serial


def _json(seeds, extracted) -> str:
    rules, articles, warnings, _ = seeds
    return render_json(analyse(articles, rules, warnings, extracted=extracted))


def test_two_jobs_give_the_serial_report(seeds, monkeypatch):
    rules, articles, _, serial = seeds
    monkeypatch.setattr(runner, "MIN_ARTICLES_PER_WORKER", 1)  # five articles: use the pool anyway
    stats = Stats()
    parallel = extract_all(articles, rules, jobs=2, cache_dir=None, progress=False, stats=stats)
    assert stats.workers == 2 and stats.extracted == len(articles)
    assert parallel == serial
    assert _json(seeds, parallel) == _json(seeds, serial)


def test_second_run_reads_the_cache(seeds, tmp_path, monkeypatch):
    rules, articles, _, serial = seeds
    first = Stats()
    assert extract_all(articles, rules, 1, tmp_path, False, stats=first) == serial
    assert (first.hits, first.extracted, first.written) == (0, len(articles), len(articles))

    def boom(*_a, **_k):
        raise AssertionError("extracted although cached")

    monkeypatch.setattr(runner, "extract_article", boom)
    second = Stats()
    assert extract_all(articles, rules, 2, tmp_path, False, stats=second) == serial
    assert (second.hits, second.extracted) == (len(articles), 0)


def test_cache_key_follows_content_and_rules(seeds):
    rules, articles, _, _ = seeds
    a = articles[0]
    key = runner.cache_key(a, rules.version())
    assert key == runner.cache_key(a, rules.version())
    assert key != runner.cache_key(a.model_copy(update={"text": a.text + " 5 more."}), rules.version())
    assert key != runner.cache_key(a.model_copy(update={"date": "2020-01-01"}), rules.version())
    assert key != runner.cache_key(a, "other-rules")


@pytest.mark.parametrize("garbage", [b"{not json", b"\xff\xfe\x00", b'{"sentences": 3}', b""])
def test_corrupt_cache_entry_is_ignored_and_rewritten(seeds, tmp_path, garbage):
    rules, articles, _, serial = seeds
    extract_all(articles, rules, 1, tmp_path, False)
    entries = sorted((tmp_path / runner.CACHE_FORMAT).rglob("*.json"))
    assert len(entries) == len(articles)
    entries[0].write_bytes(garbage)
    stats = Stats()
    assert extract_all(articles, rules, 1, tmp_path, False, stats=stats) == serial
    assert (stats.corrupt, stats.extracted, stats.hits) == (1, 1, len(articles) - 1)
    again = Stats()
    extract_all(articles, rules, 1, tmp_path, False, stats=again)
    assert again.hits == len(articles)


def test_an_entry_without_entities_is_a_miss(seeds, tmp_path):
    """An entry written before extraction kept the sentences' entities is never misread."""
    rules, articles, _, serial = seeds
    extract_all(articles, rules, 1, tmp_path, False)
    entry = sorted((tmp_path / runner.CACHE_FORMAT).rglob("*.json"))[0]
    old = json.loads(entry.read_text(encoding="utf-8"))
    del old["entities"]
    entry.write_text(json.dumps(old), encoding="utf-8")
    stats = Stats()
    assert extract_all(articles, rules, 1, tmp_path, False, stats=stats) == serial
    assert (stats.corrupt, stats.extracted) == (1, 1)


def test_analysis_reads_the_sentences_entities_from_extraction(seeds, monkeypatch):
    """A warm cache spares the entity finder every sentence and name; the report is the same."""
    from checker import entities

    rules, articles, warnings, serial = seeds
    expected = _json(seeds, serial)
    asked: list[str] = []
    find = entities.find_entities

    def recording(text, rules):
        asked.append(text)
        return find(text, rules)

    monkeypatch.setattr(entities, "find_entities", recording)
    assert _json(seeds, serial) == expected
    assert not asked


def test_unwritable_cache_is_not_an_error(seeds, tmp_path):
    rules, articles, _, serial = seeds
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    stats = Stats()
    assert extract_all(articles, rules, 1, blocker, False, stats=stats) == serial
    assert stats.written == 0


def test_progress_bar_draws_and_clears():
    out = io.StringIO()
    bar = Progress(3, enabled=True, stream=out)
    for _ in range(3):
        bar.advance(1)
    bar.close()
    text = out.getvalue()
    assert "3/3 articles" in text and "[" in text
    assert text.endswith("\r") and "\n" not in text
    quiet = io.StringIO()
    bar = Progress(3, enabled=False, stream=quiet)
    bar.advance(3)
    bar.close()
    assert quiet.getvalue() == ""


def test_only_changed_keeps_findings_with_a_changed_article(seeds):
    rules, articles, warnings, serial = seeds
    full = analyse(articles, rules, warnings, extracted=serial)
    none = only_changed(full, ["no-such-article.txt"])
    assert none.findings == [] and none.claims == full.claims and none.articles == full.articles
    target = full.findings[0].claims[0].article
    kept = only_changed(full, [target])
    assert kept.findings == [f for f in full.findings if any(c.article == target for c in f.claims)]


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """factlint in `cwd`, with the user cache folder at cwd/xdg-cache."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cwd / "xdg-cache")}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd,
                   check=True, capture_output=True)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    dest = tmp_path / "articles"
    shutil.copytree(SEEDS, dest)
    return dest


def test_changed_cli_reports_only_that_articles_findings(corpus, tmp_path):
    full = _cli(["check", str(corpus), "--format", "json", "--stdout", "--no-cache"], tmp_path)
    target = "003_acc756f225940a24.txt"
    part = _cli(["check", str(corpus), "--format", "json", "--stdout", "--jobs", "2",
                 "--changed", str(corpus / target)], tmp_path)
    assert full.returncode in (0, 1) and part.returncode in (0, 1), part.stderr
    full_j, part_j = json.loads(full.stdout), json.loads(part.stdout)
    expected = [f["fingerprint"] for f in full_j["findings"] if any(c["article"] == target for c in f["claims"])]
    assert [f["fingerprint"] for f in part_j["findings"]] == expected
    assert part_j["claims"] == full_j["claims"]  # still compared against the whole corpus
    # stderr is not a terminal here: no progress bar
    assert "\r" not in part.stderr and "articles" not in part.stderr
    assert not (tmp_path / "reports").exists()
    # no project root above the articles: the cache is the user's, not the working folder's
    assert (tmp_path / "xdg-cache" / "factlint").is_dir() and not (tmp_path / ".factlint_cache").exists()


def test_since_bad_revision_is_one_line_exit_2(corpus):
    _git(corpus, "init", "-q")
    _git(corpus, "add", ".")
    _git(corpus, "commit", "-q", "-m", "seeds")
    proc = _cli(["check", ".", "--since", "no-such-rev", "--stdout"], corpus)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "no-such-rev" in lines[0] and lines[0].startswith("factlint: error:")


def test_since_finds_modified_and_untracked_articles(corpus):
    _git(corpus, "init", "-q")
    _git(corpus, "add", ".")
    _git(corpus, "commit", "-q", "-m", "seeds")
    assert changed_articles([corpus], since="HEAD") == set()
    (corpus / "002_ec238823620afd16.txt").write_text("Trade reached $9 billion.\n", encoding="utf-8")
    (corpus / "new.md").write_text("Trade reached $2 billion.\n", encoding="utf-8")
    (corpus / "ignored.txt").write_text("x\n", encoding="utf-8")
    (corpus / ".gitignore").write_text("ignored.txt\n", encoding="utf-8")
    assert changed_articles([corpus], since="HEAD") == {"002_ec238823620afd16.txt", "new.md"}
    assert changed_articles([corpus], changed=[corpus / "004_302f246c4fb26885.txt"]) == {"004_302f246c4fb26885.txt"}


def test_a_reprint_is_read_as_if_it_came_alone(tmp_path):
    """Sentences and bodies met before in the process are read once: a reprint under other
    front matter (another date, body lower in the file) gets its own sentences and lines and
    the very same mentions and descriptors it gets in a fresh process."""
    from checker import pipeline

    body = (SEEDS / "001_d9dcb625d1310800.txt").read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    (tmp_path / "a.txt").write_text("---\noutlet: Wire\ndate: 2026-02-04\n---\n" + body, encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\noutlet: Reprint\ntitle: Trade up\ndate: 2026-03-01\n---\n\n" + body,
                                    encoding="utf-8")
    rules = load_rules()
    articles, _ = load([str(tmp_path)])
    together = [extract_article(a, rules) for a in articles]
    alone = []
    for a in articles:
        pipeline._SENTENCES.clear()
        pipeline._BODIES.clear()
        alone.append(extract_article(a, rules))
    assert together == alone
    assert together[0].sentences[-1].line != together[1].sentences[-1].line


def test_gc_paused_restores_the_collector_and_ages_what_was_built():
    """What a paused stage built waits in the oldest generation, not for one young collection
    that would scan it all; the collector is on or off as it was."""
    import gc

    from checker.pipeline import gc_paused

    was = gc.isenabled()
    try:
        gc.enable()
        with gc_paused():
            assert not gc.isenabled()
            kept = [[i] for i in range(5000)]
        assert gc.isenabled()
        assert any(o is kept[-1] for o in gc.get_objects(generation=2))
        gc.disable()
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


# --- the claims cache: each article's claims kept between runs, used while they still hold ---------

CLAIM_CORPUS = {
    "a1.txt": "Flooding in Marrow district killed 14 people on Tuesday, officials said. "
              "The district has about 40,000 residents.\n",
    "a2.txt": "Officials said 15 people died when floods hit Marrow district on Tuesday.\n",
    "a3.txt": "The river rose 3 metres at Kessel on Tuesday, and 200 homes were flooded.\n",
}


def _claims_run(folder: Path, cache: Path, reference: bool = True) -> tuple[str, runner.ClaimCache]:
    """The JSON report with the claims cache, and the cache's counts; `reference`: check that it
    is the report without a cache."""
    rules = load_rules()
    articles, warnings = load([str(folder)])
    stats = Stats()
    extracted = extract_all(articles, rules, 1, cache, False, stats=stats)
    store = runner.ClaimCache(cache, stats.keys, str(folder))
    cached = render_json(analyse(articles, rules, warnings, extracted=extracted, claim_store=store))
    assert not reference or cached == render_json(analyse(articles, rules, warnings))  # whatever the cache held
    return cached, store


def _claim_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in CLAIM_CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_second_run_reads_each_articles_claims(tmp_path, monkeypatch):
    from checker import claims

    folder = _claim_corpus(tmp_path)
    first, store = _claims_run(folder, tmp_path / "cache")
    assert (store.entries_read, store.written) == (0, 3)

    def boom(*_a, **_k):
        raise AssertionError("claims read again although kept")

    monkeypatch.setattr(claims, "_article_claims", boom)
    again, store = _claims_run(folder, tmp_path / "cache", reference=False)
    assert again == first and (store.entries_read, store.written) == (3, 0)


def test_a_place_learned_since_makes_the_articles_naming_it_read_again(tmp_path):
    """"Kessel village" in a new article makes Kessel a place: the article that names Kessel is
    read again; the others' claims still hold."""
    folder = _claim_corpus(tmp_path)
    _claims_run(folder, tmp_path / "cache")
    (folder / "zz_new.txt").write_text("Relief update.\n\nKessel village received 200 tents on Wednesday.\n",
                                       encoding="utf-8")
    _, store = _claims_run(folder, tmp_path / "cache")
    assert (store.entries_read, store.written) == (3, 2)  # a3 and the new article


def test_an_article_moved_in_the_run_is_read_again(tmp_path):
    """Claim ids are numbered by the article's place in the run: a new first article moves all."""
    folder = _claim_corpus(tmp_path)
    _claims_run(folder, tmp_path / "cache")
    (folder / "a0.txt").write_text("Rain is forecast for Friday.\n", encoding="utf-8")
    _, store = _claims_run(folder, tmp_path / "cache")
    assert store.written == 4


@pytest.mark.parametrize("garbage", [b"{not json", b'{"n": 1}', b"", b"\xff\xfe"])
def test_a_corrupt_claims_line_is_a_miss(tmp_path, garbage):
    folder = _claim_corpus(tmp_path)
    _claims_run(folder, tmp_path / "cache")
    files = sorted((tmp_path / "cache" / runner.ClaimCache.FORMAT).glob("*.jsonl"))
    assert len(files) == 1
    lines = files[0].read_bytes().splitlines()
    key, _, _ = lines[0].partition(b"\t")
    files[0].write_bytes(b"\n".join([key + b"\t" + garbage, *lines[1:]]) + b"\n")
    _, store = _claims_run(folder, tmp_path / "cache")
    assert (store.entries_read, store.written) == (2, 1)
    _, store = _claims_run(folder, tmp_path / "cache")
    assert (store.entries_read, store.written) == (3, 0)


def test_two_folders_keep_a_claims_file_each(tmp_path):
    first = _claim_corpus(tmp_path)
    second = tmp_path / "second"
    shutil.copytree(first, second)
    (second / "a4.txt").write_text("The town hall reopened on Monday after 6 weeks.\n", encoding="utf-8")
    for folder in (first, second, first):
        _claims_run(folder, tmp_path / "cache")
    _, store = _claims_run(second, tmp_path / "cache")
    assert (store.entries_read, store.written) == (4, 0)


def test_claims_entries_may_leave_none_out():
    """The claims cache writes entries without their None fields, which reads them back as they
    were only while every field that may be None has None as its default."""
    import typing

    from pydantic import BaseModel

    from checker.claims import CachedClaims

    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, f in model.model_fields.items():
            args = typing.get_args(f.annotation)
            assert type(None) not in args or f.default is None, f"{model.__name__}.{name}"
            for a in [f.annotation, *args, *(x for y in args for x in typing.get_args(y))]:
                if isinstance(a, type) and issubclass(a, BaseModel):
                    walk(a)

    walk(CachedClaims)
    assert {m.__name__ for m in seen} >= {"Claim", "Descriptor", "TimeScope", "Mention", "Term"}


def test_a_kept_claim_holds_the_descriptor_the_extraction_built(tmp_path):
    """The cache writes such a descriptor as its number among the article's, and reading it
    gives back that very object; a number without the article's descriptors is no descriptor."""
    import pydantic

    from checker.models import Claim

    folder = _claim_corpus(tmp_path)
    rules = load_rules()
    articles, warnings = load([str(folder)])
    for _ in range(2):
        stats = Stats()
        extracted = extract_all(articles, rules, 1, tmp_path / "cache", False, stats=stats)
        store = runner.ClaimCache(tmp_path / "cache", stats.keys, str(folder))
        report = analyse(articles, rules, warnings, extracted=extracted, claim_store=store)
    assert store.entries_read == 3 and store.written == 0
    built = {id(d) for e in extracted for ds in e.descriptors for d in ds}
    assert sum(id(c.descriptor) in built for c in report.claims) > len(report.claims) / 2
    line = '{"descriptor": 0, "id": "a1c1", "article": "a.txt", "kind": "count", "text": "3", "quote": "3.", ' \
           '"line": 1, "column": 1}'
    (d,) = [d for ds in extracted[0].descriptors for d in ds][:1]
    assert Claim.model_validate_json(line, context={"descriptors": [d]}).descriptor is d
    with pytest.raises(pydantic.ValidationError):
        Claim.model_validate_json(line)


def test_only_the_most_recently_used_claims_files_are_kept(tmp_path, monkeypatch):
    """A claims file per set of checked paths: the KEEP most recently written or read stay."""
    monkeypatch.setattr(runner.ClaimCache, "KEEP", 2)
    folders = []
    for name in ("one", "two", "three"):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "a.txt").write_text(f"The {name} bridge carried 4,000 cars on Monday.\n", encoding="utf-8")
        folders.append(folder)

    def run_and_age(folder: Path, seconds: int) -> None:
        """Check the folder; its claims file, if new, is dated `seconds` ago."""
        before = set((tmp_path / "cache").rglob("*.jsonl"))
        _claims_run(folder, tmp_path / "cache", reference=False)
        for new in set((tmp_path / "cache").rglob("*.jsonl")) - before:
            os.utime(new, (new.stat().st_atime, new.stat().st_mtime - seconds))

    run_and_age(folders[0], 300)
    run_and_age(folders[1], 200)
    _, store = _claims_run(folders[0], tmp_path / "cache", reference=False)  # read, unchanged: used now
    assert store.written == 0
    run_and_age(folders[2], 0)
    assert len(list((tmp_path / "cache").rglob("*.jsonl"))) == 2
    _, store = _claims_run(folders[0], tmp_path / "cache", reference=False)
    assert store.entries_read == 1  # kept: the second folder's file went
    _, store = _claims_run(folders[1], tmp_path / "cache", reference=False)
    assert store.entries_read == 0
