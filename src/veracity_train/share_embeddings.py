"""Store the fine-tuned MiniLM networks without their shared uint8 word-embedding table.

Every fine-tuning keeps MiniLM's word embeddings frozen, and onnxruntime's dynamic quantisation
turns the same float table into the same uint8 bytes (30,522 x 384, 11.7 MB) with the same scale
and zero point, so the five shipped networks would hold five identical copies. None ships: the
runtime derives the table from the pinned MiniLM package's float weights (its safetensors file)
with the export's arithmetic and checks it against the sha256 pinned in
``models/shared/minilm_word_embeddings.json`` (``veracity.assets.shared_word_table``). This module
writes that file (recipe: package, file, tensor, scale, zero point; and the hash), after checking
that the derived table equals the network's own byte for byte, and rewrites each network with a
placeholder in the table's place: the initializer is renamed ``veracity.onnxrun.SHARED_TABLE``
and marked external data at a location of that name, which the runtime supplies at session
creation (``veracity/onnxrun.py``); its former name is kept in the model's metadata
(``ORIGINAL_NAME``).

:func:`split` is deterministic (the same full file gives the same bytes) and refuses to write
unless the split network's outputs equal the full one's bit for bit on a few windows;
:func:`join` undoes it byte for byte (to the ``full_sha256`` the metadata records, the export's
own hash: tests/core/test_model_manifest.py checks it for every network). The network trainers
call :func:`split` on their export; ``python -m veracity_train.share_embeddings`` splits the
shipped networks that are still full, updates their metadata (sha256, bytes, shared_table,
full_sha256) and the models manifest. A network whose table differs from the derived one
(embeddings trained, another quantiser) is left full, with a message: the runtime loads either
form.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np

from veracity.assets import MINILM_TOKENIZER, MODELS_DIR, DerivedTable, derive_table, file_sha256
from veracity.onnxrun import SHARED_META, SHARED_TABLE

# The shipped networks: ONNX file and metadata file, relative to the models folder.
NETWORKS = (
    ("attribution/tagger/model.onnx", "attribution/tagger/meta.json"),
    ("attribution/cuepass/model.onnx", "attribution/cuepass/meta.json"),
    ("stance/news_crossencoder.onnx", "stance/news_crossencoder.json"),
    ("checkworthy/transformer/model.onnx", "checkworthy/transformer/model.json"),
    ("checkworthy/student/model.onnx", "checkworthy/student/model.json"),
)
# Where the float table comes from: the pinned MiniLM package (the one the tokenizer comes from).
SOURCE_PACKAGE = MINILM_TOKENIZER.package
SOURCE_FILE = "model/model.safetensors"
SOURCE_TENSOR = "embeddings.word_embeddings.weight"
# The model metadata key (ModelProto.metadata_props) holding the table's name in the full export.
ORIGINAL_NAME = "veracity.shared_table.original_name"
# Word pieces of MiniLM's vocabulary x hidden size: how the word table is told from the others.
TABLE_SHAPE = (30522, 384)
# Windows for the bit-identity check: two rows of real word pieces, one padded.
PROBE_IDS = np.array([[101, 2057, 2031, 2410, 2454, 102], [101, 4067, 2017, 102, 0, 0]], dtype=np.int64)

Log = Callable[[str], None]


def _word_table(model: Any) -> Any:
    """The int8 word-embedding initializer: the one Gather weight of TABLE_SHAPE read by input_ids."""
    inits = {t.name: t for t in model.graph.initializer}
    found = [inits[n.input[0]] for n in model.graph.node
             if n.op_type == "Gather" and n.input[0] in inits and n.input[1] == "input_ids"
             and tuple(inits[n.input[0]].dims) == TABLE_SHAPE]
    if len(found) != 1:
        raise ValueError(f"expected one {TABLE_SHAPE} Gather weight read by input_ids, found {len(found)}")
    return found[0]


def _feeds(session: Any) -> dict[str, np.ndarray]:
    mask = (PROBE_IDS > 0).astype(np.int64)
    known = {"input_ids": PROBE_IDS, "attention_mask": mask, "token_type_ids": np.zeros_like(PROBE_IDS)}
    return {i.name: known[i.name] for i in session.get_inputs()}


def _outputs(model_bytes: bytes, table: np.ndarray | None) -> list[np.ndarray]:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.log_severity_level = 3
    if table is not None:
        opts.add_external_initializers([SHARED_TABLE], [ort.OrtValue.ortvalue_from_numpy(table)])
    s = ort.InferenceSession(model_bytes, opts, providers=["CPUExecutionProvider"])
    return s.run(None, _feeds(s))


def _quant_params(model: Any, table_name: str) -> tuple[float, int]:
    """The scale and zero point of the DequantizeLinear that reads the rows gathered from ``table_name``."""
    from onnx import numpy_helper

    inits = {t.name: t for t in model.graph.initializer}
    gathered = {n.output[0] for n in model.graph.node if n.op_type == "Gather" and n.input[0] == table_name}
    found = [n for n in model.graph.node if n.op_type == "DequantizeLinear" and n.input[0] in gathered]
    if len(found) != 1 or any(i not in inits for i in found[0].input[1:3]):
        raise ValueError(f"expected one DequantizeLinear of {table_name} with constant scale and zero point")
    scale, zp = (numpy_helper.to_array(inits[i]) for i in found[0].input[1:3])
    if scale.size != 1 or scale.dtype != np.float32 or zp.size != 1 or zp.dtype != np.uint8:
        raise ValueError(f"{table_name}: not one float32 scale and uint8 zero point ({scale.dtype} {zp.dtype})")
    return float(scale.item()), int(zp.item())


def shared_table(root: Path = MODELS_DIR) -> np.ndarray | None:
    """The shared table that ``root``'s metadata describes (None before the first split), derived
    from the installed package and checked against the pinned sha256 (not the manifest: this
    runs while the trainers write)."""
    meta_path = root / SHARED_META
    if not meta_path.is_file():
        return None
    spec = DerivedTable.from_json(json.loads(meta_path.read_text(encoding="utf-8")))
    table, got = derive_table(spec)
    if got != spec.sha256:
        raise ValueError(f"the table derived from {spec.package}/{spec.relpath} has sha256 {got[:12]}…, "
                         f"not the {spec.sha256[:12]}… of {meta_path}")
    return table


def write_meta(spec: DerivedTable, root: Path = MODELS_DIR) -> Path:
    """Write the shared table's recipe and pinned hash (``SHARED_META`` under ``root``)."""
    meta_path = root / SHARED_META
    meta_path.parent.mkdir(parents=True, exist_ok=True)
    meta = {"name": SHARED_TABLE, **spec.as_json(),
            "rule": "uint8(clip(rint(float32 W / float32 scale) + zero_point, 0, 255)), rint rounding half to even: "
                    "onnxruntime's quantize_nparray; sha256 of the table's bytes in C order",
            "what": "all-MiniLM-L6-v2 word embeddings, uint8 (onnxruntime dynamic quantisation; scale and zero point "
                    "also stay in each network), frozen in every fine-tuning: derived at load from the pinned "
                    "package's float table for the five shipped networks, none of which holds a copy",
            "written_by": "python -m veracity_train.share_embeddings"}
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return meta_path


