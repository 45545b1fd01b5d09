"""The readings table (generator/model/readings/): each reading can be switched off, the
table is complete, and what is made from it (docs/readings.md, graphdoc conventions) is current.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT, SPECS, write_docs
from pages import resource

from generator import config
from generator.base.choices import ALL, Readings
from generator.base.diagnostics import CODES, INFO
from generator.emit.model_json import dumps
from generator.model.ir import Model
from generator.model.readings import (
    BY_CODE,
    NOT_READINGS,
    READINGS,
    STAGES,
    as_markdown,
    as_text,
)
from generator.model.resolve import resolve
from generator.parse.page import parse_page
from generator.pipeline import build_model

DOCS_PAGE = ROOT / "docs" / "readings.md"
ENTITY = "resources/entity.md"

# For each reading, real pages (of the corpus) that it is applied to, the fewest that show it.
CORPUS_PAGES: dict[str, tuple[str, ...]] = {
    "BASE_FROM_WORDS": (ENTITY, "resources/policybase.md", "resources/authorizationpolicy.md"),
    "OPEN_TYPE_FROM_TEXT": ("resources/callrecords-feedbacktokenset.md",),
    "ABSTRACT_FROM_TEXT": ("resources/policybase.md", "resources/stspolicy.md", "resources/tokenlifetimepolicy.md"),
    "NAMESPACE_FROM_USE": ("resources/enums-managedtenants.md", "resources/managedtenants-workloadstatus.md"),
    "BASE_FROM_TEXT": (ENTITY, "resources/accessreviewinstancedecisionitem.md"),
    "BASE_FROM_DERIVED_LIST": ("resources/participantjoiningresponse.md", "resources/acceptjoinresponse.md"),
    "KEY_ASSUMED": ("resources/alert.md",),
    "ENTITY_FROM_RELATIONSHIP": (ENTITY, "resources/agreement.md", "resources/agreementacceptance.md"),
    "ENTITY_FROM_PATHS": (ENTITY, "resources/offershiftrequest.md", "api/offershiftrequest-get.md"),
    "ENTITY_FROM_DERIVED": ("resources/bookingnamedentity.md", "resources/bookingbusiness.md"),
    "ENTITY_BASE_ASSUMED": (ENTITY, "resources/accesspackage.md"),
    "PROPERTY_IS_RELATIONSHIP": (
        ENTITY,
        "resources/accesspackageassignmentrequest.md",
        "resources/accesspackageassignment.md",
        "api/accesspackageassignmentrequest-get.md",
    ),
    "RELATIONSHIP_IS_PROPERTY": ("resources/driveItemVersion.md",),
    "COMMON_BASE_TYPE": ("resources/call.md", "resources/mediaconfig.md", "resources/apphostedmediaconfig.md", "resources/servicehostedmediaconfig.md"),
    "ENUM_FROM_VALUES": (ENTITY, "resources/enums.md", "resources/addcontentfooteraction.md"),
    "JSON_ONLY_PROPERTY": ("resources/accesspackageassignmentpolicy.md",),
    "BOOLEAN_FROM_JSON": ("resources/synchronization-attributemapping.md",),
    "ROW_BY_PATH": (ENTITY, "resources/agreement.md", "resources/agreementfile.md", "resources/agreementfilelocalization.md"),
    "PROPERTY_FROM_FACET": ("resources/bundle.md", "resources/driveitem.md"),
    "MEMBER_FROM_VALUES": (ENTITY, "resources/enums.md", "resources/authenticationmethodsregistrationcampaignincludetarget.md"),
    "FLAGS_INFERRED": ("resources/enums.md",),
    "RETURN_TYPE_FROM_EXAMPLE": ("resources/site.md", "api/sites-list-followed.md"),
    "RETURNS_COLLECTION": (ENTITY, "resources/activitystatistics.md", "api/activitystatistics-list.md"),
    "ABSTRACT_WITHOUT_KINDS": ("resources/extension.md",),
    "UNLISTED_API_PAGE": (ENTITY, "resources/policyroot.md", "resources/authenticationflowspolicy.md", "api/authenticationflowspolicy-get.md"),
    "NAVIGATION_FROM_PATH": (ENTITY, "resources/policyroot.md", "resources/authenticationflowspolicy.md", "api/authenticationflowspolicy-get.md"),
    "BASE_FROM_LOCATION": (ENTITY, "resources/call.md", "resources/commsoperation.md", "resources/muteparticipantoperation.md", "api/call-get.md", "api/call-mute.md"),
}

# The readings no page of the corpus shows: a small page of their own.
OWN_PAGES: dict[str, dict[str, str]] = {
    "INLINE_ENUM": {"resources/device.md": resource("device", [("kind", "deviceKind", "Possible values are: `phone`, `tablet`.")])},
}


def model_for(code: str, readings: Readings = ALL) -> Model:
    if code in OWN_PAGES:
        return resolve((parse_page(text, path, readings) for path, text in OWN_PAGES[code].items()), readings)
    if not (CORPUS / "resources").is_dir():
        pytest.skip(f"the real Graph docs corpus is not at {CORPUS}")
    return resolve((parse_page((CORPUS / name).read_bytes(), name, readings) for name in CORPUS_PAGES[code]), readings)


def test_every_reading_has_pages() -> None:
    assert set(CORPUS_PAGES) | set(OWN_PAGES) == set(BY_CODE)
    assert not set(CORPUS_PAGES) & set(OWN_PAGES)


@pytest.mark.parametrize("code", [reading.code for reading in READINGS])
def test_a_reading_switched_off(code: str) -> None:
    """On, the reading's pages yield its diagnostic; off, they don't, and the model is the
    pages' statement without that conclusion (another model, which still dumps)."""
    on = model_for(code)
    assert code in {d.code for d in on.diagnostics}
    off = model_for(code, Readings(frozenset({code})))
    assert code not in {d.code for d in off.diagnostics}
    assert (off.types, off.operations) != (on.types, on.operations)
    json.loads(dumps(off))


