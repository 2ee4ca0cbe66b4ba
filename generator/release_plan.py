"""A build's releases cut into the tasks its executor runs: one task per input, except that a
big text file of several releases (a year of releases in one file) becomes one task per release.

Why: a file is otherwise one task, extracted from end to end by one worker, however many workers
the build has; cut up, its releases spread over all of them, as the releases of ``xbrlgen
extract --jobs`` do. The extractions come back as the file's task would have returned them (the
same names, notes and order), so the filings are byte for byte the same. A release printed again
in the same file is extracted once, under the placeholder name, and renamed here for each
printing (:mod:`generator.extract.repeats`).

Only files of at least :data:`SPLIT_BYTES` are read here to be split: a release is 20-60 KB, so a
smaller file is one or a few releases, and reading it twice would cost more than it spreads.
A file that cannot be read here is left whole: its task then fails as it always did. For workers
sent the bytes (Dask), every input is read here anyway, so every text file of several releases
is cut, whatever its size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.extract import parallel
from generator.extract.repeats import PLACEHOLDER, renamed, shared
from generator.inputs import ReleaseTask
from generator.limits import InputTooLarge, read_bytes

if TYPE_CHECKING:
    from generator.extract.pipeline import Extraction
    from generator.model.taxonomy import Taxonomy

#: A text file at least this big is read and split into its releases before the work is sent
#: (the size at which ``extract --jobs`` shares a file's releases out, for the same reason).
SPLIT_BYTES = parallel.MIN_PARALLEL_BYTES

Outcome = tuple["Extraction", ...] | BaseException


@dataclass(frozen=True)
class _Printing:
    """One release of a split file: ``index``, the task whose outcome is its extractions; and
    ``shared_as``, when that task is a repeat's, extracted once under the placeholder for all
    its printings: this printing's own task, whose name and note the shared extraction takes
    (and which is extracted again, for an error naming it, when the shared task failed)."""

    index: int
    shared_as: parallel.Task | None = None


@dataclass
class Plan:
    """The tasks to run, and how their outcomes become each input's extractions."""

    paths: list[Path] = field(default_factory=list)
    tasks: list[ReleaseTask] = field(default_factory=list)
    _inputs: list[list[_Printing]] = field(default_factory=list)

    def outcomes(self, done: Sequence[Outcome], taxonomy: Taxonomy) -> list[Outcome]:
        """Each input's extractions, or the first error among its releases (as its whole-file
        task would have raised it), in the inputs' order, up to the first input whose tasks
        did not all run (``done`` stops at the first failure when the executor does)."""
        out: list[Outcome] = []
        for printings in self._inputs:
            extractions: list[Extraction] = []
            for printing in printings:
                if printing.index >= len(done):
                    return out
                try:
                    extractions.extend(_extractions(printing, done, taxonomy))
                except Exception as exc:
                    out.append(exc)
                    break
            else:
                out.append(tuple(extractions))
        return out


def _extractions(printing: _Printing, done: Sequence[Outcome], taxonomy: Taxonomy
                 ) -> tuple[Extraction, ...]:
    """One printing's extractions: its task's, or the shared task's renamed for it."""
    outcome = done[printing.index]
    own = printing.shared_as
    if isinstance(outcome, BaseException):
        if own is not None:  # the error again, naming this printing, not the placeholder
            parallel.extract_one(own, taxonomy)
        raise outcome
    if own is None:
        return outcome
    return tuple(parallel.noted(renamed(x, own.name), own.note) for x in outcome)


def plan(paths: Sequence[Path], taxonomy: Taxonomy, *, ships_data: bool, max_bytes: int
         ) -> Plan:
    """The tasks for ``paths`` (``ships_data``: each task carries its bytes, for workers that do
    not share this machine's files; ``max_bytes``: the inputs' size limit, 0 for none)."""
    from generator.extract.pipeline import split_releases

    result = Plan(paths=list(paths))
    for path in paths:
        data = read_bytes(path, max_bytes, what="release") if ships_data else _big(path, max_bytes)
        split = split_releases(path, data, taxonomy) if data is not None else None
        if split is None or len(split.spans) < 2:
            result._inputs.append([_Printing(len(result.tasks))])
            result.tasks.append(ReleaseTask(str(path), data if ships_data else None, max_bytes))
            continue
        repeats = split.repeats()
        first: dict[tuple[str, str | None], int] = {}
        printings = []
        for task in split.tasks(path.name):
            if not shared(task.text, repeats):
                printings.append(_Printing(len(result.tasks)))
                result.tasks.append(ReleaseTask(task.name, release=task))
                continue
            key = (task.text, task.encoding)
            if key not in first:
                first[key] = len(result.tasks)
                release = task._replace(name=PLACEHOLDER, note="")
                result.tasks.append(ReleaseTask(task.name, release=release))
            printings.append(_Printing(first[key], shared_as=task))
        result._inputs.append(printings)
    return result


def _big(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file worth splitting here, else ``None`` (left to its task: a
    PDF or an HTML page, by its name, is one document however big, and is not read here)."""
    from generator.extract.pipeline import WHOLE_DOCUMENT_SUFFIXES

    try:
        if path.suffix.lower() in WHOLE_DOCUMENT_SUFFIXES or not path.is_file() \
                or path.stat().st_size < SPLIT_BYTES:
            return None
        return read_bytes(path, max_bytes, what="release")
    except (OSError, ValueError, InputTooLarge):
        return None


__all__ = ["SPLIT_BYTES", "Plan", "plan"]
