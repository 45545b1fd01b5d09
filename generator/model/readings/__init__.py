"""The readings: what graphdoc concludes from real pages that they don't state outright.

Each reading has the diagnostic code it reports, one line saying what it reads and
concludes, the function that does it, the tests that show it, and its stage. ``READINGS``
is the table, in the order a run applies them (markdown-it-py's ``Ruler``: named rules
in one ordered chain; ruff's registry: a code each, a reference page generated from
it). ``graphdoc conventions`` prints it, ``docs/readings.md`` is made from it, and
``[tool.graphdoc] readings-off`` (``--readings-off``) turns readings off by code: the
model is then built from what the pages state (``generator.base.choices.Readings``).

The readings of the model stage are functions of the index (``generator.model.index``),
one per code, in ``types`` (namespaces, bases and keys), ``rows`` (properties, enums and
members) and ``methods`` (methods and the model as a whole); each is switched by its code
(``rule.reading``) and reports what it concludes. Building the model (``resolve``) calls
each where it applies and holds no reading of its own. The readings made while a page is
parsed stay with the parser, and the one a request path implies with ``navigation``; each
checks ``readings.on(code)`` where it would conclude. ``NOT_READINGS`` names the info
codes of the model stage that are no reading, and why, so that a test can tell when a new
reading was added without a row here.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...base.diagnostics import CODES
from ...parse.page import _Page
from ..navigation import with_path_navigation
from . import methods as _methods
from . import rows as _rows
from . import types as _types

# The stages, in the order a run goes through them.
STAGES: dict[str, str] = {
    "parse": "each page alone, as it is parsed",
    "index": "every type indexed by name, before any is linked",
    "bases": "base types linked",
    "keys": "which types are entities, and their keys",
    "properties": "each type's properties and relationships",
    "members": "each enum's members",
    "methods": "each Methods row with its API page",
    "model": "the model as a whole, once every type is built",
}

_TESTS = "tests/test_conventions.py::"


@dataclass(frozen=True)
class Reading:
    code: str  # the diagnostic it reports (README's list of codes)
    stage: str  # one of STAGES
    statement: str  # what it reads, and what it concludes
    function: Callable[..., Any]  # where it runs
    tests: tuple[str, ...]  # test file::name, the tests that show it

    @property
    def where(self) -> str:
        """The function's dotted name."""
        function = self.function
        return f"{function.__module__}.{function.__qualname__}"


def _off_test(code: str) -> str:
    return f"tests/test_readings.py::test_a_reading_switched_off[{code}]"


def _reading(code: str, stage: str, statement: str, function: Callable[..., Any], *tests: str) -> Reading:
    return Reading(code, stage, statement, function, (*tests, _off_test(code)))


