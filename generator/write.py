"""Write stage: the only code that touches the output folder.

The new output is built beside the old one and swapped in whole, so a failure
or a kill part-way leaves the previous output as it was. The generator keeps a
manifest of the files it wrote; a file it did not write is never deleted: the
run refuses and names it.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

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


def _temp_prefix(out: Path) -> str:
    return f".{out.name}.graphdoc-"


def clean_leftovers(out: Path) -> None:
    """Remove staging folders an earlier, killed run left beside ``out``."""
    prefix = _temp_prefix(out)
    for leftover in out.parent.glob(prefix + "*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def write_tree(out: Path, files: dict[str, str]) -> None:
    """Replace ``out`` with exactly ``files`` (plus the manifest), atomically."""
    out = Path(os.path.abspath(out))
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    strays = foreign_files(out)
    if strays:
        listed = ", ".join(strays[:5]) + (f" and {len(strays) - 5} more" if len(strays) > 5 else "")
        raise OutputError(f"{out}: holds files graphdoc did not write ({listed}); move them away or pick another --out")
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=_temp_prefix(out), dir=out.parent))
    try:
        for name, text in with_manifest(files).items():
            target = staging.joinpath(*safe_relative(name).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        if out.exists():
            _exchange(staging, out)  # staging now holds the old output
        else:
            os.replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _exchange(new: Path, out: Path) -> None:
    """Swap two folders in one step where the system can (Linux renameat2)."""
    if _renameat2 is not None:
        if _renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(out), _RENAME_EXCHANGE) == 0:
            return
        if ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(out))
    # Two renames: a kill between them leaves the old output in the staging folder.
    retired = Path(tempfile.mkdtemp(prefix=_temp_prefix(out), dir=out.parent))
    os.rmdir(retired)
    os.replace(out, retired)
    try:
        os.replace(new, out)
    except BaseException:
        os.replace(retired, out)
        raise
    os.replace(retired, new)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _load_renameat2() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()
