"""Question analysis: the answer type from varied phrasings, the names and numbers a question is pinned to."""

import pytest

from assistant.answer.question import analyse, answer_type, asked_parts, counted_thing, measured_thing
from assistant.terms import terms

TYPES = [
    ("Who held the Chinese foreign minister job before Qin Gang took it over?", "person"),
    ("Which ex-England football star signed up for the BBC's ice dancing show?", "person"),
    ("Which US district judge refused to throw out the Balco steroid case?", "person"),
    ("Which company bought the brewer last year?", "organisation"),
    ("Where did Blinken meet Qin Gang?", "place"),
    ("In which city did the two ministers hold talks?", "place"),
    ("When did Blinken finally travel to Beijing?", "date"),
    ("In what month did Qin Gang start his posting?", "date"),
    ("On which day of the week was Qin Gang named foreign minister?", "day"),
    ("At what time did the match kick off?", "time"),
    ("Between which hours does the curfew run?", "time"),
    ("Which exiled associate living in Israel received the stake?", "person"),
    ("How long did Blinken and Qin talk?", "duration"),
    ("For how many years was he in charge?", "duration"),
    ("How long was the contract he signed?", "duration"),
    ("How long were the delays on the line?", "duration"),
    ("How long will the new Tyne bridge be?", "quantity"),  # a thing's length is a distance
    ("How many advance orders did Amazon take?", "number"),
    ("How old was Kalusha Bwalya when he played?", "number"),
    ("How much has the Treasury set aside for the rail link?", "money"),
    ("What was the value of the Iraqi transport contract?", "money"),
    ("By what percentage did sales rise?", "percent"),
    ("What new top rate of tax did Charles Kennedy propose?", "percent"),  # a rate of tax, not a sum
    ("To what hourly rate will the minimum wage rise?", "money"),  # a rate of pay is a sum
    ("At what exchange rate did the dollar close?", "quantity"),
    ("In which minute did Gravesen score?", "rank"),  # the 84th
    ("To what level did South Africa cut its corporate tax rate?", "percent"),
    ("How big is South Africa's 2005 budget?", "money"),  # a budget's size is a sum
    ("By how much will spending on health rise?", "quantity"),  # by 9.4% as often as by £1bn
    ("What growth does Trevor Manuel predict for 2006?", "percent"),
    ("Which drama school did Antonia Bernath leave?", "organisation"),
    ("What is the name of the hotel where Blinken spoke?", "place"),  # read as "which hotel"
    ("What is the name of the new scheme?", "name"),
    ("Who is Scotland's First Minister?", "person"),  # a role asks for a person, not what a name is
    ("How far did the balloon travel?", "quantity"),
    ("Why did Blinken postpone his trip to Beijing?", "reason"),
    ("What prompted the cancellation of the visit?", "reason"),
    ("How did Qin make the phone call public?", "manner"),
    ("Did Blinken meet Xi Jinping?", "yes/no"),
    ("Which two Asian partners has Washington courted?", "list"),
    ("How did the US and Chinese accounts of the call differ?", "comparison"),
    ("Give a timeline of the talks between Blinken and Qin.", "comparison"),
    ("What did Qin Gang commit to after the talks?", "other"),
    ("Which laboratory's experts created the gigapixel image?", "organisation"),  # the possessor is asked, not its experts
    ("How much is Marion Jones seeking in her lawsuit?", "money"),
    ("Where did Elvis's It's Now or Never slip to?", "rank"),
    # readers restate the event first: the opening clause's "when" asks nothing
    ("When Glenn Hoddle was unveiled as Wolves manager on a short deal, what yearly salary was he earning?", "money"),
    ("When the ministers traded New Year greetings, on which weekday had Qin been named?", "day"),
    ("When Murdoch's group eyed the games market, in which city did its chief speak?", "place"),
    ("Setting aside Iraq's talks, how many times had Washington blocked Tehran's bid?", "number"),
    ("When the talks ended, did they agree on a number of flights?", "yes/no"),
    ("What fees did the three agents charge?", "money"),
    # the noun "which" determines, found in the parse even past "of Sydney"; a relative "who" asks nothing
    ("Which University of Sydney academic doubted that the trip would bring a thaw?", "person"),
    ("Which University of Sydney academic said Blinken's trip was unlikely to produce a dramatic warming?", "person"),
    ("After the talks, which State Department spokesperson said Qin would visit?", "person"),
    ("The backbencher who dismissed the casino plans said their backers were in it for what?", "other"),
    ("In which jail did the robber who sued over his cell develop eczema?", "place"),
    ("Whose 1952 record did Andrew Murray beat?", "person"),
    ("The crooner is heading to Broadway to star in a revival of which 1950s musical?", "title"),
    ("Under which law were the eight protesters charged?", "law"),
    ("Who is Qin Gang?", "other"),  # what he is, not another name
    ("Who is China's new foreign minister?", "person"),
    # a time of day, a ranking, an amount named by its noun or by "put ... at"
    ("Once the envoy had left, at what point in the day did the two men speak?", "time"),
    ("Where did Scotland sit in the Fifa world rankings when Vogts left?", "rank"),
    ("Which number-one in chart history did the reissue become?", "rank"),
    ("What place did Blinken visit first?", "place"),
    ("To what level did gold slide in Asian trading?", "quantity"),
    ("What did the reinsurer put its total claims at?", "quantity"),
    ("What was the final score when Sale hosted Bath?", "score"),
    ("At what time of year do the talks usually take place?", "date"),
    ("By what score had Wales beaten Italy in Rome?", "score"),
    # "stand among" asks a rank; "worth" past a long description still asks a sum; a restated proposal's
    # "pay" is no pay rate when the asking sentence after it asks "what would that rate be?"
    ("Measured by stock market valuation, where does General Electric stand among US companies?", "rank"),
    ("What is the new international Booker award, which honours a writer's whole body of work rather than a single "
     "book, worth to the winner?", "money"),
    ("The Liberal Democrats would pay for free personal care with a new top tax rate on incomes above £100,000. "
     "What would that rate be?", "percent"),
    ("What is the hourly rate of pay for cleaners?", "money"),
    # a comparison word inside a title asks nothing; "in which A and B" is a relative clause, no list;
    # "how small" asks a size; "any given day" gives no money; "what market share" asks a percentage
    ("How long is A Different Story, the George Michael documentary?", "duration"),
    ("What was the crowd figure at the Riverside for the match in which Middlesbrough and Charlton drew?", "quantity"),
    ("According to the coach, how small was the gap between the top nations?", "quantity"),
    ("According to the coach, how big was the gap between the top nations on any given day?", "quantity"),
    ("What market share did OneStat.com say Internet Explorer had fallen to?", "percent"),
    ("What share price did the company float at?", "money"),
]


