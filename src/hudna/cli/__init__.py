"""The `hudna` command line: thin commands that parse options and call importable functions."""
