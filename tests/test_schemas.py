"""JSON Schema output: what it accepts, what it refuses, and how it says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing.exceptions import Unresolvable

from conftest import GENERATED, SPECS, model_of
from generator import validate
from generator.emit.views import Views
from generator.service.lint import check_examples
from generator.pipeline import build_model
from generator.payloads.validation import SchemaError, SchemaSet
from pages import SHAPES, resource

SCHEMAS = GENERATED / "schemas"


@pytest.fixture(scope="module")
def specs() -> SchemaSet:
    return SchemaSet.from_dir(SCHEMAS)


def pointers(issues) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.pointer for i in issues]


def test_every_emitted_schema_passes_its_metaschema() -> None:
    files = sorted(SCHEMAS.glob("*.json"))
    assert len(files) > 40
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(document)
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert document["$id"].endswith("/" + path.name)


def test_bundle_holds_every_type_under_defs() -> None:
    bundle = json.loads((SCHEMAS / "bundle.json").read_text(encoding="utf-8"))
    names = {p.name.removesuffix(".json") for p in SCHEMAS.glob("microsoft.graph.*.json")}
    assert set(bundle["$defs"]) == names


def test_every_spec_example_validates() -> None:
    model = build_model(SPECS)
    report = check_examples(model)
    assert report.checked >= 20
    assert report.failures == []
    assert report.passed == report.checked


def test_refs_resolve_offline_and_only_offline(specs: SchemaSet) -> None:
    job = {"schedule": {"interval": "PT40M", "state": "Active"}, "status": {"code": "Active"}}
    assert specs.validate(job, "synchronizationJob") == []
    with pytest.raises(Unresolvable):
        specs.registry.resolver().lookup("https://example.com/elsewhere.json")


def test_valid_job_payload(specs: SchemaSet) -> None:
    payload = {
        "@odata.type": "#microsoft.graph.synchronizationJob",
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#jobs/$entity",
        "id": "job1",
        "templateId": "Box",
        "schedule": {"expiration": "2026-01-01T00:00:00Z", "interval": "P1DT2H", "state": "Paused"},
        "status": {"countSuccessiveCompleteFailures": 9007199254740993, "steadyStateFirstAchievedTime": None},
        "synchronizationJobSettings": [{"name": "a", "value": "b"}],
        "schema@odata.navigationLink": "https://example.com/schema",
    }
    assert specs.validate(payload, "microsoft.graph.synchronizationJob") == []


@pytest.mark.parametrize(
    "payload, pointer, expected",
    [
        ({"templateId": 5}, "/templateId", "expected string or null, found number 5"),
        ({"schedule": {"state": "Sleeping"}}, "/schedule/state", 'expected one of "Active", "Disabled", "Paused"'),
        ({"schedule": {"expiration": "yesterday"}}, "/schedule/expiration", "expected a date-time string"),
        ({"schedule": {"interval": "40 minutes"}}, "/schedule/interval", "expected a duration string"),
        ({"status": {"countSuccessiveCompleteFailures": 1.5}}, "/status/countSuccessiveCompleteFailures", "integer"),
        ({"colour": "red"}, "/colour", "no such property (the type is closed), found property 'colour'"),
        ({"status": {"progress": [{"bogus": 1}]}}, "/status/progress/0/bogus", "no such property"),
        ({"@odata.type": "#microsoft.graph.filter"}, "/@odata.type", "expected one of"),
    ],
)
def test_wrong_job_payloads(specs: SchemaSet, payload: dict, pointer: str, expected: str) -> None:  # type: ignore[type-arg]
    issues = specs.validate(payload, "synchronizationJob")
    assert pointer in pointers(issues), [str(i) for i in issues]
    assert expected in next(str(i) for i in issues if i.pointer == pointer)


def test_bad_uuid_and_every_error_reported(specs: SchemaSet) -> None:
    payload = {"applicationId": "not-a-guid", "discoverable": "yes", "extra": 1}
    issues = specs.validate(payload, "synchronizationTemplate")
    assert {"/applicationId", "/discoverable", "/extra"} <= set(pointers(issues))
    assert "a uuid string" in next(str(i) for i in issues if i.pointer == "/applicationId")


def test_derived_type_through_a_base_typed_value(specs: SchemaSet) -> None:
    job = {"@odata.type": "#microsoft.graph.synchronizationJob", "templateId": "Box"}
    assert specs.validate(job, "microsoft.graph.entity") == []
    # Without @odata.type the payload is read as the base type, which has no templateId.
    assert pointers(specs.validate({"templateId": "Box"}, "entity")) == ["/templateId"]
    wrong = {"@odata.type": "#microsoft.graph.synchronizationJob", "templateId": 3}
    assert pointers(specs.validate(wrong, "entity")) == ["/templateId"]


def test_polymorphic_property_in_a_small_model(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            **SHAPES,
            "resources/bag.md": resource(
                "bag", [("key", "String", "Key.")], annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.bag", "openType": true}'
            ),
        },
    )
    schemas = Views(model).schema_set
    drawing = {"shapes": [{"name": "a"}, {"@odata.type": "#microsoft.graph.circle", "name": "b", "radius": 2.5}]}
    assert schemas.validate(drawing, "drawing") == []
    bad = {"shapes": [{"radius": 1}, {"@odata.type": "#microsoft.graph.circle", "radius": "big"}]}
    assert pointers(schemas.validate(bad, "drawing")) == ["/shapes/0/radius", "/shapes/1/radius"]
    nan = {"shapes": [{"@odata.type": "#microsoft.graph.circle", "radius": "NaN"}]}
    assert schemas.validate(nan, "drawing") == []
    assert schemas.validate({"key": "k", "anything": {"goes": [1]}}, "bag") == []


def test_primitive_mappings(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/p.md": resource(
                "p",
                [
                    ("i16", "Int16", ""),
                    ("i32", "Int32", ""),
                    ("d", "Date", ""),
                    ("t", "TimeOfDay", ""),
                    ("b", "Binary", ""),
                    ("g", "Guid", ""),
                    ("n", "String", "Not nullable."),
                    ("anything", "Object", ""),
                ],
            )
        },
    )
    schemas = Views(model).schema_set
    good = {"i16": -32768, "i32": 2147483647, "d": "2026-02-28", "t": "08:30:00.0000000", "b": "aGVsbG8=", "g": None, "anything": [1, {}]}
    assert schemas.validate(good, "p") == []
    bad = {"i16": 40000, "i32": 2**31, "d": "2026-02-30", "t": "25:00", "b": "not base64!", "n": None}
    assert pointers(schemas.validate(bad, "p")) == ["/i16", "/i32", "/d", "/t", "/b", "/n"]


def test_validate_library_call_takes_a_folder_or_a_loaded_set(tmp_path: Path) -> None:
    payload = {"@odata.type": "#microsoft.graph.synchronizationSchedule", "state": "Nope"}
    issues = validate(payload, schemas=SCHEMAS)
    assert [i.pointer for i in issues] == ["/state"]
    assert validate({"state": "Active"}, type="synchronizationSchedule", schemas=SCHEMAS) == []
    loaded = SchemaSet.from_dir(SCHEMAS)
    assert validate(payload, schemas=loaded) == issues == loaded.validate(payload)
    first = loaded.validator("synchronizationSchedule")
    assert loaded.validator("microsoft.graph.synchronizationSchedule") is first
    with pytest.raises(SchemaError, match="no @odata.type"):
        loaded.validate({"state": "Active"})


def test_deep_payload_is_an_issue_not_a_crash(specs: SchemaSet) -> None:
    deep: dict = {}  # type: ignore[type-arg]
    node = deep
    for _ in range(5000):
        node["parameters"] = [{"value": {}}]
        node = node["parameters"][0]["value"]
    issues = specs.validate({"source": deep}, "attributeMapping")
    assert [str(i) for i in issues] == ["(root): expected a payload nested less deeply, found nesting too deep to check"]
    shallow: dict = {}  # type: ignore[type-arg]
    node = shallow
    for _ in range(50):
        node["parameters"] = [{"key": "k", "value": {}}]
        node = node["parameters"][0]["value"]
    node["name"] = 5
    issues = specs.validate({"source": shallow}, "attributeMapping")
    assert [i.pointer for i in issues] == ["/source" + "/parameters/0/value" * 50 + "/name"]
