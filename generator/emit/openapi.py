"""OpenAPI 3.1 description of the model's operations and types (``openapi.json``).

Written for OpenAPI tools (client generators, mock servers, docs renderers), in
the shapes they read:

- each type's own shape is a component named by its full name, titled so that no two
  titles meet across namespaces (``names.schema_titles``); a derived type is ``allOf``
  its base and its own properties;
- a type with derived types is referred to through a union component
  (``<type>.polymorphic``): ``anyOf`` the type and each type derived from it, with no
  ``discriminator``. ``@odata.type`` is optional in Graph's payloads (a create, a
  ``$select``), and a discriminator on an optional property is what the tools trip on:
  openapi-generator warns on every derived type and Redocly's example check crashes;
  ``oneOf`` fails wherever a payload fits the base and a derived type alike;
- the service's servers, its OAuth2 schemes (the Microsoft identity platform) and on
  each operation the permissions its page's Permissions table names;
- a collection answer is a ``<type>.collection`` component (``value``, ``@odata.nextLink``);
- operationIds are the model's wire ids (``synchronizationJob.start``; a second
  documented path of one operation adds ``.path2``); every documented path is a
  path here (a function's arguments written as example values are parameters), with
  the OData query options Graph documents for it; a create links to the operations on
  the item it made;
- the docs' request and response examples that fit their types ride along, without
  the read-only properties a request never sets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..model.ir import ENUM, Model, Operation, Type
from ..model.navigation import pattern
from ..model.primitives import is_primitive, primitive_schema
from ..runtime.handlers import _query
from ..runtime.handlers._routes import compile_template
from .jsonschema import CONTROL_ANNOTATIONS, DIALECT
from .render import render_encoded

if TYPE_CHECKING:
    from .views import Views

FILE = "openapi.json"
ERROR = "GraphError"
REFERENCE = "ReferenceBody"
POLYMORPHIC = ".polymorphic"
COLLECTION = ".collection"
DELEGATED = "delegated"  # security schemes: a signed-in user's permissions
APPLICATION = "application"  # and an app's own
_LOGIN = "https://login.microsoftonline.com/common/oauth2/v2.0"
_VERSIONS = ("v1.0", "beta")
_VERSION = re.compile(r"^https?://[^/]+/(v1\.0|beta)(?:/|$)", re.IGNORECASE)
# A function's argument written as an example value (name='2017-01-01', name=7): a
# parameter of the path, not part of it. A placeholder written (team-id) is one too.
_ARGUMENT = re.compile(r"(?<=[(,])\s*([A-Za-z_]\w*)\s*=\s*('[^'{}]*'|[^,'(){}/]+)\s*(?=[,)])")
_PARENTHESIZED = re.compile(r"(?<=/)\(([A-Za-z_][\w-]*)\)(?=/|$)")
_OPTION_SCHEMAS: dict[str, dict[str, Any]] = {
    "$top": {"type": "integer", "minimum": 0},
    "$skip": {"type": "integer", "minimum": 0},
    "$count": {"type": "boolean"},
}


def _component(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if not schema:  # any value (Edm.Untyped) already holds null: no union of nothing
        return schema
    if "$ref" in schema or "oneOf" in schema or "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    kinds = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
    return {**schema, "type": [*kinds, "null"]}


def openapi_path(documented: str) -> str:
    """A documented path with its placeholders named as the mock's router names them, a
    function's arguments written as values (``(period='D7')``) or a placeholder written in
    parentheses (``/teams/(team-id)``) made placeholders, and its quotes written ``%27``."""
    written = _ARGUMENT.sub(lambda m: f"{m.group(1)}={_quoted(m.group(2), m.group(1))}", documented)
    written = _PARENTHESIZED.sub(lambda m: "{" + m.group(1) + "}", written)
    # a quote percent-encoded (the same path to a server): client generators print paths in quotes
    return compile_template(written).named.replace("'", "%27")


def _quoted(value: str, name: str) -> str:
    return f"'{{{name}}}'" if value.strip().startswith("'") else f"{{{name}}}"


def graph_version(model: Model) -> str:
    """The service version the docs' request examples address most (``beta`` or ``v1.0``)."""
    counts = {version: 0 for version in _VERSIONS}
    for example in model.examples:
        found = _VERSION.match((example.url or "").strip()) if example.kind == "request" else None
        if found:
            counts[found.group(1).lower() if found.group(1).lower() == "beta" else "v1.0"] += 1
    return max(_VERSIONS, key=lambda version: (counts[version], version == "v1.0"))


