"""OCR speed and quality on the real scans: congvan against plain Tesseract and OCRmyPDF.

Prints, in one run:

(a) pages per minute of congvan's ingest path — every PDF of real/scan read with
    pipeline.acquire.read_document (what `congvan ingest` runs per file), all
    documents at once sharing one OcrPool: PDF parsing, page image extraction,
    preprocessing, OCR and reading order — against plain `tesseract IMAGE out -l vie`
    on the page images embedded in the same PDFs (extracted with `pdfimages -all`),
    one process per core with OMP_THREAD_LIMIT=1, as a ratio; and, to show where
    time goes, of congvan's OcrPool alone on the extracted images. Each side runs
    --rounds times, alternating, and its best round counts (the machine may be shared).
(b) word-level F1 against the born-digital text of the same document
    (real/digital/NN.pdf through pdfplumber) for congvan (through read_document)
    and for `ocrmypdf -l vie` on real/scan and real/hard.

Word F1: lower-cased NFC words (\\w+ runs) compared as multisets, per document,
then averaged over documents. congvan's OCR text is the words Tesseract read on
each page (PageText.words), the same kind of text ocrmypdf's sidecar holds; its
page lines are scored too: reading order drops page numbers ("Trang 2", "- 3 -")
and e-signature stamps on purpose, which the born-digital text keeps.

    .venv/bin/python benchmarks/ocr_benchmark.py [--real ../shared/real] [--jobs N]
        [--tessdata DIR] [--ocr-dpi 300] [--rounds 2] [--skip-ocrmypdf]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models.document import DocumentText  # noqa: E402
from pipeline.acquire import read_document  # noqa: E402
from pipeline.ocr import OcrPool  # noqa: E402
from pipeline.options import Options  # noqa: E402

DEFAULT_REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFC", text).lower()))


def word_f1(hypothesis: str, reference: str) -> float:
    hyp, ref = words(hypothesis), words(reference)
    hits = sum((hyp & ref).values())
    if not hits:
        return 0.0
    precision, recall = hits / sum(hyp.values()), hits / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def digital_text(real: Path, stem: str) -> str:
    with pdfplumber.open(real / "digital" / f"{stem}.pdf") as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as document:
        return len(document.pages)


def congvan_documents(pdfs: list[Path], options: Options) -> tuple[dict[str, DocumentText], float]:
    """Each PDF through congvan's path, documents concurrent over one shared pool; and the wall time."""
    start = time.perf_counter()
    with OcrPool(options) as pool, ThreadPoolExecutor(len(pdfs)) as documents:
        results = documents.map(lambda pdf: read_document(pdf, options, pool), pdfs)
        read = dict(zip((pdf.stem for pdf in pdfs), results))
    return read, time.perf_counter() - start


def ocr_words(document: DocumentText) -> str:
    """Every word OCR read on the document's pages, page furniture included."""
    return "\n".join(" ".join(word.text for word in page.words) for page in document.pages)


def pool_seconds(images: list[Path], options: Options) -> float:
    """congvan's OCR pool alone (decode, preprocess, OCR, reading order) on the plain run's page images."""
    start = time.perf_counter()
    with OcrPool(options) as pool:
        futures = [pool.submit(Image.open(image), number) for number, image in enumerate(images, start=1)]
        for future in futures:
            future.result()
    return time.perf_counter() - start


def extract_page_images(pdfs: list[Path], folder: Path) -> list[Path]:
    """The scanned page images embedded in the PDFs, as stored (JPEG stays JPEG)."""
    for pdf in pdfs:
        subprocess.run(["pdfimages", "-all", str(pdf), str(folder / pdf.stem)], check=True)
    return sorted(folder.iterdir())


