"""The specs' openapi.json, as a client generator reads it, drives the mock service.

openapi-python-client builds a client from `generated/openapi.json`, as a user
would; the client then creates a synchronization job on `graphdoc serve`'s mock,
starts it, and reads it back.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import GENERATED
from live_service import app_from, running

from generator.model.ir import Model

TOOL = shutil.which("openapi-python-client") or str(Path(sys.executable).parent / "openapi-python-client")
needs_tool = pytest.mark.skipif(
    not Path(TOOL).exists(), reason="openapi-python-client is not installed (pip install -e '.[test]' installs it)"
)


def load_package(folder: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, folder / "__init__.py", submodule_search_locations=[str(folder)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("client") / "graph_client"
    done = subprocess.run(
        [TOOL, "generate", "--path", str(GENERATED / "openapi.json"), "--meta", "none", "--output-path", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done, out


@needs_tool
def test_the_generator_reads_it_without_warnings(client_package: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    done, _ = client_package
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert not re.search(r"warning|error|could not|unable", said, re.IGNORECASE), said


@needs_tool
def test_a_model_per_type(client_package: tuple[subprocess.CompletedProcess[str], Path], spec_model: Model) -> None:
    _, out = client_package
    load_package(out, "graph_client")
    models = importlib.import_module("graph_client.models")
    classes = {name.lower() for name in models.__all__}
    # a flags enum's value is a comma-separated list of members: OpenAPI states it as a
    # string pattern, which the client types as str, not as a class
    missing = [t.name for t in spec_model.types if t.name.lower() not in classes and not t.flags]
    assert not missing, missing


@needs_tool
def test_the_client_creates_starts_and_reads_back_a_job(client_package: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, out = client_package
    package = load_package(out, "graph_client")
    create = importlib.import_module("graph_client.api.synchronization.synchronization_create_synchronization_job")
    start = importlib.import_module("graph_client.api.synchronization_job.synchronization_job_start")
    get = importlib.import_module("graph_client.api.synchronization_job.synchronization_job_get_synchronization_job")
    models = importlib.import_module("graph_client.models")
    with running(app_from(GENERATED)) as url:
        client = package.Client(base_url=url)
        made = create.sync(service_principal_id="sp-client", client=client, body=models.SynchronizationJob(template_id="scim"))
        assert isinstance(made, models.SynchronizationJob) and isinstance(made.id, str) and made.id
        assert start.sync_detailed("sp-client", made.id, client=client).status_code == 204
        read = get.sync("sp-client", made.id, client=client)
        assert isinstance(read, models.SynchronizationJob)
        assert (read.id, read.template_id) == (made.id, "scim")
