"""Caches and workers save time and never change a result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SPECS, snapshot, write_docs
from generator.emit import emit_all
from generator.model.resolve import resolve
from generator.parse.load import read_pages
from generator.pipeline import generate
from pages import enum_page, resource


def test_cold_warm_edited_and_deleted_cache_give_identical_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "specs"
    shutil.copytree(SPECS, docs)
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(docs, tmp_path / "reference")  # no cache at all
    reference = snapshot(tmp_path / "reference")
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    generate(docs, tmp_path / "cold")
    assert snapshot(tmp_path / "cold") == reference
    assert any(cache_dir.iterdir())
    generate(docs, tmp_path / "warm")
    assert snapshot(tmp_path / "warm") == reference
    page = docs / "resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    generate(docs, tmp_path / "edited")
    edited = snapshot(tmp_path / "edited")
    assert edited != reference
    shutil.rmtree(cache_dir)
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(docs, tmp_path / "edited-no-cache")
    assert snapshot(tmp_path / "edited-no-cache") == edited
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    generate(docs, tmp_path / "edited-fresh-cache")
    assert snapshot(tmp_path / "edited-fresh-cache") == edited


def test_a_damaged_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    emit_all(resolve(read_pages(SPECS)))  # parsed pages and stored renders
    assert len(list(cache_dir.glob("renders-*.pickle"))) >= 3
    for file in cache_dir.glob("*.pickle"):
        file.write_bytes(b"not a pickle")
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    expected = emit_all(resolve(read_pages(SPECS)))
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    assert emit_all(resolve(read_pages(SPECS))) == expected


def test_worker_count_does_not_change_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.parse.load.PAGES_FROM", 1)
    one = read_pages(SPECS, use_cache=False, workers=1)
    two = read_pages(SPECS, use_cache=False, workers=2)
    assert one == two


def _fail(*args: object) -> None:
    raise AssertionError("the pipeline ran although its inputs and output were unchanged")


def test_an_unchanged_run_is_skipped_and_a_changed_one_is_not(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import pipeline

    docs = tmp_path / "specs"
    shutil.copytree(SPECS, docs)
    out = tmp_path / "out"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    first = generate(docs, out)
    reference = snapshot(out)
    real_model = pipeline._model
    monkeypatch.setattr(pipeline, "_model", _fail)
    assert generate(docs, out) == pipeline.Generated(first.report, changed=False)  # the report, read from the run's record
    assert pipeline.check(docs, out) == ([], first.report)
    assert snapshot(out) == reference
    # A hand-edited output file, or an edited page, is a changed run: the pipeline runs.
    (out / "models/synchronization_job.py").write_text("# edited by hand\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="pipeline ran"):
        generate(docs, out)
    monkeypatch.setattr(pipeline, "_model", real_model)
    generate(docs, out)
    assert snapshot(out) == reference
    page = docs / "resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    generate(docs, out)
    edited = snapshot(out)
    assert edited != reference
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(docs, tmp_path / "no-cache")
    assert snapshot(tmp_path / "no-cache") == edited


def test_unchanged_files_are_linked_and_the_manifest_lists_every_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    from generator.output.write import MANIFEST

    docs = tmp_path / "specs"
    shutil.copytree(SPECS, docs)
    out = tmp_path / "out"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(docs, out)
    untouched, touched = out / "schemas/microsoft.graph.synchronizationJob.json", out / "schemas/microsoft.graph.synchronizationSchedule.json"
    before = untouched.stat().st_ino, touched.stat().st_ino
    page = docs / "resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    generate(docs, out)
    assert untouched.stat().st_ino == before[0]  # the same file, linked into the new output
    assert touched.stat().st_ino != before[1] and "On or off." in touched.read_text(encoding="utf-8")
    lines = (out / MANIFEST).read_text(encoding="utf-8").splitlines()
    listed = dict(reversed(line.split("  ", 1)) for line in lines)
    assert set(listed) == {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {MANIFEST}
    for name, hashed in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == hashed, name


def _with_pid(target):  # type: ignore[no-untyped-def]
    """A target that also says which process ran it."""
    import os

    return lambda model: {**target(model), "pid": str(os.getpid())}


def test_emitting_on_two_cores_gives_the_same_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import generator.emit

    model = resolve(read_pages(SPECS))
    monkeypatch.setattr(generator.emit, "EMIT_FROM", 1)
    one = emit_all(model, workers=1)
    monkeypatch.setitem(generator.emit.TARGETS, "models", _with_pid(generator.emit.TARGETS["models"]))
    two = emit_all(model, workers=2)
    assert two.pop("pid") != str(os.getpid())  # the models came from the other process
    assert two == one


def test_the_schemas_go_to_the_other_core_only_when_the_mock_data_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Making the mock data needs the schemas where the handlers and OpenAPI are emitted;
    reading it back does not, and then the schemas are emitted beside. Same files either way."""
    import os

    import generator.emit

    model = resolve(read_pages(SPECS))
    monkeypatch.setattr(generator.emit, "EMIT_FROM", 1)
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")  # nothing kept
    one = emit_all(model, workers=1)
    monkeypatch.setitem(generator.emit.TARGETS, "schemas", _with_pid(generator.emit.TARGETS["schemas"]))
    cold = emit_all(model, workers=2)
    assert cold.pop("pid") == str(os.getpid()) and cold == one
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    first = emit_all(model, workers=2)  # makes the mock data and keeps it
    assert first.pop("pid") == str(os.getpid()) and first == one
    kept = emit_all(model, workers=2)
    assert kept.pop("pid") != str(os.getpid()) and kept == one


