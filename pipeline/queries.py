"""What the web app and the command line ask of the index: search with facets, targets with filters, one
document, the inbox. Every SQL statement of the read side is here, the same on SQLite and PostgreSQL (the
full-text parts from `pipeline.store.fulltext`), with the same answers on both.

The queries run against a small read interface — anything with `dialect` and `query(sql, params) ->
list[dict]`, such as a `Store` opened read-only. User text never reaches SQL, FTS5 or tsquery syntax: a
query is folded (`extractors.vntext.fold`) and cut into its words (`\\w+`), and each word is sent quoted
(FTS5) or as a lexeme (`to_tsquery`), so `"`, `*`, `NEAR(`, `AND`, `^`, `:`, `&`, `!` or `'; DROP TABLE`
are words or nothing. Filters compare the folded columns the store writes with each row.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from extractors.vntext import fold
from pipeline.names import located
from pipeline.search import _fold_with_offsets, query_words, snippet
from pipeline.store import fulltext

MAX_TEXT = 500  # characters of one text parameter; longer is refused with a message
MAX_WORDS = 32  # words of one query
CANDIDATES = 500  # matches ranked, faceted and grouped per search
COUNT_LIMIT = 2000  # matches and targets are counted exactly up to this many; past it a count is a lower bound
WALK_FROM = 2000  # a query matching more documents is answered walking the documents newest first (_matching);
# at most COUNT_LIMIT, the count it is compared with
FEW_IN_YEAR = 1000  # matches within one year fetched through the year's index rather than walked (_matching)
PER_PAGE = 20
COMPARATORS = ("=", ">", ">=", "<", "<=")
SORTS = ("relevance", "date")


class Reader(Protocol):
    dialect: str  # "sqlite" or "postgresql"

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]: ...


class BadQuery(ValueError):
    """A parameter that cannot be used; its message is shown to the user."""


def clean_text(value: str | None, name: str = "text") -> str:
    """A text parameter as NFC without control characters; empty for none. Too long is a `BadQuery`."""
    if value is None:
        return ""
    if len(value) > MAX_TEXT:
        raise BadQuery(f"{name} is too long: {len(value)} characters (at most {MAX_TEXT})")
    value = unicodedata.normalize("NFC", value)
    value = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") else c for c in value)
    return re.sub(r"\s+", " ", value).strip()


def words_of(text: str) -> list[str]:
    """The folded words of a query as the index holds them (at most MAX_WORDS)."""
    words = query_words(text)
    if len(words) > MAX_WORDS:
        raise BadQuery(f"too many words: {len(words)} (at most {MAX_WORDS})")
    return words


def year_of(date: str | None) -> str | None:
    return date[:4] if date and date[:4].isdigit() and len(date) >= 4 else None


def highlight(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, matched) where a matched piece is a whole word equal, folded, to a query word."""
    if not words or not text:
        return [(text, False)]
    folded, origin = _fold_with_offsets(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
                         + r")(?!\w)")
    pieces, at = [], 0
    for m in pattern.finditer(folded):
        start, end = origin[m.start()], origin[m.end() - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):  # an NFD mark belongs to its letter
            end += 1
        if start < at:
            continue
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


# ---- search ---------------------------------------------------------------------------------------------------

@dataclass
class SearchFilters:
    year: str | None = None
    issuer: str | None = None
    doc_type: str | None = None
    has_targets: bool | None = None
    has_phases: bool | None = None

    def sql(self) -> tuple[list[str], list[Any]]:
        where, params = [], []
        if self.year:
            where.append("d.date >= ? AND d.date < ?")  # a range, so that the index on date serves it
            params += [self.year, f"{int(self.year) + 1:04d}"]
        if self.issuer:
            where.append("d.issuer = ?")
            params.append(self.issuer)
        if self.doc_type:
            where.append("d.doc_type = ?")
            params.append(self.doc_type)
        for flag, table in ((self.has_targets, "targets"), (self.has_phases, "phases")):
            if flag is not None:
                where.append(f"{'' if flag else 'NOT '}EXISTS (SELECT 1 FROM {table} x WHERE x.document_id = d.id)")
        return where, params


