"""The ``xbrlgen validate`` surface: exit codes, formats, folders, packages, the public API."""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

import pytest
from validate_corpus import MUTATIONS, TAXONOMY, VALID, write_case

from generator.validate import Report, Severity, batch, cli, validate_paths

FX_URL = "http://example.com/xbrlgen/fixture/2024/"

PACKAGE_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">
  <tp:identifier>{FX_URL}</tp:identifier>
  <tp:name>xbrlgen fixture taxonomy</tp:name>
  <tp:version>2024</tp:version>
  <tp:entryPoints><tp:entryPoint><tp:name>fx</tp:name>
    <tp:entryPointDocument href="{FX_URL}fx.xsd"/></tp:entryPoint></tp:entryPoints>
</tp:taxonomyPackage>
"""
CATALOG_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <rewriteURI uriStartString="{FX_URL}" rewritePrefix="../taxonomy/"/>
</catalog>
"""


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    code = cli.run(parser.parse_args(argv))
    return code, capsys.readouterr().out


def _mutation(name: str) -> object:
    return next(m for m in MUTATIONS if m.name == name)


def taxonomy_package(dest: Path) -> Path:
    """The fixture taxonomy as a taxonomy package zip published at FX_URL."""
    zpath = dest / "fx-taxonomy.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("fxpkg/META-INF/taxonomyPackage.xml", PACKAGE_XML)
        zf.writestr("fxpkg/META-INF/catalog.xml", CATALOG_XML)
        for f in sorted(TAXONOMY.iterdir()):
            zf.write(f, f"fxpkg/taxonomy/{f.name}")
    return zpath


def absolute_instance(dest: Path) -> Path:
    """The valid instance referring to the taxonomy by its published URL only."""
    text = VALID.read_text(encoding="utf-8").replace('"taxonomy/fx.xsd"', f'"{FX_URL}fx.xsd"')
    path = dest / "absolute.xbrl"
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_0_on_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run([str(write_case(None, tmp_path))], capsys)
    assert code == 0
    assert "-> OK" in out


