"""``graphdoc lint --metadata``: the pages against a service's CSDL, and reading CSDL safely."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, model_of, needs_corpus, write_docs
from generator.service import metadata
from generator.service.conformance import compare
from generator.model.ir import Model
from pages import enum_page, resource

SERVICE = textwrap.dedent(
    """\
    <?xml version="1.0" encoding="utf-8"?>
    <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
      <edmx:DataServices>
        <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
          <EntityType Name="entity" Abstract="true">
            <Key><PropertyRef Name="id"/></Key>
            <Property Name="id" Type="Edm.String" Nullable="false"/>
          </EntityType>
          <EntityType Name="widget" BaseType="graph.entity" OpenType="true">
            <Property Name="size" Type="Edm.Int64"/>
            <Property Name="Color" Type="Edm.String"/>
            <Property Name="weight" Type="Edm.Double"/>
            <Property Name="holder" Type="graph.entity"/>
            <NavigationProperty Name="parts" Type="Collection(graph.part)"/>
            <NavigationProperty Name="owner" Type="graph.entity"/>
          </EntityType>
          <EntityType Name="gadget" BaseType="graph.widget"/>
          <EntityType Name="ticket">
            <Key><PropertyRef Name="number"/></Key>
            <Property Name="number" Type="Edm.String" Nullable="false"/>
          </EntityType>
          <ComplexType Name="part"><Property Name="weight" Type="Edm.Int32"/></ComplexType>
          <EnumType Name="mode" IsFlags="true">
            <Member Name="on" Value="1"/>
            <Member Name="off" Value="2"/>
            <Member Name="dim" Value="4"/>
            <Member Name="unknownFutureValue" Value="8"/>
          </EnumType>
          <ComplexType Name="gizmo"/>
        </Schema>
      </edmx:DataServices>
    </edmx:Edmx>
    """
)


def keyed(name: str, properties: list[tuple[str, str, str]], key: str = "id", **more: object) -> str:
    annotation = f'{{"blockType": "resource", "@odata.type": "microsoft.graph.{name}", "keyProperty": "{key}"}}'
    return resource(name, properties, annotation=annotation, **more)  # type: ignore[arg-type]


PAGES: dict[str, str | bytes] = {
    "resources/entity.md": keyed("entity", [("id", "String", "Id.")]),
    "resources/widget.md": keyed(
        "widget",
        [
            ("id", "String", "Id."),
            ("size", "Int32", "Size."),
            ("color", "String", "Colour."),
            ("extra", "String", "Not the service's."),
            ("parts", "[part](part.md) collection", "Kept in the Properties table."),
        ],
        relationships=[("holder", "[entity](entity.md)", "In the other table.")],
    ),
    "resources/gadget.md": keyed("gadget", [("id", "String", "Id.")]),
    "resources/ticket.md": keyed("ticket", [("id", "String", "Id.")]),
    "resources/part.md": keyed("part", [("id", "String", "Id."), ("weight", "Int32", "Weight.")]),
    "resources/mode.md": enum_page("mode", [("on", "0", ""), ("off", "1", ""), ("blink", "2", "")]),
}


@pytest.fixture
def service_file(tmp_path: Path) -> Path:
    path = tmp_path / "service.csdl"
    path.write_text(SERVICE, encoding="utf-8")
    return path


def test_reading_csdl_resolves_aliases_and_keeps_lines(service_file: Path) -> None:
    service = metadata.read(service_file)
    widget = service.types["microsoft.graph.widget"]
    assert (widget.kind, widget.base_type, widget.open_type) == ("entity", "microsoft.graph.entity", True)
    assert widget.navigation["parts"].type == "microsoft.graph.part" and widget.navigation["parts"].collection
    assert service.key_of("microsoft.graph.gadget") == ("id",)
    assert service.types["microsoft.graph.mode"].members == {"on": 1, "off": 2, "dim": 4, "unknownFutureValue": 8}
    assert widget.line == SERVICE.splitlines().index('      <EntityType Name="widget" BaseType="graph.entity" OpenType="true">') + 1


def test_every_kind_of_disagreement_is_reported_where_the_page_says_it(tmp_path: Path, service_file: Path) -> None:
    model = model_of(tmp_path, PAGES)
    found = compare(model, metadata.read(service_file))
    said = {(d.code, d.path, d.message) for d in found.diagnostics}
    codes = {code for code, _, _ in said}
    assert codes >= {
        "METADATA_ABSTRACT",
        "METADATA_OPEN_TYPE",
        "METADATA_PROPERTY_TYPE",
        "METADATA_NAME_CASE",
        "METADATA_MISSING_PROPERTY",
        "METADATA_EXTRA_PROPERTY",
        "METADATA_PROPERTY_KIND",
        "METADATA_MISSING_NAVIGATION",
        "METADATA_BASE_TYPE",
        "METADATA_KEY",
        "METADATA_KIND",
        "METADATA_FLAGS",
        "METADATA_MISSING_MEMBER",
        "METADATA_EXTRA_MEMBER",
        "METADATA_FUTURE_MEMBER",
        "METADATA_UNDOCUMENTED_TYPE",
    }
    size = next(d for d in found.diagnostics if d.code == "METADATA_PROPERTY_TYPE")
    page = (tmp_path / "docs" / size.path).read_text(encoding="utf-8").split("\n")
    assert page[size.line - 1].startswith("|size|Int32|"), size  # on the row itself
    assert "the service says Edm.Int64" in size.message
    (gizmo,) = [d for d in found.diagnostics if d.code == "METADATA_UNDOCUMENTED_TYPE"]
    assert gizmo.path == str(service_file) and SERVICE.split("\n")[gizmo.line - 1].strip() == '<ComplexType Name="gizmo"/>'
    assert [d.severity for d in found.diagnostics if d.code == "METADATA_FUTURE_MEMBER"] == ["info"]
    figures = found.figures
    assert (figures.types_in_both, figures.undocumented) == (6, 1)
    assert (figures.kind.agree, figures.kind.total) == (5, 6)  # part: entity on the page, complex in the service
    assert (figures.member_recall.agree, figures.member_recall.total) == (2, 3)  # dim is missing; unknownFutureValue left out


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_lint_metadata_formats_filters_and_summary(tmp_path: Path, service_file: Path) -> None:
    docs = write_docs(tmp_path / "docs", PAGES)
    text = run("lint", str(docs), "--metadata", str(service_file), "--select", "METADATA_PROPERTY_TYPE,METADATA_UNDOCUMENTED_TYPE", "--severity", "info")
    assert text.returncode == 0, text.stderr  # disagreements are warnings and infos
    lines = text.stdout.splitlines()
    assert len(lines) == 2 and any(": warning: METADATA_PROPERTY_TYPE " in line for line in lines)
    assert "metadata: 6 types in both; 1 service types the docs don't describe" in text.stderr
    assert re.search(r"base type\s+\d+\.\d%", text.stderr)
    as_json = json.loads(run("lint", str(docs), "--metadata", str(service_file), "--format", "json", "--severity", "info", "-q").stdout)
    assert {"METADATA_KIND", "METADATA_FLAGS"} <= {d["code"] for d in as_json}
    # the JSON carries what each diagnostic is about, so tools need not read the message
    (typed,) = [d for d in as_json if d["code"] == "METADATA_PROPERTY_TYPE"]
    assert typed["type"] and typed["property"] and typed["expected"] != typed["found"]
    assert typed["message"].startswith(f"{typed['type']}.{typed['property']}: {typed['found']} on the page; the service says {typed['expected']}")
    kind = next(d for d in as_json if d["code"] == "METADATA_KIND")
    assert {kind["expected"], kind["found"]} <= {"entity", "complex", "enum"}
    github = run("lint", str(docs), "--metadata", str(service_file), "--format", "github", "--severity", "warning", "-q").stdout
    assert "::warning file=" in github and "title=METADATA_KEY::" in github and "METADATA_UNDOCUMENTED_TYPE" not in github


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<x>&b;</x>",
            "refused",
        ),
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>', "refused"),
        ("<not xml", "not XML"),
        ('<?xml version="1.0"?><edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>', "holds no CSDL Schema"),
    ],
)
def test_bad_metadata_is_a_one_line_usage_error(tmp_path: Path, content: str, said: str) -> None:
    bad = tmp_path / "bad.csdl"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(metadata.MetadataError, match=said):
        metadata.read(bad)
    result = run("lint", "specs", "--metadata", str(bad))
    assert result.returncode == 2 and said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_missing_metadata_file_does_not_exist(tmp_path: Path) -> None:
    result = run("lint", "specs", "--metadata", str(tmp_path / "nothing.csdl"))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_the_emitted_csdl_round_trips_the_specs() -> None:
    result = run("lint", "specs", "--metadata", "generated/metadata.xml", "--select", ",".join(_METADATA_CODES))
    assert result.returncode == 0 and result.stdout == "", result.stdout
    assert "metadata: 55 types in both; 0 service types the docs don't describe" in result.stderr
    assert result.stderr.count("100.0%") == 7


_METADATA_CODES = [code for code in __import__("generator.base.diagnostics").base.diagnostics.CODES if code.startswith("METADATA_")]


@needs_corpus
def test_the_beta_corpus_against_its_own_service(corpus_model: Model) -> None:
    """The figures the model reaches on the real docs; each reading convention moved one of them.
    The floors are what this version measures, so a change that reads the docs worse fails."""
    service = ROOT.parent / "shared" / "metadata" / "beta-2021-07-13.csdl"
    if not service.is_file():
        pytest.skip(f"the beta service's metadata is not at {service}")
    found = compare(corpus_model, metadata.read(service))
    figures = {label.split(" (")[0]: share.percent for label, share in found.figures.rows()}
    floors = {
        "kind": 96.0,
        "base type": 93.5,
        "property recall": 98.0,
        "property precision": 98.5,
        "property type + collection": 98.0,
        "navigation property recall": 94.0,
        "enum member recall": 98.0,
    }
    low = {name: round(figures[name], 1) for name, floor in floors.items() if figures[name] < floor}
    assert not low, (low, found.figures.text())