# What some readings conclude, and what the model says with each off: (type, field, on, off).
CONCLUDED: dict[str, tuple[str, str, object, object]] = {
    "ENTITY_BASE_ASSUMED": ("microsoft.graph.accessPackage", "base_type", "microsoft.graph.entity", None),
    "BASE_FROM_WORDS": ("microsoft.graph.authorizationPolicy", "base_type", "microsoft.graph.policyBase", "microsoft.graph.entity"),
    "BASE_FROM_DERIVED_LIST": ("microsoft.graph.acceptJoinResponse", "base_type", "microsoft.graph.participantJoiningResponse", None),
    "OPEN_TYPE_FROM_TEXT": ("microsoft.graph.callRecords.feedbackTokenSet", "open_type", True, False),
    "ABSTRACT_FROM_TEXT": ("microsoft.graph.policyBase", "abstract", True, False),
    "ABSTRACT_WITHOUT_KINDS": ("microsoft.graph.extension", "abstract", False, True),
    "KEY_ASSUMED": ("microsoft.graph.alert", "kind", "entity", "complex"),
    "ENTITY_FROM_DERIVED": ("microsoft.graph.bookingNamedEntity", "kind", "entity", "complex"),
    "BASE_FROM_LOCATION": ("microsoft.graph.muteParticipantOperation", "base_type", "microsoft.graph.commsOperation", None),
}


@pytest.mark.parametrize("code", sorted(CONCLUDED))
def test_a_reading_off_leaves_what_the_page_states(code: str) -> None:
    name, field, concluded, stated = CONCLUDED[code]
    on, off = model_for(code).get(name), model_for(code, Readings(frozenset({code}))).get(name)
    assert on is not None and off is not None
    assert (getattr(on, field), getattr(off, field)) == (concluded, stated)


def test_every_reading_off_at_once_still_makes_a_model() -> None:
    everything = Readings(frozenset(BY_CODE))
    model = resolve((parse_page(text, path, everything) for path, text in OWN_PAGES["INLINE_ENUM"].items()), everything)
    assert not {d.code for d in model.diagnostics} & set(BY_CODE)


# -- the table can't go stale -------------------------------------------------------------


def _codes_in(folder: Path) -> set[str]:
    """The diagnostic codes the modules of ``folder`` (and its subfolders), or the one module
    ``folder`` names, write as string constants."""
    found: set[str] = set()
    for path in folder.rglob("*.py") if folder.is_dir() else [folder]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in CODES:
                found.add(node.value)
    return found


def test_every_info_code_of_the_model_stage_is_a_reading_or_says_why_not() -> None:
    model_codes = _codes_in(ROOT / "generator" / "model")
    infos = {code for code in model_codes if CODES[code][0] == INFO}
    assert sorted(infos - set(BY_CODE) - set(NOT_READINGS)) == []
    assert set(NOT_READINGS) <= infos  # each exemption is an info code the model stage writes
    assert not set(NOT_READINGS) & set(BY_CODE)


def test_building_the_model_holds_no_reading() -> None:
    """The index and the builder conclude nothing a page leaves unsaid: every reading of the
    model stage is a function of ``generator.model.readings``, switched by its own code."""
    model = ROOT / "generator" / "model"
    for module in (model / "index.py", model / "resolve.py"):
        assert _codes_in(module) & set(BY_CODE) == set(), module.name
        assert "readings.on(" not in module.read_text(encoding="utf-8"), module.name
    for reading in READINGS:
        if reading.function.__module__.startswith("generator.model.readings."):
            assert getattr(reading.function, "code", None) == reading.code, reading.code


def test_every_reading_is_a_code_its_stage_writes() -> None:
    written = _codes_in(ROOT / "generator" / "model") | _codes_in(ROOT / "generator" / "parse")
    for reading in READINGS:
        assert reading.code in CODES and reading.code in written, reading.code
        assert reading.stage in STAGES
        assert reading.statement and "|" not in reading.statement
    assert len(BY_CODE) == len(READINGS)
    # the table is in the order of the stages
    order = list(STAGES)
    assert [order.index(r.stage) for r in READINGS] == sorted(order.index(r.stage) for r in READINGS)


