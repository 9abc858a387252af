"""How well HTML main-text extraction keeps the article and drops the boilerplate.

Data: ../shared/data/html/trafilatura_eval (990 real pages; for each, snippets that must be in
the extracted text, ``with``, and boilerplate that must not, ``without``). The score is the one
trafilatura's own evaluation uses: a ``with`` snippet found is a true positive, missed a false
negative; a ``without`` snippet found is a false positive, absent a true negative. Precision =
TP/(TP+FP), recall = TP/(TP+FN). Whitespace is collapsed on both sides before matching, because
line breaks between blocks are a layout choice, not content.

    .venv/bin/python benchmarks/extraction.py            # all configurations, all pages
    .venv/bin/python benchmarks/extraction.py --limit 200 --configs defaults,veracity
    .venv/bin/python benchmarks/extraction.py --ingest-speed   # ingest cost per .txt / .html article
    .venv/bin/python benchmarks/extraction.py --metadata       # title / byline / date accuracy
    .venv/bin/python benchmarks/extraction.py --language       # English-or-not vs <html lang>

Outputs per configuration are cached under /tmp/veracity-cache/ingest/extraction/ (keyed by the
configuration and the installed trafilatura version) so a re-run only scores; ``--no-cache``
recomputes. This set is not held out: it is what the chosen settings were tuned on.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / ".." / "shared" / "data" / "html" / "trafilatura_eval"
CACHE = Path("/tmp/veracity-cache/ingest/extraction")

import trafilatura  # noqa: E402

from veracity.ingest import html as vhtml  # noqa: E402

# Plain trafilatura configurations compared against the one ingest uses ("veracity", which adds
# its own fallback and clean-up on top of the chosen trafilatura settings).
CONFIGS: dict[str, dict] = {
    "defaults": {},
    "no_comments": {"include_comments": False},
    "precision": {"include_comments": False, "favor_precision": True},
    "recall": {"include_comments": False, "favor_recall": True},
    "precision_no_tables": {"include_comments": False, "favor_precision": True, "include_tables": False},
    "no_comments_no_tables": {"include_comments": False, "include_tables": False},
    "precision_dedup": {"include_comments": False, "favor_precision": True, "deduplicate": True},
    "precision_fast": {"include_comments": False, "favor_precision": True, "fast": True},
}

WS = re.compile(r"\s+")
LANG_ATTR = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.I)


def norm(s: str) -> str:
    return WS.sub(" ", s).strip()


def meta_norm(s: str | list) -> str:
    """Metadata match: case, spacing, dash and ellipsis variants do not count as errors."""
    if isinstance(s, list):  # several gold authors
        s = "; ".join(map(str, s))
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")
    return norm(s).lower()


def load_pages(limit: int | None) -> list[dict]:
    meta = json.loads((DATA / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, entry in sorted(meta.items()):
        name = entry["file"] + ".gz"
        path = DATA / "eval" / name
        if not path.exists():
            path = DATA / "cache" / name
        pages.append({"url": url, "path": path, "with": entry.get("with", []), "without": entry.get("without", []),
                      "gold": {k: entry.get(k) for k in ("title", "author", "date")}})
    return pages[:limit] if limit else pages


def page_language(raw: bytes) -> str:
    m = LANG_ATTR.search(raw[:20000])
    if not m:
        return "unknown"
    lang = m.group(1).decode().lower()
    return lang if lang in ("en", "de") else "other"


def extractor(name: str) -> Callable[[bytes], str]:
    if name == "veracity":
        return lambda raw: vhtml.extract_html(raw).text
    kwargs = CONFIGS[name]
    return lambda raw: trafilatura.extract(raw, **kwargs) or ""


def run_config(name: str, pages: list[dict], use_cache: bool) -> tuple[list[str], float]:
    key = json.dumps([name, CONFIGS.get(name), vhtml.EXTRACT_SETTINGS if name == "veracity" else None,
                      vhtml.SETTINGS_VERSION if name == "veracity" else None, trafilatura.__version__, len(pages)], sort_keys=True)
    path = CACHE / f"{name}-{hashlib.sha256(key.encode()).hexdigest()[:12]}.json"
    if use_cache and path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        return data["texts"], data["seconds"]
    fn = extractor(name)
    texts, t0 = [], time.perf_counter()
    for page in pages:
        raw = gzip.decompress(page["path"].read_bytes())
        try:
            texts.append(fn(raw))
        except Exception as exc:  # a benchmark records a crash as an empty extraction and goes on
            print(f"  {name}: {page['path'].name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            texts.append("")
    seconds = time.perf_counter() - t0
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"texts": texts, "seconds": seconds}), encoding="utf-8")
    return texts, seconds


def score(pages: list[dict], texts: list[str], langs: list[str], only: str | None = None) -> dict:
    tp = fn = fp = tn = 0
    for page, text, lang in zip(pages, texts, langs):
        if only and lang != only:
            continue
        t = norm(text)
        for s in page["with"]:
            if norm(s) in t:
                tp += 1
            else:
                fn += 1
        for s in page["without"]:
            if norm(s) in t:
                fp += 1
            else:
                tn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = (tp + tn) / max(1, tp + fn + fp + tn)
    return {"precision": p, "recall": r, "f1": f1, "accuracy": acc, "pages": sum(1 for x in langs if not only or x == only)}


def ingest_speed(pages: list[dict]) -> None:
    """Ingest cost per article, CPU time (the machine is shared, so wall time is noisy)."""
    from veracity.ingest import iter_articles
    from veracity.options import Options

    bbc = ROOT / ".." / "shared" / "data" / "corpus" / "bbc-news"
    folders = sorted(str(p) for p in bbc.iterdir() if p.is_dir())
    t0, c0 = time.perf_counter(), time.process_time()
    items = list(iter_articles(folders, Options()))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    bad = sum(1 for i in items if not hasattr(i, "text"))
    print(f"txt  (bbc-news, {len(items)} files, {bad} errors): {1000 * cpu / len(items):.2f} ms CPU/article, "
          f"{1000 * wall / len(items):.2f} ms wall/article")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, page in enumerate(pages):
            path = Path(tmp) / f"{i}.html"
            path.write_bytes(gzip.decompress(page["path"].read_bytes()))
            paths.append(str(path))
        opts = Options(allow_non_english=True)
        t0, c0 = time.perf_counter(), time.process_time()
        items = list(iter_articles(paths, opts))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    bad = sum(1 for i in items if not hasattr(i, "text"))
    print(f"html (trafilatura_eval, {len(items)} pages, {bad} errors): {1000 * cpu / len(items):.1f} ms CPU/page, "
          f"{1000 * wall / len(items):.1f} ms wall/page")


def metadata(pages: list[dict], use_cache: bool) -> None:
    """Title, byline and date as ingest reports them, against the gold metadata of the pages
    that have it, for the date settings ingest uses and for htmldate's extensive search."""
    variants = {"dates from markup only": {"extensive_search": False, "original_date": True},
                "extensive date search": {"extensive_search": True, "original_date": True}}
    chosen = next(k for k, v in variants.items() if v == vhtml.DATE_PARAMS)
    print(f"{'metadata (* = ingest)':<28} {'title':>7} {'byline':>7} {'date':>7} {'CPU ms/page':>12}")
    for label, params in variants.items():
        key = json.dumps(["meta-cpu", params, vhtml.EXTRACT_SETTINGS, vhtml.SETTINGS_VERSION, trafilatura.__version__, len(pages)], sort_keys=True)
        path = CACHE / f"meta-{hashlib.sha256(key.encode()).hexdigest()[:12]}.json"
        if use_cache and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
        else:
            vhtml.DATE_PARAMS.clear()
            vhtml.DATE_PARAMS.update(params)
            rows, t0 = [], time.process_time()
            for page in pages:
                try:
                    e = vhtml.extract_html(gzip.decompress(page["path"].read_bytes()))
                    rows.append({"title": e.title, "author": e.byline, "date": e.date})
                except Exception:  # an unreadable page counts as all fields missed
                    rows.append({"title": None, "author": None, "date": None})
            data = {"rows": rows, "cpu_seconds": time.process_time() - t0}
            CACHE.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(data), encoding="utf-8")
        acc = {}
        for field in ("title", "author", "date"):
            pairs = [(r[field], p["gold"][field]) for r, p in zip(data["rows"], pages) if p["gold"].get(field)]
            hits = sum(1 for got, gold in pairs if got and meta_norm(got) == meta_norm(gold))
            acc[field] = (hits / max(1, len(pairs)), len(pairs))
        mark = "*" if label == chosen else " "
        print(f"{mark}{label:<27} {acc['title'][0]:7.3f} {acc['author'][0]:7.3f} {acc['date'][0]:7.3f} "
              f"{1000 * data['cpu_seconds'] / len(pages):12.1f}   (pages with gold: {acc['title'][1]} / {acc['author'][1]} / {acc['date'][1]})")
        vhtml.DATE_PARAMS.clear()
        vhtml.DATE_PARAMS.update(variants[chosen])


