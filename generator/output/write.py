"""Write stage: the only code that touches the output folder.

The new output is built beside the old one and swapped in whole, so a failure
or a kill part-way leaves the previous output as it was. A file whose bytes
are unchanged is hard-linked from the old output instead of written again; a
file in the staging folder is only ever created, never written over, since it
may be such a link. On two cores each half of the emit writes its own files there.
While a run builds its staging folder it holds a lock on it, so a run that
cleans up after killed runs removes only folders nobody is using.
The generator keeps a manifest of the files it wrote with their SHA-256, in
``sha256sum`` format; a file it did not write is never deleted: the run
refuses and names it. The caches that tools leave beside generated code
(``__pycache__``, ``.mypy_cache``, ...) belong to neither graphdoc nor the
user: they are passed over, and dropped when the folder is replaced.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.progress import QUIET, Progress

try:
    import fcntl
except ImportError:  # Windows: a folder in use can't be removed there anyway
    fcntl = None  # type: ignore[assignment]

MANIFEST = ".graphdoc-manifest"

# What Python, mypy, ruff and pytest write into a folder of code they import or check.
TOOL_CACHES = frozenset({"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"})
TOOL_CACHE_SUFFIXES = (".pyc", ".pyo")


class OutputError(Exception):
    """The output folder can't be written as asked (exit 2)."""


def safe_relative(name: str) -> str:
    """A generated file's path, refused if it could leave the output folder."""
    if not name or "\\" in name or "\0" in name or any(part in ("", ".", "..") for part in name.split("/")):
        raise OutputError(f"refusing to write {name!r}: not a plain path inside the output folder")
    return name


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of a regular file's bytes; None for a link or a file that can't be read."""
    data = _file_bytes(path)
    return digest(data) if data is not None else None


def _file_bytes(path: str | Path) -> bytes | None:
    """A regular file's bytes; None for a link or a file that can't be read."""
    if not _NO_FOLLOW and os.path.islink(path):
        return None
    try:
        descriptor = os.open(path, os.O_RDONLY | _NO_FOLLOW | _BINARY)  # a link fails to open
    except OSError:
        return None
    try:
        with open(descriptor, "rb", closefd=False) as handle:
            return handle.read()
    except OSError:
        return None
    finally:
        os.close(descriptor)


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise read \r\n as \n


def manifest_text(hashes: dict[str, str]) -> str:
    """One ``<sha256>  <name>`` line per file: ``sha256sum -c`` reads it."""
    return "".join(f"{hashes[name]}  {name}\n" for name in sorted(hashes))


def encode(files: Mapping[str, str | bytes]) -> tuple[dict[str, bytes], dict[str, str]]:
    """The bytes of every file (a text, or its UTF-8 bytes already), the manifest
    included, and each file's SHA-256."""
    data = {name: text if isinstance(text, bytes) else text.encode("utf-8") for name, text in files.items()}
    hashes = {name: digest(value) for name, value in data.items()}
    data[MANIFEST] = manifest_text(hashes).encode("utf-8")
    return data, hashes


def existing_files(out: Path) -> dict[str, str]:
    """Every file (or link) under ``out`` but the tools' caches: its path, by its
    relative POSIX path, sorted."""
    if not out.is_dir():
        return {}
    found: list[str] = []
    for parent, folders, names in os.walk(out):
        relative = os.path.relpath(parent, out)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        folders[:] = [name for name in folders if name not in TOOL_CACHES]
        found.extend(prefix + name for name in names if not name.endswith(TOOL_CACHE_SUFFIXES))
        found.extend(prefix + name for name in folders if os.path.islink(os.path.join(parent, name)))
    root = os.fspath(out) + "/"
    return {name: root + name for name in sorted(found, key=lambda name: name.split("/"))}


