"""Installing the test extra never downgrades a runtime dependency: the tests run against the
versions a plain ``pip install graphdoc`` gets.

A tool of the test extra (or anything it pulls in) that caps a runtime dependency below what
graphdoc's own requirement admits makes ``pip install -e '.[test]'`` resolve an older release
than ``pip install -e .`` once a newer one is out (openapi-python-client's ``httpx<0.29`` took
httpx 0.29 back to 0.28.1, schemathesis's ``jsonschema-rs<0.61`` took 0.61.2 back to 0.60.3).
The test reads the requirements of every distribution the test extra installs, from their
installed metadata, and fails naming any such cap: raise the tool, or cap graphdoc's own
requirement to the same release (pyproject.toml says which caps are there and why).
"""

from __future__ import annotations

import importlib.metadata as metadata
import re

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

try:
    metadata.distribution("graphdoc")
    INSTALLED = True
except metadata.PackageNotFoundError:
    INSTALLED = False

pytestmark = pytest.mark.skipif(not INSTALLED, reason="graphdoc is not installed (pip install -e '.[test]')")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirements(distribution: str, extras: frozenset[str] = frozenset()) -> list[Requirement]:
    """What ``distribution`` (with ``extras``) requires here, its markers read for this machine."""
    found = []
    for text in metadata.requires(distribution) or ():
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None or any(marker.evaluate({"extra": extra}) for extra in (extras or {""})):
            found.append(requirement)
    return found


def closure(extras: frozenset[str]) -> dict[str, list[tuple[str, Requirement]]]:
    """Every distribution installed for graphdoc with ``extras`` -> (who asks, what it asks) for it."""
    asked: dict[str, list[tuple[str, Requirement]]] = {}
    todo = [("graphdoc", extras)]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, wanted = todo.pop()
        if (name, wanted) in seen:
            continue
        seen.add((name, wanted))
        for requirement in requirements(name, wanted):
            target = normal(requirement.name)
            asked.setdefault(target, []).append((name, requirement))
            try:
                metadata.distribution(target)
            except metadata.PackageNotFoundError:
                continue  # not installed here: nothing to read
            todo.append((target, frozenset(requirement.extras)))
    return asked


def probes(*specifiers: SpecifierSet, installed: Version) -> list[Version]:
    """Versions around every bound the specifiers name and the one installed: each, and it
    raised at each of its first three parts."""
    found = {installed, Version("0")}
    for specifier in specifiers:
        for clause in specifier:
            version = Version(clause.version.replace(".*", ""))
            found.add(version)
            parts = [*version.release, 0, 0][:3]
            for index in range(3):
                raised = [*parts[:index], parts[index] + 1, *[0] * (2 - index)]
                found.add(Version(".".join(map(str, raised))))
    return sorted(found)


def caps_below_graphdoc() -> list[str]:
    """Each requirement the test extra adds that refuses a release of a runtime dependency
    which a plain install admits (graphdoc's requirement and what the runtime closure asks)
    and which is newer than one the requirement takes."""
    runtime = {normal(r.name) for r in requirements("graphdoc")}
    plain = closure(frozenset())
    problems: list[str] = []
    for name, asks in closure(frozenset({"test"})).items():
        if name not in runtime:
            continue
        admitted = [requirement.specifier for _, requirement in plain.get(name, [])]
        added = [(who, requirement) for who, requirement in asks if (who, requirement) not in plain.get(name, [])]
        installed = Version(metadata.version(name))
        for who, requirement in added:
            candidates = probes(*admitted, requirement.specifier, installed=installed)
            for version in candidates:
                capped = all(s.contains(version) for s in admitted) and not requirement.specifier.contains(version)
                if capped and any(requirement.specifier.contains(lower) for lower in candidates if lower < version):
                    problems.append(
                        f"{who} requires {requirement} but a plain install admits {name} {version} "
                        f"({', '.join(map(str, admitted))}): installing .[test] can downgrade it"
                    )
                    break
    return problems


def test_the_test_extra_never_caps_a_runtime_dependency_below_graphdoc() -> None:
    assert caps_below_graphdoc() == []


def test_the_check_finds_a_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself: a test tool capping httpx below graphdoc's range is found."""
    real = metadata.requires

    def requires(distribution: str) -> list[str] | None:
        found = real(distribution)
        if normal(distribution) == "graphdoc":
            return [*(found or ()), "capping-tool; extra == 'test'"]
        if distribution == "capping-tool":
            return ["httpx<0.1"]
        return found

    original = metadata.distribution

    def distribution(name: str) -> metadata.Distribution:
        if name == "capping-tool":
            return original("graphdoc")
        return original(name)

    monkeypatch.setattr(metadata, "requires", requires)
    monkeypatch.setattr(metadata, "distribution", distribution)
    (problem,) = [p for p in caps_below_graphdoc() if p.startswith("capping-tool")]
    assert "httpx<0.1" in problem and "installing .[test] can downgrade it" in problem
