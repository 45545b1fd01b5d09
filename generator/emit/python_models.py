"""Typed Python models: one module per type under ``models/``, standard library only.

Classes are kw-only, slotted dataclasses; enums are ``enum.Enum`` over their
wire strings. Names come from ``names.python_names`` and every page string
reaches the code through the ``pystr`` and ``pydoc`` filters, so no page can
break or inject code. The output is formatted with black.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

from .. import runtime
from ..model.ir import ENUM, Model, Type
from ..model.names import PythonNames
from ..model.primitives import UNTYPED
from . import black_format
from .layout import all_order, bracket
from .render import pystr
from .reuse import Renders, scope_of


class Views(Protocol):
    """What ``files`` reads of one model's ``Views``: views.py is not imported here, since
    it builds the handlers' view and the handlers import this module."""

    @property
    def model(self) -> Model: ...

    @property
    def names(self) -> PythonNames: ...


PACKAGE = "models"

class PythonType(NamedTuple):
    """How generated Python holds a value of one Edm primitive."""

    kind: str  # what the models runtime converts the JSON value with
    annotation: str  # a model field's annotation
    needs: str | None  # the standard import the annotation needs
    wire: str  # the JSON value as Python has it: what handlers take and return


# Edm primitive -> its Python forms: the one map both Python targets read
PRIMITIVES: dict[str, PythonType] = {
    "Edm.String": PythonType("str", "str", None, "str"),
    "Edm.Stream": PythonType("str", "str", None, "str"),
    "Edm.Boolean": PythonType("bool", "bool", None, "bool"),
    # each integer its own kind: the runtime holds it to its range, as the schemas do
    "Edm.Byte": PythonType("byte", "int", None, "int"),
    "Edm.SByte": PythonType("sbyte", "int", None, "int"),
    "Edm.Int16": PythonType("int16", "int", None, "int"),
    "Edm.Int32": PythonType("int32", "int", None, "int"),
    "Edm.Int64": PythonType("int64", "int", None, "int"),
    "Edm.Double": PythonType("float", "float", None, "float"),
    "Edm.Single": PythonType("float", "float", None, "float"),
    "Edm.Decimal": PythonType("decimal", "_decimal.Decimal", "import decimal as _decimal", "str"),
    "Edm.DateTimeOffset": PythonType("datetime", "_dt.datetime", "import datetime as _dt", "str"),
    "Edm.Date": PythonType("date", "_dt.date", "import datetime as _dt", "str"),
    "Edm.TimeOfDay": PythonType("time", "_dt.time", "import datetime as _dt", "str"),
    "Edm.Duration": PythonType("duration", "_dt.timedelta", "import datetime as _dt", "str"),
    "Edm.Guid": PythonType("uuid", "_uuid.UUID", "import uuid as _uuid", "str"),
    "Edm.Binary": PythonType("bytes", "bytes", None, "str"),
    UNTYPED: PythonType("any", "_Any", "from typing import Any as _Any", "Any"),
}


