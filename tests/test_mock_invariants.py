"""The mock behaves as one Graph: the invariants the README states, held by a stateful
property test (hypothesis) over the specs' mock and a sample of the corpus's resources,
and by a test of each on small pages.

The invariants:
1. nothing a client sends, and nothing the docs seeded, answers a 5xx;
2. what a list returns is readable at its own URL with the same body; keys are unique
   in a collection;
3. a collection of an existing item answers 200 with its (possibly empty) value; 404
   only when the item does not exist;
4. create, then list includes it, get returns it, update shows in both; delete makes it
   404 and gone from the list;
5. ``/me/...`` and ``/users/{me}/...`` are one thing; Graph's key aliases resolve;
6. ``$expand`` survives ``$select``; an option the mock can't follow is a 400 naming it;
   ``GET /$metadata`` serves the CSDL;
7. requests are read as Graph reads them: enum members in any case, actions by their
   bare or namespace-qualified name.
"""

from __future__ import annotations

import json
import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import GENERATED, SPECS, CorpusChecks, needs_corpus
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, initialize, invariant, rule
from starlette.testclient import TestClient

from generator.model.ir import ENTITY, Model, Operation
from generator.pipeline import build_model
from generator.runtime.handlers._routes import blank
from generator.service.serve import load_app

WRITES = ("create", "update", "replace", "delete")


class Client:
    """A test client that holds every answer to invariant 1: never a 5xx."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.failures: list[str] = []

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        response = self.client.request(method, url, **kwargs)
        if response.status_code >= 500:
            self.failures.append(f"{method} {url}: {response.status_code} {response.text[:300]}")
        return response

    def get(self, url: str, **kwargs: Any) -> Any:
        return self.request("GET", url, **kwargs)


def served(out: Path) -> Iterator[Client]:
    with TestClient(load_app(out), base_url="http://graph.localhost", raise_server_exceptions=False) as client:
        yield Client(client)


def without_context(body: Any) -> Any:
    """An answer without what differs between a list's item and the item read alone."""
    if isinstance(body, dict):
        return {k: v for k, v in body.items() if k not in ("@odata.context", "@odata.nextLink")}
    return body


# -- the resources a machine works on ---------------------------------------------
@dataclass
class Resource:
    """A collection and what the docs let a client do with its items."""

    name: str
    collection: str  # a URL path, its parents' keys filled in
    key: str
    item_type: str
    ops: dict[str, Operation] = field(default_factory=dict)  # kind -> operation
    body: dict[str, Any] = field(default_factory=dict)  # what a create sends
    change: str | None = None  # a string property an update may set


def _request_body(model: Model, op: Operation) -> dict[str, Any] | None:
    """The first JSON object a request example of the operation's page sends."""
    for example in model.examples:
        if example.source.path == (op.source.path if op.source else "") and example.kind == "request" and example.http_method == op.http_method:
            try:
                body = example.payload()
            except ValueError:
                continue
            if isinstance(body, dict):
                return body
    return None


def _writable_string(model: Model, type_name: str, key: str) -> str | None:
    held = model.get(type_name)
    owners = [held, *model.ancestors(type_name)] if held else []
    for t in owners:
        for p in t.properties:
            if p.type == "Edm.String" and not p.collection and not p.read_only and p.name != key and re.fullmatch(r"[a-z]\w*", p.name) and "name" in p.name.lower():
                return p.name
    return None


def resources(model: Model, client: Client, wanted: int | None = None, seed: int = 0) -> list[Resource]:
    """The collections the docs create items in, with their lists and item operations
    (``wanted``: a sample of so many, drawn with ``seed``, the documented ones first)."""
    by_pattern: dict[tuple[str, str], dict[str, Operation]] = {}
    for op in model.operations:
        for path in op.paths:
            by_pattern.setdefault((op.http_method, blank(path)), {}).setdefault(op.kind, op)
    found: list[Resource] = []
    seen: set[str] = set()
    for op in model.operations:
        if op.kind != "create" or not op.item or not op.key or "$" in op.paths[0] or ":" in op.paths[0]:
            continue
        pattern = blank(op.paths[0])
        made = model.get(op.item)
        if pattern in seen or made is None or made.kind != ENTITY:
            continue
        seen.add(pattern)
        ops = {"create": op}
        for method, kind in (("GET", "list"), ("GET", "get"), ("PATCH", "update"), ("DELETE", "delete")):
            at = pattern if kind == "list" else pattern + "/{}"
            other = by_pattern.get((method, at), {}).get(kind)
            if other is not None:
                ops[kind] = other
        if "get" not in ops or "list" not in ops:
            continue
        collection = _filled(op.paths[0], client)
        if collection is None:
            continue
        body = _request_body(model, op) or {}
        body = {k: v for k, v in body.items() if not k.startswith("@odata.") or k == "@odata.type"}
        found.append(Resource(op.id, collection, op.key, op.item, ops, body, _writable_string(model, op.item, op.key)))
    if wanted is not None and len(found) > wanted:
        found = random.Random(seed).sample(found, wanted)
    return found


