"""Issue 21's budget: CPU milliseconds per BBC article of bare spaCy and of one MiniLM pass (2 and 6
layers, one tiling of 256-piece windows) over the same text, in one process.

    .venv/bin/python benchmarks/attribution_budget.py

CPU time (getrusage), so a busy machine does not change the figures much. It says what an
attribution network can cost if the whole dossier is to run at a given share of bare spaCy.
"""
import glob, json, os, time, resource
import numpy as np
from pathlib import Path
os.environ.setdefault("OMP_NUM_THREADS", "1")
files = sorted(glob.glob("/work/shared/data/corpus/bbc-news/*/*.txt"))[::7][:150]
texts = [Path(f).read_text(encoding="latin-1") for f in files]
def cpu(): r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
from veracity.text import nlp as nlp_mod
nlp = nlp_mod.load()
list(nlp.pipe(texts[:5]))
t = cpu(); docs = list(nlp.pipe(texts, batch_size=32)); spacy_s = cpu() - t
from tokenizers import Tokenizer
from veracity.assets import MINILM_TOKENIZER, verified_path
from veracity.onnxrun import checked_session
tok = Tokenizer.from_file(str(verified_path(MINILM_TOKENIZER))); tok.no_padding(); tok.no_truncation()
W = 256
windows = []
for tx in texts:
    ids = tok.encode(tx, add_special_tokens=False).ids
    for s in range(0, max(len(ids), 1), W - 2):
        windows.append([101] + ids[s:s + W - 2] + [102])
pieces = sum(len(w) for w in windows)
def run(path, name):
    sess = checked_session(Path(path), None, name, "-")
    names = [i.name for i in sess.get_inputs()]
    t = cpu()
    for w in windows:
        a = np.array([w], dtype=np.int64)
        feed = {"input_ids": a, "attention_mask": np.ones_like(a)}
        if "token_type_ids" in names: feed["token_type_ids"] = np.zeros_like(a)
        feed = {k: v for k, v in feed.items() if k in names}
        sess.run(None, feed)
    return cpu() - t
m = "src/veracity/models"
l2 = run(f"{m}/checkworthy/student/model.onnx", "student (2 layers)")
l6 = run(f"{m}/attribution/tagger/model.onnx", "tagger (6 layers)")
n = len(texts)
print(json.dumps({"articles": n, "pieces": pieces, "windows": len(windows),
  "spacy_cpu_ms_per_article": round(1000*spacy_s/n, 1),
  "minilm2_one_tiling_ms_per_article": round(1000*l2/n, 1),
  "minilm6_one_tiling_ms_per_article": round(1000*l6/n, 1)}, indent=1))
