"""How much a command tells a person about its run (see :mod:`generator.build_output`): kept
apart so that ``xbrlgen extract`` can ask without importing the build and its generators."""

SUMMARY, VERBOSE, QUIET = "summary", "verbose", "quiet"