def _filled(path: str, client: Client) -> str | None:
    """A documented collection path with each parent key one the mock holds there."""
    segments = path.strip("/").split("/")
    for index, segment in enumerate(segments):
        if re.fullmatch(r"\{[^{}]*\}", segment):
            collection = "/" + "/".join(segments[:index])
            keys = client.get("/_graphdoc/keys", params={"path": collection}).json().get("value", [])
            segments[index] = quote(keys[0]["key"], safe="") if keys else "p1"
        elif "{" in segment or "(" in segment:
            return None
    return "/" + "/".join(segments)


# -- the machine --------------------------------------------------------------------
class MockMachine(RuleBasedStateMachine):
    """Create, read, list, update and delete in any order, on any of the resources; after
    every step the mock's answers agree with what was done (invariants 1 to 4)."""

    client: Client
    resources: list[Resource]

    made = Bundle("made")

    def __init__(self) -> None:
        super().__init__()
        self.live: dict[tuple[str, str], dict[str, Any]] = {}  # (resource, key) -> what was sent
        self.gone: set[tuple[str, str]] = set()

    @initialize()
    def start_from_the_docs(self) -> None:
        assert self.client.request("POST", "/_graphdoc/reset").status_code == 204

    def resource(self, name: str) -> Resource:
        return next(r for r in self.resources if r.name == name)

    @rule(target=made, index=st.integers(min_value=0), tag=st.text("abcdefghij", min_size=1, max_size=8))
    def create(self, index: int, tag: str) -> tuple[str, str]:
        resource = self.resources[index % len(self.resources)]
        key = f"made-{tag}-{uuid.uuid4().hex[:8]}"
        body = {**resource.body, resource.key: key}
        answer = self.client.request("POST", resource.collection, json=body)
        assert answer.status_code in (200, 201), (resource.name, answer.status_code, answer.text[:300])
        assert str(answer.json().get(resource.key)) == key
        self.live[(resource.name, key)] = body
        return resource.name, key

    @rule(made=made)
    def get(self, made: tuple[str, str]) -> None:
        resource = self.resource(made[0])
        answer = self.client.get(f"{resource.collection}/{quote(made[1], safe='')}")
        if made in self.gone:
            assert answer.status_code == 404, answer.text[:300]
            return
        assert answer.status_code == 200, (resource.name, answer.text[:300])
        assert str(answer.json().get(resource.key)) == made[1]  # the item asked for
        for name, value in self.live[made].items():
            if not name.startswith("@") and isinstance(value, (str, bool, int)):
                assert answer.json().get(name) == value, (name, value, answer.json().get(name))

    @rule(index=st.integers(min_value=0))
    def list_all(self, index: int) -> None:
        resource = self.resources[index % len(self.resources)]
        answer = self.client.get(resource.collection, params={"$top": "999"})
        assert answer.status_code == 200, (resource.name, answer.text[:300])
        items = answer.json()["value"]
        keys = [str(item.get(resource.key)) for item in items]
        assert len(keys) == len(set(keys)), f"{resource.collection} lists a key twice"  # invariant 2
        for (name, key), sent in self.live.items():
            if name == resource.name and (name, key) not in self.gone:
                listed = next((item for item in items if str(item.get(resource.key)) == key), None)
                assert listed is not None, f"{key} made at {resource.collection} is not listed"
                for prop, value in sent.items():
                    if not prop.startswith("@") and isinstance(value, (str, bool, int)):
                        assert listed.get(prop) == value, (prop, value, listed.get(prop))
        assert not any((resource.name, key) in self.gone for key in keys), "a deleted item is listed"

    @rule(index=st.integers(min_value=0))
    def listed_items_read_alone(self, index: int) -> None:
        """Invariant 2: what a list returns is what a get of it returns."""
        resource = self.resources[index % len(self.resources)]
        items = self.client.get(resource.collection).json()["value"]
        for item in items[:5]:
            key = item.get(resource.key)
            alone = self.client.get(f"{resource.collection}/{quote(str(key), safe='')}")
            assert alone.status_code == 200, (resource.collection, key, alone.text[:300])
            assert without_context(alone.json()) == without_context(item)

    @rule(made=made, text=st.text("abcdefghijklmnop ", min_size=1, max_size=12))
    def update(self, made: tuple[str, str], text: str) -> None:
        resource = self.resource(made[0])
        if "update" not in resource.ops or resource.change is None or made in self.gone:
            return
        url = f"{resource.collection}/{quote(made[1], safe='')}"
        answer = self.client.request("PATCH", url, json={resource.change: text})
        assert answer.status_code in (200, 204), answer.text[:300]
        self.live[made] = {**self.live[made], resource.change: text}
        assert self.client.get(url).json().get(resource.change) == text

    @rule(made=consumes(made))
    def delete(self, made: tuple[str, str]) -> None:
        resource = self.resource(made[0])
        if "delete" not in resource.ops or made in self.gone:
            return
        url = f"{resource.collection}/{quote(made[1], safe='')}"
        assert self.client.request("DELETE", url).status_code == 204
        self.gone.add(made)
        assert self.client.get(url).status_code == 404

    @rule(index=st.integers(min_value=0))
    def a_missing_item(self, index: int) -> None:
        resource = self.resources[index % len(self.resources)]
        assert self.client.get(f"{resource.collection}/no-such-{uuid.uuid4().hex}").status_code == 404

    @invariant()
    def never_a_server_error(self) -> None:
        assert not self.client.failures, self.client.failures


