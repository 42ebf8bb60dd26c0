"""Full-text search over the folded subject and text, each engine with its own machinery.

The text indexed is folded in Python (`extractors.vntext.fold`: no diacritics,
đ→d, lower case, NFC), so a query of folded words is blind to diacritics, case,
NFC/NFD and old/new tone placement ("hoà" = "hòa") on both engines.

- SQLite: `documents_fts`, an FTS5 table (tokenizer unicode61) whose rowid is the
  document id; ranked by bm25.
- PostgreSQL: `documents_fts (document_id, subject, body, tsv)`, where `tsv` is a
  stored `tsvector` ('simple' configuration: no stemming, no stop words) with a
  GIN index; the text is kept as its words (`\\w+`) joined by spaces, so the
  PostgreSQL parser splits it where FTS5 does. Ranked by `ts_rank`.

`search_sql` returns one statement for "the words as one phrase" and one for
"every word anywhere"; `Store.search` runs the first, then the second.
"""
from __future__ import annotations

import re

from sqlalchemy import Connection, TextClause, text

from extractors.vntext import fold

_COLUMNS = "d.id, d.number, d.symbol, d.date, d.issuer, d.doc_type, d.subject, d.body, d.source_name"


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


def search_sql(dialect: str, words: list[str], phrase: bool) -> tuple[TextClause, dict]:
    """The statement (and its parameters, but `limit`) finding documents with `words` as a phrase or anywhere."""
    if dialect == "sqlite":
        query = '"' + " ".join(words) + '"' if phrase else " AND ".join(f'"{w}"' for w in words)
        sql = f"""SELECT {_COLUMNS} FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                  WHERE documents_fts MATCH :query ORDER BY rank, d.id LIMIT :limit"""
        return text(sql), {"query": query}
    function = "phraseto_tsquery" if phrase else "plainto_tsquery"
    sql = f"""SELECT {_COLUMNS} FROM documents_fts f JOIN documents d ON d.id = f.document_id,
                     {function}('simple', :query) q
              WHERE f.tsv @@ q ORDER BY ts_rank(f.tsv, q) DESC, d.id LIMIT :limit"""
    return text(sql), {"query": " ".join(words)}
