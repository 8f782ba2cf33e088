"""A PDF bomb for the hostile-input test and benchmark: a few kilobytes that expand to millions of
characters (one page draws a 1,000-character form object again and again).

    python scripts/make_pdf_bomb.py out.pdf      # 9,000 repeats: 9.45 M characters from 5 KB
"""

from __future__ import annotations

import sys
import zlib


def bomb_pdf(repeats: int = 9000) -> bytes:
    """A small PDF whose one page draws a 1,000-character form object ``repeats`` times."""
    form = zlib.compress(f"BT /F1 6 Tf 10 10 Td ({'Pakistan trafficking ' * 50}) Tj ET".encode())
    page = zlib.compress(b"".join(b"q 1 0 0 1 0 %d cm /X Do Q\n" % (i % 700) for i in range(repeats)))
    res = b"/Resources << /Font << /F1 4 0 R >> >>"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> "
        b"/XObject << /X 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] %s /Filter /FlateDecode /Length %d >>\n"
        b"stream\n%s\nendstream" % (res, len(form), form),
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(page), page),
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as fh:
        fh.write(bomb_pdf())
