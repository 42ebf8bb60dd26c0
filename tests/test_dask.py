"""The per-file tasks of one run spread over a Dask cluster (CONGVAN_DASK_ADDRESS): every file once, a bad one
quarantined with its reason as on threads."""
from __future__ import annotations

import pytest
from docx import Document

from conftest import shared
from flows.ingest import run_ingest
from pipeline.status import FailureReason, Status
from pipeline.store import Store

pytestmark = pytest.mark.usefixtures("prefect_server")


def small_inbox(folder, count: int) -> list[str]:
    """`count` dispatches of distinct content, half plain text and half Word, from the seeds; their names."""
    seeds = sorted(shared("seeds", "text").glob("*.txt"))
    folder.mkdir(parents=True)
    names = []
    for i in range(count):
        lines = seeds[i % len(seeds)].read_text(encoding="utf-8").splitlines() + [f"Bản sao số {i}."]
        if i % 2:
            word = Document()
            for line in lines:
                word.add_paragraph(line)
            names.append(f"cv-{i:02d}.docx")
            word.save(folder / names[-1])
        else:
            names.append(f"cv-{i:02d}.txt")
            (folder / names[-1]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return names


def test_a_local_cluster_of_two_workers_ingests_one_inbox_every_file_once(options):
    import dask
    from distributed import Client, LocalCluster, get_task_stream

    names = small_inbox(options.inbox, 20)
    (options.inbox / "empty.pdf").write_bytes(b"")
    # as the README starts Dask workers: not daemonic, so each may start the process a file is read in
    with dask.config.set({"distributed.worker.daemon": False}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        options.dask_address = cluster.scheduler_address
        with get_task_stream(client) as stream:
            summary = run_ingest(options)
        workers = {event["worker"] for event in stream.data}

    assert summary.count(Status.INGESTED) == 20 and len(summary.outcomes) == 21
    assert [(o.path.name, o.error) for o in summary.outcomes if o.status == Status.QUARANTINED] == [
        ("empty.pdf", FailureReason.EMPTY.say())]
    assert len(workers) == 2  # both workers read files
    with Store(options.database_target) as store:
        ingested = [row for row in store.ledger() if row["status"] == Status.INGESTED]
        assert store.document_count() == 20
    assert sorted(row["file_name"] for row in ingested) == names
    assert len({row["sha256"] for row in ingested}) == 20
    assert sorted(p.name for p in options.archive_dir.iterdir()) == names
    assert [p.name for p in options.inbox.iterdir()] == []
