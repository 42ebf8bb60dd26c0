"""`congvan`: the command line. It parses arguments and calls the modules that do the work.

Prefect's settings are given defaults here, before Prefect is first imported, so
a user needs none: its home in `.prefect/` of the working directory, a patient
start-up of the temporary server, no analytics.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from pipeline.options import Options

PREFECT_DEFAULTS = {
    "PREFECT_HOME": str(Path(".prefect").resolve()),
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}


def _prefect_env(quiet: bool) -> None:
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if quiet:  # the progress bar and summary say what happened (a quarantined file, a Failed task, too);
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")  # Prefect's own lines would only interleave


# `congvan ingest`, `watch` and `retry` exit with this status when any file was quarantined (README).
EXIT_QUARANTINED = 3
# `congvan extract` exits with this status on a file it cannot read.
EXIT_UNREADABLE = 2


def _options(args: argparse.Namespace) -> Options:
    options = Options()
    for name in ("inbox", "processed", "jobs", "database", "settle_seconds", "cron", "timezone"):
        value = getattr(args, name, None)
        if value is not None:
            setattr(options, name, value)
    return options


def _error(message: str) -> None:
    print(f"congvan: {message}", file=sys.stderr)


def _shown(path) -> str:
    from pipeline.names import shown

    return shown(path)


def cmd_extract(args: argparse.Namespace) -> int:
    from extractors import extract_record
    from pipeline.child_reader import read_document_in_child
    from pipeline.errors import InputError
    from pipeline.status import FailureReason

    try:
        doc = read_document_in_child(args.file, _options(args))
        record = extract_record(doc).to_dict()
    except InputError as exc:
        _error(f"{_shown(args.file)}: {exc.problem}")
        return EXIT_UNREADABLE
    except Exception as exc:  # an extractor's bug on this file: still one line, not a traceback
        _error(f"{_shown(args.file)}: {FailureReason.FAILED.say(detail=f'{type(exc).__name__}: {exc}')}")
        return EXIT_UNREADABLE
    for page in doc.pages:  # the record on stdout is exactly the schema; how each page was read goes to stderr
        print(f"{_shown(args.file)}: page {page.number}: {page.route}", file=sys.stderr)
    print(json.dumps(record, ensure_ascii=False, indent=2))
    return 0


class _Bar:
    """A tqdm progress bar over the files of a batch; quarantined files are named as they happen."""

    def __init__(self) -> None:
        self.bar = None

    def start(self, total: int) -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="file", desc="ingest", file=sys.stderr, disable=None)

    def done(self, outcome) -> None:
        from pipeline.status import Status
        from tqdm import tqdm

        if outcome.status == Status.QUARANTINED:
            tqdm.write(f"congvan: {_shown(outcome.path)}: {outcome.error} (quarantined: {_shown(outcome.stored_as)})",
                       file=sys.stderr)
        self.bar.set_postfix_str(_shown(outcome.path.name), refresh=False)
        self.bar.update()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _ingest(options: Options, settling=None, quiet_when_empty: bool = False) -> int:
    """One run of the flow with a progress bar and a summary; EXIT_QUARANTINED when a file was quarantined."""
    from flows.ingest import run_ingest
    from pipeline.status import Status
    from pipeline.store import describe

    bar = _Bar()
    try:
        summary = run_ingest(options, bar, settling)
    finally:
        bar.close()
    if not summary.outcomes and quiet_when_empty:
        return 0
    if not summary.outcomes and not summary.unsettled:
        print(f"Nothing waiting in {options.inbox}.")
    print(summary.line())
    print(f"archive: {options.archive_dir}   quarantine: {options.quarantine_dir}   "
          f"index: {describe(options.database_target)}")
    return EXIT_QUARANTINED if summary.count(Status.QUARANTINED) else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    _prefect_env(quiet=True)
    options = _options(args)
    if args.samples_if_new:
        from pipeline.consumer import seed_samples

        added = seed_samples(options)
        if added:
            print(f"The inbox had never been used: {added} bundled sample(s) copied into {options.inbox}.")
    return _ingest(options)


def cmd_watch(args: argparse.Namespace) -> int:
    """Ingest as files arrive: a run whenever settled files wait, checked at each change and every second.

    Ctrl-C stops the watch even when it lands inside an ingest's Prefect flow run, which may take
    the KeyboardInterrupt as that run's (the run ends, marked as crashed): the handler also sets
    the stop event that watchfiles and the loop check. A file claimed by the interrupted run is
    taken back by the next run once its claim expires, as after a kill.
    """
    _prefect_env(quiet=True)
    import signal
    import threading
    import time

    import watchfiles

    from pipeline.claims import take_back_expired
    from pipeline.consumer import Settling, inbox_files

    options = _options(args)
    options.inbox.mkdir(parents=True, exist_ok=True)
    settling = Settling(options.settle_seconds)
    status, next_take_back = 0, 0.0
    stop = threading.Event()

    def stop_watching(signum, frame):
        stop.set()
        raise KeyboardInterrupt

    previous_handler = signal.signal(signal.SIGINT, stop_watching)
    print(f"Watching {options.inbox} (settle {options.settle_seconds:g} s{', polling' if args.poll else ''}); "
          f"Ctrl-C stops.", flush=True)
    try:
        for _changes in watchfiles.watch(options.inbox, force_polling=args.poll or None, poll_delay_ms=500,
                                         rust_timeout=1000, yield_on_timeout=True, recursive=False,
                                         stop_event=stop, raise_interrupt=False,
                                         watch_filter=lambda change, path: not Path(path).name.startswith(".")):
            if time.monotonic() >= next_take_back:  # claims of runs killed meanwhile come back now and then
                take_back_expired(options)
                next_take_back = time.monotonic() + 60
            ready, _young = settling.split(inbox_files(options))
            if ready and not stop.is_set():
                status = max(status, _ingest(options, settling, quiet_when_empty=True))
                sys.stdout.flush()
            if stop.is_set():
                break
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous_handler)
    return status


def cmd_failures(args: argparse.Namespace) -> int:
    from pipeline.failures import failures

    found = failures(_options(args))
    if not found:
        print("No file in quarantine.")
        return 0
    print(f"{len(found)} file(s) in quarantine ({_options(args).quarantine_dir}):")
    for f in found:
        print(f"\n{f.name}\n  reason: {f.reason}\n  when:   {f.quarantined}   size: {f.size} bytes"
              f"\n  file:   {_shown(f.path)}")
    return 0


def cmd_retry(args: argparse.Namespace) -> int:
    _prefect_env(quiet=True)
    from pipeline.failures import failures, put_back, select

    options = _options(args)
    found = failures(options)
    if args.all:
        chosen, unknown = found, []
    elif args.files:
        chosen, unknown = select(found, [str(f) for f in args.files])
    else:
        _error("name the quarantined files to retry (as `congvan failures` lists them), or --all")
        return 1
    for name in unknown:
        _error(f"{_shown(name)}: not in quarantine")
    if not chosen:
        print("Nothing to retry.")
        return 1 if unknown else 0
    for failure in chosen:
        print(f"back to the inbox: {_shown(put_back(failure, options))}")
    status = _ingest(options)
    return status or (1 if unknown else 0)


def cmd_reprocess(args: argparse.Namespace) -> int:
    from pipeline import reprocess

    if not (args.all or args.before_version or args.ids):
        _error("name the records to re-extract (their ids), or --all, or --before-version V")
        return 1
    with _store(args) as store:
        ids = reprocess.select(store, args.ids, every=args.all, before_version=args.before_version)
        report = reprocess.reprocess(store, ids)
    for change in report.changes:
        print(f"record {change.document_id}: {', '.join(change.fields)} changed")
    for doc_id in report.missing:
        _error(f"record {doc_id}: no such record")
    print(report.line())
    return 1 if report.missing else 0


def cmd_reread(args: argparse.Namespace) -> int:
    from pipeline.errors import InputError
    from pipeline.reread import reread

    options = _options(args)
    if args.tessdata is not None:
        options.tessdata_dir = args.tessdata
    status = 0
    with _store(args) as store:
        for doc_id in args.ids:
            try:
                print(reread(store, doc_id, options, dpi=args.dpi).line(), flush=True)
            except KeyError:
                _error(f"record {doc_id}: no such record")
                status = 1
            except InputError as exc:
                _error(f"record {doc_id}: {_shown(exc.path.name if exc.path else '')}: {exc.problem}")
                status = 1
    return status


def cmd_serve(args: argparse.Namespace) -> int:
    _prefect_env(quiet=False)
    from flows.deploy import serve

    serve(_options(args), name=args.name)
    return 0


def cmd_deploy(args: argparse.Namespace) -> int:
    _prefect_env(quiet=False)
    from flows.deploy import deploy

    options = _options(args)  # the schedule: --cron/--timezone, else $CONGVAN_CRON/$CONGVAN_TIMEZONE, else nightly
    deployment_id = deploy(cron=options.cron, timezone=options.timezone, name=args.name, pool=args.pool)
    print(f"deployment ingest-inbox/{args.name} ({deployment_id}) on work pool {args.pool}, {options.cron} "
          f"({options.timezone}); run it with: prefect worker start --pool {args.pool}")
    return 0


def _store(args: argparse.Namespace, read_only: bool = False):
    from pipeline.store import Store, describe, index_exists

    options = _options(args)
    if not index_exists(options.database_target):
        _error(f"{describe(options.database_target)}: no index yet; run `congvan ingest` first")
        sys.exit(1)
    return Store(options.database_target, read_only=read_only)


def cmd_search(args: argparse.Namespace) -> int:
    from pipeline.search import print_search

    with _store(args) as store:
        print_search(store, args.text, args.limit, sys.stdout)
    return 0


def cmd_targets(args: argparse.Namespace) -> int:
    from pipeline.search import print_targets

    if args.format == "text":
        with _store(args, read_only=True) as store:
            if args.out is None:
                print_targets(store, sys.stdout, words=args.words, unit=args.unit, since=args.since,
                              issuer=args.issuer)
            else:
                with open(args.out, "w", encoding="utf-8") as out:
                    print_targets(store, out, words=args.words, unit=args.unit, since=args.since, issuer=args.issuer)
        return 0
    from pipeline import queries
    from pipeline.export import targets_csv, targets_json, targets_xlsx

    filters = queries.TargetFilters(words=args.words, unit=args.unit, since=args.since, issuer=args.issuer)
    with _store(args, read_only=True) as store:
        try:
            _, _, rows = queries.targets(store, filters)
        except queries.BadQuery as exc:
            _error(str(exc))
            return 2
    data = {"csv": targets_csv, "json": targets_json, "xlsx": targets_xlsx}[args.format](rows)
    if args.out is None:
        if args.format == "xlsx" and sys.stdout.isatty():
            _error("an .xlsx is not for a terminal: give --out FILE (or redirect the output)")
            return 2
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        args.out.write_bytes(data)
        print(f"{len(rows)} target(s) written to {args.out}", file=sys.stderr)
    return 0


def cmd_web(args: argparse.Namespace) -> int:
    import uvicorn

    from pipeline.store import describe, index_exists
    from pipeline.web import create_app

    options = _options(args)
    if not index_exists(options.database_target):
        _error(f"{describe(options.database_target)}: no index yet; run `congvan ingest` first")
        return 1
    print(f"congvan web: http://{args.host}:{args.port}/  (index {describe(options.database_target)}, read-only; "
          "Ctrl-C stops)",
          file=sys.stderr)
    uvicorn.run(create_app(options.database_target, options.inbox, options.processed), host=args.host, port=args.port,
                log_level="warning")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from pipeline.search import print_review

    options = _options(args)
    with _store(args) as store:
        print_review(store, options.review_confidence, options.processed, sys.stdout)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.export import export_tables

    options = _options(args)
    with _store(args) as store:
        written = export_tables(store, args.out or options.exports_dir)
    for path in written:
        print(path)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import run_eval

    return run_eval(args.gold_dir, args.input_dir, _options(args), sys.stdout, save_dir=args.save,
                    verbose=args.verbose)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="congvan", description="Vietnamese dispatches from scans to a searchable index.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("--processed", type=Path, help="folder of the archive, quarantine, index (congvan.sqlite) "
                                                      "and exports; default data/processed or $CONGVAN_PROCESSED")
    where.add_argument("--database", help="the index: an SQLite file or a postgresql:// URL; "
                                          "default PROCESSED/congvan.sqlite or $CONGVAN_DATABASE")
    inbox = argparse.ArgumentParser(add_help=False)
    inbox.add_argument("--inbox", type=Path, help="folder scanned for new files; default data/raw or $CONGVAN_INBOX")
    jobs = argparse.ArgumentParser(add_help=False)
    jobs.add_argument("--jobs", type=int, help="Tesseract processes and documents at once; default: cores")

    p = sub.add_parser("extract", parents=[jobs], help="print one file's record as JSON")
    p.add_argument("file", type=Path)
    p.set_defaults(run=cmd_extract)

    settle = argparse.ArgumentParser(add_help=False)
    settle.add_argument("--settle-seconds", type=float, metavar="S",
                        help="take a file once its size and time have not changed for S seconds; default 5 or "
                             "$CONGVAN_SETTLE_SECONDS")

    p = sub.add_parser("ingest", parents=[where, inbox, jobs, settle],
                       help=f"ingest the inbox once (Prefect flow); exit {EXIT_QUARANTINED} if a file was quarantined")
    p.add_argument("--samples-if-new", action="store_true",
                   help="first copy the bundled samples into an inbox never used (what `make run` does)")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("watch", parents=[where, inbox, jobs, settle], help="ingest files as they arrive, until Ctrl-C")
    p.add_argument("--poll", action="store_true", help="look every half second instead of being told by the system "
                                                        "(network shares)")
    p.set_defaults(run=cmd_watch)

    p = sub.add_parser("failures", parents=[where], help="the quarantined files, with reason, time and size")
    p.set_defaults(run=cmd_failures)

    p = sub.add_parser("retry", parents=[where, inbox, jobs], help="put quarantined files back through the inbox")
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help="a name `congvan failures` lists")
    p.add_argument("--all", action="store_true", help="every quarantined file")
    p.set_defaults(run=cmd_retry)

    p = sub.add_parser("reprocess", parents=[where], help="re-extract stored records with the current extractors "
                                                          "(from their stored text: no OCR)")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="record ids")
    p.add_argument("--all", action="store_true", help="every record")
    p.add_argument("--before-version", metavar="V", help="records extracted by an extractor version before V")
    p.set_defaults(run=cmd_reprocess)

    p = sub.add_parser("reread", parents=[where, jobs],
                       help="read records again from their archived originals, OCR rendered sharper (and another "
                            "model with --tessdata); each page keeps its better reading")
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help="record ids (as `congvan review` lists them)")
    p.add_argument("--dpi", type=int, default=400, help="resolution OCR'd pages are rendered at; default 400")
    p.add_argument("--tessdata", type=Path, metavar="DIR",
                   help="a Tesseract model folder, e.g. the tessdata_best model scripts/fetch_tessdata.sh fetches "
                        "into data/tessdata; default $CONGVAN_TESSDATA, else the system's")
    p.set_defaults(run=cmd_reread)

    schedule = argparse.ArgumentParser(add_help=False)
    schedule.add_argument("--cron", help='cron schedule; default "0 2 * * *" or $CONGVAN_CRON')
    schedule.add_argument("--timezone", help="timezone of the schedule; default Asia/Ho_Chi_Minh or $CONGVAN_TIMEZONE")
    schedule.add_argument("--name", default="nightly", help="deployment name")

    p = sub.add_parser("serve", parents=[where, inbox, jobs, schedule], help="run the nightly ingest deployment")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("deploy", parents=[schedule],
                       help="register the nightly ingest deployment with a work pool, for Prefect workers")
    p.add_argument("--pool", default="congvan", help="work pool (type process; created if missing); default congvan")
    p.set_defaults(run=cmd_deploy)

    p = sub.add_parser("search", parents=[where], help="full-text search, blind to diacritics")
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("targets", parents=[where], help="targets (chỉ tiêu) with their directive")
    p.add_argument("--words", help="words in the target's text, metric or unit (diacritics optional)")
    p.add_argument("--unit", help='unit, e.g. "%%" or "đoàn viên"')
    p.add_argument("--since", type=int, metavar="YEAR", help="directives issued in or after YEAR")
    p.add_argument("--issuer", help="words of the issuer's name")
    p.add_argument("--format", choices=("text", "csv", "json", "xlsx"), default="text",
                   help="text (default, grouped by directive), or one row per target as csv, json or xlsx")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=cmd_targets)

    p = sub.add_parser("web", parents=[where, inbox], help="the read-only web app: search, targets, documents, inbox")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on; default 127.0.0.1 (this machine only)")
    p.add_argument("--port", type=int, default=8000, help="default 8000")
    p.set_defaults(run=cmd_web)

    p = sub.add_parser("review", parents=[where], help="records with pages read at low OCR confidence")
    p.set_defaults(run=cmd_review)

    p = sub.add_parser("export", parents=[where], help="every table as Parquet, CSV and one XLSX")
    p.add_argument("--out", type=Path, help="folder; default PROCESSED/exports")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("eval", parents=[jobs], help="score extraction against gold records")
    p.add_argument("gold_dir", type=Path)
    p.add_argument("input_dir", type=Path)
    p.add_argument("--save", type=Path, metavar="DIR", help="also write each prediction as DIR/NAME.json")
    p.add_argument("--verbose", "-v", action="store_true", help="list every mismatch per document")
    p.set_defaults(run=cmd_eval)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader went away (`congvan extract F | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