@dataclass
class SearchResult:
    query: str
    words: list[str]
    total: int  # dispatches (copies counted once) among the ranked matches, or the count of all matches
    matches: int  # documents matching, copies counted apart (at most COUNT_LIMIT)
    capped: bool  # more than CANDIDATES matches: facets and grouping are over the best CANDIDATES
    page: int
    per_page: int
    results: list[dict[str, Any]] = field(default_factory=list)
    facets: dict[str, list[tuple[Any, int]]] = field(default_factory=dict)
    browsable: int = 0  # dispatches that can be paged through (those among the candidates)
    total_is_lower_bound: bool = False  # more than COUNT_LIMIT matches: `total` and `matches` say "at least"

    @property
    def pages(self) -> int:
        return max(1, math.ceil(min(self.total, self.browsable) / self.per_page))


_SEARCH_COLUMNS = """d.id, d.number, d.symbol, d.date, d.issuer, d.doc_type, d.subject, d.source_name,
    d.text_methods, d.page_count,
    EXISTS (SELECT 1 FROM targets t WHERE t.document_id = d.id) AS has_targets,
    EXISTS (SELECT 1 FROM phases p WHERE p.document_id = d.id) AS has_phases"""


def dispatch_key(row: dict[str, Any]) -> tuple | int:
    """Copies of one dispatch (same issuer, year, number and symbol) share a key; a record without a number
    or symbol is its own dispatch."""
    if row.get("number") and row.get("symbol") and row.get("issuer") and year_of(row.get("date")):
        return (_folded(row["issuer"]).strip(), year_of(row["date"]), row["number"].strip(),
                _folded(row["symbol"]).replace(" ", ""))
    return row["id"]


@lru_cache(maxsize=16384)
def _folded(text: str) -> str:  # issuers and symbols repeat across documents
    return fold(text)


