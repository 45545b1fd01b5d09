"""The Python models, the JSON Schemas and ``graphdoc validate`` agree: whatever the schemas
refuse, ``from_dict`` refuses at the same pointer and in the same words; ``to_dict`` writes
only what the schemas accept; ``from_dict(x.to_dict()) == x`` for every type."""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import enum
import json
import shutil
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import GENERATED, model_of
from models_helpers import import_models
from pages import ENTITY, enum_page, resource

from generator.emit import emit_all
from generator.output.write import write_tree
from generator.payloads.validation import SchemaSet

INTS = ("byte", "sbyte", "int16", "int32", "int64")

# Wire values of each kind of field that are wrong, or that the schemas accept and a model
# can't hold (a leap second, the year 0000, a duration in years).
WRONG: dict[str, list[Any]] = {
    "str": [5, True, [], {}],
    "bool": ["true", 1],
    "int": [2**70, -(2**70), 2**63, -(2**63) - 1, 2**31, -(2**31) - 1, 2**15, 256, -129, -1, 1.5, "1", True],
    "float": ["nan", "1.5", True, "Infinity", 10**400],
    "decimal": ["1_000", "NaN", "\u0661", " 1", "1.", True],
    "datetime": [
        "2021-01-01T00:00:00",  # no UTC offset
        "2021-01-01 00:00:00Z",
        "2021-01-01T00:00Z",
        "2021-01-01T00:00:00+0100",
        "2021-02-30T00:00:00Z",
        "2021-01-01T00:00:00+24:00",
        "\u0662021-01-01T00:00:00Z",
        "2021-06-30T12:00:60Z",
        "2016-12-31T23:59:60Z",
        "0000-01-01T00:00:00Z",
        5,
    ],
    "date": ["20210101", "2021-W01-1", "2021-02-29", "2021-1-1", "0000-01-01", 5],
    "time": ["24:00", "12:00:00.1234567890123", "1:00", "12:60", "12:00:00Z"],
    "duration": ["P1DT", "P", "PT", "1D", "P1.5DT2H", "P\u0663D", "P1Y", "P1M", "PT1.5H", "P2W"],
    "uuid": ["{8FCB5DBC-D5AA-4681-8E31-B001D5168D79}", "8FCB5DBCD5AA46818E31B001D5168D79", "urn:uuid:8fcb5dbc-d5aa-4681-8e31-b001d5168d79"],
    "bytes": ["ab=c", "a b", "YQ===", "A"],
    "enum": ["bogus", 5, ""],
    "flags": ["", "red,", " red", "red ,blue", "red,,blue", "purple", "red, blue", 3],
    "model": ["x", 5, []],
}
# What a model can't hold although the schemas take it, as it says so.
CANNOT_HOLD = ("a leap second", "the year 0000", "years or months", "Python's float can hold", "of no whole bytes")

ALL_KINDS = {
    "resources/entity.md": ENTITY,
    "resources/sample.md": resource(
        "sample",
        [
            ("id", "String", "Key."),
            ("name", "String", "A name. Not nullable."),
            ("tiny", "Byte", "A byte."),
            ("signed", "SByte", "A signed byte."),
            ("short", "Int16", "A short."),
            ("count", "Int32", "A count."),
            ("size", "Int64", "A size."),
            ("sizes", "Int64 collection", "Sizes."),
            ("ratio", "Double", "A ratio."),
            ("single", "Single", "A single."),
            ("price", "Decimal", "A price."),
            ("flag", "Boolean", "A flag."),
            ("receivedDateTime", "DateTimeOffset", "When."),
            ("day", "Date", "A day."),
            ("clock", "TimeOfDay", "A time."),
            ("wait", "Duration", "A wait."),
            ("guid", "Guid", "A GUID."),
            ("content", "Binary", "Bytes."),
            ("anything", "Json", "Anything."),
            ("colour", "[colour](colour.md)", "A colour."),
            ("mix", "[palette](palette.md)", "Colours that combine."),
            ("nested", "[part](part.md)", "A part."),
            ("parts", "[part](part.md) collection", "Parts."),
            ("labels", "String collection", "Labels."),
        ],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.sample", "keyProperty": "id"}',
    ),
    "resources/special.md": resource(
        "special",
        [("extra", "String", "More.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.special", "baseType": "microsoft.graph.sample"}',
    ),
    "resources/part.md": resource("part", [("label", "String", "A label."), ("weight", "Int32", "A weight.")]),
    "resources/bag.md": resource("bag", [("owner", "String", "Who.")]).replace("Describes bag.", "Describes bag. This is an open type."),
    "resources/colour.md": enum_page("colour", [("red", "0", "Red."), ("blue", "1", "Blue.")]),
    "resources/palette.md": enum_page("palette", [("red", "1", "Red."), ("blue", "2", "Blue."), ("green", "4", "Green.")]).replace(
        "Values of palette.", "Values of palette. This is a flags enumeration: the values combine."
    ),
}


@pytest.fixture(scope="module")
def all_kinds(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, SchemaSet]:
    """The models and schemas of one type with a property of each kind."""
    folder = tmp_path_factory.mktemp("all-kinds")
    write_tree(folder / "out", emit_all(model_of(folder, ALL_KINDS), ["models", "schemas"]))
    return import_models(folder / "out" / "models"), SchemaSet.from_dir(folder / "out" / "schemas")


@pytest.fixture(scope="module", params=["specs", "all kinds"])
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, SchemaSet]:
    """A models package and the schemas of the same model: the specs', and one type of each kind."""
    if request.param == "all kinds":
        found: tuple[ModuleType, SchemaSet] = request.getfixturevalue("all_kinds")
        return found
    folder = tmp_path_factory.mktemp("specs")
    shutil.copytree(GENERATED / "models", folder / "models")
    return import_models(folder / "models"), SchemaSet.from_dir(GENERATED / "schemas")


