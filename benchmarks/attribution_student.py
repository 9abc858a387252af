"""Issue 21: CPU milliseconds per PolNeAR dev article of the tagger's network (6 layers) and of a
distilled student (2 layers, ``python -m veracity_train.attribution.student OUT``), one and two
tilings, one process, int8 ONNX; then the student's decoded dev figures with a decoder chosen on
dev by the tagger's own search (no cue pass).

    .venv/bin/python benchmarks/attribution_student.py STUDENT_DIR [--no-decode]
"""
import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from veracity.attribution.tagger import Tagger  # noqa: E402
from veracity_train.attribution import polnear, tagger_report  # noqa: E402


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    student = Path(sys.argv[1])
    arts = polnear.load_split("dev")
    for name, path in (("tagger (6 layers)", None), ("student (2 layers)", student)):
        for shifts in ((0,), (0, 95)):
            t = Tagger(shifts=shifts) if path is None else Tagger(path, shifts=shifts)
            t.pieces(arts[0]["text"])
            c = cpu()
            for a in arts:
                t.pieces(a["text"])
            print(f"{name}, tilings {len(shifts)}: {1000 * (cpu() - c) / len(arts):.1f} CPU ms per PolNeAR dev article", flush=True)
    if "--no-decode" not in sys.argv:
        for shifts in ((0,), (0, 95)):
            choice = tagger_report.choose_decode(student, log=lambda m: None, shifts=shifts)
            print(f"student, tilings {len(shifts)}: dev {choice['dev']}", flush=True)


if __name__ == "__main__":
    main()
