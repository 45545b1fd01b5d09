"""The ``graphdoc`` command line.

Exit codes: 0 success; 1 the run found what it checks for (check, validate,
lint); 2 usage errors and unusable input, output or schema folders; 3 a bug in
graphdoc. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import shlex
import sys
from collections import Counter
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from . import config
from .base.choices import Readings
from .base.diagnostics import CODES, INFO, SEVERITIES, WARNING, Diagnostic, Shown
from .base.progress import Progress
from .base.usage import UsageError
from .emit.model_json import dumps
from .output.write import MANIFEST, OutputError
from .parse.load import DocsRootError
from .pipeline import build_model, check, generate, require_pages, type_summary

DESCRIPTION = (
    "Turn REST API reference pages in the Microsoft Graph documentation format into "
    "JSON Schema, typed Python models, a mock service and OpenAPI."
)
EPILOG = (
    "Exit codes: 0 success; 1 check found a difference, validate an invalid payload, "
    "lint an error or diff a change as severe as --fail-on; 2 a usage error or unusable input; 3 a bug in graphdoc "
    "(GRAPHDOC_DEBUG=1 shows its traceback). Defaults for DOCS and --out come from "
    "[tool.graphdoc] in the nearest pyproject.toml."
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"graphdoc: error: {message}\n")


def _version() -> str:
    try:
        return metadata.version("graphdoc")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "unknown"


def _quiet(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help=what)


def _filters(parser: argparse.ArgumentParser, severity: str) -> None:
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODE[,CODE]",
        help="show only diagnostics with these codes (repeatable)",
    )
    parser.add_argument(
        "--severity",
        choices=SEVERITIES,
        help=f"show only diagnostics of this severity or worse (default: {severity}{', everything' if severity == INFO else ''}; "
        "with --select, every severity of the codes selected)",
    )
    parser.set_defaults(least=severity)


def _readings_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--readings-off",
        action="append",
        metavar="CODE[,CODE]",
        help="build the model without these readings (repeatable; graphdoc conventions lists them; "
        "default: [tool.graphdoc] readings-off, else none)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="graphdoc", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"graphdoc {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    docs_help = "docs root holding resources/ and api/ (default: specs)"

    gen = commands.add_parser("generate", help="write every output for a docs folder")
    gen.add_argument("docs", nargs="?", metavar="DOCS", help=docs_help)
    gen.add_argument("--out", help="output folder (default: generated)")
    _readings_option(gen)
    _quiet(gen, "print nothing but errors")

    chk = commands.add_parser("check", help="exit 1 when the output folder is not what generate would write")
    chk.add_argument("docs", nargs="?", metavar="DOCS", help=docs_help)
    chk.add_argument("--out", help="output folder (default: generated)")
    chk.add_argument("--diff", action="store_true", help="print a unified diff of each difference")
    _readings_option(chk)
    _quiet(chk, "print the differences only, no summary")

    lint = commands.add_parser("lint", help="report page problems and examples that break their schemas")
    lint.add_argument("docs", nargs="?", metavar="DOCS", help=docs_help)
    lint.add_argument("--format", choices=("text", "json", "github"), default="text")
    lint.add_argument(
        "--metadata",
        metavar="SERVICE.csdl",
        help="also compare the pages with a service's CSDL metadata and report every disagreement",
    )
    _filters(lint, WARNING)
    _readings_option(lint)
    _quiet(lint, "print the diagnostics only, no summary")

    rep = commands.add_parser("replay", help="send the docs' request examples to a service and check its answers")
    rep.add_argument("docs", nargs="?", metavar="DOCS", help=docs_help)
    rep.add_argument("--base-url", help="the service to check (default: a mock built from DOCS in this process)")
    rep.add_argument("--select", action="append", metavar="PAGE-GLOB", help="only the API pages matching (repeatable)")
    rep.add_argument("--format", choices=("text", "json", "github"), default="text")
    _quiet(rep, "print the failures only, no summary")

    val = commands.add_parser("validate", help="check JSON payloads against the emitted schemas")
    val.add_argument("files", nargs="+", metavar="FILE", help="JSON payload files; - reads standard input")
    val.add_argument("--type", help="type of every payload (default: each payload's @odata.type)")
    val.add_argument(
        "--collection",
        action="store_true",
        help='each payload is a collection response, {"value": [...]} (a page with @odata.nextLink too): check each item',
    )
    val.add_argument("--schemas", help="schema folder, or an output folder holding schemas/ (default: generated)")
    _quiet(val, "print the issues only, no counts")

    srv = commands.add_parser("serve", help="run the generated mock service")
    srv.add_argument("--out", help="output folder holding the generated service (default: generated)")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    srv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    srv.add_argument("--empty", action="store_true", help="start with an empty store, not the docs' examples")
    srv.add_argument("--me", metavar="ID", help="the user /me stands for (default: the one the docs' GET /me answers)")
    _quiet(srv, "log warnings and errors only")

    dif = commands.add_parser("diff", help="what changed in the API's contract between two docs trees, and what breaks its clients")
    dif.add_argument("old", metavar="OLD", help="docs folder, git revision and folder (origin/main:docs), or model.json")
    dif.add_argument("new", nargs="?", metavar="NEW", help="the same kinds as OLD (default: the docs folder, specs)")
    dif.add_argument("--format", choices=("text", "json", "github", "markdown"), default="text")
    dif.add_argument("--fail-on", choices=("breaking", "warning", "any"), default="breaking", help="exit 1 when a change this severe or worse is shown (default: breaking)")
    dif.add_argument("--select", action="append", metavar="CHANGE[,CHANGE]", help="show only these changes: kinds, globs (operation-*) or severities (repeatable)")
    _quiet(dif, "print the changes only, no counts")
    _readings_option(dif)

    inspect = commands.add_parser("inspect", help="parse a docs folder and print the model")
    inspect.add_argument("docs", nargs="?", metavar="DOCS", help=docs_help)
    inspect.add_argument("--format", choices=("json", "text"), default="text")
    _filters(inspect, INFO)
    _readings_option(inspect)
    _quiet(inspect, "print the diagnostics only, no summary")

    conv = commands.add_parser("conventions", help="print the readings of the pages graphdoc applies, in the order it applies them")
    conv.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    return parser


def _docs(args: argparse.Namespace) -> Path:
    return Path(args.docs or config.load().specs)


def _out(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "out", None) or config.load().out)


def _readings(args: argparse.Namespace) -> Readings:
    """The readings to apply: every one but those --readings-off names, else those
    [tool.graphdoc] readings-off names."""
    if getattr(args, "readings_off", None) is None:  # replay has no option: the table's list only
        return config.load().readings
    codes = [code for option in args.readings_off for code in option.split(",")]
    try:
        return config.readings_off(codes, "--readings-off")
    except config.ConfigError as error:
        raise UsageError(str(error)) from None


def display_root(docs: Path) -> str:
    """What goes before a docs-relative path so that it reads from the working folder:
    ``specs/`` for ``graphdoc lint specs``; an absolute path for a folder elsewhere."""
    absolute = os.path.abspath(docs)
    relative = os.path.relpath(absolute, os.getcwd())
    shown = absolute if relative.split(os.sep)[0] == os.pardir else relative
    shown = shown.replace(os.sep, "/")
    return "" if shown == "." else shown.rstrip("/") + "/"


def _selected(diagnostics: Sequence[Diagnostic], args: argparse.Namespace) -> Shown:
    codes = {code.strip().upper() for option in args.select or () for code in option.split(",") if code.strip()}
    unknown = sorted(codes - set(CODES))
    if unknown:
        raise UsageError(f"--select: unknown code(s) {', '.join(unknown)}; see the README's list of codes")
    return Shown.of(diagnostics, args.severity or (INFO if codes else args.least), codes)


def _inspect(args: argparse.Namespace) -> int:
    docs = _docs(args)
    model = require_pages(docs, build_model(docs, _readings(args)))
    if args.format == "json":
        sys.stdout.write(dumps(model))
        return 0
    root = display_root(docs)
    shown = _selected(model.diagnostics, args)
    for diagnostic in shown.diagnostics:
        print(diagnostic.display(root))
    if not args.quiet:
        print(f"{type_summary(model)}; {shown.summary()}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    docs, out = _docs(args), _out(args)
    result = generate(docs, out, Progress.for_terminal(args.quiet), _readings(args))
    if not args.quiet:
        root = display_root(docs)
        for diagnostic in result.report.errors:
            print(diagnostic.display(root), file=sys.stderr)
        done = f"{out} is already current" if not result.changed else f"wrote {out}"
        print(f"{result.report.summary}; {done}", file=sys.stderr)
    return 0


def _generate_command(args: argparse.Namespace) -> str:
    """``graphdoc generate`` with the folders this run was given, as a shell reads it."""
    words = ["graphdoc", "generate", *([args.docs] if args.docs else []), *(["--out", args.out] if args.out else [])]
    words += [f"--readings-off={option}" for option in args.readings_off or ()]
    return shlex.join(words)


def _check(args: argparse.Namespace) -> int:
    from .output.check import STRAY

    out = _out(args)
    if not out.exists():
        raise OutputError(f"{out}: does not exist; {_generate_command(args)} writes it")
    if not out.is_dir():
        raise OutputError(f"{out}: not a folder")
    changes, _ = check(_docs(args), out, Progress.for_terminal(args.quiet), _readings(args))
    # The manifest only restates the other files' hashes: it is news on its own only.
    if any(change.path != MANIFEST for change in changes):
        changes = [change for change in changes if change.path != MANIFEST]
    for change in changes:
        print(f"{change.kind}: {out.as_posix()}/{change.path}")
        if args.diff:
            sys.stdout.write(change.diff(out))
    if changes:
        if not args.quiet:
            strays = [f"{out.as_posix()}/{change.path}" for change in changes if change.kind == STRAY]
            fix = _generate_command(args)
            if strays:  # generate refuses a folder holding files it did not write: those go first
                fix = f"{shlex.join(['rm', '--', *strays])} && {fix}" if len(strays) <= 10 else f"move the {len(strays)} stray files out of {out}, then {fix}"
            print(f"{len(changes)} file(s) differ from what graphdoc generate would write; run: {fix}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{out} is current", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from .payloads import files as payloads
    from .payloads.validation import SchemaError, SchemaSet, UnknownType

    schemas = SchemaSet.from_dir(Path(args.schemas) if args.schemas else _out(args))
    if args.type:
        schemas.full_name(args.type)  # an unknown --type is a usage error, before any file
    outcomes: Counter[str] = Counter()
    for name in args.files:
        label = "<stdin>" if name == payloads.STDIN else name
        try:
            payload = payloads.load(name)
            type_name = args.type or (None if args.collection else payloads.odata_type(payload))
            issues = schemas.validate(payload, type_name, collection=args.collection)
        except UnknownType as error:
            print(f"{label}: {error}", file=sys.stderr)
            outcomes[UNKNOWN] += 1
            continue
        except payloads.UntypedPayload as error:
            print(f"{label}: {error}", file=sys.stderr)
            outcomes[UNTYPED] += 1
            continue
        except SchemaError as error:  # a collection's item that names no type, or a name that is ambiguous
            print(f"{label}: {error}", file=sys.stderr)
            outcomes[UNTYPED] += 1
            continue
        except payloads.PayloadError as error:
            print(f"{label}: {error}", file=sys.stderr)
            outcomes[UNREADABLE] += 1
            continue
        for issue in issues:
            print(f"{label}: {issue}")
        outcomes[INVALID if issues else VALID] += 1
    if not args.quiet:
        shown = [f"{outcomes[VALID]} valid", f"{outcomes[INVALID]} invalid"]
        shown += [f"{outcomes[kind]} {kind}" for kind in (UNKNOWN, UNREADABLE, UNTYPED) if outcomes[kind]]
        print(", ".join(shown), file=sys.stderr)
    return 2 if outcomes[UNREADABLE] or outcomes[UNTYPED] else 1 if outcomes[INVALID] or outcomes[UNKNOWN] else 0


# What graphdoc validate makes of each payload file.
VALID, INVALID, UNKNOWN, UNREADABLE, UNTYPED = "valid", "invalid", "of an unknown type", "unreadable", "without a type"


def _lint(args: argparse.Namespace) -> int:
    from .base import lint_output
    from .emit.views import Views
    from .service import metadata
    from .service.conformance import compare
    from .service.lint import check_examples

    docs = _docs(args)
    service = metadata.read(Path(args.metadata)) if args.metadata else None  # a bad file fails before the long part
    model = require_pages(docs, build_model(docs, _readings(args)))
    views = Views(model)
    report = check_examples(model, views=views)
    named = views.names.diagnostics  # what the Python targets would rename
    found = [*model.diagnostics, *named, *report.diagnostics]
    conformance = compare(model, service) if service is not None else None
    if conformance is not None:
        found += conformance.diagnostics
    shown = _selected(sorted(found), args)
    sys.stdout.write(lint_output.render(shown.diagnostics, args.format, display_root(docs)))
    if not args.quiet:
        print(f"{type_summary(model)}; {shown.summary()}; examples: {report.checked} checked, {report.passed} pass", file=sys.stderr)
        if conformance is not None:
            print(conformance.figures.text(), file=sys.stderr)
    return 1 if shown.errors else 0


def _replay(args: argparse.Namespace) -> int:
    from .base import lint_output
    from .service.replay import replay

    docs = _docs(args)
    report = replay(require_pages(docs, build_model(docs, _readings(args))), args.base_url, tuple(args.select or ()))
    sys.stdout.write(lint_output.render(report.diagnostics(), args.format, display_root(docs)))
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    return 1 if report.failed else 0


def _diff(args: argparse.Namespace) -> int:
    from .diff import cli

    return cli.run(args.old, args.new or str(config.load().specs), args.format, args.fail_on, args.select or (), args.quiet, display_root, _readings(args))


def _conventions(args: argparse.Namespace) -> int:
    from .model.readings import FORMATS

    sys.stdout.write(FORMATS[args.format]())
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .service.serve import serve

    serve(_out(args), args.host, args.port, args.quiet, empty=args.empty, me=args.me)
    return 0


COMMANDS = {
    "generate": _generate,
    "check": _check,
    "lint": _lint,
    "validate": _validate,
    "replay": _replay,
    "serve": _serve,
    "inspect": _inspect,
    "diff": _diff,
    "conventions": _conventions,
}


# Commands whose work is one run over the docs and ends with it (``serve`` runs until
# stopped; ``validate`` and ``replay`` read as many payloads as they are given).
FINITE = frozenset({"generate", "check", "lint", "inspect", "diff"})


def main(argv: Sequence[str] | None = None, exiting: bool = False) -> int:
    """``exiting``: the process ends when this returns (``run``)."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:  # bare graphdoc: say what it can do
        parser.print_help(sys.stderr)
        return 2
    if exiting and args.command in FINITE:
        # No cyclic garbage collection at all: the pipeline makes few cycles, and a
        # collection once it is done walks every object the run made (a quarter of
        # a second on the corpus) just before the process ends anyway.
        gc.disable()
    try:
        return COMMANDS[args.command](args)
    except (DocsRootError, OutputError, UsageError, config.ConfigError) as error:
        print(f"graphdoc: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"graphdoc: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("graphdoc: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug in graphdoc: one line for users, the traceback on request
        if os.environ.get("GRAPHDOC_DEBUG"):
            raise
        print(f"graphdoc: internal error: {type(error).__name__}: {error} (set GRAPHDOC_DEBUG=1 for details)", file=sys.stderr)
        return 3


def run() -> None:
    """The ``graphdoc`` command: ``main``, then exit without tearing the process down.

    Freeing a model of millions of objects one by one at exit took about a second
    of a corpus run; the operating system reclaims it at once. Output is flushed
    first, and nothing else is left to run at exit (the cache files are written
    and closed by then).
    """
    code = main(exiting=True)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
