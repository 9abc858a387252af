"""Rules added for the blind sets 77-80 (session 28), each on the sentence shape that needed it:
a figure agreeing under a neighbouring noun, places of two different things, a town that is a
province itself, a post never held, prison terms, a nationality that is no acting country."""

from veracity.verify.contradiction import contradictions
from veracity.verify.figures import agreeing_numbers
from veracity.verify.reading import read
from veracity.verify.roles import check_roles
from veracity.verify.terms import check_terms, terms
from veracity.verify.where import check_places

PUB = "2026-07-10"


def test_a_figure_agrees_under_a_neighbouring_noun():
    claim = "ending a closure that had left more than 1,200 trucks stranded on both sides of the frontier"
    assert agreeing_numbers(claim, "More than 1,200 lorries had been held up on the two sides of the border.")
    # ... not under an unrelated noun
    assert not agreeing_numbers(claim, "More than 1,200 passengers had been held up on the two sides of the border.")


def test_places_of_two_different_things_are_not_compared():
    claim = read("A court in Brussels has approved the extradition to Sierra Leone of Ibrahim Kamara-Vos.", PUB)
    ev = read("Lawyers for Kamara-Vos said the extradition request was the product of a political feud in Freetown.", PUB)
    assert check_places(claim, ev) == []
    # ... a court elsewhere is still another place
    other = read("A court in Antwerp has approved the extradition to Sierra Leone of Ibrahim Kamara-Vos.", PUB)
    assert [c.kind for c in check_places(claim, other)] == ["place"]


def test_a_town_that_is_a_province_itself_lies_in_no_other_province():
    claim = read("The new justices were sworn in at State House in Harare on Tuesday.", PUB)
    ev = read("The three new judges took their oath on Tuesday at State House in Bulawayo, a spokesman said.", PUB)
    assert [c.kind for c in check_places(claim, ev)] == ["place"]


def test_a_post_never_held():
    claim = read("The longest sentence, nine years, went to Chen Wei-lun, a former deputy director of process integration.", PUB)
    ev = read("Chen Wei-lun was a section manager when he resigned in 2024 and had never held a deputy director post.", PUB)
    assert [c.kind for c in check_roles(claim, ev)] == ["role"]
    # ... never a director says nothing of a deputy director
    director = read("Chen Wei-lun was a section manager when he resigned in 2024 and had never held a director post.", PUB)
    assert check_roles(claim, director) == []


def test_prison_terms_are_compared_by_kind():
    assert [(s.text, k) for s, k, _ in terms("He faces up to 15 years in prison if convicted.")] == [("up to 15 years", "ceiling")]
    assert terms("Kamara-Vos, a 52-year-old trader, arrived two years ago.") == []  # an age, a time ago: no term
    serve = read("The captain will serve 12 years.", PUB)
    assert [c.kind for c in check_terms(serve, read("The captain is serving a 15-year sentence in Praia.", PUB))] == ["number"]
    assert check_terms(serve, read("The captain is serving a 12-year sentence in Praia.", PUB)) == []
    # a ceiling is not a term: "up to 15 years" and "was jailed for 10 years" can both hold
    faces = read("He faces up to 15 years in prison if convicted.", PUB)
    assert check_terms(faces, read("A co-accused was jailed for 10 years.", PUB)) == []
    assert [c.kind for c in check_terms(faces, read("The charges carry a maximum penalty of 10 years' imprisonment.", PUB))] == ["number"]
    # a change gives both terms: either agrees
    assert check_terms(read("The court cut his sentence to eight years.", PUB), read("Judges reduced his sentence from eight to six years.", PUB)) == []


def test_a_nationality_is_no_acting_country():
    claim = "The captain, a Montenegrin national named Darko Vukic, will serve 12 years"
    ev = ("Montenegro's foreign ministry said on Wednesday that Darko Vukic, the captain of the Atlantic Meridian, is serving "
          "a 15-year sentence in Cape Verde.")
    assert [c.kind for c in contradictions(claim, ev, 0.78, PUB, PUB)] == ["number"]


def test_a_treaty_one_side_says_there_is_none_of():
    from veracity.verify.existence import check_existence

    claim = read("Belgium and Sierra Leone have no bilateral extradition treaty, Sesay said.", PUB)
    ev = read("The request had been processed under the bilateral extradition agreement the two countries signed in 2019.", PUB)
    assert [c.kind for c in check_existence(claim, ev)] == ["negation"]
    # ... another kind of agreement, or one the evidence also says there is none of, is no conflict
    assert check_existence(claim, read("The request was processed under the bilateral trade agreement.", PUB)) == []
    assert check_existence(claim, read("There is still no bilateral extradition treaty between the two.", PUB)) == []


def test_a_figure_of_a_separate_event_confirms_nothing():
    claim = "About 2,500 Finnish conscripts will take part, most of them from the Jaeger Brigade."
    assert not agreeing_numbers(claim, "The Defence Forces said about 2,500 conscripts would take part in a separate exercise in May.")
    assert agreeing_numbers(claim, "The Defence Forces said about 2,500 conscripts would take part in the exercise.")


