"""Where the command line writes single files (``extract -o``, ``--coverage-json``, ``schema -o``)
and how: every output path is checked before any work starts, then written safely.

- A regular file (new or existing) is written to a temporary file in its own folder, then
  renamed over the target: an error or an interruption leaves the previous file (or none)
  behind, never half of one. An existing file keeps its permission bits.
- A target that exists and is not a regular file — a device such as ``/dev/null``, a FIFO — is
  written through (opened and written), never replaced. A socket cannot be opened as a file and
  is refused.
- A symlink is followed: the file it points to is written (replaced as above), the link stays.

The checks (:func:`check_file`, :func:`check_folder`) use ``os.access``; a process running as
root passes the permission checks for any folder, and then the write itself reports the error.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from generator.cli_errors import doing


class OutputError(Exception):
    """An output path that cannot be written: a usage error, said before any work starts."""


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path(".")


def _check_writable_folder(folder: Path, target: Path) -> None:
    if not folder.exists():
        raise OutputError(f"{target}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise OutputError(f"{target}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: the folder {folder} is not writable")


def check_file(path: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written as an output file."""
    real = Path(os.path.realpath(path))  # a symlink: the file it points to
    if real.exists():
        mode = real.stat().st_mode
        if stat.S_ISDIR(mode):
            raise OutputError(f"{path}: is a folder, not a file")
        if stat.S_ISSOCK(mode):
            raise OutputError(f"{path}: is a socket; cannot write a file there")
        if not stat.S_ISREG(mode):  # a device, a FIFO: written through
            if not os.access(real, os.W_OK):
                raise OutputError(f"{path}: not writable")
            return
    _check_writable_folder(real.parent, path)


def check_folder(path: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` is, or can be created as, a writable folder."""
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: exists and is not a folder")
    existing = _nearest_existing(path)
    if not existing.is_dir():
        raise OutputError(f"{path}: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: the folder {existing} is not writable")


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as the module docstring says (atomic unless not a file)."""
    real = Path(os.path.realpath(path))
    try:
        with doing("writing", path):
            if real.exists() and not real.is_file():
                with real.open("wb") as stream:  # /dev/null, a FIFO: never replaced
                    stream.write(data)
                return
            _replace(real, data)
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, f"cannot write: {exc.strerror}", str(path)) from exc


@contextmanager
def open_output(path: Path) -> Iterator[BinaryIO]:
    """:func:`write_file` for output written piece by piece (a stream of releases' results):
    a regular file is written to a temporary file in its folder and renamed over the target
    when the block ends without an error; a device or FIFO is written through."""
    real = Path(os.path.realpath(path))
    try:
        with doing("writing", path):
            if real.exists() and not real.is_file():
                with real.open("wb") as stream:
                    yield stream
                return
            import tempfile  # here: ~10 ms that a command writing nothing skips

            fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
            tmp = Path(name)
            try:
                with os.fdopen(fd, "wb") as stream:
                    yield stream
                os.chmod(tmp, stat.S_IMODE(real.stat().st_mode) if real.exists()
                         else _new_file_mode())
                os.replace(tmp, real)
            finally:
                tmp.unlink(missing_ok=True)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write: {exc.strerror}", str(path)) from exc


def _replace(real: Path, data: bytes) -> None:
    import tempfile

    fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        tmp.write_bytes(data)
        os.chmod(tmp, stat.S_IMODE(real.stat().st_mode) if real.exists() else _new_file_mode())
        os.replace(tmp, real)
    finally:
        tmp.unlink(missing_ok=True)


def _new_file_mode() -> int:
    """What ``open()`` would give a new file: 0o666 less the umask (mkstemp gives 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