def search(db: Reader, text: str | None, filters: SearchFilters | None = None, sort: str = "relevance",
           page: int = 1, per_page: int = PER_PAGE) -> SearchResult:
    """Documents holding every word of `text` (all documents for no words), one entry per dispatch.

    Relevance: the tiers of `pipeline.store.fulltext` (the words as a phrase in the subject, as a phrase
    anywhere, all in the subject, all anywhere), each newest first; date: newest first. The same answers on
    SQLite and PostgreSQL. Facets (year, issuer, type, has targets, has phases) count dispatches among the
    best CANDIDATES matches.
    """
    text = clean_text(text, "q")
    if sort not in SORTS:
        raise BadQuery(f"sort must be one of {', '.join(SORTS)}")
    if page < 1:
        raise BadQuery("page must be 1 or more")
    words = words_of(text)
    filters = filters or SearchFilters()
    where, params = filters.sql()
    if text and not words:  # only punctuation, emoji or operators: nothing to look for
        return SearchResult(text, words, 0, 0, False, page, per_page)
    if not words:
        rows = db.query(f"SELECT {_SEARCH_COLUMNS} FROM documents d {_where(where)} ORDER BY {_NEWEST} LIMIT ?",
                        [*params, CANDIDATES + 1])
        matches = _count(db, f"SELECT 1 FROM documents d {_where(where)}", params) \
            if len(rows) > CANDIDATES else len(rows)
    else:
        every = fulltext.matching_sql(db.dialect, words, 4)
        if db.dialect == "postgresql" and filters.year and re.fullmatch(r"\d{4}", filters.year):
            # Within one year, counted through the index on (year, tsv) rather than the year's documents walked
            # (0009_year_in_fulltext.py). The walk is bounded by the year's documents, so it pays from
            # CANDIDATES matches on.
            count, count_params = fulltext.count_in_year_sql(words, filters.year, COUNT_LIMIT + 1)
            matches = db.query(count, count_params)[0]["n"]
            walk = matches > min(WALK_FROM, CANDIDATES)
            year_only = filters == SearchFilters(year=filters.year)
            in_year, in_year_count = filters.year, matches
        else:
            count, count_params = fulltext.count_sql(db.dialect, words, COUNT_LIMIT + 1)
            matches = db.query(count, count_params)[0]["n"]
            walk = matches > WALK_FROM
            year_only, in_year, in_year_count = False, None, None
        if where and not year_only:
            matches = _count(db, f"SELECT 1 FROM documents d {_where([*where, _in(db, walk, every[0])])}",
                             [*params, every[1]])
        rows = []
        for tier in ((4,) if sort == "date" else (1, 2, 3, 4) if len(words) > 1 else (1, 2)):
            if len(rows) >= CANDIDATES:
                break
            rows += _matching(db, fulltext.matching_sql(db.dialect, words, tier), where, params, walk,
                              [r["id"] for r in rows], CANDIDATES - len(rows), in_year,
                              in_year_count if tier in (2, 4) else None)
    rows = rows[:CANDIDATES]
    capped = matches > CANDIDATES

    groups: dict[Any, dict[str, Any]] = {}
    for row in rows:
        key = dispatch_key(row)
        if key in groups:
            groups[key]["copies"].append(_copy(row))
        else:
            groups[key] = {**row, "copies": [_copy(row)]}
    dispatches = list(groups.values())
    at_least = matches > COUNT_LIMIT
    matches = min(matches, COUNT_LIMIT)
    result = SearchResult(text, words, matches if capped else len(dispatches), matches, capped, page, per_page,
                          total_is_lower_bound=at_least)
    result.facets = _facets(dispatches)
    result.browsable = len(dispatches)
    chosen = dispatches[(page - 1) * per_page: page * per_page]
    if chosen:  # snippets and highlights for the page shown only
        bodies = {r["id"]: r["body"] for r in db.query(
            f"SELECT id, body FROM documents WHERE id IN ({_id_list([c['id'] for c in chosen])})")}
        for hit in chosen:
            body = bodies.get(hit["id"]) or ""
            hit["snippet"] = snippet(body, words) if words else _start(body)
            hit["snippet_marked"] = highlight(hit["snippet"], words)
            hit["subject_marked"] = highlight(hit.get("subject") or "", words)
            hit["has_targets"], hit["has_phases"] = bool(hit["has_targets"]), bool(hit["has_phases"])
    result.results = chosen
    return result


_NEWEST = "d.date DESC NULLS LAST, d.id DESC"


def _count(db: Reader, rows_sql: str, params: list[Any]) -> int:
    """How many rows `rows_sql` selects, up to COUNT_LIMIT + 1: counting stops past COUNT_LIMIT, as search
    engines' counts do, for counting all of 30,000 matches costs more than finding a page of them."""
    return db.query(f"SELECT count(*) AS n FROM ({rows_sql} LIMIT ?) c", [*params, COUNT_LIMIT + 1])[0]["n"]


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def _id_list(ids: list[int]) -> str:
    """Ids from the index as an SQL list (integers only, so nothing of the user's); NULL for none."""
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _in(db: Reader, walk: bool, matching: str) -> str:
    """The condition "d is among the documents `matching` selects" (`fulltext.matching_sql`). `walk`: the
    match set is large, so the documents are to be walked (newest first, or by the filters' indexes) and each
    tested against it, stopping at the page's end, rather than all the matches sorted. SQLite's planner would
    rather loop over the match set: `+d.id` keeps it from the key there (about 12 ms instead of 60 at 30,000
    matches of 100,000). PostgreSQL's underestimates phrase matches and joins them all: each document is
    probed in the full-text table by its key instead (`OFFSET 0` keeps the subquery from being joined)."""
    if not walk:
        return f"d.id IN ({matching})"
    if db.dialect == "sqlite":
        return f"+d.id IN ({matching})"
    return f"EXISTS ({matching} AND document_id = d.id OFFSET 0)"


