"""Readings of the pages that the service's own metadata showed graphdoc had wrong, each on a
small page and on the real one.

Each error was found by ``lint --metadata`` (the model against the service's CSDL) and
confirmed on the pages themselves: a base the docs show only by where an answer lives, a
``"baseType": null`` the implicit entity base ignored, a literal GUID read as a name, enum
members spelt in another case, actions and root type names read as navigation properties,
and functions whose syntax leaves out the parentheses their examples call them with.
"""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS, codes, model_of, needs_corpus
from generator.model.ir import Model
from generator.model.resolve import resolve
from generator.parse.load import read_page
from generator.parse.page import parse_page
from pages import api_page, resource

ENTITY = resource(
    "entity",
    [("id", "String", "The identifier. Read-only.")],
    annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id"}',
)


def keyed(name: str, properties: list[tuple[str, str, str]], **more: object) -> str:
    annotation = f'{{"blockType": "resource", "@odata.type": "microsoft.graph.{name}", "keyProperty": "id"}}'
    return resource(name, properties, annotation=annotation, **more)  # type: ignore[arg-type]


def answering(page: str, type_name: str) -> str:
    """An API page whose response example is of ``type_name``."""
    return page.replace("microsoft.graph.thing", f"microsoft.graph.{type_name}")


def corpus_model(*names: str) -> Model:
    return resolve(read_page(CORPUS / name, CORPUS) for name in names if (CORPUS / name).exists())


def navigation(model: Model, type_name: str) -> list[tuple[str, str, bool]]:
    found = model.get(f"microsoft.graph.{type_name}")
    assert found is not None, type_name
    return [(n.name, n.type.rsplit(".", 1)[-1], n.collection) for n in found.navigation_properties]


# -- a literal GUID in a path is a key ---------------------------------------------------------------

GUID = "acdefc6b-2dc6-4e71-b1e9-6d9810ab1793"


def test_a_literal_guid_in_a_syntax_path_is_a_key(tmp_path: Path) -> None:
    """``GET /school/classes/acdefc6b-.../gradingSettings`` is the gradingSettings of one class,
    as ``/school/classes/{id}/gradingSettings`` is: the walk reads the GUID as the class's key."""
    school = resource("schoolRoot", [("name", "String", "Name.")], relationships=[("classes", "[schoolClass](schoolclass.md) collection", "Classes.")])
    school_class = keyed(
        "schoolClass",
        [("id", "String", "Id.")],
        methods=[("[List classes](../api/schoolclass-list.md)", "[schoolClass](schoolclass.md) collection", "All.")],
    )
    settings = keyed(
        "gradingSettings",
        [("id", "String", "Id.")],
        methods=[("[Get gradingSettings](../api/gradingsettings-get.md)", "[gradingSettings](gradingsettings.md)", "One.")],
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/schoolroot.md": school,
            "resources/schoolclass.md": school_class,
            "resources/gradingsettings.md": settings,
            "api/schoolclass-list.md": api_page("List classes", "GET /school/classes"),
            "api/gradingsettings-get.md": answering(api_page("Get gradingSettings", f"GET /school/classes/{GUID}/gradingSettings"), "gradingSettings"),
        },
    )
    assert navigation(model, "schoolClass") == [("gradingSettings", "gradingSettings", False)]
    assert not any(GUID in n.name for t in model.types for n in t.navigation_properties)


@needs_corpus
def test_real_page_written_with_a_literal_guid() -> None:
    """The assignment settings page as a later tree writes it, with the class's literal id in
    its syntax: the class still gets its assignmentSettings (as the service has it)."""
    page = "api/educationassignmentsettings-get.md"
    text = (CORPUS / page).read_text(encoding="utf-8").replace("/education/classes/{id}/assignmentSettings", f"/education/classes/{GUID}/assignmentSettings")
    assert GUID in text
    names = ["resources/entity.md", "resources/educationroot.md", "resources/educationclass.md", "resources/educationassignmentsettings.md", "api/educationroot-list-classes.md"]
    model = resolve([*(read_page(CORPUS / name, CORPUS) for name in names), parse_page(text, page)])
    assert ("assignmentSettings", "educationAssignmentSettings", False) in navigation(model, "educationClass")
    assert "NAVIGATION_FROM_PATH" in codes(model)


