"""An edit to prose alone needs no resolve: the last model of stand-ins, filled with the
new texts, is the model a full resolve makes. Any other edit resolves in full."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CORPUS, SPECS, needs_corpus, snapshot
from pages import enum_page

from generator.model import incremental
from generator.model.ir import Model
from generator.model.resolve import resolve
from generator.parse.load import read_pages, read_sources
from generator.pipeline import generate

# (page, text as written, text after the edit): every kind of prose the model carries
PROSE_EDITS = [
    ("resources/synchronizationschedule.md", "when it ends.", "when it ends, in other words."),  # a type's
    ("resources/synchronizationschedule.md", "Whether the schedule is currently in force.", "Is the schedule on?"),  # a property's
    ("resources/synchronizationschedulestate.md", "The job runs at every interval.", "Runs each time."),  # a member's
    ("resources/synchronizationjob.md", "Stop the job for now while keeping its progress and state.", "Hold the job."),  # a method's
    ("api/synchronizationjob-provisionondemand.md", "The objects to provision and the rule", "What to provision and the rule"),  # a parameter's
]


def _edited(docs: Path, page: str, old: str, new: str) -> None:
    path = docs / page
    text = path.read_text(encoding="utf-8")
    assert old in text, (page, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts full resolves."""
    resolved: list[int] = []
    real = incremental.resolve_shaped

    def counting(pages, *readings):  # type: ignore[no-untyped-def]
        resolved.append(1)
        return real(pages, *readings)

    monkeypatch.setattr(incremental, "resolve_shaped", counting)
    return resolved


def _generate_edited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Callable[[Path], None]) -> int:
    """Generate the specs, make ``edit`` to them and generate again, into one folder with
    one cache; the output must be what a cold run writes. How many full resolves the two
    runs made (1: the edit was filled in)."""
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    shutil.copytree(SPECS, docs)
    resolved = _counting(monkeypatch)
    generate(docs, tmp_path / "out")
    edit(docs)
    generate(docs, tmp_path / "out")
    made = len(resolved)
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(docs, tmp_path / "cold")
    assert snapshot(tmp_path / "out") == snapshot(tmp_path / "cold")
    return made


@pytest.mark.parametrize(("page", "old", "new"), PROSE_EDITS)
def test_a_prose_edit_fills_the_kept_model_and_writes_what_a_cold_run_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str, old: str, new: str
) -> None:
    assert _generate_edited(tmp_path, monkeypatch, lambda docs: _edited(docs, page, old, new)) == 1  # filled in, not resolved
    assert new.split("[")[0].encode() in (tmp_path / "out/model.json").read_bytes()


def test_edits_one_after_another_each_start_from_the_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept texts follow each filled run: a second edit of the same page, then of
    another page, then undoing the first, each give a cold run's model."""
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    shutil.copytree(SPECS, docs)
    resolved = _counting(monkeypatch)
    incremental.model(docs, read_sources(docs))
    steps = [PROSE_EDITS[1], ("resources/synchronizationschedule.md", "Is the schedule on?", "On or off."), PROSE_EDITS[2], ("resources/synchronizationschedule.md", "On or off.", "Whether the schedule is currently in force.")]
    for page, old, new in steps:
        _edited(docs, page, old, new)
        assert incremental.model(docs, read_sources(docs)) == resolve(read_pages(docs, use_cache=False))
    assert len(resolved) == 1


@pytest.mark.parametrize(
    ("page", "old", "new", "why"),
    [
        ("resources/synchronizationschedule.md", "Whether the schedule is currently in force.", "Whether the schedule is in force. Read-only.", "a saying"),
        ("resources/synchronizationschedule.md", "|interval|Duration|", "|interval|String|", "a type cell"),
        ("resources/synchronizationschedule.md", "Whether the schedule is currently in force.|", "Whether the schedule is\ncurrently in force.|", "lines move"),
        ("resources/synchronizationschedulestate.md", "|The job runs at every interval.|", "||", "a text now empty"),
    ],
)
def test_an_edit_beyond_prose_resolves_in_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str, old: str, new: str, why: str) -> None:
    assert _generate_edited(tmp_path, monkeypatch, lambda docs: _edited(docs, page, old, new)) == 2, why


def _added(docs: Path) -> None:
    (docs / "resources/addedkind.md").write_text(enum_page("addedKind", [("one", "0", "The first.")]), encoding="utf-8")


