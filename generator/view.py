"""``xbrlgen view FILING``: an interactive viewer page for a filing's Inline XBRL page.

Why the ixbrl-viewer package (Arelle's viewer plugin, from PyPI): clicking a figure shows its
concept, period, dimensions, unit and footnotes — our footnotes name the release line each
figure was read from — with search and outline, in a well-kept tool, not one of our own.
Arelle runs in-process and offline; the viewer script comes from the installed package and is
copied beside the page (``ixbrlviewer.js``), so the viewer opens from disk with no network.
Output is staged and moved in atomically, like a build's.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.generate import OutputStage

VIEWER_PLUGIN = "ixbrl-viewer"
SCRIPT = "ixbrlviewer.js"
VIEWER_FOLDER = "viewer"  # beside the filings: out/viewer/<filing>.html
INLINE_SUFFIXES = (".html", ".xhtml", ".htm", ".xbri")


class ViewError(Exception):
    """A filing the viewer cannot be made for; the message is one line."""


@dataclass
class ViewResult:
    page: Path
    script: Path
    problems: list[str]


def inline_source(filing: Path) -> Path:
    """The Inline XBRL document for ``filing``: itself, or the page beside a ``.xbrl``."""
    if not filing.exists():
        raise ViewError(f"{filing}: no such file")
    if filing.is_dir():
        raise ViewError(f"{filing}: a folder; name one filing (its .html or .xbrl)")
    if filing.suffix.lower() in INLINE_SUFFIXES:
        return filing
    page = filing.with_suffix(".html")
    if filing.suffix.lower() == ".xbrl" and page.exists():
        return page
    raise ViewError(f"{filing}: not an Inline XBRL filing (expected the .html page that "
                    "'xbrlgen build' writes beside each .xbrl, or a .xbri report package)")


def _options(source: Path, destination: Path) -> Any:
    from arelle.RuntimeOptions import RuntimeOptions

    return RuntimeOptions(
        entrypointFile=str(source),
        plugins=VIEWER_PLUGIN,
        internetConnectivity="offline",
        logFile="logToBuffer",
        pluginOptions={
            "saveViewerDest": str(destination),
            "viewerURL": None,  # the script shipped in the package, copied beside the page
            "viewerNoCopyScript": False,
            "useStubViewer": False,
            "validationMessages": False,
            "zipViewerOutput": False,
            "viewerBasenameSuffix": "",
            "packageDownloadURL": None,
        },
    )


def render_viewer(source: Path, destination: Path, name: Path | None = None) -> list[str]:
    """Write the viewer page of the Inline document ``source`` to ``destination``, with the
    viewer script beside it; return what Arelle reported while loading it (the filing's own
    calculation inconsistencies left out). ``name`` names the filing in an error. Used by
    ``xbrlgen view`` and by ``xbrlgen build --viewer`` (on the staged pages, before they move
    in). Raises :class:`ViewError` when no viewer is made."""
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="xbrlgen-arelle-"))
    from arelle.api.Session import Session

    with Session() as session:
        session.run(_options(source.resolve(), destination))
        log = json.loads(session.get_logs("json") or '{"log": []}')["log"]
    problems = [
        f"[arelle] {e.get('level')}: {e.get('code')}: {e.get('message', {}).get('text', '')}"
        for e in log
        if str(e.get("level", "")).lower() in ("error", "critical", "fatal", "warning")
        and not str(e.get("code", "")).startswith("calc11e:")
    ]
    if not destination.exists() or not (destination.parent / SCRIPT).exists():
        why = problems[0] if problems else "the viewer plugin wrote nothing"
        raise ViewError(f"{name or source}: no viewer made: {why}")
    return problems


def write_viewer(filing: Path, out: Path | None = None) -> ViewResult:
    """Write ``<out>/<filing>.html`` and ``<out>/ixbrlviewer.js`` (default ``out``: a
    ``viewer`` folder beside the filing). Raises :class:`ViewError` when no viewer is made."""
    source = inline_source(filing)
    out = out if out is not None else source.parent / VIEWER_FOLDER
    name = f"{source.stem}.html"
    with OutputStage(out) as stage:
        staged = stage.file(name)
        stage.file(SCRIPT)
        problems = render_viewer(source, staged, filing)
        written = stage.commit()
    return ViewResult(page=written[0], script=written[1], problems=problems)