# -- "baseType": null says the type has no base ----------------------------------------------------


def test_an_explicit_null_base_type_blocks_the_entity_base(tmp_path: Path) -> None:
    """``"baseType": null`` in the annotation of the type's own page says it derives from
    nothing: no entity base is assumed for it. A relationship still makes one with an id an
    entity keyed by it; one with no id it leaves a value (nothing it derives from keys it)."""
    shot = resource(
        "snapshot",
        [("id", "String", "Id."), ("width", "Int32", "Width.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.snapshot", "baseType": null}',
    )
    exif = resource(
        "exif",
        [("camera", "String", "Camera."), ("iso", "Int32", "ISO.")],
        annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.exif", "baseType": null}',
    )
    album = keyed(
        "album",
        [("id", "String", "Id.")],
        relationships=[
            ("snapshots", "[snapshot](snapshot.md) collection", "Shots."),
            ("covers", "[cover](cover.md) collection", "Covers."),
            ("exifs", "[exif](exif.md) collection", "Camera data."),
        ],
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/album.md": album,
            "resources/snapshot.md": shot,
            "resources/exif.md": exif,
            "resources/cover.md": resource("cover", [("id", "String", "Id."), ("height", "Int32", "Height.")]),
        },
    )
    snapshot, cover, camera = (model.get(f"microsoft.graph.{name}") for name in ("snapshot", "cover", "exif"))
    assert snapshot is not None and cover is not None and camera is not None
    assert snapshot.base_type is None and snapshot.kind == "entity"  # keyed by the relationship, derived from nothing
    assert [p.name for p in snapshot.properties] == ["id", "width"]
    assert cover.base_type == "microsoft.graph.entity"  # no annotation says otherwise
    assert (camera.base_type, camera.kind, camera.key_property) == (None, "complex", None)
    assert [p.name for p in camera.properties] == ["camera", "iso"]  # no key made up for it
    assert not any(name in d.message for d in model.diagnostics if d.code == "ENTITY_BASE_ASSUMED" for name in ("snapshot", "exif"))


@needs_corpus
def test_real_null_base_type() -> None:
    """``photo.md`` says ``"baseType": null`` and lists no id (``user.md``'s photos row
    names it where the service has profilePhoto): complex and derived from nothing, as the
    service has it."""
    model = corpus_model("resources/entity.md", "resources/photo.md", "resources/user.md", "resources/profilephoto.md")
    photo = model.get("microsoft.graph.photo")
    assert photo is not None and (photo.base_type, photo.kind) == (None, "complex")


# -- an action at the end of a POST path is no navigation property -------------------------------


def test_a_post_to_an_action_adds_no_navigation_property(tmp_path: Path) -> None:
    """``POST /groups/{id}/threads/{id}/reply`` is the thread's reply action (its own page says
    so), even where another page creates an attachment by posting there; ``POST
    .../items/{id}/invite`` answers the permissions it grants, a collection, where a create
    answers the one item it made; an "Add" at ``.../add`` is named after the segment it posts
    to. ``POST .../items/{id}/tags`` creates a tag: a navigation property."""
    group = keyed(
        "group",
        [("id", "String", "Id.")],
        relationships=[("threads", "[thread](thread.md) collection", "Threads.")],
        methods=[("[List groups](../api/group-list.md)", "[group](group.md) collection", "All.")],
    )
    thread = keyed("thread", [("id", "String", "Id.")], methods=[("[reply](../api/thread-reply.md)", "None", "Reply.")])
    attachment = keyed(
        "attachment",
        [("id", "String", "Id.")],
        methods=[("[Add attachment](../api/thread-post-attachments.md)", "[attachment](attachment.md)", "Add one.")],
    )
    item = keyed(
        "item",
        [("id", "String", "Id.")],
        methods=[
            ("[List items](../api/item-list.md)", "[item](item.md) collection", "All."),
            ("[Add permissions](../api/item-invite.md)", "[permission](permission.md) collection", "Invite."),
            ("[Create tag](../api/item-post-tags.md)", "[tag](tag.md)", "Tag it."),
            ("[Add](../api/item-add.md)", "[item](item.md)", "Add an item beside it."),
        ],
    )
    created = "201 Created"
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/group.md": group,
            "resources/thread.md": thread,
            "resources/attachment.md": attachment,
            "resources/item.md": item,
            "resources/permission.md": keyed("permission", [("id", "String", "Id.")]),
            "resources/tag.md": keyed("tag", [("id", "String", "Id.")]),
            "api/group-list.md": api_page("List groups", "GET /groups"),
            "api/thread-reply.md": api_page("thread: reply", "POST /groups/{id}/threads/{id}/reply", status="202 Accepted"),
            "api/thread-post-attachments.md": api_page("Add attachment", "POST /groups/{id}/threads/{id}/reply", status="202 Accepted"),
            "api/item-list.md": api_page("List items", "GET /items"),
            "api/item-invite.md": api_page("Send a sharing invitation", "POST /items/{id}/invite", response='{"value": []}'),
            "api/item-post-tags.md": api_page("Create tag", "POST /items/{id}/tags", response='{"id": "1"}', status=created),
            "api/item-add.md": api_page("item: add", "POST /items/{id}/add", response='{"id": "2"}', status=created),
        },
    )
    assert navigation(model, "thread") == []
    assert navigation(model, "item") == [("tags", "tag", True)]