def _matching(db: Reader, matching: tuple[str, str], where: list[str], params: list[Any], walk: bool,
              seen: list[int], limit: int, in_year: str | None = None,
              in_year_count: int | None = None) -> list[dict[str, Any]]:
    """The search columns of the documents `matching` selects (`fulltext.matching_sql`), but `seen`, that pass
    the filters: newest first, at most `limit`.

    `in_year` (PostgreSQL, the year filter's): words without a phrase (a phrase is rechecked row by row) found
    in the year through the index on (year, vector) of 0009, when they are in at most FEW_IN_YEAR documents
    of the year (`in_year_count`, or counted there) — fetching and sorting those costs less than walking the
    year's documents to find `limit` of them; more, and the walk is cheaper (the planner, left to choose,
    sorted all 6,252 documents of a year holding "công")."""
    sql, param = matching
    if in_year and "<->" not in param and _count_in_year(db, matching, in_year, in_year_count) <= FEW_IN_YEAR:
        found, found_params = f"d.id IN ({sql} AND year = ?)", [param, in_year]
    else:
        found, found_params = _in(db, walk, sql), [param]
    conditions = [*where, found] + ([f"d.id NOT IN ({_id_list(seen)})"] if seen else [])
    return db.query(f"SELECT {_SEARCH_COLUMNS} FROM documents d {_where(conditions)} ORDER BY {_NEWEST} LIMIT ?",
                    [*params, *found_params, limit])


def _count_in_year(db: Reader, matching: tuple[str, str], year: str, known: int | None) -> int:
    """How many documents of `year` `matching` selects (PostgreSQL, 0009's index), up to FEW_IN_YEAR + 1;
    `known` when the caller has counted them."""
    if known is not None:
        return known
    sql, param = matching
    return db.query(f"SELECT count(*) AS n FROM ({sql} AND year = ? LIMIT ?) m", [param, year, FEW_IN_YEAR + 1])[0]["n"]


def _copy(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "source_name": row["source_name"], "text_methods": row["text_methods"],
            "page_count": row["page_count"]}


def _start(body: str, width: int = 160) -> str:
    flat = re.sub(r"\s+", " ", body).strip()
    return flat if len(flat) <= width else flat[:width].rsplit(" ", 1)[0] + " …"


def _facets(dispatches: list[dict[str, Any]]) -> dict[str, list[tuple[Any, int]]]:
    """Counts of dispatches by year (newest first), issuer, type (most first), has targets, has phases."""
    def count(values: list[Any]) -> dict[Any, int]:
        counts: dict[Any, int] = {}
        for v in values:
            counts[v] = counts.get(v, 0) + 1
        return counts

    def most(counts: dict[Any, int]) -> list[tuple[Any, int]]:
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] is None, str(kv[0] or "")))

    years = count([year_of(d["date"]) for d in dispatches])
    return {
        "year": sorted(years.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""), reverse=True),
        "issuer": most(count([d["issuer"] for d in dispatches]))[:20],
        "doc_type": most(count([d["doc_type"] for d in dispatches]))[:20],
        "has_targets": most(count([bool(d["has_targets"]) for d in dispatches])),
        "has_phases": most(count([bool(d["has_phases"]) for d in dispatches])),
    }


# ---- targets --------------------------------------------------------------------------------------------------

