"""All-or-nothing output: files are staged in a temporary folder beside the target, validated
there, and only then moved into place — so a failed or interrupted build never leaves a
half-written file."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from generator.interrupts import deferred


class OutputStage:
    """Use as a context manager; call :meth:`commit` once everything staged is good.

    Leaving the block without ``commit`` (an error, a failed validation, Ctrl-C or SIGTERM
    raised as an exception) removes the staging folder and touches nothing in the target folder.
    Ctrl-C and SIGTERM are held while the staged files move in and while the staging folder is
    removed, so neither step stops half-way.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path: Path | None = None
        self.written: list[str] = []
        self.created = False  # the target folder did not exist: nothing is left of it unless
        #                       something was committed into it

    def __enter__(self) -> OutputStage:
        # Ctrl-C or SIGTERM between creating the staging folder and knowing its name would
        # leave it behind: they are held until it is known, and then it is removed.
        try:
            with deferred():
                self.created = not self.target.exists()
                self.target.mkdir(parents=True, exist_ok=True)
                self.path = Path(tempfile.mkdtemp(prefix=".xbrlgen-staging-", dir=self.target))
        except BaseException as exc:
            self.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    def file(self, name: str) -> Path:
        """The staged path for ``name`` (``viewer/x.html``: in a subfolder); the caller
        writes it."""
        assert self.path is not None, "use OutputStage as a context manager"
        if name not in self.written:
            self.written.append(name)
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def write(self, name: str, data: bytes) -> Path:
        path = self.file(name)
        path.write_bytes(data)
        return path

    def commit(self) -> list[Path]:
        """Move staged files into the target; each move is an atomic rename."""
        assert self.path is not None
        moved = []
        with deferred():
            for name in self.written:
                destination = self.target / name
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.path / name, destination)
                moved.append(destination)
        return moved

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.path is not None:
            with deferred():
                shutil.rmtree(self.path, ignore_errors=True)
                if self.created and not any(self.target.iterdir()):
                    self.target.rmdir()