class OpenApiView:
    def __init__(self, views: Views) -> None:
        self.model = views.model
        self.schemas = views.schemas
        self.mock = views.mock
        self.titles = views.schemas.titles
        self.collections: set[str] = set()
        self.unions: set[str] = set()  # the types a union component is referred to for
        self.references = False  # whether an operation takes a reference body
        self.open_family: dict[str, bool] = {}  # by type name: whether it or a type derived from it is open
        self.scopes: dict[str, dict[str, str]] = {DELEGATED: {}, APPLICATION: {}}  # every permission named

    # -- components ----------------------------------------------------------------
    def ref(self, type_name: str) -> dict[str, Any]:
        """A value of ``type_name``: any type derived from it too. A closed type (one that
        is not an open type, nor any type derived from it) is closed where it is used:
        ``unevaluatedProperties`` sees the properties of the whole ``allOf`` chain, where
        ``additionalProperties`` on a shape would refuse the properties its derived types add."""
        found = self.model.get(type_name)
        if found is None:
            return primitive_schema(type_name)
        if found.kind == ENUM:
            return _component(type_name)
        family = [type_name, *self.schemas.descendants(type_name)]
        alternatives = self.alternatives(found)
        if len(alternatives) > 1:
            self.unions.add(type_name)
            schema = _component(type_name + POLYMORPHIC)
        else:  # the type alone, or an abstract type with one concrete type below it
            schema = _component(alternatives[0])
        open_family = self.open_family.get(type_name)
        if open_family is None:
            open_family = any(o.open_type for name in family for o in self.schemas.lineage(self.model.get(name) or found))
            self.open_family[type_name] = open_family
        if open_family:
            return schema
        return {**schema, "patternProperties": CONTROL_ANNOTATIONS, "unevaluatedProperties": False}

    def member(self, type_name: str, collection: bool, nullable: bool, description: str = "") -> dict[str, Any]:
        schema = self.ref(type_name)
        if collection:
            schema = {"type": "array", "items": schema}
        if nullable:  # as the JSON Schemas say, and so the mock reads a body (a null collection too)
            schema = _nullable(schema)
        return {"description": description, **schema} if description else schema

    def shape(self, t: Type) -> dict[str, Any]:
        """The type's own component."""
        head: dict[str, Any] = {"title": self.titles[t.full_name]}
        if t.description:
            head["description"] = t.description
        if t.kind == ENUM:
            names = [m.name for m in t.members]
            if t.flags:
                return {**head, "type": "string", "pattern": self.schemas.type_context(t)["flags_pattern"]}
            return {**head, "type": "string", "enum": names}
        # @odata.type names the type or one derived from it, as the JSON Schemas (and the mock) demand;
        # a derived type's allOf narrows its base's names to its own
        names = [t.full_name, *self.schemas.descendants(t.full_name)]
        alternatives = "|".join(re.escape(name) for name in names)
        properties: dict[str, Any] = {"@odata.type": {"type": "string", "pattern": f"^#?({alternatives})$"}}
        for p in t.properties:
            schema = self.member(p.type, p.collection, p.nullable, p.description)
            properties[p.name] = {**schema, "readOnly": True} if p.read_only else schema
        for n in t.navigation_properties:
            properties[n.name] = self.member(n.type, n.collection, not n.collection, n.description)
        own: dict[str, Any] = {"type": "object", "properties": properties}
        if t.open_type:  # said, not left to the default: Redocly's example check reads silence as closed
            own["additionalProperties"] = True
        if t.base_type is not None and self.model.get(t.base_type) is not None:
            return {**head, "allOf": [_component(t.base_type), own]}
        return {**head, **own}

    def alternatives(self, t: Type) -> list[str]:
        """What a value of ``t`` may be: it and its derived types, the abstract ones left out."""
        return [n for n in [t.full_name, *self.schemas.descendants(t.full_name)] if not self._abstract(n)] or [t.full_name]

    def union(self, t: Type) -> dict[str, Any]:
        """``anyOf`` the type and its derived types (``@odata.type`` tells them apart when a
        payload gives it)."""
        return {"title": f"{self.titles[t.full_name]} or a type derived from it", "anyOf": [_component(n) for n in self.alternatives(t)]}

    def _abstract(self, name: str) -> bool:
        found = self.model.get(name)
        return found is not None and found.abstract

    def collection(self, type_name: str) -> dict[str, Any]:
        """A page of a collection: ``value`` and the link to the next page."""
        if self.model.get(type_name) is None:
            return {
                "type": "object",
                "properties": {"value": {"type": "array", "items": primitive_schema(type_name)}},
                "required": ["value"],
            }
        self.collections.add(type_name)
        return _component(type_name + COLLECTION)

    def components(self) -> dict[str, Any]:
        """A component per type, the unions something refers to (the types' properties,
        the operations, the pages of collections) after each type, then the pages."""
        shapes = {t.full_name: self.shape(t) for t in self.model.types}
        pages = {
            name + COLLECTION: {
                "title": f"a page of {self.titles[name]}",
                "type": "object",
                "properties": {
                    "@odata.context": {"type": "string"},
                    "@odata.count": {"type": "integer"},
                    "@odata.nextLink": {"type": "string"},
                    "value": {"type": "array", "items": self.ref(name)},
                },
                "required": ["value"],
            }
            for name in sorted(self.collections)
        }
        found: dict[str, Any] = {}
        for t in self.model.types:
            found[t.full_name] = shapes[t.full_name]
            if t.full_name in self.unions:
                found[t.full_name + POLYMORPHIC] = self.union(t)
        return {**found, **pages}

    # -- operations ----------------------------------------------------------------
    def writable(self, value: Any, type_name: str) -> Any:
        """A request example without the properties its type (or the type its
        ``@odata.type`` names) marks read-only, at any depth: a request never sets them, and
        tools check a request example against the schema as a request sees it."""
        if isinstance(value, list):
            return [self.writable(item, type_name) for item in value]
        found = self.model.get(type_name)
        if not isinstance(value, dict) or found is None or found.kind == ENUM:
            return value
        stated = value.get("@odata.type")
        if isinstance(stated, str) and stated.lstrip("#") in self.schemas.descendants(type_name):
            found = self.model.get(stated.lstrip("#")) or found
        members: dict[str, tuple[str, bool]] = {}
        for owner in self.schemas.lineage(found):
            members.update((p.name, (p.type, p.read_only)) for p in owner.properties)
            members.update((n.name, (n.type, False)) for n in owner.navigation_properties)
        kept: dict[str, Any] = {}
        for key, item in value.items():
            member = members.get(key)
            if member is None:
                kept[key] = item
            elif not member[1]:
                kept[key] = self.writable(item, member[0])
        return kept

    def request_body(self, op: Operation) -> dict[str, Any] | None:
        examples = {
            name: {"value": self.writable(body, op.body) if op.body else body} for name, body in self.mock.requests.get(op.id, [])
        }
        if op.kind in ("create", "update", "replace") and op.body and self.model.get(op.body) is not None:
            schema = self.ref(op.body)
        elif op.kind in ("add-ref", "set-ref"):
            self.references = True
            schema = _component(REFERENCE)
        elif op.kind == "put-value":
            return {"required": True, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}
        elif op.kind == "action" and op.parameters:
            schema = {
                "type": "object",
                "properties": {p.name: self.member(p.type, p.collection, True, p.description) for p in op.parameters},
            }
        else:
            return None
        content: dict[str, Any] = {"schema": schema}
        if examples:
            content["examples"] = examples
        return {"required": op.kind != "action", "content": {"application/json": content}}

    def response_schema(self, op: Operation) -> dict[str, Any] | None:
        kind = op.kind
        if kind in ("list",) and op.item:
            return self.collection(op.item)
        if kind in ("get", "create", "update", "replace") and op.item and self.model.get(op.item) is not None:
            return self.ref(op.item)
        if kind == "get-ref":
            self.references = True
            return {"type": "object", "properties": {"value": {"type": "array", "items": _component(REFERENCE)}}}
        if kind in ("action", "function", "get", "create") and op.returns:
            if op.returns_collection:
                return self.collection(op.returns)
            if is_primitive(op.returns):
                return {"type": "object", "properties": {"value": _nullable(primitive_schema(op.returns))}}
            return self.ref(op.returns)
        return None

    def success(self, op: Operation) -> dict[str, Any]:
        answer: dict[str, Any] = {"description": "Success"}
        if op.kind == "count":
            answer["content"] = {"text/plain": {"schema": {"type": "integer", "minimum": 0}}}
            return answer
        if op.kind == "get-value":
            answer["content"] = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
            return answer
        schema = self.response_schema(op)
        if schema is None or op.status == 204:
            return answer
        content: dict[str, Any] = {"schema": schema}
        example = self.mock.answers.get(op.id)
        if example is not None:
            content["example"] = example
        answer["content"] = {"application/json": content}
        return answer

    def parameters(self, op: Operation, path: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}} for name in compile_template(path).params
        ]
        collection = op.kind == "list" or (op.kind in ("action", "function") and op.returns_collection)
        for name in _query.allowed(op.kind, collection):
            schema = _OPTION_SCHEMAS.get(name) or {"type": "string", "pattern": _query.PATTERNS[name]}
            found.append({"name": name, "in": "query", "required": False, "schema": schema})
        return found

    def operation(self, op: Operation, path: str, index: int) -> dict[str, Any]:
        owner = self.model.get(op.owner)
        result: dict[str, Any] = {
            "operationId": op.id if index == 0 else f"{op.id}.path{index + 1}",
            "summary": op.name,
            "tags": [owner.name if owner else op.owner],
            "parameters": self.parameters(op, path),
        }
        if op.description:
            result["description"] = op.description
        body = self.request_body(op)
        if body is not None:
            result["requestBody"] = body
        error = {"description": "An error, in Microsoft Graph's shape", "content": {"application/json": {"schema": _component(ERROR)}}}
        result["responses"] = {str(op.status): self.success(op), "4XX": error, "5XX": error}
        security = self.security(op)
        if security:
            result["security"] = security
        return result

    def security(self, op: Operation) -> list[dict[str, list[str]]]:
        """The permissions the operation's page names, each enough on its own: delegated
        ones (a signed-in user's, work, school or personal account) and the app's own."""
        delegated = tuple(dict.fromkeys(n for p in op.permissions if p.kind != "application" for n in p.names))
        application = tuple(dict.fromkeys(n for p in op.permissions if p.kind == "application" for n in p.names))
        for scheme, names in ((DELEGATED, delegated), (APPLICATION, application)):
            self.scopes[scheme].update((name, f"{name} ({scheme} permission)") for name in names)
        return [{DELEGATED: [name]} for name in delegated] + [{APPLICATION: [name]} for name in application]

    def links(self, paths: dict[str, dict[str, Any]]) -> None:
        """Each create's answer links to the operations on the item it made (the path below
        the create's with one more key, filled from the answer's key property), so a client
        or a stateful tester goes from the create to the item."""
        by_pattern: dict[str, str] = {pattern(path): path for path in paths}
        order = {pat: index for index, pat in enumerate(by_pattern)}  # of two item spellings, the first path's
        for path, methods in paths.items():
            post = methods.get("post")
            if post is None or post.get("x-kind") != "create":
                continue
            key = post.get("x-key")
            below = pattern(path)
            spellings = [pat for pat in (below + "/{}", below + "({})") if pat in by_pattern]
            item_path = by_pattern[min(spellings, key=order.__getitem__)] if spellings else None
            if item_path is None or not key:
                continue
            params = compile_template(path).params
            item_params = compile_template(item_path).params
            if item_params[: len(params)] != params or len(item_params) != len(params) + 1:
                continue
            links: dict[str, Any] = {}
            for method, target in paths[item_path].items():
                filled = {name: f"$request.path.{name}" for name in params}
                filled[item_params[-1]] = f"$response.body#/{key}"
                links[f"{method}Item"] = {"operationId": target["operationId"], "parameters": filled}
            status = next((code for code in post["responses"] if code.startswith("2")), None)
            if links and status is not None:
                post["responses"][status]["links"] = links

    def document(self) -> dict[str, Any]:
        paths: dict[str, dict[str, Any]] = {}
        keys: dict[str, str] = {}  # a path with its keys blanked -> the first spelling of it
        for op in self.model.operations:
            for index, documented in enumerate(op.paths):
                if "?" in documented:
                    continue
                key = keys.setdefault(pattern(documented), openapi_path(documented))
                methods = paths.setdefault(key, {})
                if op.http_method.lower() not in methods:
                    methods[op.http_method.lower()] = self.operation(op, key, index)
                    if op.kind == "create" and op.key:
                        methods[op.http_method.lower()].update({"x-kind": op.kind, "x-key": op.key})
        self.links(paths)
        for methods in paths.values():
            for operation in methods.values():
                operation.pop("x-kind", None)
                operation.pop("x-key", None)
        return {
            "paths": dict(sorted(paths.items())),
            "schemas": self.components(),
            "references": self.references,
            "version": graph_version(self.model),
            "schemes": self.schemes(),
        }

    def schemes(self) -> dict[str, Any]:
        """OAuth2 on the Microsoft identity platform: a user's sign-in (authorization code)
        for delegated permissions, the app's own credentials for application ones; each
        with every permission the pages name."""
        delegated = {"authorizationUrl": f"{_LOGIN}/authorize", "tokenUrl": f"{_LOGIN}/token", "scopes": dict(sorted(self.scopes[DELEGATED].items()))}
        application = {"tokenUrl": f"{_LOGIN}/token", "scopes": dict(sorted(self.scopes[APPLICATION].items()))}
        return {
            DELEGATED: {
                "type": "oauth2",
                "description": "Delegated permissions: the app acts for a signed-in user (Microsoft identity platform)",
                "flows": {"authorizationCode": delegated},
            },
            APPLICATION: {
                "type": "oauth2",
                "description": "Application permissions: the app acts on its own, with no signed-in user (Microsoft identity platform)",
                "flows": {"clientCredentials": application},
            },
        }


def files(views: Views) -> dict[str, str | bytes]:
    parts = OpenApiView(views).document()
    return {
        FILE: render_encoded(
            "openapi/openapi.json.j2", dialect=DIALECT, error=ERROR, reference=REFERENCE, versions=_VERSIONS, **parts
        )
    }
