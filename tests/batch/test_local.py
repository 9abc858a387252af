from veracity.batch.local import peak_rss_mb, run_parallel
from veracity.errors import InputError
from veracity.model import Article
from veracity.options import Options


def test_parallel_run_keeps_order_and_survives_bad_items():
    opts = Options(stages=("text.spacy.v1", "claims.extract.v1"))
    items = [
        Article.create("The mayor said 40 homes were flooded.", source_path="a"),
        InputError("empty input", source="b"),
        Article.create("Prices rose 3% in March, the ONS said.", source_path="c"),
        InputError("binary data", source="d"),
    ]
    out = list(run_parallel(items, opts, 2))
    assert [r.source for r, _, _ in out] == ["a", "b", "c", "d"]
    assert [r.ok for r, _, _ in out] == [True, False, True, False]
    assert out[2][0].dossier.claims[0].span.text.startswith("Prices rose")
    assert all(pid > 0 for (r, pid, _) in out if r.ok)


def test_peak_rss_is_measured():
    assert peak_rss_mb() > 10