def plain_tesseract_seconds(images: list[Path], jobs: int, language: str, out: Path) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def run(image: Path) -> None:
        subprocess.run(["tesseract", str(image), str(out / image.stem), "-l", language], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    start = time.perf_counter()
    with ThreadPoolExecutor(jobs) as workers:
        list(workers.map(run, images))
    return time.perf_counter() - start


def ocrmypdf_texts(pdfs: list[Path], jobs: int, folder: Path) -> dict[str, str]:
    texts = {}
    for pdf in pdfs:
        sidecar = folder / f"{pdf.stem}.txt"
        subprocess.run(["ocrmypdf", "-q", "-l", "vie", "-j", str(jobs), "--output-type", "pdf", "--sidecar",
                        str(sidecar), str(pdf), str(folder / pdf.name)], check=True)
        texts[pdf.stem] = sidecar.read_text(encoding="utf-8")
    return texts


def f1_row(texts: dict[str, str], references: dict[str, str]) -> tuple[float, list[float]]:
    scores = [word_f1(texts[stem], references[stem]) for stem in sorted(references)]
    return sum(scores) / len(scores), scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--real", type=Path, default=DEFAULT_REAL)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--tessdata", type=Path, help="tessdata dir for congvan (default: Tesseract's own)")
    parser.add_argument("--ocr-dpi", type=int, default=Options().ocr_dpi,
                        help="Options.ocr_dpi: the cap for pages rendered for OCR (scan pages are read as stored)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-ocrmypdf", action="store_true")
    args = parser.parse_args()
    options = Options(jobs=args.jobs, tessdata_dir=args.tessdata, ocr_dpi=args.ocr_dpi)
    scans = sorted((args.real / "scan").glob("*.pdf"))
    hards = sorted((args.real / "hard").glob("*.pdf"))
    references = {pdf.stem: digital_text(args.real, pdf.stem) for pdf in scans}
    pages = sum(page_count(pdf) for pdf in scans)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "images").mkdir()
        (tmp / "plain").mkdir()
        images = extract_page_images(scans, tmp / "images")
        plain_best = congvan_best = pool_best = float("inf")
        for _ in range(args.rounds):
            plain_best = min(plain_best, plain_tesseract_seconds(images, args.jobs, options.ocr_language, tmp / "plain"))
            pool_best = min(pool_best, pool_seconds(images, options))
            scan_documents, seconds = congvan_documents(scans, options)
            congvan_best = min(congvan_best, seconds)
        hard_documents, _ = congvan_documents(hards, options)
        ocrmypdf = {}
        if not args.skip_ocrmypdf:
            for name, pdfs in (("scan", scans), ("hard", hards)):
                (tmp / name).mkdir()
                ocrmypdf[name] = ocrmypdf_texts(pdfs, args.jobs, tmp / name)

    model = args.tessdata or "Tesseract's own tessdata"
    print(f"(a) throughput on {args.real / 'scan'}: {pages} pages, {args.jobs} jobs, congvan model: {model}, "
          f"ocr_dpi {args.ocr_dpi}")
    print(f"    plain tesseract -l vie, one process per core: {pages / plain_best * 60:7.1f} pages/min")
    print(f"    congvan OcrPool on the same images (preprocess+OCR+layout): {pages / pool_best * 60:7.1f} pages/min"
          f"   ratio {plain_best / pool_best:.3f}")
    print(f"    congvan read_document on the PDFs (the ingest path): {pages / congvan_best * 60:7.1f}"
          f" pages/min   ratio {plain_best / congvan_best:.3f}")
    print("(b) word F1 against the born-digital text")
    stems = sorted(references)
    print(f"    {'':18s} {'mean':>6s}  " + " ".join(f"{s:>6s}" for s in stems))
    rows = []
    for name, read in (("scan", scan_documents), ("hard", hard_documents)):
        rows.append((f"congvan {name}", {stem: ocr_words(document) for stem, document in read.items()}))
        rows.append((f"  lines {name}", {stem: document.text for stem, document in read.items()}))
    rows += [(f"ocrmypdf {name}", texts) for name, texts in ocrmypdf.items()]
    for label, texts in rows:
        mean, scores = f1_row(texts, references)
        print(f"    {label:18s} {mean:6.4f}  " + " ".join(f"{s:6.4f}" for s in scores))


if __name__ == "__main__":
    main()
