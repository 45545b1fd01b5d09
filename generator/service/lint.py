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

import json
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..base.diagnostics import Diagnostic, make
from ..model.ir import Example, Model
from ..model.primitives import edm_type
from ..payloads import mockdata
from ..payloads.validation import SchemaError, SchemaSet
from ..runtime.handlers._issues import Issue, issues
from ..runtime.handlers._validate import Validator
from .example_urls import Requests, not_a_path, shown

if TYPE_CHECKING:
    from ..emit.views import Views


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
        # each API page's documented requests (the Methods rows' paths too: a path another
        # page's operation serves is still documented here)
        documented: dict[str, list[tuple[str, str]]] = {}
        rows = [(m.source, m.http_method, m.paths or (m.path,)) for t in model.types for m in t.methods]
        for source, method, paths in [*rows, *((op.source, op.http_method, op.paths) for op in model.operations)]:
            if source is not None:
                documented.setdefault(source.path, []).extend((method, path) for path in paths)
        self.documented = {page: Requests(dict.fromkeys(requests)) for page, requests in documented.items()}

    def url_problem(self, request: Example) -> Diagnostic | None:
        """EXAMPLE_URL for a request whose URL is no path or none of its page's requests, or None."""
        path = mockdata.request_path(request.url or "")
        method = request.http_method or "GET"
        where = request.source.path, request.source.line
        why = not_a_path(path)
        if why is not None:
            return make("EXAMPLE_URL", f"request example: {shown(path)!r} is not a URL path ({why})", *where, found=path)
        documented = self.documented.get(request.source.path)
        if documented is not None and not documented.documents(method, path):
            requests = "; ".join(f"{m} {p}" for m, p, _ in documented.requests)
            message = f"request example: {method} {shown(path)} is none of the requests the page documents"
            return make("EXAMPLE_URL", message, *where, expected=requests, found=f"{method} {path}")
        return None

    def body_schema(self, request: Example) -> dict[str, Any] | None:
        """The schema of what the operation the request reaches takes, or None."""
        found = mockdata.route(self.router, request)
        if found is None or request.body is None:
            return None
        return self.view.body_schema(found.value)

    def body_breaks(self, validator: Validator, request: Example) -> str:
        """The first issue of the request's body by ``validator`` (the check the mock makes), or ""."""
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
    given. The examples are checked a type (and a request body's schema) at a time, each
    validator let go before the next: all kept at once, the corpus's took a gigabyte."""
    from ..emit.views import Views

    views = views if views is not None else Views(model)
    schemas = views.schema_set
    report = ExampleReport()
    request_types = _request_types(model)
    kinds = mockdata.Kinds(model)
    examples = model.examples if pages is None else [e for e in model.examples if e.source.path in pages]
    by_type: dict[str, list[Example]] = {}
    for example in examples:
        type_name = example_type(example, request_types)
        if type_name is not None and example.body is not None:
            by_type.setdefault(type_name, []).append(example)
    found: dict[int, list[Issue]] = {}  # by the example's id: its issues
    abstract: dict[int, list[str]] = {}  # ... and where it holds an abstract type's item of no kind
    for type_name, typed in by_type.items():
        for example in typed:
            found[id(example)], abstract[id(example)] = _type_issues(model, schemas, kinds, example, type_name)
        schemas.forget_validators()
    for example in examples:
        issues_found = found.get(id(example))
        if issues_found is None:
            continue
        type_name = example_type(example, request_types) or ""
        report.checked += 1
        report.passed += not issues_found
        label = f"{example.kind} example{' ' + repr(example.name) if example.name else ''} ({type_name})"
        for prefix in abstract.get(id(example), ()):
            report.diagnostics.append(_abstract(example, type_name, label, prefix, kinds))
        for issue in issues_found:
            report.failures.append((example, type_name, issue))
            report.diagnostics.append(_diagnostic(example, type_name, label, issue))
    _check_requests(model, views, examples, report)
    return report


def _type_issues(model: Model, schemas: SchemaSet, kinds: mockdata.Kinds, example: Example, type_name: str) -> tuple[list[Issue], list[str]]:
    """Every issue of ``example`` as a value of ``type_name``, and the pointers of its values
    of an abstract type that don't say which of its kinds they are (EXAMPLE_ABSTRACT)."""
    values = _values(example, type_name)
    if values is None:
        return [Issue("", "a collection ({\"value\": [...]})", "another shape")], []
    found: list[Issue] = []
    abstract: list[str] = []
    try:
        for prefix, value in values:
            found.extend(Issue(prefix + i.pointer, i.expected, i.found) for i in schemas.validate(value, type_name))
            if isinstance(value, dict) and kinds.of(value, type_name) is None and model.get(type_name) is not None:
                abstract.append(prefix)
    except SchemaError as error:
        found.append(Issue("", "a documented type", str(error)))
    return found, abstract


def _check_requests(model: Model, views: Views, examples: Sequence[Example], report: ExampleReport) -> None:
    """The request examples sent to the service whose body is right for its type: their
    URL, then their body by what the operation takes, a body schema at a time."""
    requests = _Requests(model, views)
    failed = {(example.source.path, example.source.line) for example, _, _ in report.failures}
    by_schema: dict[str, tuple[dict[str, Any], list[Example]]] = {}
    problems: dict[tuple[str, int], Diagnostic] = {}
    for example in examples:
        where = (example.source.path, example.source.line)
        if example.kind != "request" or where in failed or not mockdata.to_graph(example):
            continue
        problem = requests.url_problem(example)
        if problem is not None:
            problems[where] = problem
            continue
        schema = requests.body_schema(example)
        if schema is not None:
            by_schema.setdefault(json.dumps(schema, sort_keys=True), (schema, []))[1].append(example)
    for key, (schema, bodies) in by_schema.items():
        validator = requests.schemas.schemas.validator(schema, key[:60])
        for example in bodies:
            broken = requests.body_breaks(validator, example)
            if broken:
                message = f"request example: the body breaks the schema of what its operation takes: {broken}"
                problems[(example.source.path, example.source.line)] = make("EXAMPLE_INVALID", message, example.source.path, example.source.line)
    for example in examples:  # in the examples' order
        where = (example.source.path, example.source.line)
        problem = problems.pop(where, None)
        if problem is not None:
            report.requests[where] = problem.message
            report.diagnostics.append(problem)


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
