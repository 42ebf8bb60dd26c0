"""Issue 9: odd and hostile files never poison a batch, and `congvan extract` refuses them in one line."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import badfiles
from conftest import ROOT, shared
from pipeline import consumer
from pipeline.acquire import read_document
from pipeline.child_reader import read_document_in_child
from pipeline.claims import Claims
from pipeline.errors import InputError
from pipeline.names import fit, place, shown
from pipeline.status import FailureReason, Status
from pipeline.store import Store

SEED = "003_215ada83c8d0aa07.txt"


def congvan(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


@pytest.mark.parametrize("make, words", list(badfiles.BAD_FILES.items()), ids=lambda v: getattr(v, "__name__", ""))
def test_extract_refuses_a_bad_file_in_one_line_with_exit_2(tmp_path, make, words):
    path = make(tmp_path)
    run = congvan("extract", str(path))
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.splitlines() == [run.stderr.strip()] and "Traceback" not in run.stderr
    assert run.stderr.startswith(f"congvan: {path}: ") and words in run.stderr


@pytest.mark.parametrize("make, reason", [
    (badfiles.encrypted_pdf, FailureReason.ENCRYPTED_PDF), (badfiles.damaged_docx, FailureReason.DAMAGED_WORD),
    (badfiles.zip_bomb_docx, FailureReason.UNPACKS_TOO_LARGE), (badfiles.huge_image_pdf, FailureReason.PAGE_TOO_LARGE),
])
def test_each_bad_file_has_its_reason_as_an_enum(tmp_path, options, make, reason):
    with pytest.raises(InputError) as caught:
        read_document(make(tmp_path), options)
    assert caught.value.reason is reason


def test_limits_are_settings(tmp_path, options):
    big = badfiles.huge_image_pdf(tmp_path, side=4000)  # 16 million pixels (the A4 page at 300 dpi: 8.7): fine
    with pytest.raises(InputError, match="no text found"):
        read_document(big, options)
    options.max_page_pixels = 9_000_000
    with pytest.raises(InputError, match=r"page too large: 16000000 pixels \(limit 9000000\)"):
        read_document(big, options)
    options.max_unpacked_bytes = 1024 * 1024
    with pytest.raises(InputError, match=r"unpacks to more than 1048576 bytes"):
        read_document(badfiles.zip_bomb_docx(tmp_path, unpacked=2 * 1024 * 1024), options)
    options.max_pages = 0
    with pytest.raises(InputError, match=r"too many pages: 1 \(limit 0\)"):
        read_document(big, options)


def test_a_batch_of_odd_files_quarantines_each_with_a_reason_and_ingests_the_good(tmp_path, options, database):
    options.database = database
    seed = shared("seeds", "text", SEED).read_bytes()
    inbox = options.inbox
    inbox.mkdir(parents=True)
    (inbox / "good.txt").write_bytes(seed)
    latin1 = os.fsdecode(b"c\xf4ng v\xe3n c\xfc.txt")  # Latin-1 bytes from an old Windows share
    (inbox / latin1).write_bytes(seed.replace(b"708", b"709"))
    long_name = fit(("Kế hoạch phát động thi đua năm 2024 của Liên đoàn Lao động tỉnh " * 6) + ".txt", 254)
    assert 240 < len(os.fsencode(long_name)) <= 255
    (inbox / long_name).write_bytes(seed.replace(b"708", b"710"))
    outside = tmp_path / "secret.txt"
    outside.write_bytes("Bí mật: không được đọc.".encode())
    (inbox / "link.txt").symlink_to(outside)
    (inbox / "dangling.pdf").symlink_to(tmp_path / "nowhere.pdf")
    os.mkfifo(inbox / "pipe.txt")
    for make in badfiles.BAD_FILES:
        make(inbox)
    (inbox / "partial.pdf.crdownload").write_bytes(b"%PDF-")
    (inbox / "~$draft.docx").write_bytes(b"lock")

    with Store(options.database_target) as store, Claims(options) as claims:
        batch = consumer.plan(options, store, claims)
        outcomes = [consumer.ingest_file(item, options, store, None) for item in batch.odd + batch.new]
        ledger = store.ledger()
        bodies = [store.record(o.document_id) for o in outcomes if o.document_id]
    by_name = {o.path.name: o for o in outcomes}
    assert {n for n, o in by_name.items() if o.status == Status.INGESTED} == {"good.txt", latin1, long_name}
    assert len(bodies) == 3
    for name in ("link.txt", "dangling.pdf", "pipe.txt"):
        assert by_name[name].status == Status.QUARANTINED and "not a regular file" in by_name[name].error
    assert by_name["link.txt"].error == "not a regular file (symlink): not read"
    assert by_name["pipe.txt"].error == "not a regular file (named pipe): not read"
    assert (options.quarantine_dir / "link.txt").is_symlink()  # moved as the link it is
    assert outside.read_bytes().decode() == "Bí mật: không được đọc."
    assert all("Bí mật" not in (r.subject or "") for r in bodies)
    for make, words in badfiles.BAD_FILES.items():
        name = make.__defaults__[-1]
        assert by_name[name].status == Status.QUARANTINED and words in by_name[name].error
        assert (options.quarantine_dir / f"{name}.reason.txt").exists()
    # Temporary names stay in the inbox; nothing else does.
    assert sorted(os.listdir(inbox)) == ["partial.pdf.crdownload", "~$draft.docx"]
    # The odd name is stored and shown readably; the archived file keeps its bytes.
    shown_latin1 = "c\\xf4ng v\\xe3n c\\xfc.txt"
    assert shown_latin1 in {r["file_name"] for r in ledger}
    assert (options.archive_dir / latin1).read_bytes() == seed.replace(b"708", b"709")
    # The long name is archived shortened (room for "-N" and ".reason.txt"); the ledger keeps it whole.
    assert by_name[long_name].stored_as == options.archive_dir / fit(long_name) != options.archive_dir / long_name
    assert long_name in {r["file_name"] for r in ledger}
    assert all(os.path.lexists(options.processed / os.fsdecode(r["stored_as"].encode())) or "\\x" in r["stored_as"]
               for r in ledger)


def test_names_are_shown_safely_and_fit_beside_their_reason_file(tmp_path):
    assert shown(os.fsdecode(b"caf\xe9.pdf")) == "caf\\xe9.pdf"
    assert shown("Ho\u0300a.pdf") == "Hòa.pdf"  # NFC
    name = "Đ" * 126 + ".pdf"  # 256 bytes: one more than a name may hold
    cut = fit(name)
    assert cut.endswith(".pdf") and len(os.fsencode(cut + "-99.reason.txt")) <= 255
    folder = tmp_path / "q"
    folder.mkdir()
    src = tmp_path / ("Đ" * 120 + ".pdf")
    src.write_bytes(b"one")
    first = place(src, folder)
    (tmp_path / src.name).write_bytes(b"two")
    second = place(tmp_path / src.name, folder)
    assert first != second and first.read_bytes() == b"one" and second.read_bytes() == b"two"
    (second.parent / f"{second.name}.reason.txt").write_text("ok")  # fits


def test_a_busy_name_in_the_archive_is_never_overwritten(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "cv.pdf").write_bytes(b"older")
    for n in range(3):
        (tmp_path / "cv.pdf").write_bytes(b"new %d" % n)
        place(tmp_path / "cv.pdf", folder)
    assert sorted(p.read_bytes() for p in folder.iterdir()) == [b"new 0", b"new 1", b"new 2", b"older"]


def test_reading_is_bounded_by_the_memory_limit_a_setting(tmp_path, options):
    bomb = badfiles.inflating_pdf(tmp_path, unpacked=200 * 1024 * 1024)
    options.max_memory_bytes = 450 * 1024 * 1024
    with pytest.raises(InputError) as caught:
        read_document_in_child(bomb, options)
    assert caught.value.reason in (FailureReason.TOO_MUCH_MEMORY, FailureReason.READER_CRASHED)
    assert "more memory than the limit (471859200 bytes)" in caught.value.problem
    # The reading process paid for it, not this one: the next file reads as ever.
    good = shared("seeds", "text", SEED)
    assert read_document_in_child(good, options).lines == read_document(good, options).lines


def test_a_daemonic_process_reads_in_itself_and_says_so(options, monkeypatch, caplog):
    """A Dask worker left daemonic may start no process: the file is still read, in that process, logged."""
    import multiprocessing

    monkeypatch.setitem(multiprocessing.current_process()._config, "daemon", True)
    good = shared("seeds", "text", SEED)
    with caplog.at_level("WARNING", logger="pipeline.child_reader"):
        assert read_document_in_child(good, options).lines == read_document(good, options).lines
    assert "read in this process, without the memory limit" in caplog.text
