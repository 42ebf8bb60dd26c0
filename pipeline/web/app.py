"""The FastAPI app: HTML pages and the JSON API over `pipeline.queries`, on an index opened read-only."""
from __future__ import annotations

import math
from contextlib import asynccontextmanager
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from pipeline import queries
from pipeline.export import targets_csv, targets_xlsx
from pipeline.options import Options
from pipeline.queries import BadQuery, SearchFilters, TargetFilters
from pipeline.search import format_value, number_symbol
from pipeline.store import Store, describe, index_exists

TEMPLATES = Path(__file__).parent / "templates"
TARGETS_PER_PAGE = 100
API_MAX_PER_PAGE = 1000


class NotFound(Exception):
    """A document that is not in the index, or an id that is not one."""


def _int(value: str | None, name: str, low: int = 1, high: int = 10**6) -> int | None:
    value = queries.clean_text(value, name)
    if not value:
        return None
    if not re.fullmatch(r"[+-]?\d{1,9}", value):
        raise BadQuery(f"{name} must be a whole number")
    number = int(value)
    if not low <= number <= high:
        raise BadQuery(f"{name} must be between {low} and {high}")
    return number


def _float(value: str | None, name: str) -> float | None:
    value = queries.clean_text(value, name).replace(",", ".")
    if not value:
        return None
    if not re.fullmatch(r"[+-]?(\d{1,15}(\.\d*)?|\.\d+)", value):
        raise BadQuery(f"{name} must be a number")
    return float(value)


def _bool(value: str | None, name: str) -> bool | None:
    value = queries.clean_text(value, name).lower()
    if not value:
        return None
    if value in ("1", "true", "yes", "có"):
        return True
    if value in ("0", "false", "no", "không"):
        return False
    raise BadQuery(f"{name} must be 1 or 0")


def _doc_id(value: str) -> int:
    if not re.fullmatch(r"\d{1,12}", value or ""):
        raise NotFound(value)
    return int(value)


def _search_args(p: dict[str, str]) -> dict[str, Any]:
    year = queries.clean_text(p.get("year"), "year") or None
    if year and not re.fullmatch(r"\d{4}", year):
        raise BadQuery("year must be four digits")
    sort = queries.clean_text(p.get("sort"), "sort") or "relevance"
    return {"text": p.get("q"), "sort": sort, "page": _int(p.get("page"), "page") or 1,
            "filters": SearchFilters(year=year, issuer=queries.clean_text(p.get("issuer"), "issuer") or None,
                                     doc_type=queries.clean_text(p.get("type"), "type") or None,
                                     has_targets=_bool(p.get("has_targets"), "has_targets"),
                                     has_phases=_bool(p.get("has_phases"), "has_phases"))}


def _target_filters(p: dict[str, str]) -> TargetFilters:
    return TargetFilters(words=p.get("words"), unit=p.get("unit"), comparator=p.get("comparator"),
                         min_value=_float(p.get("min"), "min"), max_value=_float(p.get("max"), "max"),
                         since=_int(p.get("since"), "since", 1, 9999), until=_int(p.get("until"), "until", 1, 9999),
                         issuer=p.get("issuer")).checked()


def _params(request: Request) -> dict[str, str]:
    """The query parameters, one value each (the last), without empty ones."""
    return {k: v for k, v in request.query_params.items() if v != ""}


