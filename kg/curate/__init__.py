"""Stage 4: a contribution: read it, check it against the build, report, and say what it changes."""
