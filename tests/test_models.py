"""Generated Python models: import, round trip, polymorphism, hostile input, and the code checkers."""

from __future__ import annotations

import datetime
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest

from conftest import GENERATED, SPECS, model_of
from generator.service.lint import _request_types, _values, example_type
from generator.model.names import python_names
from generator.pipeline import build_model
from models_helpers import generate_models, import_models
from pages import SHAPES, enum_page, resource

MODELS = GENERATED / "models"


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return import_models_copy(tmp_path_factory.mktemp("spec-models"))


def import_models_copy(where: Path) -> ModuleType:
    import shutil

    shutil.copytree(MODELS, where / "models")
    return import_models(where / "models")


def typed(cls: type, payload: dict) -> dict:  # type: ignore[type-arg]
    """``payload`` as ``to_dict`` writes it: a type with a base or derived types names itself."""
    if cls._POLYMORPHIC and "@odata.type" not in payload:  # type: ignore[attr-defined]
        return {"@odata.type": "#" + cls._ODATA_TYPE, **payload}  # type: ignore[attr-defined]
    return payload


def test_every_spec_example_round_trips(models: ModuleType) -> None:
    model = build_model(SPECS)
    names = python_names(model)
    request_types = _request_types(model)
    checked = 0
    for example in model.examples:
        type_name = example_type(example, request_types)
        if not type_name or example.body is None or type_name.startswith("Edm."):
            continue
        cls = getattr(models, names.classes[type_name])
        for _, payload in _values(example, type_name):
            assert cls.from_dict(payload).to_dict() == typed(cls, payload), (example.source, payload)
            checked += 1
    assert checked >= 25


def test_typed_values_and_wire_format(models: ModuleType) -> None:
    payload = {
        "@odata.type": "#microsoft.graph.synchronizationJob",
        "id": "job1",
        "schedule": {"expiration": "2026-01-15T08:30:00.1234567Z", "interval": "P10675199DT2H48M5.4775807S", "state": "Paused"},
        "status": {"code": "Active", "lastExecution": {"timeBegan": "2026-01-15T08:30:00+02:00"}},
    }
    job = models.Entity.from_dict(payload)
    assert type(job) is models.SynchronizationJob  # the most derived class, from @odata.type
    assert job.schedule.expiration == datetime.datetime(2026, 1, 15, 8, 30, 0, 123456, tzinfo=datetime.timezone.utc)
    assert job.schedule.interval == datetime.timedelta(days=10675199, hours=2, minutes=48, seconds=5, microseconds=477580)
    assert job.schedule.state is models.SynchronizationScheduleState.PAUSED
    assert job.status.code == "Active"  # a String with documented values (no enum is made up for them)
    assert job.to_dict() == payload  # sub-microsecond digits and offsets come back as written
    job.schedule.interval = datetime.timedelta(minutes=40)
    job.schedule.expiration = datetime.datetime(2026, 2, 1, tzinfo=datetime.timezone.utc)
    out = job.to_dict()
    assert out["schedule"]["interval"] == "PT40M" and out["schedule"]["expiration"] == "2026-02-01T00:00:00Z"


def test_guid_annotations_and_an_open_types_properties_survive(models: ModuleType) -> None:
    payload = {"applicationId": "8FCB5DBC-D5AA-4681-8E31-B001D5168D79", "@odata.etag": "W/1", "metadata@odata.nextLink": "x"}
    template = models.SynchronizationTemplate.from_dict(payload)
    assert template.application_id == uuid.UUID("8fcb5dbc-d5aa-4681-8e31-b001d5168d79")
    assert template.additional_data == {"@odata.etag": "W/1", "metadata@odata.nextLink": "x"}
    assert template.to_dict() == typed(models.SynchronizationTemplate, payload)
    # a closed type takes no other property, as its schema says; an open type takes any
    with pytest.raises(ValueError, match="^/surprise: expected no such property \\(the type is closed\\), found property 'surprise'$"):
        models.SynchronizationTemplate.from_dict({"surprise": [1, {"x": None}]})
    pair = models.StringKeyObjectValuePair.from_dict({"key": "k", "surprise": [1, {"x": None}]})
    assert pair.additional_data == {"surprise": [1, {"x": None}]} and pair.to_dict() == {"key": "k", "surprise": [1, {"x": None}]}
    with pytest.raises(ValueError, match="closed type: only @odata annotations may be added"):
        models.SynchronizationTemplate(additional_data={"surprise": 1}).to_dict()


