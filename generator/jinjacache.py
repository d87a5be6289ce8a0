"""Compiled Jinja templates kept in memory for the life of the process: the preview renders
the same templates on every rebuild, and compiling them again was a third of MkDocs' time.
A template whose source changed is compiled anew (Jinja compares a checksum of the source)."""

from __future__ import annotations

import threading

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        compiled = bucket.bytecode_to_string()
        with self._lock:
            self._compiled[bucket.key] = compiled


COMPILED = MemoryBytecodeCache()
