"""Every setting in one table: its default, the environment variable that overrides it, and its help.

Paths are relative to the working directory (never to this package's source folder), so an installed
``assistant`` works from any folder: ``--store`` on the command line wins, then the environment
variable, then the default. Unknown keys are refused.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    key: str
    default: str
    env: str
    help: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting("store", "indexes/corpus.sqlite", "ASSISTANT_STORE", "the SQLite corpus store"),
        Setting("corpus", "corpus", "ASSISTANT_CORPUS", "the folder `ingest` reads when given no path"),
        Setting("eval_set", "tests/qa_eval.json", "ASSISTANT_EVAL_SET", "the question set of `evaluate`"),
        Setting("max_mb", "50", "ASSISTANT_MAX_MB", "refuse files larger than this many MiB"),
        Setting("max_pages", "300", "ASSISTANT_MAX_PAGES", "refuse PDFs with more pages"),
        Setting("max_memory_mb", "2048", "ASSISTANT_MAX_MEMORY_MB", "memory the parser of one file may take, in MiB"),
        Setting("max_seconds", "900", "ASSISTANT_MAX_SECONDS", "stop parsing one file after this many s"),
        Setting("max_cells", "200000", "ASSISTANT_MAX_CELLS", "refuse files whose tables hold more cells"),
        Setting("max_chars", "20000000", "ASSISTANT_MAX_CHARS", "refuse files with more characters of text"),
        Setting("max_question_chars", "2000", "ASSISTANT_MAX_QUESTION", "refuse longer questions and queries"),
        Setting("max_ocr_pages", "30", "ASSISTANT_MAX_OCR_PAGES", "refuse files with more pages to read by OCR"),
        Setting("max_ocr_seconds", "600", "ASSISTANT_MAX_OCR_SECONDS", "give up OCR of one file after this many s"),
        Setting("ocr_engine", "rapidocr", "ASSISTANT_OCR_ENGINE", "the OCR engine: rapidocr or tesseract"),
        Setting(
            "ocr_cache", "", "ASSISTANT_OCR_CACHE", "folder of cached OCR pages (default: ocr-cache/ beside the store)"
        ),
        Setting(
            "dictionary_seed",
            "",
            "ASSISTANT_DICTIONARY_SEED",
            "folder of the segmentation dictionary built at install, copied into new index folders "
            "(default: share/assistant in the Python environment)",
        ),
        Setting("cluster", "local:2", "ASSISTANT_CLUSTER", "the Dask cluster: local:N or tcp://HOST:PORT"),
        Setting("shard_count", "4", "ASSISTANT_SHARD_COUNT", "shards of a new sharded corpus (--shards)"),
        Setting("workers", "0", "ASSISTANT_WORKERS", "parser and segmenter processes (0: one per core)"),
        Setting("max_sessions", "200", "ASSISTANT_MAX_SESSIONS", "app sessions kept in memory (oldest dropped)"),
        Setting(
            "shards", "", "ASSISTANT_SHARDS", "a sharded corpus's folder that search and ask read (empty: the store)"
        ),
        Setting("host", "127.0.0.1", "ASSISTANT_HOST", "the address the app listens on"),
        Setting("port", "7860", "GRADIO_SERVER_PORT", "the port the app listens on"),
    )
}


def get(key: str) -> str:
    """The value of a setting: its environment variable if set, else its default."""
    if key not in SETTINGS:
        raise KeyError(f"unknown setting {key!r}; known: {', '.join(SETTINGS)}")
    s = SETTINGS[key]
    return os.environ.get(s.env) or s.default


def path(key: str) -> Path:
    """A path setting, resolved against the working directory."""
    return Path(get(key))


def number(key: str) -> float:
    return float(get(key))


def workers() -> int:
    n = int(number("workers"))
    return n if n > 0 else max(1, os.cpu_count() or 1)


def overlong(text: str, what: str = "query") -> str | None:
    """The one line refusing a question or query over ``max_question_chars``, naming how to raise it; or None."""
    limit = int(number("max_question_chars"))
    if len(text) <= limit:
        return None
    env = SETTINGS["max_question_chars"].env
    return f"the {what} is {len(text):,} characters, over the limit of {limit:,} (raise it with ${env})"


def default_store() -> Path:
    return path("store")


def index_dir(store: Path | str | None = None) -> Path:
    """The search index and its caches live beside the store."""
    return Path(store or default_store()).resolve().parent


def dictionary_seed() -> Path:
    """The segmentation dictionary `make install` builds once, which a new index folder starts from."""
    return path("dictionary_seed") if get("dictionary_seed") else Path(sys.prefix) / "share" / "assistant"


def ocr_cache(store: Path | str | None = None) -> Path:
    """Where each page's OCR result is kept (by file sha256, page and engine): beside the store."""
    return path("ocr_cache") if get("ocr_cache") else index_dir(store) / "ocr-cache"
