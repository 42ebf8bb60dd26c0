"""`congvan eval` judges exactly as ../shared/eval/score.py does."""
from __future__ import annotations

import copy
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import shared
from pipeline.evaluate import load_records, run_eval, score_records
from pipeline.options import Options


def shared_score(gold_dir: Path, pred_dir: Path, tmp_path: Path) -> dict:
    out = tmp_path / "shared-report.json"
    subprocess.run([sys.executable, str(shared("eval", "score.py")), str(gold_dir), str(pred_dir), "--json", str(out)],
                   check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def perturbed(gold: dict, k: int) -> dict | None:
    """A prediction that is right, nearly right or wrong in the k-th way; None for a missing prediction."""
    pred = {key: value for key, value in copy.deepcopy(gold).items() if key not in ("optional_targets",)}
    kind = k % 7
    if kind == 0:
        return None
    if kind == 1:  # spacing in codes, one typo in the subject, an upper-case name
        pred["number"] = f" {pred.get('number') or ''} "
        if pred.get("subject"):
            pred["subject"] = pred["subject"][:-1] + "x"
        pred.setdefault("signatory", {})["name"] = (pred["signatory"].get("name") or "").upper() or None
    if kind == 2:  # a target lost, a target invented, an optional target named
        pred["targets"] = pred.get("targets", [])[1:] + [{"text": "x", "value": 7, "comparator": "=", "unit": "nhà"}]
        pred["targets"] += gold.get("optional_targets", [])[:1]
    if kind == 3:  # numbers as strings, another comparator, the unit reworded
        for t in pred.get("targets", []):
            t["value"] = str(t["value"]).replace(".", ",")
            t["comparator"] = {">": ">=", "=": None}.get(t["comparator"], t["comparator"])
            t["unit"] = (t.get("unit") or "") + " mới"
    if kind == 4:  # phases without end dates, recipients with a bracket, an addressee cut short
        for p in pred.get("phases", []):
            p["end"] = None
        for r in pred.get("recipients", []):
            r["name"] += " (b/c)"
        pred["addressees"] = [a[: len(a) // 2] for a in pred.get("addressees", [])]
    if kind == 5:  # wrong scalars, nulls where gold has values, a received stamp invented
        pred.update(date="1999-01-01", place=None, doc_type="Thông báo", received={"org": "X", "number": "1"})
        pred["signatory"] = {"authority": "KT.", "title": pred.get("signatory", {}).get("title")}
    return pred


@pytest.mark.parametrize("gold_parts", [("seeds", "gold"), ("real", "gold")])
def test_same_scores_as_the_shared_scorer(tmp_path, gold_parts):
    gold_dir = shared(*gold_parts)
    pred_dir = tmp_path / "pred"
    pred_dir.mkdir()
    golds = load_records(gold_dir)
    for k, (name, gold) in enumerate(sorted(golds.items())):
        pred = perturbed(gold, k)
        if pred is not None:
            (pred_dir / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    ours = score_records(golds, load_records(pred_dir))
    theirs = shared_score(gold_dir, pred_dir, tmp_path)
    assert 0 < theirs["core_score"] < 1  # the perturbations are neither all right nor all wrong
    assert ours["core_score"] == pytest.approx(theirs["core_score"], abs=1e-12)
    assert ours["all_fields_score"] == pytest.approx(theirs["all_fields_score"], abs=1e-12)
    assert ours["fields"] == theirs["fields"]


def test_eval_command_matches_the_shared_scorer_on_its_own_predictions(tmp_path):
    gold_dir, text_dir = shared("seeds", "gold"), shared("seeds", "text")
    out = io.StringIO()
    status = run_eval(gold_dir, text_dir, Options(jobs=2), out, save_dir=tmp_path / "pred")
    assert status == 0
    printed = out.getvalue()
    assert re.search(r"^targets\s+\d\.\d{3}\s+P=", printed, re.M) and "documents: 5" in printed
    ours = float(re.search(r"core score: (\d\.\d{3})", printed).group(1))
    theirs = shared_score(gold_dir, tmp_path / "pred", tmp_path)["core_score"]
    assert ours == round(theirs, 3)


def test_eval_scores_only_golds_that_have_an_input(tmp_path):
    gold_dir = shared("seeds", "gold")
    inputs = tmp_path / "in"
    inputs.mkdir()
    first = sorted(shared("seeds", "text").glob("*.txt"))[0]
    (inputs / first.name).write_bytes(first.read_bytes())
    (inputs / "stray.txt").write_text("Không có bản vàng.", encoding="utf-8")
    out = io.StringIO()
    assert run_eval(gold_dir, inputs, Options(jobs=1), out) == 0
    printed = out.getvalue()
    assert "documents: 1" in printed
    assert "inputs without a gold record, not scored: stray" in printed
    assert "gold records without an input, not scored: 001_" in printed
    assert run_eval(gold_dir, tmp_path / "nothing", Options(jobs=1), io.StringIO()) == 2