@needs_corpus
def test_real_actions_are_no_navigation_properties() -> None:
    model = corpus_model(
        "resources/entity.md",
        "resources/group.md",
        "resources/conversationthread.md",
        "resources/post.md",
        "resources/attachment.md",
        "resources/driveitem.md",
        "resources/permission.md",
        "resources/drive.md",
        "api/group-list.md",
        "api/group-list-threads.md",
        "api/conversationthread-reply.md",
        "api/post-reply.md",
        "api/post-post-attachments.md",
        "api/driveitem-invite.md",
        "api/permission-grant.md",
        "api/drive-get.md",
    )
    assert not any(name in ("reply", "invite", "grant") for t in model.types for name in (n.name for n in t.navigation_properties))


# -- a root segment typed by its name alone holds no navigation of a value type ----------------------


def test_a_root_named_like_a_complex_type_adds_it_no_navigation(tmp_path: Path) -> None:
    """``/identity`` is a singleton no request reads, and ``identity`` is a complex type (the
    actor of an identitySet): the name alone doesn't make the value type the root's, so the
    paths under it give ``identity`` no navigation properties (they are still followed: the
    list at ``/identity/userFlows`` lists user flows). An entity named so (``/teamwork``, a
    ``teamwork``) still holds what its paths imply."""
    identity = resource("identity", [("displayName", "String", "Name."), ("id", "String", "Id.")])
    flow = keyed(
        "userFlow",
        [("id", "String", "Id.")],
        methods=[
            ("[List userFlows](../api/identity-list-userflows.md)", "[userFlow](userflow.md) collection", "All."),
            ("[Create userFlow](../api/identity-post-userflows.md)", "[userFlow](userflow.md)", "Make one."),
        ],
    )
    integration = keyed(
        "workforceIntegration",
        [("id", "String", "Id.")],
        methods=[("[List workforceIntegrations](../api/teamwork-list.md)", "[workforceIntegration](workforceintegration.md) collection", "All.")],
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/identity.md": identity,
            "resources/identityset.md": resource("identitySet", [("user", "[identity](identity.md)", "The user.")]),
            "resources/userflow.md": flow,
            "resources/teamwork.md": keyed("teamwork", [("id", "String", "Id.")]),
            "resources/workforceintegration.md": integration,
            "api/identity-list-userflows.md": api_page("List userFlows", "GET /identity/userFlows"),
            "api/identity-post-userflows.md": api_page("Create userFlow", "POST /identity/userFlows", response='{"id": "1"}', status="201 Created"),
            "api/teamwork-list.md": api_page("List workforceIntegrations", "GET /teamwork/workforceIntegrations"),
        },
    )
    assert navigation(model, "identity") == []
    assert not any("microsoft.graph.identity:" in d.message for d in model.diagnostics if d.code == "NAVIGATION_FROM_PATH")
    listing = next(op for op in model.operations if op.paths == ("/identity/userFlows",) and op.http_method == "GET")
    assert (listing.kind, listing.item) == ("list", "microsoft.graph.userFlow")
    assert navigation(model, "teamwork") == [("workforceIntegrations", "workforceIntegration", True)]


