"""The optional transformers encoder backend: a user's model from a local folder, never a download.

The tests that run a model build a tiny random BERT in a temporary folder (no hub, no network);
they need the ``transformers`` extra and are skipped without it (``.ci/run`` installs it and runs
them). The error paths run everywhere.
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from checker.align.encoder import EncoderError, TransformersEncoder

FR = "Le ministre est arrivé mercredi à Moscou. Il a rencontré son homologue turc.\n"
EN = "The minister arrived in Moscow on Wednesday. He met his Turkish counterpart.\n"


def _run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=cwd)


def _write_pair(tmp_path):
    (tmp_path / "a.fr.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")


def _config(tmp_path, model_path):
    (tmp_path / "checker.toml").write_text(
        f'[encoder]\nbackend = "transformers"\nmodel-path = "{model_path}"\nthreads = 1\n', encoding="utf-8")


def test_a_missing_model_folder_is_a_one_line_usage_error(tmp_path):
    _write_pair(tmp_path)
    _config(tmp_path, "models/labse")
    r = _run("check", "a.fr.txt", "a.en.txt", "--source-lang", "fr", "--target-lang", "en", cwd=tmp_path)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "models/labse" in lines[0] and "downloads nothing" in lines[0]


def test_without_the_extra_the_error_says_what_to_install(tmp_path, monkeypatch):
    (tmp_path / "config.json").write_text('{"hidden_size": 8}', encoding="utf-8")
    monkeypatch.setitem(sys.modules, "transformers", None)  # makes "import transformers" fail
    enc = TransformersEncoder(tmp_path)
    assert enc.dim == 8
    with pytest.raises(EncoderError) as e:
        enc.encode(["une phrase"])
    assert "checker[transformers]" in str(e.value) and str(tmp_path) in str(e.value)


# --- a real (tiny, random) model ---------------------------------------------------------------

def _tiny_bert(folder: Path, dense_out: int | None = None) -> Path:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    words = "le la les ministre est arrivé mercredi à moscou il a rencontré son homologue turc the minister " \
            "arrived in moscow on wednesday he met his turkish counterpart".split()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ","] + sorted(set(words))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt")).save_pretrained(str(folder))
    torch.manual_seed(0)
    cfg = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                                  num_attention_heads=2, intermediate_size=37, max_position_embeddings=64)
    transformers.BertModel(cfg).save_pretrained(str(folder))
    if dense_out:
        from safetensors.torch import save_file
        (folder / "1_Pooling").mkdir()
        (folder / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True}))
        (folder / "2_Dense").mkdir()
        (folder / "2_Dense" / "config.json").write_text(json.dumps(
            {"in_features": 32, "out_features": dense_out,
             "activation_function": "torch.nn.modules.activation.Tanh"}))
        save_file({"linear.weight": torch.randn(dense_out, 32), "linear.bias": torch.zeros(dense_out)},
                  str(folder / "2_Dense" / "model.safetensors"))
    return folder


def test_local_model_gives_normalised_embeddings_of_its_size(tmp_path):
    enc = TransformersEncoder(_tiny_bert(tmp_path / "bert"), threads=1)
    v = enc.encode(["le ministre est arrivé", "the minister arrived", "le ministre est arrivé"])
    assert v.shape == (3, 32)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(v[0], v[2])
    assert not np.allclose(v[0], v[1])


def test_sentence_transformers_folder_uses_its_pooling_and_dense_layer(tmp_path):
    enc = TransformersEncoder(_tiny_bert(tmp_path / "st", dense_out=16), threads=1)
    assert enc.dim == 16
    v = enc.encode(["le ministre", "the minister"])
    assert v.shape == (2, 16) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_configured_backend_is_the_one_that_runs(tmp_path):
    _tiny_bert(tmp_path / "models" / "tiny")
    _write_pair(tmp_path)
    _config(tmp_path, "models/tiny")
    r = _run("check", "a.fr.txt", "a.en.txt", "--source-lang", "fr", "--target-lang", "en",
             "--format", "json", "--exit-zero", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert "|encoder:transformers " in report["checker"]["signature"] and " tiny " in report["checker"]["signature"]
    beads = report["documents"][0]["alignment"]
    assert sorted(i for b in beads for i in b["source"]) == [0, 1]
    assert sorted(j for b in beads for j in b["target"]) == [0, 1]


def test_feed_workers_load_the_configured_model(tmp_path):
    _tiny_bert(tmp_path / "models" / "tiny")
    _config(tmp_path, "models/tiny")
    rec = {"source": {"lang": "fr", "text": FR}, "translations": [{"lang": "en", "text": EN}]}
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(dict(rec, id=f"a{k}")) for k in range(3)) + "\n")
    one = _run("feed", "feed.jsonl", "--format", "json", "--exit-zero", cwd=tmp_path)
    two = _run("feed", "feed.jsonl", "--format", "json", "--exit-zero", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert "|encoder:transformers " in json.loads(one.stdout)["checker"]["signature"]