@pytest.mark.parametrize("question,expected", TYPES)
def test_the_answer_type_follows_the_wording(question: str, expected: str) -> None:
    assert answer_type(question) == expected


def test_names_and_numbers_are_constraints_not_focus() -> None:
    q = analyse("What will the adult minimum wage rise to in October 2007, according to Gordon Brown?")
    assert "Gordon Brown" in q.names
    assert q.numbers == ("2007",) and q.years == ("2007",)
    assert "wage" in q.focus and "Gordon" not in q.focus and "Brown" not in q.focus


def test_a_long_question_is_read_on_its_last_part() -> None:
    q = analyse("background " * 40_000 + "Where did Blinken meet Qin Gang?")
    assert q.type == "place" and "Blinken" in q.names


def test_a_plural_noun_after_which_asks_for_a_list() -> None:
    assert answer_type("Which US rivals has Beijing been openly cooperating with?") == "list"
    assert answer_type("Which countries did he visit?") == "list"
    assert answer_type("Which country did he visit?") == "place"
    assert answer_type("What business did she run?") == "organisation"  # a singular ending in s


@pytest.mark.parametrize(("question", "thing"), [
    ("How much profit did Fox Entertainment Group make last year?", "profit"),
    ("How much in wages is Juventus offering Adrian Mutu?", "wages"),
    ("How much severance pay did Nortel's fired chief executive receive?", "severance"),
    ("What was the UK trade deficit in December 2004?", "deficit"),
    ("How many tries did Brian O'Driscoll score against Italy?", "tries"),
    # the noun names only the kind of amount, or a whole the amount is part of: any sentence may leave it unsaid
    ("What share of the browser market did Opera hold?", ""),
    ("How much did EA pay ESPN for the rights?", ""),
    ("How much of the budget went on defence?", ""),
    ("What rise in the number of phishing e-mails did Lycos Europe report?", ""),  # a change names a kind of amount
    ("How many people died in the fire?", ""),
    ("Who replaced Qin Gang?", ""),
])
def test_an_amount_question_names_what_it_is_an_amount_of(question: str, thing: str) -> None:
    assert measured_thing(analyse(question)) == thing


