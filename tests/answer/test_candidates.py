"""Candidate answers: a count must count what the question counts."""

from dataclasses import replace

from assistant.answer import candidates, entity_labels, fits
from assistant.answer.clauses import reason_clause
from assistant.answer.evidence import Sentence
from assistant.answer.nlp import Entity
from assistant.answer.question import Question, analyse, counted_noun
from assistant.terms import terms


def _sentence(text: str) -> Sentence:
    return Sentence("a.txt", 0, len(text), text, "utf-8", "a.txt", "", "", "", frozenset(terms(text)), 0.8, 1.0, 0.5, True)


def _reason(sentence: Sentence, question: Question) -> str | None:
    """The reason clause's text, or None when the sentence gives no reason."""
    span = reason_clause(sentence, question)
    return sentence.text[span[0] : span[1]] if span else None


def test_a_count_of_years_does_not_answer_how_many_subscribers() -> None:
    question = analyse("How many paying subscribers did Wippit say its music service had?")
    assert question.type == "number"
    years = _sentence("Wippit has been offering its unlimited music subscription service for more than three years now.")
    assert candidates.find(question, [years]) == []
    counted = _sentence("Wippit said its music service now has 50,000 paying subscribers.")
    assert [c.text for c in candidates.find(question, [counted])] == ["50,000"]


def test_a_count_in_other_words_still_answers() -> None:
    question = analyse("How many questions were typed into the BBC's search engine in 2004?")
    found = candidates.find(question, [_sentence("More than 277 million enquiries were made of the search engine.")])
    assert [c.text for c in found] == ["More than 277 million"]


def test_an_ordinal_count_is_not_judged_by_its_suffix() -> None:
    question = analyse("How many times has the US blocked Iran's bid to join the WTO?")
    found = candidates.find(question, [_sentence("The US blocked Iran's application for the 21st time on Wednesday.")])
    assert [c.text for c in found] == ["21st"]


def test_an_ordinal_before_the_counted_noun_counts_but_a_minute_does_not() -> None:
    caps = analyse("How many caps is Martyn Williams set to win against England?")
    found = candidates.find(caps, [_sentence("Williams is set to win his 50th cap, replacing the injured Colin Charvis.")])
    assert [c.text for c in found] == ["50th"]
    tries = analyse("How many tries did Brian O'Driscoll score against Italy?")
    minute = _sentence("A late tackle on Brian O'Driscoll let O'Gara notch a penalty in the 63rd minute.")
    assert candidates.find(tries, [minute]) == []


def test_a_part_of_a_whole_the_question_names_counts_the_whole_s_things() -> None:
    question = analyse("In the final quarter, how many of General Electric's 11 businesses managed double-digit growth?")
    quote = _sentence('"In the fourth quarter, nine of our 11 businesses delivered at least double-digit earnings growth."')
    assert [c.text for c in candidates.find(question, [quote])] == ["nine"]
    staff = analyse("How many of the bank's branches will close?")
    assert candidates.find(staff, [_sentence("Nine of its 11 years at the bank were spent in Leeds.")]) == []


def test_a_rank_given_by_its_measure_answers_where_one_stands_but_not_a_table_place() -> None:
    among = analyse("Measured by stock market valuation, where does General Electric stand among US companies?")
    biggest = _sentence("GE is the US' biggest firm based on stock market valuation.")
    assert [c.text for c in candidates.find(among, [biggest])] == ["biggest"]
    table = analyse("Where did Scotland sit in the world rankings when Vogts left?")
    both = _sentence("Scotland, who face their hardest task yet, were 77th in the world rankings.")
    assert [c.text for c in candidates.find(table, [both])] == ["77th"]


def test_the_asked_noun_beside_a_name_picks_it() -> None:
    question = analyse("Which State Department spokesperson announced the return visit?")
    talks = _sentence("Blinken and Qin agreed on a return visit, State Department spokesperson Matt Miller said.")
    assert [c.text for c in candidates.find(question, [talks])][:1] == ["Matt Miller"]


def test_an_adjective_that_spells_the_asked_noun_does_not_count() -> None:
    """"official" in "his official Twitter account" is no official: Twitter gets no bonus for standing there."""
    question = analyse("Which Chinese official posted the photo?")
    assert candidates._beside_noun(question, "It was posted on his official Twitter account.", 30, 37) == 0.0
    assert candidates._beside_noun(question, "Official Hua Chunying posted it.", 9, 21) == 1.0


def test_the_asked_noun_s_own_words_pick_among_people_it_describes() -> None:
    """Both are economists; the question's "CBI" is in the description of one only, before or after the name."""
    question = analyse("Which CBI economist commented on the rate decision?")
    cbi = _sentence("CBI chief economist Ian McCafferty said the economy had slowed.")
    other = _sentence("Philip Shaw, chief economist at Investec Securities, said rates would stay.")
    assert candidates._beside_noun(question, cbi.text, 20, 34) == 2.0
    assert candidates._beside_noun(question, other.text, 0, 11) == 1.0
    behind = "Ian McCafferty, chief economist at the CBI, said the economy had slowed."
    assert candidates._beside_noun(question, behind, 0, 14) == 2.0
    assert [c.text for c in candidates.find(question, [other, cbi])][:1] == ["Ian McCafferty"]


def test_a_count_in_another_unit_does_not_answer() -> None:
    question = analyse("How many tonnes of gold did the US say the fund could sell?")
    ounces = _sentence("The price of gold fell to 413 an ounce in Asian trading.")
    assert candidates.find(question, [ounces]) == []
    tonnes = _sentence("The fund holds 3,217 tonnes of gold.")
    assert [c.text for c in candidates.find(question, [tonnes])] == ["3,217 tonnes"]


def test_a_count_that_names_its_thing_nearby_or_points_back_answers() -> None:
    question = analyse("How many advance orders did Amazon take for the novel?")
    orders = _sentence("It was the largest pre-ordered item, with 420,000 copies pre-ordered before release.")
    assert [c.text for c in candidates.find(question, [orders])] == ["420,000"]
    cuts = analyse("How many of the announced cuts were expected in Wales?")
    wales = _sentence("Jobs will go, with around 6,000 of those expected in Wales.")
    assert "around 6,000" in [c.text for c in candidates.find(cuts, [wales])]


def test_the_date_a_report_was_made_is_not_the_date_asked() -> None:
    question = analyse("When will the smoking ban in Scotland start?")
    told = _sentence("He told the Scottish Parliament on Wednesday that a ban on smoking would be introduced by the spring of 2006.")
    assert [c.text for c in candidates.find(question, [told])][0] == "the spring of 2006"
    asked = analyse("When did the first minister tell parliament about the smoking ban?")
    assert [c.text for c in candidates.find(asked, [told])][0] == "Wednesday"


def test_a_sum_keeps_its_currency_and_scale() -> None:
    question = analyse("How much profit did Ask Jeeves make in the quarter?")
    profit = _sentence("Its $17m profit for the quarter was dwarfed by the $204m announced by rival Google.")
    assert [c.text for c in candidates.find(question, [profit])][0] == "$17m"


def test_a_name_the_question_describes_in_other_words_is_not_its_answer() -> None:
    question = analyse("Which University of Sydney academic doubted that the Secretary of State's trip would bring a thaw?")
    trip = _sentence("The trip by Secretary of State Antony Blinken is unlikely to bring a thaw, experts doubted.")
    scholar = _sentence("Brendon O'Connor, a scholar at the University of Sydney, doubted the trip would bring a thaw.")
    assert [c.text for c in candidates.find(question, [trip, scholar])][0] == "Brendon O'Connor"
    # the asked noun's own description still speaks for a name ("ex-England football star")
    star = analyse("Which ex-England football star signed up for the ice dancing show?")
    show = _sentence("Former England footballer Paul Gascoigne has signed up for the ice dancing show.")
    assert candidates._beside_noun(star, show.text, 26, 40) == 0.0


def test_how_long_a_thing_wants_the_length_of_that_thing() -> None:
    question = analyse("How long a contract did Walter Smith sign as Scotland manager?")
    squad = _sentence("Smith has joined his first squad for a three-day get-together near Manchester.")
    assert candidates.find(question, [squad]) == []
    signed = _sentence("Smith signed a two-year contract with the Scottish FA.")
    assert [c.text for c in candidates.find(question, [signed])] == ["two-year"]


def test_a_name_is_given_without_the_possessive_or_dash_its_entity_carries() -> None:
    question = analyse("Whose trip to Taiwan triggered the drills?")
    trip = _sentence("China held drills during House Speaker Nancy Pelosi's trip to Taiwan.")
    assert [c.text for c in candidates.find(question, [trip])] == ["Nancy Pelosi"]


def test_a_length_of_time_does_not_say_when() -> None:
    question = analyse("Until when does Wenger's new contract run?")
    deal = _sentence("Wenger signed a new deal for two years, which runs until May 2008.")
    assert [c.text for c in candidates.find(question, [deal])] == ["May 2008"]


def test_a_measure_is_never_a_sum_of_money() -> None:
    question = analyse("How big is the hard disk in the new video recorder?")
    box = _sentence("The £20m box will offer a 160GB hard disk.")
    assert "£20m" not in [c.text for c in candidates.find(question, [box])]
    owed = analyse("How much does the club still owe for the transfer?")
    assert owed.type == "money"


def test_which_city_is_not_answered_by_a_country() -> None:
    question = analyse("In which city was the trade protocol signed?")
    signed = _sentence("Egypt and Israel signed the trade protocol in Cairo on Tuesday.")
    assert [c.text for c in candidates.find(question, [signed])] == ["Cairo"]


def test_which_country_prefers_a_country() -> None:
    question = analyse("Which country did the minister visit after the summit?")
    visit = _sentence("After the summit in Geneva, the minister flew to Kenya.")
    assert [c.text for c in candidates.find(question, [visit])] == ["Kenya"]


def test_a_person_the_question_names_does_not_answer_who() -> None:
    """"Antony Blinken" is the "Blinken" of the question, not who took the photo."""
    question = analyse("Who took the photo of Blinken at the talks?")
    photo = _sentence("Antony Blinken was pictured at the talks by photographer Jemal Countess.")
    assert [c.text for c in candidates.find(question, [photo])] == ["Jemal Countess"]


def test_at_what_time_wants_a_time_of_day_not_a_date() -> None:
    question = analyse("At what time does the France v Wales match kick off?")
    dates = _sentence("France take on Wales on 26 February and Ireland on 12 March.")
    assert candidates.find(question, [dates]) == []
    kick_off = _sentence("France v Wales kicks off at 1600 GMT on Saturday.")
    assert [c.text for c in candidates.find(question, [kick_off])] == ["1600 GMT"]


def test_a_ranking_question_is_answered_by_an_ordinal() -> None:
    question = analyse("Where did Scotland sit in the world rankings when Smith took over?")
    ranked = _sentence("Smith took over a Scotland side ranked 77th in the world, their lowest position.")
    assert [c.text for c in candidates.find(question, [ranked])] == ["77th"]
    chart = analyse("Which number one in chart history did the reissued single become?")
    thousandth = _sentence("A Fool Such As I would become the 1,001st number one single in the UK.")
    assert [c.text for c in candidates.find(chart, [thousandth])] == ["1,001st"]  # the whole ordinal, not "001st"


def test_a_number_inside_a_sum_or_a_name_is_no_count() -> None:
    question = analyse("How many films are there in the series?")
    assert question.type == "number"
    takings = _sentence("The third film took £11.5m in its first three days, and Bank One paid for the premiere.")
    assert candidates.find(question, [takings]) == []


def test_a_number_glued_to_a_capital_is_a_name_but_one_with_its_unit_counts() -> None:
    question = analyse("How many handsets were sold in 2005?")
    survey = _sentence("A survey predicted that the number of 3G handsets sold would double, to 11m handsets.")
    assert [c.text for c in candidates.find(question, [survey])] == ["11m"]


def test_a_title_runs_over_its_small_words_but_not_into_a_place_it_is_in() -> None:
    comedy = analyse("Which Sofia Coppola romantic comedy was named best foreign feature?")
    award = _sentence("US film Lost in Translation won the award for best foreign feature.")
    assert [c.text for c in candidates.find(comedy, [award])][:1] == ["Lost in Translation"]
    opening = analyse("Which film opens the festival?")
    festival = _sentence("Happy Endings opens the Sundance Film Festival in Utah on Thursday.")
    assert "Sundance Film Festival in Utah" not in [c.text for c in candidates.find(opening, [festival])]


