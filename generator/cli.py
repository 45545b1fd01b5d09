"""The ``graphdoc`` command line.

Exit codes: 0 success; 1 the run found what it checks for (check, validate,
lint); 2 usage errors and unusable input, output or schema folders; 3 a bug in
graphdoc. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import config
from .diagnostics import ERROR
from .emit.model_json import dumps
from .load import DocsRootError
from .pipeline import build_model, check, generate, summary
from .progress import Progress
from .usage import UsageError
from .write import OutputError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"graphdoc: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="graphdoc", description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    inspect = commands.add_parser("inspect", help="parse a docs folder and print the model")
    inspect.add_argument("docs", nargs="?", help="docs root holding resources/ and api/ (default: specs)")
    inspect.add_argument("--format", choices=("json", "text"), default="text")

    gen = commands.add_parser("generate", help="write every output for a docs folder")
    gen.add_argument("docs", nargs="?", help="docs root (default: specs)")
    gen.add_argument("--out", help="output folder (default: generated)")
    gen.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")

    chk = commands.add_parser("check", help="exit 1 when the output folder is not what generate would write")
    chk.add_argument("docs", nargs="?", help="docs root (default: specs)")
    chk.add_argument("--out", help="output folder (default: generated)")
    chk.add_argument("--diff", action="store_true", help="print a unified diff of each difference")

    srv = commands.add_parser("serve", help="run the generated mock service")
    srv.add_argument("--out", help="output folder holding the generated service (default: generated)")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    srv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    val = commands.add_parser("validate", help="check JSON payloads against the emitted schemas")
    val.add_argument("files", nargs="+", metavar="FILE", help="JSON payload files")
    val.add_argument("--type", help="type of every payload (default: each payload's @odata.type)")
    val.add_argument("--schemas", help="schema folder (default: generated/schemas)")

    lint = commands.add_parser("lint", help="report page problems and examples that break their schemas")
    lint.add_argument("docs", nargs="?", help="docs root (default: specs)")
    lint.add_argument("--format", choices=("text", "json", "github"), default="text")
    return parser


def _docs(args: argparse.Namespace) -> Path:
    return Path(args.docs or config.load().specs)


def _out(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "out", None) or config.load().out)


def _inspect(args: argparse.Namespace) -> int:
    model = build_model(_docs(args))
    if args.format == "json":
        sys.stdout.write(dumps(model))
        return 0
    for diagnostic in model.diagnostics:
        print(f"{diagnostic} [{diagnostic.severity}]")
    print(summary(model))
    return 0


def _generate(args: argparse.Namespace) -> int:
    out = _out(args)
    result = generate(_docs(args), out, Progress.for_terminal(args.quiet))
    if not args.quiet:
        for line in result.errors:
            print(line, file=sys.stderr)
        print(f"{result.summary}; wrote {out}", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    out = _out(args)
    changes, _ = check(_docs(args), out, Progress.for_terminal())
    for change in changes:
        print(f"{change.kind}: {out.as_posix()}/{change.path}")
        if args.diff:
            sys.stdout.write(change.diff(out))
    if changes:
        print(f"{len(changes)} file(s) differ from what graphdoc generate would write; run graphdoc generate", file=sys.stderr)
        return 1
    print(f"{out} is current", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from . import payloads
    from .validation import SchemaError, SchemaSet

    schemas = SchemaSet.from_dir(Path(args.schemas) if args.schemas else _out(args) / "schemas")
    if args.type:
        schemas.full_name(args.type)  # an unknown --type is a usage error, before any file
    worst = 0
    invalid = unreadable = 0
    for name in args.files:
        try:
            payload = payloads.load(Path(name))
            type_name = args.type or payloads.odata_type(payload)
            issues = schemas.validate(payload, type_name)
        except (payloads.PayloadError, SchemaError) as error:
            print(f"{name}: {error}", file=sys.stderr)
            unreadable += 1
            worst = 2
            continue
        for issue in issues:
            print(f"{name}: {issue}")
        if issues:
            invalid += 1
            worst = max(worst, 1)
    valid = len(args.files) - invalid - unreadable
    counts = f"{valid} valid, {invalid} invalid" + (f", {unreadable} unreadable" if unreadable else "")
    print(counts, file=sys.stderr)
    return worst


def _lint(args: argparse.Namespace) -> int:
    from . import lint_output
    from .lint import check_examples

    model = build_model(_docs(args))
    report = check_examples(model)
    diagnostics = sorted([*model.diagnostics, *report.diagnostics])
    sys.stdout.write(lint_output.render(diagnostics, args.format))
    print(f"{summary(model)}; examples: {report.checked} checked, {report.passed} pass", file=sys.stderr)
    return 1 if any(d.severity == ERROR for d in diagnostics) else 0


def _serve(args: argparse.Namespace) -> int:
    from .serve import serve

    serve(_out(args), args.host, args.port)
    return 0


COMMANDS = {
    "serve": _serve,
    "inspect": _inspect,
    "generate": _generate,
    "check": _check,
    "validate": _validate,
    "lint": _lint,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
