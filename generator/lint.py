"""Check the documentation's own examples against the emitted schemas.

Like the Graph docs team's own checker, an example counts when its annotation
ties it to a type (``@odata.type``, with ``isCollection`` for lists); a request
example without one is tied to its method's request body type. A truncated
example may leave properties out (no schema requires any); none may add a
property its type does not have.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .diagnostics import Diagnostic, make
from .emit import jsonschema
from .model import Example, Model
from .primitives import edm_type
from .runtime.handlers._issues import Issue
from .validation import SchemaError, SchemaSet


@dataclass
class ExampleReport:
    checked: int = 0
    passed: int = 0
    failures: list[tuple[Example, str, Issue]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _request_types(model: Model) -> dict[str, str]:
    """API page path -> the request body type of the method documented there."""
    found: dict[str, str] = {}
    for t in model.types:
        for method in t.methods:
            if method.source and method.request_body_type:
                found.setdefault(method.source.path, method.request_body_type)
    return found


def example_type(example: Example, request_types: dict[str, str]) -> str | None:
    if example.type:
        return example.type
    if example.kind == "request" and not example.collection:
        return request_types.get(example.source.path)
    return None


def _values(example: Example, type_name: str) -> Iterator[tuple[str, object]] | None:
    """(pointer prefix, value) pairs to check, or None when the body has the wrong shape."""
    body = example.payload()
    if example.collection:
        if isinstance(body, dict) and isinstance(body.get("value"), list):
            return ((f"/value/{i}", item) for i, item in enumerate(body["value"]))
        if isinstance(body, list):
            return ((f"/{i}", item) for i, item in enumerate(body))
        return None
    if edm_type(type_name) and isinstance(body, dict) and "value" in body:
        return iter([("/value", body["value"])])
    return iter([("", body)])


def check_examples(model: Model, schemas: SchemaSet | None = None) -> ExampleReport:
    if schemas is None:
        schemas = SchemaSet.from_texts(jsonschema.emit(model))
    report = ExampleReport()
    request_types = _request_types(model)
    for example in model.examples:
        type_name = example_type(example, request_types)
        if type_name is None or example.body is None:
            continue
        report.checked += 1
        label = f"{example.kind} example{' ' + repr(example.name) if example.name else ''} ({type_name})"
        values = _values(example, type_name)
        if values is None:
            issue = Issue("", "a collection ({\"value\": [...]})", "another shape")
            report.failures.append((example, type_name, issue))
            report.diagnostics.append(_diagnostic(example, label, issue))
            continue
        issues: list[Issue] = []
        try:
            for prefix, value in values:
                issues.extend(Issue(prefix + i.pointer, i.expected, i.found) for i in schemas.validate(value, type_name))
        except SchemaError as error:
            issues.append(Issue("", "a documented type", str(error)))
        if not issues:
            report.passed += 1
        for issue in issues:
            report.failures.append((example, type_name, issue))
            report.diagnostics.append(_diagnostic(example, label, issue))
    return report


def _diagnostic(example: Example, label: str, issue: Issue) -> Diagnostic:
    return make("EXAMPLE_INVALID", f"{label}: {issue}", example.source.path, example.source.line)