@dataclass
class TargetFilters:
    words: str | None = None
    unit: str | None = None
    comparator: str | None = None
    min_value: float | None = None
    max_value: float | None = None
    since: int | None = None  # year
    until: int | None = None  # year
    issuer: str | None = None

    def checked(self) -> "TargetFilters":
        f = TargetFilters(**vars(self))
        f.words, f.unit, f.issuer = (clean_text(f.words, "words") or None, clean_text(f.unit, "unit") or None,
                                     clean_text(f.issuer, "issuer") or None)
        f.comparator = clean_text(f.comparator, "comparator") or None
        if f.comparator and f.comparator not in COMPARATORS:
            raise BadQuery(f"comparator must be one of {' '.join(COMPARATORS)}")
        for name in ("min_value", "max_value"):
            v = getattr(f, name)
            if v is not None and not math.isfinite(v):
                raise BadQuery(f"{name} must be a finite number")
        for name in ("since", "until"):
            v = getattr(f, name)
            if v is not None and not 1 <= v <= 9999:
                raise BadQuery(f"{name} must be a year between 1 and 9999")
        return f


def targets(db: Reader, filters: TargetFilters | None = None, limit: int | None = None,
            offset: int = 0) -> tuple[int, bool, list[dict[str, Any]]]:
    """(how many targets match, whether that count is a lower bound, the matching targets with their
    directive from `offset`, at most `limit`). With a `limit` the targets are counted up to COUNT_LIMIT (past
    it the count is a lower bound); without, the count is of the rows.

    Newest directive first, then by the target's place in it. Words match the folded text, metric or unit;
    unit matches folded and whole; issuer matches folded words of the name. The folded columns are written
    with each row (`pipeline.store.folded_target`), so no row is folded here, on either engine.
    """
    f = (filters or TargetFilters()).checked()
    on_target, target_params, on_document, document_params = [], [], [], []
    if f.unit:
        on_target.append("t.unit_folded = ?")
        target_params.append(fold(f.unit).strip())
    if f.comparator:
        on_target.append("coalesce(t.comparator, '=') = ?")
        target_params.append(f.comparator)
    if f.min_value is not None:
        on_target.append("t.value >= ?")
        target_params.append(f.min_value)
    if f.max_value is not None:
        on_target.append("t.value <= ?")
        target_params.append(f.max_value)
    if f.words:
        on_target.append("t.folded LIKE ? ESCAPE '\\'")
        target_params.append(f"%{_like(fold(f.words).strip())}%")
    if f.since is not None:
        on_document.append("d.date >= ?")
        document_params.append(f"{f.since:04d}")
    if f.until is not None:
        on_document.append("d.date < ?")
        document_params.append(f"{f.until + 1:04d}")
    if f.issuer:
        on_document.append(f"d.issuer_folded IN ({_ISSUERS_LIKE})")
        document_params.append(f"%{_like(fold(f.issuer).strip())}%")
    count_where = list(on_target)
    if on_document:
        count_where.append(f"t.document_id IN (SELECT d.id FROM documents d {_where(on_document)})")
    total = None
    if limit is not None:
        total = _count(db, f"SELECT 1 FROM targets t {_where(count_where)}", [*target_params, *document_params])
        if total > WALK_FROM and db.dialect == "sqlite":
            # Many rows: SQLite is kept from the unit's index (`+`), so that it walks the directives newest
            # first and stops at the page's end, rather than sorting them all (see _in); PostgreSQL's planner
            # chooses.
            on_target = [c.replace("t.unit_folded", "+t.unit_folded") for c in on_target]
    page = "" if limit is None else "LIMIT ? OFFSET ?"
    rows = db.query(
        f"""SELECT d.id AS document_id, d.number, d.symbol, d.date, d.issuer, d.doc_type, d.subject,
                   t.text, t.value, t.comparator, t.unit, t.metric
            FROM targets t JOIN documents d ON d.id = t.document_id {_where([*on_target, *on_document])}
            ORDER BY {_NEWEST}, t.position {page}""",
        [*target_params, *document_params, *([limit, offset] if limit is not None else [])])
    if total is None:
        return len(rows), False, rows
    return min(total, COUNT_LIMIT), total > COUNT_LIMIT, rows


