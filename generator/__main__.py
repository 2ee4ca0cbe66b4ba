"""Allow ``python -m generator``."""

try:
    from generator.cli import entry
except KeyboardInterrupt:  # Ctrl-C while still importing: as short as from main()
    import sys

    print("xbrlgen: interrupted", file=sys.stderr)
    raise SystemExit(130) from None

entry()