READINGS: tuple[Reading, ...] = (
    _reading(
        "BASE_FROM_WORDS",
        "parse",
        "'inherits from the base policy type', with no link: the base is the type so named (policyBase)",
        _Page._bases_named,
        _TESTS + "test_a_base_named_in_words",
    ),
    _reading(
        "OPEN_TYPE_FROM_TEXT",
        "parse",
        "the page says 'This is an open type' and its annotation doesn't: the type is open",
        _Page.types,
        _TESTS + "test_this_is_an_open_type",
    ),
    _reading(
        "ABSTRACT_FROM_TEXT",
        "parse",
        "the page says the type is abstract ('an abstract base type for ...') and its annotation doesn't: it is abstract",
        _Page.types,
        _TESTS + "test_abstract_said_in_words",
    ),
    _reading(
        "NAMESPACE_FROM_USE",
        "index",
        "an enum page with no Namespace line, whose users are all of one namespace: the enum is of that namespace",
        _types.namespace_from_use,
        _TESTS + "test_an_enum_page_without_a_namespace_joins_its_users",
    ),
    _reading(
        "BASE_FROM_TEXT",
        "bases",
        "'Inherited from [x]' in a row or a later paragraph, when the opening names no base: x is the base",
        _types.base_from_text,
        _TESTS + "test_inherited_from_in_a_row_names_the_base",
    ),
    _reading(
        "BASE_FROM_DERIVED_LIST",
        "bases",
        "a base type's page lists the types derived from it, whose own pages name no base: it is their base",
        _types.base_from_derived_list,
        _TESTS + "test_a_base_page_listing_its_derived_types_gives_them_their_base",
    ),
    _reading(
        "KEY_ASSUMED",
        "keys",
        "a type with an id row and relationships or methods, but no key and no base: an entity keyed by id",
        _types.key_assumed,
        "tests/test_quirks.py::test_entity_read_from_id_and_methods",
    ),
    _reading(
        "ENTITY_FROM_RELATIONSHIP",
        "keys",
        "a type without a key that another type's relationship leads to: an entity keyed by id",
        _types.entity_from_relationship,
        _TESTS + "test_a_type_a_relationship_leads_to_is_an_entity",
    ),
    _reading(
        "ENTITY_FROM_PATHS",
        "keys",
        "a type without a key whose API pages address one item by key (GET /things/{id}): an entity keyed by id",
        _types.entity_from_paths,
        _TESTS + "test_a_type_its_api_pages_address_is_an_entity",
    ),
    _reading(
        "ENTITY_FROM_DERIVED",
        "keys",
        "a keyed type derives from a type keyed by nothing: the root of its bases is an entity with that key",
        _types.entity_from_derived,
    ),
    _reading(
        "ENTITY_BASE_ASSUMED",
        "keys",
        "a type keyed by id whose page names no base, when the docs define entity: it derives from entity",
        _types.entity_base_assumed,
        _TESTS + "test_a_type_keyed_by_id_derives_from_entity",
    ),
    _reading(
        "PROPERTY_IS_RELATIONSHIP",
        "properties",
        "a Properties row typed with an entity that the type's API pages $expand: a navigation property",
        _rows.property_is_relationship,
        _TESTS + "test_a_property_the_api_pages_expand_is_a_relationship",
    ),
    _reading(
        "RELATIONSHIP_IS_PROPERTY",
        "properties",
        "a Relationships row typed with a primitive, an enum or a complex type: a property (off: the row is left out)",
        _rows.relationship_is_property,
        _TESTS + "test_a_properties_table_headed_relationship_is_still_properties",
    ),
    _reading(
        "COMMON_BASE_TYPE",
        "properties",
        "a type cell naming several types ('a or b'): their closest common base (off: the first one named)",
        _types.common_base_type,
        _TESTS + "test_json_cells_a_string_with_values_and_either_of_two_types",
    ),
    _reading(
        "INLINE_ENUM",
        "properties",
        "a type cell naming an undocumented type, with 'Possible values' listed: an enum of those values",
        _rows.inline_enum,
        "tests/test_parse_features.py::test_values_for_an_undocumented_type_named_in_the_cell_are_that_enum",
    ),
    _reading(
        "ENUM_FROM_VALUES",
        "properties",
        "a String property whose 'Possible values' are a documented enum's (by name or members): typed with that enum",
        _rows.enum_from_values,
        "tests/test_parse_features.py::test_possible_values_of_a_documented_enum_are_that_enum",
    ),
    _reading(
        "JSON_ONLY_PROPERTY",
        "properties",
        "a key of the JSON representation that the Properties table lacks: a property, typed as the JSON shows it "
        "(not one a sibling type's table lists: a copied block)",
        _rows.json_only_property,
        "tests/test_parse_features.py::test_annotation_and_json_block_read_as_meant",
    ),
    _reading(
        "BOOLEAN_FROM_JSON",
        "properties",
        "a property the table types String, shown as a bare true or false in the JSON representation: Boolean",
        _rows.boolean_from_json,
        _TESTS + "test_a_bare_boolean_in_the_json_beats_a_string_cell",
    ),
    _reading(
        "ROW_BY_PATH",
        "properties",
        "a Relationships row named by a path ('file/localizations/{id}/versions'): a row of the type the path reaches",
        _rows.row_by_path,
        _TESTS + "test_a_row_named_by_a_path_belongs_to_the_type_it_reaches",
    ),
    _reading(
        "PROPERTY_FROM_FACET",
        "properties",
        "a page says its type is a facet on another ('the bundle facet on a driveItem'): a property of that type",
        _rows.property_from_facet,
        _TESTS + "test_a_facet_on_a_type_is_its_property",
    ),
    _reading(
        "MEMBER_FROM_VALUES",
        "members",
        "a property typed with an enum lists a possible value the enum lacks: a member of the enum",
        _rows.member_from_values,
        _TESTS + "test_possible_values_of_an_enum_typed_property_add_members",
    ),
    _reading(
        "FLAGS_INFERRED",
        "members",
        "an enum's page says its values combine ('flags', 'multi-valued', ...): a flags enum",
        _rows.flags_inferred,
        _TESTS + "test_flags_from_prose",
    ),
    _reading(
        "RETURN_TYPE_FROM_EXAMPLE",
        "methods",
        "a Methods row with no return type whose API page's response example names a type: it returns that type",
        _methods.return_type_from_example,
        _TESTS + "test_a_methods_row_without_a_return_type_takes_the_response_examples",
    ),
    _reading(
        "RETURNS_COLLECTION",
        "methods",
        "a Methods row that returns one item, whose API page answers a collection: it returns a collection",
        _methods.returns_collection,
        "tests/test_operations.py::test_a_collection_answer_makes_a_list_and_the_disagreement_is_reported",
    ),
    _reading(
        "ABSTRACT_WITHOUT_KINDS",
        "model",
        "an abstract type no documented concrete type derives from: a type that can be made (not abstract)",
        _methods.abstract_without_kinds,
    ),
    _reading(
        "UNLISTED_API_PAGE",
        "model",
        "an API page no Methods table links to: an operation of the type it works on (its examples, name or path)",
        _methods.unlisted_api_page,
        "tests/test_operations.py::test_an_unlisted_page_is_served_by_the_type_its_path_addresses",
    ),
    _reading(
        "NAVIGATION_FROM_PATH",
        "model",
        "a request path through a segment no page lists (GET /users/{id}/joinedTeams): a navigation property there",
        with_path_navigation,
        _TESTS + "test_a_path_under_an_item_gives_its_type_a_navigation_property",
    ),
    _reading(
        "BASE_FROM_LOCATION",
        "model",
        "a type whose page names no base, answered (a 200 or 201's Location, a notification's resourceUrl) from a relationship typed x: it derives from x",
        _types.base_from_location,
        "tests/test_service_confirmed_readings.py::test_an_answer_located_in_a_relationship_derives_from_its_type",
    ),
)