def test_exit_1_on_inconsistency(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(_mutation("calc_rounding"), tmp_path)  # type: ignore[arg-type]
    code, out = _run([str(path)], capsys)
    assert code == 1
    assert "calc11e:inconsistentCalculationUsingRounding" in out
    assert f"{path}:28: inconsistency [xbrlgen]" in out


def test_exit_2_on_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run([str(tmp_path / "nope.xbrl")], capsys)
    assert code == 2


def test_exit_2_on_folder_without_instances(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = _run([str(tmp_path)], capsys)
    assert code == 2


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(_mutation("period_type_mismatch"), tmp_path)  # type: ignore[arg-type]
    code, out = _run([str(path), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    (finding,) = [f for f in data["findings"] if f["code"].startswith("xbrl.4.7.2")]
    assert finding == {
        "code": "xbrl.4.7.2:contextPeriodType", "severity": "error",
        "message": finding["message"], "file": str(path), "line": 32, "fact_id": "f7",
        "concept": "Assets", "context_id": "CurrentYearDuration", "source": "xbrlgen",
    }
    assert Report.model_validate({k: v for k, v in data.items() if k != "ok"}).ok is False


def test_truncation_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(_mutation("calc_truncation"), tmp_path)  # type: ignore[arg-type]
    code, out = _run([str(path), "--calc", "truncation"], capsys)
    assert code == 1 and "UsingTruncation" in out


def test_folder_batch_with_pool(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "SMALL_FILES", 0)  # the pool, small as the batch is
    write_case(None, tmp_path)
    write_case(_mutation("missing_unit"), tmp_path)  # type: ignore[arg-type]
    (tmp_path / "taxonomy" / "not-an-instance.xml").write_text("<a/>", encoding="utf-8")
    code, out = _run([str(tmp_path), "--jobs", "2"], capsys)
    assert code == 1
    assert "2 file(s)" in out
    assert "valid.xbrl" in out and "missing_unit.xbrl" in out


def test_taxonomy_package_resolves_offline(tmp_path: Path) -> None:
    inst = absolute_instance(tmp_path)
    without = validate_paths([inst])
    assert any(f.code == "IOerror" for f in without.findings)
    report = validate_paths([taxonomy_package(tmp_path), inst])
    assert report.findings == [] and report.ok
    assert report.files[0].facts == 13


def test_report_package_zip(tmp_path: Path) -> None:
    zpath = tmp_path / "report.zip"
    case = write_case(_mutation("missing_decimals"), tmp_path / "src")  # type: ignore[arg-type]
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("report/META-INF/reportPackage.json",
                    '{"documentInfo": {"documentType": "https://xbrl.org/report-package/2023"}}')
        zf.write(case, "report/reports/filing.xbrl")
        for f in sorted(TAXONOMY.iterdir()):
            zf.write(f, f"report/reports/taxonomy/{f.name}")
    report = validate_paths([zpath])
    assert [s.file for s in report.files] == [f"{zpath}!/report/reports/filing.xbrl"]
    assert {f.code for f in report.findings} == {"xbrl.4.6.3:missingPrecisionDecimals"}


def test_unsafe_zip_refused(tmp_path: Path) -> None:
    zpath = tmp_path / "evil.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.writestr("../escape.xbrl", "<x/>")
    report = validate_paths([zpath])
    assert [f.code for f in report.findings] == ["tpe:invalidArchiveFormat"]
    assert not (tmp_path.parent / "escape.xbrl").exists()


def test_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(None, tmp_path)
    code, out = _run([str(path), "--max-bytes", "100"], capsys)
    assert code == 1 and "xbrlgen:fileTooLarge" in out


def test_billion_laughs_refused(tmp_path: Path) -> None:
    path = tmp_path / "lol.xbrl"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<x>&b;</x>',
                    encoding="utf-8")
    report = validate_paths([path])
    assert [(f.code, f.line, f.severity) for f in report.findings] == [
        ("xml:doctypeRefused", 2, Severity.error)]


@pytest.mark.arelle
def test_arelle_alongside(arelle_session: None, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(_mutation("both_precision_decimals"), tmp_path)  # type: ignore[arg-type]
    code, out = _run([str(path), "--arelle"], capsys)
    assert code == 1
    assert "[xbrlgen] xbrl.4.6.3:bothPrecisionAndDecimals" in out
    assert "[arelle] xbrl.4.6.3:bothPrecisionAndDecimals" in out
    assert "arelle err" in out


@pytest.mark.arelle
def test_arelle_with_taxonomy_package(arelle_session: None, tmp_path: Path) -> None:
    report = validate_paths([taxonomy_package(tmp_path), absolute_instance(tmp_path)],
                            arelle=True, jobs=1)
    assert report.findings == []


def test_light_parser_constants_match_the_models() -> None:
    """validate.cli repeats two constants so building the parser imports nothing heavy."""
    from generator.validate import safe_xml
    from generator.validate.findings import Severity as Sev

    assert cli.DEFAULT_MAX_BYTES == safe_xml.DEFAULT_MAX_BYTES
    assert tuple(s.value for s in Sev) == cli.SEVERITIES


@pytest.mark.parametrize("mutation", [None, "missing_unit"])
def test_the_console_entry_writes_the_whole_report_before_its_quick_exit(
    tmp_path: Path, mutation: str | None
) -> None:
    """entry() skips the interpreter's teardown after validate: the output must all be out."""
    import subprocess
    import sys

    write_case(_mutation(mutation) if mutation else None, tmp_path)  # type: ignore[arg-type]
    proc = subprocess.run([sys.executable, "-m", "generator", "validate", str(tmp_path),
                           "--format", "json"], capture_output=True, text=True, check=False,
                          timeout=120)
    assert proc.returncode == (1 if mutation else 0), proc.stderr
    report = json.loads(proc.stdout)
    assert len(report["files"]) == 1 and report["ok"] is (mutation is None)
