"""Full-text search over the folded subject and text, each engine with its own machinery.

The text indexed is folded in Python (`extractors.vntext.fold`: no diacritics,
đ→d, lower case, NFC), so a query of folded words is blind to diacritics, case,
NFC/NFD and old/new tone placement ("hoà" = "hòa") on both engines.

- SQLite: `documents_fts`, an FTS5 table (tokenizer unicode61) whose rowid is the
  document id; ranked by bm25.
- PostgreSQL: `documents_fts (document_id, subject, body, tsv)`, where `tsv` is a
  stored `tsvector` ('simple' configuration: no stemming, no stop words) with a
  GIN index, and `subject_tsv` (the subject alone) with its own; the text is kept as its words (`\\w+`) joined by spaces, so the
  PostgreSQL parser splits it where FTS5 does. Ranked by `ts_rank`. `year` (the document's, kept by triggers)
  leads a second GIN index on each vector (btree_gin), for searches within one year.

Both engines rank alike, so that the same query gives the same answers on either:
four tiers, each ordered by date (newest first), then id —

1. the words as one phrase in the subject,
2. the words as one phrase in the subject or in the text (never across the two),
3. every word in the subject,
4. every word anywhere.

`search_sql` gives a tier's statement; `Store.search` runs them in turn until it has enough.
`matching_sql` gives the ids of a tier's documents and `count_sql` the count of all matches up to a limit, for
the web app's queries (`pipeline.queries`).
"""
from __future__ import annotations

import re

from sqlalchemy import Connection, TextClause, text

from extractors.vntext import fold

_COLUMNS = "d.id, d.number, d.symbol, d.date, d.issuer, d.doc_type, d.subject, d.body, d.source_name"
_ORDER = "ORDER BY d.date DESC NULLS LAST, d.id LIMIT :limit"
TIERS = 4


def words_of(value: str) -> str:
    """The folded words of a text, joined by one space (what PostgreSQL's index is built from)."""
    return " ".join(re.findall(r"\w+", fold(value)))


def index_document(conn: Connection, doc_id: int, subject: str, body: str) -> None:
    """Add one document's folded subject and text to the full-text index."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("INSERT INTO documents_fts (rowid, subject, body) VALUES (:id, :subject, :body)"),
                     {"id": doc_id, "subject": fold(subject), "body": fold(body)})
    else:
        conn.execute(text("INSERT INTO documents_fts (document_id, subject, body) VALUES (:id, :subject, :body)"),
                     {"id": doc_id, "subject": words_of(subject), "body": words_of(body)})



def replace_document(conn: Connection, doc_id: int, subject: str, body: str) -> None:
    """Put a document read again in place of its indexed subject and text."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM documents_fts WHERE rowid = :id"), {"id": doc_id})
    else:
        conn.execute(text("DELETE FROM documents_fts WHERE document_id = :id"), {"id": doc_id})
    index_document(conn, doc_id, subject, body)


def update_subject(conn: Connection, doc_id: int, subject: str) -> None:
    """Put a re-extracted subject in place of a document's indexed one (its text stays)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("UPDATE documents_fts SET subject = :subject WHERE rowid = :id"),
                     {"id": doc_id, "subject": fold(subject)})
    else:  # tsv and subject_tsv are generated columns: PostgreSQL recomputes them
        conn.execute(text("UPDATE documents_fts SET subject = :subject WHERE document_id = :id"),
                     {"id": doc_id, "subject": words_of(subject)})


def _fts5_query(words: list[str], tier: int) -> str:
    phrase = '"' + " ".join(words) + '"'
    every = "(" + " AND ".join(f'"{w}"' for w in words) + ")"
    return {1: f"subject : {phrase}", 2: phrase, 3: f"subject : {every}", 4: every}[tier]


def _tsquery(words: list[str], tier: int) -> str:
    """A to_tsquery text. Tiers 1 and 3 ask `subject_tsv`; in `tsv`, positions from the subject have weight A,
    from the text B (see 0001_baseline.py), which keeps tier 2's phrase from running across the two."""
    def terms(weight: str, operator: str) -> str:
        return f" {operator} ".join(f"'{w}'{weight}" for w in words)

    return {1: terms("", "<->"), 2: f"({terms(':A', '<->')}) | ({terms(':B', '<->')})", 3: terms("", "&"),
            4: terms("", "&")}[tier]


def matching_sql(dialect: str, words: list[str], tier: int) -> tuple[str, str]:
    """(SQL selecting, as `id`, the documents of tier `tier` — 2 is the phrase anywhere, 4 every word anywhere
    — with one positional parameter `?`; that parameter). The SQL ends with its WHERE condition, so that a
    caller may add `AND …` (on PostgreSQL, `document_id` is the document)."""
    if dialect == "sqlite":
        return "SELECT rowid AS id FROM documents_fts WHERE documents_fts MATCH ?", _fts5_query(words, tier)
    column = "subject_tsv" if tier in (1, 3) else "tsv"
    return (f"SELECT document_id AS id FROM documents_fts WHERE {column} @@ to_tsquery('simple', ?)",
            _tsquery(words, tier))


def count_sql(dialect: str, words: list[str], up_to: int) -> tuple[str, list]:
    """(SQL counting, as `n`, the documents holding every word, up to `up_to`, with positional parameters `?`;
    those parameters). On PostgreSQL through `count_matching` (0008_counts_up_to.py), which counts through the
    GIN index where the planner might scan and decompress every stored tsvector."""
    if dialect == "sqlite":
        return ("SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT ?) m",
                [_fts5_query(words, 4), up_to])
    return "SELECT count_matching(?, ?) AS n", [_tsquery(words, 4), up_to]


def count_in_year_sql(words: list[str], year: str, up_to: int) -> tuple[str, list]:
    """PostgreSQL: (SQL counting, as `n`, the documents of `year` (`documents.date` starting with it) holding
    every word, up to `up_to`; its parameters) — through the GIN index on (year, tsv) of
    0009_year_in_fulltext.py, without walking the year's documents."""
    return ("SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts WHERE year = ? AND tsv @@ to_tsquery('simple', ?) "
            "LIMIT ?) m", [year, _tsquery(words, 4), up_to])


def search_sql(dialect: str, words: list[str], tier: int) -> tuple[TextClause, dict]:
    """Tier `tier`'s statement (1 to TIERS) and its parameters but `limit`: see the module's docstring."""
    if dialect == "sqlite":
        sql = f"""SELECT {_COLUMNS} FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                  WHERE documents_fts MATCH :query {_ORDER}"""
        return text(sql), {"query": _fts5_query(words, tier)}
    column = "subject_tsv" if tier in (1, 3) else "tsv"  # the subject's own tsvector (0003_subject_tsvector.py)
    sql = f"""SELECT {_COLUMNS} FROM documents_fts f JOIN documents d ON d.id = f.document_id
              WHERE f.{column} @@ to_tsquery('simple', :query) {_ORDER}"""
    return text(sql), {"query": _tsquery(words, tier)}
