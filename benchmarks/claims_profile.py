"""What claims.extract.v1 finds on a BBC sample: modality mix, place kinds and the names left
unresolved, quantity units, dates resolved. A robustness run (no exception may escape) and a
profile for eyeballing errors, not a quality score (there is no gold standard for these).

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/claims_profile.py 500
"""
import collections
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_speed import sample
from veracity.records import Article, Dossier
from veracity.options import Options
from veracity.text.stage import SpacyText
from veracity.claims.extract import ClaimExtractor
texts = sample(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
o = Options(reference_date="2005-03-01")
st = ClaimExtractor(o)
mods = collections.Counter(); kinds = collections.Counter(); unknown = collections.Counter(); units = collections.Counter()
dates = collections.Counter(); bad = 0; errors = 0
for d in SpacyText(o).pipe(Dossier(article=Article.create(t)) for t in texts):
    try:
        d = st(d)
    except Exception:
        errors += 1; traceback.print_exc(); continue
    text = d.article.text
    for c in d.claims:
        mods[c.modality.label] += 1
        for p in c.places:
            kinds[p.kind] += 1
            if p.kind == "unknown": unknown[p.span.text] += 1
        for q in c.quantities: units[q.unit] += 1
        for r in c.dates:
            dates["resolved" if r.value else "unresolved"] += 1
        for s in (sp for q in c.quantities for sp in [q.span]):
            bad += text[s.start:s.end] != s.text
print("articles", len(texts), "errors", errors, "inexact quantity spans", bad)
print("modality", mods.most_common())
print("place kinds", kinds.most_common())
print("unknown places", unknown.most_common(40))
print("units", units.most_common(40))
print("dates", dates)
