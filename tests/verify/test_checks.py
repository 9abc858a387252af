from veracity.verify.checks import antonyms, numbers, run_checks


def kinds(claim, evidence):
    return sorted(c.kind for c in run_checks(claim, evidence))


def test_numbers_disagreeing_on_the_same_unit():
    claim = "Britain will send 10,000 troops to Ukraine."
    evidence = "Britain is ready to send 30,000 troops to Ukraine, officials said."
    fired = run_checks(claim, evidence)
    assert [c.kind for c in fired] == ["number"]
    assert fired[0].claim[0].text == "10,000" and fired[0].evidence[0].text == "30,000"
    assert evidence[fired[0].evidence[0].start:fired[0].evidence[0].end] == "30,000"


def test_agreeing_numbers_and_unrelated_sentences_do_not_fire():
    assert kinds("Britain will send 10,000 troops to Ukraine.", "Britain will send about 10,000 troops to Ukraine.") == []
    assert kinds("Britain will send 10,000 troops to Ukraine.", "The orchestra played 30,000 notes in Vienna.") == []


def test_years_negation_antonyms_roles():
    assert "date" in kinds("The treaty was signed in Paris in 2015.", "The treaty was signed in Paris in 2016.")
    assert kinds("Global temperatures have not risen since 1998.", "Global temperatures have risen since 1998.") == ["negation"]
    fired = run_checks("Arctic sea ice is increasing.", "Arctic sea ice is decreasing rapidly.")
    assert [c.kind for c in fired] == ["antonym"] and fired[0].evidence[0].text == "decreasing"
    assert "role" in kinds("Former president Joe Biden visited Kyiv.", "President Joe Biden visited Kyiv on Monday.")


def test_wordnet_antonyms_are_read_from_the_debian_files():
    table = antonyms()
    assert "decrease" in table["increase"] and "cool" in table["warm"]


def test_number_parsing_scales_and_percent():
    got = [(n.value, n.unit) for n in numbers("It rose 2% to 3.5 million people and 40 per cent")]
    assert got == [(2.0, "%"), (3_500_000.0, "people"), (40.0, "%")]


def test_a_ceiling_gives_no_figure_far_below_it():
    from veracity.verify.figures import agreeing_numbers, unconfirmed_figure
    from veracity.verify.reading import read

    claim, ev = "about 40,000 litres spilled into a creek", "up to 95,000 litres of crude oil were released at the site"
    assert agreeing_numbers(claim, ev) == ()
    assert agreeing_numbers("about 90,000 litres spilled into a creek", ev)
    assert unconfirmed_figure(read(claim), read(ev)) == "about 40,000 litres"
    assert unconfirmed_figure(read(claim), read("roughly 40,000 litres of crude reached a creek")) is None
