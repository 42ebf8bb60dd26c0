"""`congvan export`: every table of the index as Parquet and CSV (and one .xlsx when openpyxl is there)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from pipeline.store import Store


def export_tables(store: Store, out_dir: Path) -> list[Path]:
    """Write TABLE.parquet and TABLE.csv for every table into `out_dir`; returns the files written.

    CSV is written with a byte-order mark so that spreadsheet programs read the Vietnamese text as UTF-8.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    frames = dict(store.iter_tables())
    for name, frame in frames.items():
        frame.to_parquet(out_dir / f"{name}.parquet", index=False)
        frame.to_csv(out_dir / f"{name}.csv", index=False, encoding="utf-8-sig")
        written += [out_dir / f"{name}.parquet", out_dir / f"{name}.csv"]
    if importlib.util.find_spec("openpyxl"):
        import pandas as pd

        with pd.ExcelWriter(out_dir / "congvan.xlsx") as workbook:
            for name, frame in frames.items():
                frame.to_excel(workbook, sheet_name=name[:31], index=False)
        written.append(out_dir / "congvan.xlsx")
    return written