def classes(models: ModuleType) -> list[tuple[str, type]]:
    """Every model class (not the enums), with its type's full name."""
    found = [(name, getattr(models, class_name)) for name, class_name in sorted(models.TYPES.items())]
    return [(name, cls) for name, cls in found if dataclasses.is_dataclass(cls)]


def concrete(models: ModuleType, cls: type) -> type | None:
    """``cls``, or a type derived from it when it is abstract."""
    if not cls.__dict__.get("_ABSTRACT"):
        return cls
    for _, other in classes(models):
        if issubclass(other, cls) and not other.__dict__.get("_ABSTRACT"):
            return other
    return None


def test_from_dict_refuses_what_validate_refuses_in_the_same_words(generated: tuple[ModuleType, SchemaSet]) -> None:
    models, schemas = generated
    checked = 0
    for name, cls in classes(models):
        if cls.__dict__.get("_ABSTRACT"):
            continue
        cases: list[dict[str, Any]] = [{"notAProperty": 1}, {"@odata.type": 5}, {"@odata.type": "#microsoft.graph.noSuchType"}]
        for spec in cls._FIELDS:  # type: ignore[attr-defined]
            if spec.kind == "any":
                continue
            wrong = WRONG["int" if spec.kind in INTS else spec.kind]
            values = [[value] for value in wrong] + [[None], "one"] if spec.collection else list(wrong)
            cases += [{spec.wire: value} for value in [*values, None]]
        for payload in cases:
            said = {str(issue) for issue in schemas.validate(payload, name)}
            try:
                cls.from_dict(payload)
                error = None
            except (TypeError, ValueError) as refused:
                error = str(refused)
            if said and payload.get("@odata.type") == "#microsoft.graph.noSuchType":
                # the schema lists the spellings of the type and those derived from it; the model says so in words
                assert error is not None and error.startswith("/@odata.type: expected ") and error.endswith('found string "#microsoft.graph.noSuchType"')
            elif said:
                assert error in said, (name, payload, said, error)
            else:
                assert error is None or any(reason in error for reason in CANNOT_HOLD), (name, payload, error)
            checked += 1
    assert checked > 100


def test_the_issues_cases(all_kinds: tuple[ModuleType, SchemaSet]) -> None:
    models, schemas = all_kinds
    naive = {"receivedDateTime": "2021-01-01T00:00:00"}
    with pytest.raises(ValueError) as refused:
        models.Sample.from_dict(naive)
    assert [str(refused.value)] == [str(i) for i in schemas.validate(naive, "microsoft.graph.sample")]
    assert str(refused.value) == '/receivedDateTime: expected a date-time string, found string "2021-01-01T00:00:00"'
    huge = {"size": 2**70}
    with pytest.raises(ValueError) as refused:
        models.Sample.from_dict(huge)
    assert str(refused.value) == "/size: expected a number <= 9223372036854775807, found number 1180591620717411303424"
    assert [str(refused.value)] == [str(i) for i in schemas.validate(huge, "microsoft.graph.sample")]
    with pytest.raises(ValueError, match=r"^Sample\.size: 1180591620717411303424 is out of its range"):
        models.Sample(size=2**70).to_dict()