def test_a_rank_keeps_the_measure_it_ranks_by() -> None:
    question = analyse("Where does Continental Airlines rank by size among US carriers?")
    airline = _sentence("Continental, the fifth biggest US airline, said it could run out of cash.")
    assert [c.text for c in candidates.find(question, [airline])] == ["fifth biggest"]


def test_since_when_wants_the_date_after_since() -> None:
    question = analyse("Wales are seeking their first win over England in Cardiff since when?")
    match = _sentence("On 5 February 2005 Wales seek a first home win over England since 1993.")
    assert [c.text for c in candidates.find(question, [match])][:1] == ["1993"]


def test_a_city_of_another_country_does_not_answer_which_danish_city() -> None:
    question = analyse("In which Danish city will the Eurovision anniversary show take place?")
    london = _sentence("A plan to hold the show in London was scrapped because no venue was found.")
    assert candidates.find(question, [london]) == []
    copenhagen = _sentence("The show will now be held in Copenhagen in October.")
    assert [c.text for c in candidates.find(question, [copenhagen])] == ["Copenhagen"]


def test_who_directed_wants_a_name_the_sentence_gives_a_director() -> None:
    question = analyse("Who directed Happy Endings?")
    cast = _sentence("Happy Endings stars Lisa Kudrow and Maggie Gyllenhaal and opens the festival.")
    assert candidates.find(question, [cast]) == []
    credit = _sentence("Happy Endings, directed by Don Roos, stars Lisa Kudrow.")
    assert [c.text for c in candidates.find(question, [credit])][:1] == ["Don Roos"]


def test_a_vote_is_answered_by_its_tally() -> None:
    question = analyse("By what vote did peers reject Lord Falconer's plea?")
    vote = _sentence("Peers voted by 229 to 206 to insist that a lord chancellor must sit in the Lords.")
    assert [c.text for c in candidates.find(question, [vote])] == ["229 to 206"]


def test_time_since_is_not_how_long_something_lasted() -> None:
    lasted = analyse("How long did the meeting last?")
    trip = _sentence("The meeting marks the highest-level trip to China in nearly five years.")
    assert candidates.find(lasted, [trip]) == []
    since = analyse("How long had it been since an official of that rank visited China?")
    assert [c.text for c in candidates.find(since, [trip])] == ["nearly five years"]


def test_on_what_date_wants_a_day_not_a_year() -> None:
    question = analyse("On what date does the band begin its tour of Japan?")
    vague = _sentence("The band will also tour Japan next year.")
    assert candidates.find(question, [vague]) == []
    dated = _sentence("The band begins its tour of Japan on 12 March.")
    assert [c.text for c in candidates.find(question, [dated])] == ["12 March"]


def test_a_score_question_is_answered_by_a_result() -> None:
    question = analyse("What was the final score when Wales beat Italy in Rome?")
    result = _sentence("Wales beat Italy 38-8 in Rome, their 11th win in 20 games.")
    assert [c.text for c in candidates.find(question, [result])] == ["38-8"]


def test_a_name_every_story_mentions_gets_no_agreement_from_weak_sentences() -> None:
    """Agreement counts stories whose sentences answer too, not every story that mentions the corpus's main figure."""
    from dataclasses import replace

    question = analyse("Who doubted that the visit would bring a thaw?")
    best = _sentence("Brendon O'Connor doubted the visit would bring a thaw, Antony Blinken heard.")
    others = [replace(_sentence(f"Antony Blinken flew to Beijing on day {n}."), story=f"s{n}", dense=0.3, cover=0.1)
              for n in range(1, 4)]
    found = candidates.find(question, [best, *others])
    assert [c.text for c in found[:2]] == ["Brendon O'Connor", "Antony Blinken"]


def test_a_place_in_the_possessive_is_not_where_it_happened() -> None:
    question = analyse("Where did Blinken meet Qin Gang?")
    met = _sentence("Blinken met China’s Foreign Minister Qin Gang in Beijing on Sunday.")
    assert [c.text for c in candidates.find(question, [met])] == ["Beijing"]


def test_a_price_per_unit_beats_a_sum_given_whole() -> None:
    question = analyse("To what level did the price of gold slide per ounce?")
    gold = _sentence("A slide in the gold price would free $200bn for debt relief; gold traded at $413.50 an ounce on Monday.")
    assert [c.text for c in candidates.find(question, [gold])] == ["$413.50"]
    whole = _sentence("A slide in the gold price would free $200bn for debt relief.")
    assert [c.text for c in candidates.find(question, [whole])] == ["$200bn"]  # none per ounce: the sum stays


def test_a_count_in_millions_keeps_its_scale() -> None:
    question = analyse("How many people watched the final?")
    watched = _sentence("More than 5m people watched the final on BBC One.")
    assert [c.text for c in candidates.find(question, [watched])] == ["More than 5m"]


def test_the_uk_nations_are_countries() -> None:
    question = analyse("Which country did England beat at the Millennium Stadium?")
    final = _sentence("England beat Wales at the Millennium Stadium, a week after losing to France.")
    assert [c.text for c in candidates.find(question, [final])][:1] == ["Wales"]


def test_a_chart_position_is_a_rank_and_a_first_time_is_not() -> None:
    question = analyse("At which position did her second album enter the American charts?")
    assert question.type == "rank"
    first = _sentence("Last May, Usher scored a chart first, with three singles in the US Top 10.")
    before = _sentence("The song first topped the charts in 1958.")
    assert candidates.find(question, [first, before]) == []
    entered = _sentence("Her second album went straight into the US charts at number 11.")
    assert [c.text for c in candidates.find(question, [entered])] == ["number 11"]
    race = analyse("Where did Holmes finish in the 1500m race?")
    assert race.type == "rank"
    assert [c.text for c in candidates.find(race, [_sentence("Holmes finished second in the race.")])] == ["second"]


def test_a_phrase_the_question_spells_with_a_hyphen_is_not_its_answer() -> None:
    question = analyse("Which number-one in chart history did the reissued single become?")
    found = candidates.find(question, [_sentence("It went into the chart at number one, the 999th in chart history.")])
    assert [c.text for c in found] == ["999th"]


def test_the_end_of_a_title_is_no_organisation() -> None:
    question = analyse("Which organisation did the spokesman speak for?")
    title = _sentence("Secretary of State Antony Blinken met the press, the State Department said.")
    assert [c.text for c in candidates.find(question, [title])] == ["the State Department"]


def test_which_agency_reported_is_answered_by_the_story_outlet() -> None:
    question = analyse("Which news agency reported the New Year's Day call between Blinken and Qin Gang?")
    text = "Jan. 2 (UPI) -- Secretary of State Antony Blinken and Qin Gang spoke, the US State Department said."
    sentence = Sentence("a.txt", 0, len(text), text, "utf-8", "a.txt", "", "UPI", "", frozenset(terms(text)), 0.8, 1.0, 0.5, True)
    assert [c.text for c in candidates.find(question, [sentence])] == ["UPI"]
    unsigned = _sentence(text)  # no outlet known: any organisation may answer
    assert "UPI" not in [c.text for c in candidates.find(question, [unsigned])]


def test_the_speaker_of_a_quote_that_names_no_one_is_the_person_before_it() -> None:
    question = analyse("Who demanded a far clearer reason for the changes to Britain's foreign missions?")
    named = "Shadow foreign secretary Michael Ancram said there was a need to ensure value for money."
    quote = '"But the government must give a far clearer reason for the changes to our missions," he said.'
    first = Sentence("a.txt", 0, len(named), named, "utf-8", "a.txt", "", "", "", frozenset(terms(named)), 0.5, 0.5, 0.1, True)
    start = len(named) + 1
    said = Sentence("a.txt", start, start + len(quote), quote, "utf-8", "a.txt", "", "", "", frozenset(terms(quote)), 0.8, 1.0, 0.6, True)
    best = candidates.find(question, [said, first])[0]
    assert best.text == "Michael Ancram" and best.sentence.start == 0 and best.said is said
    assert best.sentence.evidence == said.evidence  # the name speaks with its quote's evidence
    apart = Sentence("a.txt", start + 50, start + 50 + len(quote), quote, "utf-8", "a.txt", "", "", "", frozenset(terms(quote)),
                     0.8, 1.0, 0.6, True)
    assert all(c.said is None for c in candidates.find(question, [apart, first]))  # not the sentence right before: no speaker


def test_a_street_or_a_place_that_qualifies_a_noun_is_not_the_city() -> None:
    question = analyse("In which city is the planned American version of EastEnders set?")
    street = _sentence("EastEnders and Coronation Street were overlooked in the soap category.")
    trade = _sentence("Simon Fuller is involved, according to reports in Hollywood trade paper Variety.")
    assert [c.text for c in candidates.find(question, [street])] == []
    city = _sentence("Scripts have been commissioned for a series about working class people in Chicago.")
    assert [c.text for c in candidates.find(question, [trade, city])][:1] == ["Chicago"]
    assert [c.text for c in candidates.find(question, [trade])] == ["Hollywood"]  # the only place found still answers


def test_a_sum_in_brackets_restates_the_one_before_unless_its_currency_is_asked() -> None:
    sentence = _sentence("The firm would only break even on the 1.2bn Australian dollars (£458m; $874m) rebuild.")
    assert [c.text for c in candidates.find(analyse("How much was the rebuild worth?"), [sentence])] == ["1.2bn Australian dollars"]
    in_pounds = candidates.find(analyse("How much in pounds was the rebuild worth?"), [sentence])
    assert "£458m" in [c.text for c in in_pounds] and "$874m" not in [c.text for c in in_pounds]
    singular = _sentence("It is the beginning of an ambitious new 7.5m euro (£5.1m) project funded by the European Union.")
    assert [c.text for c in candidates.find(analyse("How much is the EU-funded project worth?"), [singular])] == ["7.5m euro"]


def test_a_day_word_inside_a_name_is_no_date() -> None:
    question = analyse("On what date did the UK formally leave the European Union?")
    paper = _sentence("According to Brown's Britain by Sunday Telegraph journalist Robert Peston, Mr Blair went back on a pledge.")
    song = _sentence("Duran Duran are currently promoting the album's second single, What Happens Tomorrow.")
    assert candidates.find(question, [paper, song]) == []
    met = replace(_sentence("Blinken met Qin Gang on Sunday in Beijing."), date="2023-06-20")  # dated: Sunday resolves
    assert [c.text for c in candidates.find(question, [met])] == ["Sunday"]


def test_a_number_in_a_name_or_one_of_many_counts_nothing() -> None:
    question = analyse("How many films are there in the Harry Potter series?")
    chart = _sentence("The book has already hit the top of our Hot 100 books chart, said Amazon's Robin Terrell.")
    seat = _sentence("Labour chose a white candidate for one of the UK's most multi-racial seats.")
    ranked = _sentence("The book has already hit number one in our chart, and No 2 in the US.")
    assert candidates.find(question, [chart, seat, ranked]) == []
    assert [c.text for c in candidates.find(question, [_sentence("There are seven films in the Harry Potter series.")])] == ["seven"]


def test_which_building_is_not_answered_by_the_capital_or_country_it_stands_in() -> None:
    question = analyse("At which hospice did Sir Nicholas Scott die?")
    assert question.type == "place" and question.noun == "hospice"
    capital = _sentence("He was found slumped in the street during the party conference in London in 1994.")
    assert candidates.find(question, [capital]) == []
    hospital = _sentence("He died at the Royal Marsden Hospital in Chelsea, his family said.")
    assert [c.text for c in candidates.find(question, [hospital])][:1] == ["the Royal Marsden Hospital"]
    ground = analyse("At which ground will England play the final?")
    final = _sentence("England will play the final at Wembley.")
    at = final.text.index("Wembley")
    assert fits.sized_places(ground, [(final, at, at + 7)]) == [(final, at, at + 7)]  # a town may name a ground


def test_which_city_prefers_a_city_geonames_knows() -> None:
    question = analyse("In which Spanish city was the Davis Cup tie being played?")
    hotel = _sentence("The players stayed at the Park Hyatt during the tie.")
    seville = _sentence("The final was played on clay in Seville.")
    assert [c.text for c in candidates.find(question, [hotel, seville])] == ["Seville"]


