"""Releases of one file extracted by worker processes, and a release printed again extracted once
(issue 15, part 4): the results are the serial run's, release for release, in the file's order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from generator.cli import main
from generator.extract import parallel
from generator.extract.pipeline import (
    Extraction,
    company_names,
    extract_document,
    extract_releases,
)
from generator.extract.read import read_text
from generator.extract.read.releases import release_spans
from generator.extract.repeats import PLACEHOLDER, Repeats, renamed, repeated, shared
from generator.model.taxonomy import Taxonomy
from generator.resources import sample_releases
from generator.synthetic.release import synthetic_release
from generator.synthetic.render import Layout
from generator.taxonomy import load_taxonomy

SAMPLES = sorted(sample_releases())


@pytest.fixture(scope="module")
def iij() -> Taxonomy:
    return load_taxonomy()


def _text(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _file(tmp_path: Path, taxonomy: Taxonomy) -> Path:
    """Distinct releases and repeats: a sample, synthetic releases of three layouts, the
    sample and the first synthetic one again (the second time, both follow what they followed
    the first time: a release's span takes in the previous one's trailing lines)."""
    sample = _text(SAMPLES[1].read_text(encoding="utf-8"))
    layouts: tuple[Layout, ...] = ("tabs", "spaces2", "ocr")
    synthetic = [_text(synthetic_release(taxonomy, "iij", seed=seed, layout=layout).text)
                 for seed, layout in enumerate(layouts, start=1)]
    path = tmp_path / "batch.txt"
    path.write_text("".join([sample, synthetic[0], sample, synthetic[0], *synthetic[1:]]),
                    encoding="utf-8")
    return path


def _dumps(extractions: list[Extraction]) -> list[tuple[str, str]]:
    return [(e.results.model_dump_json(indent=1), e.coverage.model_dump_json(indent=1))
            for e in extractions]


def _reference(path: Path, taxonomy: Taxonomy, monkeypatch: pytest.MonkeyPatch
               ) -> list[tuple[str, str]]:
    """Every release extracted in this process, none reused."""
    with monkeypatch.context() as patch:
        patch.setattr("generator.extract.pipeline.repeated", lambda texts: set())
        return _dumps(list(extract_releases(path, taxonomy, jobs=1)))


def test_workers_give_the_serial_results_in_order(tmp_path: Path, iij: Taxonomy,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, iij)
    expected = _reference(path, iij, monkeypatch)
    assert len(expected) == 6
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    assert _dumps(list(extract_releases(path, iij, jobs=2))) == expected


def test_a_repeated_release_is_extracted_once_with_its_own_name(
        tmp_path: Path, iij: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, iij)
    expected = _reference(path, iij, monkeypatch)
    calls: list[str] = []
    real = read_text

    def counted(name: str, *args: object, **kwargs: object) -> object:
        calls.append(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("generator.extract.read.read_text", counted)
    got = _dumps(list(extract_releases(path, iij, jobs=1)))
    assert got == expected
    text = path.read_text(encoding="utf-8")
    spans = [text[s.start:s.end] for s in release_spans(text, company_names(iij))]
    assert spans[1] == spans[3] and spans[0] != spans[2]  # the file is as meant
    assert calls == ["batch.txt#1", PLACEHOLDER, "batch.txt#3", "batch.txt#5", "batch.txt#6"]
    assert '"document": "batch.txt#4"' in got[3][0]
    assert "batch.txt#2" not in got[3][0] + got[3][1]
    assert PLACEHOLDER not in "".join(results + coverage for results, coverage in got)


def test_renaming_equals_reading_under_the_name(iij: Taxonomy) -> None:
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        shared_once = extract_document(read_text(PLACEHOLDER, text, iij), iij)
        for name in ("a.txt#12", 'odd "name\\".txt#3', "résumé.txt#1"):
            own = extract_document(read_text(name, text, iij), iij)
            assert renamed(shared_once, name) == own, (path.name, name)


def test_a_release_printing_the_placeholder_is_never_shared() -> None:
    text = "release text"
    assert shared(text, repeated([text, text]))
    odd = text + PLACEHOLDER[0]
    assert not shared(odd, repeated([odd, odd]))
    assert not shared(text, repeated([text, odd]))


def test_remembers_a_bounded_number_of_releases(iij: Taxonomy) -> None:
    extraction = extract_document(read_text("x", SAMPLES[1].read_text(encoding="utf-8"), iij),
                                  iij)
    repeats = Repeats(size=2)
    for text in ("one", "two", "three"):
        repeats.put(text, None, extraction)
    assert repeats.get("one", None) is None
    assert repeats.get("three", None) is extraction


def test_extract_jobs_writes_the_same_file(tmp_path: Path, iij: Taxonomy,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, iij)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.json"
        assert main(["extract", str(path), "-o", str(out), "-q", "--jobs", jobs]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert [r["document"] for r in json.loads(outputs[1])] == [
        f"batch.txt#{i}" for i in range(1, 7)]


def test_a_release_that_fails_stops_the_run_at_its_turn(tmp_path: Path, iij: Taxonomy,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = _file(tmp_path, iij)
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "_extract", _fail_third)
    releases = extract_releases(path, iij, jobs=2)
    assert [e.results.document for e in (next(releases), next(releases))] == [
        "batch.txt#1", "batch.txt#2"]
    with pytest.raises(RuntimeError, match=r"batch\.txt#3"):
        next(releases)


def _fail_third(task: parallel.Task, taxonomy: Taxonomy | None = None) -> Extraction:
    """The worker's extraction, failing on the third release (module level: sent to workers)."""
    if task.name.endswith("#3"):
        raise RuntimeError(f"{task.name}: broken")
    taxonomy = taxonomy or load_taxonomy()
    return extract_document(read_text(task.name, task.text, taxonomy, encoding=task.encoding),
                            taxonomy)


