"""The plain JSON API served beside the Gradio app: ``POST /api/ask`` and ``GET /api/search``.

Both are stateless and run outside Gradio's queue. They return what ``assistant ask --json`` and
``assistant search --json`` print: raw text, which a client that puts it in a page must escape."""

from __future__ import annotations

import json
import logging
from typing import Any

import orjson
from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse as _JSONResponse
from pydantic import BaseModel

from assistant.ui.service import Service

log = logging.getLogger("assistant.ui.api")


class JSONResponse(_JSONResponse):
    """The same JSON as Starlette's, written by orjson: an answer over a large corpus cites every report it
    counts (about 2 MB at 5,000 reports), which the standard library takes ten times as long to write."""

    def render(self, content: Any) -> bytes:
        try:
            return orjson.dumps(content)
        except TypeError:  # an integer beyond 64 bits: the standard library writes it
            return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


class AskBody(BaseModel):
    question: str
    report: str | None = None  # a stored report's id; none: the whole corpus


def router(service: Service) -> APIRouter:
    api = APIRouter(prefix="/api")

    @api.post("/ask")
    def ask(body: AskBody) -> JSONResponse:
        """The answer to a question about one stored report or the corpus, as `assistant ask --json`."""
        try:
            return JSONResponse(service.ask(body.question, body.report or None).to_dict())
        except Exception as exc:  # an answer engine bug is one clear line, not a dropped connection
            log.exception("ask failed: %r", body.question)
            return JSONResponse({"error": f"answering failed ({type(exc).__name__}: {exc})"}, status_code=500)

    @api.get("/search")
    def search(
        q: str = Query(..., min_length=1),
        year: int | None = None,
        region: str = "",
        agency: str = "",
        k: int = Query(10, ge=1, le=1000),
        format: str = "",
    ) -> JSONResponse:
        """The search as `assistant search --json` prints it: the hits, best first, with the query's terms,
        its warnings (words that match nothing) and the facets."""
        try:
            return JSONResponse(service.search_result(q, year, region, agency, k, format).to_dict())
        except ValueError as exc:  # an overlong query: one line naming the limit
            return JSONResponse({"error": str(exc)}, status_code=422)

    return api
