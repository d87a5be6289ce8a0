"""What real Dutch news does that articles written for the project did not (issue 6): one
test per class, each on new, made-up sentences."""

from generator.model import Certainty

# 1. Leads in the present tense.


def test_a_present_tense_lead_is_the_news_of_the_day(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Spanje staat Kyiv toe de geleverde raketten in te zetten tegen doelen in Rusland.",
        published="2025-02-11",
    )
    assert event.date.edtf == "2025-02-11"
    assert event.certainty is Certainty.CONFIRMED
    assert "russia" in event.places and "ukraine" not in event.places  # the target only


def test_who_strikes_russia_is_no_place_of_the_strike(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Gisteren trokken Oekraïense troepen de grens met de regio Koersk over.")
    assert event.places == ["kursk", "russia"]


def test_a_strike_on_russia_with_ukrainian_weapons_concerns_russia(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Gisteren werd een raffinaderij in de regio Koersk geraakt door Oekraïense drones."
    )
    assert event.places == ["kursk", "russia"]


def test_a_delivery_concerns_its_recipient(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Gisteren leverde Spanje zes tanks aan Oekra\u00efne.")
    assert event.places == ["ukraine"]


def test_a_permission_that_names_no_weapon_concerns_the_suppliers_weapons(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Gisteren hief president Biden een deel van de beperkingen op.")
    assert event.weapons == ["us-weapons"]


def test_a_separable_verb_in_a_lead_is_one_happening(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "De Verenigde Staten schorten de levering van artilleriegranaten aan Oekraïne op.",
        published="2025-02-11",
    )
    assert event.date.edtf == "2025-02-11" and event.weapons == ["ammunition"]


def test_a_statement_in_the_perfect_later_on_is_news_of_the_day(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren kondigde Berlijn nieuwe steun aan.\n\n"
        "De Russische president heeft gevraagd een regeringscommissie op te richten.",
        published="2025-02-11",
    )
    assert [e.date.edtf for e in events] == ["2025-02-10", "2025-02-11"]


def test_now_in_a_description_later_on_makes_no_happening(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren kondigde Parijs de levering van Mirage-toestellen aan.\n\n"
        "De Mirage is nu vooral uitgerust voor luchtverdediging.",
        published="2025-02-11",
    )
    assert [e.sources[0].paragraph for e in events] == [1]


def test_the_perfect_later_on_tells_news_of_the_day(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren kondigde Berlijn nieuwe steun aan.\n\n"
        "Volgens de gouverneur hebben soldaten een inwoner van een dorp gedood.\n\n"
        "Een groep soldaten zou twee dorpen zijn binnengevallen.",
        published="2025-02-11",
    )
    assert [e.certainty for e in events[1:]] == [Certainty.CLAIMED, Certainty.REPORTED]
    assert all(e.date.edtf == "2025-02-11" for e in events[1:])


def test_a_present_tense_description_later_on_is_no_happening(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren kondigde Berlijn nieuwe steun aan.\n\n"
        "De Duitsers helpen Oekraïne al langer met luchtverdediging.",
        published="2025-02-11",
    )
    assert [e.sources[0].paragraph for e in events] == [1]


# 2. Plans.


def test_a_plan_is_planned_and_dated_to_the_day_it_names(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "De Noorse minister van Defensie reist dinsdag naar Washington. "
        "Het VK gaat volgende maand extra drones leveren.",
        published="2025-02-13",
    )
    trip, delivery = events
    assert trip.certainty is Certainty.PLANNED and trip.date.edtf == "2025-02-18"
    assert delivery.certainty is Certainty.PLANNED and delivery.date.edtf == "2025-03"


def test_what_is_expected_to_be_announced_is_planned(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Biden kondigt naar verwachting een nieuw wapenpakket voor Oekraïne aan.")
    assert event.certainty is Certainty.PLANNED


def test_what_is_worked_out_soon_is_planned(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        '"De details van de bijdrage worden op korte termijn uitgewerkt", laat het ministerie '
        "van Defensie weten."
    )
    assert event.certainty is Certainty.PLANNED


def test_a_reported_plan_is_planned(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Oekraïne zou volgende week de eerste Zweedse gevechtsvliegtuigen krijgen.",
        published="2025-02-13",
    )
    assert event.certainty is Certainty.PLANNED


def test_a_plan_inside_a_quote_is_its_own_event(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "De minister zei vrijdag dat de helikopters uit de opslag komen. "
        "\u201cDe eerste vlucht zal volgende week vertrekken.\u201d",
        published="2025-02-13",
    )
    assert [e.certainty for e in events] == [Certainty.CONFIRMED, Certainty.PLANNED]


def test_an_arrival_that_may_come_within_months_is_planned(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "De eerste Zweedse pantservoertuigen kunnen binnen twee maanden aankomen in Oekra\u00efne.",
        published="2025-02-13",
    )
    assert event.certainty is Certainty.PLANNED


def test_a_visit_expected_on_a_day_is_planned(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("De Noorse gezant wordt donderdag in Kyiv verwacht.", published="2025-02-11")
    assert event.certainty is Certainty.PLANNED and event.date.edtf == "2025-02-13"


def test_daarnaast_tells_one_more_happening(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Noorwegen levert zes helikopters aan Oekra\u00efne, heeft de regering bevestigd. "
        "Oslo stemt daarnaast in met de levering van die toestellen door andere landen.",
        published="2025-02-11",
    )
    assert len(events) == 2


def test_a_promise_told_as_an_act_is_confirmed(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Vrijdag bevestigde het Witte Huis dat de VS Oekraïne van clustermunitie zullen voorzien.",
        published="2025-02-15",
    )
    assert event.certainty is Certainty.CONFIRMED
    assert event.date.edtf == "2025-02-14"  # the Friday before, not the Friday to come


# 3. News formats.


def test_the_sentence_after_a_dateline_is_the_lead(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "BRUSSEL (Belga/RTR) - Denemarken levert zes extra F-16's aan Oekraïne.",
        published="2025-02-11",
    )
    assert event.weapons == ["f-16"] and event.date.edtf == "2025-02-11"


def test_a_dateline_names_no_speaker_and_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        'MOSKOU (ANP/AFP) - De aanvallen met Amerikaanse raketten zijn "een gevaarlijke '
        'provocatie". Dat zei de Russische minister Lavrov woensdag.',
        published="2024-11-20",
    )
    assert "AFP" not in event.attributed_to and "moscow" not in event.places
    assert event.attributed_to == ["Sergej Lavrov"]


def test_a_title_line_with_the_pages_furniture_is_no_lead(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Boze en teleurgestelde Spaanse regering zet na lang beraad alle hulp aan Oekraïne "
        "stop Actueel • Vandaag • leestijd 3 minuten • 210 keer bekeken • bewaren\n\n"
        "Het Spaanse kabinet heeft alle militaire hulp aan Oekraïne opgeschort.\n\n"
        "De minister zei later dat het om een pauze gaat.\n\n"
        "Het kabinet heeft ook de training van piloten gestaakt. Dat liet de regering weten.",
        published="2025-03-04",
    )
    assert events[0].sources[0].paragraph == 2


def test_a_photo_caption_is_no_event(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "AFP Een Storm Shadow-raket tijdens een test in 2023\n\n"
        "Gisteren zette Oekraïne voor het eerst Storm Shadow-raketten in tegen Rusland.",
        published="2024-11-21",
    )
    assert [e.date.edtf for e in events] == ["2024-11-20"]


def test_the_group_beside_a_named_weapon_is_that_weapon(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Gisteren leverden de VS het luchtverdedigingssysteem Patriot en andere Amerikaanse "
        "wapens aan Oekraïne."
    )
    assert event.weapons == ["patriot"]


# 4. Names the gazetteer lacks.


def test_a_house_spelling_of_an_acronym_is_the_weapon(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Gisteren vuurde Oekraïne Atacms af op een vliegveld bij Belgorod.")
    assert event.weapons == ["atacms"]


def test_a_weapon_named_for_the_first_time_gets_a_proposed_id(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Gisteren zette Oekraïne voor het eerst Vampire-raketten in.")
    assert event.weapons == ["vampire"]


def test_a_category_right_before_a_new_name_is_that_weapon(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Gisteren beloofde Zweden twintig tanks, van het type Stridsvagn, aan Oekraïne."
    )
    assert event.weapons == ["stridsvagn"]


def test_a_nationality_before_a_new_name_is_no_part_of_it(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Gisteren zette Oekra\u00efne voor het eerst Zweedse Vampire-raketten in.")
    assert event.weapons == ["vampire"]


def test_a_speaker_is_named_as_the_text_spells_it(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Kiev ontkende gisteren elke betrokkenheid bij de aanval.")
    assert event.attributed_to == ["Kiev"]


def test_a_speaker_the_gazetteer_lacks_is_named_as_written(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Een woordvoerder van de Deense regering, Karen Holm, zei gisteren dat de "
        "toestellen klaarstaan."
    )
    assert event.attributed_to == ["Karen Holm"]
    assert event.certainty is Certainty.CONFIRMED


# 5. Who says it.


def test_an_official_speaking_to_an_agency_is_a_report(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "De VS hebben gisteren de levering van Patriot-raketten hervat, zegt een betrokken "
        "functionaris tegen persbureau AP."
    )
    assert event.certainty is Certainty.REPORTED


def test_papers_passing_it_on_make_it_a_report(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Londen heeft gisteren toestemming gegeven voor aanvallen op Koersk, melden Britse kranten."
    )
    assert event.certainty is Certainty.REPORTED


def test_a_partys_accusation_is_a_claim(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Het Kremlin zei gisteren dat het Westen met de raketten olie op het vuur gooit."
    )
    assert event.certainty is Certainty.CLAIMED


def test_a_threat_is_on_the_record(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Poetin waarschuwde gisteren dat Rusland zal antwoorden op aanvallen met westerse raketten."
    )
    assert event.certainty is Certainty.CONFIRMED and event.attributed_to == ["Vladimir Poetin"]


def test_a_minister_speaking_of_his_own_sides_permission_is_on_the_record(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Oekraïne mag raketten die door Noorwegen worden geleverd ook inzetten op Russisch "
        "grondgebied. Dat zei de Oekraïense minister van Defensie gisteren."
    )
    assert event.certainty is Certainty.CONFIRMED


def test_two_verbs_of_one_subject_share_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Gisteren heette premier Jansen de president welkom en noemde het ‘bijzonder zinvol’ "
        "om hem te zien."
    )
    assert event.attributed_to == ["premier Jansen"]


def test_x_said_this_names_the_source_of_what_came_before(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "De Noorse premier is bereid raketten naar Oekraïne te sturen. "
        "Jonas Berg zei dit tijdens zijn vlucht naar Washington."
    )
    assert event.attributed_to == ["Jonas Berg"] and len(event.sources) == 2


def test_who_was_asked_is_who_answers(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Op de vraag aan Trump of de ervaring met Poetin helpt, antwoordde hij "
        "gisteren dat het zaak is om niet op te geven."
    )
    assert event.attributed_to == ["Donald Trump"]


def test_an_appeal_at_the_same_meeting_is_someone_elses_statement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren zei minister Berg in Brussel dat Noorwegen meer geld geeft. "
        "Tijdens het overleg deed Oekraïne een dringend beroep op de aanwezigen."
    )
    assert len(events) == 2


def test_an_adverb_a_town_or_an_adjective_is_no_source(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren bezocht minister Berg de havenstad Odesa. Daar zegt men dat de steun helpt. "
        "In de Tweede Kamer wordt opgelucht gereageerd op het nieuws."
    )
    assert all(
        name not in ("Daar", "Odesa", "opgelucht") for e in events for name in e.attributed_to
    )


def test_who_it_was_said_to_is_no_source(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Dat antwoordde minister Berg gisteren op vragen over uitspraken van generaal Eikhout. "
        "Die zei tegen de NOS dat Oekraïne ook Noorse F-16's mag gebruiken in Rusland."
    )
    told = events[-1]
    assert told.attributed_to == ["Eikhout"] and told.certainty is Certainty.CONFIRMED


def test_withheld_confirmation_keeps_the_event_reported(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Oekraïne heeft gisteren Britse raketten afgevuurd op een munitiedepot in Koersk. "
        "Downing Street gaf geen commentaar."
    )
    assert [e.certainty for e in events] == [Certainty.REPORTED]


def test_words_named_by_the_next_sentence_are_that_speakers_statement(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        'Dat Kyiv Britse raketten op Koersk afvuurt, is "een duidelijke escalatie". '
        "Dat zei de Russische minister Lavrov dinsdag."
    )
    assert event.certainty is Certainty.CLAIMED and event.date.edtf == "2024-11-19"
    assert len(event.sources) == 2  # the sentence naming the speaker is evidence too


def test_a_quote_that_goes_on_is_the_same_statement_even_with_a_speech_word_inside(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        '"We leggen het voorstel voor", zei de Amerikaanse minister Rubio gisteren. '
        '"Nu is het aan Moskou om ja of nee te zeggen."'
    )
    assert len(events) == 1 and len(events[0].sources) == 2


def test_a_report_named_after_the_fact_is_a_follow_up(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Denemarken levert zes extra F-16's aan Oekraïne. "
        "Gisteren werd dat al door verschillende Deense media gemeld."
    )
    assert len(event.sources) == 2 and event.attributed_to == ["Deense media"]


def test_a_quote_in_the_perfect_said_now_is_news(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren leverde Spanje zes tanks aan Oekraïne.\n\n"
        '"De eerste stap is gezet", zegt een Oekraïense topfunctionaris in een reactie.'
    )
    assert len(events) == 2 and events[1].certainty is Certainty.CONFIRMED


def test_a_body_named_by_its_country_and_seat_is_the_source(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "De Russische ambassade in Berlijn zei gisteren dat Duitsland met het besluit de "
        "oorlog verlengt."
    )
    assert event.attributed_to == ["Russische ambassade in Berlijn"]


def test_a_speaker_saying_more_is_a_new_statement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren zei de Noorse premier dat Noorwegen meer drones levert. "
        "Hij voegde daaraan toe dat Oekraïne ze ook in Rusland mag inzetten. "
        "Hij zei later ook dat er een nieuw pakket komt."
    )
    assert len(events) == 3


def test_making_it_known_names_the_source_of_what_came_before(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Noorwegen trekt 200 miljoen euro uit voor drones voor Oekraïne. Minister Ola Berg "
        "maakte dit bekend tijdens een bezoek aan Kyiv."
    )
    assert event.attributed_to == ["Minister Ola Berg"] and len(event.sources) == 2


def test_a_speaker_named_again_further_on_is_the_same_statement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        'Gisteren zei minister Berg dat Noorwegen drones levert. "Ze zijn essentieel", '
        "aldus Berg.\n\nDe oorlog duurt al drie jaar. Rusland valt dagelijks aan. Europa "
        "investeert in defensie. Ook Zweden helpt. De winter is streng. Het front ligt vast. "
        "Steden liggen in puin. Velen zijn gevlucht. De economie lijdt.\n\n"
        '"Maar het moet leiden tot vrede", benadrukt Berg.'
    )
    assert len(events[0].sources) == 3


def test_an_adverb_opening_the_sentence_is_no_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Vervolgens benadrukte de minister gisteren dat de steun doorgaat.")
    assert event.attributed_to == ["minister"]


def test_a_surname_opening_a_sentence_is_who_he_is(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Gisteren zei premier Jansen dat er geld komt.\n\nDe oorlog duurt voort. "
        "Kowalczyk legt vanuit Kyiv uit dat Oekraïne drones nodig heeft. "
        '"Ze zijn essentieel", zegt hij tegen persbureau ANP.'
    )
    assert events[-1].attributed_to == ["Kowalczyk"]


def test_a_quotation_of_several_sentences_is_one_statement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "‘We hebben alle middelen’, zei Poetin gisteren. ‘En we bluffen niet. "
        "We zullen ze gebruiken als het nodig is.’"
    )
    assert len(events) == 1 and len(events[0].sources) == 3


def test_a_date_inside_a_quote_does_not_date_the_statement(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Minister Berg maakte bekend dat Noorwegen drones levert. "
        '"We dachten twee maanden geleden al een deal te hebben", zei hij.',
        published="2025-07-14",
    )
    assert event.date.edtf == "2025-07-14"


# 6. One happening, several tellings: see test_merge.py for the label of merged events.


def test_more_words_of_the_same_speaker_are_one_statement(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        'Minister Jansen kondigde gisteren een nieuw steunpakket aan. "Oekraïne verdient '
        'onze hulp", aldus Jansen. Hij zei dat de eerste leveringen snel volgen.'
    )
    assert len(events) == 1 and len(events[0].sources) == 3
    # "zei ook" says more: a new part of the statement, its own event (ANNOTATION.md 1)
    more = extract(
        'Minister Jansen kondigde gisteren een nieuw steunpakket aan. "Oekraïne verdient '
        'onze hulp", aldus Jansen. Hij zei ook dat de eerste leveringen snel volgen.'
    )
    assert len(more) == 2 and len(more[0].sources) == 2


def test_putting_at_disposal_is_no_statement(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Er zullen meer helikopters ter beschikking gesteld worden.",
        published="2025-02-11",
    )
    assert event.certainty is Certainty.PLANNED


def test_a_minister_confirming_their_own_countrys_step_makes_it_confirmed(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Het Verenigd Koninkrijk stuurt Storm Shadow-kruisraketten naar Oekraïne. "
        "Dat heeft de Britse minister van Defensie Ben Wallace donderdag bevestigd.",
        published="2023-05-11",
    )
    assert event.certainty is Certainty.CONFIRMED
    assert event.attributed_to == ["Ben Wallace"]
    # the sentence that says who tells it is evidence too
    assert [s.sentence for s in event.sources] == [1, 2]


def test_the_one_who_made_the_promise_is_its_source(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Noorwegen zal zes helikopters naar Oekraïne sturen. "
        "De Noorse premier Jonas Gahr Støre deed die toezegging in een toespraak in Oslo.",
        published="2025-02-11",
    )
    (speaker,) = event.attributed_to
    assert speaker.endswith("Jonas Gahr Støre")


def test_made_clear_is_speech(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "De Deense premier Mette Frederiksen heeft maandag duidelijk gemaakt dat Denemarken "
        "piloten wil opleiden.",
        published="2025-02-11",
    )
    (speaker,) = event.attributed_to
    assert speaker.endswith("Mette Frederiksen") and event.date.edtf == "2025-02-10"
