"""Accuracy floors on the shared documents, run the way a user runs them: `congvan eval GOLD_DIR INPUT_DIR`.

The floors are the ones issue 3 sets (core score, ../shared/eval/score.py rules): seeds and the
born-digital and Word forms of ../shared/real at 0.95, their scans at 0.90, the bad scans at 0.85;
the two odd text-layer PDFs (monospace, accents apart: issue 7) at 0.95, as the born-digital ones.
A change that costs accuracy below them fails CI. The measured scores are printed (`pytest -s`).
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared

CONGVAN = Path(sys.executable).with_name("congvan")

FLOORS = [
    (("seeds", "gold"), ("seeds", "text"), 0.95),
    (("real", "gold"), ("real", "digital"), 0.95),
    (("real", "gold"), ("real", "office"), 0.95),
    (("real", "gold"), ("real", "scan"), 0.90),
    (("real", "gold"), ("real", "hard"), 0.85),
    (("real", "gold"), ("real", "textpdf"), 0.95),  # measured 0.981 (2026-12-06)
]


@pytest.mark.parametrize("gold, inputs, floor", FLOORS, ids=[f"{i[0]}/{i[1]}" for _, i, _ in FLOORS])
def test_core_score_holds_its_floor(gold, inputs, floor):
    gold_dir, input_dir = shared(*gold), shared(*inputs)
    run = subprocess.run([str(CONGVAN), "eval", str(gold_dir), str(input_dir)],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "(scored as an empty record)" not in run.stdout, run.stdout  # every input was read
    core = float(re.search(r"^core score: ([0-9.]+)$", run.stdout, re.M).group(1))
    documents = int(re.search(r"^documents: (\d+)$", run.stdout, re.M).group(1))
    print(f"\n{'/'.join(inputs)}: core {core:.3f} over {documents} documents")
    assert documents == len([p for p in input_dir.iterdir() if (gold_dir / f"{p.stem}.json").exists()])
    assert core >= floor, run.stdout
