"""Files that must never take a run down, made on the spot: each function writes one into a folder."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "pipeline" / "samples"


def encrypted_pdf(folder: Path, name: str = "encrypted.pdf") -> Path:
    """A PDF that opens only with a password (reportlab's standard encryption)."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = folder / name
    pdf = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    pdf.drawString(100, 700, "Cong van so 12/UBND")
    pdf.save()
    return path


def zip_bomb_docx(folder: Path, unpacked: int = 400 * 1024 * 1024, name: str = "bomb.docx") -> Path:
    """A .docx of a few hundred KB whose text part unpacks to `unpacked` bytes."""
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b"<w:document>")
            block = b" " * (1 << 20)
            for _ in range(unpacked // len(block)):
                part.write(block)
            part.write(b"</w:document>")
    return path


def damaged_docx(folder: Path, name: str = "damaged.docx") -> Path:
    """The bundled sample .docx with 200 bytes in its middle zeroed (a broken copy)."""
    data = next(SAMPLES.glob("*.docx")).read_bytes()
    middle = len(data) // 2
    path = folder / name
    path.write_bytes(data[:middle] + bytes(200) + data[middle + 200:])
    return path


def huge_image_pdf(folder: Path, side: int = 30000, name: str = "hugepage.pdf") -> Path:
    """A one-page PDF (about 100 KB) whose page shows a side×side one-bit image."""
    raw = zlib.compress(bytes((side // 8) * side), 9)
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
             b"/BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n" % (side, side, len(raw))
             + raw + b"\nendstream")
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    return _pdf(folder / name, [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> "
        b"/Contents 5 0 R >>", image, b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"])



def inflating_pdf(folder: Path, unpacked: int = 400 * 1024 * 1024, name: str = "inflating.pdf") -> Path:
    """A one-page PDF of under a megabyte whose page content unpacks to `unpacked` bytes (a decompression bomb
    no declared size gives away: pages, pixels and sizes are all small)."""
    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    raw = b"".join(packer.compress(block) for _ in range(unpacked // len(block))) + packer.flush()
    return _pdf(folder / name, [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(raw) + raw + b"\nendstream"])


def _pdf(path: Path, objects: list[bytes]) -> Path:
    """A PDF of these objects (numbered from 1, the first the catalog), with its cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


BAD_FILES = {  # maker → words the reason must hold
    encrypted_pdf: "encrypted PDF: a password is needed to open it",
    damaged_docx: "damaged Word file",
    zip_bomb_docx: "unpacks to more than",
    huge_image_pdf: "page too large: 900000000 pixels",
    inflating_pdf: "more memory than the limit",
}
