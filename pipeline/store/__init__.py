"""The index: SQLite (a file, the default) or PostgreSQL (a server), the same tables and queries on both.

`from pipeline.store import Store` is all most callers need. The parts:

- `schema`: the tables (SQLAlchemy Core), `TABLES` a user sees;
- `engine`: the target (`CONGVAN_DATABASE`: a path or a `postgresql://` URL) and its engine;
- `fulltext`: search over the folded text, FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL;
- `migrate` and `migrations/`: Alembic revisions, applied in place when a Store opens an index;
- `index`: the `Store` with every statement congvan runs, and the ledger's entry;
  `AlreadyStored` when a content is stored already (one content is stored once).
"""
from pipeline.store.engine import BUSY_TIMEOUT_SECONDS, describe, index_exists, is_url
from pipeline.store.index import (DUPLICATE, INGESTED, QUARANTINED, AlreadyStored, LedgerEntry, Store, folded_target,
                                  needs_review, now)
from pipeline.store.schema import TABLES

__all__ = ["BUSY_TIMEOUT_SECONDS", "DUPLICATE", "INGESTED", "QUARANTINED", "TABLES", "AlreadyStored", "LedgerEntry",
           "Store", "describe", "folded_target", "index_exists", "is_url", "needs_review", "now"]
