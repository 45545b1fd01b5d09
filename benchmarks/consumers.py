"""The outputs as their users' tools read them: every tool, on the specs' output and the corpus's.

Installs each tool, pinned, into a folder of its own (a temporary one unless `--tools`
names one to keep between runs), as `benchmarks/service_rps.py` does with Prism:
npm packages with npm, Python ones into a virtual environment of their own. Then it
runs each tool on two output folders, the specs' (`generated/`) and the corpus's
(generated here from `--docs`, the Graph beta reference by default, unless
`--corpus-out` names a folder already generated), and prints one table: a row per
tool, a column per output.

    python benchmarks/consumers.py [--specs-out generated] [--docs ../shared/graph-docs/beta]
                                   [--corpus-out DIR] [--tools DIR] [--only NAME,...]
                                   [--no-corpus] [--work DIR]

What each row counts:
- openapi-spec-validator: whether `openapi.json` is valid OpenAPI 3.1 (errors, the first one).
- Redocly CLI `lint` with its recommended rules (or `benchmarks/redocly.yaml` when it is
  there; each rule it turns off says why): errors, warnings, and examples its validator
  crashed on.
- openapi-generator, `-g python`: warnings (the most common kinds), then every module
  of the package imported.
- openapi-python-client: warnings, schemas and endpoints it left out, then every module imported.
- openapi-typescript, then `tsc --strict --noEmit` on its output: errors.
- schemathesis `run` against `graphdoc serve` of the output (all phases, examples, coverage,
  fuzzing and stateful, seed 1): failures and operations it could not reach. Specs only:
  on the corpus it would run for hours.
- datamodel-code-generator on `schemas/` (Pydantic v2 models): warnings, then every
  documented example that `graphdoc validate` accepts is given to its type's model:
  the ones the model refuses.
- odata2openapi on `metadata.xml`: converts or crashes.
- odata-csdl-xml2json (the OASIS CSDL reader) on `metadata.xml`: the CSDL rules it reports broken.

Runs are long on the corpus (tens of minutes in all, on two cores); the raw output of
every tool is kept in the work folder (`--work`, or a temporary one) for reading.

`--form` rewrites each `openapi.json` (which states a value of a type with derived types
as `anyOf` them) into another form of polymorphism before the OpenAPI tools read it, to
compare: `oneOf`, `oneOf` with a discriminator on `@odata.type` and its mapping (graphdoc's
form before), or the discriminator and its mapping on the base type itself with `@odata.type`
required on every type (the form of the service's own OpenAPI description).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "graph-docs" / "beta"
RULESET = ROOT / "benchmarks" / "redocly.yaml"
TIMEOUT = 3600  # seconds a tool may take on one output

NPM_PACKAGES = ["@redocly/cli@2.77.0", "openapi-typescript@7.13.0", "typescript@5.9.3", "odata2openapi@1.3.2", "odata-openapi@0.29.0"]
PIP_PACKAGES = [
    "openapi-spec-validator==0.9.0",
    "openapi-generator-cli==7.26.0",
    "openapi-python-client==0.29.1",
    "datamodel-code-generator==0.97.0",
    "schemathesis==4.32.5",
    # what the generated clients and models import
    "pydantic>=2.10",
    "python-dateutil",
    "urllib3",
    "typing-extensions",
    "attrs",
    "httpx",
]

# Imports each module of a package below FOLDER and prints the failures as JSON.
IMPORT_ALL = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, traceback
    folder, name = sys.argv[1], sys.argv[2]
    sys.path.insert(0, folder)
    failed, seen = {}, 0
    try:
        package = importlib.import_module(name)
    except Exception as error:
        print(json.dumps({"modules": 1, "failed": {name: f"{type(error).__name__}: {error}"}}))
        sys.exit()
    def skipped(module):
        failed[module] = "".join(traceback.format_exception_only(*sys.exc_info()[:2])).strip()
    for found in pkgutil.walk_packages(package.__path__, name + ".", onerror=skipped):
        seen += 1
        try:
            importlib.import_module(found.name)
        except Exception as error:
            failed[found.name] = f"{type(error).__name__}: {error}"
    print(json.dumps({"modules": seen + 1, "failed": failed}))
    """
)