@needs_corpus
def test_real_identity_root_is_not_the_identity_type() -> None:
    model = corpus_model(
        "resources/entity.md",
        "resources/identity.md",
        "resources/identityset.md",
        "resources/identityuserflowattribute.md",
        "resources/identityuserflow.md",
        "api/identityuserflowattribute-post.md",
        "api/identityuserflowattribute-list.md",
        "api/identityuserflow-list.md",
    )
    assert navigation(model, "identity") == []


# -- possible values are an enum's members in another case, or but for unknownFutureValue -------------


def test_possible_values_are_an_enums_members_in_another_case(tmp_path: Path) -> None:
    """``notStarted, running, completed, failed`` are operationStatus's ``NotStarted, Running,
    Completed, Failed``: Graph's names don't differ by case. ``unknownFutureValue``, the
    sentinel an evolvable enum adds, doesn't tell two member sets apart either."""
    from pages import enum_page

    operation = resource(
        "operation",
        [
            ("status", "String", "Possible values are: `notStarted`, `running`, `completed`, `failed`."),
            ("mode", "String", "Possible values are: `manual`, `automatic`, `unknownFutureValue`."),
            ("tone", "String", "Possible values are: `low`, `high`."),  # two enums have these: neither is taken
        ],
    )
    model = model_of(
        tmp_path,
        {
            "resources/operation.md": operation,
            "resources/operationstatus.md": enum_page("operationStatus", [("NotStarted", "0", ""), ("Running", "1", ""), ("Completed", "2", ""), ("Failed", "3", "")]),
            "resources/runmode.md": enum_page("runMode", [("manual", "0", ""), ("automatic", "1", "")]),
            "resources/pitch.md": enum_page("pitch", [("Low", "0", ""), ("High", "1", "")]),
            "resources/volume.md": enum_page("volume", [("low", "0", ""), ("high", "1", ""), ("unknownFutureValue", "2", "")]),
        },
    )
    found = model.get("microsoft.graph.operation")
    assert found is not None
    assert [(p.name, p.type) for p in found.properties] == [
        ("status", "microsoft.graph.operationStatus"),
        ("mode", "microsoft.graph.runMode"),
        ("tone", "Edm.String"),
    ]
    assert codes(model).count("ENUM_FROM_VALUES") == 2


@needs_corpus
def test_real_possible_values_in_another_case() -> None:
    model = corpus_model("resources/commsoperation.md", "resources/enums.md", "resources/entity.md")
    operation = model.get("microsoft.graph.commsOperation")
    assert operation is not None
    assert [p.type for p in operation.properties if p.name == "status"] == ["microsoft.graph.operationStatus"]  # as the service has it


# -- an answer that lives in a relationship typed X is an X ------------------------------------------


def _action_answering(title: str, path: str, body: str, status: str = "200 OK", location: str = "", notification: str = "") -> str:
    """An action's API page whose response example carries a ``Location`` header (and a
    notification example after it, when given)."""
    header = f"Location: {location}\n" if location else ""
    extra = ""
    if notification:
        extra = f"""
### Notification

```http
POST https://bot.contoso.com/api/calls
Content-Type: application/json
```

<!-- {{ "blockType": "example", "@odata.type": "microsoft.graph.commsNotifications" }} -->
```json
{notification}
```
"""
    return f"""---
title: "{title}"
doc_type: apiPageType
---

# {title}

Namespace: microsoft.graph

Does {title}.

## HTTP request
<!-- {{ "blockType": "ignored" }} -->
```http
POST {path}
```

## Response

If successful, this method returns a `{status}` response code.

## Examples

### Request
<!-- {{ "blockType": "request", "name": "{title}" }} -->
```http
POST https://graph.microsoft.com/beta{path.replace("{id}", "57dab8b1-894c-409a-b240-bd8beae78896")}
Content-type: application/json

{{}}
```

### Response
<!-- {{ "blockType": "response", "truncated": true }} -->
```http
HTTP/1.1 {status}
{header}Content-Type: application/json

{body}
```
{extra}"""