def test_a_count_question_names_what_it_counts() -> None:
    assert counted_thing(analyse("When the talks ended, how many electric vehicles did China agree to export?")) == "vehicles"
    assert counted_thing(analyse("What was the attendance at the match Blinken watched?")) == "attendance"
    assert counted_thing(analyse("How many times had Washington blocked Tehran's bid?")) == ""
    assert counted_thing(analyse("Who replaced Qin Gang?")) == ""
    # the noun "many" qualifies in the parse, not the last word before the verb
    assert counted_thing(analyse("How many extra flights a week did they settle on?")) == "flights"
    assert counted_thing(analyse("How many of its 25 members voted for the motions?")) == "members"


def test_the_asked_noun_is_kept_for_the_reader() -> None:
    assert analyse("Which State Department spokesperson said Qin would visit?").noun == "spokesperson"
    assert analyse("Who said Qin would visit?").noun == ""


def test_a_question_that_asks_two_things_has_two_parts() -> None:
    assert asked_parts("Which academic doubted the thaw, and at which institution does he work?") == [
        "Which academic doubted the thaw?", "at which institution does he work?"]
    assert asked_parts("Trace Qin's year: on which weekday was he named, and where did he host Blinken?") == [
        "Trace Qin's year: on which weekday was he named?", "where did he host Blinken?"]
    # one question: "and" joins names, or the first part only sets the scene ("the star who sang")
    assert len(asked_parts("How did the US and Chinese accounts of the call differ?")) == 1
    assert len(asked_parts("The star who sang a tribute opened the Super Bowl; how many Grammys did she win?")) == 1
    scene = "When the network was being built, the village had no electricity; how much power did the dam generate?"
    assert asked_parts(scene) == [scene] and analyse(scene).type == "quantity"  # a "when" clause that asks nothing
    assert len(asked_parts("When did Blinken arrive; and when did he leave?")) == 2
    assert len(asked_parts("Ahead of the election he offered a choice between hope and what, and how long had he sat?")) == 2


def test_a_venue_is_a_building_not_a_city() -> None:
    assert analyse("In which venue did Blinken meet Qin?").labels == frozenset({"FAC", "LOC"})
    assert "GPE" in analyse("In which city did Blinken meet Qin?").labels


def test_who_won_may_be_a_team_or_a_country() -> None:
    assert {"ORG", "GPE", "PERSON"} <= analyse("Who beat England at Twickenham?").labels
    assert analyse("Who replaced Qin Gang?").labels == frozenset({"PERSON"})


def test_the_clause_that_asks_weighs_more_than_the_one_that_restates_the_event() -> None:
    from llama_index.core.schema import NodeWithScore, TextNode

    from assistant.answer.evidence import gather

    question = analyse("When Wolves unveiled Hoddle on a short deal, what salary was he on?")
    assert question.asked == frozenset(terms("salary")) and not analyse("What salary was Hoddle on at Wolves?").asked
    text = "Wolves unveiled Glenn Hoddle as manager on a short deal. His salary was reported to be modest."
    chunk = NodeWithScore(node=TextNode(text=text, metadata={"source": "a.txt", "start": 0, "dense": 0.5}), score=1.0)
    idf = {t: 1.0 for t in question.terms}
    plain = {s.text[:5]: s.cover for s in gather(question.terms, idf, [chunk], None)}
    weighed = {s.text[:5]: s.cover for s in gather(question.terms, idf, [chunk], None, question.asked)}
    assert plain["Wolve"] > plain["His s"] and weighed["His s"] > plain["His s"]
    assert weighed["Wolve"] < plain["Wolve"]


