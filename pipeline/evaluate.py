"""`congvan eval GOLD_DIR INPUT_DIR`: extract every input and score it against its gold record.

The rules are those of the shared scorer (../shared/eval/score.py, described in
SCHEMA.md), restated here because the package must not depend on a file outside
it; tests/test_evaluate.py runs both on the same predictions and asserts the
same scores. An input is matched to GOLD_DIR/NAME.json by its file stem; a gold
record without an input is not scored (the shared scorer would count it as an
empty prediction), and is listed.
"""
from __future__ import annotations

import json
import re
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Callable, TextIO

from pipeline.options import Options

CODE_FIELDS = ["number", "symbol", "date"]
TEXT_FIELDS = ["place", "issuer", "parent_issuer", "doc_type", "subject", "theme"]
SIGNATORY = ["authority", "body", "title", "name"]
RECEIVED = ["org", "number", "date"]
CORE = ["number", "symbol", "date", "subject", "addressees", "phases", "targets", "signatory"]
TEXT_SIM = 0.90  # a text field is right when this similar to the gold text
ITEM_SIM = 0.85  # a list item (addressee, recipient) is the same item
PHASE_TEXT_SIM = 0.60


def _fold(s: Any) -> str:
    """Case-, whitespace- and markup-insensitive form of a value (the scorer's, not the search key)."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).replace("**", "").replace("*", "")
    s = re.sub(r"\s+", " ", s).strip().lower()
    return s.strip(" .,;:-–—\"“”'()")


def _code(s: Any) -> str:
    return re.sub(r"\s+", "", _fold(s)).upper()


def _sim(a: Any, b: Any) -> float:
    a, b = _fold(a), _fold(b)
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _scalar_ok(gold: Any, pred: Any, kind: str) -> bool:
    if _empty(gold):
        return _empty(pred)
    if _empty(pred):
        return False
    if kind == "code":
        return _code(gold) == _code(pred)
    return _sim(gold, pred) >= TEXT_SIM


def _as_number(v: Any) -> float | None:
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.strip().replace(".", "").replace(",", "."))
        except ValueError:
            return None
    return None


def _unit_ok(g: Any, p: Any) -> bool:
    g, p = _fold(g), _fold(p)
    if g.startswith("%") or p.startswith("%"):
        return g.startswith("%") and p.startswith("%")
    if not g or not p:
        return not g and not p
    if g in p or p in g:
        return True
    gs, ps = set(re.findall(r"\w+", g)), set(re.findall(r"\w+", p))
    return len(gs & ps) / max(1, len(gs | ps)) >= 0.5


def _target_match(g: dict, p: dict) -> bool:
    gv, pv = _as_number(g.get("value")), _as_number(p.get("value"))
    if gv is None or pv is None or abs(gv - pv) > 1e-9:
        return False
    comparators = {g.get("comparator") or "="} | set(g.get("comparator_alt") or [])
    if (p.get("comparator") or "=") not in comparators:
        return False
    return _unit_ok(g.get("unit"), p.get("unit"))


def _phase_match(g: dict, p: dict) -> bool:
    if not _empty(g.get("label")) and _fold(g.get("label")) != _fold(p.get("label")):
        return False
    for k in ("start", "end"):
        if not _empty(g.get(k)) and _code(g.get(k)) != _code(p.get(k)):
            return False
    if all(_empty(g.get(k)) for k in ("label", "start", "end")):
        return _sim(g.get("text"), p.get("text")) >= PHASE_TEXT_SIM
    return True


def _name_of(item: Any) -> str:
    """A recipient's name, without a trailing bracket (a purpose or a copy count)."""
    name = item.get("name") if isinstance(item, dict) else item
    return re.sub(r"\s*\([^()]*\)\s*$", "", name or "")


def _match_lists(gold: list, pred: list, same: Callable, ignore: list) -> tuple[int, int, int, list]:
    """Greedy one-to-one matching; returns tp, fp, fn and the unmatched items."""
    pred = list(pred or [])
    used, misses, tp = set(), [], 0
    for g in gold or []:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                tp += 1
                break
        else:
            misses.append(("missed", g))
    fp = 0
    for i, p in enumerate(pred):
        if i in used or any(same(o, p) for o in ignore):
            continue
        fp += 1
        misses.append(("extra", p))
    return tp, fp, len(gold or []) - tp, misses


LIST_FIELDS: dict[str, Callable[[Any, Any], bool]] = {
    "addressees": lambda g, p: _sim(g, p) >= ITEM_SIM,
    "recipients": lambda g, p: _sim(_name_of(g), _name_of(p)) >= ITEM_SIM,
    "references": lambda g, p: _code(g.get("number")) == _code(p.get("number")),
    "phases": _phase_match,
    "targets": _target_match,
}