def test_an_amount_keeps_its_unit_its_scale_and_its_range() -> None:
    disk = candidates.find(analyse("How big is the hard disk in the new box?"), [_sentence("The box has a 160GB hard disk.")])
    assert [c.text for c in disk] == ["160GB"]
    troops = candidates.find(analyse("How many troops were put on standby?"), [_sentence("Between 100-120 troops were put on standby.")])
    assert [c.text for c in troops] == ["Between 100-120"]
    fee = candidates.find(analyse("How much is the club paying for the forward?"), [_sentence("The club is paying nearly $20m for him.")])
    assert [c.text for c in fee][:1] == ["nearly $20m"]


def test_a_measure_in_brackets_restates_the_one_before() -> None:
    robot = _sentence("Hitachi's wheeled robot Emiew is 1.3m (4.2ft) tall.")
    assert [c.text for c in candidates.find(analyse("How tall is Hitachi's robot Emiew?"), [robot])] == ["1.3m"]


def test_how_long_something_lasted_is_not_how_long_another_thing_did() -> None:
    question = analyse("When the two ministers met in Beijing, how long did their talks go on?")
    trip = _sentence("The two-day trip by the top American diplomat took place against a chilly backdrop.")
    talks = _sentence("The discussions, lasting over five hours, aimed to ease tensions.")
    assert [c.text for c in candidates.find(question, [trip, talks])] == ["five hours"]
    deal = analyse("When he was unveiled at Molineux, how long was the deal he signed?")
    contract = _sentence("Hoddle has agreed a six-month contract with the club.")
    assert [c.text for c in candidates.find(deal, [contract])] == ["six-month"]  # a contract is a deal


def test_the_highest_in_how_long_asks_for_the_time_since() -> None:
    question = analyse("The June trip was called the highest-level American visit to China in roughly how long?")
    lead = _sentence("The meeting marks the highest-level trip by a US official to China in nearly five years.")
    assert [c.text for c in candidates.find(question, [lead])] == ["nearly five years"]


def test_a_name_question_is_answered_by_the_name_the_sentence_gives() -> None:
    question = analyse("What is the name of the creature hunting the hero through time in the Warrior Within sequel?")
    assert question.type == "name"
    plot = _sentence("The time-travelling plot hinges on the Dahaka, an all-consuming monster pursuing our hero.")
    assert [c.text for c in candidates.find(question, [plot])] == ["Dahaka"]
    branded = analyse("What name is France's new free digital terrestrial TV service being branded under?")
    sentence = _sentence("But it is being branded as Television Numerique pour Tous, or digital television for all.")
    assert [c.text for c in candidates.find(branded, [sentence])] == ["Television Numerique pour Tous"]


def test_a_name_the_sentence_does_not_give_as_one_is_no_answer() -> None:
    question = analyse("What is the Conservative scheme to pay local sports clubs for after-school coaching called?")
    assert question.type == "name"
    others = [
        _sentence("The Tories say Labour's plans to give all children two hours of sport have failed."),  # whose plans
        _sentence("Shadow spokesman for sport Hugh Robertson said the policy would work."),  # a person beside no name
        _sentence("Still, the UK has fewer sports clubs than France."),  # an opening word, places
    ]
    assert candidates.find(question, others) == []


def test_an_acronym_of_the_question_s_own_words_is_not_an_answer() -> None:
    question = analyse("What is France's new digital terrestrial TV service called?")
    found = candidates.find(question, [_sentence("In France the DTT service is known as TNT.")])
    assert [c.text for c in found] == ["TNT"]


def test_which_us_state_is_answered_by_one_of_the_fifty_only() -> None:
    question = analyse("Over which US state was the Chinese surveillance balloon shot down?")
    assert question.type == "place"
    taiwan = _sentence("The balloon incident angered Taiwan, and the balloon was later downed.")
    assert candidates.find(question, [taiwan]) == []
    carolina = _sentence("The balloon was shot down off the coast of South Carolina by US jets.")
    assert [c.text for c in candidates.find(question, [carolina])] == ["South Carolina"]


def test_a_time_ago_is_no_length_of_time() -> None:
    question = analyse("How long a prison sentence did Victor Conte receive?")
    assert question.type == "duration"
    ago = _sentence("Victor Conte was charged with supplying steroids three months ago.")
    assert candidates.find(question, [ago]) == []
    served = _sentence("Victor Conte received a four-month prison sentence for supplying steroids.")
    assert [c.text for c in candidates.find(question, [served])] == ["four-month"]


def test_a_length_of_time_may_name_what_it_measures_in_other_words() -> None:
    """"How long a jail term": "15 days in prison" measures one, "a three-day tour" does not."""
    question = analyse("How long a jail term was the reggae star given for swearing at a concert?")
    served = _sentence("The singer must serve 15 days in prison after he swore during a concert.")
    assert [c.text for c in candidates.find(question, [served])] == ["15 days"]
    toured = _sentence("The singer swore during a concert on his three-day tour of the island.")
    assert candidates.find(question, [toured]) == []


def test_the_date_a_report_was_filed_is_its_dateline() -> None:
    """"On what date did the wire service report ...": the dateline's date, not the day the call was made."""
    question = analyse("On what date did the wire service report that Blinken and Qin spoke by phone?")
    call = _sentence("Blinken and Qin spoke by phone on Wednesday, officials said.")
    report = _sentence("Jan. 2 (UPI) -- Blinken and Qin have each expressed hopes for improved relations.")
    assert [c.text for c in candidates.find(question, [call, report])] == ["Jan. 2"]
    when = analyse("When did Blinken and Qin speak by phone, as reported by UPI?")  # the event's date is asked
    assert "Wednesday" in [c.text for c in candidates.find(when, [call, report])]


def test_a_person_the_question_names_by_family_name_first_does_not_answer_who() -> None:
    """"Qin Gang" is the "Qin" of the question: Chinese names put the family name first."""
    question = analyse("Who took the photo of Blinken and Qin?")
    shot = _sentence("Qin Gang and Antony Blinken were photographed by Jemal Countess in Washington.")
    assert "Qin Gang" not in [c.text for c in candidates.find(question, [shot])]


def test_a_name_holding_the_asked_noun_is_what_which_asks_for() -> None:
    question = analyse("In which court did Marion Jones file her lawsuit?")
    filed = _sentence("Her lawsuit, filed in the US District Court in San Francisco, said the sprinter had passed a test.")
    assert candidates._beside_noun(question, filed.text, 29, 43) == candidates.NAMED_AS_NOUN  # "District Court"
    assert candidates._beside_noun(question, "She sued Victor Conte, the Balco boss.", 9, 21) == 0.0
    sued = _sentence("Marion Jones has filed a lawsuit for defamation against Balco boss Victor Conte following his allegations.")
    found = candidates.find(question, [filed, replace(sued, dense=filed.dense * 1.5)])  # a court in a weaker sentence
    assert found[0].text == "District Court"


def test_an_organisation_s_role_noun_then_a_name_is_a_person() -> None:
    """spaCy's small model tags "Balco boss Victor Conte" as one organisation."""
    boss = Entity(start=8, end=31, label="ORG", text="Balco boss Victor Conte")
    assert entity_labels._role_split(boss) == (
        Entity(start=8, end=13, label="ORG", text="Balco"), Entity(start=19, end=31, label="PERSON", text="Victor Conte"),
    )
    bank = Entity(start=0, end=15, label="ORG", text="Bank of England")
    assert entity_labels._role_split(bank) == (bank,)


def test_a_name_after_a_person_s_title_is_a_person_whatever_spacy_says() -> None:
    """spaCy's small model tags "Murphy-O'Connor" in this sentence as an organisation."""
    question = analyse("Which cardinal criticised the cost of the Iraq war?")
    said = _sentence("Billions spent on conflict in Iraq should have gone to the poor, Cardinal Cormac Murphy-O'Connor has said.")
    assert [c.text for c in candidates.find(question, [said])][:1] == ["Cormac Murphy-O'Connor"]
    party = Entity(start=23, end=39, label="ORG", text="Republican Party")
    assert entity_labels._titled("He met President Bush's Republican Party.", party).label == "ORG"  # no first name: "Bush's"


def test_where_a_match_was_played_or_a_part_of_it_answers_neither_who_nor_how_many() -> None:
    who = analyse("Who won the 2005 Six Nations?")
    beaten = _sentence("England were beaten 19-13 by the Irish in Dublin, their third straight defeat in the 2005 Six Nations.")
    assert "Dublin" not in [c.text for c in candidates.find(who, [beaten])]
    tries = analyse("How many tries did Brian O'Driscoll score against Italy?")
    match = _sentence("Italy led 9-8 early in the second half, but a second-half try from Brian O'Driscoll won it.")
    assert candidates.find(tries, [match]) == []  # not the 9 of a score, not the "half" of "second-half"
    assert "2-3" in [c.text for c in candidates.find(tries, [_sentence("O'Driscoll scored 2-3 tries a game.")])]


def test_which_agency_did_something_else_is_no_outlet_question() -> None:
    assert not fits.asks_outlet(analyse("Which agency measured the quake?"))
    assert fits.asks_outlet(analyse("Which news agency reported the quake?"))
    assert fits.asks_outlet(analyse("Which newspaper interviewed the minister?"))  # a newspaper is an outlet whatever it did
    assert analyse("What magnitude was the earthquake?").type == "quantity"


def test_how_long_has_someone_been_is_answered_by_since_when() -> None:
    question = analyse("How long had Qin been ambassador to the US?")
    served = _sentence("Qin was appointed foreign minister on Friday after serving as ambassador to the United States since July.")
    assert [c.text for c in candidates.find(question, [served])] == ["since July"]
    lasted = analyse("How long did the talks last?")  # how long something lasted: a "since" says nothing
    assert candidates.find(lasted, [_sentence("The talks have been stalled since July.")]) == []


def test_a_surname_of_the_article_s_people_tagged_as_a_place_is_no_place() -> None:
    question = analyse("Where did Biden and Xi meet before the balloon incident?")
    full = _sentence("Secretary of State Antony Blinken met Qin Gang in Beijing.")
    departed = _sentence("Biden downplayed the balloon incident as Blinken departed for China.")
    assert "Blinken" not in [c.text for c in candidates.find(question, [full, departed])]


def test_a_name_credited_for_a_photo_is_a_person() -> None:
    question = analyse("Who took the photo of Blinken and Qin?")
    caption = _sentence("Blinken and Qin exchanged hopes in a New Year's Day call. File Photo by Jemal Countess/UPI")
    assert [c.text for c in candidates.find(question, [caption])][:1] == ["Jemal Countess"]


def test_a_count_is_judged_by_the_noun_it_modifies_across_modifiers() -> None:
    question = analyse("How many Las Vegas style resorts does the government plan for the UK?")
    plans = _sentence("The government has plans for up to eight Las Vegas style resorts in the UK.")
    assert "eight" in " ".join(c.text for c in candidates.find(question, [plans]))


def test_who_was_the_role_uses_the_role_noun_beside_the_name() -> None:
    question = analyse("Who was the referee in the Arsenal v United game?")
    assert question.noun == "referee"
    game = _sentence("Arsenal boss Arsene Wenger protested, but referee Mike Riley deemed the collision accidental.")
    assert [c.text for c in candidates.find(question, [game])][:1] == ["Mike Riley"]


def test_how_often_is_answered_by_a_frequency_not_a_number() -> None:
    question = analyse("How often can Cubans living in the US visit Cuba?")
    limited = _sentence("Cubans in the US are now limited to one visit to Cuba every three years, up 38% in a year.")
    assert [c.text for c in candidates.find(question, [limited])] == ["one visit to Cuba every three years"]
    visits = _sentence("Cubans in the US have visited the island 14 times since 2001.")
    assert [c.text for c in candidates.find(question, [visits])] == ["14 times"]


def test_a_reason_clause_runs_through_a_quotation_it_opens() -> None:
    question = analyse("What reason did Castro's aide give for the dollar measure?")
    said = _sentence('The aide said it was necessary because of the increasing "economic aggression" of the US, he said.')
    assert _reason(said, question) == 'because of the increasing "economic aggression" of the US'


def test_a_city_spacy_tags_as_an_organisation_is_a_city_too() -> None:
    question = analyse("Which city is pictured in the gigapixel image?")
    image = _sentence("The huge image of Delft was created by stitching together 600 single snaps.")
    assert [c.text for c in candidates.find(question, [image])] == ["Delft"]
    club = analyse("Which club did he manage?")
    managed = _sentence("He was the manager of Chelsea until May.")
    assert [c.text for c in candidates.find(club, [managed])] == ["Chelsea"]  # the club stays a club