def test_who_are_the_people_asks_for_all_of_them() -> None:
    question = analyse("Who are the Birmingham councillors accused of running a vote-rigging factory?")
    assert question.type == "list" and question.labels == frozenset({"PERSON"})
    assert analyse("Who were the two men arrested?").type == "list"
    assert analyse("Who is the president of the club?").type == "person"


def test_a_request_s_opening_verb_is_no_part_of_the_name_after_it() -> None:
    """spaCy reads "Summarize Blinken's" as one name; a refusal then said no article mentions it."""
    assert analyse("Summarize Blinken's visit to Beijing.").names == ("Blinken", "Beijing")
    assert "Blinken" in analyse("Compare Blinken and Qin statements.").names
    assert analyse("Antony Blinken met whom in Beijing?").names[0] == "Antony Blinken"  # a name that opens stays whole


def test_what_role_did_a_name_hold_asks_what_he_is() -> None:
    assert analyse("What role did Daniel Kritenbrink hold?").defined == "Daniel Kritenbrink"
    assert analyse("What is the name of the hotel where Blinken spoke?").noun == "hotel"


def test_who_is_a_country_s_role_asks_for_the_person_beside_the_role() -> None:
    question = analyse("Who is Scotland's First Minister?")
    assert question.defined == "" and question.noun == "minister"
    assert analyse("Who is the Prime Minister?").defined == ""
    assert analyse("Who is Carole King?").defined == "Carole King"  # a surname that is also a title is still a name


def test_what_something_costs_and_the_most_one_can_claim_ask_for_money() -> None:
    assert analyse("According to PC Pro, what does it cost to make an 8x10in print at home?").type == "money"
    assert analyse("What is the most they can claim in damages under the state's new law?").type == "money"
    assert analyse("What was the most popular film of the year?").type == "title"  # a film, not a sum


@pytest.mark.parametrize("question, kind, noun", [
    ("Which Italian did Rafael Nadal beat to reach the last eight in Buenos Aires?", "person", ""),
    ("Which of his players did the Chelsea manager say was especially tired?", "person", "player"),
    ("Which Italian club did he join?", "organisation", "club"),
    ("Which plan did the council approve?", "other", "plan"),
    ("Which Frenchman scored?", "person", ""),
    ("At the British Comedy Awards, which picture was named best comedy film?", "title", "picture"),
    ("Under its new contract, what will Turkmenistan charge per 1,000 cubic metres of gas?", "money", ""),
    ("What was the longest prison term handed to a member of the piracy ring?", "duration", ""),
    ("What ban did the striker get?", "duration", "ban"),
    ("Which of the agency's credit analysts warned of political risk?", "person", "analyst"),
    ("Which piece of legislation provided the impetus for the system?", "law", "legislation"),
    ("What kind of mayor did he tell IOC members they would get?", "other", "mayor"),  # a description, not a name
    ("Andrew Mennear is the prospective Tory candidate for which seat?", "place", "seat"),
    ("Where does Continental Airlines rank by size among US carriers?", "rank", ""),
    # a "whose" after a comma opens a relative clause: the question still asks "where" ... "rank"
    ("Where does the Dutch retailer, whose nine suppliers were charged by US prosecutors, rank among supermarket chains?", "rank", ""),
    ("Which patient, whose surgery had been called off, did the Tory leader deny using?", "person", "patient"),
    ("Which Louisiana sheriff complained he had been tricked?", "person", "sheriff"),
    ("Where did The Jerry Springer Show rank in Broadcast magazine's list of the worst imports?", "rank", ""),  # a list named, none asked
    ("How big a loan did Turkey accept from the IMF?", "money", ""),
    ("How big are Japan's foreign currency reserves?", "money", ""),
    ("What rise in the number of phishing e-mails did Lycos Europe report?", "quantity", "rise"),
    ("What capacity is the hard disk in the bigger Mac Mini?", "quantity", "capacity"),
    ("By what vote did peers reject Lord Falconer's plea?", "score", "vote"),
    # "figures" described by public standing are people; otherwise an amount
    ("Which senior international figures were expected at the London conference?", "list", "figure"),
    ("Which leading Labour figure backed the plan?", "person", "figure"),
    ("What sales figure did the company report for December?", "money", "figure"),
    # a compound modifier before the noun ("state-owned") is not what is asked; five words may stand between
    ("Besides SAIC, which small state-owned Chinese car maker was negotiating for a fifth of the venture?", "organisation", "maker"),
    ("Which quake-hit country received most aid?", "place", "country"),
    ("Which state did he visit?", "place", "state"),
])
def test_nationalities_one_of_many_pictures_charges_and_terms_are_typed(question: str, kind: str, noun: str) -> None:
    analysed = analyse(question)
    assert (analysed.type, analysed.noun) == (kind, noun)


