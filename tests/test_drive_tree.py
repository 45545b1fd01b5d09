"""A drive in the mock as Graph keeps one (issue 24): every item of a drive in one
collection (``/drives/{id}/items/{id}``), a folder's ``children`` a view of it by parent,
``root`` one of its items, and ``/me/drive`` the drive ``/drives/{its id}`` is, so an item
made or seeded at one of those URLs is the item at the others."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pages import resource
from starlette.testclient import TestClient
from test_operations import KEYED, api, row

from generator.service.serve import load_app

ITEM = "[driveItem](driveitem.md)"
DRIVE = "[drive](drive.md)"
PAGES: dict[str, str | bytes] = {
    "resources/user.md": resource(
        "user",
        [("id", "String", "Key."), ("displayName", "String", "Name.")],
        relationships=[("drive", DRIVE, "The user's drive.")],
        methods=[row("Get user", "user-get", "[user](user.md)")],
        annotation=KEYED % "user",
    ),
    "resources/drive.md": resource(
        "drive",
        [("id", "String", "Key."), ("name", "String", "Name.")],
        relationships=[("items", f"{ITEM} collection", "Every item of the drive."), ("root", ITEM, "The root folder.")],
        methods=[row("Get drive", "drive-get", DRIVE)],
        annotation=KEYED % "drive",
    ),
    "resources/driveitem.md": resource(
        "driveItem",
        [
            ("id", "String", "Key."),
            ("name", "String", "Name."),
            ("folder", "[folder](folder.md)", "Set on a folder."),
            ("root", "[root](root.md)", "Set on the root folder."),
            ("parentReference", "[itemReference](itemreference.md)", "Its folder."),
        ],
        relationships=[("children", f"{ITEM} collection", "A folder's items.")],
        methods=[
            row("Get item", "driveitem-get", ITEM),
            row("List children", "driveitem-list-children", f"{ITEM} collection"),
            row("Create folder", "driveitem-post-children", ITEM),
            row("Delete item", "driveitem-delete", "None"),
        ],
        annotation=KEYED % "driveItem",
    ),
    "resources/folder.md": resource("folder", [("childCount", "Int32", "Items in it.")]),
    "resources/root.md": resource("root", []),
    "resources/itemreference.md": resource("itemReference", [("id", "String", "The item's id."), ("driveId", "String", "Its drive's id.")]),
    "api/user-get.md": api(
        "Get user",
        "GET /users/{id}\nGET /me",
        example="/me",
        response='{"id": "u1", "displayName": "Ada"}',
        response_type="microsoft.graph.user",
    ),
    "api/drive-get.md": api(
        "Get drive",
        "GET /drives/{drive-id}\nGET /me/drive\nGET /users/{id}/drive",
        example="/me/drive",
        response='{"id": "d1", "name": "OneDrive"}',
        response_type="microsoft.graph.drive",
    ),
    "api/driveitem-get.md": api(
        "Get item",
        "GET /drives/{drive-id}/items/{item-id}\nGET /me/drive/items/{item-id}",
        example="/me/drive/items/r1",
        response='{"id": "r1", "name": "root", "root": {}, "folder": {"childCount": 1}}',
        response_type="microsoft.graph.driveItem",
    ),
    # the docs' children sit under /me/drive, under a folder (f1) they show no GET of
    "api/driveitem-list-children.md": api(
        "List children",
        "GET /drives/{drive-id}/items/{item-id}/children\nGET /me/drive/items/{item-id}/children",
        example="/me/drive/items/f1/children",
        response='{"value": [{"id": "a1", "name": "a.txt"}]}',
        response_type="microsoft.graph.driveItem",
        collection=True,
    ),
    "api/driveitem-post-children.md": api(
        "Create folder",
        "POST /drives/{drive-id}/items/{parent-item-id}/children\nPOST /me/drive/items/{parent-item-id}/children",
        example="/me/drive/items/f1/children",
        body='{"name": "New Folder", "folder": {}}',
        status="201 Created",
        response='{"id": "n1", "name": "New Folder", "folder": {"childCount": 0}}',
        response_type="microsoft.graph.driveItem",
    ),
    "api/driveitem-delete.md": api(
        "Delete item",
        "DELETE /drives/{drive-id}/items/{item-id}\nDELETE /me/drive/items/{item-id}",
        example="/me/drive/items/f1",
        status="204 No Content",
    ),
}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import model_of

    from generator.emit import emit_all
    from generator.output.write import write_tree

    model = model_of(tmp_path_factory.mktemp("docs"), PAGES)
    folder = tmp_path_factory.mktemp("out") / "generated"
    write_tree(folder, emit_all(model, ["models", "handlers", "schemas"]))
    return folder


@pytest.fixture
def mock(out: Path) -> Iterator[TestClient]:
    with TestClient(load_app(out), base_url="http://graph.localhost", raise_server_exceptions=False) as client:
        yield client


def ids(client: TestClient, url: str) -> list[str]:
    answer = client.get(url)
    assert answer.status_code == 200, f"{url}: {answer.text}"
    return [item["id"] for item in answer.json()["value"]]


def without_context(body: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in body.items() if k != "@odata.context"}


def test_me_drive_is_the_drive_its_id_names_and_its_items_are_one_collection(mock: TestClient) -> None:
    assert mock.get("/drives/d1").json()["id"] == mock.get("/me/drive").json()["id"] == "d1"
    assert mock.get("/users/u1/drive").json()["id"] == "d1"
    assert mock.get("/drives/d1/root").json()["id"] == "r1"  # the item with the root facet
    # what the docs show under /me/drive is at /drives/d1: a1 in f1, f1 (no folder named) in root
    assert ids(mock, "/drives/d1/items/f1/children") == ids(mock, "/me/drive/items/f1/children") == ["a1"]
    assert mock.get("/drives/d1/items/a1").json()["name"] == "a.txt"
    assert ids(mock, "/drives/d1/items/root/children") == ["f1"]
    assert ids(mock, "/me/drive/root/children") == ["f1"]


def test_an_item_made_in_a_folder_is_an_item_of_the_drive(mock: TestClient) -> None:
    made = mock.post("/drives/d1/root/children", json={"name": "SDK folder", "folder": {}})
    assert made.status_code == 201, made.text
    new = made.json()["id"]
    assert made.json()["parentReference"] == {"id": "r1", "driveId": "d1"}
    read = mock.get(f"/drives/d1/items/{new}")
    assert read.status_code == 200 and read.json()["name"] == "SDK folder"
    for elsewhere in (f"/me/drive/items/{new}", f"/drives/d1/items/root/children/{new}"):
        assert without_context(mock.get(elsewhere).json()) == without_context(read.json()), elsewhere
    assert ids(mock, "/drives/d1/items/root/children") == ["f1", new]
    assert ids(mock, "/drives/d1/items/f1/children") == ["a1"]

    inner = mock.post(f"/me/drive/items/{new}/children", json={"name": "inner"}).json()["id"]
    assert ids(mock, f"/drives/d1/items/{new}/children") == [inner]
    assert mock.get(f"/drives/d1/items/{inner}").json()["parentReference"]["id"] == new

    assert mock.delete(f"/drives/d1/items/{new}").status_code == 204
    assert mock.get(f"/drives/d1/items/{new}").status_code == 404
    assert mock.get(f"/me/drive/items/{new}").status_code == 404
    assert mock.get(f"/drives/d1/items/{inner}").status_code == 404  # a folder's items go with it
    assert ids(mock, "/drives/d1/items/root/children") == ["f1"]
    assert mock.get(f"/drives/d1/items/{new}/children").status_code == 404


def test_the_seed_names_the_alias_and_only_real_urls(out: Path) -> None:
    import json

    seed = json.loads((out / "handlers" / "seed.json").read_text(encoding="utf-8"))
    assert ["/users/u1/drive", "/drives/d1"] in seed
    assert all("{" not in entry[0] for entry in seed)