BY_CODE: dict[str, Reading] = {reading.code: reading for reading in READINGS}

# Info codes of the model stage that report no reading: nothing is concluded that the
# pages leave open, or what is concluded is a rule of OData, not a reading of a page.
NOT_READINGS: dict[str, str] = {
    "REPEATED_TYPE": "a page repeats a type another documents the same way; nothing is concluded",
    "TABLE_ONLY_PROPERTY": "a table row the JSON representation doesn't show; the table is the authority",
    "OPEN_TYPE_INHERITED": "OData makes every type derived from an open type open",
    "KEY_NOT_LISTED": "an entity's key is a property of it; OData requires one",
    "NAME_COLLISION": "a name of the generated code, not of the model",
}


def unknown(codes: set[str] | frozenset[str]) -> list[str]:
    """The codes among ``codes`` that name no reading, sorted."""
    return sorted(set(codes) - set(BY_CODE))


# -- the table as text, JSON and Markdown (graphdoc conventions, docs/readings.md) --------


def rows() -> list[dict[str, object]]:
    return [
        {
            "order": order,
            "code": r.code,
            "stage": r.stage,
            "severity": CODES[r.code][0],
            "statement": r.statement,
            "function": r.where,
            "tests": list(r.tests),
        }
        for order, r in enumerate(READINGS, 1)
    ]


def as_text() -> str:
    width = max(len(r.code) for r in READINGS)
    stage_width = max(len(r.stage) for r in READINGS)
    lines = [f"{order:>2}  {r.code:<{width}}  {r.stage:<{stage_width}}  {r.statement}" for order, r in enumerate(READINGS, 1)]
    return "\n".join(lines) + "\n"


def as_json() -> str:
    return json.dumps({"stages": STAGES, "readings": rows()}, indent=2) + "\n"


def as_markdown() -> str:
    lines = [
        "# The readings",
        "",
        "<!-- Generated from generator/model/readings/__init__.py by `graphdoc conventions --format markdown`; do not edit. -->",
        "",
        "What graphdoc concludes from real pages that they don't state outright, in the order a run applies",
        "each. Every reading reports its diagnostic code (`graphdoc lint --severity info` shows them), and",
        'any can be turned off by that code: `readings-off = ["CODE", ...]` in `[tool.graphdoc]`, or',
        "`--readings-off CODE[,CODE]`. The model is then built from what the pages state.",
        "",
        "## Stages",
        "",
        "| stage | when |",
        "|---|---|",
        *(f"| {stage} | {when} |" for stage, when in STAGES.items()),
        "",
        "## Readings",
        "",
        "| # | code | stage | severity | reads, and concludes | function | tests |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows():
        tests = "<br>".join(f"`{test}`" for test in row["tests"])  # type: ignore[attr-defined]
        lines.append(
            f"| {row['order']} | `{row['code']}` | {row['stage']} | {row['severity']} | {row['statement']} | `{row['function']}` | {tests} |"
        )
    lines += [
        "",
        "## Info codes that are no reading",
        "",
        "| code | why |",
        "|---|---|",
        *(f"| `{code}` | {why} |" for code, why in NOT_READINGS.items()),
    ]
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[], str]] = {"text": as_text, "json": as_json, "markdown": as_markdown}