def _calls(more: dict[str, str]) -> dict[str, str]:
    call = keyed(
        "call",
        [("id", "String", "Id.")],
        relationships=[("operations", "[task](task.md) collection", "Its operations.")],
        methods=[("[List calls](../api/call-list.md)", "[call](call.md) collection", "All.")],
    )
    task = resource("task", [("id", "String", "Id."), ("status", "String", "The status.")])
    return {
        "resources/entity.md": ENTITY,
        "resources/call.md": call,
        "resources/task.md": task,
        "api/call-list.md": api_page("List calls", "GET /communications/calls"),
        **more,
    }


def test_an_answer_located_in_a_relationship_derives_from_its_type(tmp_path: Path) -> None:
    """``POST /communications/calls/{id}/mute`` answers a ``muteTask`` whose ``Location`` is
    ``.../calls/57dab8b1-.../operations/17e3b46c-...``, an item of the call's ``operations``,
    a collection of ``task``: a muteTask is a task (its page names no base). A notification
    whose ``resourceUrl`` is there, holding a ``toneTask``, says the same of toneTask. A
    ``202 Accepted`` with a Location (a monitor of the work) says nothing, nor does an answer
    whose type names its base."""
    at = "https://graph.microsoft.com/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/operations/17e3b46c-f61d-4f4d-9635-c626ef18e6ad"
    mute = resource("muteTask", [("id", "String", "Id."), ("status", "String", "The status."), ("muted", "Boolean", "Muted.")])
    tone = resource("toneTask", [("id", "String", "Id."), ("tone", "String", "Tone.")])
    session = resource("sessionInfo", [("id", "String", "Id."), ("persisted", "Boolean", "Kept.")])
    named = resource("namedTask", [("id", "String", "Id.")], inherits="entity")
    notification = (
        '{"@odata.type": "#microsoft.graph.commsNotifications", "value": [{"@odata.type": "#microsoft.graph.commsNotification", '
        '"changeType": "deleted", "resourceUrl": "/communications/calls/57DAB8B1894C409AB240BD8BEAE78896/operations/0FE0623FD62842EDB4BD8AC290072CC5", '
        '"resourceData": {"@odata.type": "#microsoft.graph.toneTask", "id": "0fe0623f", "tone": "tone1"}}]}'
    )
    model = model_of(
        tmp_path,
        _calls(
            {
                "resources/mutetask.md": mute,
                "resources/tonetask.md": tone,
                "resources/sessioninfo.md": session,
                "resources/namedtask.md": named,
                "api/call-mute.md": _action_answering(
                    "call: mute", "/communications/calls/{id}/mute", '{"@odata.type": "#microsoft.graph.muteTask", "id": "17e3b46c", "muted": true}', location=at, notification=notification
                ),
                "api/call-keep.md": _action_answering(
                    "call: keep", "/communications/calls/{id}/keep", '{"@odata.type": "#microsoft.graph.sessionInfo", "id": "1", "persisted": true}', status="202 Accepted", location=at
                ),
                "api/call-name.md": _action_answering("call: name", "/communications/calls/{id}/name", '{"@odata.type": "#microsoft.graph.namedTask", "id": "2"}', status="201 Created", location=at),
            }
        ),
    )
    types = {t.name: t for t in model.types}
    assert types["task"].kind == "entity"  # the call's relationship leads to it
    assert (types["muteTask"].base_type, types["muteTask"].kind) == ("microsoft.graph.task", "entity")
    assert [p.name for p in types["muteTask"].properties] == ["muted"]  # id and status are task's
    assert types["toneTask"].base_type == "microsoft.graph.task"
    assert types["sessionInfo"].base_type is None  # a 202's Location tells nothing of its answer
    assert types["namedTask"].base_type == "microsoft.graph.entity"  # its page says so
    said = [d for d in model.diagnostics if d.code == "BASE_FROM_LOCATION"]
    assert sorted(d.type for d in said) == ["microsoft.graph.muteTask", "microsoft.graph.toneTask"]
    assert all(d.found == "microsoft.graph.task" and d.path.startswith("api/call-mute.md") for d in said)


def test_the_location_reading_is_info_and_listed() -> None:
    from generator.base.diagnostics import CODES

    assert CODES["BASE_FROM_LOCATION"][0] == "info"


