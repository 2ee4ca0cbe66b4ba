"""A minimal PDF writer for tests: pages of text lines at given positions, in Courier (so a
rendering's columns are where a layout puts them). Enough for pdfplumber to read back."""

from __future__ import annotations

import textwrap

Line = tuple[float, float, str]  # x, y (points from the bottom left), text


def pdf_bytes(
    pages: list[list[Line]], size: tuple[int, int] = (842, 595), points: int = 7
) -> bytes:
    bodies: list[bytes] = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>"
    ]
    contents = []
    for lines in pages:
        ops = []
        for x, y, text in lines:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 {points} Tf {x:.1f} {y:.1f} Td ({escaped}) Tj ET")
        stream = "\n".join(ops).encode("cp1252", "replace")
        bodies.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        contents.append(len(bodies))
    pages_id = len(bodies) + len(pages) + 1
    kids = []
    for content in contents:
        bodies.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R >> >> >>" % (pages_id, *size, content)
        )
        kids.append(b"%d 0 R" % len(bodies))
    bodies.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids)))
    bodies.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1, len(bodies), xref)
    return bytes(out)


def render_tabbed(text: str, label_chars: int = 90, cell_chars: int = 24) -> bytes:
    """A tab-separated release as a landscape PDF: labels wrapped at ``label_chars`` (the
    figures on the label's last line), cells right-aligned in columns ``cell_chars`` wide and
    wrapped within them, prose lines as they are."""
    char = 0.6 * 7  # Courier: 0.6 em
    pages: list[list[Line]] = [[]]
    y = 575.0

    def put(x: float, text: str) -> None:
        pages[-1].append((x, y, text))

    def next_line() -> None:
        nonlocal y
        y -= 9
        if y < 20:
            pages.append([])
            y = 575.0

    for line in text.splitlines():
        if "\t" not in line:
            if line.strip():
                put(20, line[:190])
            next_line()
            continue
        label, *cells = line.split("\t")
        while len(label) > label_chars:
            cut = label.rfind(" ", 0, label_chars)
            cut = cut if cut > 0 else label_chars
            put(20, label[:cut])
            label = label[cut:].strip()
            next_line()
        wrapped = [textwrap.wrap(cell.strip(), cell_chars - 2) for cell in cells]
        for i in range(max([1, *(len(w) for w in wrapped)])):  # a long heading wraps in its column
            if i == 0:
                put(20, label)
            for k, parts in enumerate(wrapped):
                if i < len(parts):
                    right = 20 + char * (label_chars + 2 + cell_chars * (k + 1))
                    put(right - char * len(parts[i]), parts[i])
            next_line()
    return pdf_bytes(pages)
