"""What makes two figures of one counted noun two quantities (veracity.verify.measured)."""

from veracity.verify.measured import described, level_of, position, threshold
from veracity.verify.reading import read


def _q(r, text):
    return next(q for q in r.quantities if q.span.text == text)


def test_a_threshold_a_position_a_description_and_a_level():
    r = read("The fund's coverage ratio fell to 98 percent, below the level of about 104 percent that Dutch rules require.")
    assert threshold(r, _q(r, "about 104 percent")) and not threshold(r, _q(r, "98 percent"))
    assert level_of(r, _q(r, "98 percent")) == "coverage ratio"
    r = read("Surveyors marked out the first section about 50 km north of Aranyaprathet.")
    assert position(r, _q(r, "about 50 km"))
    r = read("The vaccine will replace the 13-valent version given to infants.")
    assert described(r, _q(r, "13-valent")) == "version"
