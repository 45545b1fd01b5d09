"""Names the outputs need, decided once, for every target.

Type full names are already qualified identifiers (resolve refuses others);
what remains: file names unique on case-insensitive file systems, and Python
names (classes, modules, attributes, enum members) that are valid, never a
keyword or a name the generated code relies on, and unique where they must be.
Every rename that a collision forces is stable (decided in sorted order) and
reported.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from functools import cache

from ..base.diagnostics import Diagnostic, make
from .ir import ENUM, Model, Type

SCHEMA_BASE = "https://graphdoc.example/schemas/"
BUNDLE_FILE = "bundle.json"

# Names a generated class body must not take for an attribute: the runtime's
# own members, and the builtins that field annotations name.
RESERVED_ATTRIBUTES = frozenset(
    {"additional_data", "from_dict", "to_dict"} | {"str", "int", "float", "bool", "bytes", "list", "frozenset"}
)
RESERVED_CLASSES = frozenset({"True", "False", "None"})
RESERVED_MODULES = frozenset({"_runtime", "__init__"})


def unique_stems(full_names: list[str]) -> dict[str, str]:
    """A file stem per name, unique even where only case tells names apart.

    The first name in sorted order keeps its spelling; later ones that fold to
    the same lower-case stem get a numbered suffix, stable across runs.
    """
    return distinct([(name, name) for name in sorted(full_names)], set())


def schema_files(model: Model) -> dict[str, str]:
    """Type full name -> schema file name (``microsoft.graph.x.json``)."""
    return {name: f"{stem}.json" for name, stem in unique_stems([t.full_name for t in model.types]).items()}


def schema_id(file_name: str) -> str:
    return SCHEMA_BASE + file_name


# -- Python -----------------------------------------------------------------

_WORDS = re.compile(r"[A-Z]{2,}s(?![a-z0-9])|[A-Z]+(?=[A-Z][a-z0-9]|[^A-Za-z0-9]|$)|[A-Z]?[a-z0-9]+|[A-Z]+")


@cache
def words(text: str) -> tuple[str, ...]:
    """``synchronizationJob`` -> [synchronization, Job]; ``@odata.type`` -> [odata, type]."""
    return tuple(_WORDS.findall(text))


@cache
def pascal(text: str) -> str:
    """PascalCase: the first letter of each word raised, the rest kept (``synchronizationJob`` -> ``SynchronizationJob``)."""
    name = "".join(w[:1].upper() + w[1:] for w in words(text))
    if not name:
        name = "Type"
    if name[0].isdigit():
        name = "T" + name
    return name + "_" if name in RESERVED_CLASSES else name


@cache
def snake(text: str) -> str:
    name = "_".join(w.lower() for w in words(text))
    if not name:
        name = "field"
    if name[0].isdigit():
        name = "n_" + name
    return name


@cache
def attribute(text: str) -> str:
    name = snake(text)
    return name + "_" if keyword.iskeyword(name) or name in RESERVED_ATTRIBUTES else name


@cache
def member(text: str) -> str:
    name = "_".join(w.upper() for w in words(text)) or "VALUE"
    return "V_" + name if name[0].isdigit() else name


def distinct(wanted: list[tuple[str, str]], taken: set[str]) -> dict[str, str]:
    """key -> name, in the given order; a name already taken gets _2, _3, ..."""
    result: dict[str, str] = {}
    for key, name in wanted:
        candidate, counter = name, 2
        while candidate.lower() in taken:
            candidate = f"{name}_{counter}"
            counter += 1
        taken.add(candidate.lower())
        result[key] = candidate
    return result


@dataclass
class PythonNames:
    classes: dict[str, str] = field(default_factory=dict)  # full name -> class
    modules: dict[str, str] = field(default_factory=dict)  # full name -> module
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)  # full name -> wire -> attribute
    members: dict[str, dict[str, str]] = field(default_factory=dict)  # enum full name -> wire -> member
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _class_names(model: Model) -> tuple[dict[str, str], list[Diagnostic]]:
    """A class name per type, unique without case: types of the most common namespace keep
    the bare name; a type of another namespace whose name is taken gets its namespace as a
    prefix."""
    classes: dict[str, str] = {}
    diagnostics: list[Diagnostic] = []
    counts: dict[str, int] = {}
    for t in model.types:
        counts[t.namespace] = counts.get(t.namespace, 0) + 1
    order = sorted(model.types, key=lambda t: (-counts[t.namespace], t.namespace, t.full_name))
    taken: set[str] = set()
    owners: dict[str, str] = {}  # lower-case bare class name -> namespace of the type that has it
    for t in order:
        bare = pascal(t.name)
        owner = owners.setdefault(bare.lower(), t.namespace)
        # Another namespace's type is told apart by its namespace; a type of the same
        # namespace (fooBar and foo_bar) by a number: a prefix would name nothing.
        foreign = bare.lower() in taken and owner != t.namespace
        candidate = pascal(t.namespace.rsplit(".", 1)[-1]) + bare if foreign else bare
        chosen = distinct([(t.full_name, candidate)], taken)[t.full_name]
        if chosen != bare:
            diagnostics.append(_collision(t, f"Python class for {t.full_name} is {chosen} ({bare} is taken)", expected=bare, found=chosen))
        classes[t.full_name] = chosen
    return classes, diagnostics


def schema_titles(model: Model) -> dict[str, str]:
    """A title per type for the JSON Schemas and OpenAPI components, unique without case
    across namespaces, since code generators name a class after a schema's title: the
    type's own name, or, where its Python class had to be told apart (``media`` of
    ``callRecords`` beside ``media``), that class's name with its first letter lowered
    (``callRecordsMedia``)."""
    classes, _ = _class_names(model)
    titles: dict[str, str] = {}
    for t in model.types:
        chosen = classes[t.full_name]
        titles[t.full_name] = t.name if chosen == pascal(t.name) else chosen[:1].lower() + chosen[1:]
    return titles


def python_names(model: Model) -> PythonNames:
    """Every Python name of the model's types (an emit ``Views`` keeps them for a run), and
    a NAME_COLLISION diagnostic for each name a collision changed."""
    names = PythonNames()
    names.classes, collisions = _class_names(model)
    names.diagnostics.extend(collisions)
    module_taken = set(RESERVED_MODULES)
    for t in sorted(model.types, key=lambda t: t.full_name):
        module = snake(names.classes[t.full_name])
        module = module + "_" if keyword.iskeyword(module) else module
        names.modules[t.full_name] = distinct([(t.full_name, module)], module_taken)[t.full_name]
    for t in model.types:
        if t.kind == ENUM:
            wanted = [(m.name, member(m.name)) for m in t.members]
            names.members[t.full_name] = _checked(names, t, wanted, set(), "member")
    for t in _base_first(model):
        inherited: set[str] = set()
        for ancestor in model.ancestors(t.full_name):
            inherited.update(a.lower() for a in names.attributes.get(ancestor.full_name, {}).values())
        wires = dict.fromkeys([*(p.name for p in t.properties), *(n.name for n in t.navigation_properties)])
        wanted = [(wire, attribute(wire)) for wire in wires]
        names.attributes[t.full_name] = _checked(names, t, wanted, inherited, "attribute")
    return names


def _checked(names: PythonNames, t: Type, wanted: list[tuple[str, str]], taken: set[str], what: str) -> dict[str, str]:
    result = distinct(wanted, set(taken))
    for wire, name in wanted:
        if result[wire] != name:
            message = f"{t.full_name}.{wire}: Python {what} is {result[wire]} ({name} is taken)"
            names.diagnostics.append(_collision(t, message, property=wire, expected=name, found=result[wire]))
    return result


def _collision(t: Type, message: str, **about: str) -> Diagnostic:
    """A NAME_COLLISION about ``t``, at its page (``about``: the name wanted and given, and the wire name)."""
    return make("NAME_COLLISION", message, t.source.path, t.source.line, type=t.full_name, **about)


def _base_first(model: Model) -> list[Type]:
    return sorted(model.types, key=lambda t: (len(model.ancestors(t.full_name)), t.full_name))
