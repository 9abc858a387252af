"""The shared torch -> ONNX -> int8 path of the fine-tuned MiniLM networks, on a tiny network."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
onnx = pytest.importorskip("onnx")

from veracity.onnxrun import checked_session  # noqa: E402
from veracity_train.minilm import OPSET, export_fp32, quantise_int8  # noqa: E402


class Tiny(torch.nn.Module):
    """Embedding (a Gather) + dense layer (a MatMul) + mean pooling, like the real heads."""

    def __init__(self) -> None:
        super().__init__()
        torch.manual_seed(0)
        self.word = torch.nn.Embedding(300, 32)
        self.dense = torch.nn.Linear(32, 3)

    def forward(self, input_ids, attention_mask):
        m = attention_mask.to(torch.float32).unsqueeze(-1)
        x = self.dense(self.word(input_ids))
        return (x * m).sum(1) / m.sum(1).clamp(min=1.0)


def _dims(value_info) -> list:
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


@pytest.fixture(scope="module")
def fp32(tmp_path_factory) -> Path:
    ids = torch.tensor([[101, 20, 30, 102], [101, 40, 102, 0]])
    mask = (ids > 0).to(torch.int64)
    return export_fp32(Tiny().eval(), ids, mask, tmp_path_factory.mktemp("onnx") / "tiny-fp32.onnx", "logits", {0: "batch"})


def test_fp32_graph_has_named_inputs_with_dynamic_batch_and_length(fp32: Path) -> None:
    g = onnx.load(str(fp32))
    assert g.opset_import[0].version == OPSET
    assert [i.name for i in g.graph.input] == ["input_ids", "attention_mask"]
    assert all(_dims(i) == ["batch", "tokens"] for i in g.graph.input)
    assert [o.name for o in g.graph.output] == ["logits"] and _dims(g.graph.output[0])[0] == "batch"


@pytest.mark.parametrize("per_channel", [False, True])
def test_int8_weights_and_same_answers_on_other_shapes(fp32: Path, per_channel: bool, tmp_path: Path) -> None:
    q = quantise_int8(fp32, tmp_path / "tiny-int8.onnx", per_channel)
    init = {t.name: t for t in onnx.load(str(q)).graph.initializer}
    assert any(t.data_type == onnx.TensorProto.INT8 for t in init.values())
    # The quantised file is smaller: the embedding table (the bulk) is stored as int8.
    assert q.stat().st_size < fp32.stat().st_size / 2
    feeds = {"input_ids": np.array([[101, 7, 8, 9, 10, 102]] * 3, dtype=np.int64),
             "attention_mask": np.ones((3, 6), dtype=np.int64)}
    ref = checked_session(fp32, None, "tiny", "-").run(None, feeds)[0]
    got = checked_session(q, None, "tiny", "-").run(None, feeds)[0]
    assert got.shape == ref.shape == (3, 3)
    assert np.abs(got - ref).max() < 0.05


def test_pretrained_draws_the_head_as_the_trainers_did():
    """pretrained(n) = the network, its pretrained weights, then a fresh n-way head, from one
    seeded generator: the recipe each trainer had, so cached fine-tuning runs stay valid."""
    import json

    from veracity_train import minilm

    minilm.deterministic(1, 13)
    got = minilm.pretrained(9).state_dict()
    torch.manual_seed(13)
    d = minilm.minilm_dir()
    ref = minilm.BertClassifier(json.loads((d / "config.json").read_text()))
    ref.load_pretrained(minilm.read_safetensors(d / "model.safetensors"))
    ref.head = torch.nn.Linear(ref.head.in_features, 9)
    want = ref.state_dict()
    assert got.keys() == want.keys()
    assert all(torch.equal(got[k], want[k]) for k in want)
    assert minilm.tokenizer(64).truncation["max_length"] == 64