def test_fitting_on_two_cores_gives_the_same_mock_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from generator.emit.views import Views
    from generator.payloads import mockdata

    model = resolve(read_pages(SPECS))
    schemas = Views(model).schema_set
    copies: list[int] = []
    real = mockdata.on_two_cores

    def noted(here, there):  # type: ignore[no-untyped-def]
        mine, (theirs, pid) = real(here, lambda: (there(), os.getpid()))
        copies.append(pid)
        return mine, theirs

    monkeypatch.setattr(mockdata, "FIT_FROM", 1)  # the specs have a few dozen examples: split them all the same
    monkeypatch.setattr(mockdata, "on_two_cores", noted)
    two = mockdata.mock_data(model, schemas, workers=2)
    one = mockdata.mock_data(model, schemas, workers=1)
    assert len(copies) == 1 and copies[0] != os.getpid()  # half of the fits came from the copy
    assert two == one and one.seed and one.answers


def test_a_failed_worker_costs_time_not_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import generator.emit

    model = resolve(read_pages(SPECS))
    monkeypatch.setattr(generator.emit, "EMIT_FROM", 1)
    one = emit_all(model, workers=1)
    here, real = os.getpid(), generator.emit.TARGETS["models"]

    def only_here(model):  # type: ignore[no-untyped-def]
        if os.getpid() != here:
            os.kill(os.getpid(), 9)  # the worker dies without a word
        return real(model)

    monkeypatch.setitem(generator.emit.TARGETS, "models", only_here)
    assert emit_all(model, workers=2) == one


def _two_core_generate(monkeypatch: pytest.MonkeyPatch) -> None:
    """``graphdoc generate`` on the small specs as on a large docs root: the copy emits and writes half."""
    import generator.emit

    monkeypatch.setattr(generator.emit, "EMIT_FROM", 1)
    monkeypatch.setattr(generator.emit, "count", lambda asked=None: 2)


def test_a_generate_on_two_cores_writes_what_one_core_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each half is written where it is made; the folder holds the same bytes, and the
    manifest lists every file of both halves."""
    import os

    from generator.output.write import previous_manifest

    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(SPECS, tmp_path / "one")
    _two_core_generate(monkeypatch)
    real_add, writers = generator_write().Staging.add, tmp_path / "writers"

    def noting(self, files, progress=None):  # type: ignore[no-untyped-def]
        with open(writers, "a", encoding="utf-8") as note:  # from either process
            note.write(f"{os.getpid()}\n")
        return real_add(self, files)

    monkeypatch.setattr(generator_write().Staging, "add", noting)
    generate(SPECS, tmp_path / "two")
    assert snapshot(tmp_path / "two") == snapshot(tmp_path / "one")
    assert set(previous_manifest(tmp_path / "two")) == set(snapshot(tmp_path / "two")) - {".graphdoc-manifest"}
    pids = writers.read_text(encoding="utf-8").split()
    assert len(pids) == 2 and str(os.getpid()) in pids and len(set(pids)) == 2  # one half was written by the copy


def test_a_copy_that_dies_after_writing_its_half_never_touches_the_old_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy writes its half (linking the unchanged files to the old output) and dies;
    this process writes that half again over what it left. The result is a fresh run's,
    and no file of the output in use is written to on the way (a truncated link would be)."""
    import os

    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    docs = tmp_path / "docs"
    shutil.copytree(SPECS, docs)
    out = tmp_path / "out"
    generate(docs, out)
    page = docs / "resources/synchronizationschedule.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Whether the schedule is currently in force.", "On or off."), encoding="utf-8")
    generate(docs, tmp_path / "fresh")
    old, fresh = snapshot(out), snapshot(tmp_path / "fresh")
    kept = sorted(name for name in old if name.startswith("models/") and old[name] == fresh.get(name))
    changed = sorted(name for name in old if name.startswith("models/") and old[name] != fresh.get(name))
    assert kept and changed
    watched = tmp_path / "watched"  # another name for a file of the old output
    os.link(out / kept[0], watched)
    before = os.stat(watched)
    _two_core_generate(monkeypatch)
    here, real_add = os.getpid(), generator_write().Staging.add

    def add_then_die(self, files, progress=None):  # type: ignore[no-untyped-def]
        added = real_add(self, files)
        if os.getpid() != here:
            os._exit(1)
        return added

    monkeypatch.setattr(generator_write().Staging, "add", add_then_die)
    generate(docs, out)
    assert snapshot(out) == fresh
    after = os.stat(watched)
    assert (after.st_mtime_ns, after.st_size) == (before.st_mtime_ns, before.st_size) and watched.read_bytes() == old[kept[0]]


