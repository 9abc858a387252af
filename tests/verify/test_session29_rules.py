"""Rules added in session 29: a claim's origins include the speaker of a trailing report clause
and, for a sentence naming no one, the previous sentence's speaker; two weekdays of one past
event with a report undated are no support."""

from veracity import analysis
from veracity.verify.judge import judge, load
from veracity.verify.stage import query
from veracity.verify.weekdays import undated_weekdays_apart

ARTICLE = ("Sri Lanka's regional plantation companies have agreed to raise the daily wage of tea estate workers to "
           "1,750 rupees from 1,350 rupees, Labour Minister Ruwan Jayasekara announced on Monday. The agreement, "
           "signed at the Labour Secretariat in Colombo, covers about 160,000 workers on estates run by 20 plantation "
           "companies.\n\nThe new rate applies from July 1.")


def test_the_announcing_minister_is_an_origin_of_the_lead_and_of_the_sentence_after_it():
    d = analysis.analyze_text(ARTICLE, published="2026-07-07")
    keys = [{o.key for o in query(d, c).origins} for c in d.claims]
    assert "person:ruwan jayasekara" in keys[0]
    assert "person:ruwan jayasekara" in keys[1]  # "The agreement ... covers": no one named, the minister's figures
    # ... but not across a paragraph break
    last = next(k for c, k in zip(d.claims, keys) if c.span.text.startswith("The new rate"))
    assert "person:ruwan jayasekara" not in last


CLAIM = "Soldiers and police took over the mine's offices and processing plant on Wednesday night"
OTHER_DAY = ("Police and army units occupied the offices and processing plant of the Cerro Rojo mine in the early hours "
             "of Monday, regional police commander Colonel Javier Flores said.")
SAME_DAY = ("Police and army units occupied the offices and processing plant of the Cerro Rojo mine on Wednesday night, "
            "regional police commander Colonel Javier Flores said on Thursday.")


def test_another_weekday_of_the_event_is_no_support_when_a_report_is_undated():
    assert undated_weekdays_apart(CLAIM, OTHER_DAY, None, "2026-05-05")
    assert undated_weekdays_apart(CLAIM, OTHER_DAY, None, None)
    assert not undated_weekdays_apart(CLAIM, SAME_DAY, None, None)  # the statement's own day is not the event's
    assert not undated_weekdays_apart(CLAIM, OTHER_DAY, "2026-05-08", "2026-05-05")  # dated: the date check's
    assert not undated_weekdays_apart("Troops will take over the plant on Wednesday", OTHER_DAY, None, None)  # to come


def test_the_judge_takes_no_side_on_an_undated_other_weekday_and_refutes_a_dated_one():
    m = load()
    [undated] = judge(m, CLAIM, [OTHER_DAY], [0.70], None, ["2026-05-05"])
    assert undated.stance == "nei"
    [dated] = judge(m, CLAIM, [OTHER_DAY], [0.70], "2026-05-08", ["2026-05-05"])
    assert dated.stance == "refutes" and [c.kind for c in dated.checks] == ["date"]
    [same] = judge(m, CLAIM, [SAME_DAY], [0.69], None, [None])
    assert same.stance == "supports"


def test_the_other_side_of_talks_is_not_the_source_of_a_report():
    from veracity.verify.origin import _origin

    union = _origin("organisation", "the Saint Lawrence Longshore Workers' Union")
    assert not union.credited_in("The council said on Wednesday it had broken off contract talks with the Saint "
                                 "Lawrence Longshore Workers' Union.")
    assert union.credited_in("The Saint Lawrence Longshore Workers' Union said on Tuesday that 96 percent voted for a strike.")


def test_words_between_two_content_pieces_that_no_one_is_given_are_claimed():
    d = analysis.analyze_text("Peru and Bolivia reopened the border crossing at Desaguadero on Tuesday, ending a closure "
                              "that had left more than 1,200 trucks stranded on both sides of the frontier, customs "
                              "officials in both countries said.", published="2026-08-05")
    got = query(d, d.claims[0]).claimed.text
    assert "at Desaguadero on Tuesday" in got and "customs officials" not in got


def test_a_crop_is_not_one_exporters_loadings():
    from veracity.verify.figures import check_numbers
    from veracity.verify.reading import read

    claim = read("Portmar Agri expected to load 3 million tonnes of maize for export between October and March",
                 "2026-09-25")
    crop = read("The agriculture ministry said its forecast for this year's maize crop stood at 12.6 million tonnes.",
                "2026-09-24")
    assert check_numbers(claim, crop) == []
    loadings = read("Portmar Agri plans to ship 2 million tonnes of maize between October and March.", "2026-09-24")
    assert [c.kind for c in check_numbers(claim, loadings)] == ["number"]