def test_nulls_round_trip_and_python_built_objects(models: ModuleType) -> None:
    payload = {"templateId": None, "status": {"quarantine": None}}
    assert models.SynchronizationJob.from_dict(payload).to_dict() == typed(models.SynchronizationJob, payload)
    built = models.SynchronizationJob(template_id="Box", schedule=models.SynchronizationSchedule(interval=datetime.timedelta(hours=1)))
    assert built.to_dict() == {"@odata.type": "#microsoft.graph.synchronizationJob", "templateId": "Box", "schedule": {"interval": "PT1H"}}


def test_abstract_type_cannot_be_built(models: ModuleType) -> None:
    with pytest.raises(TypeError, match="abstract"):
        models.Entity(id="x")
    with pytest.raises(TypeError, match="abstract"):
        models.Entity.from_dict({"id": "x"})


def test_bad_values_raise_clear_errors(models: ModuleType) -> None:
    with pytest.raises(ValueError, match='^/state: expected one of "Active", "Disabled", "Paused", found string "Sleeping"$'):
        models.SynchronizationSchedule.from_dict({"state": "Sleeping"})
    with pytest.raises(ValueError, match="^/interval: 'P1Y' is a duration in years or months, which Python's timedelta can't hold$"):
        models.SynchronizationSchedule.from_dict({"interval": "P1Y"})
    with pytest.raises(TypeError, match="^/templateId: expected string or null, found number 5$"):
        models.SynchronizationJob.from_dict({"templateId": 5})


def test_from_dict_errors_name_the_whole_path(models: ModuleType) -> None:
    with pytest.raises(ValueError, match='^/schedule/state: expected one of "Active", "Disabled", "Paused", found string "Running"$'):
        models.SynchronizationJob.from_dict({"schedule": {"state": "Running"}})
    with pytest.raises(TypeError, match="^/secrets/1/value: expected string or null, found number 5$"):
        models.Synchronization.from_dict({"secrets": [{"key": "UserName", "value": "u"}, {"key": "Password", "value": 5}]})
    with pytest.raises(ValueError, match='^/status/lastExecution/timeBegan: expected a date-time string, found string "yesterday"$'):
        models.SynchronizationJob.from_dict({"status": {"lastExecution": {"timeBegan": "yesterday"}}})


def test_to_dict_refuses_values_of_the_wrong_type(models: ModuleType) -> None:
    with pytest.raises(TypeError, match=r"^SynchronizationJob\.id: expected str, got int$"):
        models.SynchronizationJob(id=5).to_dict()
    schedule = models.SynchronizationSchedule(expiration="2026-01-01T00:00:00Z")
    with pytest.raises(TypeError, match=r"^SynchronizationJob\.schedule\.expiration: expected datetime\.datetime, got str$"):
        models.SynchronizationJob(schedule=schedule).to_dict()
    naive = models.SynchronizationSchedule(expiration=datetime.datetime(2026, 1, 1))
    with pytest.raises(TypeError, match=r"^SynchronizationSchedule\.expiration: a naive datetime has no UTC offset"):
        naive.to_dict()
    secrets = [models.SynchronizationSecretKeyStringValuePair(key=models.SynchronizationSecret.USER_NAME, value=1)]
    with pytest.raises(TypeError, match=r"^Synchronization\.secrets\[0\]\.value: expected str, got int$"):
        models.Synchronization(secrets=secrets).to_dict()
    with pytest.raises(TypeError, match=r"^SynchronizationSchedule\.state: expected SynchronizationScheduleState, got str$"):
        models.SynchronizationSchedule(state="Active").to_dict()


def test_a_base_reads_what_its_derived_types_write(models: ModuleType) -> None:
    job = models.SynchronizationJob(id="j", template_id="Box")
    again = models.Entity.from_dict(job.to_dict())  # an abstract base dispatches on @odata.type
    assert type(again) is models.SynchronizationJob and again.template_id == "Box"
    assert models.SynchronizationJob.from_json(job.to_json()).to_dict() == job.to_dict()
    with pytest.raises(ValueError, match='^/@odata.type: expected microsoft.graph.synchronizationJob or a type derived from it, found string "#microsoft.graph.synchronizationTemplate"$'):
        models.SynchronizationJob.from_dict({"@odata.type": "#microsoft.graph.synchronizationTemplate"})
    with pytest.raises(ValueError, match='found string "#microsoft.graph.nothing"$'):
        models.Entity.from_dict({"@odata.type": "#microsoft.graph.nothing"})


def test_repr_shows_the_fields_that_are_set(models: ModuleType) -> None:
    job = models.SynchronizationJob(id="j", template_id="Box")
    assert repr(job) == "SynchronizationJob(id='j', template_id='Box')"
    assert repr(models.SynchronizationJob.from_dict({"@odata.etag": "1"})) == "SynchronizationJob(additional_data={'@odata.etag': '1'})"