def generator_write():  # type: ignore[no-untyped-def]
    import generator.output.write

    return generator.output.write


def test_a_copy_that_cannot_start_or_be_waited_for_costs_time_not_files(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import generator.emit

    model = resolve(read_pages(SPECS))
    monkeypatch.setattr(generator.emit, "EMIT_FROM", 1)
    one = emit_all(model, workers=1)
    real_wait = os.waitpid

    def reaped_elsewhere(pid: int, options: int) -> tuple[int, int]:
        real_wait(pid, options)  # as when SIGCHLD is ignored: the system reaps it first
        raise ChildProcessError(10, "No child processes")

    with monkeypatch.context() as patch:
        patch.setattr(os, "waitpid", reaped_elsewhere)
        assert emit_all(model, workers=2) == one

    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    with monkeypatch.context() as patch:
        patch.setattr(os, "fork", no_fork)
        assert emit_all(model, workers=2) == one


def test_what_was_printed_before_the_two_core_emit_is_printed_once(tmp_path: Path) -> None:
    """A line printed to a pipe (block-buffered) before the second core's copy starts
    reaches the reader once, even when the copy prints enough to flush what it inherited."""
    import os
    import subprocess
    import sys

    program = (
        "import os, sys, pathlib, generator.emit as emit; from generator.pipeline import build_model\n"
        f"model = build_model(pathlib.Path({str(SPECS)!r}))\n"
        "emit.EMIT_FROM = 1  # the specs are small: use the second core all the same\n"
        "side = sorted(emit.SIDE_GROUP)[0]; real = emit.TARGETS[side]\n"
        "def talkative(views):\n"
        "    print('copy', os.getpid() != parent)\n"
        "    print('x' * 100_000)  # more than a buffer: whatever the copy inherited goes out with it\n"
        "    return real(views)\n"
        "emit.TARGETS[side] = talkative\n"
        "parent = os.getpid()\n"
        "print('said once')\n"
        "emit.emit_all(model, workers=2)\n"
    )
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    buffered["PYTHONPATH"] = str(SPECS.parent)  # this checkout's graphdoc
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False, cwd=tmp_path, env=buffered)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("said once") == 1
    assert done.stdout.count("x" * 100_000) == 1 and "copy True" in done.stdout  # the copy ran the target


def test_a_clean_check_leaves_a_record_the_next_check_reuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import pipeline

    out = tmp_path / "out"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
    generate(SPECS, out)  # written with no cache: no run record exists
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    changes, first = pipeline.check(SPECS, out)
    assert changes == []
    monkeypatch.setattr(pipeline, "_model", _fail)
    assert pipeline.check(SPECS, out) == ([], first)


