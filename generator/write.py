"""Write stage: the only code that touches the output folder.

The new output is built beside the old one and swapped in whole, so a failure
or a kill part-way leaves the previous output as it was. The generator keeps a
manifest of the files it wrote; a file it did not write is never deleted: the
run refuses and names it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

MANIFEST = ".graphdoc-manifest"


class OutputError(Exception):
    """The output folder can't be written as asked (exit 2)."""


def safe_relative(name: str) -> PurePosixPath:
    """A generated file's path, refused if it could leave the output folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(p in ("", ".", "..") for p in path.parts) or "\\" in name:
        raise OutputError(f"refusing to write {name!r}: not a plain path inside the output folder")
    return path


def manifest_text(files: dict[str, str]) -> str:
    return "".join(f"{name}\n" for name in sorted(files))


def with_manifest(files: dict[str, str]) -> dict[str, str]:
    return {**files, MANIFEST: manifest_text(files)}


def existing_files(out: Path) -> dict[str, Path]:
    if not out.is_dir():
        return {}
    return {p.relative_to(out).as_posix(): p for p in sorted(out.rglob("*")) if p.is_file() or p.is_symlink()}


def previous_manifest(out: Path) -> set[str]:
    try:
        return set((out / MANIFEST).read_text(encoding="utf-8").split())
    except OSError:
        return set()


def foreign_files(out: Path) -> list[str]:
    """Files in ``out`` that no earlier run of the generator wrote."""
    known = previous_manifest(out) | {MANIFEST}
    return sorted(name for name in existing_files(out) if name not in known)


def write_tree(out: Path, files: dict[str, str]) -> None:
    """Replace ``out`` with exactly ``files`` (plus the manifest), atomically."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    strays = foreign_files(out)
    if strays:
        listed = ", ".join(strays[:5]) + (f" and {len(strays) - 5} more" if len(strays) > 5 else "")
        raise OutputError(f"{out}: holds files graphdoc did not write ({listed}); move them away or pick another --out")
    out_parent = out.resolve().parent
    out_parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out_parent))
    try:
        for name, text in with_manifest(files).items():
            target = staging.joinpath(*safe_relative(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        _swap(staging, out.resolve())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.replace(staging, out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    os.rmdir(retired)
    os.replace(out, retired)
    try:
        os.replace(staging, out)
    except BaseException:
        os.replace(retired, out)
        raise
    shutil.rmtree(retired, ignore_errors=True)