def test_a_sale_is_not_the_holdings_left_nor_a_gross_figure_a_usable_one():
    from veracity.verify.figures import check_numbers
    from veracity.verify.reading import read

    sold = read("Bolivia's central bank sold 9 tonnes of gold from its reserves in April", "2026-05-21")
    assert check_numbers(sold, read("The council said Bolivia's remaining holdings stood at about 13 tonnes.", "2026-05-19")) == []
    assert check_numbers(sold, read("The bank would hold on to at least 10 tonnes as a strategic reserve.", "2026-05-19")) == []
    assert [c.kind for c in check_numbers(sold, read("Bolivia's central bank sold 13 tonnes of gold in April.", "2026-05-19"))] == ["number"]
    # ... "held" at a border is detained, not owned: two counts of stranded trucks still compare
    stranded = read("More than 600 trucks loaded with maize were stranded at the Kasumbalesa border post on Thursday", "2026-04-17")
    detained = read("About 140 trucks carrying maize were held at the Kasumbalesa border post on Thursday.", "2026-04-17")
    assert [c.kind for c in check_numbers(stranded, detained)] == ["number"]
    gross = read("Gross official reserves fell to 410 million dollars at the end of June", "2026-07-10")
    usable = read("Usable reserves, which exclude commercial banks' foreign currency deposits held at the central bank, "
                  "amounted to 90 million dollars.", "2026-07-08")
    assert check_numbers(gross, usable) == []
    assert [c.kind for c in check_numbers(gross, read("Gross reserves stood at 390 million dollars at the end of June.",
                                                      "2026-07-08"))] == ["number"]


def test_a_capital_that_is_also_a_word_is_a_place_after_in():
    from veracity.verify.reading import read
    from veracity.verify.where import check_places

    claim = read("The agreement was signed in Mumbai on Friday by Zahir and Ravi Menon", "2026-07-12")
    ev = read("Ravi Menon signed the currency swap agreement with Finance Minister Ibrahim Zahir in Male on Friday.", "2026-07-11")
    assert [c.kind for c in check_places(claim, ev)] == ["place"]


def test_backing_a_ban_is_for_banning():
    from veracity.verify.contradiction import check_polarity
    from veracity.verify.reading import read

    claim = read("Voters in Ecuador's southern Azuay province have backed a ban on large-scale metal mining in the "
                 "highland water catchments", "2026-03-03")
    for_ban = read("Civic Watch Ecuador said on Monday its quick count showed a clear majority in Azuay for the option "
                   "banning large-scale mining in the water catchments.", "2026-03-02")
    assert check_polarity(claim, for_ban) == []
    against = read("Voters in Azuay rejected a ban on large-scale mining in the water catchments.", "2026-03-02")
    assert [c.kind for c in check_polarity(claim, against)] == ["polarity"]


def test_seats_one_party_lost_are_not_the_seats_others_gained():
    from veracity.verify.direction import check_direction
    from veracity.verify.reading import read

    claim = read("The three seats were reallocated to the Lesotho Workers' Front, the Sefate Democratic Alliance and "
                 "the Mountain People's Movement, each of which gained one seat.", "2026-10-15")
    ev = read("Lesotho's electoral commission has reduced the Basotho Renewal Congress's proportional seats from 12 "
              "to 9.", "2026-10-14")
    assert check_direction(claim, ev) == []
    fell = read("Shares in Ravi Pharmaceuticals fell 9 percent on Tuesday.", "2026-10-14")
    assert [c.kind for c in check_direction(read("Ravi Pharmaceuticals shares rose 4 percent on Tuesday.", "2026-10-14"),
                                            fell)] == ["polarity"]


def test_a_country_alone_takes_no_side_against_a_stance_on_another_thing():
    from veracity.verify.contradiction import check_polarity
    from veracity.verify.reading import read

    claim = read("Germany has backed the plan to send troops", None)
    assert [c.kind for c in check_polarity(claim, read("Germany rejected the proposal on Monday.", None))] == ["polarity"]
    assert check_polarity(claim, read("Germany rejected a request for more funding on Monday.", None)) == []
    # ... a stance with nothing after it is still set against a side on the plan
    others = read("Others, particularly in Scandinavia, have voiced strong opposition", None)
    assert [c.kind for c in check_polarity(others, read("Denmark, Norway and Sweden said they back the plan.", None))] == ["polarity"]