def test_stored_renders_follow_edits_that_reach_other_types(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file is reused only when everything its template is given is unchanged: an edit
    to a base type, an enum or a referenced type reaches the files of the types that use it."""
    pages = {
        "resources/animal.md": resource("animal", [("id", "String", "Key."), ("legs", "Int32", "How many legs.")]),
        "resources/dog.md": resource("dog", [("owner", "[person](person.md)", "Who feeds it.")], inherits="animal"),
        "resources/person.md": resource("person", [("mood", "[mood](mood.md)", "How they feel.")]),
        "resources/mood.md": enum_page("mood", [("happy", "0", "Glad."), ("sad", "1", "Not glad.")]),
    }
    edits = [
        ("resources/animal.md", "How many legs.", "Leg count."),  # inherited: dog's schema lists it
        ("resources/mood.md", "|sad|", "|gloomy|"),  # enum members: person's schema
        ("resources/person.md", '"microsoft.graph.person"', '"microsoft.graph.human"'),  # a rename: dog's references
    ]
    cache_dir = tmp_path / "cache"
    docs = write_docs(tmp_path / "docs", pages)
    for step, (page, old, new) in enumerate(edits):
        monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
        before = emit_all(resolve(read_pages(docs)))
        path = docs / page
        text = path.read_text(encoding="utf-8")
        assert old in text, (page, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
        cached = emit_all(resolve(read_pages(docs)))
        monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")
        fresh = emit_all(resolve(read_pages(docs)))
        assert cached == fresh, f"edit {step}: a stored render outlived its inputs"
        changed = {name for name in fresh if before.get(name) != fresh[name]}
        assert len(changed - {"model.json", "openapi.json", "schemas/bundle.json"}) >= 2, (step, sorted(changed))


def test_a_new_version_never_reads_the_old_versions_entries_and_they_go_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from generator.base import cache
    from generator.emit import render

    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(cache_dir))
    render.environment.cache_clear()  # a new process: the templates are compiled into this cache
    try:
        emit_all(resolve(read_pages(SPECS)))
        before = {p.name for p in cache_dir.glob("*.pickle")}
        for name in before:  # older than anything the next run writes
            os.utime(cache_dir / name, (1, 1))
        cache.tool_fingerprint.cache_clear()
        render.environment.cache_clear()
        monkeypatch.setattr(cache.sys, "version", cache.sys.version + " (another build)")  # as if graphdoc changed
        emit_all(resolve(read_pages(SPECS)))
    finally:
        cache.tool_fingerprint.cache_clear()
        render.environment.cache_clear()
    after = {p.name for p in cache_dir.glob("*.pickle")}
    new = after - before
    assert before and {n.split("-")[0] for n in new} >= {"pages", "renders"}  # written afresh, not read
    # Compiled templates too: code compiled for another version's filters can fail to run
    # (a filter that came to take the context is called with one argument fewer).
    compiled = [folder for folder in cache_dir.glob("jinja-*") if any(folder.iterdir())]
    assert len(compiled) == 2, compiled
    newest = sum((cache_dir / n).stat().st_size for n in new)
    cache.trim(newest + sum(p.stat().st_size for p in cache_dir.rglob("*") if p.is_file() and p.parent != cache_dir))
    assert {p.name for p in cache_dir.glob("*.pickle")} == new  # the least recently used went


def test_two_docs_roots_in_turn_keep_their_entries_under_one_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two docs roots emitted alternately, under a cap that holds both roots' entries,
    render nothing the second time round for either; under a cap that holds less,
    entries go and are rendered again. The folder stays under the cap either way."""
    from test_operations import PAGES

    from generator.base import cache
    from generator.emit import reuse

    folder = tmp_path / "cache"
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(folder))
    other = write_docs(tmp_path / "other", PAGES)
    rendered: list[str] = []
    real = reuse.render

    def counting(template: str, **context: object) -> str:
        rendered.append(template)
        return real(template, **context)

    def size() -> int:
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())

    def both_roots() -> list[dict[str, str]]:
        rendered.clear()
        found = [emit_all(resolve(read_pages(root))) for root in (SPECS, other)]
        cache.trim()
        assert size() <= cache.cap_bytes()
        return found

    monkeypatch.setattr(reuse, "render", counting)
    first = both_roots()
    monkeypatch.setenv("GRAPHDOC_CACHE_MAX_MB", str(size() / 1024 / 1024))  # both roots' entries, exactly
    assert both_roots() == first and rendered == []
    monkeypatch.setenv("GRAPHDOC_CACHE_MAX_MB", str(size() / 2 / 1024 / 1024))
    cache.trim()
    assert both_roots() == first and rendered != []


def test_a_render_whose_values_cannot_be_pickled_is_rendered_and_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.emit.render import render
    from generator.emit.reuse import Renders

    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    for _ in range(2):  # the second time finds nothing stored, and renders again
        renders = Renders("test")
        renders.add("a.py", "python/init.py.j2", {"exports": [], "names": [], "unused": lambda: None})  # a lambda can't be pickled
        assert renders.files(dict) == {"a.py": render("python/init.py.j2", exports=[], names=[])}
        assert renders.kept == {} and renders.fresh
        assert not any((tmp_path / "cache").glob("renders-test-*"))


