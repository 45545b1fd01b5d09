"""Generated Python is laid out the way black would write it, so black rarely runs.

The layout decisions (one line, hugged arguments, one item per line, wrapped
type hints, docstrings) are tried against black itself on names and texts of
every length around the line limit.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import black
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import GENERATED, write_docs
from generator import runtime
from generator.emit import black_format, emit_all
from generator.pipeline import build_model
from pages import api_page, enum_page, resource

MODE = black.Mode(target_versions={black.TargetVersion.PY310})


def word(low: int, high: int) -> st.SearchStrategy[str]:
    """A camelCase name of ``low`` to ``high`` characters."""
    return st.integers(low, high).map(lambda n: ("alpha" + "Beta" * 30)[:n])


texts = st.lists(st.sampled_from(list("ab \"'\\{}%#.") + ["</script>", "\u2028", "\x00", "word "]), max_size=80).map("".join)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    type_name=word(1, 90),
    props=st.lists(st.tuples(word(1, 90), st.sampled_from(["String", "Int32", "[thing](thing.md) collection", "[color](color.md)"]), texts), max_size=5),
    members=st.lists(word(1, 90), max_size=3, unique=True),
    doc=texts,
)
def test_generated_python_is_what_black_writes(type_name: str, props: list[tuple[str, str, str]], members: list[str], doc: str) -> None:
    props = list({name: (name, kind, text) for name, kind, text in props}.values())
    entity = resource(
        type_name,
        [("id", "String", "Key."), *props],
        annotation=f'{{"blockType": "resource", "@odata.type": "microsoft.graph.{type_name}", "keyProperty": "id"}}',
        methods=[(f"[List](../api/{type_name.lower()}-list.md)", f"{type_name} collection", "List."),
                 (f"[Do it](../api/{type_name.lower()}-do.md)", "None", doc.replace("|", "") or "Do.")],
    ).replace(f"Describes {type_name}.", doc.replace("\n", " ") or "Plain.")
    args = ", ".join(f'"{name}": "x"' for name, _, _ in props)
    pages = {
        f"resources/{type_name.lower()}.md": entity,
        "resources/thing.md": resource("thing", [("name", "String", doc.replace("|", ""))]),
        "resources/color.md": enum_page("color", [(m, str(i), "A colour.") for i, m in enumerate(members or ["red"])]),
        f"api/{type_name.lower()}-list.md": api_page("List", f"GET /things/{{{type_name}Id}}/{type_name}s"),
        f"api/{type_name.lower()}-do.md": api_page("Do it", f"POST /things/{{{type_name}Id}}/{type_name}s/{{id}}/doIt", body=f"{{{args}}}"),
    }
    with tempfile.TemporaryDirectory() as folder:
        model = build_model(write_docs(Path(folder), pages))
    files = emit_all(model, ["models", "handlers"])
    rendered = [name for name in files if name.endswith(".py") and name not in runtime.MODULES]  # the copies: test_code_gates
    assert len(rendered) >= 4
    for name in rendered:
        assert black.format_str(files[name], mode=MODE) == files[name], name


def test_specs_need_no_black() -> None:
    """Every module generated from specs/ is laid out already: black is never run for them."""
    modules = sorted(GENERATED.rglob("*.py"))
    assert len(modules) > 50
    assert [m.name for m in modules if black_format.needs_black(m.read_text(encoding="utf-8"))] == []


def test_a_line_black_could_break_is_sent_to_black() -> None:
    long_call = "x = " + "f(" + ", ".join(["argument"] * 12) + ")\n"
    long_string = '    "' + "s" * 100 + '",\n'
    long_doc = '"""' + "word " * 30 + '"""\n'
    assert black_format.needs_black(long_call)
    assert not black_format.needs_black(long_string)
    assert not black_format.needs_black(long_doc)
    assert not black_format.needs_black("    # " + "(a comment) " * 10 + "\n")  # black leaves comments
    assert black_format.settle({"a.py": long_call})["a.py"] == black.format_str(long_call, mode=MODE)