def _fail_tabs(task: parallel.Task, taxonomy: Taxonomy | None = None) -> Extraction:
    """The worker's extraction, failing on a release read as tab-separated (module level)."""
    taxonomy = taxonomy or load_taxonomy()
    doc = read_text(task.name, task.text, taxonomy, encoding=task.encoding)
    if doc.layout == "tabbed":
        raise RuntimeError(f"{task.name}: broken")
    return extract_document(doc, taxonomy)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_shared_release_that_fails_is_named_as_itself(
        tmp_path: Path, iij: Taxonomy, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    path = _file(tmp_path, iij)  # release 2 (tab-separated) is printed again as release 4
    monkeypatch.setattr(parallel, "MIN_PARALLEL_BYTES", 0)
    monkeypatch.setattr(parallel, "_extract", _fail_tabs)  # in workers and in this process
    releases = extract_releases(path, iij, jobs=jobs)
    assert next(releases).results.document == "batch.txt#1"
    with pytest.raises(RuntimeError, match=r"^batch\.txt#2: broken$"):
        next(releases)


_STOPPED_MID_RESULT = """
import time
from generator.extract import parallel
from generator.taxonomy import load_taxonomy
from tests.extract.test_parallel import _big_result

pool = parallel.start(load_taxonomy(), 2, 10**9)
futures = [pool.submit(_big_result, i) for i in range(4)]
time.sleep(0.3)  # the workers are sending their results
parallel.stop(pool)
print("stopped")
"""


def _big_result(_: int) -> bytes:
    """A result larger than a pipe holds, sent for a while (module level: run by workers)."""
    return b"x" * 100_000_000


def test_a_run_stopped_while_results_are_sent_still_exits(tmp_path: Path) -> None:
    """Workers ended in the middle of a result left the pool's thread waiting for the rest,
    and the interpreter for it at exit; now they finish their release first."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", _STOPPED_MID_RESULT], cwd=root, timeout=60,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "stopped"


class _Tracked(bytes):
    """A file's bytes that say when they are let go."""

    freed: ClassVar[list[bool]] = []

    def __del__(self) -> None:
        _Tracked.freed.append(True)


def test_the_files_bytes_are_let_go_once_its_text_is_decoded(
        tmp_path: Path, iij: Taxonomy, monkeypatch: pytest.MonkeyPatch) -> None:
    """While its releases are extracted, the parent holds the file's text, not its bytes too
    (a second copy of the file, as big as the text or bigger, until the last release)."""
    import gc

    from generator.limits import read_bytes

    path = _file(tmp_path, iij)
    monkeypatch.setattr("generator.extract.pipeline.read_bytes",
                        lambda *a, **k: _Tracked(read_bytes(*a, **k)))
    _Tracked.freed.clear()
    releases = extract_releases(path, iij, jobs=1)
    next(releases)
    gc.collect()
    assert _Tracked.freed == [True]
