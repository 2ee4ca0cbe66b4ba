"""Run Arelle in-process (offline) and report its log in xbrlgen's Finding format.

Why: a second, independent verdict on the same screen. Arelle is imported lazily (about 0.5 s),
always offline, with its settings under a private temporary XDG_CONFIG_HOME, and one Session is
reused per process because Arelle keeps global state.
"""

from __future__ import annotations

import atexit
import json
import multiprocessing.util
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from generator.validate.findings import Finding, Severity

_session: Any = None
_LEVELS = {
    "error": Severity.error,
    "critical": Severity.error,
    "fatal": Severity.error,
    "inconsistency": Severity.inconsistency,
    "warning": Severity.warning,
}


def _private_config() -> str:
    """A temporary folder for Arelle's settings, removed when this process ends — normally
    (atexit) or as a pool worker (multiprocessing's finalizers; workers skip atexit)."""
    folder = tempfile.mkdtemp(prefix="xbrlgen-arelle-")
    atexit.register(shutil.rmtree, folder, True)
    multiprocessing.util.Finalize(None, shutil.rmtree, args=(folder, True), exitpriority=0)
    return folder


def _get_session() -> Any:
    global _session
    if _session is None:
        os.environ["XDG_CONFIG_HOME"] = _private_config()
        from arelle.api.Session import Session

        _session = Session()
    return _session


def close() -> None:
    """Close the process's Arelle session (tests and benchmarks call this at the end)."""
    global _session
    if _session is not None:
        _session.close()
        _session = None
        config = Path(os.environ.get("XDG_CONFIG_HOME", ""))
        if config.name.startswith("xbrlgen-arelle-"):
            shutil.rmtree(config, ignore_errors=True)


#: xbrlgen's calculation modes as Arelle's ``--calc`` values.
_ARELLE_CALCS = {"rounding": "c11r", "truncation": "c11t", "xbrl21": "xbrl21"}


def options(path: Path, calc_mode: str, packages: list[Path], utr: bool = False) -> Any:
    """The RuntimeOptions xbrlgen uses: validate, calculations as ``calc_mode`` (Calculation 1.1
    rounding / truncation, or XBRL 2.1), duplicates, the UTR when asked, offline."""
    from arelle.RuntimeOptions import RuntimeOptions

    kwargs: dict[str, Any] = {
        "entrypointFile": str(path),
        "validate": True,
        "calcs": _ARELLE_CALCS.get(calc_mode, "c11r"),
        "internetConnectivity": "offline",
        "logFile": "logToBuffer",
        "validateDuplicateFacts": "inconsistent",
        "utrValidate": utr,
        "logRefObjectProperties": False,
    }
    if packages:
        kwargs["packages"] = [str(p) for p in packages]
    return RuntimeOptions(**kwargs)


def run(path: Path, calc_mode: str = "rounding", packages: list[Path] | None = None,
        display: str | None = None, *, utr: bool = False) -> tuple[list[Finding], float]:
    """Arelle's findings (warning level and above) for one instance, and the seconds it took."""
    started = time.perf_counter()
    if packages:
        # Arelle 2.47 resets its package registry at the start of every run but only builds it
        # when a Session creates its controller, so a reused Session fails on packages.
        close()
    session = _get_session()
    session.run(options(path, calc_mode, packages or [], utr))
    raw = json.loads(session.get_logs("json", clear_logs=True) or '{"log": []}')
    return parse_log(raw.get("log", []), display or str(path)), time.perf_counter() - started


def parse_log(entries: list[dict[str, Any]], file: str) -> list[Finding]:
    """Arelle JSON log entries -> findings (source="arelle"); info and debug are dropped."""
    out: list[Finding] = []
    for entry in entries:
        severity = _LEVELS.get(str(entry.get("level", "")).lower())
        if severity is None:
            continue
        text = str(entry.get("message", {}).get("text", ""))
        code = str(entry.get("code", "arelle"))
        prefix = f"[{code}] "
        if text.startswith(prefix):
            text = text[len(prefix):]
        refs = entry.get("refs") or [{}]
        ref = refs[0] if isinstance(refs[0], dict) else {}
        href = str(ref.get("href", ""))
        fact_id = href.partition("#")[2] or None
        if fact_id and fact_id.startswith("element("):
            fact_id = None
        line = ref.get("sourceLine")
        args = entry.get("message", {}).get("args", {}) or {}
        out.append(Finding(
            code=code, severity=severity, message=text, file=file,
            line=int(line) if isinstance(line, int | str) and str(line).isdigit() else None,
            fact_id=fact_id,
            # a fact's own message names it "fact"; a calculation names its total "concept"
            concept=(args.get("fact") or args.get("concept")) if isinstance(args, dict) else None,
            context_id=args.get("contextID") if isinstance(args, dict) else None,
            source="arelle",
        ))
    return out
