"""Read a service's OData CSDL XML 4.0 metadata: what the service says its types are.

Read with defusedxml's SAX parser, so a metadata document can't expand entities
or reach outside files; each type and property keeps the line it is on. Type
names come out as the model spells them: qualified by namespace (a schema's
alias such as ``graph.user`` is resolved), ``Collection(...)`` taken off into a
flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base.usage import UsageError

EDM = "http://docs.oasis-open.org/odata/ns/edm"
EDMX = "http://docs.oasis-open.org/odata/ns/edmx"


class MetadataError(UsageError):
    """A metadata file that can't be read as CSDL (exit 2)."""


@dataclass(frozen=True)
class Field:
    """A property or navigation property, as the service declares it."""

    name: str
    type: str
    collection: bool
    nullable: bool
    line: int


@dataclass
class ServiceType:
    full_name: str
    kind: str  # "entity" | "complex" | "enum"
    line: int
    base_type: str | None = None
    abstract: bool = False
    open_type: bool = False
    key: tuple[str, ...] = ()
    flags: bool = False
    properties: dict[str, Field] = field(default_factory=dict)
    navigation: dict[str, Field] = field(default_factory=dict)
    members: dict[str, int] = field(default_factory=dict)  # name -> value

    @property
    def name(self) -> str:
        return self.full_name.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class Service:
    path: str
    types: dict[str, ServiceType]

    def ancestors(self, full_name: str) -> list[ServiceType]:
        """Base types of a type, nearest first."""
        chain: list[ServiceType] = []
        current = self.types.get(full_name)
        while current is not None and current.base_type and len(chain) < 64:
            current = self.types.get(current.base_type)
            if current is None or current in chain:
                break
            chain.append(current)
        return chain

    def lineage(self, full_name: str) -> list[ServiceType]:
        """The type and its base types, nearest first."""
        found = self.types.get(full_name)
        return [found, *self.ancestors(full_name)] if found is not None else []

    def key_of(self, full_name: str) -> tuple[str, ...]:
        return next((t.key for t in self.lineage(full_name) if t.key), ())


_KINDS = {"EntityType": "entity", "ComplexType": "complex", "EnumType": "enum"}


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


class _Reader:
    """SAX events in, types out. Names stay as written until every alias is known."""

    def __init__(self) -> None:
        self.locator: Any = None
        self.types: dict[str, ServiceType] = {}
        self.aliases: dict[str, str] = {}
        self.namespace: str | None = None
        self.current: ServiceType | None = None
        self.in_key = False
        self.schemas = 0

    # -- xml.sax.handler.ContentHandler -----------------------------------
    def setDocumentLocator(self, locator: Any) -> None:
        self.locator = locator

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: Any) -> None:
        uri, local = name
        if uri != EDM:
            return

        def get(key: str) -> str | None:
            found = attrs.get((None, key))  # CSDL's attributes have no namespace
            return str(found) if found is not None else None

        line = self.locator.getLineNumber() if self.locator is not None else 0
        if local == "Schema":
            self.schemas += 1
            self.namespace = get("Namespace")
            alias = get("Alias")
            if alias and self.namespace:
                self.aliases[alias] = self.namespace
        elif local in _KINDS and self.namespace and get("Name"):
            self.current = ServiceType(
                full_name=f"{self.namespace}.{get('Name')}",
                kind=_KINDS[local],
                line=line,
                base_type=get("BaseType"),
                abstract=_true(get("Abstract")),
                open_type=_true(get("OpenType")),
                flags=_true(get("IsFlags")),
            )
            self.types[self.current.full_name] = self.current
        elif self.current is not None:
            self._inside_type(self.current, local, get, line)

    def _inside_type(self, current: ServiceType, local: str, get: Any, line: int) -> None:
        name = get("Name")
        if local == "Key":
            self.in_key = True
        elif local == "PropertyRef" and self.in_key and name:
            current.key = (*current.key, name)
        elif local in ("Property", "NavigationProperty") and name and get("Type"):
            written = str(get("Type"))
            collection = written.startswith("Collection(") and written.endswith(")")
            type_name = written[len("Collection(") : -1] if collection else written
            nullable = get("Nullable") is None or _true(get("Nullable"))
            target = current.properties if local == "Property" else current.navigation
            target[name] = Field(name, type_name, collection, nullable, line)
        elif local == "Member" and name:
            value = get("Value") or ""
            current.members[name] = int(value) if value.lstrip("-").isdigit() else len(current.members)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        uri, local = name
        if uri != EDM:
            return
        if local in _KINDS:
            self.current = None
        elif local == "Key":
            self.in_key = False
        elif local == "Schema":
            self.namespace = None

    # The rest of the interface: nothing to do.
    def startDocument(self) -> None:
        pass

    def endDocument(self) -> None:
        pass

    def startPrefixMapping(self, prefix: str | None, uri: str) -> None:
        pass

    def endPrefixMapping(self, prefix: str | None) -> None:
        pass

    def characters(self, content: str) -> None:
        pass

    def ignorableWhitespace(self, whitespace: str) -> None:
        pass

    def processingInstruction(self, target: str, data: str) -> None:
        pass

    def skippedEntity(self, name: str) -> None:
        pass

    # -- after the document ------------------------------------------------
    def qualified(self, name: str) -> str:
        """``graph.user`` -> ``microsoft.graph.user``; Edm names and full names as they are."""
        prefix, dot, rest = name.rpartition(".")
        return f"{self.aliases[prefix]}.{rest}" if dot and prefix in self.aliases else name

    def service(self, path: str) -> Service:
        for t in self.types.values():
            t.base_type = self.qualified(t.base_type) if t.base_type else None
            for table in (t.properties, t.navigation):
                for name, found in list(table.items()):
                    table[name] = Field(found.name, self.qualified(found.type), found.collection, found.nullable, found.line)
        return Service(path=path, types=self.types)


def read(path: Path) -> Service:
    """The types ``path`` declares. A file that can't be read, isn't XML or holds no
    CSDL schema is a ``MetadataError``."""
    import xml.sax

    from defusedxml import DefusedXmlException
    from defusedxml.sax import make_parser

    reader = _Reader()
    parser = make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    parser.setContentHandler(reader)  # type: ignore[arg-type]
    try:
        with open(path, "rb") as handle:  # never a URL: a metadata file is read from disk, nothing else
            parser.parse(handle)
    except FileNotFoundError:
        raise MetadataError(f"{path}: does not exist") from None
    except OSError as error:
        raise MetadataError(f"{path}: can't be read: {error.strerror or error}") from None
    except xml.sax.SAXParseException as error:
        raise MetadataError(f"{path}:{error.getLineNumber()}: not XML: {error.getMessage()}") from None
    except DefusedXmlException as error:
        raise MetadataError(f"{path}: refused: {error}") from None
    if not reader.schemas:
        raise MetadataError(f"{path}: holds no CSDL Schema (namespace {EDM})")
    return reader.service(str(path))
