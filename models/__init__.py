"""tipwatch's rules as package data: pipeline.cfg, patterns/, gazetteers/, the agency recogniser and
the gold sets. A package (not code) so that a wheel ships it and :mod:`importlib.resources` finds
it; read through :func:`extractors.assets.models_dir`."""