def test_every_reading_names_tests_that_exist() -> None:
    for reading in READINGS:
        assert reading.tests
        for test in reading.tests:
            file, _, name = test.partition("::")
            source = (ROOT / file).read_text(encoding="utf-8")
            assert f"def {name.split('[')[0]}(" in source, test


def test_readme_lists_every_reading_and_the_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for reading in READINGS:
        assert f"| `{reading.code}` | {CODES[reading.code][0]} |" in readme, reading.code
    assert "| `graphdoc conventions [--format text\\|json\\|markdown]` |" in readme
    assert "readings-off" in readme


def test_the_reference_page_is_current() -> None:
    """docs/readings.md is the table as graphdoc conventions --format markdown prints it."""
    assert DOCS_PAGE.read_text(encoding="utf-8") == as_markdown(), (
        "docs/readings.md is not current; run: graphdoc conventions --format markdown > docs/readings.md"
    )


# -- graphdoc conventions, and choosing readings ---------------------------------------


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], check=False, cwd=cwd, capture_output=True, text=True)


def test_conventions_prints_the_table_in_each_format() -> None:
    text = run("conventions")
    assert text.returncode == 0 and text.stdout == as_text()
    assert len(text.stdout.splitlines()) == len(READINGS)
    dumped = json.loads(run("conventions", "--format", "json").stdout)
    assert [row["code"] for row in dumped["readings"]] == [r.code for r in READINGS]
    assert run("conventions", "--format", "markdown").stdout == DOCS_PAGE.read_text(encoding="utf-8")


def test_readings_off_in_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.graphdoc]\nreadings-off = ["flags_inferred", "ENTITY_BASE_ASSUMED"]\n', encoding="utf-8")
    assert config.load(tmp_path).readings == Readings(frozenset({"FLAGS_INFERRED", "ENTITY_BASE_ASSUMED"}))
    assert config.load(ROOT).readings == ALL  # the project's own table names none


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ('["FLAGS_INFERRED", "NOT_A_READING"]', "[tool.graphdoc] readings-off: unknown reading code(s) NOT_A_READING"),
        ('["UNKNOWN_TYPE"]', "unknown reading code(s) UNKNOWN_TYPE"),  # a code, but no reading's
        ('"FLAGS_INFERRED"', "[tool.graphdoc] readings-off must be a list of reading codes"),
    ],
)
def test_a_wrong_readings_off_is_a_one_line_error(tmp_path: Path, value: str, said: str) -> None:
    settings = tmp_path / "pyproject.toml"
    settings.write_text(f"[tool.graphdoc]\nreadings-off = {value}\n", encoding="utf-8")
    with pytest.raises(config.ConfigError) as raised:
        config.load(tmp_path)
    message = str(raised.value)
    assert message.startswith(f"{settings}: ") and said in message and "\n" not in message
    result = run("inspect", str(SPECS), cwd=tmp_path)
    assert result.returncode == 2 and result.stderr == f"graphdoc: error: {message}\n"


def test_readings_off_on_the_command_line(tmp_path: Path) -> None:
    result = run("inspect", "specs", "--select", "FLAGS_INFERRED", "-q")
    assert result.returncode == 0 and "FLAGS_INFERRED" in result.stdout
    off = run("inspect", "specs", "--select", "FLAGS_INFERRED", "-q", "--readings-off", "flags_inferred")
    assert off.returncode == 0 and off.stdout == ""
    wrong = run("inspect", "specs", "--readings-off", "FLAGS_INFERRED,NOPE")
    assert wrong.returncode == 2 and wrong.stderr == "graphdoc: error: --readings-off: unknown reading code(s) NOPE; graphdoc conventions lists them\n"


def test_the_default_output_is_unchanged_and_a_reading_off_changes_it(tmp_path: Path) -> None:
    """generated/ is what every reading on writes; check with FLAGS_INFERRED off (specs' enums
    say their values combine) finds files that differ, and says how to write them."""
    assert run("check", "-q").returncode == 0
    off = run("check", "--readings-off", "FLAGS_INFERRED")
    assert off.returncode == 1 and "--readings-off=FLAGS_INFERRED" in off.stderr
    assert run("check", "-q").returncode == 0  # the run with a reading off kept its caches apart


def test_a_run_with_readings_off_keeps_its_caches_apart(tmp_path: Path) -> None:
    page = resource("device", [("kind", "deviceKind", "Possible values are: `phone`, `tablet`.")])
    docs = write_docs(tmp_path / "docs", {"resources/device.md": page})
    off = Readings(frozenset({"INLINE_ENUM"}))
    for _ in range(2):  # the second time from the caches
        assert "INLINE_ENUM" in {d.code for d in build_model(docs).diagnostics}
        assert "INLINE_ENUM" not in {d.code for d in build_model(docs, off).diagnostics}