def _removed(docs: Path) -> None:
    (docs / "api/synchronizationjob-start.md").unlink()


@pytest.mark.parametrize("edit", [_added, _removed])
def test_a_page_added_or_removed_resolves_in_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: Callable[[Path], None]) -> None:
    assert _generate_edited(tmp_path, monkeypatch, edit) == 2


def _prose_edit(text: str) -> str | None:
    """The page with words added to its first description paragraph and to the last cell
    of its first table row that reads as prose; None when it has neither."""
    lines = text.splitlines(keepends=True)
    changed = False
    title = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    for i in range(title + 1 if title is not None else len(lines), len(lines)):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith(("Namespace", "[!", ">", "<", "#", "|", "`", "-", "*")):
            lines[i] = lines[i].rstrip("\n") + " Said once more, in other words.\n"
            changed = True
            break
    for i, line in enumerate(lines):
        cells = line.rstrip("\n").split("|")
        if len(cells) >= 5 and line.startswith("|") and len(cells[-2].split()) > 3 and "---" not in line and "description" not in cells[-2].lower():
            cells[-2] += " Also this."
            lines[i] = "|".join(cells) + "\n"
            changed = True
            break
    return "".join(lines) if changed else None


@needs_corpus
def test_prose_edits_across_the_corpus_fill_to_what_a_full_resolve_makes(corpus_model: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forty pages of the real corpus, each with its first paragraph and a table row
    reworded, in two runs: the filled model equals the full resolve's. Most of the
    edits keep the shape (the rest resolve in full, which must agree too)."""
    import random

    from generator.parse.load import parse_sources, read_sources

    sources = read_sources(CORPUS)
    assert incremental.model(CORPUS, sources) == corpus_model
    resolved = _counting(monkeypatch)
    rng = random.Random(20261202)
    try:
        for _ in range(2):
            edited = list(sources)
            picked = 0
            for index in rng.sample(range(len(sources)), 200):
                rel, data = sources[index]
                new = _prose_edit(data.decode("utf-8", "replace")) if isinstance(data, bytes) else None
                if new is not None and picked < 20:
                    edited[index] = (rel, new.encode("utf-8"))
                    picked += 1
            filled = incremental.model(CORPUS, edited)
            assert filled == resolve(parse_sources(CORPUS, edited))
            assert not any("\0" in t.description for t in filled.types)
        assert len(resolved) == 0  # both runs kept every page's shape: filled
    finally:
        incremental.model(CORPUS, sources)  # the session's cache as the other tests expect it


def test_json_values_that_print_alike_are_told_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``NaN`` and ``null`` in a JSON representation type a property differently (JSON
    writes both as null): changing one into the other is no prose edit."""
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    shutil.copytree(SPECS, docs)
    _edited(docs, "resources/synchronizationschedule.md", '"state": "String"\n', '"state": "String",\n  "score": NaN\n')
    resolved = _counting(monkeypatch)
    incremental.model(docs, read_sources(docs))
    for old, new in (("NaN", "null"), ("null", "1"), ("1", "1.0"), ("1.0", "true")):
        _edited(docs, "resources/synchronizationschedule.md", f'"score": {old}', f'"score": {new}')
        assert incremental.model(docs, read_sources(docs)) == resolve(read_pages(docs, use_cache=False)), new
    assert len(resolved) == 5


def test_a_member_from_another_page_that_says_flag_makes_the_values_combine(tmp_path: Path) -> None:
    """What the prose says is noted on each row before the pages documenting one enum are
    merged: a member only the second page lists still counts."""
    docs = tmp_path / "docs"
    shutil.copytree(SPECS, docs)
    text = (docs / "resources/mutability.md").read_text(encoding="utf-8")
    row = "|WriteOnly|3|The value can be written but not read back.|"
    assert row in text
    (docs / "resources/intune-mutability.md").write_text(text.replace(row, row + "\n|Hidden|4|A flag: combine it with the others.|"), encoding="utf-8")
    model = resolve(read_pages(docs, use_cache=False))
    found = model.get("microsoft.graph.mutability")
    assert found is not None and found.flags and "Hidden" in [m.name for m in found.members]
    assert any(d.code == "FLAGS_INFERRED" and d.type == "microsoft.graph.mutability" for d in model.diagnostics)
