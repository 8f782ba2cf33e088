"""``python -m tipwatch``: the smallest shim that makes the command runnable as a module.

Why a module here: the command's code lives in the ``flows`` package (``flows.cli.app``), and
``python -m`` needs an importable name ``tipwatch``; one top-level module (installed beside
``flows``, ``extractors`` and ``models`` through ``py-modules`` in pyproject.toml) gives it that name
without moving or renaming the user's packages.
"""

if __name__ == "__main__":
    from flows.cli.app import app

    app(prog_name="tipwatch")