def test_public_figures_are_people() -> None:
    assert analyse("Which senior international figures were expected at the London conference?").labels == {"PERSON"}


def test_an_opening_that_asks_is_the_asking_clause() -> None:
    arena = analyse("At which Los Angeles arena will this year's Grammy ceremony, where U2 are due to perform, be held?")
    assert (arena.type, arena.noun) == ("place", "arena")
    scene = analyse("At the summit in Beijing, who did Blinken meet first?")
    assert scene.type == "person"


@pytest.mark.parametrize("question, kind", [
    ("What is the average profit share payout for Britannia Building Society members this year?", "money"),
    ("What is the Powys health board contract worth to Hereford hospital?", "money"),
    ("After cutting out snacks, what does British sprinter Mark Lewis-Francis now weigh?", "quantity"),
    ("What is the title of Duran Duran's new album?", "title"),
    ("Which reigning French Open champion was knocked out of the Qatar Open?", "person"),
    ("Which consultancy surveyed 2,000 consumers about RFID tags?", "organisation"),
    ("Which Elvis Presley reissue was expected to become the 1,001st number one single?", "title"),
    ("What is the capital of Peru?", "place"),
    ("What is the company planning?", "other"),  # the company is who plans, not the answer
    ("Which Bollywood veteran directed Kisna - the Warrior Poet?", "person"),
    ("What range did the Brookings Institution give for Iraq's jobless rate?", "percent"),
    ("How quickly did all 10,000 tickets go for the tsunami benefit concert?", "duration"),
    ("What world ranking does David Sherwood hold?", "rank"),
    ("What new position will he take up?", "other"),  # a job, not a place in a ranking
    ("Which part of Darlington had a Royal Mail delivery fault?", "place"),
    ("Which part of the deal did the unions reject?", "other"),
    ("What codename has Microsoft given its Xbox 2 games console?", "name"),
    ("What nickname did Oliver Letwin give Gordon Brown?", "name"),
    ("What was the crackdown on the Shadowcrew.com identity fraud site called?", "name"),
    ("What is the current maximum closure period police can impose on disorderly pubs?", "duration"),
    ("Which children's charity will benefit from the auction?", "organisation"),
    ("Which constituency is represented by Quentin Davies?", "place"),
    ("What was Khodorkovsky's estimated fortune?", "money"),
    ("What was Qin Gang's predecessor expected to move on to?", "other"),  # not the predecessor: what he moves to
    ("What did China's foreign minister call the greatest danger?", "other"),
    ("What profit did Nike post for its record second quarter?", "money"),
    ("How big was the UK trade deficit in November 2004?", "money"),
    ("On what date is the knockout draw in which all four English clubs will be involved?", "date"),  # no list asked
    ("Which Welsh culture minister said it was crass to compare a review of quangos with Hitler's Germany?", "person"),
    ("Who compared the quango review with Hitler's Germany?", "person"),
    ("How did the two ministers' accounts of the review differ?", "comparison"),
    ("What advance did Michelle Paver receive for Wolf Brother?", "money"),
    ("What was the birth name of Spider-Man creator Stan Lee?", "person"),
    ("What was the total value of the Welsh local government funding settlement?", "money"),
    ("What was the total attendance at Ibrox?", "number"),
    ("On what exact date will the first edition of the revamped show be broadcast?", "date"),
    ("On which weekend were the quarter-final ties to be played?", "date"),
    ("What was the total financial loss reported by US consumers in 2004?", "money"),
    ("What did the Home Office say people would pay for a passport and an ID card together?", "money"),
    ("What did the firm pay tribute to?", "other"),  # no sum
    ("What had the bonus rate on its pension policies been before the cut?", "percent"),
    # a sum only when the asking clause speaks of money, not a relative clause beside it
    ("The cardinal, who attacked the billions spent on the war, addressed a congregation of what size?", "quantity"),
    ("The tycoon who threatened to stop funding Labour had given the party how much before?", "money"),
    # after a semicolon, the part that asks: the album, not the opening's "which band"
    ("Tony Wilson believes Raw T is his third major band; what is the title of the album the group planned?", "title"),
])
def test_the_noun_asked_for_names_the_type(question: str, kind: str) -> None:
    assert analyse(question).type == kind