@needs_corpus
def test_real_comms_operations_derive_from_comms_operation() -> None:
    operations = [
        "cancelMediaProcessingOperation",
        "inviteParticipantsOperation",
        "muteParticipantOperation",
        "playPromptOperation",
        "recordOperation",
        "subscribeToToneOperation",
        "unmuteParticipantOperation",
        "updateRecordingStatusOperation",
    ]
    pages = ["call-cancelmediaprocessing", "participant-invite", "call-mute", "call-playprompt", "call-record", "call-subscribetotone", "call-unmute", "call-updaterecordingstatus"]
    model = corpus_model(
        "resources/entity.md",
        "resources/call.md",
        "resources/commsoperation.md",
        "resources/participant.md",
        "api/call-get.md",
        "api/application-post-calls.md",
        "api/workbook-createsession.md",
        "resources/workbooksessioninfo.md",
        *(f"resources/{name.lower()}.md" for name in operations),
        *(f"api/{page}.md" for page in pages),
    )
    for name in operations:
        found = model.get(f"microsoft.graph.{name}")
        assert found is not None and (found.base_type, found.kind) == ("microsoft.graph.commsOperation", "entity"), name  # as the service has them
    session = model.get("microsoft.graph.workbookSessionInfo")
    assert session is not None and session.base_type is None  # workbook-createsession answers 202 with a Location


# -- a function its syntax writes without parentheses, called with them ---------------------------


def test_a_function_called_with_arguments_its_syntax_leaves_out(tmp_path: Path) -> None:
    """``GET /grants/filterByCurrentUser`` is written without the parameter list its example
    calls it with (``filterByCurrentUser(on='allowedRequestor')``): it is that function, not a
    list at ``.../filterByCurrentUser`` nor, for the example, the grant keyed
    ``filterByCurrentUser(on=...``. Its path takes the argument as a placeholder, so any value
    reaches it."""
    grant = keyed(
        "grant",
        [("id", "String", "Id.")],
        methods=[
            ("[List grants](../api/grant-list.md)", "[grant](grant.md) collection", "All."),
            ("[Get grant](../api/grant-get.md)", "[grant](grant.md)", "One."),
            ("[filterByCurrentUser](../api/grant-filterbycurrentuser.md)", "[grant](grant.md) collection", "Mine."),
        ],
    )
    mine = api_page("grant: filterByCurrentUser", "GET /grants/filterByCurrentUser", response='{"value": []}').replace(
        "beta/grants/filterByCurrentUser", "beta/grants/filterByCurrentUser(on='allowedRequestor')"
    )
    assert "filterByCurrentUser(on='allowedRequestor')" in mine
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/grant.md": grant,
            "api/grant-list.md": api_page("List grants", "GET /grants"),
            "api/grant-get.md": api_page("Get grant", "GET /grants/{id}"),
            "api/grant-filterbycurrentuser.md": mine,
        },
    )
    (op,) = [op for op in model.operations if op.source is not None and op.source.path == "api/grant-filterbycurrentuser.md"]
    assert (op.kind, op.paths, op.function_parameters) == ("function", ("/grants/filterByCurrentUser(on='{on}')",), ("on",))
    from generator.payloads.mockdata import route, router

    (request,) = [e for e in model.examples if e.kind == "request" and e.source.path == "api/grant-filterbycurrentuser.md"]
    found = route(router(model), request)
    assert found is not None and found.value.id == op.id  # not the get of a grant keyed "filterByCurrentUser(on=..."


@needs_corpus
def test_real_functions_called_with_arguments() -> None:
    model = corpus_model(
        "resources/entity.md",
        "resources/accesspackage.md",
        "resources/intune-shared-mobileapp.md",
        "api/accesspackage-filterbycurrentuser.md",
        "api/accesspackage-get.md",
        "api/accesspackage-list.md",
        "api/intune-shared-mobileapp-getmobileappcount.md",
        "api/intune-shared-mobileapp-get.md",
    )
    paths = {op.source.path: (op.kind, op.paths) for op in model.operations if op.source is not None}
    assert paths["api/accesspackage-filterbycurrentuser.md"] == ("function", ("/identityGovernance/entitlementManagement/accessPackages/filterByCurrentUser(on='{on}')",))
    assert paths["api/intune-shared-mobileapp-getmobileappcount.md"] == ("function", ("/deviceAppManagement/mobileApps/getMobileAppCount(status='{status}')",))
