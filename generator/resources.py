"""Where the bundled taxonomy declaration, templates and sample releases live.

In a source checkout they are the top-level folders; in an installed wheel they are copied under
``generator/_bundled`` (see ``pyproject.toml``). Code asks here instead of guessing paths.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"bundled folder {name!r} not found under {_PACKAGE}")


def taxonomy_dir() -> Path:
    return _bundled("taxonomy")


def templates_dir() -> Path:
    return _bundled("templates")


def samples_dir() -> Path:
    return _bundled("samples")


def sample_releases() -> list[Path]:
    """The bundled sample releases, in file-name order (the default input of ``build``)."""
    return sorted(samples_dir().glob("*.txt"))
