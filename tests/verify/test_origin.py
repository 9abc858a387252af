"""Same origin read from the article's text: outlets named as relays the attribution stage keeps
no link for (the audience of "told", the outlet of "quoted by")."""

from veracity.verify.origin import _origin, article_relays, relayed_outlets


def test_the_audience_outlet_of_told_is_a_relay():
    assert relayed_outlets("The hospital was closed, a nurse at the hospital told the Winnipeg Standard.") == ["the Winnipeg Standard"]
    assert relayed_outlets("a person familiar with the talks told the newspaper El Minero.") == ["El Minero"]


def test_quoted_by_and_reported_name_the_outlet_and_stop_at_the_sentence():
    text = "according to two officials at the regulator quoted by the Daily Mombasa. The officials said more."
    assert relayed_outlets(text) == ["the Daily Mombasa"]
    assert [o.key for o in article_relays("The Daily Mombasa reported on Tuesday that ...")] == ["outlet:daily mombasa"]


def test_speakers_places_and_lower_case_audiences_are_not_relays():
    assert relayed_outlets("Salinas told reporters outside the gates, according to union president Hector Salinas.") == []
    assert relayed_outlets("Tiba reported a loss. He told Ukraine's leaders nothing.") == []


def test_an_outlet_that_reports_what_unnamed_people_told_it_is_a_relay_whatever_its_name():
    text = ("Brazil's central bank has opened an inquiry, Jornal da Esplanada reported on Tuesday, citing two people at the bank. "
            "Goldman Sachs said on Monday, citing data from the exchange, that volumes rose.")
    assert relayed_outlets(text) == ["Jornal da Esplanada"]


def test_an_outlets_name_may_start_with_any_latin_capital():
    text = "Rwanda plans to send about 2,000 more soldiers, a Western diplomat in Maputo told the newspaper Diário do Índico."
    assert relayed_outlets(text) == ["Diário do Índico"]


def test_a_name_is_credited_only_by_a_reporting_word_of_its_own_sentence():
    ministry = _origin("organisation", "the Health Ministry")
    # The recipient of a contract, followed by another speaker's "said", is no source.
    assert not ministry.credited_in("Belgian vaccine maker Veltra Biologics said on Tuesday it had signed a contract to supply "
                                    "half a million doses of its measles vaccine to the Romanian Health Ministry. Chief "
                                    "commercial officer Marc Dewulf said the first shipment would leave next week.")
    assert ministry.credited_in("The shipment will leave next week. According to the Health Ministry, it is on time.")
    assert ministry.credited_in("Doses were bought, the Health Ministry said.")


def test_a_press_noun_after_a_place_name_still_names_the_outlet():
    assert relayed_outlets("Benin agreed to host the drones, a senior Western diplomat told the Paris weekly "
                           "L'Observateur Africain.") == ["L'Observateur Africain"]


def test_an_outlet_is_found_without_the_generic_last_word_of_its_name():
    o = _origin("outlet", "Osh Teleradio News")
    assert o.credited_in("The gym had been put up without reinforcement, Osh Teleradio reported on Wednesday.")
    assert o.credited_in("The gym was unsafe, Osh Teleradio News reported.")
    assert not _origin("outlet", "Osh Teleradio").credited_in("The gym was unsafe, Osh reported.")


def test_an_outlets_desk_is_no_part_of_its_name_and_a_place_credits_no_one():
    from veracity.records import Attribution, Span

    o = _origin("outlet", "Danube Public Broadcasting, foreign desk")
    assert o.key == "outlet:danube public broadcasting"
    assert o.credited_in("Turkey is ready to talk, Danube Public Broadcasting reported, citing a diplomat.")
    src = "two diplomats at UN headquarters in New York"
    a = Attribution("a1", (Span(0, len(src), src),), (Span(0, 12, "according to"),), (Span(0, 4, "They"),), "anonymous")
    from veracity.verify.origin import claim_origins
    assert "outlet:new york" not in {x.key for x in claim_origins([a])}


def test_a_body_described_not_named_is_found_by_its_head_noun():
    o = _origin("organisation", "the organising committee")
    assert o.credited_in("The committee behind Geneva's rent-cap initiative said on Thursday it had delivered more than 12,000 signatures.")
    assert not o.credited_in("The Geneva State Chancellery said on Friday that campaigners had lodged 8,950 signatures.")
    # A named body is still found by its whole name only.
    assert not _origin("organisation", "Organising Committee of Expo 2030").credited_in("The committee said on Thursday it was ready.")


def test_a_department_of_a_thing_is_also_that_things_department():
    o = _origin("organisation", "the Department of Health")
    assert o.credited_in("The broadcaster cited the health department as saying about 1.1 million boys would be covered.")
    assert not o.credited_in("The budget department said about 1.1 million boys would be covered.")