class ModelsView:
    def __init__(self, model: Model, names: PythonNames) -> None:
        self.model = model
        self.names = names
        self.bases = {t.base_type for t in model.types if t.base_type}

    def _field(
        self, t: Type, wire: str, type_name: str, collection: bool, nullable: bool, doc: str, imports: set[str], types: set[str]
    ) -> dict[str, Any]:
        target = ""
        referenced = self.model.get(type_name)
        if referenced is not None:
            class_name = self.names.classes[type_name]
            target = f"{self.names.modules[type_name]}.{class_name}"
            if referenced.kind == ENUM:
                kind = "flags" if referenced.flags else "enum"
                annotation = f"frozenset[{class_name}]" if referenced.flags else class_name
            else:
                kind, annotation = "model", class_name
            if type_name != t.full_name:
                types.add(type_name)
        else:
            kind, annotation, needs, _ = PRIMITIVES.get(type_name, PRIMITIVES["Edm.String"])
            if needs:
                imports.add(needs)
        if collection:
            annotation = f"list[{annotation}]"
        if annotation != "_Any":
            annotation += " | None"
        attr = self.names.attributes[t.full_name][wire]
        return {
            "attr": attr,
            "annotation": annotation,
            "doc": doc,
            # one row of the class's _FIELDS table, laid out for its column
            "row": bracket("_Field(", [pystr(attr), pystr(wire), pystr(kind), pystr(target), str(collection)] + ([] if nullable else ["nullable=False"]), ")", 8, trail=1),
        }

    def type_context(self, t: Type) -> dict[str, Any]:
        imports: set[str] = set()
        types: set[str] = set()
        # nullable as the schemas have it: a property unless its page says not, a relationship to one item
        fields = [self._field(t, p.name, p.type, p.collection, p.nullable, p.description, imports, types) for p in t.properties]
        fields += [
            self._field(t, n.name, n.type, n.collection, not n.collection, n.description, imports, types) for n in t.navigation_properties
        ]
        local = [("._runtime", "Field as _Field")]
        if t.base_type and t.base_type in self.names.classes:
            base_class = self.names.classes[t.base_type]
            local.append((f".{self.names.modules[t.base_type]}", base_class))
            types.discard(t.base_type)
        else:
            base_class = "_Model"
            local.append(("._runtime", "Model as _Model"))
        std = {"import dataclasses as _dc", "from typing import ClassVar as _ClassVar", *imports}
        if types:
            std.add("from typing import TYPE_CHECKING")
        return {
            "module_doc": f"The {t.full_name} type.",
            "doc": t.description or f"The {t.name} type.",
            "class_name": self.names.classes[t.full_name],
            "base_class": base_class,
            "std_imports": sorted(std, key=_isort_key),
            "local_imports": sorted(local, key=lambda pair: _isort_key(f"from {pair[0]} import {pair[1]}")),
            "type_imports": sorted((f".{self.names.modules[name]}", self.names.classes[name]) for name in types),
            "fields": fields,
            "odata_type": t.full_name,
            "abstract": t.abstract,
            # A type with a base or derived types is named in its payloads, so it reads back through its base.
            "polymorphic": t.base_type is not None or t.full_name in self.bases,
            # an open type's own, declared once where it is open: derived types inherit it
            "open": t.open_type and not any(a.open_type for a in self.model.ancestors(t.full_name)),
        }

    def enum_context(self, t: Type) -> dict[str, Any]:
        members = self.names.members[t.full_name]
        return {
            "module_doc": f"The {t.full_name} values.",
            "doc": t.description or f"The {t.name} values.",
            "class_name": self.names.classes[t.full_name],
            "members": [{"name": members[m.name], "wire": m.name, "doc": m.description} for m in t.members],
        }

    def files(self) -> dict[str, str]:
        renders = Renders("models", scope_of(self.model))
        for t in self.model.types:
            template, context = (
                ("python/enum.py.j2", self.enum_context(t)) if t.kind == ENUM else ("python/model.py.j2", self.type_context(t))
            )
            renders.add(f"{PACKAGE}/{self.names.modules[t.full_name]}.py", template, context)
        exports = sorted((self.names.modules[t.full_name], self.names.classes[t.full_name], t.full_name) for t in self.model.types)
        names = all_order(["Model", *(class_name for _, class_name, _ in exports)])
        renders.add(f"{PACKAGE}/__init__.py", "python/init.py.j2", {"exports": exports, "names": names})
        return {
            **renders.files(black_format.settle),
            **runtime.files(PACKAGE),
            **runtime.files(""),
            f"{PACKAGE}/py.typed": "",
        }


def _isort_key(line: str) -> tuple[bool, str, int, str]:
    """Order import lines as isort (ruff's I001) does: plain imports first, then by
    module; within a module, CONSTANTS before Classes before functions."""
    words = line.split()
    module = words[1]
    name = words[3] if words[0] == "from" else ""
    rank = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return words[0] == "from", module, rank, name


def files(views: Views) -> dict[str, str]:
    return ModelsView(views.model, views.names).files()