def test_a_divisions_figure_is_not_the_companys():
    from veracity.verify.figures import check_numbers

    claim = read("Brenner Stahl said its sales fell 11 percent to 2.9 billion euros.", PUB)
    assert check_numbers(claim, read("Sales in the flat steel division fell 11 percent to 1.7 billion euros.", PUB)) == []
    assert [c.kind for c in check_numbers(claim, read("Group sales fell 11 percent to 1.7 billion euros.", PUB))] == ["number"]


def test_figures_of_two_months_and_of_a_company_and_its_province():
    claim = "Cordillera, headed by Mariana Sosa, pumped an average of 148,000 barrels a day in May"
    april = "Bertoldi said Cordillera produced an average of 141,000 barrels a day in April."
    province = "Crude output in Neuquen averaged roughly 612,000 barrels a day in May, the highest on record."
    assert contradictions(claim, april, 0.8, PUB, PUB) == ()
    assert contradictions(claim, province, 0.7, PUB, PUB) == ()
    same_month = "Bertoldi said Cordillera produced an average of 141,000 barrels a day in May."
    assert [c.kind for c in contradictions(claim, same_month, 0.8, PUB, PUB)] == ["number"]


def test_a_sum_for_another_purpose():
    from veracity.verify.contradiction import purposes_apart

    claim = read("Fiji's government has set aside about 3 million Fiji dollars to host the exercise.", PUB)
    boats = read("Fiji's parliament on Thursday approved about 3 million Fiji dollars to buy four fast boats for the police "
                 "maritime unit, which patrols the waters around Lautoka.", PUB)
    assert purposes_apart(claim, boats)
    assert not purposes_apart(claim, read("The cabinet approved about 3 million Fiji dollars to host the naval exercise.", PUB))


def test_a_takeover_dated_days_apart():
    claim = "Soldiers and police took over the mine's offices and processing plant on Wednesday night"
    ev = ("Police and army units occupied the offices and processing plant of the Cerro Rojo mine in the early hours of "
          "Monday, regional police commander Colonel Javier Flores said.")
    # an article of Friday 8 May against a report of Tuesday 5 May: the 6th against the 4th
    assert [c.kind for c in contradictions(claim, ev, 0.7, "2026-05-08", "2026-05-05")] == ["date"]
    # ... the same day named on both sides agrees
    same = ev.replace("in the early hours of Monday", "on Wednesday night")
    assert contradictions(claim, same, 0.7, "2026-05-08", "2026-05-07") == ()
    # ... and undated reports compare no weekdays
    assert contradictions(claim, ev, 0.7, None, None) == ()


def test_out_of_a_place_is_where_a_thing_comes_from():
    claim = read("A court in Brussels has approved the extradition to Sierra Leone of Ibrahim Kamara-Vos, a Belgian-Sierra "
                 "Leonean diamond trader accused of smuggling uncut stones worth 11 million dollars out of Kono District.", PUB)
    ev = read("Lawyers for Ibrahim Kamara-Vos rejected all the accusations against the diamond trader on Wednesday and said "
              "the extradition request was the product of a political feud in Freetown.", PUB)
    assert check_places(claim, ev) == []


def test_terms_of_two_people_are_not_compared():
    claim = read("The appeal court acquitted the co-defendant, Sophie Marx, a former compliance officer who had received an "
                 "18-month suspended sentence at first instance.", PUB)
    ev = read("Prosecutors had asked the court only to confirm the six-year sentence handed to Marc Feltgen.", PUB)
    assert check_terms(claim, ev) == []
    own = read("Prosecutors said Sophie Marx had received a two-year suspended sentence at first instance.", PUB)
    assert [c.kind for c in check_terms(claim, own)] == ["number"]


def test_figures_for_two_years_are_not_a_wrong_date():
    claim = "Sri Lanka exported 245 million kilograms of tea last year, earning about 1.4 billion dollars"
    ev = "Export earnings for the whole of 2024 were 1.43 billion dollars, the board said."
    assert [c.kind for c in contradictions(claim, ev, 0.7, "2026-07-05", "2026-07-02")] == []


def test_reports_called_premature_are_denied():
    claim = "His lawyer, Paul Reding, said his client would appeal to the Court of Cassation"
    ev = ("Paul Reding, who represents Marc Feltgen, said on Thursday that no decision had been taken on a further appeal "
          "and that reports his client would go to the Court of Cassation were premature.")
    assert "denial" in [c.kind for c in contradictions(claim, ev, 0.7, PUB, PUB)]
    # ... a premature verdict on something else denies nothing of the claim
    other = "Reding said talk of a settlement with the prosecutors was premature."
    assert "denial" not in [c.kind for c in contradictions(claim, other, 0.5, PUB, PUB)]
