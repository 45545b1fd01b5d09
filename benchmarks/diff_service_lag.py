"""The service's view of a docs diff: of the properties the service added between two of its
metadata documents, on types both docs trees document, how many the docs diff reports.

The service's additions: every property and navigation property a type of the newer CSDL
declares that the same type of the older one does not (types in both, names compared
without case, as Graph compares them). Of those on types both docs trees document, each is
  reported     graphdoc diff says it was added to that type (added, or renamed or moved to it)
  earlier      the old docs had it already (on the type or a base): the docs were ahead
  missing      the new docs lack it (on the type and its bases): the docs' lag behind the service
  elsewhere    the new docs have it, but the diff says no addition on that type (it came with
               the type's new base, or sits on another type of the hierarchy than the service's)
The counts go to stdout, with a sample of the missing ones.

    python benchmarks/diff_service_lag.py [OLD_DOCS NEW_DOCS OLD.csdl NEW.csdl]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.diff import compare
from generator.model.ir import Model
from generator.pipeline import build_model
from generator.service.metadata import Service, read

SHARED = ROOT.parent / "shared"
ADDED = {"property-added", "non-nullable-property-added", "navigation-added", "property-renamed", "navigation-renamed"}
MOVED = {"property-moved", "navigation-moved"}  # an addition to the type when it declares the property now


def service_added(old: Service, new: Service) -> set[tuple[str, str]]:
    """(type, property), both lower-cased, for what a type of ``new`` declares and the same type of ``old`` doesn't."""
    found: set[tuple[str, str]] = set()
    before = {name.lower(): t for name, t in old.types.items()}
    for name, t in new.types.items():
        was = before.get(name.lower())
        if was is None:
            continue
        had = {p.lower() for p in (*was.properties, *was.navigation)}
        found |= {(name.lower(), p.lower()) for p in (*t.properties, *t.navigation) if p.lower() not in had}
    return found


def seen(model: Model, type_name: str) -> set[str]:
    """Every property and relationship name, lower-cased, a type of ``model`` declares or inherits."""
    holder = model.get(type_name)
    if holder is None:
        return set()
    return {x.name.lower() for t in (holder, *model.ancestors(type_name)) for x in (*t.properties, *t.navigation_properties)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old_docs", nargs="?", type=Path, default=SHARED / "graph-docs" / "beta-2021-01-04")
    parser.add_argument("new_docs", nargs="?", type=Path, default=SHARED / "graph-docs" / "beta")
    parser.add_argument("old_csdl", nargs="?", type=Path, default=SHARED / "metadata" / "beta-2020-12-22.csdl")
    parser.add_argument("new_csdl", nargs="?", type=Path, default=SHARED / "metadata" / "beta-2021-07-13.csdl")
    args = parser.parse_args()
    old_model, new_model = build_model(args.old_docs), build_model(args.new_docs)
    changes = compare(old_model, new_model)
    added = service_added(read(args.old_csdl), read(args.new_csdl))
    old_types = {t.full_name.lower(): t.full_name for t in old_model.types}
    new_types = {t.full_name.lower(): t.full_name for t in new_model.types}
    documented = {(t, p) for t, p in added if t in old_types and t in new_types}
    reported = {
        (c.type.lower(), (c.property or "").lower()) for c in changes if c.change in ADDED or (c.change in MOVED and c.new == c.type)
    }
    outcome: Counter[str] = Counter()
    missing: list[str] = []
    for t, p in sorted(documented):
        if (t, p) in reported:
            outcome["reported"] += 1
        elif p in seen(old_model, old_types[t]):
            outcome["earlier"] += 1
        elif p not in seen(new_model, new_types[t]):
            outcome["missing"] += 1
            missing.append(f"{new_types[t]}.{p}")
        else:
            outcome["elsewhere"] += 1
    print(f"service: {len(added)} properties and navigation properties added to types of both metadata documents")
    print(f"on types both docs trees document: {len(documented)}")
    for key in ("reported", "earlier", "missing", "elsewhere"):
        share = outcome[key] / len(documented) if documented else 0.0
        print(f"  {key:<10} {outcome[key]:>5}  {share:6.1%}")
    print("missing, a sample: " + ", ".join(missing[:15]))


if __name__ == "__main__":
    main()