def test_where_a_song_slipped_to_is_the_place_after_to_not_the_one_it_left() -> None:
    question = analyse("Where did Elvis's It's Now or Never slip to?")
    chart = _sentence("Last week's number one, Elvis's It's Now or Never, slipped 13 places to number 14, but all five are in the Top 40.")
    assert [c.text for c in candidates.find(question, [chart])] == ["number 14"]
    held = analyse("Where did It's Now or Never sit in the chart?")  # no "to": both places stay
    assert {c.text for c in candidates.find(held, [chart])} == {"number one", "number 14"}


def test_a_ban_lasts_a_number_of_games() -> None:
    question = analyse("How long was Ruud van Nistelrooy's ban for his foul on Ashley Cole?")
    foul = _sentence("It was worse than Ruud van Nistelrooy's foul on Ashley Cole for which he got a three-game ban.")
    assert [c.text for c in candidates.find(question, [foul])] == ["three-game"]
    talks = analyse("How long did the talks in the three-game series last?")
    assert candidates.find(talks, [foul]) == []  # games are no length of time for anything but a ban


def test_a_share_in_words_answers_what_share() -> None:
    question = analyse("What share of British broadband users regularly upload content?")
    share = _sentence("A quarter of broadband users in Britain regularly upload content and have personal sites.")
    assert [c.text for c in candidates.find(question, [share])] == ["A quarter"]
    truants = _sentence("Serial truants make up one in 13 pupils.")
    assert [c.text for c in candidates.find(analyse("What proportion of pupils are serial truants?"), [truants])] == ["one in 13"]
    table = _sentence("Wenger is at a loss to explain why Newcastle are in the bottom half of the table.")
    assert candidates.find(analyse("By what percentage was Wenger's pay raised?"), [table]) == []  # a part, not a share


def test_an_age_is_read_from_the_age_of() -> None:
    question = analyse("How old was Carson when he started performing magic in Norfolk?")
    magic = _sentence("He began his career in Norfolk, performing magic under the name The Great Carsoni from the age of 14.")
    assert [c.text for c in candidates.find(question, [magic])] == ["the age of 14"]


def test_which_rival_may_be_a_company_and_the_lib_dems_are_no_person() -> None:
    rival = analyse("From which rival did Hitachi agree to buy plasma display technology?")
    deal = _sentence("Hitachi recently announced a deal to buy plasma display technology from rival Fujitsu.")
    assert [c.text for c in candidates.find(rival, [deal])] == ["Fujitsu"]
    party = analyse("Which party asked the watchdog to stop the cold calls?")
    asking = _sentence("The Lib Dems are asking the watchdog overseeing the rules to stop the calls.")
    assert [c.text for c in candidates.find(party, [asking])] == ["Lib Dems"]


def test_who_did_it_is_the_one_a_passive_names_after_by() -> None:
    question = analyse("Who directed Ocean's Eleven?")
    remake = _sentence("A remake of the 1960s film, starring Frank Sinatra and the Rat Pack, Ocean's Eleven was directed by "
                       "Oscar-winning director Steven Soderbergh.")
    found = [c.text for c in candidates.find(question, [remake])]
    assert found[0] == "Steven Soderbergh" and "Oscar" not in found  # "Oscar-winning" names no one


def test_a_venue_is_where_and_a_score_is_no_count() -> None:
    where = analyse("Where did Charles Kennedy give his speech on taxes?")
    club = _sentence("Speaking at the Commonwealth Club, Mr Kennedy said it was critical for a party to have economic credibility.")
    assert [c.text for c in candidates.find(where, [club])] == ["the Commonwealth Club"]
    ahead = analyse("How many points ahead are Barcelona after the defeat?")
    defeat = _sentence("Barcelona fell to a 2-0 defeat at home to Atletico Madrid, which reduces their lead to four points.")
    assert [c.text for c in candidates.find(ahead, [defeat])] == ["four"]
    jobs = _sentence("The plant will employ 100-120 people.")
    assert "100-120" in [c.text for c in candidates.find(analyse("How many people will the plant employ?"), [jobs])]  # a range


def test_in_which_minute_asks_for_an_ordinal() -> None:
    question = analyse("In which minute did Gravesen score for Real Madrid?")
    goal = _sentence("Gravesen, who replaced Zidane, completed the scoring in the 84th minute with a low shot.")
    assert [c.text for c in candidates.find(question, [goal])] == ["84th"]


def test_which_french_minister_is_not_the_us_treasury_secretary() -> None:
    question = analyse("Which French finance minister blamed American deficits for the euro's climb against the dollar?")
    snow = _sentence("The comments come a day after US Treasury Secretary John Snow said a strong dollar was in America's interest.")
    sarkozy = _sentence("Nicolas Sarkozy of France said the decline of the dollar, linked to American deficits, would hit Europe.")
    said = candidates._countries_said(snow.text, snow.text.find("John"), snow.text.find(" said"))
    assert candidates._country_met(question, said) == -1
    assert candidates._country_met(question, candidates._countries_said(sarkozy.text, 0, len("Nicolas Sarkozy"))) == 1
    met = _sentence("In May, US Commerce Secretary Gina Raimondo met with her counterpart, Wang Wentao, in Washington.")
    cabinet = analyse("Which American cabinet member sat down in May with her Chinese trade counterpart?")
    assert candidates._countries_said(met.text, met.text.find("Wang"), met.text.find("Wang") + 11) == set()  # no title of his own
    assert [c.text for c in candidates.find(cabinet, [met])][0] == "Gina Raimondo"


def test_a_title_with_of_in_it_gives_its_country() -> None:
    text = "Jan. 2 (UPI) -- U.S. Secretary of State Antony Blinken and Qin Gang exchanged hopes."
    assert candidates._own_title(text, text.find("Antony")) == "U.S. Secretary of State"
    text = "said the Chancellor of the Exchequer Gordon Brown."
    assert candidates._own_title(text, text.find("Gordon")) == "Chancellor of the Exchequer"


def test_a_name_keeps_the_country_its_article_gives_it_elsewhere() -> None:
    """"worked closely with Blinken" is not the Chinese leader asked for: the same article calls him the
    U.S. Secretary of State. Another article's titles say nothing of this one's names."""
    question = analyse("Analysts noted the new minister had long been close to which Chinese leader?")
    titled = _sentence("Jan. 2 (UPI) -- U.S. Secretary of State Antony Blinken and Qin Gang exchanged hopes for better ties.")
    worked = replace(_sentence("During that time he worked closely with Blinken to navigate the relationship, analysts noted."), dense=0.85)
    aide = replace(_sentence("He has long been one of President Xi Jinping's closest aides."), dense=0.95)
    assert [c.text for c in candidates.find(question, [titled, worked, aide])][0] == "Xi Jinping"
    start = titled.text.find("Antony")
    elsewhere = replace(titled, source="b.txt")
    assert candidates._countries_by_name(question, [(elsewhere, start, start + 14)]) == {("b.txt", "blinken"): {"america"}}


def test_what_year_in_an_undated_article_needs_a_written_year() -> None:
    question = analyse("In what year did MTV first put Advance Warning on air?")
    undated = _sentence("Last year's big winner at the MTV Europe Awards was Justin Timberlake.")
    assert candidates.find(question, [undated]) == []
    dated = replace(undated, date="2005-11-04")  # "last year" resolves against the article's date
    assert [c.text for c in candidates.find(question, [dated])] == ["Last year"]
    day = analyse("On what date do Duran Duran begin their tour of Japan?")
    assert candidates.find(day, [_sentence("The show airs on Tuesday and will feature a studio performance.")]) == []


def test_which_club_is_answered_by_the_side_named_and_an_age_is_no_number_in_a_name() -> None:
    club = analyse("Which club did Simon Taylor play for on loan?")
    loan = _sentence("Taylor has turned out for English side Saracens in recent weeks during a short-term loan.")
    assert candidates._beside_noun(club, loan.text, loan.text.find("Saracens"), loan.text.find(" in recent")) >= 1.0
    age = analyse("How old is Simon Taylor?")
    cats = _sentence("Taylor played 40 minutes in a friendly against South African Super 12 side The Cats.")
    assert [c.text for c in candidates.find(age, [cats])] == []
    assert candidates.find(age, [_sentence("Simon Fuller has sold his 19 Entertainment company.")]) == []
    named = _sentence("Simon Taylor, 25, made a scoring return for Edinburgh.")
    assert [c.text for c in candidates.find(age, [named])] == ["25"]


def test_who_will_host_prefers_the_one_named_after_will_be_hosted_by() -> None:
    question = analyse("Who will host the Billboard awards?")
    awards = _sentence("The awards will be hosted by American Idol presenter Ryan Seacrest, and will feature performances by Usher.")
    assert [c.text for c in candidates.find(question, [awards])][0] == "Ryan Seacrest"


def test_weekly_and_the_year_are_no_dates_and_a_cup_win_s_score_is_no_age() -> None:
    when = analyse("When will the Billboard awards be held?")
    charts = _sentence("The awards honour the year's leading artists as determined by Billboard's weekly charts.")
    assert candidates.find(when, [charts]) == []
    age = analyse("How old is Middlesbrough football club?")
    win = _sentence("Boss Steve McClaren praised his side after the 2-0 Uefa Cup win against Lazio.")
    assert candidates.find(age, [win]) == []


def test_an_age_spacy_leaves_untagged_is_read_and_a_distance_is_no_age() -> None:
    question = analyse("How old was Lord Callaghan when he died?")
    assert [c.text for c in candidates.find(question, [_sentence("Lord Callaghan died aged 92 at home.")])] == ["aged 92"]
    holmes = analyse("How old is Kelly Holmes?")
    race = _sentence("Kelly Holmes has been chosen for both the 800m and 1500m at next month's championships.")
    assert candidates.find(holmes, [race]) == []


def test_a_lesser_office_does_not_answer_for_the_asked_one() -> None:
    president = analyse("Who is the president of Libya's central bank?")
    vice = _sentence("\"We are opening accounts,\" the central bank's vice president Farhat Omar Ben Gadaravice said.")
    assert candidates.find(president, [vice]) == []
    editor = analyse("Who is the editor of Mac Format?")
    deputy = _sentence("Ian Harris, deputy editor of UK magazine Mac Format, said the machine would appeal to PC owners.")
    assert candidates.find(editor, [deputy]) == []
    asked = analyse("Who is the deputy editor of Mac Format?")
    assert [c.text for c in candidates.find(asked, [deputy])] == ["Ian Harris"]


def test_how_much_is_not_a_count_of_the_named_thing_nor_a_day_of_the_month() -> None:
    question = analyse("How much did the US networks lose to TV piracy last year?")
    benefit = _sentence("A TV benefit carried by all four US TV networks after the 11 September attacks raised more than $150m.")
    assert [c.text for c in candidates.find(question, [benefit])] == ["more than $150m"]


def test_who_comes_in_for_someone_is_the_one_replacing_them() -> None:
    question = analyse("Who comes onto the Scottish wing in place of Simon Danielli?")
    changes = _sentence("Scotland made two changes, Simon Webster replacing Simon Danielli on the wing and Simon Taylor "
                        "returning for injured flanker Jason White.")
    assert [c.text for c in candidates.find(question, [changes])][:1] == ["Simon Webster"]


def test_the_figure_a_sentence_compares_against_is_not_the_asked_one() -> None:
    question = analyse("What was the value of gross mortgage lending in January?")
    lending = _sentence("The CML said gross mortgage lending stood at £17.9bn, compared with £21.8bn in January last year.")
    assert [c.text for c in candidates.find(question, [lending])][:1] == ["£17.9bn"]
    earlier = analyse("What was the value of gross mortgage lending in January last year?")
    assert [c.text for c in candidates.find(earlier, [lending])][:1] == ["£21.8bn"]


def test_a_surname_that_is_a_weekday_stays_part_of_the_name() -> None:
    question = analyse("Who coaches the England sevens side?")
    quote = _sentence("\"England have the ability to win this World Cup,\" said England sevens coach Mike Friday.")
    assert [c.text for c in candidates.find(question, [quote])] == ["Mike Friday"]


def test_a_title_does_not_end_in_a_joining_word() -> None:
    question = analyse("Which ITV1 drama did the soap beat?")
    soap = _sentence("The soap beat fellow ITV1 show Filthy Love and Channel 4's Shameless to win the best TV drama prize.")
    found = [c.text for c in candidates.find(question, [soap])]
    assert found[0] == "Filthy Love" and not any(text.endswith(" and") for text in found)


