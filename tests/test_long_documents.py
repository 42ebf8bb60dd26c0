"""Long documents are read page by page: memory does not grow with the number of pages."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from long_pdf import write_long_pdf
from pipeline import limits
from pipeline.errors import InputError
from pipeline.options import Options

# What a reading process runs (`congvan extract` and the inbox read in a process of its own, whose peak
# their own rusage does not show): the parser alone, here, so its peak is this process's.
READ = "import sys; from pipeline.acquire import read_document; from pipeline.options import Options; " \
       "read_document(sys.argv[1], Options())"


def read_peak_mb(path) -> float:
    """Peak resident memory (MB) of a process that reads PATH (`read_document`, in that process); it must succeed."""
    child = subprocess.Popen([sys.executable, "-c", READ, str(path)], env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, child.stderr.read()
    return usage.ru_maxrss / 1024


def test_a_long_born_digital_pdf_is_read_in_the_memory_of_a_short_one(tmp_path):
    short = read_peak_mb(write_long_pdf(tmp_path / "short.pdf", 5))
    long = read_peak_mb(write_long_pdf(tmp_path / "long.pdf", 60))
    # Each page's characters and layout, kept until the end, cost about 5 MB a page (300 MB here).
    assert long - short < 100, (short, long)


def test_a_300_page_document_is_within_the_default_limits(tmp_path):
    path = write_long_pdf(tmp_path / "long.pdf", 300)
    limits.check(path, "pdf", Options())  # raises when over a limit
    with pytest.raises(InputError, match=r"too many pages: 300 \(limit 299\)"):
        limits.check(path, "pdf", Options(max_pages=299))


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="page ranges are read at once on two cores or more")
def test_a_long_pdf_read_in_page_ranges_by_two_reading_processes_is_the_document_one_process_reads(tmp_path,
                                                                                                 caplog):
    import logging

    from pipeline.child_reader import LONG_PDF_PAGES, read_document_in_child

    path = write_long_pdf(tmp_path / "long.pdf", LONG_PDF_PAGES + 5)
    with caplog.at_level(logging.INFO, logger="pipeline.child_reader"):
        alone = read_document_in_child(path, Options(jobs=1))
        assert "long.pdf: one reading process: one core (or --jobs 1)" in caplog.messages
        caplog.clear()
        shared = read_document_in_child(path, Options(jobs=2))
    assert f"long.pdf: 2 reading processes at once, a page range each: {LONG_PDF_PAGES + 5} pages" in \
        caplog.messages[0]
    assert [page.number for page in shared.pages] == list(range(1, LONG_PDF_PAGES + 6))
    assert [(page.lines, page.method, page.route, page.words) for page in shared.pages] == \
        [(page.lines, page.method, page.route, page.words) for page in alone.pages]


def test_a_short_pdf_is_read_by_one_reading_process(tmp_path, caplog):
    import logging

    from pipeline.child_reader import LONG_PDF_PAGES, read_document_in_child

    path = write_long_pdf(tmp_path / "short.pdf", 5)
    with caplog.at_level(logging.INFO, logger="pipeline.child_reader"):
        document = read_document_in_child(path, Options(jobs=2))
    assert f"short.pdf: one reading process: 5 page(s), fewer than {LONG_PDF_PAGES}" in caplog.messages
    assert len(document.pages) == 5
