"""`congvan web`: a read-only web app over the index for analysts and archive staff.

Pages (server-rendered Jinja2, autoescaped, no JavaScript needed): `/` search with facets, `/targets`
with filters, a chart and CSV/XLSX downloads, `/documents/{id}` and its original, `/inbox`. The JSON API
under `/api/` answers from the same queries (`pipeline.queries`). The index is opened read-only; a file on
disk is only ever reached through a document's id.
"""
from pipeline.web.app import create_app

__all__ = ["create_app"]