def language_check(pages: list[dict], use_cache: bool) -> None:
    """Ingest's English / not-English decision on the extracted texts, against the pages'
    declared <html lang> (a silver label: some sites declare the wrong language), plus the
    BBC corpus, which is all English."""
    from veracity.ingest.language import detect

    texts, _ = run_config("veracity", pages, use_cache)
    langs = [page_language(gzip.decompress(p["path"].read_bytes())) for p in pages]
    rows = {"en": [0, 0, 0], "de": [0, 0, 0], "other": [0, 0, 0]}  # English / not English / unknown
    for text, lang in zip(texts, langs):
        if lang == "unknown":
            continue
        got = detect(text)
        rows[lang][0 if got == "en" else 2 if got is None else 1] += 1
    print(f"{'<html lang>':<12} {'pages':>6} {'-> en':>6} {'-> not en':>10} {'-> unknown':>11}")
    for lang, (en, other, unk) in rows.items():
        print(f"{lang:<12} {en + other + unk:6d} {en:6d} {other:10d} {unk:11d}")
    bbc = ROOT / ".." / "shared" / "data" / "corpus" / "bbc-news"
    files = sorted(p for p in bbc.glob("*/*.txt"))
    got = [detect(f.read_bytes().decode("utf-8", "replace")) for f in files]
    print(f"bbc-news: {len(files)} articles, {sum(1 for g in got if g == 'en')} detected English")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by URL)")
    ap.add_argument("--configs", default=",".join([*CONFIGS, "veracity"]))
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--language", action="store_true", help="check the language decision instead")
    ap.add_argument("--metadata", action="store_true", help="score title, byline and date instead")
    ap.add_argument("--ingest-speed", action="store_true", help="time ingest of the BBC .txt corpus and the HTML pages instead")
    args = ap.parse_args()
    import logging

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    pages = load_pages(args.limit)
    if args.ingest_speed:
        ingest_speed(pages)
        return
    if args.metadata:
        metadata(pages, not args.no_cache)
        return
    if args.language:
        language_check(pages, not args.no_cache)
        return
    langs = [page_language(gzip.decompress(p["path"].read_bytes())) for p in pages]
    counts = {k: langs.count(k) for k in sorted(set(langs))}
    print(f"pages: {len(pages)}  by <html lang>: {counts}  trafilatura {trafilatura.__version__}")
    header = (f"{'config':<24} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} | {'P en':>6} {'R en':>6} {'F1 en':>6} | "
              f"{'F1 de':>6} {'F1 oth':>6} | {'ms/page':>7}")
    print(header)
    print("-" * len(header))
    for name in args.configs.split(","):
        texts, seconds = run_config(name, pages, not args.no_cache)
        s = score(pages, texts, langs)
        by = {k: score(pages, texts, langs, k)["f1"] for k in ("en", "de")}
        en = score(pages, texts, langs, "en")
        # "other": pages whose <html lang> is neither en nor de, including none declared.
        rest = [i for i, l in enumerate(langs) if l not in ("en", "de")]
        o = score([pages[i] for i in rest], [texts[i] for i in rest], ["x"] * len(rest))
        print(f"{name:<24} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['accuracy']:6.3f} | "
              f"{en['precision']:6.3f} {en['recall']:6.3f} {by['en']:6.3f} | "
              f"{by['de']:6.3f} {o['f1']:6.3f} | {1000 * seconds / max(1, len(pages)):7.1f}")


if __name__ == "__main__":
    main()