def test_how_large_a_thing_is_no_percentage_unless_it_is_a_change_or_a_share() -> None:
    assert "PERCENT" not in analyse("How large was Ethiopia's crop harvest in 2004?").labels
    assert "PERCENT" in analyse("How large was the rise in Ethiopia's harvest?").labels
    assert "PERCENT" in analyse("How big a share of the market does Firefox hold?").labels


def test_how_many_before_a_verb_names_nothing_counted() -> None:
    question = analyse("Having opened with more than 4.1 million viewers, how many was it drawing by the time the series ended?")
    assert question.type == "number" and counted_thing(question) == ""


@pytest.mark.parametrize("question, kind, noun", [
    ("Which Goldman Sachs strategist predicted the rally would fade?", "person", "strategist"),  # by its ending
    ("Which technician repaired the broadcast link?", "person", "technician"),
    ("Which BBC Radio 1 DJ played the record first?", "person", "dj"),
    ("Which journalists were arrested at the border?", "list", "journalists"),
    ("In which journal did the Oxford team describe the enzyme?", "organisation", "journal"),
    ("In which London cemetery was the poet buried?", "place", "cemetery"),
    ("At what altitude did the aircraft fly?", "quantity", "altitude"),
    ("Which insurance broker agreed to pay the fine?", "other", "broker"),  # a firm as often as a person
    ("Which checklist did the inspectors use?", "other", "checklist"),  # an ending is no person when the word is a thing
])
def test_nouns_outside_the_lists_are_typed_by_their_ending_and_kind(question: str, kind: str, noun: str) -> None:
    analysed = analyse(question)
    assert (analysed.type, analysed.noun) == (kind, noun)


@pytest.mark.parametrize("question, kind", [
    ("What was the Kenyan runner's winning time in the marathon?", "quantity"),  # a race time, not a time of day
    ("What was his time in the 400m final?", "quantity"),
    ("What is the Swiss player's current world ranking before Wimbledon?", "rank"),
    ("What are the names of the three firefighters honoured by the council?", "list"),
    ("What time did the polls close?", "time"),
])
def test_race_times_rankings_and_names_are_typed(question: str, kind: str) -> None:
    assert analyse(question).type == kind


@pytest.mark.parametrize("question, kind, noun", [
    ("A jury convicted a one-time FBI agent of feeding information to a tipster. What is the former agent's name?", "person", "agent"),
    ("What is the name of the woman from Georgia who is suing Hewlett Packard?", "person", "woman"),
    ("What is the striker's name?", "person", "striker"),
    ("What is the name of the creature hunting the hero in the sequel?", "name", ""),  # no person noun: any name
    ("What is the name of the company that bought Skype?", "organisation", "company"),
])
def test_the_name_of_a_person_noun_asks_for_a_person(question: str, kind: str, noun: str) -> None:
    analysed = analyse(question)
    assert (analysed.type, analysed.noun) == (kind, noun)


