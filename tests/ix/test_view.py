"""xbrlgen view: one filing in, a viewer page and its local script out; bad input is one line
and exit code 2, with nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.resources import samples_dir


@pytest.mark.parametrize("name", ["missing.html", "xg-2026-11-01.xsd", "."])
def test_what_is_not_an_inline_filing_is_one_line_and_exit_2(
    sample_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert main(["view", str(sample_out / name), "--out", str(tmp_path / "v")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("xbrlgen: ")
    assert not (tmp_path / "v").exists() or not any((tmp_path / "v").iterdir())


@pytest.mark.arelle
def test_view_of_an_instance_uses_the_page_beside_it(
    sample_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "v"
    assert main(["view", str(sample_out / "iij-2017-09-30-H1.xbrl"), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["iij-2017-09-30-H1.html", "ixbrlviewer.js"]
    page = (out / "iij-2017-09-30-H1.html").read_text()
    assert '<script src="ixbrlviewer.js"' in page or "ixbrlviewer.js" in page
    assert "wrote" in capsys.readouterr().out


@pytest.mark.arelle
def test_build_with_viewer_writes_each_filing_s_viewer_page(tmp_path: Path) -> None:
    """``build --viewer``: the viewer of each filing, made by ``xbrlgen view``'s code from the
    staged page, moved in with the rest; the same bytes on a rebuild."""
    release = samples_dir() / "001_6c9832476b77f69a.txt"
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert main(["build", str(release), "--no-arelle", "--viewer", "--out", str(out)]) == 0
    viewer = outs[0] / "viewer"
    assert sorted(p.name for p in viewer.iterdir()) == ["iij-2011-12-31-Q3.html",
                                                       "ixbrlviewer.js"]
    page = (viewer / "iij-2011-12-31-Q3.html").read_text()
    assert "ixbrlviewer.js" in page and "DocumentTitle" in page
    assert not [p for p in outs[0].iterdir() if p.name.startswith(".xbrlgen-staging")]
    for path in viewer.iterdir():
        assert path.read_bytes() == (outs[1] / "viewer" / path.name).read_bytes(), path.name