def test_a_path_added_again_keeps_its_latest_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.emit.render import render
    from generator.emit.reuse import Renders

    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    stored, other = {"table": {"operations": [{"id": 1}]}}, {"table": {"operations": [{"id": 2}]}}
    first = Renders("test")
    first.add("ops.json", "handlers/operations.json.j2", stored)
    first.files(dict)
    again = Renders("test")
    again.add("ops.json", "handlers/operations.json.j2", other)  # rendered fresh
    again.add("ops.json", "handlers/operations.json.j2", stored)  # then found stored
    assert again.files(dict) == {"ops.json": render("handlers/operations.json.j2", **stored)}


def test_the_tests_never_use_the_users_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    from generator.base import cache

    where = cache.folder()
    assert where is not None and tmp_path_factory.getbasetemp() in where.parents, where


def test_mock_data_is_reused_when_only_descriptions_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fitting the examples is kept between runs: an edited description reuses it, an
    edited example makes it again, and either way the output is what a cold run writes."""
    from test_operations import PAGES

    from generator.emit import mock_cache
    from generator.payloads.mockdata import MockData, mock_data

    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", str(tmp_path / "cache"))
    made: list[int] = []

    def counting(model: object, schemas: object, workers: int | None = None) -> MockData:
        made.append(1)
        return mock_data(model, schemas, workers)  # type: ignore[arg-type]

    monkeypatch.setattr("generator.emit.views.mock_data", counting)

    def seed(pages: dict[str, str | bytes], name: str) -> str:
        model = resolve(read_pages(write_docs(tmp_path / name, pages)))
        data = emit_all(model, ["handlers"])["handlers/seed.json"]
        return data.decode() if isinstance(data, bytes) else data

    first = seed(PAGES, "a")
    described = dict(PAGES, **{"resources/part.md": str(PAGES["resources/part.md"]).replace("Describes part.", "A part, described anew.")})
    assert seed(described, "b") == first and len(made) == 1
    example = dict(PAGES, **{"api/widget-get.md": str(PAGES["api/widget-get.md"]).replace('"name": "first"', '"name": "renamed"')})
    changed = seed(example, "c")
    assert len(made) == 2 and changed != first and '"renamed"' in changed
    monkeypatch.setenv("GRAPHDOC_CACHE_DIR", "")  # no cache: made afresh, the same text
    assert seed(example, "d") == changed and len(made) == 3
    assert mock_cache.key(resolve(read_pages(tmp_path / "a"))) == mock_cache.key(resolve(read_pages(tmp_path / "b")))


def test_the_mock_data_key_is_the_same_for_pages_parsed_or_read_from_the_cache(tmp_path: Path) -> None:
    """A run that parsed its pages and one that read them back from the cache have equal
    models whose equal strings are shared differently; the key must not see that (the
    first edit after a cold run found no mock data when it did)."""
    import dataclasses

    from test_operations import PAGES

    from generator.emit import mock_cache
    from generator.model.ir import Type

    model = resolve(read_pages(write_docs(tmp_path / "docs", PAGES)))
    shared = "".join(["Edm.", "String"])

    def retyped(t: Type, one_object: bool) -> Type:
        """Every String property typed with one shared string object, or with an object each."""
        properties = tuple(
            dataclasses.replace(p, type=shared if one_object else "".join(["Edm.", "String"])) if p.type == shared else p
            for p in t.properties
        )
        return dataclasses.replace(t, properties=properties)

    parsed = dataclasses.replace(model, types=tuple(retyped(t, True) for t in model.types))
    stored = dataclasses.replace(model, types=tuple(retyped(t, False) for t in model.types))
    assert parsed == stored and sum(p.type == shared for t in model.types for p in t.properties) > 1
    assert mock_cache.key(parsed) == mock_cache.key(stored)


def test_the_mock_data_key_leaves_out_descriptions_and_nothing_else(tmp_path: Path) -> None:
    """An operation's or parameter's description is no input of the mock data; its status,
    paths or an example's body are."""
    import dataclasses

    from test_operations import PAGES

    from generator.emit import mock_cache

    model = resolve(read_pages(write_docs(tmp_path / "docs", PAGES)))
    assert model.operations and model.examples
    first = model.operations[0]

    def with_first(op: object) -> str:
        return mock_cache.key(dataclasses.replace(model, operations=(op, *model.operations[1:])))

    assert with_first(dataclasses.replace(first, description="Said otherwise.")) == mock_cache.key(model)
    assert with_first(dataclasses.replace(first, status=first.status + 1)) != mock_cache.key(model)
    assert with_first(dataclasses.replace(first, paths=(*first.paths, "/elsewhere"))) != mock_cache.key(model)
    body = dataclasses.replace(model.examples[0], body='{"changed": true}')
    assert mock_cache.key(dataclasses.replace(model, examples=(body, *model.examples[1:]))) != mock_cache.key(model)