def test_who_became_the_role_names_the_role() -> None:
    """"Who became Liberia's first woman president?": a person, never the transition government beside the word."""
    assert analyse("Who became Liberia's first woman president after the 2005 election?").noun == "woman"
    assert analyse("Who was appointed Celtic's new manager?").noun == "manager"
    assert analyse("Who is the referee?").noun == "referee"


def test_who_replaced_someone_as_the_role_names_the_role_and_whose_it_is() -> None:
    """"China's ambassador": the answer is an ambassador, and China's; a US Secretary of State is neither."""
    replaced = analyse("Who replaced Qin Gang as China's ambassador in Washington?")
    assert (replaced.noun, replaced.described) == ("ambassador", frozenset({"ambassador", "china"}))
    assert analyse("Whom did Qin Gang succeed as China's ambassador to the United States?").noun == "ambassador"
    assert analyse("Who is currently serving as the US ambassador to China?").described == frozenset({"ambassador", "us"})


def test_how_much_a_price_went_up_asks_for_a_change_not_a_sum() -> None:
    assert analyse("How much did the retailer's share price go up on Tuesday?").type == "quantity"  # "up 9%" as well as "up 12p"
    assert analyse("How much did house prices rise in March?").type == "quantity"
    assert analyse("How much did the retailer pay for the stake?").type == "money"


@pytest.mark.parametrize("question, kind, labels", [
    ("In the Athens heptathlon won by Carolina Kluft, where did Britain's Kelly Sotherton finish?", "rank", {"ORDINAL"}),
    ("Which countries made up the coalition President Bush announced?", "list", {"GPE", "LOC"}),
    ("Who were Liverpool's opponents in the last 16?", "list", {"PERSON", "ORG"}),
    ("Which two companies agreed to work together on delivering music to mobile handsets?", "list", {"ORG"}),  # not "Walkman"
    ("At which port did he say the numbers fell?", "place", {"GPE", "LOC", "FAC"}),  # ports go by their towns' names
    ("Besides Italaudit, which other auditor was barred from the case?", "organisation", {"ORG"}),
    # after a dash the part that asks types the question: "pre-Budget" in the restated part asks for no sum
    ("Gordon Brown's pre-Budget report surprised economists - what range of UK growth did the chancellor forecast?",
     "quantity", {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}),
])
def test_finishing_places_lists_of_places_and_the_part_after_a_dash_are_typed(question: str, kind: str, labels: set[str]) -> None:
    analysed = analyse(question)
    assert (analysed.type, set(analysed.labels)) == (kind, labels)


@pytest.mark.parametrize("question, kind", [
    ("What reading did the optimism index reach in January, up from 102.2 in October?", "quantity"),
    ("What value had advisers at Goldman Sachs put on the Deluxe Film business?", "money"),
    ("How much is France's Total investing in the Qatargas-2 project?", "money"),
    # a figure's past beside the asked one is a constraint, not a request to compare
    ("How far above the high-street average were M&S prices, compared with 43% higher a year earlier?", "quantity"),
    ("How does this year's figure compare with 2004?", "comparison"),
])
def test_readings_values_and_a_figure_s_past_are_typed(question: str, kind: str) -> None:
    assert analyse(question).type == kind


def test_an_explanation_asked_for_is_a_reason() -> None:
    assert analyse("Simon Fuller's fortune fell to £75m - what explanation did the paper give for the slump?").type == "reason"
    assert analyse("What did the agency give as the main reason for raising its forecast?").type == "reason"


def test_a_change_against_the_month_before_is_an_amount_not_a_comparison() -> None:
    """"How much did households raise their spending, compared with the previous month?" asks one figure,
    of spending, which may be a share: the baseline is no second thing to compare."""
    question = analyse("How much did French households raise their spending in January compared with the previous month, according to INSEE?")
    assert question.type == "quantity" and "PERCENT" in question.labels
    assert measured_thing(question) == "spending"
    assert analyse("How did sales in January compare with the previous month?").type == "comparison"
    assert measured_thing(analyse("How much did Boeing cut its forecast by?")) == "forecast"