def run_machine(client: Client, found: list[Resource], examples: int) -> None:
    assert found, "no resource to work on"
    machine = type("Machine", (MockMachine,), {"client": client, "resources": found})
    test = machine.TestCase
    test.settings = settings(
        max_examples=examples, stateful_step_count=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    test().runTest()


@pytest.fixture(scope="module")
def specs_client() -> Iterator[Client]:
    yield from served(GENERATED)


def test_the_specs_mock_holds_the_invariants_whatever_is_done(specs_client: Client) -> None:
    found = resources(build_model(SPECS), specs_client)
    assert {r.item_type for r in found} >= {"microsoft.graph.synchronizationJob"}
    run_machine(specs_client, found, examples=30)


@needs_corpus
@pytest.mark.corpus_checks
def test_a_sample_of_the_corpus_resources_holds_them(corpus_model: Model, corpus_checks: CorpusChecks) -> None:
    for client in served(corpus_checks.out):
        found = resources(corpus_model, client)
        names = {r.collection.lower() for r in found}
        for wanted in ("/groups", "/applications"):
            assert wanted in names, sorted(names)[:50]
        sample = [r for r in found if r.collection.lower() in ("/groups", "/applications")]
        sample += random.Random(24).sample([r for r in found if r not in sample], 10)
        run_machine(client, sample, examples=25)


# -- each invariant on small pages ------------------------------------------------------
# The widgets of test_operations, and beside them: a page that shows how to read a widget's
# extensions at the widget's own path (as the open extension pages do); things of an
# abstract type whose update page names its item by a placeholder; sites with a root.
from pages import resource  # noqa: E402
from test_operations import KEYED, PAGES, api, row  # noqa: E402

ABSTRACT = '{"blockType": "resource", "@odata.type": "microsoft.graph.thing", "keyProperty": "id", "abstract": true}'
THING = "[thing](thing.md)"
WORLD: dict[str, str | bytes] = {
    **PAGES,
    "resources/widget.md": str(PAGES["resources/widget.md"]).replace(
        "|photo|[photo](photo.md)|Photo.|", "|photo|[photo](photo.md)|Photo.|\n|extensions|[extension](extension.md) collection|Extensions.|"
    ),
    "resources/extension.md": resource(
        "extension",
        [("id", "String", "Key."), ("extensionName", "String", "Name.")],
        methods=[row("Get extension", "extension-get", "[extension](extension.md)")],
        annotation=KEYED % "extension",
    ),
    # as the open extension pages do: first a request of the widget itself, and an answer
    # that reads as a list of extensions
    "api/extension-get.md": api(
        "Get extension",
        "GET /widgets/{id}?$expand=extensions\nGET /widgets/{id}/extensions/{extensionId}",
        example="/widgets/w1/extensions",
        response='{"value": [{"id": "e1", "extensionName": "color"}]}',
        response_type="microsoft.graph.extension",
        collection=True,
    ),
    "resources/thing.md": resource(
        "thing",
        [("id", "String", "Key."), ("label", "String", "Label.")],
        methods=[
            row("List things", "thing-list", f"{THING} collection"),
            row("Update thing", "thing-update", THING),
            row("Submit things", "thing-submit", "None"),
        ],
        annotation=ABSTRACT,
    ),
    "resources/bigthing.md": resource(
        "bigThing",
        [("weight", "Int32", "Weight.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.bigThing", "baseType": "microsoft.graph.thing"}',
    ),
    "resources/smallthing.md": resource(
        "smallThing",
        [("size", "Int32", "Size.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.smallThing", "baseType": "microsoft.graph.thing"}',
    ),
    "api/thing-list.md": api(
        "List things",
        "GET /things",
        response='{"value": [{"id": "t1", "label": "which kind?"}, {"@odata.type": "#microsoft.graph.bigThing", "id": "t2", "weight": 9}]}',
        response_type="microsoft.graph.thing",
        collection=True,
    ),
    "api/thing-update.md": api("Update thing", "PATCH /things/{thingId}", body='{"label": "new"}', status="204 No Content"),
    "api/thing-submit.md": api("Submit things", "POST /things/submitThings", status="204 No Content"),
    "resources/site.md": resource(
        "site",
        [("id", "String", "Key."), ("webUrl", "String", "Address."), ("root", "[root](root.md)", "Set on the root site.")],
        methods=[row("List sites", "site-list", "[site](site.md) collection"), row("Get site", "site-get", "[site](site.md)")],
        annotation=KEYED % "site",
    ),
    "resources/root.md": resource("root", []),
    "api/site-list.md": api(
        "List sites",
        "GET /sites",
        response='{"value": [{"id": "s1", "webUrl": "https://contoso.example/teams/a"}, {"id": "s2", "webUrl": "https://contoso.example", "root": {}}]}',
        response_type="microsoft.graph.site",
        collection=True,
    ),
    "api/site-get.md": api(
        "Get site",
        "GET /sites/{site-id}",
        example="/sites/s1",
        response='{"id": "s1", "webUrl": "https://contoso.example/teams/a"}',
        response_type="microsoft.graph.site",
    ),
}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Model, Path]:
    from conftest import model_of

    from generator.emit import emit_all
    from generator.output.write import write_tree

    model = model_of(tmp_path_factory.mktemp("docs"), WORLD)
    out = tmp_path_factory.mktemp("out") / "generated"
    write_tree(out, emit_all(model, ["models", "handlers", "schemas", "csdl"]))
    return model, out


@pytest.fixture
def mock(world: tuple[Model, Path]) -> Iterator[Client]:
    for client in served(world[1]):
        client.request("POST", "/_graphdoc/reset")
        yield client
        assert not client.failures, client.failures  # invariant 1, whatever the test did


def test_a_path_belongs_to_the_resource_it_addresses(world: tuple[Model, Path], mock: Client) -> None:
    model, _ = world
    at: dict[tuple[str, str], list[Operation]] = {}
    for op in model.operations:
        for path in op.paths:
            at.setdefault((op.http_method, blank(path)), []).append(op)
    assert [op.id for op in at[("GET", "/widgets/{}")]] == ["widget.getWidget"]
    (extension,) = at[("GET", "/widgets/{}/extensions/{}")]
    assert (extension.kind, extension.item) == ("get", "microsoft.graph.extension")
    answer = mock.get("/widgets/w1", params={"$expand": "extensions"})
    assert answer.status_code == 200 and answer.json()["id"] == "w1", answer.text
    mock.request("PATCH", "/widgets/w1", json={"name": "renamed"})
    assert mock.get("/widgets/w1").json()["name"] == "renamed"


_KEY = re.compile(
    r"^\{[^{}]*\}$|^[^/]*\((?:'?\{[^()]*\}'?|'[^()']*')\)$"
)  # {id}, items('{id}'), x('a')
_CAST = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")


class _Walk:
    """What a path addresses, read from the types alone: from an entity set or singleton
    the docs GET at the root, one property name (or key, or type cast) at a time. None
    where the types leave it open (a name no type of the family declares, or declares
    with different types)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.derived: dict[str, list[str]] = {}
        for t in model.types:
            if t.base_type:
                self.derived.setdefault(t.base_type, []).append(t.full_name)
        self.roots: dict[str, tuple[str, bool]] = {
            "me": ("microsoft.graph.user", False)
        }
        for op in model.operations:
            if op.http_method == "GET" and op.kind in ("list", "get") and op.item:
                for path in op.paths:
                    segments = [s for s in path.split("/") if s]
                    if len(segments) == 1 and not _KEY.match(segments[0]):
                        self.roots.setdefault(
                            segments[0].lower(), (op.item, op.kind == "list")
                        )

    def _declared(self, names: list[str], name: str) -> set[tuple[str, bool]]:
        found = set()
        for type_name in names:
            t = self.model.get(type_name)
            found |= {
                (p.type, p.collection)
                for p in (*t.properties, *t.navigation_properties)
                if p.name.lower() == name
            }
        return found

    def _family(self, type_name: str) -> list[str]:
        out, todo = [], [type_name]
        while todo:
            name = todo.pop()
            if name not in out:
                out.append(name)
                todo += self.derived.get(name, [])
        return out[1:]

    def addressed(self, path: str) -> tuple[str, bool] | None:
        segments = [s for s in path.split("/") if s]
        at = self.roots.get(segments[0].lower()) if segments else None
        if at is None:
            return None
        type_name, collection = at
        for segment in segments[1:]:
            if _KEY.match(segment):
                if not collection:
                    return None
                collection = False
            elif _CAST.match(segment) and self.model.get(segment) is not None:
                type_name = segment
            elif collection:
                return None
            else:
                name = segment.lower()
                own = self._declared(
                    [
                        type_name,
                        *(t.full_name for t in self.model.ancestors(type_name)),
                    ],
                    name,
                )
                found = own or self._declared(self._family(type_name), name)
                if len(found) != 1:
                    return None
                ((type_name, collection),) = found
                if self.model.get(type_name) is None:
                    return None
        return type_name, collection


@needs_corpus
def test_every_corpus_path_belongs_to_the_resource_it_addresses(
    corpus_model: Model,
) -> None:
    """Each get, list, create, update, replace and delete at a path the types can follow
    (from a root collection or singleton through property names) works on the entity
    that path addresses or one derived from it: a page documenting its method at many
    resources' paths (extended properties, open extensions) never takes over another's.
    """
    walk = _Walk(corpus_model)
    checked, wrong = 0, []
    for op in corpus_model.operations:
        if op.kind not in ("list", "get", *WRITES):
            continue
        for path in op.paths:
            addressed = walk.addressed(path)
            if addressed is None or corpus_model.get(addressed[0]).kind != ENTITY:
                continue
            if op.http_method != "GET" and (op.kind == "create") != addressed[1]:
                continue  # a create is made in a collection; the others act on one item
            checked += 1
            if op.item != addressed[0] and addressed[0] not in {
                t.full_name for t in corpus_model.ancestors(op.item or "")
            }:
                wrong.append(
                    f"{op.http_method} {path}: {op.id} works on {op.item}, the path addresses {addressed[0]}"
                )
    assert checked > 4000, checked
    assert not wrong, f"{len(wrong)} of {checked}:\n" + "\n".join(wrong[:30])


def test_seeds_are_at_real_urls_and_of_a_kind_that_can_be_made(world: tuple[Model, Path], mock: Client) -> None:
    seed = json.loads((world[1] / "handlers" / "seed.json").read_text(encoding="utf-8"))
    assert all("{" not in path for path, *_ in seed), [p for p, *_ in seed if "{" in p]
    things = mock.get("/things").json()["value"]
    # t1 names no kind and a thing is abstract: left out; t2 is a bigThing; the update
    # page's {thingId} is t2, the first thing the docs show, not a thing called "{thingId}"
    assert [(t["id"], t["@odata.type"]) for t in things] == [("t2", "#microsoft.graph.bigThing")]
    assert mock.request("PATCH", "/things/t2", json={"label": "changed"}).status_code == 204
    assert mock.get("/things/t2").status_code == 405  # the docs document no get of one thing


def test_an_abstract_example_that_names_no_kind_is_reported(world: tuple[Model, Path]) -> None:
    from generator.service.lint import check_examples

    found = [d for d in check_examples(world[0]).diagnostics if d.code == "EXAMPLE_ABSTRACT"]
    assert [(d.path, d.type) for d in found] == [("api/thing-list.md", "microsoft.graph.thing")]
    assert "/value/0" in found[0].message and "microsoft.graph.bigThing" in found[0].message


def test_an_existing_items_empty_collection_is_empty_and_a_missing_items_is_404(mock: Client) -> None:
    made = mock.request("POST", "/widgets", json={"id": "w7", "name": "new"})
    assert made.status_code == 201
    assert mock.get("/widgets/w7/parts").json()["value"] == []
    assert mock.get("/widgets/nope/parts").status_code == 404
    assert mock.request("POST", "/widgets/nope/parts/$ref", json={"@odata.id": "https://graph.microsoft.com/beta/parts/p1"}).status_code == 404


def test_me_is_that_user_and_root_is_the_root_site(mock: Client) -> None:
    assert without_context(mock.get("/me").json()) == without_context(mock.get("/users/u1").json())
    assert mock.get("/me/widgets").json()["value"] == mock.get("/users/u1/widgets").json()["value"]
    assert mock.get("/sites/root").json()["id"] == "s2"
    assert mock.get("/sites/S1").json()["id"] == "s1"  # a key in another case


def test_expand_survives_select_and_search_reads_graphs_syntax(mock: Client) -> None:
    answer = mock.get("/widgets/w1", params={"$select": "name", "$expand": "parts"}).json()
    assert answer["name"] == "first" and "size" not in answer and [p["id"] for p in answer["parts"]] == ["p1"]
    found = mock.get("/widgets", params={"$search": '"name:first"'}).json()["value"]
    assert [w["id"] for w in found] == ["w1"]
    either = mock.get("/widgets", params={"$search": '"name:first" OR "name:second"'}).json()["value"]
    assert sorted(w["id"] for w in either) == ["w1", "w2"]
    refused = mock.get("/widgets", params={"$apply": "groupby((name))"})
    assert refused.status_code == 400 and "$apply" in refused.json()["error"]["message"]


def test_metadata_is_served_where_the_context_points(world: tuple[Model, Path], mock: Client) -> None:
    answer = mock.get("/$metadata")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/xml")
    assert answer.content == (world[1] / "metadata.xml").read_bytes()
    assert mock.get("/widgets/w1").json()["@odata.context"].startswith("http://graph.localhost/$metadata#")


def test_enum_members_in_any_case_and_actions_by_qualified_name(mock: Client) -> None:
    made = mock.request("POST", "/widgets", json={"id": "w8", "state": "Paused"})
    assert made.status_code == 201, made.text
    assert made.json()["state"] == "paused" and mock.get("/widgets/w8").json()["state"] == "paused"
    assert mock.request("POST", "/widgets/w1/microsoft.graph.pause").status_code == 204
    assert mock.get("/widgets/w1").json()["state"] == "paused"
    assert mock.request("POST", "/things/microsoft.graph.submitThings").status_code == 204
    assert mock.get("/widgets/w1/microsoft.graph.usage(period='D7')").status_code == 200


def test_json_batching(mock: Client) -> None:
    batch = {
        "requests": [
            {"id": "1", "method": "POST", "url": "/widgets", "headers": {"Content-Type": "application/json"}, "body": {"id": "w9x", "name": "b"}},
            {"id": "2", "method": "GET", "url": "/widgets/w9x", "dependsOn": ["1"]},
            {"id": "3", "method": "GET", "url": "/widgets/nope"},
            {"id": "4", "method": "GET", "url": "/widgets/w1", "dependsOn": ["3"]},
        ]
    }
    answer = mock.request("POST", "/$batch", json=batch)
    assert answer.status_code == 200, answer.text
    by_id = {r["id"]: r for r in answer.json()["responses"]}
    assert by_id["1"]["status"] == 201 and by_id["2"]["status"] == 200 and by_id["2"]["body"]["name"] == "b"
    assert by_id["3"]["status"] == 404 and by_id["4"]["status"] == 424
    too_many = {"requests": [{"id": str(i), "method": "GET", "url": "/widgets"} for i in range(21)]}
    assert mock.request("POST", "/$batch", json=too_many).status_code == 400