def test_a_team_under_a_professor_is_led_by_that_professor() -> None:
    question = analyse("Which professor led the Birkbeck College research into women MPs?")
    team = _sentence("The research team, under Professor Joni Lovenduski, had set out to look at women at Westminster.")
    assert [c.text for c in candidates.find(question, [team])] == ["Joni Lovenduski"]


def test_a_change_does_not_answer_for_the_level_asked() -> None:
    price = analyse("What will Turkmenistan charge per 1,000 cubic metres of gas?")
    deal = _sentence("The Turkmen side agreed to lower the price demanded by $2 per 1,000 cubic metres, bringing it down to $58.")
    assert [c.text for c in candidates.find(price, [deal])][:1] == ["$58"]
    change = analyse("By how much did the Turkmen side lower the price of gas?")
    assert [c.text for c in candidates.find(change, [deal])][:1] == ["$2"]


def test_a_country_qualifying_officials_is_not_where_they_met() -> None:
    question = analyse("In which country had Biden and Xi held their meeting the previous November?")
    meetings = _sentence("This follows a series of meetings between senior US and Chinese officials since last month.")
    met = replace(_sentence("Biden and Xi met in Bali, Indonesia, last November."), dense=0.5)
    assert [c.text for c in candidates.find(question, [meetings, met])] == ["Indonesia"]


def test_a_count_out_of_a_total_counts_and_a_supposition_does_not() -> None:
    question = analyse("How many MPs in the Commons come from a visible minority group?")
    share = _sentence("Ethnic minorities make up 8% of the population but only 2% of MPs - 13 out of 659 - the group said.")
    supposed = _sentence("If ethnic minorities were represented in the Commons in proportion to their numbers, there would be 42 MPs.")
    assert [c.text for c in candidates.find(question, [supposed, share])][:1] == ["13"]


def test_who_a_side_plays_may_be_a_side() -> None:
    question = analyse("Now that Newry's expulsion has been upheld, who will Bangor play in the sixth round?")
    draw = _sentence("It meant that Bangor, beaten 5-1 by Newry on the field, will take on Portadown in the sixth round.")
    assert [c.text for c in candidates.find(question, [draw])][:1] == ["Portadown"]


def test_the_person_the_question_speaks_of_by_role_is_not_the_answer() -> None:
    question = analyse("Which patient, whose surgery had been called off, did the Tory leader deny using for point-scoring?")
    denial = _sentence("Tory leader Michael Howard denied he had been \"playing politics\" by raising the case of Margaret Dixon.")
    rival = _sentence("But Liberal Democrat leader Charles Kennedy told BBC News the government was split.")
    assert [c.text for c in candidates.find(question, [denial, rival])][:1] == ["Margaret Dixon"]


def test_a_pronoun_subject_is_answered_by_the_person_the_sentence_before_opens_with() -> None:
    question = analyse("Who dedicated the career award to Christopher Reeve?")
    award = replace(_sentence("Robin Williams, a five-time Globe winner, received the Cecil B DeMille award for career achievement."),
                    dense=0.3, cover=0.2)
    dedication = replace(_sentence("He dedicated his prize to Superman actor Christopher Reeve, who died last year."), start=101, end=180)
    other = replace(_sentence("Leonardo DiCaprio was named best actor at the awards."), source="b.txt", story="b.txt", dense=0.6, cover=0.4)
    assert [c.text for c in candidates.find(question, [dedication, other, award])][:1] == ["Robin Williams"]


def test_the_outlet_someone_spoke_to_is_not_the_body_asked_for() -> None:
    question = analyse("Which electronics firm carried out the study suggesting Britons are becoming digitally obese?")
    quote = _sentence("\"We will all be digitally obese,\" Jason Moore of Toshiba told the BBC News website.")
    assert [c.text for c in candidates.find(question, [quote])] == ["Toshiba"]
    outlet = analyse("Which website did Jason Moore tell about the study?")
    assert "BBC News" in " ".join(c.text for c in candidates.find(outlet, [quote]))


def test_a_title_spacy_does_not_tag_is_still_a_candidate() -> None:
    debut = analyse("In which film did Davis make his debut?")
    assert debut.type == "title"
    found = candidates.find(debut, [_sentence("Davis made his acting debut in 1950 in No Way Out starring Sidney Poiter.")])
    assert [c.text for c in found][:1] == ["No Way Out"]
    assert "Sidney Poiter" not in [c.text for c in found]  # a person is no title
    award = analyse("Which Shane Meadows film was named best film at the South Bank Show Awards?")
    won = _sentence("Shane Meadows' Dead Man's Shoes picked up the best film award, beating Shaun of the Dead and My Summer of Love.")
    assert [c.text for c in candidates.find(award, [won])][:1] == ["Dead Man's Shoes"]


def test_a_measure_question_takes_an_amount_in_its_units() -> None:
    weight = analyse("After cutting out snacks, what does British sprinter Mark Lewis-Francis now weigh?")
    assert weight.type == "quantity"
    sentences = [_sentence("Lewis-Francis will run the 4x100m relay in Madrid."), _sentence("He said he now weighs 86.9kg.")]
    assert [c.text for c in candidates.find(weight, sentences)] == ["86.9kg"]
    speed = analyse("How fast did Kelly Holmes run to win the 1500m in Glasgow?")
    race = _sentence("Holmes cruised to victory in the 1500m in four minutes 14.74 seconds.")
    assert [c.text for c in candidates.find(speed, [race])][:1] == ["four minutes 14.74 seconds"]


def test_a_length_or_weight_is_never_a_bare_number_but_a_speed_may_be() -> None:
    altitude = analyse("At what altitude was the suspected Chinese surveillance balloon flying when it crossed the US?")
    nations = _sentence("The balloon incident strained relations between the two nations for months.")
    assert candidates.find(altitude, [nations]) == []
    feet = _sentence("The balloon drifted over Montana at about 60,000 feet before it was shot down.")
    assert [c.text for c in candidates.find(altitude, [nations, feet])][:1] == ["about 60,000 feet"]
    computing = analyse("What speed did IBM's Blue Gene/L prototype reach in Department of Energy tests?")
    tests = _sentence("In the tests, the Blue Gene/L prototype reached 70.72 teraflops.")
    assert [c.text for c in candidates.find(computing, [tests])][:1] == ["70.72"]
    above = analyse("How far above the high-street average were the retailer's prices?")
    basket = _sentence("The retailer's prices were 11% above the high-street average, Goldman Sachs found.")
    assert [c.text for c in candidates.find(above, [basket])][:1] == ["11%"]  # "how far" need not ask for a length


def test_a_name_given_with_the_asked_noun_is_a_candidate_whatever_spacy_calls_it() -> None:
    studio = analyse("Which Japanese film studio became the first cinematic institution to receive the Berlinale Camera award?")
    founded = _sentence("Shochiku film studios, which was founded 110 years ago, will become the first cinematic institution to get it.")
    assert [c.text for c in candidates.find(studio, [founded])] == ["Shochiku"]
    firm = analyse("Which web analytics firm reported the drop?")
    said = _sentence("Web analytics firm OneStat.com said IE had dropped.")
    assert [c.text for c in candidates.find(firm, [said])][:1] == ["OneStat.com"]
    researcher = analyse("Which researcher argues that The Sims could teach languages?")
    vague = _sentence("A US researcher has suggested that games such as The Sims could be a good way to teach languages.")
    assert "A US" not in [c.text for c in candidates.find(researcher, [vague])]  # a nationality names no one
    stadium = analyse("At what stadium did Sir Paul McCartney perform his Super Bowl half-time set?")
    played = _sentence("McCartney played at the Alltel Stadium in Jacksonville on Sunday.")
    assert [c.text for c in candidates.find(stadium, [played])][:1] == ["Alltel Stadium"]  # the noun is part of the name


def test_a_share_is_never_a_sum_of_money() -> None:
    invest = analyse("How much did News Corporation invest in its joint venture?")
    assert invest.type == "money"
    assert not fits.fits("money", "Forty per cent") and fits.fits("money", "$40m")


def test_the_doer_of_the_asked_act_is_a_candidate_though_spacy_tags_no_name() -> None:
    question = analyse("Which Portsmouth player headed the injury-time equaliser at Anfield after Jerzy Dudek fumbled a cross?")
    goal = _sentence("Dudek fumbled a cross before Lomana LuaLua headed home an injury-time equaliser, levelling after Steven Gerrard scored.")
    assert [c.text for c in candidates.find(question, [goal])][:1] == ["Lomana LuaLua"]


def test_the_name_of_the_asked_place_is_not_a_description_of_it() -> None:
    question = analyse("At which London police station were the four Britons held for questioning?")
    held = _sentence("The men are being held at London's Paddington Green police station, where they will be questioned.")
    landed = _sentence("The detainees were arrested when they landed at RAF Northolt, west London, on Tuesday.")
    assert [c.text for c in candidates.find(question, [held, landed])][:1] == ["Paddington Green"]


def test_a_share_of_people_is_not_how_many_they_are() -> None:
    question = analyse("How many adult Americans own an MP3 player?")
    owners = _sentence("One in 10 adult Americans - equivalent to 22 million people - owns an MP3 player.")
    assert [c.text for c in candidates.find(question, [owners])][:1] == ["22 million"]


def test_a_year_after_the_is_no_title() -> None:
    question = analyse("What was the title of the work Paul Cavanagh read to win the Lit Idol contest?")
    read = _sentence("The 2004 winner, Paul Cavanagh, read from The Journey Home.")
    found = [c.text for c in candidates.find(question, [read])]
    assert "The 2004" not in found and found[:1] == ["The Journey Home"]
    film = analyse("For which film did Sophie Okonedo receive her first Oscar nomination?")
    role = _sentence("Okonedo plays the wife of Mr Rusesabagina in Hotel Rwanda.")
    assert [c.text for c in candidates.find(film, [role])] == ["Hotel Rwanda"]  # "Mr X" is a person
    knocked = analyse("Which film did Ocean's Twelve knock off the top of the box office?")
    top = _sentence("Ocean's Twelve knocked Lord of the Rings off the top spot.")
    assert [c.text for c in candidates.find(knocked, [top])][:1] == ["Lord of the Rings"]


def test_an_age_range_is_no_date() -> None:
    assert not fits.fits("date", "60 to 65") and fits.fits("date", "23 March")


def test_a_verb_s_particle_is_no_part_of_the_sum() -> None:
    question = analyse("How much did The Game hand to the Compton schools music programme?")
    found = candidates.find(question, [_sentence("The Boys Choir got a cheque from the rapper, while The Game handed over $103,500.")])
    assert [c.text for c in found] == ["$103,500"]


def test_a_figure_the_question_gives_is_no_answer_in_other_words() -> None:
    question = analyse("How much of the £1bn package will go to councils in the north?")
    found = candidates.find(question, [_sentence("The chancellor said he was providing an extra £1bn, with £300m for the north.")])
    assert [c.text for c in found] == ["£300m"]


def test_how_large_a_harvest_is_an_amount_not_its_rise() -> None:
    question = analyse("How large was Ethiopia's crop harvest in 2004?")
    found = candidates.find(question, [_sentence("Ethiopia produced 14.27 million tonnes of crops in 2004, 24% higher than in 2003.")])
    assert [c.text for c in found] == ["14.27 million tonnes"]


def test_which_director_takes_the_name_the_sentence_says_directs() -> None:
    question = analyse("Which director is set to make the film of Michelle Paver's novel Wolf Brother?")
    story = _sentence("Wolf Brother tells the story of Torak, a 12-year-old hunter.")
    making = _sentence("Hollywood veteran Ridley Scott is set to direct the film, the studio said on Monday.")
    assert [c.text for c in candidates.find(question, [story, making])] == ["Ridley Scott"]


def test_the_figure_after_the_asked_preposition_answers() -> None:
    cut = analyse("To how many planes did UPS cut its earlier order for Airbus A300s?")
    found = candidates.find(cut, [_sentence("UPS said it was cutting a previous order for smaller Airbus A300s from 90 planes to 53.")])
    assert found[0].text == "53"
    launched = analyse("At which institution did Charles Kennedy launch the campaign to win students' votes?")
    sentence = _sentence("Launching his campaign at the London School of Economics, Mr Kennedy attacked Labour.")
    assert candidates.find(launched, [sentence])[0].text == "the London School of Economics"


def test_an_argument_gives_a_reason() -> None:
    question = analyse("Why does Tony Blair believe abortion should not be an issue in the election campaign?")
    argued = _sentence("Tony Blair does not believe abortion should be an election issue, arguing it is a matter for individual conscience.")
    assert _reason(argued, question) == "arguing it is a matter for individual conscience"


