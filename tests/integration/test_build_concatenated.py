"""A text file holding several releases back to back builds as those releases would one by one:
each is read and proven on its own, grouped into its own reporting period's filing, and the
printed lines the build quotes come from the release's own span of the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.resources import samples_dir


def sample(prefix: str) -> Path:
    return next(samples_dir().glob(f"{prefix}_*.txt"))


def build(tmp_path: Path, name: str, *inputs: Path) -> Path:
    out = tmp_path / name
    assert main(["build", *map(str, inputs), "--out", str(out), "--no-arelle", "--no-validate",
                 "--quiet"]) == 0
    return out


def report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "build-report.json").read_text())
    return data


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The 2013 and 2011 releases built from one concatenated file, and from their own files."""
    tmp = tmp_path_factory.mktemp("concatenated")
    joined = tmp / "two.txt"
    joined.write_bytes(sample("004").read_bytes() + sample("000").read_bytes())
    return build(tmp, "joined", joined), build(tmp, "apart", sample("004"), sample("000"))


def test_each_release_of_a_concatenated_file_gets_its_own_filing(
        both: tuple[Path, Path]) -> None:
    joined, apart = both
    assert report(joined)["documents"] == ["two.txt#1", "two.txt#2"]
    instances = sorted(p.name for p in joined.glob("*.xbrl"))
    assert instances == ["iij-2011-09-30-H1.xbrl", "iij-2013-09-30-H1.xbrl"]
    for name in instances:  # the same facts, contexts and units, byte for byte
        assert (joined / name).read_bytes() == (apart / name).read_bytes()


def test_a_concatenated_release_quotes_its_own_printed_lines(both: tuple[Path, Path]) -> None:
    # 000's totals kept as printed quote its lines; as release 2 of the file, its line numbers
    # count from its own first line, so the quoted text is the same as from its own file
    joined, apart = both

    def printed(out: Path) -> list[list[str]]:
        return [[p.split(": ", 1)[1] for p in item["printed"]]
                for item in report(out)["source_inconsistencies"]]

    assert printed(joined) == printed(apart)
    assert printed(joined)  # the scan's totals whose parts it lost
    assert all(p.startswith("two.txt#2:") for item in report(joined)["source_inconsistencies"]
               for p in item["printed"])
