"""On-disk cache of taxonomy-rule findings, keyed by every DTS document's URL, size and mtime.

Why: the taxonomy rules need the xmlschema model of the DTS (~0.3-0.5 s to build) and a walk
over every linkbase; a filer's taxonomy does not change between runs, so their findings are
read back instead (same folder and switches as the concept cache, see ``taxonomy.cache_dir``).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from generator.validate.dts import Dts
from generator.validate.findings import Finding
from generator.validate.taxonomy import _fingerprint, cache_dir

RULES_FORMAT = 1


def cached(dts: Dts, taxonomy_entry: bool, compute: Callable[[], list[Finding]]) -> list[Finding]:
    """Findings of ``compute`` for this DTS, from the cache when its files are unchanged."""
    folder = cache_dir()
    files = {**dts.schema_files, **dts.linkbases}
    # The working folder's path is part of the key: findings name local files relative to it.
    # Its path only: its mtime changes whenever a file is created in it, which changes no
    # finding (it used to be stat()ed like a document, so any new file there missed the cache).
    cwd = hashlib.sha256(str(Path.cwd()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    key = f"{_fingerprint(files)}-{cwd}-{RULES_FORMAT}{'t' if taxonomy_entry else 'i'}"
    target = folder / "dts-rules" / f"{key}.json" if folder else None
    if target is not None and target.is_file():
        try:
            rows = json.loads(target.read_text(encoding="utf-8"))
            return [Finding.model_validate(row) for row in rows]
        except (OSError, ValueError):
            pass  # rebuilt below
    findings = compute()
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps([f.model_dump(mode="json") for f in findings]),
                           encoding="utf-8")
            tmp.replace(target)
        except OSError:
            pass  # caching is an optimisation only
    return findings