def previous_manifest(out: Path) -> dict[str, str]:
    """The files an earlier run wrote, with their SHA-256 ("" from a manifest without)."""
    try:
        text = (out / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    found: dict[str, str] = {}
    for line in text.splitlines():
        hashed, sep, name = line.partition("  ")
        if sep:
            found[name] = hashed
        elif line.strip():
            found[line.strip()] = ""
    return found


def foreign_files(out: Path) -> list[str]:
    """Files in ``out`` that no earlier run of the generator wrote."""
    known = {*previous_manifest(out), MANIFEST}
    return sorted(name for name in existing_files(out) if name not in known)


def _temp_prefix(out: Path) -> str:
    return f".{out.name}.graphdoc-"


def clean_leftovers(out: Path) -> None:
    """Remove staging folders that killed runs left beside ``out``; a folder
    another run is still filling is locked, and left alone."""
    prefix = _temp_prefix(out)
    for leftover in out.parent.glob(prefix + "*"):
        if not leftover.is_dir() or leftover.is_symlink():
            continue
        held, handle = _lock(leftover)
        if held:
            shutil.rmtree(leftover, ignore_errors=True)
            _unlock(handle)


def _lock(folder: Path) -> tuple[bool, int | None]:
    """Try to take ``folder``'s exclusive lock: whether we hold it, and then the
    handle that holds it, for ``_unlock``. Where the system has no such locks,
    every folder counts as free and there is no handle."""
    if fcntl is None:
        return True, None
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # gone already
        return False, None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # another run is using it
        os.close(handle)
        return False, None
    return True, handle


def _unlock(handle: int | None) -> None:
    if handle is not None:
        os.close(handle)


def _staging(out: Path) -> tuple[Path, int | None]:
    """A new staging folder beside ``out``, locked, and the handle holding the lock.
    It gets the permissions ``mkdir`` would give it, since it becomes the output."""
    while True:
        folder = Path(tempfile.mkdtemp(prefix=_temp_prefix(out), dir=out.parent))
        held, handle = _lock(folder)
        if held and (handle is None or _still_there(folder, handle)):
            os.chmod(folder, 0o777 & ~_umask())
            return folder, handle
        _unlock(handle)  # another run's cleanup has it, or removed it before we locked it: make another


def _umask() -> int:
    mask = os.umask(0o022)  # reading the mask means setting it: put it back at once
    os.umask(mask)
    return mask


def _still_there(folder: Path, handle: int) -> bool:
    try:
        return os.path.samestat(os.fstat(handle), os.stat(folder))
    except OSError:
        return False


@dataclass(frozen=True)
class Written:
    """What ``write_tree`` did: each file's SHA-256 (as the manifest lists them), and
    whether the folder changed at all."""

    hashes: dict[str, str]
    changed: bool


def write_tree(out: Path, files: Mapping[str, str | bytes], progress: Progress = QUIET) -> Written:
    """Replace ``out`` with exactly ``files`` (plus the manifest), atomically; a
    folder that holds exactly those bytes already is left as it is."""
    with staging_for(out) as staging:
        return staging.finish(staging.add(files, progress))


# A file added to the staging folder: its SHA-256, and whether the old output holds exactly its bytes.
Added = tuple[str, bool]


@contextmanager
def staging_for(out: Path) -> Iterator[Staging]:
    """A ``Staging`` for ``out``; on leaving, whatever is left of its folder goes."""
    staging = Staging(out)
    try:
        yield staging
    finally:
        _remove(staging.folder)
        _unlock(staging.lock)


def _remove(folder: Path) -> None:
    """Remove a folder of ours (a staging folder, or the old output swapped into it), down
    to a folder someone made read-only inside it: nothing is left behind."""

    root = os.fspath(folder)

    def writable_and_again(function: Any, path: str, _: object) -> None:
        parent = os.path.dirname(path)
        if parent != root and not parent.startswith(root + os.sep):
            return  # the folder itself is gone, or never was: nothing of the user's is touched
        try:
            os.chmod(parent, 0o700)
            function(path)
        except OSError:
            pass

    if not os.path.lexists(root):
        return

    if sys.version_info >= (3, 12):
        shutil.rmtree(folder, onexc=writable_and_again)
    else:
        shutil.rmtree(folder, onerror=writable_and_again)


class Staging:
    """The new output, built in a locked folder beside ``out`` and swapped in whole by
    ``finish`` (``staging_for`` removes what is left). The checks on ``out`` come first,
    before any work. ``add`` may be called from both processes of a two-core emit: each
    writes its own files, and only their hashes travel back."""

    def __init__(self, out: Path) -> None:
        self.out = Path(os.path.abspath(out))
        if self.out.exists() and not self.out.is_dir():
            raise OutputError(f"{self.out}: exists and is not a folder")
        strays = foreign_files(self.out)
        if strays:
            listed = ", ".join(strays[:5]) + (f" and {len(strays) - 5} more" if len(strays) > 5 else "")
            raise OutputError(f"{self.out}: holds files graphdoc did not write ({listed}); move them away or pick another --out")
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{self.out.parent}: can't be made ({error.strerror or error}); give an --out graphdoc can write") from None
        _writable(self.out)
        clean_leftovers(self.out)
        self.old = previous_manifest(self.out) if self.out.is_dir() else {}
        try:
            self.folder, self.lock = _staging(self.out)
        except OSError as error:
            raise OutputError(
                f"{self.out.parent}: can't write the new {self.out.name} here ({error.strerror or error}); "
                "graphdoc generate builds it beside the old one and swaps the two"
            ) from None

    def add(self, files: Mapping[str, str | bytes], progress: Progress = QUIET) -> dict[str, Added]:
        """Write ``files`` into the staging folder, linking each that the old output holds
        with the same bytes (read to be sure: compared, faster than hashing again)."""
        old_root, new_root = os.fspath(self.out) + "/", os.fspath(self.folder) + "/"
        added: dict[str, Added] = {}
        made: set[str] = set()
        for name, value in progress.track(files.items(), len(files), "write"):
            data = value if isinstance(value, bytes) else value.encode("utf-8")
            hashed = digest(data)
            target = new_root + safe_relative(name)
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            same = self.old.get(name) == hashed and _file_bytes(old_root + name) == data
            added[name] = (hashed, same)
            if not (same and _link(old_root + name, target)):
                _write_new(target, data)
        return added

    def finish(self, added: dict[str, Added]) -> Written:
        """Write the manifest and swap the staging folder in, unless ``out`` holds exactly
        these files already."""
        hashes = {name: hashed for name, (hashed, _) in added.items()}
        manifest = manifest_text(hashes).encode("utf-8")
        if all(same for _, same in added.values()) and _holds_exactly(self.out, {*hashes, MANIFEST}, manifest):
            return Written(hashes, changed=False)
        _write_new(os.fspath(self.folder) + "/" + MANIFEST, manifest)
        if self.out.exists():
            _exchange(self.folder, self.out)  # the staging folder now holds the old output
        else:
            os.replace(self.folder, self.out)
        return Written(hashes, changed=True)


def _writable(out: Path) -> None:
    """``out`` can be replaced whole: its parent takes the new output beside it, and every
    folder of the old one can be emptied once it is swapped out. An OutputError names the
    user's folder that stands in the way, before anything is written."""
    parent = out.parent
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{parent}: read-only; graphdoc generate writes the new {out.name} beside the old one and swaps the two")
    if out.is_dir():
        for folder, _, _ in os.walk(out):
            if not os.access(folder, os.W_OK | os.X_OK):
                raise OutputError(f"{folder}: read-only; graphdoc generate replaces {out} whole, so it writes in each of its folders")


def _write_new(target: str, data: bytes) -> None:
    """Write a file that must be new. A file of that name already there (left by the
    other process of a two-core emit before it failed) is removed first, never
    truncated: it may be a link to a file of the output in use."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
    try:
        descriptor = os.open(target, flags, 0o666)
    except FileExistsError:
        os.unlink(target)
        descriptor = os.open(target, flags, 0o666)
    with open(descriptor, "wb") as handle:
        handle.write(data)


def _holds_exactly(out: Path, names: set[str], manifest: bytes) -> bool:
    """``out`` has no file beyond ``names`` and its manifest is ``manifest``."""
    if set(existing_files(out)) != names:
        return False
    return file_digest(os.fspath(out) + "/" + MANIFEST) == digest(manifest)


def _link(source: str, target: str) -> bool:
    try:
        os.link(source, target, follow_symlinks=False)
        return True
    except FileExistsError:  # left by the other process of a two-core emit before it failed
        os.unlink(target)
        return _link(source, target)
    except OSError:  # no hard links here (another file system, or not allowed): write instead
        return False


def _exchange(new: Path, out: Path) -> None:
    """Swap two folders in one step where the system can (Linux renameat2)."""
    if _renameat2 is not None:
        if _renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(out), _RENAME_EXCHANGE) == 0:
            return
        if ctypes.get_errno() not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(out))
    # Two renames: a kill between them leaves the old output in a staging folder,
    # locked meanwhile so that another run's cleanup leaves it alone.
    _, handle = _lock(out)
    try:
        retired = Path(tempfile.mkdtemp(prefix=_temp_prefix(out), dir=out.parent))
        os.rmdir(retired)
        os.replace(out, retired)
        try:
            os.replace(new, out)
        except BaseException:
            os.replace(retired, out)
            raise
        os.replace(retired, new)
    finally:
        _unlock(handle)


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
