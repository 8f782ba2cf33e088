"""What a stored page's sidecar says about it: ``<file>.meta.json`` beside a file in ``raw/``.

Fetched pages get one from :mod:`flows.fetch` (URL, headers); a user or an exporter may write one
by hand for a local file. The one field extraction uses is ``published``: the page's publication
date (ISO, ``2025-09-30`` or a full timestamp), used when the document itself gives none, so that
"the latest report, released on Tuesday" is dated (:mod:`extractors.nlp.components.tier_years`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def sidecar_published(path: Path | str) -> str | None:
    """The ``published`` date (``YYYY-MM-DD``) of ``<path>.meta.json``; None without a readable
    sidecar or a full date in it (a year or month alone cannot tell which report was current)."""
    meta = Path(f"{path}.meta.json")
    try:
        value = json.loads(meta.read_text(encoding="utf-8")).get("published")
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        return None
    return value[:10]