def test_capitalised_words_side_by_side_are_one_name() -> None:
    # spaCy tags neither word: read one by one, each is a known word and the name would pass as known
    assert analyse("Who were the five original members of the boy band One Direction?").names == ("One Direction",)
    assert "Boxing Day" in analyse("How many Britons had Jack Straw said were missing after the Boxing Day tsunami?").names


@pytest.mark.parametrize("question", [
    "Franz Ferdinand picked up five Brit nominations, but where did they come in the public vote for the greatest Scottish band?",
    "Where does Ahold, the Dutch retailer, stand by size among the world's supermarket chains?",
    "In Rolling Stone's list of top earners, where did the best-placed rap act finish, and who was it?",
    "Where did the draw with Fulham leave Sir Alex Ferguson's side in the league?",
    "Where did Paula Radcliffe finish in the marathon?",
])
def test_where_someone_came_in_a_vote_list_or_league_asks_a_rank(question: str) -> None:
    assert analyse(question).type == "rank"


def test_where_a_march_finished_in_a_city_asks_a_place() -> None:
    assert analyse("Where did the march finish in London?").type == "place"


def test_an_opening_modal_is_not_part_of_the_name_after_it() -> None:
    """spaCy reads "Will Tony Blair" as one person; "Will Young won" is a singer."""
    assert analyse("Will Tony Blair take part in a televised debate before the election?").names == ("Tony Blair",)
    assert analyse("Will Young won which TV talent show?").people[:1] == ("Will Young",)


def test_the_noun_after_which_is_asked_even_when_a_title_follows_the_verb() -> None:
    """"Which London dealer bought Sir Joshua's portrait?" asks for a dealer, not a "sir"."""
    assert analyse("Which London dealer bought Sir Joshua Reynolds' Portrait of Omai?").noun == "dealer"
    assert analyse("Which US district judge refused to throw out the case?").noun == "judge"


def test_the_name_of_a_qualified_noun_names_the_noun() -> None:
    """"the name of the fishing game": a game, which "fishing" qualifies."""
    from assistant.answer.question import named_thing

    assert named_thing("What is the name of the fishing game that was the first title to use the audio?") == "game"
    assert named_thing("What is the name of the agent in Benin who was paid?") == "agent"


@pytest.mark.parametrize("question, kind", [
    ("What will the adult minimum wage rise to in October 2007?", "money"),
    ("What did the unemployment rate fall to?", "percent"),
    ("What did the company cut its workforce by?", "quantity"),
    ("What did he say about the rise to power?", "other"),  # a noun, not a level reached
])
def test_what_a_figure_rose_or_fell_to_asks_for_the_level(question: str, kind: str) -> None:
    assert answer_type(question) == kind


def test_a_capitalised_word_right_before_a_name_spacy_found_is_part_of_it() -> None:
    """ "the Liberal Democrats' chief": spaCy tags "Democrats" only; a title before a person stays apart."""
    assert analyse("Which company did the Liberal Democrats' new election communications chief come from?").names == (
        "Liberal Democrats",)
    bush = analyse("What did President Bush say about the deficit?")
    assert bush.people == ("Bush",) and "President Bush" not in bush.names


def test_a_house_of_a_trade_is_a_firm_not_a_building() -> None:
    assert analyse("Which auction house is selling Gianni Versace's art collection?").labels == frozenset({"ORG"})
    assert analyse("Which fashion houses showed in Paris?").type == "list"
    assert analyse("Which house did the couple buy in Chelsea?").type != "organisation"


def test_a_relative_who_inside_a_yes_no_question_asks_yes_or_no() -> None:
    assert analyse("Would the talk show host whose programme inspired the opera have penned the piece himself?").type == "yes/no"
    assert analyse("Does the woman who was the first to chair the lower house think it is right?").type == "yes/no"
    assert analyse("Did police reveal who fired the shot?").type == "person"  # an embedded question asks for the name
    assert analyse("Who scored both goals?").type == "person"