def split(path: Path, log: Log = print, root: Path = MODELS_DIR) -> dict[str, Any]:
    """Rewrite the int8 network at ``path`` without the shared word table (in place).

    Returns what the network's metadata records of the stored file: ``sha256``, ``bytes`` and
    ``shared_table`` (the table's path under the models folder, or None when left full); after a
    split also ``full_sha256``, the export's own hash, which a retraining reproduces."""
    import onnx
    from onnx import TensorProto, numpy_helper

    path = Path(path)
    raw = path.read_bytes()
    model = onnx.load_from_string(raw)
    if any(t.name == SHARED_TABLE for t in model.graph.initializer):
        return {"sha256": file_sha256(path), "bytes": len(raw), "shared_table": SHARED_META}
    t = _word_table(model)
    table = numpy_helper.to_array(t)
    full_note = {"sha256": file_sha256(path), "bytes": len(raw), "shared_table": None, "full_sha256": file_sha256(path)}
    shared = shared_table(root)
    if shared is None:
        scale, zero_point = _quant_params(model, t.name)
        spec = DerivedTable(SOURCE_PACKAGE, SOURCE_FILE, SOURCE_TENSOR, TABLE_SHAPE, scale, zero_point, "")
        shared, digest = derive_table(spec)
        if shared.dtype != table.dtype or not np.array_equal(shared, table):
            log(f"{path}: its word-embedding table differs from the one derived from {SOURCE_PACKAGE}; stored in full")
            return full_note
        log(f"wrote the shared word-embedding table's recipe and sha256: "
            f"{write_meta(dataclasses.replace(spec, sha256=digest), root)}")
    elif shared.dtype != table.dtype or not np.array_equal(shared, table):
        log(f"{path}: its word-embedding table differs from the one {root / SHARED_META} describes; stored in full")
        return full_note
    old = t.name
    for node in model.graph.node:
        node.input[:] = [SHARED_TABLE if i == old else i for i in node.input]
    for g_in in model.graph.input:  # older exporters list initializers as graph inputs too
        if g_in.name == old:
            g_in.name = SHARED_TABLE
    dtype, dims = t.data_type, list(t.dims)
    t.Clear()
    t.name, t.data_type, t.data_location = SHARED_TABLE, dtype, TensorProto.EXTERNAL
    t.dims.extend(dims)
    entry = t.external_data.add()
    entry.key, entry.value = "location", SHARED_TABLE
    prop = model.metadata_props.add()
    prop.key, prop.value = ORIGINAL_NAME, old
    data = model.SerializeToString()
    full, cut = _outputs(raw, None), _outputs(data, np.ascontiguousarray(table))
    if len(full) != len(cut) or any(a.dtype != b.dtype or a.tobytes() != b.tobytes() for a, b in zip(full, cut)):
        raise RuntimeError(f"{path}: the split network's outputs differ from the full one's; not written")
    path.write_bytes(data)
    log(f"{path}: {len(raw) / 1e6:.1f} -> {len(data) / 1e6:.1f} MB (the word table now derived at load: {SHARED_META})")
    return {"sha256": file_sha256(path), "bytes": len(data), "shared_table": SHARED_META,
            "full_sha256": hashlib.sha256(raw).hexdigest()}