def sample(models: ModuleType, cls: type, depth: int = 0) -> Any:
    """An instance of ``cls`` with every field set (nested types to a depth of two)."""
    values: dict[str, Any] = {}
    for spec in models._runtime._table(cls).values():
        one = value_of(models, spec, depth)
        if one is not None:
            values[spec.attr] = [one, one] if spec.collection else one
    return cls(**values)


def value_of(models: ModuleType, spec: Any, depth: int) -> Any:
    kind = spec.kind
    plain: dict[str, Any] = {
        "str": "text \u00e9",
        "bool": True,
        "byte": 255,
        "sbyte": -128,
        "int16": -(2**15),
        "int32": 2**31 - 1,
        "int64": -(2**63),
        "float": 1.5,
        "decimal": decimal.Decimal("0.1000000000000000000001"),
        "datetime": datetime.datetime(2026, 1, 15, 8, 30, 0, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        "date": datetime.date(2026, 1, 15),
        "time": datetime.time(8, 30, 0, 5),
        "duration": -datetime.timedelta(days=1, microseconds=1),
        "uuid": uuid.UUID("8fcb5dbc-d5aa-4681-8e31-b001d5168d79"),
        "bytes": b"\x00\xffhello",
        "any": {"a": [1, None]},
    }
    if kind in plain:
        return plain[kind]
    target = getattr(models, spec.target.rsplit(".", 1)[1])
    if kind == "enum":
        return next(iter(target))
    if kind == "flags":
        return frozenset(list(target)[:2])
    chosen = concrete(models, target)
    return None if chosen is None or depth >= 2 else sample(models, chosen, depth + 1)


def test_every_type_round_trips_and_writes_what_its_schema_accepts(generated: tuple[ModuleType, SchemaSet]) -> None:
    models, schemas = generated
    checked = 0
    for name, cls in classes(models):
        if cls.__dict__.get("_ABSTRACT"):
            continue
        for value in (cls(), sample(models, cls)):
            written = value.to_dict()
            assert schemas.validate(written, name) == [], (name, written)
            again = cls.from_dict(written)
            assert again == value and type(again) is cls, name
            assert again.to_dict() == written
            assert cls.from_json(value.to_json()) == value
            checked += 1
    assert checked >= 8


def test_to_json_takes_the_options_of_json_dumps(generated: tuple[ModuleType, SchemaSet]) -> None:
    models, _ = generated
    name, cls = next((name, cls) for name, cls in classes(models) if not cls.__dict__.get("_ABSTRACT"))
    value = sample(models, cls)
    assert value.to_json(indent=2, sort_keys=True) == json.dumps(value.to_dict(), indent=2, sort_keys=True, ensure_ascii=False)
    assert value.to_json() == json.dumps(value.to_dict(), ensure_ascii=False)
    assert "\\u00e9" in value.to_json(ensure_ascii=True) or "\u00e9" not in value.to_json()


def test_to_dict_refuses_what_the_schemas_refuse(all_kinds: tuple[ModuleType, SchemaSet]) -> None:
    models, _ = all_kinds
    refused = [
        (models.Sample(tiny=256), ValueError, r"^Sample\.tiny: 256 is out of its range, 0 to 255$"),
        (models.Sample(count=-(2**31) - 1), ValueError, r"^Sample\.count: -2147483649 is out of its range"),
        (models.Sample(mix=frozenset()), ValueError, r"^Sample\.mix: an empty set of Palette has no wire form"),
        (models.Sample(labels=["a", None]), TypeError, r"^Sample\.labels\[1\]: None has no place in a list"),
        (models.Sample(price=decimal.Decimal("NaN")), ValueError, r"^Sample\.price: NaN has no wire form"),
        (models.Sample(additional_data={"surprise": 1}), ValueError, r"closed type: only @odata annotations may be added"),
    ]
    for value, error, message in refused:
        with pytest.raises(error, match=message):
            value.to_dict()
    assert models.Bag(additional_data={"surprise": 1}).to_dict() == {"surprise": 1}  # an open type takes any property
    assert isinstance(next(iter(models.Colour)), enum.Enum)