# The issuers (folded) holding the words `?`: the distinct names read from the index on `issuer_folded` one
# step each (a few hundred at most), rather than the name of every document compared.
_ISSUERS_LIKE = """WITH RECURSIVE issuers (name) AS (
        SELECT min(issuer_folded) FROM documents
        UNION ALL
        SELECT (SELECT min(issuer_folded) FROM documents WHERE issuer_folded > name) FROM issuers
        WHERE name IS NOT NULL)
    SELECT name FROM issuers WHERE name LIKE ? ESCAPE '\\'"""


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def target_units(db: Reader) -> list[str]:
    """The units in the index, most used first (for the filter's choices)."""
    return [r["unit"] for r in db.query(
        "SELECT unit, count(*) AS n FROM targets WHERE unit IS NOT NULL AND unit != '' GROUP BY unit "
        "ORDER BY n DESC, unit LIMIT 50")]


def chart(rows: list[dict[str, Any]], width: int = 720, height: int = 300) -> dict[str, Any] | None:
    """An SVG chart of target values over time by issuer: points and scales, computed here, drawn by a template.

    One unit per chart: the most common unit among the rows (a chart of % and đoàn viên together would lie).
    """
    usable = [r for r in rows if r.get("value") is not None and year_of(r.get("date"))]
    if not usable:
        return None
    counts: dict[str, int] = {}
    for r in usable:
        counts[r["unit"] or ""] = counts.get(r["unit"] or "", 0) + 1
    unit = max(counts, key=lambda u: (counts[u], u))
    usable = [r for r in usable if (r["unit"] or "") == unit]

    def when(r: dict[str, Any]) -> float:
        y, m, d = (list(map(int, re.findall(r"\d+", r["date"])[:3])) + [1, 1])[:3]
        return y + (max(1, min(m, 12)) - 1) / 12 + (max(1, min(d, 31)) - 1) / 365

    xs = [when(r) for r in usable]
    ys = [float(r["value"]) for r in usable]
    x0, x1 = math.floor(min(xs)), math.floor(max(xs)) + 1
    y0, y1 = min(0.0, min(ys)), max(ys) or 1.0
    left, right, top, bottom = 60, 170, 15, 30
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(x: float) -> float:
        return round(left + (x - x0) / (x1 - x0) * plot_w, 1)

    def py(y: float) -> float:
        return round(top + plot_h - (y - y0) / ((y1 - y0) or 1) * plot_h, 1)

    palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"]
    series: dict[str, list[dict[str, Any]]] = {}
    for r, x, y in zip(usable, xs, ys):
        series.setdefault(r["issuer"] or "(không rõ cơ quan)", []).append(
            {"x": px(x), "y": py(y), "label": f"{r['issuer'] or ''} {r['date']}: {r['text']}",
             "document_id": r["document_id"]})
    lines = []
    for i, (issuer, points) in enumerate(sorted(series.items())):
        points.sort(key=lambda p: p["x"])
        lines.append({"issuer": issuer, "color": palette[i % len(palette)], "points": points,
                      "path": " ".join(f"{p['x']},{p['y']}" for p in points)})
    step = max(1, math.ceil((x1 - x0) / 10))
    years = [{"x": px(y), "label": str(y)} for y in range(x0, x1 + 1, step)]
    ticks = [{"y": py(y0 + (y1 - y0) * k / 4), "label": f"{y0 + (y1 - y0) * k / 4:g}"} for k in range(5)]
    return {"width": width, "height": height, "unit": unit, "series": lines[:8], "years": years, "ticks": ticks,
            "left": left, "top": top, "plot_w": plot_w, "plot_h": plot_h, "count": len(usable),
            "legend_x": left + plot_w + 10, "other_units": len(counts) - 1, "more_issuers": max(0, len(lines) - 8)}