# Gives odata2openapi the document, as its README says; prints what it made.
ODATA2OPENAPI = textwrap.dedent(
    """
    const { parse, convert } = require(process.argv[2]);
    const xml = require('fs').readFileSync(process.argv[3], 'utf8');
    parse(xml)
      .then(service => convert(service.entitySets, { host: 'localhost', basePath: '/' }, service.version))
      .then(swagger => console.log(JSON.stringify({ paths: Object.keys(swagger.paths || {}).length,
                                                   definitions: Object.keys(swagger.definitions || {}).length })))
      .catch(error => { console.error(String(error && error.stack || error)); process.exit(1); });
    """
)

# The documented examples `graphdoc validate` accepts, each given to its type's
# Pydantic model from datamodel-code-generator; prints the refusals as JSON.
PYDANTIC_CHECK = textwrap.dedent(
    """
    import importlib, json, sys
    folder, cases = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
    sys.path.insert(0, folder)
    from pydantic import BaseModel, ValidationError
    refused, missing, checked = [], set(), 0
    classes = {}
    def model_of(module_name, title):
        if module_name not in classes:
            try:
                module = importlib.import_module("dmc." + module_name)
            except Exception as error:
                classes[module_name] = f"{type(error).__name__}: {error}"
                return classes[module_name]
            wanted = title[:1].upper() + title[1:]
            # the type's own module, or the bundle's shared one where it moves models on a cycle
            places = [module]
            try:
                places.append(importlib.import_module("dmc.bundle._internal"))
            except ImportError:
                pass
            found = [v for place in places for k, v in vars(place).items() if k == wanted and isinstance(v, type) and issubclass(v, BaseModel)]
            classes[module_name] = found[0] if found else f"no class {wanted}"
        return classes[module_name]
    for case in cases:
        model = model_of(case["module"], case["title"])
        if isinstance(model, str):
            missing.add(f"{case['module']}: {model}")
            continue
        checked += 1
        try:
            model.model_validate(case["value"])
        except ValidationError as error:
            first = error.errors()[0]
            refused.append({"where": case["where"], "type": case["type"],
                            "error": f"{'/'.join(map(str, first['loc']))}: {first['msg']}"})
    print(json.dumps({"checked": checked, "refused": refused, "missing": sorted(missing)}))
    """
)


@dataclass
class Cell:
    text: str
    details: list[str] = field(default_factory=list)


