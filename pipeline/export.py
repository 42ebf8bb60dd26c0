"""`congvan export` (every table as Parquet, CSV and one .xlsx) and the targets as CSV, JSON or XLSX.

CSV is written with a byte-order mark so that spreadsheet programs read the Vietnamese text as UTF-8. Every
sheet of an .xlsx has its header row frozen and a filter on its columns.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

from pipeline.store import Store

# The columns of a target as downloaded: its directive first, then the target.
TARGET_COLUMNS = ["document_id", "number", "symbol", "date", "issuer", "doc_type", "subject",
                  "text", "comparator", "value", "unit", "metric"]


def write_xlsx(frames: dict[str, pd.DataFrame], out: Path | BinaryIO) -> None:
    """One sheet per frame (names cut to Excel's 31 characters), header frozen, autofilter on, widths set."""
    from openpyxl.utils import get_column_letter

    with pd.ExcelWriter(out, engine="openpyxl") as workbook:
        for name, frame in frames.items():
            sheet_name = name[:31]
            frame.to_excel(workbook, sheet_name=sheet_name, index=False)
            sheet = workbook.sheets[sheet_name]
            sheet.freeze_panes = "A2"
            if len(frame.columns):
                sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
            for i, column in enumerate(frame.columns, start=1):
                longest = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
                sheet.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))


def export_tables(store: Store, out_dir: Path) -> list[Path]:
    """Write TABLE.parquet and TABLE.csv for every table, and congvan.xlsx of all, into `out_dir`.

    Returns the files written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    frames = dict(store.iter_tables())
    for name, frame in frames.items():
        frame.to_parquet(out_dir / f"{name}.parquet", index=False)
        frame.to_csv(out_dir / f"{name}.csv", index=False, encoding="utf-8-sig")
        written += [out_dir / f"{name}.parquet", out_dir / f"{name}.csv"]
    write_xlsx(frames, out_dir / "congvan.xlsx")
    written.append(out_dir / "congvan.xlsx")
    return written


def targets_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c) for c in TARGET_COLUMNS} for r in rows], columns=TARGET_COLUMNS)


def targets_csv(rows: list[dict[str, Any]]) -> bytes:
    return targets_frame(rows).to_csv(index=False).encode("utf-8-sig")


def targets_xlsx(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.BytesIO()
    write_xlsx({"targets": targets_frame(rows)}, buffer)
    return buffer.getvalue()


def targets_json(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps([{c: r.get(c) for c in TARGET_COLUMNS} for r in rows], ensure_ascii=False,
                      indent=2).encode("utf-8") + b"\n"