# ---- one document ---------------------------------------------------------------------------------------------

def document(db: Reader, doc_id: int) -> dict[str, Any] | None:
    """Every field of one document with its lists, pages and ledger entries; None when there is none."""
    rows = db.query("SELECT * FROM documents WHERE id = ?", [doc_id])
    if not rows:
        return None
    doc = rows[0]
    for table, order in (("addressees", "position"), ("phases", "position"), ("targets", "position"),
                         ("recipients", "position"), ("doc_references", "position"), ("pages", "number")):
        doc[table] = db.query(f"SELECT * FROM {table} WHERE document_id = ? ORDER BY {order}", [doc_id])
    doc["ledger"] = db.query("SELECT * FROM ingestion_ledger WHERE document_id = ? ORDER BY id", [doc_id])
    key = dispatch_key(doc)
    doc["copies"] = []
    if not isinstance(key, int):
        doc["copies"] = [r for r in db.query(
            "SELECT id, source_name, text_methods, page_count, issuer, date, number, symbol FROM documents "
            "WHERE number = ? AND id != ? AND substr(date, 1, 4) = ?", [doc["number"], doc_id, year_of(doc["date"])])
            if dispatch_key(r) == key]
    return doc


def original(db: Reader, doc_id: int, processed: Path) -> Path | None:
    """Where the original file of a document lies (the archive under `processed`), from the ledger; None if
    unknown or gone."""
    rows = db.query("SELECT stored_as FROM ingestion_ledger WHERE document_id = ? AND stored_as IS NOT NULL "
                    "ORDER BY id DESC LIMIT 1", [doc_id])
    if not rows:
        return None
    path = located(rows[0]["stored_as"], processed)
    return path if path.is_file() else None


# ---- the inbox ------------------------------------------------------------------------------------------------

def inbox(db: Reader, inbox_dir: Path, processed: Path, limit: int = 50) -> dict[str, Any]:
    """Files waiting in the inbox, the last runs with their counts, the ledger by day (it holds the files of
    runs from before runs were recorded, too), the quarantined files."""
    waiting = []
    if inbox_dir.is_dir():
        for p in sorted(inbox_dir.iterdir()):
            if p.is_file() and not p.name.startswith("."):
                st = p.stat()
                waiting.append({"name": p.name, "size": st.st_size, "modified": st.st_mtime})
    days = db.query(
        """SELECT substr(finished_at, 1, 10) AS day, min(started_at) AS first, max(finished_at) AS last,
                  sum(CASE WHEN status = 'ingested' THEN 1 ELSE 0 END) AS ingested,
                  sum(CASE WHEN status = 'duplicate' THEN 1 ELSE 0 END) AS duplicate,
                  sum(CASE WHEN status = 'quarantined' THEN 1 ELSE 0 END) AS quarantined, sum(pages_ocr) AS pages_ocr, count(*) AS files
           FROM ingestion_ledger GROUP BY day ORDER BY day DESC LIMIT ?""", [limit])
    runs = db.query("SELECT id, started_at, finished_at, ingested, duplicates, quarantined, pages_ocr FROM runs "
                    "ORDER BY id DESC LIMIT ?", [limit])
    recent = db.query("SELECT id, file_name, status, document_id, error, started_at, finished_at "
                      "FROM ingestion_ledger ORDER BY id DESC LIMIT ?", [limit])
    quarantined = db.query("SELECT id, file_name, sha256, error, stored_as, finished_at FROM ingestion_ledger "
                           "WHERE status = 'quarantined' ORDER BY id DESC LIMIT ?", [limit * 4])
    for q in quarantined:
        q["still_there"] = bool(q["stored_as"]) and located(q["stored_as"], processed).is_file()
        q["stored_name"] = Path(q["stored_as"]).name if q["stored_as"] else None
    return {"waiting": waiting, "runs": runs, "days": days, "recent": recent, "quarantined": quarantined}