def test_who_beat_whom_and_since_when_give_no_reason() -> None:
    question = analyse("Why was Steven Gerrard unable to play in the first leg?")
    won = _sentence("Gerrard was missing from the 3-1 win over Olympiakos, having been suspended after a booking.")
    assert _reason(won, question) == "after a booking"
    since = _sentence("It was Wales's first win over England in Cardiff since 1993.")
    assert _reason(since, question) is None
    feared = _sentence("The players walked out in a row over unpaid wages.")
    assert _reason(feared, question) == "over unpaid wages"


def test_a_change_in_the_number_of_a_thing_counts_it() -> None:
    question = analyse("By how many Chinese visitors a year was the tourism deal expected to increase tourism?")
    deal = _sentence("It is expected this would increase the number of Chinese tourists by 40,000 per year.")
    assert [c.text for c in candidates.find(question, [deal])] == ["40,000"]
    jobs = analyse("How many jobs will the plan create?")
    assert candidates.find(jobs, [_sentence("The number of visitors rose by 5,000 last year.")]) == []


def test_a_match_report_s_attendance_line_counts_the_spectators() -> None:
    question = analyse("How many spectators attended Newcastle's 2-1 home win over Bolton?")
    report = _sentence("Kieron Dyer smashed home the winner to end Bolton's 10-game unbeaten run, 14 games into the season.")
    line = replace(_sentence("Att: 50,430 Ref: S Dunn (Gloucestershire)."), dense=0.1, fused=0.1, cover=0.1)
    found = candidates.find(question, [report, line])
    assert found[0].text == "50,430" and found[0].sentence.evidence == report.evidence


def test_a_tennis_score_is_one_answer_set_by_set() -> None:
    question = analyse("By what score did Garcia-Lopez beat Carlos Moya at the Australian Open?")
    sets = _sentence("Garcia-Lopez withstood a third-set rally from Moya to hang on for a 7-5 6-3 3-6 6-3 victory.")
    assert [c.text for c in candidates.find(question, [sets])] == ["7-5 6-3 3-6 6-3"]


def test_until_when_takes_the_date_after_until() -> None:
    question = analyse("Until when does the contract extension David O'Leary signed keep him at Aston Villa?")
    signed = _sentence("O'Leary signed a contract extension on Thursday, securing his future at the club until summer 2008.")
    assert candidates.find(question, [signed])[0].text == "summer 2008"


def test_a_distributor_is_a_body() -> None:
    question = analyse("Which US digital music distributor bought the Commodore computer brand?")
    assert question.type == "organisation"


def test_where_a_firm_is_based_may_be_written_before_based() -> None:
    question = analyse("In which city is the oil consultancy Blackwatch Petroleum Services based?")
    said = _sentence("Radwan Hadi is deputy managing director of Aberdeen-based oil consultancy Blackwatch Petroleum Services.")
    met = _sentence("The firm's staff met oil officials in Kirkuk on Monday.")
    assert "Aberdeen" in [c.text for c in candidates.find(question, [said, met])]  # kept beside "in Kirkuk"


def test_a_first_name_spacy_leaves_out_at_the_opening_is_part_of_the_name() -> None:
    question = analyse("Who designed the user interface for the E-slate handheld computers?")
    said = _sentence("Maciej Sundra, who designed the user interface for the E-slates, says the goal is access to knowledge.")
    assert [c.text for c in candidates.find(question, [said])] == ["Maciej Sundra"]
    opened = _sentence("Yesterday Smith said he designed the interface.")
    assert [c.text for c in candidates.find(question, [opened])] == ["Smith"]


def test_sums_in_other_currencies_and_ranges_of_percentages() -> None:
    pesos = analyse("How much money has the Colombian government set aside for subsidies for the poor?")
    found = candidates.find(pesos, [_sentence("A total of 24.2 trillion pesos ($10.2bn) is earmarked for subsidies.")])
    assert [c.text for c in found][:1] == ["24.2 trillion pesos"]
    yen = analyse("How many yen was the US dollar buying at 0950 GMT?")
    rates = [_sentence("One dollar bought 102.55 yen."), _sentence("The dollar was buying 104.76 yen at 0950 GMT.")]
    assert yen.type == "money" and "One dollar" != candidates.find(yen, rates)[0].text
    spread = analyse("What range did the Brookings Institution give for Iraq's jobless rate?")
    found = candidates.find(spread, [_sentence("We estimate it to be between 30-40%, the Brookings Institution said.")])
    assert [c.text for c in found] == ["30-40%"]


def test_a_move_from_one_level_to_another_gives_two_figures_and_before_the_cut_takes_the_first() -> None:
    text = "Bonuses on pension policies were reduced from 3.25% to 2.5%."
    start = text.index("3.25%")
    assert fits.moves_apart(text, start, len(text) - 1) == [(start, start + 5), (text.index("2.5%"), len(text) - 1)]
    assert fits.moves_apart("between 2% to 3%", 8, 16) == [(8, 16)]  # no "from": the span stays as it is
    before = analyse("What had the bonus rate on its pension policies been before the cut?")
    assert before.type == "percent"
    assert [c.text for c in candidates.find(before, [_sentence(text)])] == ["3.25%"]
    after = analyse("What was the bonus rate on its pension policies after the cut?")
    assert [c.text for c in candidates.find(after, [_sentence(text)])] == ["2.5%"]


def test_at_what_level_after_an_opening_clause_takes_the_figure_after_at() -> None:
    question = analyse("When output rose 2.1% in January, at what level did Tokyo's Nikkei 225 index close?")
    text = "The Nikkei 225 index ended the day up 0.7% at 11,740.60 points."
    assert candidates.find(question, [_sentence(text)])[0].text.startswith("11,740.60")


def test_what_time_did_a_runner_record_asks_a_race_time_written_with_its_unit_attached() -> None:
    question = analyse("What time did Allan Scott record in winning his heat in Madrid?")
    assert question.type == "quantity" and analyse("What time did the train leave?").type == "time"
    text = "He won his heat in 7.64secs but ran 0.04secs slower in the final."
    assert [c.text for c in candidates.find(question, [_sentence(text)])][:1] == ["7.64secs"]


def test_who_took_over_from_a_presenter_is_the_one_who_replaced_him_named_in_full() -> None:
    question = analyse("Who had already taken over as presenter from newcomer Tim Kash after the relaunch?")
    producer = _sentence("The show was fronted by newcomer Tim Kash and was put together by producer Andi Peters.")
    replaced = replace(_sentence("Tim Kash has since been replaced as host by Fearne Cotton."), dense=0.7, fused=0.9, cover=0.4)
    assert [c.text for c in candidates.find(question, [producer, replaced])][:1] == ["Fearne Cotton"]


def test_to_what_level_after_an_opening_clause_keeps_a_level_not_said_with_to() -> None:
    question = analyse("With 2% growth, to what level did the director say poverty could fall by 2019?")
    low = _sentence("By 2019 poverty could fall as low as 15.3%, the deputy director said.")
    other = replace(_sentence("Sound distribution of the cash could cut poverty to 36% from 53%."), dense=0.5, fused=0.5, cover=0.3)
    assert [c.text for c in candidates.find(question, [low, other])][:1] == ["15.3%"]


def test_on_which_date_prefers_one_day_to_a_run_of_days() -> None:
    question = analyse("On which date was George Michael due to introduce the festival screening of his documentary?")
    runs = _sentence("The documentary will screen in the Panorama section of the festival, which runs from 10-20 February.")
    day = replace(_sentence("Michael will attend the festival to introduce the screening on 16 February."), dense=0.75, cover=0.45)
    assert [c.text for c in candidates.find(question, [runs, day])][:1] == ["16 February"]
    when = analyse("When does the Berlin film festival run?")
    assert [c.text for c in candidates.find(when, [runs, day])][:1] == ["10-20 February"]


def test_a_city_spacy_runs_into_a_longer_name_or_leaves_untagged_is_still_a_place() -> None:
    """spaCy reads "the All Blacks in Christchurch" as one organisation and leaves "Bracknell-based" untagged."""
    test_match = analyse("Which city will stage the opening Test of the Lions tour?")
    text = "The Lions leave on 24 May, with the first Test match against the All Blacks in Christchurch on 25 June."
    assert [c.text for c in candidates.find(test_match, [_sentence(text)])] == ["Christchurch"]
    based = analyse("In which town does the delivery firm Exel have its head office?")
    text = "With its shares closing at 873p, Bracknell-based Exel is valued at £2.6bn."
    assert [c.text for c in candidates.find(based, [_sentence(text)])] == ["Bracknell"]


def test_a_ground_spacy_calls_a_town_answers_which_ground_when_it_is_no_known_place() -> None:
    question = analyse("At which ground did Ulster beat Borders?")
    text = "Ulster clung on for a Celtic League win over bottom club Borders at Netherdale on Friday night."
    assert [c.text for c in candidates.find(question, [_sentence(text)])] == ["Netherdale"]
    town = "Ulster clung on for a Celtic League win over bottom club Borders at Glasgow on Friday night."
    assert candidates.find(question, [_sentence(town)]) == []  # a known city is no ground


def test_a_figure_given_to_another_month_does_not_answer_for_the_asked_month() -> None:
    question = analyse("By how much did factory output in Germany increase in November?")
    text = "Output rose 0.3% - in line with forecasts - from a revised 0.6% increase in October."
    assert [c.text for c in candidates.find(question, [_sentence(text)])][:1] == ["0.3%"]
    october = analyse("By how much did factory output in Germany increase in October?")
    assert "0.6%" in [c.text for c in candidates.find(october, [_sentence(text)])]


def test_a_question_ending_on_to_takes_the_figure_after_to() -> None:
    question = analyse("In the new budget, what level is the country's corporate tax rate being lowered to?")
    text = "The tax cuts target firms, cutting corporate tax from 30% to 29% this year."
    assert [c.text for c in candidates.find(question, [_sentence(text)])][:1] == ["29%"]


def test_an_age_group_is_no_count_and_an_adverb_is_not_what_is_counted() -> None:
    question = analyse("How many Britons now have a games console, according to the survey?")
    assert counted_noun(question.text) == "britons"
    teenagers = _sentence("The survey did not ask teenagers, but millions of under-18s also own consoles.")
    assert "18" not in [c.text for c in candidates.find(question, [teenagers])]
    adults = _sentence("One in 10 adult Britons - equivalent to 5 million people - owns a games console.")
    assert [c.text for c in candidates.find(question, [adults])][:1] == ["5 million"]


def test_a_pronoun_subject_is_the_person_the_sentence_before_names_though_the_asked_name_is_possessive() -> None:
    """"He has long been one of President Xi Jinping's closest aides": Xi Jinping is the question's, not the answer."""
    question = analyse("Who has long been one of President Xi Jinping's closest aides?")
    before = Sentence("a.txt", 0, 60, "Analysts said Qin's appointment may be an encouraging sign.", "utf-8", "a.txt", "", "", "",
                      frozenset(), 0.5, 0.5, 0.0, True)
    aide = ("He has long been one of President Xi Jinping's closest aides and has shown signs of disapproval toward "
           "Russia's war with Ukraine and the possibility of conflict with Taiwan.")
    pronoun = Sentence("a.txt", 61, 61 + len(aide), aide, "utf-8", "a.txt", "", "", "", frozenset(terms(aide)), 0.8, 1.0, 1.0, True)
    other = "Blinken is the first official to visit since President Joe Biden took office."
    biden = Sentence("b.txt", 0, len(other), other, "utf-8", "b.txt", "", "", "", frozenset(terms(other)), 0.6, 0.6, 0.6, True)
    assert [c.text for c in candidates.find(question, [pronoun, biden, before])][:1] == ["Qin"]


def test_a_name_ends_at_a_spaced_dash_and_a_business_named_after_its_noun_is_one() -> None:
    manager = analyse("Who is the fund manager who said he would only put in more money if he got more say?")
    hamm = _sentence("Fund manager Florian Hamm - Borussia Dortmund's largest investor - said he would only invest more money.")
    assert [c.text for c in candidates.find(manager, [hamm])][:1] == ["Florian Hamm"]
    chain = analyse("Which US home furnishings chain saw December same store sales drop 8.8%?")
    pier = _sentence("Home furnishings store Pier 1 Imports saw its same store sales sink by a larger-than-forecast 8.8%.")
    assert [c.text for c in candidates.find(chain, [pier])] == ["Pier 1 Imports"]


