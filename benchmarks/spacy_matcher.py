"""Does spaCy earn its place? The lexicon's document kinds found in every line of the shared documents'
text, two ways: the folded regular expression the extractors use (extractors.references), and a spaCy
PhraseMatcher on underthesea's word tokens with each token's NORM set to its folded form (so that it is
blind to diacritics as the rules are). Prints agreement, time per line, and spaCy's start-up cost.

    .venv/bin/pip install -e '.[bench]'   # spaCy is not a dependency of congvan any more
    .venv/bin/python benchmarks/spacy_matcher.py [../shared]
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from extractors.lexicon import DOCUMENT_KINDS
from extractors.parse.clean import clean_lines
from extractors.vntext import fold


def corpus(shared: Path) -> list[str]:
    """Every cleaned line of the seeds' and the real set's Word-derived text (no OCR needed)."""
    from pipeline.acquire import read_document
    from pipeline.options import Options

    options = Options(inbox=Path("/nonexistent"), processed=Path("/nonexistent"))
    files = sorted((shared / "seeds" / "text").glob("*.txt")) + sorted((shared / "real" / "digital").glob("*.pdf"))
    lines: list[str] = []
    for path in files:
        lines += clean_lines(read_document(path, options).lines)
    return lines


def by_regex(lines: list[str]) -> list[set[str]]:
    names = {fold(k.name): k.name for k in DOCUMENT_KINDS}
    pattern = re.compile(r"\b(" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")
    return [{names[m.group(1)] for m in pattern.finditer(fold(line))} for line in lines]


def by_spacy(lines: list[str]) -> tuple[list[set[str]], float]:
    started = time.perf_counter()
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from underthesea import word_tokenize

    nlp = spacy.blank("xx")
    startup = time.perf_counter() - started

    def doc_of(text: str) -> Doc:
        words = [w for token in word_tokenize(text) for w in token.split()]
        doc = Doc(nlp.vocab, words=words or [" "])
        for token in doc:
            token.norm_ = fold(token.text)
        return doc

    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    for kind in DOCUMENT_KINDS:
        matcher.add(kind.name, [doc_of(kind.name)])
    found = []
    for line in lines:
        doc = doc_of(line)
        found.append({nlp.vocab.strings[key] for key, _, _ in matcher(doc)})
    return found, startup


def main(shared: Path) -> None:
    lines = corpus(shared)
    t = time.perf_counter()
    regex = by_regex(lines)
    regex_s = time.perf_counter() - t
    t = time.perf_counter()
    spacy_found, startup = by_spacy(lines)
    spacy_s = time.perf_counter() - t - startup
    agree = sum(a == b for a, b in zip(regex, spacy_found))
    print(f"{len(lines)} lines, {sum(map(len, regex))} kind mentions by regex, {sum(map(len, spacy_found))} by spaCy")
    print(f"lines on which both find the same kinds: {agree}/{len(lines)} ({agree / len(lines):.1%})")
    print(f"regex:                 {regex_s * 1e6 / len(lines):8.1f} µs/line")
    print(f"spaCy PhraseMatcher:   {spacy_s * 1e6 / len(lines):8.1f} µs/line "
          f"({spacy_s / regex_s:.0f}× the regex), start-up {startup:.2f} s")
    for line, a, b in zip(lines, regex, spacy_found):
        if a != b:
            print(f"  differs: regex {sorted(a)} spaCy {sorted(b)}: {line[:90]}")
            break


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