def join(path: Path, root: Path = MODELS_DIR) -> bytes:
    """The full network that :func:`split` made ``path`` from (its bytes): the shared table back
    in place under its former name."""
    import onnx

    model = onnx.load_from_string(Path(path).read_bytes())
    props = [p for p in model.metadata_props if p.key == ORIGINAL_NAME]
    if len(props) != 1:
        raise ValueError(f"{path} is not a split network (no {ORIGINAL_NAME} in its metadata)")
    old = props[0].value
    model.metadata_props.remove(props[0])
    table = shared_table(root)
    if table is None:
        raise ValueError(f"no shared table under {root}")
    for node in model.graph.node:
        node.input[:] = [old if i == SHARED_TABLE else i for i in node.input]
    for g_in in model.graph.input:
        if g_in.name == SHARED_TABLE:
            g_in.name = old
    t = next(t for t in model.graph.initializer if t.name == SHARED_TABLE)
    dtype, dims = t.data_type, list(t.dims)
    t.Clear()
    t.dims.extend(dims)
    t.data_type, t.name, t.raw_data = dtype, old, np.ascontiguousarray(table).tobytes()
    return model.SerializeToString()


def stored_note(meta: dict[str, Any], width: int = 64) -> str:
    """How a training report names the stored file: its sha256 and, when split, the export's."""
    cut = "…" if width < 64 else ""
    note = f"sha256 `{meta['sha256'][:width]}{cut}` (checked at load)"
    if meta.get("shared_table"):
        full = meta.get("full_sha256", "")
        note += (f", stored without the shared word-embedding table (derived at load from the pinned MiniLM package, "
                 f"`models/{meta['shared_table']}`; the export itself: sha256 `{full[:width]}{cut}`)")
    return note


def update_meta(meta_path: Path, stored: dict[str, Any]) -> None:
    """Record the stored file's sha256, size and shared table in a network's metadata."""
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(stored)
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Split every shipped network that is still full; update its metadata and the manifest."""
    from . import manifest

    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else MODELS_DIR
    for onnx_rel, meta_rel in NETWORKS:
        stored = split(root / onnx_rel, root=root)
        update_meta(root / meta_rel, stored)
    print(f"wrote {manifest.write(root)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
