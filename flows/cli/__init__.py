"""The ``tipwatch`` command line: ``app`` (entry point), ``common`` (shared parts), one module per group of commands."""