@dataclass
class Tools:
    folder: Path
    python: Path
    bin: Path  # the virtual environment's scripts
    npm_bin: Path
    node_modules: Path

    def npm(self, name: str) -> Path:
        return self.npm_bin / name

    def venv(self, name: str) -> Path:
        return self.bin / name


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(command: list[str | Path], log_file: Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Runs a command, its output to ``log_file``; its exit code and output. A time-out is exit 124."""
    with log_file.open("w", encoding="utf-8", errors="replace") as out:
        try:
            done = subprocess.run(
                [str(c) for c in command], stdout=out, stderr=subprocess.STDOUT, cwd=cwd, env=env, timeout=TIMEOUT, text=True
            )
            code = done.returncode
        except subprocess.TimeoutExpired:
            code = 124
    return code, log_file.read_text(encoding="utf-8", errors="replace")


def install(folder: Path) -> Tools:
    venv, npm_prefix = folder / "venv", folder / "npm"
    python = venv / "bin" / "python"
    tools = Tools(folder, python, venv / "bin", npm_prefix / "node_modules" / ".bin", npm_prefix / "node_modules")
    if not python.exists():
        log(f"installing {', '.join(PIP_PACKAGES[:5])} into {venv}")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PIP_PACKAGES], check=True)
    if not all((npm_prefix / "node_modules" / name.rsplit("@", 1)[0] / "package.json").exists() for name in NPM_PACKAGES):
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is not installed: it is needed for Redocly, openapi-typescript and the OData tools")
        log(f"installing {', '.join(NPM_PACKAGES)} into {npm_prefix}")
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", str(npm_prefix), *NPM_PACKAGES], check=True)
    return tools


def versions(tools: Tools) -> str:
    pip = subprocess.run([str(tools.python), "-m", "pip", "list", "--format", "json"], capture_output=True, text=True, check=True)
    have = {p["name"].lower(): p["version"] for p in json.loads(pip.stdout)}
    wanted = [p.split("=")[0].split(">")[0] for p in PIP_PACKAGES[:5]]
    npm = []
    for spec in NPM_PACKAGES:
        name = spec.rsplit("@", 1)[0]
        meta = json.loads((tools.node_modules / name / "package.json").read_text(encoding="utf-8"))
        npm.append(f"{name} {meta['version']}")
    java = subprocess.run(["java", "-version"], capture_output=True, text=True)
    return ", ".join([*(f"{w} {have.get(w, '?')}" for w in wanted), *npm, (java.stderr.splitlines() or ["java ?"])[0]])


# -- each tool: (output folder, work folder, tools) -> Cell ---------------------------------


def spec_validator(out: Path, work: Path, tools: Tools) -> Cell:
    script = "import json, sys\nfrom openapi_spec_validator import validate\nvalidate(json.load(open(sys.argv[1], encoding='utf-8')))"
    code, said = run([tools.python, "-c", script, out / "openapi.json"], work / "openapi-spec-validator.log")
    if code == 0:
        return Cell("valid")
    last = [line for line in said.splitlines() if line.strip()][-1:] or ["?"]
    return Cell(f"invalid: {last[0][:160]}")


def redocly(out: Path, work: Path, tools: Tools) -> Cell:
    report = work / "redocly.json"
    config = ["--config", str(RULESET)] if RULESET.exists() else []
    env = {**os.environ, "NODE_OPTIONS": "--max-old-space-size=12000"}
    command = [tools.npm("redocly"), "lint", out / "openapi.json", "--format=json", "--max-problems=1000000", *config]
    with report.open("w", encoding="utf-8") as stdout, (work / "redocly.log").open("w", encoding="utf-8") as stderr:
        done = subprocess.run([str(c) for c in command], stdout=stdout, stderr=stderr, env=env, timeout=TIMEOUT)
    try:
        found = json.loads(report.read_text(encoding="utf-8"))
    except ValueError:
        return Cell(f"no report (exit {done.returncode}); see {work / 'redocly.log'}")
    problems = found["problems"]
    crashed = [p for p in problems if "Cannot " in p["message"] or "errored" in p["message"].lower()]
    rules = Counter(f"{p['ruleId']} ({p['severity']})" for p in problems)
    totals = found["totals"]
    text = f"{totals['errors']:,} errors, {totals['warnings']:,} warnings"
    if crashed:
        text += f"; {len(crashed):,} examples crash its validator"
    return Cell(text, [f"{n:,} {rule}" for rule, n in rules.most_common(8)])


def _import_all(tools: Tools, folder: Path, package: str, work: Path, name: str) -> tuple[int, dict[str, str]]:
    code, said = run([tools.python, "-c", IMPORT_ALL, folder, package], work / f"{name}-import.log")
    lines = [line for line in said.splitlines() if line.startswith("{")]
    if code != 0 or not lines:
        return 0, {package: f"the import run failed (exit {code}): {said.strip()[-200:]}"}
    found = json.loads(lines[-1])
    return int(found["modules"]), dict(found["failed"])


def _imports(modules: int, failed: dict[str, str], package: str) -> tuple[str, list[str]]:
    if not failed:
        return f"all {modules:,} modules import", []
    if package in failed:  # the package's own __init__ fails: none of its modules can be imported
        return "the package does not import", [failed[package][:160]]
    reasons = Counter(re.sub(r"'[^']*'", "'...'", why)[:120] for why in failed.values())
    return f"{len(failed):,} of {modules:,} modules fail to import", [f"{n:,} {why}" for why, n in reasons.most_common(5)]


def openapi_generator(out: Path, work: Path, tools: Tools) -> Cell:
    target = work / "openapi-generator"
    shutil.rmtree(target, ignore_errors=True)
    command = [tools.venv("openapi-generator-cli"), "generate", "-g", "python", "-i", out / "openapi.json", "-o", target, "--package-name", "graph_client"]
    env = {**os.environ, "JAVA_OPTS": "-Xmx12g"}
    code, said = run(command, work / "openapi-generator.log", env=env)
    warnings = [line.split(" - ", 1)[-1] for line in said.splitlines() if " WARN " in line]
    kinds = Counter(re.sub(r"'[^']*'", "'...'", w)[:110] for w in warnings)
    text = f"{len(warnings):,} warnings"
    details = [f"{n:,} {kind}" for kind, n in kinds.most_common(5)]
    if code != 0:
        return Cell(f"fails (exit {code}); {text}", details)
    imported, why = _imports(*_import_all(tools, target, "graph_client", work, "openapi-generator"), "graph_client")
    return Cell(f"{text}; {imported}", details + why)


def openapi_python_client(out: Path, work: Path, tools: Tools) -> Cell:
    target = work / "openapi-python-client"
    shutil.rmtree(target, ignore_errors=True)
    command = [tools.venv("openapi-python-client"), "generate", "--path", out / "openapi.json", "--meta", "none", "--output-path", target]
    code, said = run(command, work / "openapi-python-client.log")
    said = re.sub(r"\x1b\[[0-9;]*m", "", said)
    # its warnings: a schema it could not process (and dropped), an endpoint it parsed with a warning
    schemas = re.findall(r"^Unable to process schema (\S+):\n\n(.*)$", said, re.MULTILINE)
    endpoints = re.findall(r"^WARNING parsing (\S+ \S+)", said, re.MULTILINE)
    dropped = said.count("Endpoint will not be generated")
    omitted = said.count("response will be omitted")
    warnings = len(schemas) + len(endpoints)
    if warnings:
        text = f"{warnings:,} warnings: {len(schemas):,} schemas and {dropped:,} endpoints dropped, {omitted:,} responses omitted"
    else:
        text = "no warnings"
    reasons = Counter(re.sub(r"<[^>]*>", "...", why)[:100] for _, why in schemas)
    details = [f"{n:,} schemas: {why}" for why, n in reasons.most_common(4)] + [f"e.g. {name}" for name, _ in schemas[:3]]
    if code != 0 or not (target / "__init__.py").exists():
        return Cell(f"fails (exit {code}); {text}", details)
    imported, why = _imports(*_import_all(tools, target.parent, target.name, work, "openapi-python-client"), target.name)
    return Cell(f"{text}; {imported}", details + why)


def openapi_typescript(out: Path, work: Path, tools: Tools) -> Cell:
    target = work / "openapi-typescript" / "schema.d.ts"
    target.parent.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NODE_OPTIONS": "--max-old-space-size=12000"}
    code, said = run([tools.npm("openapi-typescript"), out / "openapi.json", "-o", target], work / "openapi-typescript.log", env=env)
    if code != 0:
        return Cell(f"openapi-typescript fails (exit {code}): {said.strip()[-160:]}")
    code, said = run([tools.npm("tsc"), "--strict", "--noEmit", target], work / "tsc.log", env=env)
    errors = re.findall(r"error TS\d+", said)
    if code == 0:
        return Cell("clean (tsc --strict)")
    return Cell(f"{len(errors):,} tsc --strict errors", [line[:140] for line in said.splitlines()[:3]])


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(out: Path, work: Path) -> Iterator[str]:
    import httpx

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "generator", "serve", "--out", str(out), "--port", str(port), "-q"]
    with (work / "serve.log").open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            start = time.monotonic()
            while True:
                try:
                    httpx.get(base + "/", timeout=1)
                    break
                except httpx.TransportError:
                    if process.poll() is not None or time.monotonic() - start > 180:
                        raise RuntimeError(f"graphdoc serve did not start; see {work / 'serve.log'}") from None
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


# A query parameter the description doesn't name is no violation: Graph reads past one that
# isn't an OData option, and so does the mock ($-prefixed ones both refuse).
SCHEMATHESIS_CONFIG = "[generation]\nallow-extra-parameters = false\n"


def schemathesis(out: Path, work: Path, tools: Tools) -> Cell:
    config = work / "schemathesis.toml"
    config.write_text(SCHEMATHESIS_CONFIG, encoding="utf-8")
    # the mock answers under the version path the description's first server names, as Graph does
    server = json.loads((out / "openapi.json").read_text(encoding="utf-8"))["servers"][0]
    version = server.get("variables", {}).get("version", {}).get("default")
    with serving(out, work) as base:
        url = f"{base}/{version}" if version and "{version}" in server["url"] else base
        command = [tools.venv("schemathesis"), "--config-file", config, "--no-color", "run", out / "openapi.json", "--url", url, "--seed", "1"]
        code, said = run(command, work / "schemathesis.log", cwd=work)
    kinds = re.findall(r"^\s*❌ (ST\d+ [^:\n]+): (\d+)", said, re.MULTILINE)
    total = re.search(r"(\d+) failures?", said.splitlines()[-1] if said.strip() else "")
    unreached = re.findall(r"Missing test data: (\d+) operations?", said)
    text = "0 failures" if code == 0 else f"{total.group(1) if total else '?'} failures"
    if unreached:
        text += f"; {unreached[0]} operations never reached (404 for lack of data)"
    return Cell(text, [f"{n} {kind}" for kind, n in kinds])


def _example_cases(docs: Path, out: Path) -> list[dict[str, object]]:
    """Each documented example value ``graphdoc validate`` accepts, with the module and
    title of its type's schema as datamodel-code-generator names them."""
    sys.path.insert(0, str(ROOT))
    from generator.payloads.validation import SchemaSet
    from generator.pipeline import build_model
    from generator.service.lint import _request_types, _values, example_type

    model = build_model(docs)
    schemas = SchemaSet.from_dir(out / "schemas")
    files = {}
    for path in (out / "schemas").glob("*.json"):
        if path.name != "bundle.json":
            files[path.stem] = path
    request_types = _request_types(model)
    cases: list[dict[str, object]] = []
    for example in model.examples:
        type_name = example_type(example, request_types)
        if type_name is None or example.body is None or type_name not in files:
            continue
        values = _values(example, type_name)
        if values is None:
            continue
        title = json.loads(files[type_name].read_text(encoding="utf-8"))["title"]
        for pointer, value in values:
            if schemas.validate(value, type_name):
                continue
            where = f"{example.source.path}:{example.source.line}{pointer}"
            cases.append({"where": where, "type": type_name, "module": type_name.replace(".", "_"), "title": title, "value": value})
    return cases


def datamodel_codegen(out: Path, work: Path, tools: Tools, docs: Path | None = None) -> Cell:
    target = work / "dmc"
    shutil.rmtree(target, ignore_errors=True)
    command = [
        tools.venv("datamodel-codegen"),
        *("--input", out / "schemas", "--input-file-type", "jsonschema", "--output", target),
        *("--output-model-type", "pydantic_v2.BaseModel", "--formatters", "builtin"),
    ]
    code, said = run(command, work / "datamodel-codegen.log")
    warnings = re.findall(r"^\S+:\d+: (\w*Warning): (.*)$", said, re.MULTILINE)
    kinds = Counter(re.sub(r"^[^:]+\.json#\S*: ", "", message)[:100] for _, message in warnings)
    text = f"{len(warnings):,} warnings"
    details = [f"{n:,} {kind}" for kind, n in kinds.most_common(4)]
    if code != 0:
        return Cell(f"fails (exit {code}); {text}", details)
    if docs is None:
        return Cell(text, details)
    cases = work / "dmc-cases.json"
    cases.write_text(json.dumps(_example_cases(docs, out)), encoding="utf-8")
    code, said = run([tools.python, "-c", PYDANTIC_CHECK, work, cases], work / "dmc-examples.log")
    lines = [line for line in said.splitlines() if line.startswith("{")]
    if code != 0 or not lines:
        return Cell(f"{text}; the example check failed: {said.strip()[-200:]}", details)
    found = json.loads(lines[-1])
    refused, checked = found["refused"], found["checked"]
    details += [f"{r['where']} ({r['type']}): {r['error']}"[:160] for r in refused[:4]] + found["missing"][:3]
    if not refused and not found["missing"]:
        return Cell(f"{text}; the models accept all {checked:,} valid examples", details)
    extra = f" ({len(found['missing'])} modules without their model)" if found["missing"] else ""
    return Cell(f"{text}; the models refuse {len(refused):,} of {checked:,} valid examples{extra}", details)


def odata2openapi(out: Path, work: Path, tools: Tools) -> Cell:
    script = work / "odata2openapi.js"
    script.write_text(ODATA2OPENAPI, encoding="utf-8")
    code, said = run(["node", script, tools.node_modules / "odata2openapi", out / "metadata.xml"], work / "odata2openapi.log")
    if code == 0:
        made = json.loads([line for line in said.splitlines() if line.startswith("{")][-1])
        return Cell(f"converts ({made['paths']:,} paths, {made['definitions']:,} definitions)")
    first = next((line.strip() for line in said.splitlines() if line.strip()), "?")
    return Cell(f"crashes: {first[:140]}")


def csdl_reader(out: Path, work: Path, tools: Tools) -> Cell:
    command = [str(tools.npm("odata-csdl-xml2json")), "--target", str(work / "metadata.json"), str(out / "metadata.xml")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    (work / "odata-csdl.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    problems = [line for line in done.stderr.splitlines() if line.strip()]
    if done.returncode == 0 and not problems:
        return Cell("reads it, nothing reported")
    return Cell(f"{len(problems):,} lines reported (exit {done.returncode})", [line[:140] for line in problems[:3]])


FORMS = ("anyof", "oneof", "oneof-discriminator", "base-discriminator")


def rewritten(document: dict[str, Any], form: str) -> dict[str, Any]:
    """The description with its unions (``<type>.polymorphic``: ``anyOf`` the type and its
    derived types) in another form of polymorphism."""
    schemas = document["components"]["schemas"]
    unions = {name: schema for name, schema in schemas.items() if name.endswith(".polymorphic")}

    def mapping(union: dict[str, Any]) -> dict[str, str]:
        targets = [alternative["$ref"] for alternative in union["anyOf"]]
        return {"#" + target.rsplit("/", 1)[1]: target for target in targets}

    if form == "anyof":
        return document
    if form in ("oneof", "oneof-discriminator"):
        for union in unions.values():
            union["oneOf"] = union.pop("anyOf")
            if form == "oneof-discriminator":
                union["discriminator"] = {"propertyName": "@odata.type", "mapping": mapping({"anyOf": union["oneOf"]})}
        return document
    # base-discriminator: refer to the base itself, which carries the discriminator; every
    # type of a family requires @odata.type
    for name, union in unions.items():
        base = schemas[name.removesuffix(".polymorphic")]
        base["discriminator"] = {"propertyName": "@odata.type", "mapping": mapping(union)}
        for target in mapping(union).values():
            component = schemas[target.rsplit("/", 1)[1]]
            own = component["allOf"][-1] if "allOf" in component else component
            own["required"] = sorted({*own.get("required", []), "@odata.type"})
        del schemas[name]
    text = json.dumps(document)
    for name in unions:
        text = text.replace(f'"#/components/schemas/{name}"', f'"#/components/schemas/{name.removesuffix(".polymorphic")}"')
    return json.loads(text)  # type: ignore[no-any-return]


def with_form(out: Path, form: str, work: Path) -> Path:
    """An output folder whose openapi.json is in ``form`` (the others linked to the original's)."""
    if form == "anyof":
        return out
    folder = work / f"output-{form}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for item in out.iterdir():
        if item.name != "openapi.json":
            (folder / item.name).symlink_to(item)
    document = rewritten(json.loads((out / "openapi.json").read_text(encoding="utf-8")), form)
    (folder / "openapi.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    return folder


ROWS: dict[str, tuple[str, Callable[..., Cell]]] = {
    "spec-validator": ("openapi-spec-validator", spec_validator),
    "redocly": ("Redocly CLI `lint`", redocly),
    "openapi-generator": ("openapi-generator `-g python`, then import every module", openapi_generator),
    "openapi-python-client": ("openapi-python-client, then import every module", openapi_python_client),
    "openapi-typescript": ("openapi-typescript + `tsc --strict`", openapi_typescript),
    "schemathesis": ("schemathesis `run` against `graphdoc serve`", schemathesis),
    "datamodel-codegen": ("datamodel-code-generator on `schemas/`, then the examples", datamodel_codegen),
    "odata2openapi": ("odata2openapi on `metadata.xml`", odata2openapi),
    "odata-csdl": ("odata-csdl-xml2json on `metadata.xml`", csdl_reader),
}
SPECS_ONLY = {"schemathesis"}


def measure(key: str, out: Path, docs: Path | None, work: Path, tools: Tools, corpus: bool) -> Cell:
    if corpus and key in SPECS_ONLY:
        return Cell("-")
    folder = work / key
    folder.mkdir(parents=True, exist_ok=True)
    _, tool = ROWS[key]
    start = time.monotonic()
    try:
        cell = tool(out, folder, tools, docs) if key == "datamodel-codegen" else tool(out, folder, tools)
    except (OSError, RuntimeError, subprocess.SubprocessError, ValueError) as error:
        cell = Cell(f"could not run: {error}")
    log(f"{key} on {out}: {cell.text} ({time.monotonic() - start:.0f} s)")
    return cell


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs-out", type=Path, default=ROOT / "generated", help="the specs' output folder")
    parser.add_argument("--specs", type=Path, default=ROOT / "specs", help="the docs the specs' output was made from")
    parser.add_argument("--docs", type=Path, default=CORPUS, help="the corpus to generate and check")
    parser.add_argument("--corpus-out", type=Path, help="the corpus's output, already generated from --docs")
    parser.add_argument("--no-corpus", action="store_true", help="check the specs' output only")
    parser.add_argument("--tools", type=Path, help="install the tools here and keep them (default: a temporary folder)")
    parser.add_argument("--work", type=Path, help="keep every tool's output here (default: a temporary folder)")
    parser.add_argument("--only", help="a comma-separated list of rows: " + ", ".join(ROWS))
    parser.add_argument("--form", choices=FORMS, default="anyof", help="the polymorphism form the OpenAPI tools read (default: as emitted)")
    args = parser.parse_args()
    keys = [k.strip() for k in args.only.split(",")] if args.only else list(ROWS)
    unknown = [k for k in keys if k not in ROWS]
    if unknown:
        parser.error(f"no row {', '.join(unknown)}; the rows are {', '.join(ROWS)}")
    os.environ.setdefault("GRAPHDOC_CACHE_DIR", str(Path(tempfile.gettempdir()) / "graphdoc-bench-cache"))
    with tempfile.TemporaryDirectory(prefix="graphdoc-consumers-") as temporary:
        scratch = Path(temporary)
        tools = install(args.tools or scratch / "tools")
        work = args.work or scratch / "work"
        outputs: list[tuple[str, Path, Path | None]] = [("specs output", args.specs_out.resolve(), args.specs)]
        if not args.no_corpus:
            if args.corpus_out is None:
                if not args.docs.is_dir():
                    raise SystemExit(f"the corpus is not at {args.docs}: give --docs, or --no-corpus")
                corpus_out = scratch / "corpus"
                log(f"generating {args.docs} into {corpus_out}")
                subprocess.run([sys.executable, "-m", "generator", "generate", str(args.docs), "--out", str(corpus_out), "-q"], check=True, cwd=ROOT)
            else:
                corpus_out = args.corpus_out.resolve()
            outputs.append(("corpus output", corpus_out, args.docs))
        if args.form != "anyof":
            outputs = [(f"{label} ({args.form})", with_form(out, args.form, work / str(i)), docs) for i, (label, out, docs) in enumerate(outputs)]
        table: dict[str, list[Cell]] = {key: [] for key in keys}
        for index, (_, out, docs) in enumerate(outputs):
            for key in keys:
                table[key].append(measure(key, out, docs, work / f"{index}" , tools, corpus=index > 0))
        print(f"tools: {versions(tools)}")
        print()
        print("| tool | " + " | ".join(label for label, _, _ in outputs) + " |")
        print("|---|" + "---|" * len(outputs))
        for key in keys:
            print(f"| {ROWS[key][0]} | " + " | ".join(cell.text for cell in table[key]) + " |")
        print()
        for key in keys:
            for (label, _, _), cell in zip(outputs, table[key]):
                if cell.details:
                    print(f"{ROWS[key][0]}, {label}:")
                    for line in cell.details:
                        print(f"  {line}")


if __name__ == "__main__":
    main()