def test_a_length_in_two_units_is_one_answer_and_an_age_is_none() -> None:
    question = analyse("How long had Jane Hutt been the Welsh assembly's health minister?")
    hutt = _sentence("Ms Hutt said she hoped people would benefit from her investment of the past five years and eight months.")
    assert [c.text for c in candidates.find(question, [hutt])] == ["the past five years and eight months"]
    held = analyse("How long was Nick Griffin held in police custody?")
    age = _sentence("West Yorkshire police confirmed they had arrested a 45-year-old man from outside their area.")
    assert candidates.find(held, [age]) == []


def test_which_country_is_never_answered_by_a_city_and_a_sum_is_never_in_tonnes() -> None:
    country = analyse("Besides Albania, which other country is the UK negotiating with over a returns scheme?")
    embassy = _sentence("A spokesman for the Albanian embassy in London said it was the first it had heard of a scheme.")
    assert candidates.find(country, [embassy]) == []
    paid = analyse("How much is France's Total investing in the Qatargas-2 project?")
    tonnes = _sentence("ExxonMobil will be taking some 15 million tonnes each year for 25 years from the end of 2007.")
    assert not fits.fits("money", "some 15 million tonnes") and fits.fits("money", "£15m")
    assert [c.text for c in candidates.find(paid, [tonnes]) if "tonnes" in c.text] == []


def test_a_name_goes_on_past_a_middle_initial_without_its_full_stop() -> None:
    question = analyse("Which district attorney handled the allegation against Bill Cosby?")
    castor = _sentence("District Attorney Bruce L Castor Jr, who was in charge of the case, said detectives found no complaint.")
    assert [c.text for c in candidates.find(question, [castor])][:1] == ["Bruce L Castor Jr"]


def test_a_number_word_in_a_hyphenated_modifier_counts_nothing_but_a_three_time_winner_won_three_times() -> None:
    crowd = analyse("What was the crowd figure at the Riverside?")
    traffic = _sentence("It was all one-way traffic after the break at the Riverside as Middlesbrough poured forward.")
    assert candidates.find(crowd, [traffic]) == []
    times = analyse("How many times has Hewitt won the title?")
    winner = _sentence("Hewitt is a three-time winner of the title in Sydney.")
    assert [c.text for c in candidates.find(times, [winner])] == ["three"]


def test_by_how_much_asks_for_the_figure_written_as_a_change_not_the_new_total() -> None:
    question = analyse("By how much did global mobile phone sales last year exceed the 2003 figure, according to Gartner?")
    total = _sentence("More than 674 million mobiles were sold last year globally, said the report, the highest total sold to date.")
    change = _sentence("The figure was 30% more than in 2003 and surpassed even the most optimistic predictions, Gartner said.")
    assert [c.text for c in candidates.find(question, [total, change])] == ["30%"]
    elsewhere = replace(_sentence("Sales of digital cameras rose by 40% last year."), source="other.txt")
    assert "More than 674 million" in [c.text for c in candidates.find(question, [total, elsewhere])]  # another article's change
    text = "Laporte made four changes to the side for the trip to Cardiff, and France have climbed two places."
    both = [(_sentence(text), 13, 17), (_sentence(text), text.index("two"), text.index("two") + 3)]
    beaten = analyse("How many changes did Laporte make to the France side that beat England?")  # a side beaten, no change asked
    moved = analyse("By how many places did France climb?")
    assert candidates._moved(beaten, both) == both and candidates._moved(moved, both) == both[1:]
    level = analyse("How many mobiles were sold last year, according to Gartner?")
    assert "More than 674 million" in [c.text for c in candidates.find(level, [total, change])]


def test_a_bare_count_counts_what_the_words_just_before_it_name() -> None:
    question = analyse("To roughly how many people does Park City's population swell while the festival is on?")
    swell = _sentence("The festival is held in Park City, which sees its population rise from 7,500 to 45,000 during the festival.")
    assert "45,000" in [c.text for c in candidates.find(question, [swell])]
    pets = analyse("How many household pets have been found on the electoral roll?")
    times = _sentence("The UK had valued the culled animals at between two and three times the commission's assessment.")
    assert candidates.find(pets, [times]) == []


def test_a_purpose_or_a_result_gives_a_reason() -> None:
    question = analyse("Why did the flight attendant start writing her online diary?")
    purpose = _sentence("The diary, which she began in March as a way of coping with her father's illness, is read by thousands.")
    assert _reason(purpose, question) == "as a way of coping with her father's illness"
    cast = analyse("Why is the actor appearing in the hospital comedy?")
    result = _sentence("His appearance is said to be a result of his friendship with its star, who invited him.")
    assert _reason(result, cast) == "a result of his friendship with its star"
    bid = _sentence("The firm cut prices on Monday in a bid to win back shoppers from its rivals.")
    assert _reason(bid, analyse("Why did the firm cut its prices?")) == "in a bid to win back shoppers from its rivals"
    grown = _sentence("The diary's heroine developed over the months into a character of her own, readers say.")
    assert _reason(grown, question) is None  # a span of time, as "over the years" already was


def test_a_cause_said_outright_is_looked_for_further_down_than_a_weaker_connective() -> None:
    from assistant.answer.clauses import best_reason

    def weighed(text: str, evidence: float) -> Sentence:
        return replace(_sentence(text), dense=evidence, cover=evidence, fused=evidence)

    question = analyse("Why is Colin Farrell making a guest appearance on the hospital comedy Scrubs?")
    best = weighed("Colin Farrell is to make a guest appearance on the US hospital comedy Scrubs.", 1.0)
    weak = weighed("He will appear in an episode for their special anniversary show next month.", 0.72)
    stated = weighed("Farrell's appearance is said to be a result of his friendship with Zach Braff.", 0.7)
    assert _reason(weak, question) == "for their special anniversary show next month"
    assert best_reason([best, weak, stated], question, 0.8) is stated  # a weaker "for" that far down is passed over
    far = replace(stated, dense=0.5, cover=0.5, fused=0.5)
    assert best_reason([best, weak, far], question, 0.8) is best  # too far below the best to answer


def test_the_reason_given_for_the_asked_act_comes_first() -> None:
    """"Why had the blogger started her diary?": the sentence that gives a reason for starting it, though
    a slightly stronger one gives a reason for something else the diary did."""
    from assistant.answer.clauses import asked_acts, best_reason

    def weighed(text: str, evidence: float) -> Sentence:
        return replace(_sentence(text), dense=evidence, cover=evidence, fused=evidence)

    question = analyse("Why had the Queen of the Sky blogger started keeping her online diary in the first place?")
    assert asked_acts(question.text) == {"start", "keep"}
    other = weighed("A large part of the blog contained fictional stories because the heroine grew into a character.", 0.6)
    started = weighed("The blog, which she started in January as a way of getting over her mother's death, mixes fact and fiction.", 0.55)
    assert best_reason([other, started], question, 0.8) is started
    assert best_reason([other, replace(started, text=started.text.replace("started", "wrote"))], question, 0.8) is other
    assert asked_acts("Why will England's stand-in captain have to sit out the rest of the Six Nations?") == {"sit"}  # no "stand"


def test_due_to_before_a_verb_is_a_plan_not_a_cause() -> None:
    question = analyse("Why will the captain miss the rest of the Six Nations?")
    planned = _sentence("Robinson, stand-in captain, had been due to lead England in their final two games.")
    assert _reason(planned, question) is None
    injured = _sentence("Robinson will miss the rest of the Six Nations due to a torn ligament in his thumb.")
    assert _reason(injured, question) == "due to a torn ligament in his thumb"


def test_a_list_of_countries_is_not_answered_by_a_continent() -> None:
    question = analyse("Which EU countries did the Commission's report single out as the biggest laggards?")
    assert question.type == "list"
    laggard = _sentence("Ensuring Europe does not become a laggard matters, and Greece and Italy are the biggest ones.")
    assert sorted(c.text for c in candidates.find(question, [laggard])) == ["Greece", "Italy"]
    continent = _sentence("Ensuring Europe does not become a laggard matters.")  # no country found: the place stays
    assert [c.text for c in candidates.find(question, [continent])] == ["Europe"]


def test_a_person_who_only_speaks_does_not_answer_who_did_something_else() -> None:
    """The agent quoted about the midfielder is not the teenager who took his place; a "who said" question
    still wants the speaker."""
    question = analyse("Which teenager has taken the Brazilian midfielder's place in the Celtic side?")
    agent = _sentence("Agent Brian Hassell insists that the Brazilian midfielder is determined to win back his place in the side.")
    taken = replace(_sentence("The Brazilian midfielder has lost his place in the Celtic side to 18-year-old Aiden McGeady."), dense=0.7)
    assert candidates._only_speaks(question, agent.text, 6, 19) == 1.0
    assert candidates._only_speaks(question, taken.text, 78, 91) == 0.0
    assert [c.text for c in candidates.find(question, [agent, taken])][:1] == ["Aiden McGeady"]
    said = analyse("Who said the Brazilian midfielder is determined to win back his place?")
    assert candidates._only_speaks(said, agent.text, 6, 19) == 0.0


def test_a_share_alone_is_not_how_many() -> None:
    """"half of those questioned" says what share, not how many; a percent question still takes it."""
    assert not fits.fits("number", "half") and not fits.fits("number", "More than two-thirds")
    assert fits.fits("number", "two and a half million") and fits.fits("number", "277 million")
    assert fits.fits("percent", "a quarter")
    question = analyse("How many questions were typed into the BBC's web search engine during 2004?")
    half = _sentence("Despite this liking for search sites half of those questioned said they could get the information elsewhere.")
    count = replace(_sentence("More than 277 million enquiries were typed into the search engine, on all kinds of subjects."), dense=0.6)
    assert [c.text for c in candidates.find(question, [half, count])][:1] == ["More than 277 million"]


def test_a_further_stated_cause_of_the_same_article_is_found_below_the_best() -> None:
    """"because of injury" leads; the article's "because of a torn ligament" says more, a little weaker."""
    from assistant.answer.clauses import further_cause, weak_cause

    question = analyse("Why will England's stand-in captain have to sit out the rest of the Six Nations?")
    best = _sentence("England captain Jason Robinson will miss the rest of the Six Nations because of injury.")
    ligament = replace(_sentence("The full-back pulled out of the squad on Wednesday because of a torn ligament in his thumb."),
                       start=300, end=390, dense=0.45)
    elsewhere = replace(ligament, source="b.txt")
    assert further_cause([best, ligament], best, question) is ligament
    assert further_cause([best, elsewhere], best, question) is None  # another article's cause may be another's
    assert further_cause([best, replace(ligament, dense=0.0, cover=0.0, fused=0.0)], best, question) is None  # too weak
    assert weak_cause("Investors who lost money following the scandal are to be paid.", 25)
    assert not weak_cause("He pulled out because of a torn ligament.", 14)


def test_a_name_after_a_noun_for_a_film_is_its_title_not_a_doer() -> None:
    """spaCy tags "Sideways" of "The comedy Sideways" a place, which "who won" would take for a team."""
    text = "The comedy Sideways has dominated this year's awards, winning all six of the awards for which it was nominated."
    sideways = Entity(11, 19, "GPE", "Sideways")
    assert entity_labels._work_named(text, sideways).label == "WORK_OF_ART"
    town = Entity(11, 19, "GPE", "Sideways")
    assert entity_labels._work_named("The town of Sideways has won all six awards.", replace(town, start=12, end=20)).label == "GPE"
    found = candidates.find(analyse("Who won all six awards this year?"), [_sentence(text)])
    assert "Sideways" not in [c.text for c in found]


def test_the_name_beside_the_asked_object_is_the_doer() -> None:
    """"Who won best actress?": the name the sentence says took best actress, over one closer to the other words."""
    question = analyse("Who won best actress at this year's Independent Spirit Awards?")
    starring = replace(_sentence("The comedy Sideways, starring Paul Giamatti, is up for six Independent Spirit Awards this year."),
                       dense=0.9, fused=0.9)
    took = replace(_sentence("Other winners included Catalina Sandino Moreno, who took best actress for her role in Maria."),
                   source="b.txt", story="b.txt")
    found = candidates.find(question, [starring, took])
    assert found[0].text == "Catalina Sandino Moreno", [(c.text, c.score) for c in found]
    assert candidates._asked_object("Who bought the Czech mobile operator Oskar?") == frozenset(terms("Czech mobile operator Oskar"))
    assert candidates._asked_object("What did Blinken say about Taiwan?") == frozenset()


