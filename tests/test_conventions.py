"""The conventions a person reading Graph's docs applies, each on a small page and on a real one.

Every inference is reported with an info diagnostic of its own, so a user sees
each assumption (and can --select it away).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, codes, model_of, needs_corpus
from generator.parse.load import read_page
from generator.model.ir import Model
from generator.model.resolve import resolve
from pages import api_page, enum_page, resource

ENTITY = resource(
    "entity",
    [("id", "String", "The identifier. Read-only.")],
    annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id"}',
)


def keyed(name: str, properties: list[tuple[str, str, str]], **more: str) -> str:
    annotation = f'{{"blockType": "resource", "@odata.type": "microsoft.graph.{name}", "keyProperty": "id"}}'
    return resource(name, properties, annotation=annotation, **more)  # type: ignore[arg-type]


def messages(model: Model, code: str) -> list[str]:
    return [d.message for d in model.diagnostics if d.code == code]


def corpus_model(*names: str) -> Model:
    return resolve(read_page(CORPUS / name, CORPUS) for name in names)


# -- 1. implicit entity base ------------------------------------------------------------


def test_a_type_keyed_by_id_derives_from_entity(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/widget.md": keyed("widget", [("id", "String", "Id."), ("size", "Int32", "Size.")]),
            "resources/ticket.md": resource(
                "ticket",
                [("number", "String", "Its key.")],
                annotation='{"blockType": "resource", "@odata.type": "microsoft.graph.ticket", "keyProperty": "number"}',
            ),
        },
    )
    widget, ticket = model.get("microsoft.graph.widget"), model.get("microsoft.graph.ticket")
    assert widget is not None and widget.base_type == "microsoft.graph.entity"
    assert [p.name for p in widget.properties] == ["size"]  # its id is entity's
    assert ticket is not None and ticket.base_type is None  # keyed by something else
    assert len(messages(model, "ENTITY_BASE_ASSUMED")) == 1


def test_without_a_documented_entity_nothing_is_assumed(tmp_path: Path) -> None:
    model = model_of(tmp_path, {"resources/widget.md": keyed("widget", [("id", "String", "Id.")])})
    widget = model.get("microsoft.graph.widget")
    assert widget is not None and widget.base_type is None and "ENTITY_BASE_ASSUMED" not in codes(model)


@needs_corpus
def test_real_keyed_page_without_a_base_derives_from_entity() -> None:
    model = corpus_model("resources/entity.md", "resources/accesspackage.md")
    package = model.get("microsoft.graph.accessPackage")
    assert package is not None and package.base_type == "microsoft.graph.entity"
    assert "ENTITY_BASE_ASSUMED" in codes(model)


# -- 2. base type statements anywhere on the page -------------------------------------------


def test_inherited_from_in_a_row_names_the_base(tmp_path: Path) -> None:
    page = resource(
        "special",
        [
            ("id", "String", "Its id. Inherited from [entity](entity.md)."),
            ("name", "String", "Inherited from [named](named.md)."),
            ("team", "String", "The [teamsApp](teamsapp.md) it belongs to, inherited from nobody."),
        ],
    ).replace(
        '"@odata.type": "microsoft.graph.special"}', '"@odata.type": "microsoft.graph.special", "keyProperty": "id"}'
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/named.md": resource("named", [("name", "String", "Name.")], inherits="entity"),
            "resources/teamsapp.md": resource("teamsApp", [("x", "String", "X.")]),
            "resources/special.md": page,
        },
    )
    special = model.get("microsoft.graph.special")
    assert special is not None and special.base_type == "microsoft.graph.named"  # the most derived named
    assert "BASE_FROM_TEXT" in codes(model)


def test_only_the_link_right_after_the_phrase_is_the_base(tmp_path: Path) -> None:
    page = resource("teamsAppInstallation", [("app", "String", "An app.")])
    page = page.replace(
        "Describes teamsAppInstallation.",
        "Describes teamsAppInstallation.\n\n## Notes\n\nIt is derived from the [teamsAppBase](teamsappbase.md), "
        "unlike [teamsApp](teamsapp.md).",
    )
    model = model_of(
        tmp_path,
        {
            "resources/teamsappbase.md": resource("teamsAppBase", [("a", "String", "A.")]),
            "resources/teamsapp.md": resource("teamsApp", [("b", "String", "B.")]),
            "resources/teamsappinstallation.md": page,
        },
    )
    installation = model.get("microsoft.graph.teamsAppInstallation")
    assert installation is not None and installation.base_type == "microsoft.graph.teamsAppBase"


@needs_corpus
def test_real_id_row_states_the_base() -> None:
    model = corpus_model("resources/identityproviderbase.md", "resources/builtinidentityprovider.md")
    provider = model.get("microsoft.graph.builtInIdentityProvider")
    assert provider is not None and provider.base_type == "microsoft.graph.identityProviderBase"
    assert any("the id row" in m for m in messages(model, "BASE_FROM_TEXT"))


# -- 3. derived-type lists on base pages ------------------------------------------------------


def test_a_base_page_listing_its_derived_types_gives_them_their_base(tmp_path: Path) -> None:
    base = resource("reply", [("note", "String", "Note.")]).replace(
        "Describes reply.", "An abstract reply.\n\n## Derived types\n\n|Type|Description|\n|:--|:--|\n|[yes](yes.md)|Yes.|\n|[no](no.md)|No.|"
    )
    said = resource("outcome", [("a", "String", "A.")]).replace(
        "Describes outcome.", "The result. This is a base class; the derived types are [pass](pass.md) and [fail](fail.md)."
    )
    model = model_of(
        tmp_path,
        {
            "resources/reply.md": base,
            "resources/yes.md": resource("yes", [("y", "String", "Y.")]),
            "resources/no.md": resource("no", [("n", "String", "N.")], inherits="other"),  # its own page names one
            "resources/other.md": resource("other", [("o", "String", "O.")]),
            "resources/outcome.md": said,
            "resources/pass.md": resource("pass", [("p", "String", "P.")]),
            "resources/fail.md": resource("fail", [("f", "String", "F.")]),
        },
    )
    bases = {name: model.get(f"microsoft.graph.{name}").base_type for name in ("yes", "no", "pass", "fail")}  # type: ignore[union-attr]
    assert bases == {
        "yes": "microsoft.graph.reply",
        "no": "microsoft.graph.other",
        "pass": "microsoft.graph.outcome",
        "fail": "microsoft.graph.outcome",
    }
    assert codes(model).count("BASE_FROM_DERIVED_LIST") == 3


@needs_corpus
def test_real_derived_types_section() -> None:
    model = corpus_model("resources/participantjoiningresponse.md", "resources/acceptjoinresponse.md")
    accept = model.get("microsoft.graph.acceptJoinResponse")
    assert accept is not None and accept.base_type == "microsoft.graph.participantJoiningResponse"


# -- 4. entities without an id row ---------------------------------------------------------------


def test_a_type_its_api_pages_address_is_an_entity(tmp_path: Path) -> None:
    page = resource(
        "gadget",
        [("size", "Int32", "Size.")],
        methods=[("[Get gadget](../api/gadget-get.md)", "[gadget](gadget.md)", "Read one.")],
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/gadget.md": page,
            "api/gadget-get.md": api_page("Get gadget", "GET /gadgets/{id}"),
        },
    )
    gadget = model.get("microsoft.graph.gadget")
    assert gadget is not None and gadget.kind == "entity" and gadget.base_type == "microsoft.graph.entity"
    assert any("GET /gadgets/{id}" in m for m in messages(model, "ENTITY_FROM_PATHS"))


def test_a_type_a_relationship_leads_to_is_an_entity(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/owner.md": keyed("owner", [("id", "String", "Id.")], relationships=[("parts", "[part](part.md) collection", "Parts.")]),  # type: ignore[arg-type]
            "resources/part.md": resource("part", [("weight", "Int32", "Weight.")]),
        },
    )
    part = model.get("microsoft.graph.part")
    assert part is not None and part.kind == "entity" and part.key_property == "id"
    assert "ENTITY_FROM_RELATIONSHIP" in codes(model)


@needs_corpus
def test_real_relationship_target_is_an_entity() -> None:
    model = corpus_model("resources/entity.md", "resources/agreement.md", "resources/agreementacceptance.md")
    acceptance = model.get("microsoft.graph.agreementAcceptance")
    assert acceptance is not None and acceptance.kind == "entity" and acceptance.base_type == "microsoft.graph.entity"


# -- 5. navigation properties from API paths --------------------------------------------------------


def test_a_path_under_an_item_gives_its_type_a_navigation_property(tmp_path: Path) -> None:
    user = keyed(
        "user",
        [("id", "String", "Id.")],
        methods=[  # type: ignore[arg-type]
            ("[List users](../api/user-list.md)", "[user](user.md) collection", "All."),
            ("[Get me](../api/user-get.md)", "[user](user.md)", "One."),
            ("[List joinedTeams](../api/user-list-joinedteams.md)", "[team](team.md) collection", "Teams."),
        ],
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/user.md": user,
            "resources/team.md": keyed("team", [("id", "String", "Id.")]),
            "api/user-list.md": api_page("List users", "GET /users"),
            "api/user-get.md": api_page("Get me", "GET /me"),
            "api/user-list-joinedteams.md": api_page("List joinedTeams", "GET /users/{id}/joinedTeams\nGET /me/joinedTeams"),
        },
    )
    user_type = model.get("microsoft.graph.user")
    assert user_type is not None
    assert [(n.name, n.type, n.collection) for n in user_type.navigation_properties] == [("joinedTeams", "microsoft.graph.team", True)]
    (said,) = messages(model, "NAVIGATION_FROM_PATH")
    assert said.endswith(("from the path GET /me/joinedTeams", "from the path GET /users/{id}/joinedTeams")), said


@needs_corpus
def test_real_path_gives_a_navigation_property() -> None:
    pages = [
        "resources/entity.md",
        "resources/educationroot.md",
        "resources/educationclass.md",
        "resources/educationassignmentdefaults.md",
        "api/educationroot-list-classes.md",
        "api/educationassignmentdefaults-get.md",
    ]
    model = corpus_model(*[name for name in pages if (CORPUS / name).exists()])
    education_class = model.get("microsoft.graph.educationClass")
    assert education_class is not None
    assert ("assignmentDefaults", "microsoft.graph.educationAssignmentDefaults") in [
        (n.name, n.type) for n in education_class.navigation_properties
    ]


# -- 6. property types -------------------------------------------------------------------------------


def test_json_cells_a_string_with_values_and_either_of_two_types(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/json.md": resource("Json", [("x", "String", "X.")]),
            "resources/config.md": resource("config", [("kind", "String", "K.")]),
            "resources/apphosted.md": resource("appHosted", [("a", "String", "A.")], inherits="config"),
            "resources/servicehosted.md": resource("serviceHosted", [("s", "String", "S.")], inherits="config"),
            "resources/call.md": resource(
                "call",
                [
                    ("data", "Json", "Any data."),
                    ("state", "String", "Possible values are: `idle`, `busy`."),
                    ("media", "[appHosted](apphosted.md) or [serviceHosted](servicehosted.md)", "Media."),
                ],
            ),
        },
    )
    call = model.get("microsoft.graph.call")
    assert call is not None
    assert [(p.name, p.type, p.values) for p in call.properties] == [
        ("data", "microsoft.graph.Json", ()),
        ("state", "Edm.String", ("idle", "busy")),
        ("media", "microsoft.graph.config", ()),
    ]
    assert "COMMON_BASE_TYPE" in codes(model)


@needs_corpus
def test_real_either_type_cell_and_string_values() -> None:
    model = corpus_model(
        "resources/call.md", "resources/mediaconfig.md", "resources/apphostedmediaconfig.md", "resources/servicehostedmediaconfig.md"
    )
    call = model.get("microsoft.graph.call")
    assert call is not None
    media = next(p for p in call.properties if p.name == "mediaConfig")
    assert media.type == "microsoft.graph.mediaConfig"


# -- 7. flags from prose or bit values --------------------------------------------------------------


def test_flags_from_prose(tmp_path: Path) -> None:
    prose = enum_page("parts", [("none", "0", "No flags set."), ("apps", "1", "Apps."), ("tabs", "2", "Tabs.")])
    said = enum_page("scope", [("read", "1", ""), ("write", "2", "")]).replace("Values of scope.", "A multi-valued scope.")
    bits = enum_page("level", [("none", "0", ""), ("low", "1", ""), ("mid", "2", ""), ("high", "4", "")])  # bits prove nothing
    plain = enum_page("color", [("red", "0", "A multivalued attribute's colour."), ("green", "1", ""), ("blue", "2", "")])
    pages = {"resources/parts.md": prose, "resources/scope.md": said, "resources/level.md": bits, "resources/color.md": plain}
    model = model_of(tmp_path, pages)  # type: ignore[arg-type]
    flags = {t.name: t.flags for t in model.types}
    assert flags == {"parts": True, "scope": True, "level": False, "color": False}
    assert codes(model).count("FLAGS_INFERRED") == 2


def test_a_flags_value_with_spaces_validates(tmp_path: Path) -> None:
    from generator.emit.views import Views

    bits = enum_page("scope", [("none", "0", "No flags."), ("read", "1", ""), ("write", "2", ""), ("admin", "4", "")])
    model = model_of(tmp_path, {"resources/scope.md": bits})
    schemas = Views(model).schema_set
    assert schemas.validate("read, write, admin", "microsoft.graph.scope") == []
    assert schemas.validate("read, delete", "microsoft.graph.scope") != []


@needs_corpus
def test_real_enum_said_to_be_flags() -> None:
    model = corpus_model("resources/enums.md")
    verdict = model.get("microsoft.graph.chatMessagePolicyViolationVerdictDetailsType")
    assert verdict is not None and verdict.flags
    parts = corpus_model("resources/clonableteamparts.md").get("microsoft.graph.clonableTeamParts")
    assert parts is not None and not parts.flags  # values 1, 2, 4, 8, 16, and not a word of flags


def test_an_enum_page_without_a_namespace_joins_its_users(tmp_path: Path) -> None:
    values = "# Area enumeration values\n\n### stage values\n\n|Member|\n|:---|\n|draft|\n|final|\n"
    user = resource("plan", [("stage", "stage", "The stage.")], namespace="microsoft.graph.area")
    model = model_of(tmp_path, {"resources/enums-area.md": values, "resources/area-plan.md": user})
    plan = model.get("microsoft.graph.area.plan")
    assert plan is not None and plan.properties[0].type == "microsoft.graph.area.stage"
    assert "NAMESPACE_FROM_USE" in codes(model)


@needs_corpus
def test_real_enum_page_without_a_namespace() -> None:
    model = corpus_model("resources/enums-managedtenants.md", "resources/managedtenants-workloadstatus.md")
    status = model.get("microsoft.graph.managedTenants.workloadStatus")
    assert status is not None
    onboarding = next(p for p in status.properties if p.name == "onboardingStatus")
    assert onboarding.type == "microsoft.graph.managedTenants.workloadOnboardingStatus"


# -- 8. open types from prose ------------------------------------------------------------------------


def test_this_is_an_open_type(tmp_path: Path) -> None:
    page = resource(
        "bag", [("known", "String", "Known.")], json_block='{"known": "String", "someKey": "String"}'
    ).replace("Describes bag.", "A bag of values. This is an open type.")
    model = model_of(tmp_path, {"resources/bag.md": page})
    bag = model.get("microsoft.graph.bag")
    assert bag is not None and bag.open_type
    assert [p.name for p in bag.properties] == ["known"]  # keys only its JSON shows are not declared
    assert "OPEN_TYPE_FROM_TEXT" in codes(model) and "JSON_ONLY_PROPERTY" not in codes(model)


@needs_corpus
def test_real_open_type_from_prose() -> None:
    model = corpus_model("resources/plannerappliedcategories.md")
    categories = model.get("microsoft.graph.plannerAppliedCategories")
    assert categories is not None and categories.open_type


# -- 9. wrapped rows and the key's spelling ----------------------------------------------------------


def test_a_wrapped_row_is_one_row_and_key_id_is_property_id(tmp_path: Path) -> None:
    page = keyed("thing", [("id", "String", "Id."), ("mode", "String", "How it runs, which")]).replace(
        "|mode|String|How it runs, which|", "|mode|String|How it runs, which\ngoes on. Possible values are: `fast`, `slow`.|"
    ).replace('"keyProperty": "id"', '"keyProperty": "ID"')
    model = model_of(tmp_path, {"resources/thing.md": page})
    thing = model.get("microsoft.graph.thing")
    assert thing is not None and thing.key_property == "id"
    assert [(p.name, p.values) for p in thing.properties] == [("id", ()), ("mode", ("fast", "slow"))]
    assert "ROW_JOINED" in codes(model) and "KEY_NOT_LISTED" not in codes(model)


@needs_corpus
def test_real_wrapped_rows_are_joined() -> None:
    model = corpus_model("api/intune-deviceconfig-windowsdeliveryoptimizationconfiguration-create.md")
    assert codes(model).count("ROW_JOINED") >= 5 and "BAD_TABLE_ROW" not in codes(model)


@pytest.mark.parametrize(
    "code",
    [
        "ENTITY_BASE_ASSUMED",
        "BASE_FROM_TEXT",
        "NAVIGATION_FROM_PATH",
        "FLAGS_INFERRED",
        "ABSTRACT_FROM_TEXT",
        "RETURN_TYPE_FROM_EXAMPLE",
        "OPEN_TYPE_INHERITED",
        "PROPERTY_IS_RELATIONSHIP",
        "MEMBER_FROM_VALUES",
        "BOOLEAN_FROM_JSON",
        "BASE_FROM_WORDS",
        "PROPERTY_FROM_FACET",
        "ROW_BY_PATH",
    ],
)
def test_every_inference_is_info_and_listed(code: str) -> None:
    from generator.base.diagnostics import CODES

    assert CODES[code][0] == "info"


# -- further conventions the corpus showed ---------------------------------------------------------


def test_a_properties_table_headed_relationship_is_still_properties(tmp_path: Path) -> None:
    page = keyed("presence", [("id", "String", "Id."), ("availability", "String", "Now.")])
    page = page.replace("|Property|Type|Description|", "|Relationship|Type|Description|")
    model = model_of(tmp_path, {"resources/presence.md": page})
    presence = model.get("microsoft.graph.presence")
    assert presence is not None and [p.name for p in presence.properties] == ["id", "availability"]
    assert not presence.navigation_properties and "RELATIONSHIP_IS_PROPERTY" not in codes(model)


@needs_corpus
def test_real_properties_table_headed_relationship() -> None:
    model = corpus_model("resources/presence.md")
    presence = model.get("microsoft.graph.presence")
    assert presence is not None and presence.kind == "entity"  # an id and methods: keyed by id
    assert {"id", "availability", "activity"} <= {p.name for p in presence.properties}


def test_abstract_said_in_words(tmp_path: Path) -> None:
    shape = resource("shape", [("name", "String", "Name.")]).replace("Describes shape.", "An abstract base type for shapes.")
    circle = resource("circle", [("radius", "Double", "Radius.")]).replace(
        "Describes circle.", "Derives from the abstract [shape](shape.md) type."
    )
    model = model_of(tmp_path, {"resources/shape.md": shape, "resources/circle.md": circle})
    shape_type, circle_type = model.get("microsoft.graph.shape"), model.get("microsoft.graph.circle")
    assert shape_type is not None and shape_type.abstract
    assert circle_type is not None and not circle_type.abstract and circle_type.base_type == "microsoft.graph.shape"
    assert len(messages(model, "ABSTRACT_FROM_TEXT")) == 1


@needs_corpus
def test_real_abstract_from_prose() -> None:
    # with a type that can be made derived from it: alone, nothing could ever be a policyBase
    model = corpus_model("resources/policybase.md", "resources/stspolicy.md", "resources/tokenlifetimepolicy.md")
    policy = model.get("microsoft.graph.policyBase")
    assert policy is not None and policy.abstract
    assert "ABSTRACT_FROM_TEXT" in codes(model)
    alone = corpus_model("resources/policybase.md").get("microsoft.graph.policyBase")
    assert alone is not None and not alone.abstract


def test_subtype_of_and_reference_links_name_the_base(tmp_path: Path) -> None:
    school = resource("school", [("code", "String", "Code.")]).replace(
        "Describes school.", "This resource is a subtype of [organization](organization.md)."
    )
    folder = resource("folder", [("size", "Int32", "Size.")]).replace(
        "## JSON representation",
        "The following properties are inherited from **[item][]**.\n\n[item]: item.md\n\n## JSON representation",
    )
    model = model_of(
        tmp_path,
        {
            "resources/organization.md": resource("organization", [("name", "String", "Name.")]),
            "resources/item.md": resource("item", [("name", "String", "Name.")]),
            "resources/school.md": school,
            "resources/folder.md": folder,
        },
    )
    school_type, folder_type = model.get("microsoft.graph.school"), model.get("microsoft.graph.folder")
    assert school_type is not None and school_type.base_type == "microsoft.graph.organization"
    assert folder_type is not None and folder_type.base_type == "microsoft.graph.item"


@needs_corpus
def test_real_subtype_and_reference_link_bases() -> None:
    model = corpus_model(
        "resources/educationorganization.md", "resources/educationschool.md", "resources/baseitem.md", "resources/list.md"
    )
    school, site_list = model.get("microsoft.graph.educationSchool"), model.get("microsoft.graph.list")
    assert school is not None and school.base_type == "microsoft.graph.educationOrganization"
    assert site_list is not None and site_list.base_type == "microsoft.graph.baseItem"


def test_inherits_from_refines_an_annotations_entity(tmp_path: Path) -> None:
    contact = keyed("contact", [("id", "String", "Id.")], inherits="directoryObject").replace(
        '"keyProperty": "id"}', '"keyProperty": "id", "baseType": "microsoft.graph.entity"}'
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/directoryobject.md": keyed("directoryObject", [("id", "String", "Id.")]),
            "resources/contact.md": contact,
        },
    )
    found = model.get("microsoft.graph.contact")
    assert found is not None and found.base_type == "microsoft.graph.directoryObject"  # which derives from entity
    assert any("directoryObject is used" in m for m in messages(model, "BASE_TYPE_MISMATCH"))


@needs_corpus
def test_real_inherits_from_refines_entity() -> None:
    model = corpus_model("resources/entity.md", "resources/directoryobject.md", "resources/orgcontact.md")
    contact = model.get("microsoft.graph.orgContact")
    assert contact is not None and contact.base_type == "microsoft.graph.directoryObject"


def _followed_pages(response_type: str) -> dict[str, str]:
    site = keyed(
        "site",
        [("id", "String", "Id.")],
        methods=[("[List followed sites](../api/sites-list-followed.md)", "", "Sites the user follows.")],  # type: ignore[arg-type]
    )
    page = api_page("List followed sites", "GET /me/followedSites", response='{"value": []}')
    page = page.replace('"@odata.type": "microsoft.graph.thing"', f'"@odata.type": "{response_type}"')
    user = keyed(
        "user",
        [("id", "String", "Id.")],
        methods=[("[Get me](../api/user-get.md)", "[user](user.md)", "One.")],  # type: ignore[arg-type]
    )
    return {
        "resources/entity.md": ENTITY,
        "resources/site.md": site,
        "resources/user.md": user,
        "api/sites-list-followed.md": page,
        "api/user-get.md": api_page("Get me", "GET /me"),
    }


def test_a_methods_row_without_a_return_type_takes_the_response_examples(tmp_path: Path) -> None:
    model = model_of(tmp_path, _followed_pages("Collection(microsoft.graph.site)"))
    site = model.get("microsoft.graph.site")
    assert site is not None
    (method,) = site.methods
    assert (method.return_type, method.returns_collection) == ("microsoft.graph.site", True)
    assert len(messages(model, "RETURN_TYPE_FROM_EXAMPLE")) == 1
    user = model.get("microsoft.graph.user")  # and the path now tells what /me/followedSites is
    assert user is not None and ("followedSites", "microsoft.graph.site", True) in [
        (n.name, n.type, n.collection) for n in user.navigation_properties
    ]


def test_an_untyped_response_example_gives_no_return_type(tmp_path: Path) -> None:
    model = model_of(tmp_path, _followed_pages("microsoft.graph.nothingDocumented"))
    site = model.get("microsoft.graph.site")
    assert site is not None and site.methods[0].return_type is None
    assert "RETURN_TYPE_FROM_EXAMPLE" not in codes(model)


@needs_corpus
def test_real_return_type_from_the_response_example() -> None:
    model = corpus_model("resources/site.md", "api/sites-list-followed.md")
    site = model.get("microsoft.graph.site")
    assert site is not None
    followed = next(m for m in site.methods if m.name == "List followed sites")
    assert (followed.return_type, followed.returns_collection) == ("microsoft.graph.site", True)


def test_a_second_page_of_a_type_adds_relationships(tmp_path: Path) -> None:
    user = keyed("user", [("id", "String", "Id.")], relationships=[("photo", "[photo](photo.md)", "Photo.")])  # type: ignore[arg-type]
    more = keyed("user", [("id", "String", "Id.")], relationships=[("devices", "[device](device.md) collection", "Devices.")])  # type: ignore[arg-type]
    model = model_of(
        tmp_path,
        {
            "resources/user.md": user,
            "resources/intune-user.md": more,
            "resources/photo.md": keyed("photo", [("id", "String", "Id.")]),
            "resources/device.md": keyed("device", [("id", "String", "Id.")]),
        },
    )
    found = model.get("microsoft.graph.user")
    assert found is not None and [n.name for n in found.navigation_properties] == ["photo", "devices"]
    (merged,) = messages(model, "TYPE_MERGED")
    assert merged.endswith("added from this page: devices")


@needs_corpus
def test_real_second_page_of_user() -> None:
    model = corpus_model("resources/user.md", "resources/intune-shared-user.md")
    user = model.get("microsoft.graph.user")
    assert user is not None
    assert {"deviceEnrollmentConfigurations", "managedDevices"} <= {n.name for n in user.navigation_properties}
    assert "TYPE_MERGED" in codes(model) and "DUPLICATE_TYPE" not in codes(model)


def test_paths_of_unlisted_pages_and_named_segments_give_navigation(tmp_path: Path) -> None:
    root = resource("policyRoot", [("name", "String", "Name.")]).replace("Describes policyRoot.", "Policies.")
    flows = keyed("flowsPolicy", [("id", "String", "Id.")])
    listing = keyed("listing", [("id", "String", "Id.")])
    drive = keyed(
        "drive",
        [("id", "String", "Id.")],
        methods=[("[List drives](../api/drive-list.md)", "[drive](drive.md) collection", "All.")],  # type: ignore[arg-type]
    )
    watch = api_page("Get channel", "GET /drives/{id}/listing/subscriptions/socketIo").replace(
        "microsoft.graph.thing", "microsoft.graph.channel"
    )
    flows_get = api_page("Get flowsPolicy", "GET /policies/flowsPolicy").replace(
        "microsoft.graph.thing", "microsoft.graph.flowsPolicy"
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/policyroot.md": root,
            "resources/flowspolicy.md": flows,
            "resources/listing.md": listing,
            "resources/channel.md": keyed("channel", [("id", "String", "Id.")]),
            "resources/drive.md": drive,
            "api/drive-list.md": api_page("List drives", "GET /drives"),
            "api/drive-watch.md": watch,
            "api/flowspolicy-get.md": flows_get,  # no Methods table links it
        },
    )
    policy_root, drive_type = model.get("microsoft.graph.policyRoot"), model.get("microsoft.graph.drive")
    assert policy_root is not None and policy_root.kind == "complex"  # a singleton holds it all the same
    assert [(n.name, n.type) for n in policy_root.navigation_properties] == [("flowsPolicy", "microsoft.graph.flowsPolicy")]
    assert drive_type is not None and ("listing", "microsoft.graph.listing") in [
        (n.name, n.type) for n in drive_type.navigation_properties
    ]


def test_a_page_reading_an_item_with_expand_does_not_take_its_relationships(tmp_path: Path) -> None:
    """An extension page documents ``GET /users/{id}`` (read with ``$expand``) as answering an
    extension; a path under ``/users/{id}`` still leads from the users ``/users`` lists."""
    user = keyed(
        "user",
        [("id", "String", "Id.")],
        methods=[  # type: ignore[arg-type]
            ("[List users](../api/user-list.md)", "[user](user.md) collection", "All."),
            ("[List licenses](../api/user-list-licenses.md)", "[license](license.md) collection", "Licenses."),
        ],
    )
    # an extension page that reads /users/{id}?$expand=extensions documents GET /users/{id} as its own
    extension = keyed(
        "extension",
        [("id", "String", "Id.")],
        methods=[("[Get extension](../api/extension-get.md)", "[extension](extension.md)", "One.")],  # type: ignore[arg-type]
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/extension.md": extension,
            "resources/user.md": user,
            "resources/license.md": keyed("license", [("id", "String", "Id.")]),
            "api/extension-get.md": api_page("Get extension", "GET /users/{id}\nGET /users/{id}/extensions/{extensionId}"),
            "api/user-list.md": api_page("List users", "GET /users"),
            "api/user-list-licenses.md": api_page("List licenses", "GET /users/{id}/licenses"),
        },
    )
    user_type, extension_type = model.get("microsoft.graph.user"), model.get("microsoft.graph.extension")
    assert user_type is not None and extension_type is not None
    assert ("licenses", "microsoft.graph.license") in [(n.name, n.type) for n in user_type.navigation_properties]
    assert not any(n.name == "licenses" for n in extension_type.navigation_properties)


@needs_corpus
def test_real_unlisted_page_gives_a_navigation_property() -> None:
    model = corpus_model(
        "resources/entity.md",
        "resources/policyroot.md",
        "resources/authenticationflowspolicy.md",
        "api/authenticationflowspolicy-get.md",
    )
    root = model.get("microsoft.graph.policyRoot")
    assert root is not None and "authenticationFlowsPolicy" in {n.name for n in root.navigation_properties}


def test_a_type_derived_from_an_open_type_is_open(tmp_path: Path) -> None:
    base = resource("identitySet", [("user", "String", "User.")]).replace(
        '"@odata.type": "microsoft.graph.identitySet"', '"@odata.type": "microsoft.graph.identitySet", "openType": true'
    )
    model = model_of(
        tmp_path,
        {
            "resources/identityset.md": base,
            "resources/reactionset.md": resource("reactionSet", [("reaction", "String", "R.")], inherits="identitySet"),
        },
    )
    derived = model.get("microsoft.graph.reactionSet")
    assert derived is not None and derived.open_type
    assert len(messages(model, "OPEN_TYPE_INHERITED")) == 1


@needs_corpus
def test_real_type_derived_from_an_open_type() -> None:
    model = corpus_model("resources/identityset.md", "resources/chatmessagereactionidentityset.md")
    derived = model.get("microsoft.graph.chatMessageReactionIdentitySet")
    assert derived is not None and derived.open_type


def test_a_property_the_api_pages_expand_is_a_relationship(tmp_path: Path) -> None:
    request = keyed(
        "request",
        [("id", "String", "Id."), ("assignment", "[assignment](assignment.md)", "The result."), ("note", "String", "Note.")],
        methods=[("[Get request](../api/request-get.md)", "[request](request.md)", "One.")],  # type: ignore[arg-type]
    )
    get = api_page(
        "Get request",
        "GET /requests/{id}",
        extra="To read the resulting assignment, include `$expand=assignment` in the query; `$expand=note` does nothing.",
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/request.md": request,
            "resources/assignment.md": keyed("assignment", [("id", "String", "Id.")]),
            "api/request-get.md": get,
        },
    )
    found = model.get("microsoft.graph.request")
    assert found is not None
    assert [n.name for n in found.navigation_properties] == ["assignment"]
    assert [p.name for p in found.properties] == ["note"]  # a String row expands nothing
    assert len(messages(model, "PROPERTY_IS_RELATIONSHIP")) == 1


@needs_corpus
def test_real_property_the_api_pages_expand() -> None:
    model = corpus_model(
        "resources/entity.md",
        "resources/accesspackageassignmentrequest.md",
        "resources/accesspackageassignment.md",
        "api/accesspackageassignmentrequest-get.md",
    )
    found = model.get("microsoft.graph.accessPackageAssignmentRequest")
    assert found is not None and "accessPackageAssignment" in {n.name for n in found.navigation_properties}


def test_possible_values_name_an_enum_in_any_case_but_only_in_their_namespace(tmp_path: Path) -> None:
    status = enum_page("operationStatus", [("NotStarted", "0", "N."), ("Running", "1", "R."), ("Completed", "2", "C.")])
    risk = enum_page("riskLevel", [("low", "0", "L."), ("high", "1", "H.")])
    model = model_of(
        tmp_path,
        {
            "resources/operationstatus.md": status,
            "resources/risklevel.md": risk,
            "resources/operation.md": resource(
                "operation", [("status", "String", "Possible values are: `notStarted`, `running`.")]
            ),
            "resources/riskyuser.md": resource(
                "riskyUser", [("level", "String", "Possible values are: `low`, `high`.")], namespace="microsoft.graph.tenants"
            ),
        },
    )
    operation, risky = model.get("microsoft.graph.operation"), model.get("microsoft.graph.tenants.riskyUser")
    assert operation is not None and operation.properties[0].type == "microsoft.graph.operationStatus"
    assert risky is not None and risky.properties[0].type == "Edm.String"  # riskLevel is another namespace's


@needs_corpus
def test_real_possible_values_name_an_enum_in_another_case() -> None:
    model = corpus_model("resources/operation.md", "resources/enums.md")
    operation = model.get("microsoft.graph.operation")
    assert (
        operation is not None
        and next(p for p in operation.properties if p.name == "status").type == "microsoft.graph.operationStatus"
    )


def test_a_bare_boolean_in_the_json_beats_a_string_cell(tmp_path: Path) -> None:
    page = resource(
        "session",
        [("persist", "string", "`true` to keep changes."), ("name", "String", "N.")],
        json_block='{"persist": true, "name": "String"}',
    )
    model = model_of(tmp_path, {"resources/session.md": page})
    session = model.get("microsoft.graph.session")
    assert session is not None and [(p.name, p.type) for p in session.properties] == [
        ("persist", "Edm.Boolean"),
        ("name", "Edm.String"),
    ]
    assert len(messages(model, "BOOLEAN_FROM_JSON")) == 1


@needs_corpus
def test_real_boolean_typed_string_in_the_table() -> None:
    model = corpus_model("resources/workbooksessioninfo.md")
    info = model.get("microsoft.graph.workbookSessionInfo")
    assert info is not None and next(p for p in info.properties if p.name == "persistChanges").type == "Edm.Boolean"


def test_a_second_page_of_an_enum_adds_its_members(tmp_path: Path) -> None:
    model = model_of(
        tmp_path,
        {
            "resources/result.md": enum_page("result", [("success", "0", "S."), ("failure", "1", "F.")]),
            "resources/zz-enums.md": enum_page("result", [("success", "0", "S."), ("timeout", "2", "T.")]),
        },
    )
    result = model.get("microsoft.graph.result")
    assert result is not None and [m.name for m in result.members] == ["success", "failure", "timeout"]
    (merged,) = messages(model, "TYPE_MERGED")
    assert merged.endswith("added from this page: timeout")


@needs_corpus
def test_real_second_page_of_an_enum() -> None:
    model = corpus_model("resources/cloudpcauditevent.md", "resources/enums.md")
    result = model.get("microsoft.graph.cloudPcAuditActivityResult")
    assert result is not None and "timeout" in {m.name for m in result.members}


def test_possible_values_of_an_enum_typed_property_add_members(tmp_path: Path) -> None:
    hive = enum_page("registryHive", [("unknown", "0", "U."), ("currentUser", "1", "C.")])
    state = resource(
        "registryKeyState", [("hive", "[registryHive](registryhive.md)", "Possible values are: `unknown`, `currentUser`, `localMachineSecurity`, `null`.")]
    )
    model = model_of(tmp_path, {"resources/registryhive.md": hive, "resources/registrykeystate.md": state})
    found = model.get("microsoft.graph.registryHive")
    assert found is not None and [(m.name, m.value) for m in found.members] == [("unknown", 0), ("currentUser", 1), ("localMachineSecurity", 2)]
    (said,) = messages(model, "MEMBER_FROM_VALUES")
    assert "registryKeyState.hive" in said


@needs_corpus
def test_real_possible_values_add_members() -> None:
    model = corpus_model("resources/registrykeystate.md", "resources/enums.md")
    hive = model.get("microsoft.graph.registryHive")
    assert hive is not None and "localMachineSecurity" in {m.name for m in hive.members}


def test_a_base_named_in_words(tmp_path: Path) -> None:
    policy = keyed("authPolicy", [("id", "String", "Id.")]).replace(
        "Describes authPolicy.", "A singleton that inherits from base policy type, unlike [other](other.md)."
    )
    model = model_of(
        tmp_path,
        {"resources/entity.md": ENTITY, "resources/policybase.md": keyed("policyBase", [("id", "String", "Id.")]), "resources/authpolicy.md": policy},
    )
    found = model.get("microsoft.graph.authPolicy")
    assert found is not None and found.base_type == "microsoft.graph.policyBase"
    assert "BASE_FROM_WORDS" in codes(model)


@needs_corpus
def test_real_base_named_in_words() -> None:
    model = corpus_model("resources/entity.md", "resources/policybase.md", "resources/authorizationpolicy.md")
    found = model.get("microsoft.graph.authorizationPolicy")
    assert found is not None and found.base_type == "microsoft.graph.policyBase"


def test_a_facet_on_a_type_is_its_property(tmp_path: Path) -> None:
    bundle = resource("bundle", [("childCount", "Int32", "Children.")]).replace(
        "Describes bundle.", "The `bundle` facet on a [driveItem](driveitem.md) groups bundle information."
    )
    model = model_of(tmp_path, {"resources/bundle.md": bundle, "resources/driveitem.md": resource("driveItem", [("name", "String", "N.")])})
    item = model.get("microsoft.graph.driveItem")
    assert item is not None and [(p.name, p.type) for p in item.properties] == [("name", "Edm.String"), ("bundle", "microsoft.graph.bundle")]
    assert len(messages(model, "PROPERTY_FROM_FACET")) == 1


@needs_corpus
def test_real_facet_is_a_property() -> None:
    model = corpus_model("resources/bundle.md", "resources/driveitem.md")
    item = model.get("microsoft.graph.driveItem")
    assert item is not None and "bundle" in {p.name for p in item.properties}


def test_a_row_named_by_a_path_belongs_to_the_type_it_reaches(tmp_path: Path) -> None:
    agreement = keyed(
        "agreement",
        [("id", "String", "Id.")],
        relationships=[  # type: ignore[arg-type]
            ("file", "[agreementFile](agreementfile.md)", "The file."),
            ("file/localizations", "[localization](localization.md) collection", "Its translations."),
        ],
    )
    model = model_of(
        tmp_path,
        {
            "resources/entity.md": ENTITY,
            "resources/agreement.md": agreement,
            "resources/agreementfile.md": keyed("agreementFile", [("id", "String", "Id.")]),
            "resources/localization.md": keyed("localization", [("id", "String", "Id.")]),
        },
    )
    file_type, agreement_type = model.get("microsoft.graph.agreementFile"), model.get("microsoft.graph.agreement")
    assert file_type is not None and [(n.name, n.type, n.collection) for n in file_type.navigation_properties] == [
        ("localizations", "microsoft.graph.localization", True)
    ]
    assert agreement_type is not None and [n.name for n in agreement_type.navigation_properties] == ["file"]
    assert "ROW_BY_PATH" in codes(model)


@needs_corpus
def test_real_row_named_by_a_path() -> None:
    model = corpus_model("resources/entity.md", "resources/agreement.md", "resources/agreementfile.md", "resources/agreementfilelocalization.md")
    found = model.get("microsoft.graph.agreementFile")
    assert found is not None and "localizations" in {n.name for n in found.navigation_properties}


def test_a_json_key_a_sibling_lists_is_a_copied_block_not_a_property(tmp_path: Path) -> None:
    """The JSON block of one record type shows a key its table lacks and another type of the
    same base lists: the block was copied from that page, so the key is no property. A key
    no sibling lists is added; and entity's derived types are no siblings of each other."""
    record = resource("dnsRecord", [("ttl", "Int32", "Time to live.")], inherits="entity")
    pages = {
        "resources/entity.md": ENTITY,
        "resources/dnsrecord.md": record,
        "resources/cnamerecord.md": resource(
            "cnameRecord", [("canonicalName", "String", "The name.")], inherits="dnsRecord", json_block='{"canonicalName": "String"}'
        ),
        "resources/mxrecord.md": resource(
            "mxRecord",
            [("preference", "Int32", "Its order.")],
            inherits="dnsRecord",
            json_block='{"canonicalName": "String", "preference": 1024, "mailExchange": "String"}',
        ),
        "resources/note.md": keyed("note", [("id", "String", "Id."), ("text", "String", "T.")]),
        "resources/memo.md": keyed("memo", [("id", "String", "Id.")], json_block='{"id": "String", "text": "String"}'),
    }
    model = model_of(tmp_path, pages)
    mx, memo = model.get("microsoft.graph.mxRecord"), model.get("microsoft.graph.memo")
    assert mx is not None and [p.name for p in mx.properties] == ["preference", "mailExchange"]
    assert memo is not None and memo.base_type == "microsoft.graph.entity" and [p.name for p in memo.properties] == ["text"]
    said = messages(model, "JSON_ONLY_PROPERTY")
    assert any("'canonicalName'" in m and "microsoft.graph.cnameRecord" in m and "not added" in m for m in said), said
    assert sum(m.endswith("; added") for m in said) == 2  # mailExchange, and memo's text


@needs_corpus
def test_real_record_types_copying_the_cname_records_json() -> None:
    names = ["domaindnsrecord", "domaindnscnamerecord", "domaindnsmxrecord", "domaindnssrvrecord", "domaindnstxtrecord"]
    model = corpus_model(*(f"resources/{name}.md" for name in names))
    for name in ("domainDnsMxRecord", "domainDnsSrvRecord", "domainDnsTxtRecord"):
        found = model.get(f"microsoft.graph.{name}")
        assert found is not None and "canonicalName" not in {p.name for p in found.properties}, name
    cname = model.get("microsoft.graph.domainDnsCnameRecord")
    assert cname is not None and "canonicalName" in {p.name for p in cname.properties}
