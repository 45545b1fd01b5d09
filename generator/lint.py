"""Check the documentation's own examples against the emitted schemas and the operations.

Like the Graph docs team's own checker, an example counts when its annotation
ties it to a type (``@odata.type``, with ``isCollection`` for lists); a request
example without one is tied to its method's request body type. A truncated
example may leave properties out (no schema requires any); none may add a
property its type does not have. A request example sent to the service must
also be one its page documents: a URL path, a method and path of the page's
requests, and a body of the type its operation takes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import mockdata
from .diagnostics import Diagnostic, make
from .model import Example, Model
from .primitives import edm_type
from .runtime.handlers._issues import Issue, issues
from .runtime.handlers._routes import Template, compile_template
from .runtime.handlers._validate import Validator
from .validation import SchemaError

if TYPE_CHECKING:
    from .emit.views import Views

_NOT_A_PATH = re.compile(r"[\s*<>\\^`|]")


@dataclass
class ExampleReport:
    checked: int = 0
    passed: int = 0
    failures: list[tuple[Example, str, Issue]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # request examples the service can't be held to: (page, line) -> what is wrong
    requests: dict[tuple[str, int], str] = field(default_factory=dict)


class _Requests:
    """What a request example must be beyond its type: a URL path; a method and path
    its page documents; a body the operation it reaches takes."""

    def __init__(self, model: Model, views: Views) -> None:
        self.schemas = views.schema_set
        self.router = mockdata.router(model)
        self.view = views.handlers
        self.validators: dict[str, Validator] = {}  # operation id -> its body's validators
        # each API page's documented requests: (method, compiled path)
        # (the Methods rows' paths too: a path another page's operation serves is still documented here)
        self.documented: dict[str, list[tuple[str, Template]]] = {}
        documented = [(m.source, m.http_method, m.paths or (m.path,)) for t in model.types for m in t.methods]
        for source, method, paths in [*documented, *((op.source, op.http_method, op.paths) for op in model.operations)]:
            if source is not None:
                for path in paths:
                    self.documented.setdefault(source.path, []).append((method, compile_template(path)))

    def problem(self, request: Example) -> tuple[str, str] | None:
        """(code, message) for what is wrong with a request example, or None."""
        path = mockdata.request_path(request.url or "")
        if _NOT_A_PATH.search(path):
            return "EXAMPLE_URL", f"request example: {path[:80]!r} is not a URL path"
        paths = self.documented.get(request.source.path)
        if paths and not any(m == request.http_method and t.match(path) is not None for m, t in paths):
            return "EXAMPLE_URL", f"request example: {request.http_method} {path[:80]} is none of the requests the page documents"
        broken = self.body_breaks(request)
        if broken:
            return "EXAMPLE_INVALID", f"request example: the body breaks the schema of what its operation takes: {broken}"
        return None

    def body_breaks(self, request: Example) -> str:
        """The first issue of the request's body by the schema its operation takes (the
        check the mock makes, compiled once per operation), or ""."""
        found = mockdata.route(self.router, request)
        if found is None or request.body is None:
            return ""
        operation = found.value
        validator = self.validators.get(operation.id)
        if validator is None:
            schema = self.view.body_schema(operation)
            if schema is None:
                return ""
            validator = self.validators[operation.id] = self.schemas.schemas.validator(schema, operation.id)
        try:
            payload: Any = request.payload()
        except ValueError:
            return "not JSON"
        try:
            validator.read(payload)  # as the mock reads it: enum members in any case
            return ""
        except ValueError:
            pass
        try:
            first = next(issues(validator.reference.iter_errors(payload)), None)
        except RecursionError:
            return "nested too deeply to check"
        return str(first) if first is not None else ""


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


def check_examples(model: Model, views: Views | None = None, pages: Collection[str] | None = None) -> ExampleReport:
    """Every example checked against its type's schema (the views' schema set) and every
    request against the operation it reaches; only those of ``pages`` (their paths) when
    given."""
    from .emit.views import Views

    views = views if views is not None else Views(model)
    schemas = views.schema_set
    report = ExampleReport()
    request_types = _request_types(model)
    kinds = mockdata.Kinds(model)
    examples = model.examples if pages is None else [e for e in model.examples if e.source.path in pages]
    for example in examples:
        type_name = example_type(example, request_types)
        if type_name is None or example.body is None:
            continue
        report.checked += 1
        label = f"{example.kind} example{' ' + repr(example.name) if example.name else ''} ({type_name})"
        values = _values(example, type_name)
        if values is None:
            issue = Issue("", "a collection ({\"value\": [...]})", "another shape")
            report.failures.append((example, type_name, issue))
            report.diagnostics.append(_diagnostic(example, type_name, label, issue))
            continue
        issues: list[Issue] = []
        try:
            for prefix, value in values:
                issues.extend(Issue(prefix + i.pointer, i.expected, i.found) for i in schemas.validate(value, type_name))
                if isinstance(value, dict) and kinds.of(value, type_name) is None and model.get(type_name) is not None:
                    report.diagnostics.append(_abstract(example, type_name, label, prefix, kinds))
        except SchemaError as error:
            issues.append(Issue("", "a documented type", str(error)))
        if not issues:
            report.passed += 1
        for issue in issues:
            report.failures.append((example, type_name, issue))
            report.diagnostics.append(_diagnostic(example, type_name, label, issue))
    requests = _Requests(model, views)
    failed = {(example.source.path, example.source.line) for example, _, _ in report.failures}
    for example in examples:
        where = (example.source.path, example.source.line)
        if example.kind != "request" or where in failed or not mockdata.to_graph(example):
            continue
        found = requests.problem(example)
        if found is not None:
            code, message = found
            report.requests[where] = message
            report.diagnostics.append(make(code, message, *where))
    return report


def _abstract(example: Example, type_name: str, label: str, where: str, kinds: mockdata.Kinds) -> Diagnostic:
    """An example of an abstract type that does not say which of its kinds it is (the rule
    the mock's data follows: ``mockdata.Kinds.of``)."""
    made = kinds.made(type_name)
    shown = ", ".join(made[:3]) + (f" or {len(made) - 3} more" if len(made) > 3 else "")
    at = f" at {where}" if where else ""
    return make(
        "EXAMPLE_ABSTRACT",
        f"{label}{at}: {type_name} is abstract; say which kind the item is with @odata.type ({shown or 'no concrete type is documented'})",
        example.source.path,
        example.source.line,
        type=type_name,
        found=type_name,
    )


def _diagnostic(example: Example, type_name: str, label: str, issue: Issue) -> Diagnostic:
    """``type_name``: the type the example is of; the schema's word is ``expected``, the example's ``found``."""
    return make(
        "EXAMPLE_INVALID", f"{label}: {issue}", example.source.path, example.source.line, type=type_name, expected=issue.expected, found=issue.found
    )