def create_app(database: Path | str | None = None, inbox: Path | None = None, processed: Path | None = None) -> FastAPI:
    """The app over the index at `database` (default: the options' index), showing the inbox `inbox` and the
    originals archived under `processed`."""
    options = Options()
    database = database or options.database_target  # a path or a URL
    inbox = inbox or options.inbox
    processed = processed or options.processed
    state: dict[str, Store] = {}

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        if "store" in state:
            state.pop("store").close()

    # FastAPI's own /docs and /redoc load Swagger UI and ReDoc from a CDN; congvan runs offline, so /docs is
    # a page rendered here from the same OpenAPI description.
    app = FastAPI(lifespan=lifespan, title="congvan", description="Vietnamese dispatches: search, targets, documents, inbox "
                  "(read-only).", version="1", docs_url=None, redoc_url=None)
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.globals.update(number_symbol=number_symbol, format_value=format_value, urlencode=urlencode,
                       candidates=queries.CANDIDATES)
    env.filters["when"] = lambda ts: datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    def db() -> Store:
        if "store" not in state:
            if not index_exists(database):
                raise BadQuery(f"no index at {describe(database)}: run `congvan ingest` first")
            state["store"] = Store(database, read_only=True)
        return state["store"]


    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"params": _params(request), **context},
                                          status_code=status)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(BadQuery)
    def _bad_query(request: Request, exc: BadQuery) -> Response:
        if is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return page(request, "error.html", 400, title="Yêu cầu không hợp lệ", message=str(exc))

    @app.exception_handler(NotFound)
    def _not_found(request: Request, exc: NotFound) -> Response:
        if is_api(request):
            return JSONResponse({"detail": "no such document"}, status_code=404)
        return page(request, "error.html", 404, title="Không tìm thấy", message="No such document.")

    @app.exception_handler(RequestValidationError)
    def _invalid(request: Request, exc: RequestValidationError) -> Response:
        message = "; ".join(f"{'.'.join(map(str, e.get('loc', [])[1:]))}: {e.get('msg')}" for e in exc.errors())
        if is_api(request):
            return JSONResponse({"detail": message}, status_code=400)
        return page(request, "error.html", 400, title="Yêu cầu không hợp lệ", message=message)

    @app.exception_handler(StarletteHTTPException)
    def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if is_api(request) or exc.status_code not in (404, 405):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", exc.status_code, title="Không tìm thấy", message="No such page.")

    # ---- pages --------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request) -> Response:
        p = _params(request)
        args = _search_args(p)
        result = queries.search(db(), **args)

        def link(**change: Any) -> str:
            q = {**p, **change}
            q.pop("page", None) if "page" not in change else None
            return "/?" + urlencode({k: v for k, v in q.items() if v not in (None, "")})

        return page(request, "search.html", result=result, sort=args["sort"], link=link)

    @app.get("/targets", response_class=HTMLResponse, include_in_schema=False)
    def targets_page(request: Request) -> Response:
        p = _params(request)
        filters = _target_filters(p)
        number = _int(p.get("page"), "page") or 1
        total, _, rows = queries.targets(db(), filters)
        shown = rows[(number - 1) * TARGETS_PER_PAGE: number * TARGETS_PER_PAGE]
        query = urlencode({k: v for k, v in p.items() if k != "page"})
        return page(request, "targets.html", total=total, rows=shown, chart=queries.chart(rows), page=number,
                    pages=max(1, math.ceil(total / TARGETS_PER_PAGE)), query=query,
                    units=queries.target_units(db()), comparators=queries.COMPARATORS)

    @app.get("/targets.csv", include_in_schema=False)
    def targets_csv_download(request: Request) -> Response:
        _, _, rows = queries.targets(db(), _target_filters(_params(request)))
        return Response(targets_csv(rows), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="congvan-targets.csv"'})

    @app.get("/targets.xlsx", include_in_schema=False)
    def targets_xlsx_download(request: Request) -> Response:
        _, _, rows = queries.targets(db(), _target_filters(_params(request)))
        return Response(targets_xlsx(rows),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="congvan-targets.xlsx"'})

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> Response:
        doc = queries.document(db(), _doc_id(doc_id))
        if doc is None:
            raise NotFound(doc_id)
        has_original = queries.original(db(), doc["id"], processed) is not None
        return page(request, "document.html", doc=doc, has_original=has_original)

    @app.get("/documents/{doc_id}/original", summary="The original file of a document, by the document's id")
    def document_original(doc_id: str) -> Response:
        path = queries.original(db(), _doc_id(doc_id), processed)
        if path is None:
            raise NotFound(doc_id)
        return FileResponse(path, filename=path.name, content_disposition_type="inline")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> Response:
        return page(request, "api.html", spec=app.openapi())

    @app.get("/inbox", response_class=HTMLResponse, include_in_schema=False)
    def inbox_page(request: Request) -> Response:
        return page(request, "inbox.html", inbox=queries.inbox(db(), inbox, processed), inbox_dir=str(inbox))

    # ---- the JSON API -------------------------------------------------------------------------------------

    @app.get("/api/search", summary="Search, blind to diacritics; one entry per dispatch")
    def api_search(request: Request, q: str = "", year: str = "", issuer: str = "", type: str = "",
                   page: str = "", sort: str = "relevance") -> dict[str, Any]:
        result = queries.search(db(), **_search_args(_params(request)))
        keys = ("id", "number", "symbol", "date", "issuer", "doc_type", "subject", "snippet")
        return {"total": result.total, "total_is_lower_bound": result.total_is_lower_bound,
                "page": result.page, "pages": result.pages,
                "results": [{k: r.get(k) for k in keys} for r in result.results]}

    @app.get("/api/targets", summary="Targets with their directive, filtered")
    def api_targets(request: Request, words: str = "", unit: str = "", since: str = "", until: str = "",
                    issuer: str = "", comparator: str = "", min: str = "", max: str = "", page: str = "",
                    per_page: str = "") -> dict[str, Any]:
        p = _params(request)
        number = _int(p.get("page"), "page") or 1
        size = _int(p.get("per_page"), "per_page", 1, API_MAX_PER_PAGE) or API_MAX_PER_PAGE
        total, at_least, rows = queries.targets(db(), _target_filters(p), limit=size, offset=(number - 1) * size)
        keys = ("document_id", "number", "symbol", "date", "issuer", "text", "value", "comparator", "unit",
                "metric")
        return {"total": total, "total_is_lower_bound": at_least, "page": number,
                "results": [{k: r.get(k) for k in keys} for r in rows]}

    @app.get("/api/documents/{doc_id}", summary="One record as `congvan extract` prints it, plus its id")
    def api_document(doc_id: str) -> dict[str, Any]:
        number = _doc_id(doc_id)
        store = db()
        try:
            record = store.record(number)
        except KeyError:
            raise NotFound(doc_id) from None
        pages = store.query("SELECT number, method, confidence FROM pages WHERE document_id = ? ORDER BY number",
                            [number])
        return {"id": number, **record.to_dict(), "pages": pages}

    return app
