"""The JSON Schema (draft 2020-12) of cleannews' JSON output, shipped as package data.

`schema.json` beside this module describes `Article.to_dict` (its root), the documents of
``cleannews clean -f json|jsonl`` (``$defs/document``) and the JSONL records of ``fetch``,
``warc`` and `cleannews.dask` (``$defs/record``).  It ships inside the package so that a
consumer can validate what it reads with the same file the tests check every sample
against.  Loading costs one small file read (cached).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

__all__ = ["KINDS", "json_schema"]

#: What `json_schema` can describe: the ``$defs`` entry of each kind.
KINDS = {"article": "article", "document": "document", "record": "record"}


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return files(__package__).joinpath("schema.json").read_text(encoding="utf-8")


def json_schema(kind: str = "article") -> dict[str, Any]:
    """The schema of one kind of JSON object (a fresh dict, safe to modify).

    ``article``: `Article.to_dict`; ``document``: one ``clean -f json`` document or JSONL
    line; ``record``: one ``fetch``/``warc`` JSONL record.  Unknown kinds raise `ValueError`.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown schema kind {kind!r} (known: {', '.join(KINDS)})")
    schema = json.loads(_schema_text())
    schema["$ref"] = f"#/$defs/{KINDS[kind]}"
    return schema
