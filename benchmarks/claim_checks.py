"""How long checking claims takes (extractors.analysis.claim_checks.check_claims), on synthetic rows.

    .venv/bin/python benchmarks/claim_checks.py [N_CLAIMS]

190 countries x 20 report years x 2 sources of tier rows; N claims (default 5000) shaped like the
seed claim ("since 2015 ... improved in the 2022 and 2023 reports"), as table rows (dicts).
"""

from __future__ import annotations

import random
import sys
import time

from extractors.analysis.claim_checks import check_claims
from extractors.records import Claim, TierPlacement, record_row

TEXT = (
    "Despite consistently being placed on the Tier II Watch List in the US Department of State's annual TIP "
    "reports since 2015, C{}'s ranking has significantly improved in the 2022 and 2023 reports"
)


def main(n: int = 5000) -> None:
    rng = random.Random(7)
    rows = [
        record_row(
            TierPlacement(
                f"tip-{y}",
                f"C{c}",
                y,
                rng.choice(["1", "2", "2WL", "3"]),
                None,
                kind,
                0,
                1,
                3,
                "x",
                id=f"{c}-{y}-{kind}",
            )
        )
        for c in range(190)
        for y in range(2005, 2025)
        for kind in ("tip_table", "tip_narrative")
    ]
    claims = [
        record_row(
            Claim(
                f"n{i}",
                "S",
                "person",
                "said",
                TEXT.format(i % 190),
                False,
                "ranking_change",
                (f"C{i % 190}",),
                ("2WL",),
                (2015, 2022, 2023),
                0,
                10,
                None,
                "e",
                id=f"c{i}",
            )
        )
        for i in range(n)
    ]
    t = time.perf_counter()
    out = check_claims(claims, rows)
    dt = time.perf_counter() - t
    print(
        f"{len(rows)} report rows, {len(claims)} claims -> {len(out)} checks in {dt:.2f} s ({1000 * dt / len(claims):.2f} ms/claim)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