def test_who_is_never_the_body_or_event_a_sentence_places_something_at() -> None:
    question = analyse("Who won best actress at this year's Independent Spirit Awards?")
    found = candidates.find(question, [_sentence("Moreno is also nominated for best actress at the Oscars.")])
    assert "Oscars" not in [c.text for c in found] and "Moreno" in [c.text for c in found]


def test_a_stretch_of_time_does_not_say_when() -> None:
    """"When did the meeting take place?" is not answered by "the past 50 years" or "decades"."""
    assert not any(fits.fits("date", p) for p in ("the past 50 years", "decades", "recent years", "the coming months"))
    assert all(fits.fits("date", p) for p in ("three years ago", "last year", "the 1990s", "15 December, 1953"))
    question = analyse("When did that meeting of tobacco bosses take place?")
    stretch = _sentence("Prosecutors wanted the firms to surrender profits accumulated by the tobacco bosses over the past 50 years.")
    meeting = replace(_sentence("Central to the case was a meeting in the Plaza Hotel, New York, on 15 December, 1953."), dense=0.7)
    assert [c.text for c in candidates.find(question, [stretch, meeting])] == ["15 December, 1953"]


def test_an_ailment_or_a_name_source_is_a_reason_of_the_asked_person() -> None:
    missing = analyse("Why is Hal Luscombe missing from the Wales team?")
    assert _reason(_sentence("Luscombe is sidelined by a hamstring problem sustained against Italy."), missing) == (
        "sidelined by a hamstring problem sustained against Italy")
    boost = _sentence("So Luscombe's return to fitness after missing the France match with hamstring trouble is a timely boost.")
    assert _reason(boost, missing) == "with hamstring trouble"  # the stated cause inside a clause that says when
    other = _sentence("Sonny Parker is continuing to struggle with a neck injury, but Hal Luscombe should be fit for the trip.")
    assert _reason(other, missing) is None  # Parker's injury is no reason for Luscombe
    called = analyse("Why is the company called 19?")
    named = _sentence("The company was set up 15 years ago by Mr Fuller, taking the name from his first successful single - 19 by Paul Hardcastle.")
    assert _reason(named, called) == "taking the name from his first successful single"


def test_the_doer_of_the_asked_act_on_its_object_outranks_a_titled_name() -> None:
    """spaCy calls "Baby Cow" a person; "which created Nighty Night" makes it the company asked for, over the
    "production company Tiger Aspect" of the same sentence. Words hung on an object are not the object."""
    question = analyse("Which production company made Nighty Night, named the best new TV comedy at the awards?")
    text = ("Production companies also featured in the top 50, including Steve Coogan's Baby Cow, which created Nighty Night "
            "among others, and The Vicar of Dibley production company Tiger Aspect.")
    assert candidates.find(question, [_sentence(text)])[0].text == "Baby Cow"
    won = analyse("Which National Theatre website won the interactive Bafta for best learning?")
    leads = "The BBC leads the nominations for the Bafta Interactive Awards, including one for the Radio Times website."
    assert not candidates._object_beside(won, leads, 4, 7)  # it leads the nominations, not the Bafta


def test_a_change_against_another_period_is_not_the_asked_change() -> None:
    question = analyse("How much did French households raise their spending in January compared with the previous month?")
    yearly = replace(_sentence("Consumer spending in January rose 3.8% on a year-on-year basis, INSEE said."), dense=0.9)
    monthly = _sentence("French consumers increased their spending by 1.5% in January, figures revealed.")
    assert candidates.find(question, [yearly, monthly])[0].text == "1.5%"


def test_a_venue_s_name_before_its_kind_of_place_is_where_not_a_description() -> None:
    """"the Luna Park fairground": the name qualifies "fairground", as "a Hollywood classic" does "classic",
    but it names the venue."""
    venue = analyse("At which Sydney venue were the first Australian MTV music awards staged?")
    held = _sentence("The ceremony was held at the Luna Park fairground in Sydney Harbour and was hosted by the Osbourne family.")
    assert "the Luna Park" in [c.text for c in candidates.find(venue, [held])]


def test_what_one_realised_or_acted_to_do_is_a_reason() -> None:
    """"Realising I would be unable to play this season, ..." says why; "acted to curb inflation" says what for."""
    ended = analyse("Why did Dave Hodges and the Scarlets agree to end his contract early?")
    quote = _sentence('"Realising I would be unable to play this season, the club and I agreed to end my contract early," said Hodges.')
    assert _reason(quote, ended) == "Realising I would be unable to play this season"
    raised = analyse("Why did the central bank raise interest rates?")
    assert _reason(_sentence("The Bank said it had acted to curb inflation."), raised) == "acted to curb inflation"
    assert _reason(_sentence("The Bank said rates would stay at 5.5%."), raised) is None


def _found_over(question: str, answering: str, weaker: str) -> list[str]:
    """The candidates of a question over a sentence that answers and a weaker one that does not, best first."""
    return [c.text for c in candidates.find(analyse(question), [_sentence(answering), replace(_sentence(weaker), dense=0.6)])]


def test_the_city_a_festival_is_named_after_answers_which_city_it_was_in() -> None:
    found = _found_over("In which city was the film festival where Vera Drake won best picture?",
                        "Vera Drake has been named best picture at the Bangkok International Film Festival.",
                        "The Academy Awards ceremony will be held in Hollywood on 27 February.")
    assert found[:1] == ["Bangkok"]


def test_a_match_minute_belongs_to_the_act_told_before_it() -> None:
    found = _found_over("When did Ashley Cole's header come in Arsenal's 1-1 draw with Everton?",
                        "Everton went ahead through Tim Cahill in the 33rd minute before Ashley Cole's header levelled in the 87th minute.",
                        "Arsenal drew 1-1 with Everton on Sunday.")
    assert found[:1] == ["87th minute"] and "33rd minute" not in found


def test_a_name_spoken_of_as_a_business_is_no_person() -> None:
    texts = ["Shares in Lukoil fell on Monday.", "Mr Petrov is Lukoil's largest shareholder and lives in London."]
    parses = [(Entity(10, 17, "PERSON", "Lukoil"),), (Entity(3, 9, "PERSON", "Petrov"), Entity(13, 19, "PERSON", "Lukoil"))]
    labels = [[(e.text, e.label) for e in ents] for ents in entity_labels.relabelled([_sentence(t) for t in texts], parses)]
    assert ("Lukoil", "ORG") in labels[1] and ("Petrov", "PERSON") in labels[1]
    held = [(Entity(0, 7, "PERSON", "Murdoch"),)]  # a person holds shares too
    assert entity_labels.relabelled([_sentence("Murdoch's shares rose.")], held)[0][0].label == "PERSON"


def test_a_time_after_an_event_is_no_length_and_a_term_may_run_on() -> None:
    question = analyse("How long a prison sentence was handed to the blogger Ali Reza?")
    when = _sentence("Mr Reza was sentenced one day after an online campaign highlighted his case.")
    term = replace(_sentence("The blogger Ali Reza has been jailed for 12 years on charges of spying."), dense=0.6)
    found = candidates.find(question, [when, term])
    assert [c.text for c in found] == ["12 years"]
    gap = analyse("How long after the campaign was Ali Reza sentenced?")
    assert [c.text for c in candidates.find(gap, [when])] == ["one day"]


def test_an_injury_told_as_an_act_or_a_stated_purpose_is_a_reason_said_outright() -> None:
    from assistant.answer.clauses import best_reason

    def weighed(text: str, evidence: float) -> Sentence:
        return replace(_sentence(text), dense=evidence, cover=evidence, fused=evidence)

    ended = analyse("Why did Dave Hodges and the Scarlets agree to end his contract early?")
    tore = weighed("He tore a pectoral muscle against the Ospreys on Boxing Day, an injury that kept him out.", 0.68)
    assert _reason(tore, ended) == "tore a pectoral muscle against the Ospreys on Boxing Day"
    best = weighed("Scarlets forward Dave Hodges has ended his playing career to pursue a coaching role in the States.", 1.0)
    assert best_reason([best, tore], ended, 0.8) is tore  # said outright, so looked for below the closest sentences
    nerve = _sentence("After recovering from a trapped nerve in his back, the 31-year-old is relishing his role.")
    assert _reason(nerve, analyse("What had sidelined Austin Healey?")) == "recovering from a trapped nerve in his back"
    why = analyse("Why did Lycos want its screensaver to keep spam websites running at 95% capacity?")
    idea = _sentence("Lycos said the idea was to get the spam sites running flat out and generate big bandwidth bills for spammers.")
    assert _reason(idea, why) == "the idea was to get the spam sites running flat out and generate big bandwidth bills for spammers"
    for feat in ("He broke the record for the fastest lap at Monza last year.", "They pulled a surprise out of the hat."):
        assert _reason(_sentence(feat), ended) is None  # harm is done to a part of the body


def test_initials_spacy_leaves_untagged_or_calls_a_place_answer_which_company() -> None:
    question = analyse("Which company did the new communications chief come from?")
    found = candidates.find(question, [_sentence("The Lib Dems have appointed a senior figure from BT to be the new communications chief.")])
    assert [c.text for c in found] == ["BT"]  # spaCy calls BT a place
    ents = (Entity(0, 28, "ORG", "Arts Alliance Digital Cinema"),)
    assert entity_labels._acronyms("Arts Alliance Digital Cinema (AADC) won the contract, the UK Film Council said.", ents) == ()
    assert entity_labels._acronyms("Shares in EMI fell, and MPs said GDP grew at 1600 GMT.", ()) == (Entity(10, 13, "ORG", "EMI"),)
    assert entity_labels._acronyms("SHARES IN EMI FELL SHARPLY ON MONDAY", ()) == ()  # a headline in capitals


def test_a_rate_may_follow_the_amount_converted_into_another_currency() -> None:
    question = analyse("How much a month will T-Mobile charge customers for its wi-fi tariff?")
    monthly = _sentence("It would introduce a flat-fee £20 ($38) a month wi-fi tariff for people using its hotspots.")
    whole = _sentence("T-Mobile spent £150m on its wi-fi network last year.")
    assert [c.text for c in candidates.find(question, [monthly, whole])] == ["£20"]  # not the sum given whole


def test_a_name_that_owns_nothing_keeps_its_possessive() -> None:
    text = "The auction, at Sotheby's, will feature 45 paintings, said Martin Scorsese's agent."
    at = text.index("Sotheby's")
    assert text[at : candidates._trimmed(text, at, at + len("Sotheby's"))] == "Sotheby's"
    at = text.index("Martin")
    assert text[at : candidates._trimmed(text, at, at + len("Martin Scorsese's"))] == "Martin Scorsese"


def test_a_holiday_is_a_date() -> None:
    assert fits.fits("date", "Boxing Day") and fits.fits("date", "New Year's Day") and fits.fits("day", "Christmas Eve")
    assert not fits.fits("date", "the boxing match")


def test_where_a_firm_is_based_is_the_place_before_based() -> None:
    question = analyse("Where is the supermarket chain Winn-Dixie headquartered?")
    first = replace(_sentence("US supermarket group Winn-Dixie has filed for bankruptcy protection."), dense=0.9)
    based = _sentence("The Jacksonville, Florida-based firm has total debts of $1.87bn.")
    spans = [(first, 0, 2), (based, 4, 16), (based, 18, 25)]
    assert [s.text[a:b] for s, a, b in fits.home_base(question, spans)] == ["Jacksonville", "Florida"]
    assert fits.home_base(analyse("Where did Winn-Dixie open stores?"), spans) == spans


def test_a_bare_number_is_an_age_only_where_news_puts_one() -> None:
    question = analyse("How old was Yoshiaki Tsutsumi when he was arrested?")
    text = "He made it look as if the 10 biggest shareholders owned less."
    assert candidates._typed_spans(question, text, (Entity(26, 28, "CARDINAL", "10"),)) == []
    text = "Yoshiaki Tsutsumi, 70, was arrested."
    assert candidates._typed_spans(question, text, (Entity(19, 21, "CARDINAL", "70"),)) == [(19, 21)]
    text = "Workers could work on till 70 if they wished."
    assert candidates._typed_spans(question, text, (Entity(27, 29, "CARDINAL", "70"),)) == [(27, 29)]
    text = "They may work past the age of 65 if they wish."
    assert candidates._typed_spans(question, text, (Entity(30, 32, "CARDINAL", "65"),)) == [(30, 32)]
