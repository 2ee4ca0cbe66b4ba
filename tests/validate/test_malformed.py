"""Malformed, truncated and hostile files are ordinary findings, whatever lxml raises or logs.

Why these exist: with libxml2 2.14 (lxml 6.2) a streaming schema pass stops quietly at a syntax
error or at the end of a truncated file, so half an instance could be called valid.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from validate_corpus import write_case

from generator.validate import batch, validate_paths
from generator.validate.pipeline import validate_file

SYNTAX = "xmlSchema:syntax"


@pytest.fixture(scope="module")
def valid_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_case(None, tmp_path_factory.mktemp("malformed"))


def _variant(valid: Path, name: str, data: bytes) -> Path:
    path = valid.with_name(name)
    path.write_bytes(data)
    return path


def test_the_valid_instance_is_clean(valid_case: Path) -> None:
    findings, _ = validate_file(valid_case)
    assert findings == []


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fraction=st.floats(min_value=0.0, max_value=1.0, exclude_max=True))
def test_a_truncated_instance_is_never_valid(valid_case: Path, fraction: float) -> None:
    data = valid_case.read_bytes()
    end = len(data.rstrip())  # cutting only trailing whitespace leaves a complete document
    cut = _variant(valid_case, "truncated.xbrl", data[: int(end * fraction)])
    findings, summary = validate_file(cut)
    assert any(f.code == SYNTAX and f.severity.fails for f in findings)
    assert summary.facts == 0


def test_a_mismatched_end_tag_is_a_syntax_finding_with_its_line(valid_case: Path) -> None:
    lines = valid_case.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "</fx:" in line)
    lines[at] = lines[at].replace("</fx:", "</fx:Not", 1)
    broken = _variant(valid_case, "mismatch.xbrl", "".join(lines).encode())
    findings, _ = validate_file(broken)
    assert [(f.code, f.line) for f in findings] == [(SYNTAX, at + 1)]
    assert "not well-formed" in findings[0].message


def test_an_empty_file_is_a_syntax_finding(valid_case: Path) -> None:
    findings, _ = validate_file(_variant(valid_case, "empty.xbrl", b""))
    assert [f.code for f in findings] == [SYNTAX]


def test_bytes_invalid_in_the_encoding_are_a_syntax_finding(valid_case: Path) -> None:
    data = valid_case.read_bytes().replace(b"</xbrli:xbrl>", b"\xff</xbrli:xbrl>")
    findings, _ = validate_file(_variant(valid_case, "encoding.xbrl", data))
    assert [f.code for f in findings] == [SYNTAX]


def test_a_doctype_after_a_long_comment_is_refused(valid_case: Path) -> None:
    data = valid_case.read_bytes()
    root = data.index(b"<xbrli:xbrl")
    hostile = (data[:root] + b"<!--" + b"x" * 70_000 + b"-->\n"
               b'<!DOCTYPE xbrl [<!ENTITY e "e">]>\n' + data[root:])
    findings, _ = validate_file(_variant(valid_case, "late-doctype.xbrl", hostile))
    assert [(f.code, f.line) for f in findings] == [("xml:doctypeRefused", 3)]


def test_a_comment_beyond_libxml2s_default_limits_is_not_a_finding(valid_case: Path) -> None:
    data = valid_case.read_bytes()
    root = data.index(b"<xbrli:xbrl")
    big = data[:root] + b"<!--" + b"x" * 12_000_000 + b"-->\n" + data[root:]
    findings, _ = validate_file(_variant(valid_case, "big-comment.xbrl", big))
    assert findings == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_malformed_file_in_a_batch_leaves_the_others_their_results(
    tmp_path: Path, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "SMALL_FILES", 0)  # jobs=2: the pool, small as the batch is
    valid = write_case(None, tmp_path)
    data = valid.read_bytes()
    for name in ("a", "b", "d"):
        (tmp_path / f"{name}.xbrl").write_bytes(data)
    (tmp_path / "c.xbrl").write_bytes(data[: len(data) // 2])
    valid.unlink()
    report = validate_paths([tmp_path], jobs=jobs)
    by_file = {Path(s.file).name: s for s in report.files}
    assert sorted(by_file) == ["a.xbrl", "b.xbrl", "c.xbrl", "d.xbrl"]
    assert {Path(f.file).name for f in report.findings} == {"c.xbrl"}
    assert [f.code for f in report.findings] == [SYNTAX]
    assert all(by_file[n].facts > 0 for n in ("a.xbrl", "b.xbrl", "d.xbrl"))


@pytest.mark.parametrize("fraction", [0.07, 0.5, 0.93])
def test_the_cli_reports_a_truncated_file_with_exit_1_and_no_traceback(
    valid_case: Path, fraction: float
) -> None:
    data = valid_case.read_bytes()
    cut = _variant(valid_case, f"cli-{fraction}.xbrl", data[: int(len(data) * fraction)])
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "validate", str(cut), "--jobs", "1"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert SYNTAX in proc.stdout


def test_a_malformed_taxonomy_file_is_a_finding_naming_it(tmp_path: Path) -> None:
    valid = write_case(None, tmp_path)
    linkbase = next((tmp_path / "taxonomy").glob("*-cal.xml"))
    linkbase.write_bytes(linkbase.read_bytes()[:200])
    findings, _ = validate_file(valid)
    named = [f for f in findings if f.code == SYNTAX and linkbase.name in f.message]
    assert named and all(f.severity.fails for f in named)


def test_a_malformed_schema_is_a_finding_not_a_crash(tmp_path: Path) -> None:
    valid = write_case(None, tmp_path)
    schema = next((tmp_path / "taxonomy").glob("*.xsd"))
    schema.write_text("<xs:schema", encoding="utf-8")
    findings, _ = validate_file(valid)
    assert any(f.code == SYNTAX and schema.name in f.message for f in findings)


def test_a_package_with_a_malformed_catalog_is_a_finding(tmp_path: Path) -> None:
    import zipfile

    package = tmp_path / "broken.zip"
    with zipfile.ZipFile(package, "w") as zf:
        zf.writestr("pkg/META-INF/catalog.xml", "<catalog")
        zf.writestr("pkg/META-INF/taxonomyPackage.xml", "<taxonomyPackage/>")
    report = validate_paths([package], jobs=1)
    assert [f.code for f in report.findings] == ["tpe:invalidCatalogFile"]