def score_records(golds: dict[str, dict], preds: dict[str, dict]) -> dict[str, Any]:
    """Score predictions (by name; a missing one is an empty record) against gold records.

    Returns documents, core_score, all_fields_score, core_parts, fields (per field: score and counts)
    and mismatches (per document, what was wrong).
    """
    scalars: dict[str, list[int]] = {}
    lists: dict[str, list[int]] = {k: [0, 0, 0] for k in LIST_FIELDS}
    mismatches: dict[str, list[str]] = {}
    for name in sorted(golds):
        gold, pred, wrong = golds[name], preds.get(name) or {}, []

        def tally(key: str, ok: bool, g: Any, p: Any) -> None:
            scalars.setdefault(key, [0, 0])
            scalars[key][0] += int(ok)
            scalars[key][1] += 1
            if not ok:
                wrong.append(f"{key}: gold={g!r} got={p!r}")

        for f in CODE_FIELDS:
            if f in gold:
                tally(f, _scalar_ok(gold[f], pred.get(f), "code"), gold[f], pred.get(f))
        for f in TEXT_FIELDS:
            if f in gold:
                tally(f, _scalar_ok(gold[f], pred.get(f), "text"), gold[f], pred.get(f))
        if "signatory" in gold:
            ps = pred.get("signatory") or {}
            for k in SIGNATORY:
                if k in gold["signatory"]:
                    g, p = gold["signatory"][k], ps.get(k)
                    tally(f"signatory.{k}", _scalar_ok(g, p, "code" if k == "authority" else "text"), g, p)
        if "received" in gold:
            gr, pr = gold["received"] or {}, pred.get("received") or {}
            for k in RECEIVED:
                g, p = gr.get(k), pr.get(k)
                tally(f"received.{k}", _scalar_ok(g, p, "text" if k == "org" else "code"), g, p)
        for f, same in LIST_FIELDS.items():
            if f not in gold:
                continue
            ignore = gold.get("optional_targets", []) if f == "targets" else []
            tp, fp, fn, misses = _match_lists(gold[f], pred.get(f), same, ignore)
            for i, v in enumerate((tp, fp, fn)):
                lists[f][i] += v
            wrong += [f"{f} {kind}: {json.dumps(item, ensure_ascii=False)}" for kind, item in misses]
        mismatches[name] = wrong

    fields: dict[str, dict[str, Any]] = {}
    for k, (ok, n) in scalars.items():
        fields[k] = {"kind": "accuracy", "correct": ok, "n": n, "score": ok / n}
    for k, (tp, fp, fn) in lists.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        fields[k] = {"kind": "f1", "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "score": f1}
    sig = [fields[f"signatory.{k}"]["score"] for k in SIGNATORY if f"signatory.{k}" in fields]
    core_parts = {f: fields[f]["score"] for f in CORE if f in fields}
    if sig:
        core_parts["signatory"] = sum(sig) / len(sig)
    all_scores = [v["score"] for v in fields.values()]
    return {"documents": len(golds), "core_score": sum(core_parts.values()) / len(core_parts),
            "all_fields_score": sum(all_scores) / len(all_scores), "core_parts": core_parts,
            "fields": fields, "mismatches": mismatches}


def load_records(directory: Path) -> dict[str, dict]:
    """Every NAME.json of a folder, by NAME."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))}


def report_table(report: dict[str, Any], verbose: bool = False) -> str:
    """The per-field table and the scores, laid out as the shared scorer prints them."""
    lines = [f"{'field':22} {'score':>6}  detail"]
    for k, v in sorted(report["fields"].items()):
        if v["kind"] == "accuracy":
            detail = f"{v['correct']}/{v['n']} right"
        else:
            detail = f"P={v['precision']:.2f} R={v['recall']:.2f} tp={v['tp']} fp={v['fp']} fn={v['fn']}"
        lines.append(f"{k:22} {v['score']:6.3f}  {detail}")
    if verbose:
        for doc, wrong in report["mismatches"].items():
            lines += [f"\n== {doc}: {len(wrong)} mismatches", *("  " + w for w in wrong)]
    lines += ["", f"documents: {report['documents']}", f"all-fields score: {report['all_fields_score']:.3f}",
              f"core score: {report['core_score']:.3f}"]
    return "\n".join(lines)


def extract_inputs(paths: list[Path], options: Options) -> tuple[dict[str, dict], dict[str, str]]:
    """Records of the inputs by stem, read `options.jobs` at a time over one OCR pool; and errors by stem."""
    from pipeline.acquire import read_document
    from pipeline.consumer import extract
    from pipeline.errors import InputError
    from pipeline.ocr import OcrPool

    records: dict[str, dict] = {}
    errors: dict[str, str] = {}
    with OcrPool(options) as ocr, ThreadPoolExecutor(max(1, options.jobs)) as threads:
        def one(path: Path) -> None:
            try:
                records[path.stem] = extract(read_document(path, options, ocr)).to_dict()
            except InputError as exc:
                errors[path.stem] = str(exc)

        list(threads.map(one, paths))
    return records, errors


def run_eval(gold_dir: Path, input_dir: Path, options: Options, out: TextIO, save_dir: Path | None = None,
             verbose: bool = False) -> int:
    """Extract, score and print; returns the exit status (2 when there is nothing to score)."""
    golds = load_records(gold_dir)
    inputs = {p.stem: p for p in sorted(input_dir.iterdir()) if p.is_file() and not p.name.startswith(".")} \
        if input_dir.is_dir() else {}
    scored = {name: gold for name, gold in golds.items() if name in inputs}
    if not scored:
        print(f"congvan: no input in {input_dir} matches a gold record in {gold_dir}", file=out)
        return 2
    preds, errors = extract_inputs([inputs[name] for name in scored], options)
    if save_dir:
        save_dir.mkdir(parents=True, exist_ok=True)
        for name, record in preds.items():
            (save_dir / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                                   encoding="utf-8")
    for name, error in sorted(errors.items()):
        print(f"{inputs[name]}: {error} (scored as an empty record)", file=out)
    unscored = sorted(set(golds) - set(scored))
    if unscored:
        print(f"gold records without an input, not scored: {', '.join(unscored)}", file=out)
    no_gold = sorted(set(inputs) - set(golds))
    if no_gold:
        print(f"inputs without a gold record, not scored: {', '.join(no_gold)}", file=out)
    print(report_table(score_records(scored, preds), verbose), file=out)
    return 0