def test_the_description_is_the_class_docstring_only(models: ModuleType) -> None:
    source = (MODELS / "synchronization_job.py").read_text(encoding="utf-8")
    description = models.SynchronizationJob.__doc__
    assert description and source.count(description.split()[0] + " " + description.split()[1]) == 1
    assert models.synchronization_job.__doc__ == "The microsoft.graph.synchronizationJob type."


def test_flags_enum(models: ModuleType) -> None:
    mapping = models.ObjectMapping.from_dict({"flowTypes": "Update,Add"})
    assert mapping.flow_types == frozenset({models.ObjectFlowTypes.ADD, models.ObjectFlowTypes.UPDATE})
    assert mapping.to_dict() == {"flowTypes": "Update,Add"}  # spelled back as written
    mapping.flow_types = frozenset({models.ObjectFlowTypes.UPDATE, models.ObjectFlowTypes.DELETE})
    assert mapping.to_dict()["flowTypes"] == "Update,Delete"  # a changed value: members in their documented order


def test_polymorphism_through_a_base_typed_property(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            **SHAPES,
        },
    )
    models = import_models(generate_models(model, tmp_path / "out"))
    payload = {"shapes": [{"name": "a"}, {"@odata.type": "#microsoft.graph.circle", "name": "b", "radius": "NaN"}]}
    drawing = models.Drawing.from_dict(payload)
    assert [type(s).__name__ for s in drawing.shapes] == ["Shape", "Circle"]
    shape = {"@odata.type": "#microsoft.graph.shape", "name": "a"}  # a base type names itself on the way out
    assert drawing.to_dict() == {"shapes": [shape, payload["shapes"][1]]}
    built = models.Drawing(shapes=[models.Circle(name="c", radius=1.5)])
    assert built.to_dict() == {"shapes": [{"@odata.type": "#microsoft.graph.circle", "name": "c", "radius": 1.5}]}


HOSTILE_TEXT = 'Ends with a quote" and """triple""" and \'\'\' and a back\\slash \\ and {{ jinja }} {% if %} </script> caf\u00e9 \x00 \u2028'


HOSTILE_PAGES: dict[str, str | bytes] = {
            "resources/class.md": resource(
                "class",
                [
                    ("from", "String", HOSTILE_TEXT),
                    ("weird@name", "String", "An at sign inside."),
                    ("3dModel", "String", "Leading digit."),
                    ("os.system", "String", "A dotted name."),
                    ("self", "String", "Not special for a dataclass."),
                    ("str", "String", "Shadows a builtin."),
                    ("additional_data", "String", "Collides with the runtime."),
                    ("kind", "[None](none.md)", "An enum named None."),
                ],
            ).replace("Describes class.", HOSTILE_TEXT),
            "resources/none.md": enum_page("None", [("`__init__`", "0", HOSTILE_TEXT), ("import os", "1", ""), ("a-b", "2", "")]),
            "resources/import.md": resource("import", [("x", "Int32", '"""; import os; os.system("echo hi") #')]),
}


def hostile_model(tmp_path: Path):  # type: ignore[no-untyped-def]
    return model_of(tmp_path, HOSTILE_PAGES)


def test_hostile_page_yields_models_that_import_and_behave(tmp_path: Path) -> None:
    model = hostile_model(tmp_path)
    package = generate_models(model, tmp_path / "out")
    models = import_models(package)
    cls = models.Class
    assert HOSTILE_TEXT.replace("\x00", "") [:20] in (cls.__doc__ or "")
    fields = {f.name for f in __import__("dataclasses").fields(cls)}
    assert {"from_", "weird_name", "n_3d_model", "os_system", "self", "str_", "additional_data_"} <= fields
    payload = {"from": "a", "weird@name": "b", "3dModel": "c", "os.system": "d", "self": "e", "str": "f", "additional_data": "g"}
    obj = cls.from_dict(payload)
    assert obj.from_ == "a" and obj.additional_data_ == "g" and obj.additional_data == {}
    assert obj.to_dict() == payload
    assert models.None_.INIT.value == "__init__"
    assert models.Import(x=1).to_dict() == {"x": 1}


def test_generated_code_uses_the_standard_library_only() -> None:
    import ast

    allowed = set(sys.stdlib_module_names) | {"__future__"}
    for module in MODELS.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert all(alias.name.split(".")[0] in allowed for alias in node.names), module.name
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                assert (node.module or "").split(".")[0] in allowed, module.name


def test_importing_runs_only_imports_and_definitions() -> None:
    from output_checks import only_definitions

    for module in MODELS.glob("*.py"):
        if module.name == "_runtime.py":
            continue  # the fixed runtime, not written from page content
        only_definitions(module.read_text(encoding="utf-8"), module.name)
