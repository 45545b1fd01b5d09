"""graphdoc diff on the real pair: the Graph beta reference of 2021-01-04 against that of 2021-07-16.

Held to a plain set comparison of the two models' JSON (what ``graphdoc inspect --format json``
prints), written here without any of graphdoc diff's code: the types, properties, navigation
properties and enum members added and removed must be the diff's, a rename counted on both
sides (the old name removed, the new one added) and a property that moved within its type's
hierarchy on the side whose type no longer, or now, declares it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, needs_corpus

from generator.diff import KINDS, Change, compare
from generator.model.ir import Model
from generator.pipeline import build_model

OLD_TREE = CORPUS.parent / "beta-2021-01-04"

needs_both = pytest.mark.skipif(
    not (OLD_TREE / "resources").is_dir(), reason=f"the older Graph docs tree is not at {OLD_TREE} (../shared beside the repo)"
)
pytestmark = [needs_corpus, needs_both]


@pytest.fixture(scope="module")
def old_model() -> Model:
    return build_model(OLD_TREE)


@pytest.fixture(scope="module")
def changes(old_model: Model, corpus_model: Model) -> list[Change]:
    return compare(old_model, corpus_model)


def _items(model: dict[str, Any], key: str) -> dict[str, set[str]]:
    return {t["fullName"]: {x["name"] for x in t[key]} for t in model["types"]}


def test_added_and_removed_are_a_plain_set_comparison(old_model: Model, corpus_model: Model, changes: list[Change]) -> None:
    before, after = old_model.to_json(), corpus_model.to_json()
    old_types = {t["fullName"] for t in before["types"]}
    new_types = {t["fullName"] for t in after["types"]}
    said_gone = {c.old for c in changes if c.change in ("type-removed", "type-renamed")}
    said_new = {c.new for c in changes if c.change in ("type-added", "type-renamed")}
    assert said_gone == old_types - new_types
    assert said_new == new_types - old_types
    both = old_types & new_types
    for key, word, name in (("properties", "property", "property"), ("navigationProperties", "navigation", "property"), ("members", "member", "member")):
        old_items, new_items = _items(before, key), _items(after, key)
        removed = {(t, x) for t in both for x in old_items[t] - new_items[t]}
        added = {(t, x) for t in both for x in new_items[t] - old_items[t]}
        on_both = [c for c in changes if c.type in both]
        said_removed = {(c.type, getattr(c, name)) for c in on_both if c.change == f"{word}-removed"}
        said_removed |= {(c.type, c.old) for c in on_both if c.change == f"{word}-renamed"}
        said_removed |= {(c.type, getattr(c, name)) for c in on_both if c.change == f"{word}-moved" and c.old == c.type}
        said_added = {(c.type, getattr(c, name)) for c in on_both if c.change in (f"{word}-added", f"non-nullable-{word}-added")}
        said_added |= {(c.type, c.new) for c in on_both if c.change == f"{word}-renamed"}
        said_added |= {(c.type, getattr(c, name)) for c in on_both if c.change == f"{word}-moved" and c.new == c.type}
        assert said_removed == removed, (key, sorted(said_removed ^ removed)[:10])
        assert said_added == added, (key, sorted(said_added ^ added)[:10])
        assert removed and added  # the real pair has both, for each of the three


def test_the_real_renames_are_said_once(changes: list[Change]) -> None:
    renamed = {(c.old, c.new) for c in changes if c.change == "type-renamed"}
    for pair in [
        ("microsoft.graph.externalConnection", "microsoft.graph.externalConnectors.externalConnection"),  # another namespace, a moved page
        ("microsoft.graph.ediscoveryCase", "microsoft.graph.ediscovery.case"),  # another name too
        ("microsoft.graph.printUsageSummaryByUser", "microsoft.graph.printUsageByUser"),  # a moved page, another name
        ("microsoft.graph.vendors", "microsoft.graph.vendor"),  # the same page
    ]:
        assert pair in renamed
    named = Counter(name for pair in renamed for name in pair)
    assert max(named.values()) == 1
    assert not {c.type for c in changes if c.change in ("type-added", "type-removed")} & {name for pair in renamed for name in pair}


def test_every_change_is_on_a_line_of_its_page(changes: list[Change]) -> None:
    roots = {"old": OLD_TREE, "new": CORPUS}
    lines: dict[Path, int] = {}
    for c in changes:
        page = roots[c.side] / c.path
        if page not in lines:
            lines[page] = len(page.read_bytes().splitlines())
        assert 1 <= c.line <= lines[page], c
        assert c.change in KINDS


def test_what_the_real_pair_breaks(changes: list[Change]) -> None:
    kinds = Counter(c.change for c in changes)
    severities = Counter(c.severity for c in changes)
    assert severities["breaking"] and severities["warning"] and severities["info"]
    # six months of beta: far more added than broken
    assert kinds["type-added"] > 10 * kinds["type-removed"] and kinds["operation-added"] > 5 * kinds["operation-removed"]
    said = {(c.change, c.type, c.property) for c in changes}
    assert ("property-renamed", "microsoft.graph.room", "isWheelChairAccessible") in said  # isWheelchairAccessible
    assert ("property-type-changed", "microsoft.graph.room", "capacity") in said  # String -> Int32
    assert ("abstract-added", "microsoft.graph.accessReviewScope", None) in said
