"""The ``tipwatch`` command line: ``app`` (the entry point), ``common`` (what the commands share)
and one module per group of commands."""
