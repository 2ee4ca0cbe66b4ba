"""A build's big file of several releases is cut into one task per release, so its releases
spread over the workers; the filings are byte for byte those of the file extracted whole
(issue 15, part 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import release_plan
from generator.cli import main
from generator.extract import parallel
from generator.extract.repeats import PLACEHOLDER
from generator.inputs import extract_task
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases
from generator.synthetic.release import synthetic_release
from generator.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def iij() -> Taxonomy:
    return load_taxonomy()


def _text(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory, iij: Taxonomy) -> Path:
    """Four synthetic releases back to back in one file, the first two printed twice: the
    second's second printing follows what its first did (a span takes in the trailing lines
    of the release before it), so it is the same text."""
    releases = [_text(synthetic_release(iij, "iij", seed=seed, layout=layout).text)
                for seed, layout in [(11, "tabs"), (12, "spaces2"), (13, "ocr"), (14, "single")]]
    path = tmp_path_factory.mktemp("year") / "year.txt"
    first, second, *rest = releases
    path.write_text("".join([first, second, first, second, *rest]), encoding="utf-8")
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_big_file_becomes_a_task_per_release_and_a_repeat_one_task(
        year: Path, iij: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(release_plan, "SPLIT_BYTES", 0)
    work = release_plan.plan([year], iij, ships_data=False, max_bytes=0)
    assert [t.path for t in work.tasks] == [f"year.txt#{i}" for i in (1, 2, 3, 5, 6)]
    assert work.tasks[1].release is not None and work.tasks[1].release.name == PLACEHOLDER
    done = [extract_task(task) for task in work.tasks]
    [extractions] = work.outcomes(done, iij)
    assert [e.results.document for e in extractions] == [f"year.txt#{i}" for i in range(1, 7)]
    assert extractions[3].results.notes[0].startswith("reader: release 4 of 6 in year.txt")


def test_a_small_file_stays_one_task(year: Path, iij: Taxonomy) -> None:
    work = release_plan.plan([year, sample_releases()[0]], iij, ships_data=False, max_bytes=0)
    assert [t.path for t in work.tasks] == [str(year), str(sample_releases()[0])]
    assert all(t.release is None and t.data is None for t in work.tasks)


def test_a_big_pdf_or_html_page_is_one_task_and_not_read_to_be_split(
        year: Path, iij: Taxonomy, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(release_plan, "SPLIT_BYTES", 0)
    page = tmp_path / "year.html"
    page.write_bytes(year.read_bytes())
    read: list[Path] = []
    monkeypatch.setattr(release_plan, "read_bytes",
                        lambda path, *args, **kwargs: read.append(path) or b"")
    work = release_plan.plan([page], iij, ships_data=False, max_bytes=0)
    assert [t.path for t in work.tasks] == [str(page)] and work.tasks[0].data is None
    assert read == []


def test_the_split_outcome_is_the_whole_file_outcome(
        year: Path, iij: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = release_plan.plan([year], iij, ships_data=False, max_bytes=0)
    [expected] = whole.outcomes([extract_task(t) for t in whole.tasks], iij)
    monkeypatch.setattr(release_plan, "SPLIT_BYTES", 0)
    split = release_plan.plan([year], iij, ships_data=True, max_bytes=0)
    [got] = split.outcomes([extract_task(t) for t in split.tasks], iij)
    assert isinstance(got, tuple) and isinstance(expected, tuple)
    assert [e.model_dump_json() for e in got] == [e.model_dump_json() for e in expected]


def test_a_build_of_a_split_file_on_workers_equals_the_whole_file_build(
        year: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole, split = tmp_path / "whole", tmp_path / "split"
    assert main(["build", str(year), "--no-arelle", "-q", "--out", str(whole), "-j", "1"]) == 0
    monkeypatch.setattr(release_plan, "SPLIT_BYTES", 0)
    assert main(["build", str(year), "--no-arelle", "-q", "--out", str(split), "-j", "2"]) == 0
    assert _files(split) == _files(whole)


def test_a_failing_shared_release_is_named_as_its_first_printing(
        year: Path, iij: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(release_plan, "SPLIT_BYTES", 0)
    monkeypatch.setattr(parallel, "_extract", _fail_shared)
    work = release_plan.plan([year], iij, ships_data=False, max_bytes=0)
    done: list[object] = []
    for task in work.tasks:
        try:
            done.append(extract_task(task))
        except RuntimeError as exc:
            done.append(exc)
    [outcome] = work.outcomes(done, iij)  # type: ignore[arg-type]
    assert isinstance(outcome, RuntimeError)
    assert str(outcome) == "year.txt#2: broken"


def _fail_shared(task: parallel.Task, taxonomy: Taxonomy | None = None) -> object:
    """The extraction, failing on release 2 (printed again as release 4: one shared task)."""
    from generator.extract.pipeline import extract_document
    from generator.extract.read import read_text

    taxonomy = taxonomy or load_taxonomy()
    if task.name in (PLACEHOLDER, "year.txt#2", "year.txt#4"):
        raise RuntimeError(f"{task.name}: broken")
    return extract_document(read_text(task.name, task.text, taxonomy, encoding=task.encoding),
                            taxonomy)
