"""What a question asks for: the type of its answer, its focus, and the names, numbers and years it is pinned to.

The type comes from the question's wording ("how many", "which city",
"why"); it decides which phrases can answer (spaCy's OntoNotes labels, or a
number/date pattern). Names, numbers and years are constraints: the answer's
sentence or article must match them, but they are never the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from assistant.answer import patterns
from assistant.answer.nlp import entities, parse
from assistant.terms import terms

PARSED_CHARS = 1000  # a question longer than this is analysed on its last part (where the asking is)
MUCH_NOUN_GAP = 3  # "how much severance pay": the noun "much" qualifies stands this few words after it

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"
DATE, DAY, TIME, DURATION = "date", "day", "time", "duration"
NUMBER, MONEY, PERCENT, QUANTITY = "number", "money", "percent", "quantity"
REASON, MANNER, YES_NO, LIST, COMPARISON, OTHER = "reason", "manner", "yes/no", "list", "comparison", "other"
WORK, LAW = "title", "law"  # "which musical", "under which act": named works and laws
RANK = "rank"  # "where did Scotland sit in the world rankings?": an ordinal
SCORE = "score"  # "what was the final score?": "28-17"
NAME = "name"  # "what is the scheme called?", "under what name": any proper name the question does not give
WHICH = "which"  # not a type: "which/what <noun>" takes the type of its noun

# Which entity labels can answer each type (OntoNotes labels of spaCy's English pipeline).
LABELS: dict[str, frozenset[str]] = {
    PERSON: frozenset({"PERSON"}),
    ORGANISATION: frozenset({"ORG"}),
    PLACE: frozenset({"GPE", "LOC", "FAC"}),
    DATE: frozenset({"DATE"}),
    DAY: frozenset({"DATE", "TIME"}),
    TIME: frozenset({"TIME", "DATE"}),
    DURATION: frozenset({"DATE", "TIME"}),
    NUMBER: frozenset({"CARDINAL", "QUANTITY"}),
    MONEY: frozenset({"MONEY"}),
    PERCENT: frozenset({"PERCENT"}),
    QUANTITY: frozenset({"QUANTITY", "CARDINAL", "MONEY", "PERCENT"}),
    LIST: frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}),
    WORK: frozenset({"WORK_OF_ART", "PRODUCT"}),
    LAW: frozenset({"LAW"}),
    RANK: frozenset({"ORDINAL"}),
    SCORE: frozenset(),  # spaCy labels "28-17" as anything: the score pattern finds it
    NAME: frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}),  # places answer "where"
}
# Types whose entities spaCy's small model often misses: with none found, the best sentence answers alone.
SOFT = frozenset({WORK, LAW, NAME})
TYPED = frozenset(LABELS)
# Labels tried when none of the first ones is found: "who bought the brewer?" may be answered by a company.
FALLBACK_LABELS: dict[str, frozenset[str]] = {
    PERSON: frozenset({"ORG"}),
    ORGANISATION: frozenset({"PERSON", "GPE", "PRODUCT"}),
    PLACE: frozenset({"ORG"}),
    DATE: frozenset({"TIME", "EVENT"}),
    TIME: frozenset({"EVENT"}),
    NUMBER: frozenset({"MONEY", "PERCENT"}),
}  # money and percentages have no stand-in: a bare number is not a price

_PERSON_NOUNS = (
    "person|man|woman|patient|minister|official|agent|judge|star|player|defender|striker|midfielder|goalkeeper|member|president|"
    "leader|chief|executive|boss|actor|actress|singer|director|manager|coach|secretary|spokesman|spokeswoman|"
    "candidate|author|writer|politician|mp|msp|mep|chancellor|envoy|ambassador|diplomat|senator|king|queen|prince|princess|"
    "captain|champion|veteran|winner|founder|chairman|chairwoman|chair|chairperson|ceo|analyst|economist|lawyer|doctor|rapper|musician|"
    "presenter|host|comedian|athlete|runner|boxer|golfer|batsman|bowler|jockey|architect|designer|producer|"
    "investor|entrepreneur|billionaire|tycoon|brother|sister|son|daughter|wife|husband|father|mother|rival|"
    "opponent|deputy|head|governor|mayor|commissioner|negotiator|counterpart|predecessor|successor|cabinet member|"
    "general|officer|detective|scientist|expert|professor|student|footballer|cricketer|driver|cyclist|skater|"
    "dancer|artist|novelist|journalist|editor|reporter|commentator|critic|celebrity|spokesperson|academic|scholar|"
    "researcher|historian|teenager|backbencher|councillor|crooner|film-maker|filmmaker|broadcaster|lecturer|"
    "campaigner|activist|protester|victim|suspect|defendant|witness|fan|employee|worker|owner|buyer|seller|"
    "administrator|keeper|forward|winger|full-back|fly-half|scrum-half|prop|hooker|flanker|bidder|sponsor|supplier|"
    "competitor|backer|client|customer|shareholder|"
    "sprinter|swimmer|tennis player|referee|umpire|sheriff|chef|model|photographer|pilot|soldier|prisoner|robber|"
    "mp|peer|lord|lady|sir|bishop|archbishop|cardinal|priest|vicar|imam|rabbi|pope|emperor|dictator|premier|prime minister|vice-president|councilor|"
    "colleague|partner|friend|aide|adviser|advisor|assistant|counsel|attorney|barrister|solicitor|inventor|"
    "engineer|programmer|developer|hacker|gamer|blogger|star|heir|vocalist|guitarist|drummer|bassist|composer|"
    "dj|painter|sculptor|poet|playwright|trader|banker|forecaster|pundit|trainer|surgeon|nurse|teacher|"
    "headteacher|headmaster|headmistress|pupil|juror|monk|nun|volunteer|rider|climber|skier|fighter|wrestler|"
    "associate|ally|confidant|relative|cousin|uncle|aunt|nephew|niece|girlfriend|boyfriend|fiancee|widow|widower|"
    "mentor|protege|teammate|team-mate|businessman|businesswoman|magnate|mogul|frontman|pianist|tenor|soprano"
)
_BUILDING_NOUNS = (  # places that are buildings or sites: "which hospice" asks for one, as "which venue" does
    "hospice|clinic|college|library|cathedral|mosque|temple|synagogue|restaurant|pub|nightclub|casino|factory|plant|"
    "mine|farm|zoo|park|garden|bridge|tunnel|station|racecourse|circuit|auditorium|gallery|cinema|embassy|consulate|"
    "barracks|fairground"
)
FACILITY = re.compile(
    r"^(?:venue|stadium|hotel|building|prison|jail|airport|street|ground|arena|theatre|hospital|guesthouse|"
    rf"palace|residence|hall|club|school|church|museum|court|studio|office|headquarters|base|cemetery|graveyard|{_BUILDING_NOUNS})s?$"
)
_ORG_NOUNS = (
    "company|firm|bank|group|organisation|organization|team|club|party|agency|broadcaster|network|newspaper|"
    "airline|carrier|retailer|channel|union|body|department|ministry|brand|label|studio|band|institution|"
    "university|side|regulator|watchdog|charity|manufacturer|maker|operator|supermarket|publisher|insurer|"
    "lender|store|chain|giant|business|outlet|website|court|council|committee|board|government|rivals?|school|academy|"
    "laboratory|lab|institute|association|federation|foundation|authority|service|consultancy|brokerage|carmaker|automaker|"
    "conglomerate|pollster|society|distributor|wholesaler|journal|magazine|tabloid|auditor|accountancy"
)
_PLACE_NOUNS = (
    "city|country|town|state|venue|place|location|region|stadium|hotel|building|capital|nation|island|province|"
    "county|prison|jail|airport|port|street|area|village|ground|arena|theatre|hospital|site|continent|district|"
    f"neighbourhood|guesthouse|palace|residence|sea|river|border|resort|suburb|lake|mountain|valley|coast|constituency|"
    f"borough|seat|cemetery|graveyard|{_BUILDING_NOUNS}"
)
_MONEY_WORDS = re.compile(
    r"\b(cost|costs|costing|pay|paid|paying|spend|spent|spending|earning|charge|charged|charging|worth|earn|earned|earns|raise|raised|price|fund|funding|budget|fine|fined|"
    r"invest|invested|investing|sell|sold|bid|bids|offer|offered|offering|value|valued|set aside|fee|salary|wage|bonus|profit|profits|loss|losses|revenue|"
    r"sales|deal|takings|gross|grossed|debt|deficit|loan|loans|reserves|grant|grants|subsidy|subsidies|bailout|investment|surplus|turnover|earnings|tax|bill|compensation|damages|award|prize|money|cash|pounds|dollars|"
    r"owe|owed|owes|save|saved|saves|saving|savings|give|gave|(?<!any )given|donate|donated|pledge|pledged|lend|lent|borrow|borrowed|"
    r"seek|seeks|seeking|sought|demand|demands|demanding|demanded)\b",
    re.IGNORECASE,
)

RACE_TIME = re.compile(
    r"\b(?:what|which|in what) (?:[\w-]+ )?time (?:did|does|do|has|had|will|was|is) .{1,80}\b(?:record|recorded|clock|clocked|run|ran|"
    r"post|posted|set|achieve|achieved|finish|finished|win|won|complete|completed|swim|swam)\b"
    r"|\b(?:winning|finishing|qualifying|record|personal best|fastest|best|lap) time\b(?! of (?:the )?(?:day|year)\b)"
    r"|\bwhat (?:is|was|were) (?:his|her|their|[\w.-]+(?: [\w.-]+){0,3}['’]s?) time\b"  # "what was Holmes's time?"
)
_MOVED_TO = re.compile(
    r"\bwhat (?:did|does|do|will|would|could|has|have|had|is|are|was|were) .{1,100}?\b(?:rise|rose|risen|fall|fell|fallen|climb|"
    r"climbed|drop|dropped|increase|increased|decrease|decreased|grow|grew|grown|jump|jumped|slip|slipped|slide|slid|soar|soared|"
    r"sink|sank|plunge|plunged|dip|dipped|surge|surged|go up|gone up|come down|cut|reduce|reduced|raise|raised|lift|lifted|"
    r"lower|lowered|peak|peaked)(?: [\w'’-]+){0,3}? (?:to|by)(?: (?:in|on|at|after|from|during|last|this|next|over) [^?]*)?\W*$"
)
_LENGTH_NOUNS = "term|sentence|ban|suspension|stint|spell|tenure|period"  # "what was the longest prison term": a length of time
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (COMPARISON, re.compile(
        r"\b(compare|compared(?! (?:with|to) (?:just |only |about |around |some |a )?[$£€]?\d)"  # "11%, compared with 43%": a figure's past
        r"(?! (?:with|to) (?:the |a )?(?:previous|preceding|prior|last|same|year|month|quarter|week|day)\b)|"  # "a rise compared with the month before"
        r"comparison|differ|different|difference|differences|contrast|timeline|chronolog\w*|"
        r"sequence of events|what happened (after|next|since|then)|how has .{1,60} changed|how did .{1,80} evolve)\b"
    )),
    (REASON, re.compile(
        r"^\W*why\b|\bwhy (did|does|do|is|was|were|has|have|had|are|will|would)\b|\b(what|which) (was|is|were|are) the "
        r"(main )?(reasons?|causes?|grounds?|motives?|explanations?)\b|\bfor what reasons?\b|\bwhat (caused|prompted|"
        r"led to|drove|triggered|made|motivated|sparked)\b|\bwhat (?:reasons?|explanations?|justifications?)\b|"
        r"\bwhat did .{1,80}\b(?:give|cite|offer) as (?:the |its |his |her |their )?(?:main |chief |key )?(?:reasons?|explanations?|causes?)\b"
    )),
    (PERCENT, re.compile(r"\b(what|which) (?:(?:market|audience|vote|voting|ratings) )?(percentage|percent|proportion|share)\b(?! (?:price|prices|capital|stake)\b)|\bby what (percentage|percent)\b|"
                         r"\bhow much of\b.*\bper ?cent|\bwhat (rate|growth rate|interest rate)\b")),
    (DURATION, re.compile(rf"\bwhat (?:was|is|were|will be) the (?:[\w-]+ ){{0,3}}(?:{_LENGTH_NOUNS})\b|"  # "the longest prison term"
                          r"\bhow long\b|\bhow quickly\b|\bfor how many (years|months|weeks|days|hours)\b|\bhow many (years|months|weeks|days|hours|minutes|decades|seasons)\b")),
    (SCORE, re.compile(r"\b(what|which) (was|is|were) the (\w+ )?(score|scoreline)\b|\bby what (score|scoreline|vote)\b|\bwhat did .{1,60} (win|lose|beat|draw) by\W*$")),
    (NUMBER, re.compile(r"\bhow many\b|\bhow old\b|\bwhat (number|age)\b|\bat what age\b|\bwhat was the (tally|total(?! (?:[a-z]+ )?(?:value|cost|amount|sum|bill|budget|price|spend\w*|investment|revenue|income|loss|losses|profits?|debts?|sales))|attendance|count)\b")),
    (QUANTITY, re.compile(r"\bhow (much|far|big|large|small|tall|heavy|fast|high|low|deep|long|wide|narrow|steep|often)\b|\bwhat (amount|size|distance|speed)\b|\bby how much\b|"
                          r"\bwhat (was|is|were|will be|had|has) the (\w+ ){0,2}(value|cost|price|amount|figure|fee|sum|size|budget|bill|fine|rate|loss|losses)\b|"
                          r"\bwhat (?:is|was|are|were|will be) .{1,160}\bworth\b|\bwhat (?:does|did|do|will|would) .{1,80}\bweigh\b|"
                          r"\bwhat (?:does|did|do|will|would|could|might) .{1,80}\b(?:cost|charge|earn|spend|pay(?= for\b|\W*$))\b|"  # "what does it cost to make a print", not "pay tribute to"
                          r"\bwhat (?:is|was|are|were|will be) the (?:most|maximum|least|minimum)(?: \w+){1,2} (?:can|could|will|would|may|might|must)\b|"
                          r"\bwhat value (?:did|had|has|have|does|do|is|was|were|will|would|could)\b")),  # "what value had advisers put on it?"
    (QUANTITY, RACE_TIME),  # "what time did Scott record in his heat?": 7.64secs, not a time of day
    (DATE, re.compile(r"\b(what|which) time of (the )?year\b")),
    (TIME, re.compile(r"\b(what|which) time\b|\bat what time\b|\b(?:what|which) hours?\b|\b(what|which) (point|part|stage) (in|of) the day\b")),
    (RANK, re.compile(r"\b(what|which) (?:world |league |final |current |highest |lowest |best |chart |table )?(position|placing|ranking|rank|number[- ]one)\b|"
                      r"\bwhat (?:is|was) (?:his|her|their|its|[\w.-]+(?: [\w.-]+){0,3}['’]s?) (?:current |world |latest |new |highest |best |"
                      r"previous |former )*(?:ranking|rank|seeding)\b|"
                      r"\bwhere (?:did|does|do|is|was|will) .{1,80}\b(sit|sits|rank|ranks|ranked|finish|stand|stands|lie|lies|come|"
                      r"place|placed|leave|left)\b.{0,40}\b(rankings?|table|standings|league|charts?|poll|race|vote|list|survey|top \w+)\b|"
                      r"\bwhere (?:did|does|do|is|was) .{1,80}\b(?:sit|sits|rank|ranks|ranked|stand|stands|come|comes|place|placed)\s+"
                      r"(?:[\w-]+\s+){0,3}?among\b|"  # "where does Ahold stand by size among the world's chains?"
                      r"\bwhere (?:does|do|did|will|would) .{1,200}\brank\b|"  # "where does Continental rank by size among US carriers?"
                      r"\bwhere (did|has|have|will) .{1,80}\b(slip|slipped|fall|fell|drop|dropped|climb|climbed|rise|rose|move|moved)\s+to\W*$|"
                      r"\bwhere (?:did|does|do|will|would) .{1,80}\b(?:finish|come|place|end up)"
                      r"(?:\W*$|\s*,\s*and\b|\s+in\s+the\s+[a-z])")),
    # "where did Sotherton finish?", "... finish, and who was it?", "where did Radcliffe finish in the marathon?"
    (QUANTITY, re.compile(r"\bwhat did .{1,100}\b(put|estimate|estimated|value|valued|peg|pegged|set|fix|fixed)\b.{1,100}\bat\W*$")),
    (QUANTITY, _MOVED_TO),  # "what did the unemployment rate fall to?": a level, a sum when it is a wage or a price
    (DAY, re.compile(r"\b(what|which) (day( of the week)?|weekday)\b|\bon what day\b")),
    (DATE, re.compile(r"^\W*when\b|\bwhen (did|does|do|is|was|were|will|would|has|have|had|are)\b|\b(what|which|in what|in which) "
                      r"(?:(?:exact|precise|specific|actual) )?(date|year|month|season|decade|week|weekend)\b|\bby when\b|\bsince when\b|\bhow soon\b")),
    (WHICH, re.compile(r"\b(?:what|which|whose)((?:[ -][\w’'-]+){1,5})")),
    (PLACE, re.compile(r"^\W*where\b|\bwhere (did|does|do|is|was|were|will|would|has|have|had|are|can)\b")),
    (PERSON, re.compile(r"^\W*(who|whom|whose)\b|\b(who|whom|whose) (\w+ )?(did|does|do|is|was|were|will|would|has|have|had|are|"
                        r"\w+ed|\w+s)\b")),
    (MANNER, re.compile(r"^\W*how\b|\bhow (did|does|do|is|was|were|will|would|has|have|had|are|can|could)\b|\bin what way\b|\bby what means\b")),
    (YES_NO, re.compile(r"^\W*(is|are|was|were|did|does|do|has|have|had|will|can|could|would|should)\b")),
]
_RULES_BY_KIND = dict(_RULES)
_LONG_THINGS = (  # things whose length is a distance; "how long was the contract/trip/ban" stays a duration
    r"bridges?|tunnels?|roads?|runways?|pipelines?|rivers?|railways?|rail lines?|tracks?|walls?|fences?|borders?|"
    r"coastlines?|canals?|cables?|motorways?|highways?|routes?|streets?|corridors?|beach(?:es)?|ships?|vessels?|"
    r"piers?|dams?|barriers?|circuits?|pitch(?:es)?|pools?|trails?|tails?|snakes?|whales?|wings?"
)
_LENGTH_OF_THING = re.compile(
    rf"\bhow long (?:is|was|are|were|will|would|could) (?:be )?(?:the |a |an |its |their |this |that |his |her )?"
    rf"(?:(?!(?:of|on|in|at|for|to|from|with)\b)[\w'’-]+ ){{0,3}}?(?:{_LONG_THINGS})\b"
)
_MEASURE = re.compile(r"\bhow (?:far|big|large|tall|heavy|fast|high|deep|long|wide|often)\b|\bwhat (?:size|distance|speed)\b")
_PERSON_OR_BODY = re.compile(
    r"^(?:rival|opponent|partner|buyer|seller|bidder|owner|sponsor|supplier|competitor|investor|backer|client|customer|developer|agent|"
    r"shareholder)s?$"
)
_CONTEST = re.compile(r"^\W*who (?:won|wins|win|beat|beats|defeated|lost to|topped|clinched|finished|qualified|knocked out|eliminated)\b")
_FIXTURE = re.compile(  # "who will Bangor play in the sixth round?": a side, when no person plays
    r"^\W*who(?:m)? (?:will|did|does|do|are|is|were|was|would|could|must|has|have|had) (?:[\w'’.-]+ ){1,4}?"
    r"(?:play|face|beat|draw|take on|meet in|be drawn against|be drawn with)\b"
)
_WHO_IS_NAME = re.compile(r"^\W*(?:[Ww]ho|[Ww]hat) (?:is|was|are|were) (?:the )?((?:[A-Z][\w'’.-]*\s*)+?)\W*$")
_BODY_NOUNS = re.compile(  # bodies whose names spaCy tags as organisations; a "service" or "brand" may be a product's name
    r"^(?:company|firm|bank|party|club|team|band|charity|union|newspaper|airline|retailer|lender|broadcaster|group)s?$"
)
_TITLE_MODIFIERS = frozenset({  # words of a title beside its role noun: "Foreign Secretary", "assistant foreign minister"
    "prime", "first", "foreign", "home", "deputy", "vice", "shadow", "attorney", "chief", "acting", "culture", "health",
    "education", "defence", "defense", "trade", "transport", "environment", "interior", "finance", "assistant", "former",
    "top", "senior", "commerce", "economy", "treasury", "state",
})
_ROLE_OF_NAME = re.compile(  # "What role did Daniel Kritenbrink hold?": what he is, as "Who is ...?" asks
    r"^\W*[Ww]hat (?:role|post|position|job|title|office) (?:does|did|do|has|had) ((?:[A-Z][\w'’.-]*\s*)+?) "
    r"(?:hold|have|occupy|fill)\W*$"
)
_ASKING_WORDS = r"(?:who|whom|whose|what|which|where|when|why|how|did|does|do|is|was|were|has|have|had|will|can|could|would)"
_ASKING_OPENING = (  # "at which ...", "how ...", "to roughly how many ..."
    rf"(?:(?:at|in|on|for|by|from|to|with|since|until) )?(?:(?:roughly|about|approximately|around|exactly|precisely) )?{_ASKING_WORDS}\b"
)
_SECOND_ASK = re.compile(
    rf"[,;]\s*and\s+(?={_ASKING_OPENING})|;\s*(?={_ASKING_WORDS}\b)",
    re.IGNORECASE,
)
# A part asks when it opens with an asking word (after a preposition or a colon), or ends on one ("hope and what").
_ASKS = re.compile(
    rf"^\W*{_ASKING_OPENING}|:\s*{_ASKING_OPENING}|"
    r"\b(?:who|what|which|where|when)\W*$",
    re.IGNORECASE,
)
_SCENE = re.compile(
    r"^\W*(when|after|before|while|as|once|since|during|following|with|amid|ahead of|in|at|on|apart from|"
    r"besides|setting aside|although|though|if|given|according to|now that)\b",
    re.IGNORECASE,
)
_LAST_ASKING_PART = re.compile(rf"(?:;|[.!?](?=\s)|\s[-–—](?=\s))\s*(?={_ASKING_OPENING})", re.IGNORECASE)
_OPENS_ASKING = re.compile(r"^\W*(?:at|in|on|from|since|during|after|before|with) (?:which|what|whose)\b", re.IGNORECASE)
_ASKING = re.compile(
    r"(?:(?:on|in|at|by|for|from|to|of|with|since|until|after|before|under|over) )?"
    r"(?:who|whom|whose|what|which|where|when|why|how)\b|(?:is|are|was|were|did|does|do|has|have|had|will|can|could|would|should)\b",
    re.IGNORECASE,
)
_COUNTED_NOUN = re.compile(
    r"\b(?:how many|what was the|what is the|what were the)(?! (?:did|do|does|is|was|were|are|has|have|had|will|would)\b)"  # "how many was it drawing": none named
    r"((?: [a-z'’-]+){1,3}?) (?:did|do|does|is|was|were|are|has|"
    r"have|had|will|would|could|can|of|in|at|on|for|to|by|with|from)\b"
)
_WHO_ARE = re.compile(rf"^\W*who (?:are|were) (?:the |these |those )?(?:[\w'’-]+ ){{0,4}}(?:(?:{_PERSON_NOUNS})s|men|women|people)\b")
_LIST = re.compile(  # not "the draw in which all four clubs will be involved": a relative clause asks nothing
    r"(?<!\bin )(?<!\bof )(?<!\bat )(?<!\bby )(?<!\bwith )(?<!\bfrom )(?<!\bunder )"
    r"(?:\b(which|what|name|list) (two|three|four|five|several|all)\b|\bwhich \w+ and \w+\b)|^\W*list\b"  # not "in Broadcast's list"
    r"|^\W*what (?:are|were) the names\b"
)
_NOT_FOCUS = frozenset(terms(
    "who whom whose what which where when why how many much did does do is was were say said tell told report "
    "reportedly according article articles news give gave make made get got take took go went one ones kind type "
    "happen happened thing things way name named mention mentioned describe described old long far big large tall "
    "heavy fast high deep wide often percentage percent proportion share number amount date year month day time"
))


_NAMED_TO = re.compile(  # "was Qin named foreign minister", "been named captain": put in a post, the act asked of
    r"\b(?:was|were|been|be|is|are|being)\b[^?.]*?\bnamed (?!after\b|by\b|in\b|on\b|as\b|for\b)[a-z]", re.IGNORECASE
)


def _named_to_post(text: str) -> bool:
    """"On which day was Qin named foreign minister?" asks of the naming; "What was the game named?" and
    "after Qin was named foreign minister, when did they speak?" do not."""
    return _NAMED_TO.search(text) is not None and not any(
        t.lower_ == "named" and t.dep_ == "advcl" for t in parse(text))


@dataclass(frozen=True)
class Question:
    """A question read for what its answer must be and where it must stand."""

    text: str
    type: str
    labels: frozenset[str]
    terms: frozenset[str]  # stemmed content words
    focus: tuple[str, ...]  # content words as written, names and question words left out
    names: tuple[str, ...] = field(default=())  # names the answer's context must mention
    numbers: tuple[str, ...] = field(default=())  # digits and ordinals the answer's article must hold
    years: tuple[str, ...] = field(default=())
    people: tuple[str, ...] = field(default=())  # the names spaCy reads as people's (a subset of names)
    noun: str = ""  # the noun "which/what" asks for ("spokesperson"): the answer often stands next to it
    defined: str = ""  # "Who is Qin Gang?": the name whose description is asked
    described: frozenset[str] = frozenset()  # the terms of its phrase ("University of Sydney academic"): the answer's own description
    asked: frozenset[str] = frozenset()  # the terms of the clause that asks, when an opening clause restates the event first

    @property
    def typed(self) -> bool:
        return self.type in TYPED

    @property
    def several(self) -> bool:
        return self.type == COMPARISON


_WHO_ROLE = re.compile(
    rf"\bwho (?:is|was|are|were|will be|has been|had been|became|becomes|will become|has become|was named|was appointed|was elected) "
    rf"(?P<phrase>(?:the|a|an|[\w'’.-]+['’]s) (?:[\w-]+ ){{0,2}}?(?P<role>{_PERSON_NOUNS}))\b"
    # "who replaced Qin Gang as China's ambassador", "whom did he succeed as", "who is serving as the US ambassador"
    rf"|\bwho(?:m)? (?:[\w'’.-]+ ){{0,6}}?(?:replaced?|succeed(?:ed)?|serv(?:ing|es|ed)|took over|takes over|acting) "
    rf"(?:[\w'’.-]+ ){{0,3}}?as (?P<as_phrase>(?:the |an? |[\w'’.-]+['’]s )?(?:[\w-]+ ){{0,2}}?(?P<as_role>{_PERSON_NOUNS}))\b"
)


def analyse(question: str) -> Question:
    """The answer type, focus and constraints of a question."""
    text = question[-PARSED_CHARS:]
    kind = answer_type(text)
    lowered = text.lower()
    labels = LABELS.get(kind, frozenset())
    asked = asked_noun(text)[1]
    if kind == LIST and asked == "figure":  # "which senior figures": people
        labels = LABELS[PERSON]
    elif kind == LIST and (plural := re.search(rf"\b({_PERSON_NOUNS})s\b|\b(men|women|people)\b", lowered)):
        labels = LABELS[PERSON] | ({"ORG"} if _PERSON_OR_BODY.match(plural.group()) else set())  # "opponents": clubs too
    elif kind == LIST and asked and _head_kind(asked[:-1]) == PLACE and not FACILITY.match(asked):
        labels = LABELS[PLACE] - {"FAC"}  # "which countries made up the coalition": places, not the cabinet beside them
    elif kind == LIST and asked and (_head_kind(asked[:-1]) == ORGANISATION or asked == "houses"):
        labels = LABELS[ORGANISATION]  # "which two companies": firms, not the product beside them
    named = kind in (PLACE, ORGANISATION, PERSON) and _NAME.search(" ".join(asked_clause(text).lower().split()))
    noun = asked or (named_thing(text) if named else "")
    role_phrase = ""
    if kind == PERSON and not noun and (role := _WHO_ROLE.search(asked_clause(text).lower())):
        noun = role.group("role") or role.group("as_role")  # "who was the referee?": the answer often stands next to "referee"
        role_phrase = role.group("phrase") or role.group("as_phrase")  # "China's ambassador": whose ambassador
    if kind == QUANTITY and _MEASURE.search(lowered) and not _MONEY_WORDS.search(lowered):  # "how big is the hard disk?"
        labels = labels - {"MONEY"}
    if kind == QUANTITY and _HOW_LARGE.search(lowered) and not _SHARE_OR_CHANGE.search(lowered):
        labels = labels - {"PERCENT"}  # "how large was the harvest?": 14.27 million tonnes, not "24% higher"
    if kind == PERSON and _PERSON_OR_BODY.match(noun):  # "which rival": Fujitsu as often as a person
        labels = frozenset({"PERSON", "ORG"})
    if kind == PERSON and _CONTEST.search(lowered):  # "who won the Six Nations?": a team or a country as often as a person
        labels = frozenset({"PERSON", "ORG", "GPE", "NORP"})
    if kind == PLACE and FACILITY.match(noun):  # "which venue": a building, not a city (an ORG only when no FAC is found)
        labels = frozenset({"FAC", "LOC"})
    names, people = _names(text)
    if kind == PERSON and not people and _FIXTURE.search(asked_clause(text).lower()):
        labels = frozenset({"PERSON", "ORG", "GPE", "NORP"})
    name_terms = {t for n in names for t in terms(n)}
    focus = tuple(dict.fromkeys(
        w for w in re.findall(r"[A-Za-z][\w'’-]*", text)
        if terms(w) and terms(w)[0] not in _NOT_FOCUS and not set(terms(w)) & name_terms
    ))
    return Question(
        text=question,
        type=kind,
        labels=labels,
        terms=frozenset(terms(text)) - _NOT_FOCUS | (frozenset(terms("named")) if _named_to_post(text) else frozenset()),
        focus=focus,
        names=names,
        numbers=tuple(patterns.numbers_in(text)),
        years=tuple(sorted(patterns.years_in(text))),
        people=people,
        noun=noun,
        defined=_defined_name(text),
        described=frozenset(terms(role_phrase or _asked_phrase(text, noun))),
        asked=_asking_terms(text),
    )


_HOW_LARGE = re.compile(r"\bhow (?:large|big)\b")
_SHARE_OR_CHANGE = re.compile(
    r"\b(?:rise|rises|rose|risen|increase[sd]?|grow|grew|grown|growth|gain(?:s|ed)?|jump(?:s|ed)?|fall|falls|fell|fallen|"
    r"drop(?:s|ped)?|decline[sd]?|cut|cuts|shrink|shrank|swing|share|stake|proportion|majority|lead|margin|discount|"
    r"difference|gap|change|boost|hike|reduction|loss|slump)\b"
)


def _asking_terms(question: str) -> frozenset[str]:
    """"When Wolves unveiled Hoddle on a short deal, what salary was he on?": "salary" is what the answer's
    sentence says; the opening clause names the event, which the article as a whole matches."""
    clause = asked_clause(question)
    return frozenset(terms(clause)) - _NOT_FOCUS if clause != question else frozenset()


def asked_parts(question: str) -> list[str]:
    """The questions a question asks: "Which academic doubted the thaw, and at which institution does he
    work?" asks two, each answered on its own. One part when it asks one thing."""
    text = question[-PARSED_CHARS:]
    parts = [p.strip(" ,;:") for p in _SECOND_ASK.split(text)]
    if len(parts) < 2 or not all(_ASKS.search(p) and not _is_scene(p) for p in parts):  # "The star who sang; how many ...": one question
        return [question]
    return [p if p.endswith("?") else p + "?" for p in parts if p]


_ASKS_DIRECTLY = re.compile(r"^\W*(?:when|where|why|how)\s+(?:did|does|do|is|was|were|are|will|would|has|have|had|can|could)\b", re.IGNORECASE)
_WH_WORD = re.compile(r"\b(?:who|whom|whose|what|which|where|when|why|how)\b", re.IGNORECASE)


def _is_scene(part: str) -> bool:
    """"When the network was being built, the village had no electricity" sets the scene and asks nothing."""
    scene = _SCENE.match(part)
    if scene is None or _ASKS_DIRECTLY.match(part):  # "When did Blinken arrive"
        return False
    return not _WH_WORD.search(part, scene.end())  # "Ahead of the election he offered hope and what" asks


def part_queries(question: str) -> list[str]:
    """Each part of a question that asks several things, as a question of its own: the part plus the names
    of the whole it does not repeat ("how long did his talks last?" + "Qin Gang"). One query for one question."""
    parts = asked_parts(question)
    if len(parts) == 1:
        return parts
    names = _names(question[-PARSED_CHARS:])[0]
    return [" ".join([part] + [n for n in names if n.lower() not in part.lower()]) for part in parts]


def without_relatives(question: str) -> str:
    """The question with its relative pronouns read as "that": in "the backbencher who dismissed the
    scheme said it was for what?" the asking word is "what", not "who"."""
    doc = parse(question)
    wh = [t for t in doc if t.tag_ in ("WP", "WDT", "WRB", "WP$")]
    relative = [t for t in wh if t.i > 0 and ("relcl" in (t.dep_, t.head.dep_) or _relative_whose(t))]
    if not relative or len(relative) == len(wh):  # nothing to drop, or a parse that leaves nothing asking
        return question
    out = question
    for token in reversed(relative):
        out = out[: token.idx] + "that" + out[token.idx + len(token.text) :]
    return out


def _relative_whose(token: Any) -> bool:
    """"the retailer, whose nine suppliers were charged, ...": a "whose" after a comma opens a relative
    clause, however spaCy attaches it."""
    return token.tag_ == "WP$" and (token.head.head.dep_ == "relcl" or token.nbor(-1).text == ",")


def asked_clause(question: str) -> str:
    """The part of the question that asks: readers restate the event first ("When Wolves unveiled
    Hoddle on a short deal, what salary was he on?"), and that opening clause's "when" asks nothing. After a
    semicolon ("Tony Wilson signed Raw T; what is their album called?") or a full stop ("... a new top rate
    of tax. What would that rate be?") the part that asks is the last."""
    after = [m.end() for m in _LAST_ASKING_PART.finditer(question)]
    if after:
        return question[after[-1]:]
    if not _SCENE.match(question) or _OPENS_ASKING.match(question):  # "At which arena will the ceremony, where ..., be held?"
        return question
    for comma in re.finditer(r",\s*", question):
        rest = question[comma.end():]
        if _ASKING.match(rest):
            return rest
    return question


def counted_thing(question: Question) -> str:
    """What a count question counts, as written: "how many electric vehicles did ..." -> "vehicles",
    "what was the score of ..." -> "score"; empty for other questions."""
    if question.type != NUMBER:
        return ""
    noun = counted_noun(question.text)
    return "" if not noun or set(terms(noun)) <= _NOT_FOCUS else noun


def measured_thing(question: Question) -> str:
    """What an amount is of, when the question names it: "how much profit did ..." -> "profit", "how much
    in wages" -> "wages", "how many tries" -> "tries"; empty when the noun only names the kind of amount
    ("what share", "what price", "how many people"), which any sentence giving the amount may leave unsaid."""
    if question.type == NUMBER:
        noun = counted_noun(question.text)
    elif question.type in (MONEY, PERCENT, QUANTITY):
        noun = question.noun or _much_noun(question.text)
    else:
        return ""
    noun = " ".join(w for w in noun.split() if not set(terms(w)) <= _NOT_FOCUS | _KINDS_OF_AMOUNT)
    return noun


@lru_cache(maxsize=1024)
def _much_noun(question: str) -> str:
    """The noun "how much" asks an amount of, in spaCy's parse: "how much profit" -> "profit",
    "how much in wages" -> "wages"; empty for "how much did it cost" and "how much of the budget" (a part
    of the budget, which the answer's sentence may call by its own name)."""
    clause = without_relatives(asked_clause(question[-PARSED_CHARS:]))
    for token in parse(clause):
        if token.lower_ == "much" and token.i > 0 and token.nbor(-1).lower_ == "how":
            head = token.head
            if head.pos_ == "NOUN" and 0 < head.i - token.i <= MUCH_NOUN_GAP:  # "how much severance pay"
                return " ".join(t.text.lower() for t in head.children if t.dep_ == "compound" and t.i > token.i) + " " + head.text.lower()
            following = token.nbor(1) if token.i + 1 < len(token.doc) else None
            if following is not None and following.lower_ == "in":
                objects = [c for c in following.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                return objects[0].text.lower() if objects else ""
            changed = _changed_noun(token)
            if changed:
                return changed
    return ""


def _changed_noun(much: Any) -> str:
    """What a "how much did it rise / did they raise" question measures the change of: the verb's subject
    when it rises by itself ("how much did spending rise" -> "spending"), its object when someone moves it
    ("how much did households raise their spending" -> "spending"). A name or a pronoun says no kind of amount."""
    verb = much.head if much.head.pos_ == "VERB" else None
    if verb is None or not _BY_HOW_MUCH.search(verb.sent.text.lower()) or verb.lemma_.lower() not in _CHANGE_LEMMAS:
        return ""
    role = "dobj" if any(c.dep_ == "dobj" for c in verb.children) else "nsubj"
    nouns = [c for c in verb.children if c.dep_ == role and c.pos_ == "NOUN"]
    return nouns[0].text.lower() if nouns else ""


@lru_cache(maxsize=1024)
def counted_noun(question: str) -> str:
    """The noun "how many" counts: in spaCy's parse, the noun "many" qualifies ("how many extra flights a
    week" -> "flights", "how many of its 25 members" -> "members"), else the last word before the verb."""
    clause = without_relatives(asked_clause(question[-PARSED_CHARS:]))
    for token in parse(clause):
        if token.lower_ == "many" and token.i > 0 and token.nbor(-1).lower_ == "how":
            if token.head.pos_ == "NOUN":
                return token.head.text.lower()
            of = [c for c in token.children if c.lower_ == "of"]
            objects = [c for c in of[0].children if c.dep_ == "pobj" and c.pos_ == "NOUN"] if of else []
            if objects:
                return objects[0].text.lower()
    match = _COUNTED_NOUN.search(" ".join(clause.lower().split()))
    words = [w for w in match.group(1).split() if w not in _ADVERBS] if match else []
    return words[-1] if words else ""  # "how many Americans now have": Americans, not "now"


_ADVERBS = frozenset({"now", "still", "currently", "already", "actually", "really", "ever", "also", "even", "just", "today", "then"})


def answer_type(question: str) -> str:
    """The type of answer a question wants, from its wording; 'other' when it names none."""
    lowered = " ".join(without_relatives(asked_clause(question)).lower().split())
    if _LIST.search(lowered) and not re.match(r"\W*(why|how)\b", lowered):
        return LIST
    if _WHO_ARE.search(lowered):  # "who are the councillors accused ...": all of them
        return LIST
    if _defined_name(question):  # "Who is Qin Gang?" asks what he is, not for a name
        return OTHER
    if _NAME.search(lowered):
        thing = named_thing(question)  # "the name of the hotel": a place, read as "which hotel"
        kind = _head_kind(thing)
        if kind == PERSON:  # "the name of the striker", "the former agent's name": a person's
            return PERSON
        return kind if kind == PLACE or (kind == ORGANISATION and _BODY_NOUNS.match(thing)) else NAME
    if _TITLE_OF.search(lowered):  # "what is the title of their new album?"
        return WORK
    if _PART_OF_PLACE.search(question):  # "which part of Darlington": a district of it
        return PLACE
    if _LENGTH_OF_THING.search(lowered):  # "how long is the bridge?": metres, not months
        return QUANTITY
    if _BIRTH_NAME.search(lowered):  # "what was the birth name of Stan Lee": a person's name
        return PERSON
    for kind, rule in _RULES:
        match = rule.search(lowered)
        if match and kind == COMPARISON and (_asks_for_one(question, lowered) or _in_a_name(match.group(), question)):
            continue  # "which minister said it was crass to compare X with Y": the minister; "A Different Story": a title
        if (match and kind in (PERSON, WHICH) and match.start() > 0 and _RULES_BY_KIND[YES_NO].match(lowered)
                and not _TELLS_WHICH.search(lowered[: match.start()])):
            continue  # "Would the host whose show inspired the opera have written it?": a relative "whose", yes or no
        if match and kind == WHICH:
            kind = asked_noun(question)[0]
            if not kind:
                continue
        if match:
            if kind == QUANTITY and _RATE.search(lowered) and not _PAID_RATE.search(asked_clause(lowered)):  # "what top rate of tax": a percentage
                return PERCENT
            if kind == QUANTITY and _MONEY_WORDS.search(_main_clauses(lowered)) and not _BY_HOW_MUCH.search(lowered):
                return MONEY
            if kind == NUMBER and re.search(r"\bhow many (pounds|dollars|euros|yen|yuan|rupees|pesos|francs|roubles|rubles)\b", lowered):
                return MONEY
            return kind
    return OTHER


_TELLS_WHICH = re.compile(  # "did the firm say which bank it would use?": the bank is asked, not yes or no
    r"\b(?:say|said|know|knew|reveal|disclose|tell|told|explain|confirm|decide|indicate|specify|announce|name|ask)\w*\s+$"
)


def _in_a_name(word: str, question: str) -> bool:
    """Every time the question writes the word, it is capitalised inside a sentence: part of a name or title
    ("How long is A Different Story?"), not a question word."""
    found = list(re.finditer(rf"\b{re.escape(word)}\b", question, re.IGNORECASE))
    return bool(found) and all(m.group()[:1].isupper() and re.search(r"\w\W*$", question[: m.start()]) for m in found)


def _main_clauses(text: str) -> str:
    """The text without its relative clauses: "the cardinal, who attacked the billions spent on the war,
    addressed a congregation of what size?" asks no sum."""
    doc = parse(text)
    relatives = [list(token.subtree) for token in doc if token.dep_ == "relcl"]
    inside = {t.i for clause in relatives if clause[0].tag_ in ("WP", "WDT", "WP$") for t in clause}  # "the most they can claim": kept
    return "".join(t.text_with_ws for t in doc if t.i not in inside)


def _asks_for_one(question: str, lowered: str) -> bool:
    """A question opening "who" or "which <person/body/place>" asks for one of them, whatever it goes on about."""
    if re.match(r"\W*(?:who|whom)\b", lowered):
        return True
    return bool(re.match(r"\W*(?:which|what)\b", lowered)) and asked_noun(question)[0] in (PERSON, ORGANISATION, PLACE)


_BIRTH_NAME = re.compile(r"\b(?:birth|real|maiden) name\b")
_OWNER_NAME = (  # "what is the former agent's name?": the name of whom the possessive names
    r"^\W*what (?:is|was|are|were) (?:the |a |an |this |that |its |his |her |their )?(?:[\w-]+ ){0,4}?([a-z][\w-]*)['’]s? "
    r"(?:full |first |real |new )?names?\W*$"
)
_NAME = re.compile(
    r"^\W*(?:what|which) (?:is|was|are|were|will be) the (?:new |official |brand |code |full )?name (?:of|for|given to)\b|"
    r"\b(?:what|which) (?:new |official |brand |code |full )?name\b|\b(?:what|which) (?:codename|code-name|nickname|moniker)\b|"
    r"^\W*what (?:is|was|are|were|will) (?:the |a |an |this |that |its |his |her |their )?[\w'’ .-]+? (?:be )?(?:called|named|dubbed|known as|branded)\W*$|"
    + _OWNER_NAME
)
_PART_OF_PLACE = re.compile(r"\b(?:[Ww]hich|[Ww]hat) parts? of (?:the )?[A-Z]")
_TITLE_OF = re.compile(r"^\W*what (?:is|was|are|were|will be) the (?:\w+ )?titles? of\b")
_WORK_NOUNS = (
    "film|movie|picture|musical|song|single|album|record|track|novel|book|show|programme|program|series|sitcom|soap|drama|"
    "play|opera|ballet|painting|game|documentary|comedy|thriller|sequel|biopic|episode|poem|anthem|hit|reissue|remix|tune|"
    "ballad|blockbuster|cartoon"
)
_LAW_NOUNS = "law|act|bill|legislation|directive|treaty|convention|regulation|statute"
_MONEY_NOUNS = (
    "salary|wage|fee|price|cost|sum|fine|compensation|budget|bonus|payment|payout|donation|bid|offer|fortune|profit|"
    "revenue|turnover|earning|deficit|surplus|advance"
)
_RATE = re.compile(r"\brates?\b(?<!exchange rate)(?<!exchange rates)")  # "to what level did it cut its tax rate"
_PAID_RATE = re.compile(r"\b(?:hourly|wages?|pay|salary|salaries|fares?|fees?|prices?|charges?|rents?)\b|\b(?:an|per) hour\b")
_BY_HOW_MUCH = re.compile(  # "by how much will health spending rise?": by 9.4% as often as by £1bn
    r"\bby how much\b|\bhow much (?:did|does|do|has|have|had|will|would|could|is|was|were|are)\b[^?]{0,80}?\b(?:go(?:ne|es)? up|"
    r"go(?:ne|es)? down|went up|went down|rise|risen|rose|fall|fallen|fell|climb|climbed|drop|dropped|jump|jumped|increase|increased|"
    r"decrease|decreased|decline|declined|grow|grown|slip|slipped|slide|slid|soar|soared|plunge|plunged|tumble|tumbled|surge|surged|"
    r"raise|raised|lift|lifted|boost|boosted|cut|reduce|reduced|lower|lowered|trim|trimmed|slash|slashed)\b"  # "raise their spending"
)
_CHANGE_LEMMAS = frozenset({
    "rise", "fall", "climb", "drop", "jump", "increase", "decrease", "decline", "grow", "slip", "slide", "soar", "plunge", "tumble",
    "surge", "raise", "lift", "boost", "cut", "reduce", "lower", "trim", "slash",
})
_PERCENT_NOUNS = "growth|stake|turnout|swing|inflation|unemployment"  # "what growth does he predict": 4.2%
_ORDINAL_NOUNS = "minute|round|lap|hole|innings|inning|stage|leg|heat|ranking|rank|seeding"  # "in which minute": the 84th
_AMOUNT_NOUNS = (  # "to what level did gold slide", "what magnitude was the quake"
    "reading|level|ceiling|limit|cap|total|figure|threshold|tally|valuation|estimate|target|magnitude|temperature|speed|"
    "capacity|rise|increase|fall|drop|decline|jump|"
    "height|depth|weight|length|distance|rate|margin|range|altitude|elevation"
)
_KINDS_OF_AMOUNT = frozenset(terms(  # nouns that name the kind of amount asked, not what it is an amount of
    "amount sum money cash price cost value figure total level share percentage proportion rate range margin "
    "ceiling limit cap stake fee pay payment payout advance bid offer fortune estimate target threshold tally size distance "
    "speed height depth weight length magnitude temperature people persons times"
)) | frozenset(terms(_AMOUNT_NOUNS.replace("|", " ")))
_HEADS = [(PERSON, re.compile(rf"^({_PERSON_NOUNS})s?$")), (ORGANISATION, re.compile(rf"^({_ORG_NOUNS})s?$")),
          (PLACE, re.compile(rf"^({_PLACE_NOUNS})s?$")), (MONEY, re.compile(rf"^({_MONEY_NOUNS})s?$")),
          (QUANTITY, re.compile(rf"^({_AMOUNT_NOUNS})s?$")),
          (WORK, re.compile(rf"^({_WORK_NOUNS})s?$")), (LAW, re.compile(rf"^({_LAW_NOUNS})s?$")),
          (RANK, re.compile(rf"^({_ORDINAL_NOUNS})s?$")), (PERCENT, re.compile(rf"^({_PERCENT_NOUNS})s?$")),
          (DURATION, re.compile(rf"^({_LENGTH_NOUNS})s?$"))]
_HEAD_STOP = re.compile(
    r"^(is|are|was|were|did|does|do|has|have|had|will|would|can|could|should|may|might|of|in|at|on|for|to|by|with|from|"
    r"that|who|which|and|or|as|after|before|\w+ed|\w+ing)$"
)


_PUBLIC_FIGURE = re.compile(  # "figure" names a person when a word for standing in public life describes it
    r"(?:which|what) (?:[\w-]+ ){0,2}?(?:senior|leading|public|political|prominent|international|high-profile|famous|"
    r"well-known|sporting|religious|military|opposition|establishment|cult|iconic|celebrity|showbiz|literary|"
    r"controversial|influential|royal|party|government) (?:[\w-]+ ){0,2}?figure(s)?\b"
)
_ONE_OF = re.compile(  # words between "which" and the noun it asks for
    r"(?:which|what) (?:(?:piece|item) of |(?P<sort>kind|type|sort|form|class) of |"
    r"of (?:the|his|her|their|its|these|those) (?:[\w.&-]+['’]s? )?)"
)


@lru_cache(maxsize=1024)
def asked_noun(question: str) -> tuple[str, str]:
    """The type and the noun that "which/what/whose" asks for ("Which University of Sydney academic ..." ->
    person, "academic"): spaCy's parse first, then the run of words after the asking word; empty when none."""
    clause = without_relatives(asked_clause(question))
    lowered = " ".join(clause.lower().split())
    match = _RULES_BY_KIND[WHICH].search(lowered)
    if match is None:
        return "", ""
    if lowered[match.start() : match.start() + 5] == "whose":  # "whose record": a person's
        return PERSON, ""
    figures = _PUBLIC_FIGURE.match(lowered, match.start())
    if figures:  # "which senior international figures": people, not numbers
        return (LIST if figures.group(1) else PERSON), "figure"
    lead = _ONE_OF.match(lowered, match.start())
    if lead:  # "which of the agency's credit analysts": one analyst; "which piece of legislation": a law
        kind, noun = _head_type(" ".join(lowered[lead.end() :].split()[:4]))
        if kind == LIST and _head_kind(noun[:-1]):
            kind, noun = _head_kind(noun[:-1]), noun[:-1]
        if kind and lead.group("sort"):  # "what kind of mayor": a description of one, not a name
            return "", noun
        if kind:
            return kind, noun
    unknown = ""
    for token in parse(clause):
        known = token.head.pos_ != "PROPN" and _head_kind(token.head.text.lower())  # spaCy tags "academic" an adverb at times
        if token.tag_ in ("WDT", "WP") and token.dep_ == "det" and (token.head.pos_ == "NOUN" or known):
            noun = token.head.text.lower()
            kind = _head_kind(noun)
            if kind:
                return (LIST if kind in (PERSON, ORGANISATION, PLACE) and token.head.tag_ == "NNS" else kind), noun
            unknown = unknown or noun
    what_is = _WHAT_IS_THE.match(lowered) or _WHAT_WOULD_IT_BE.search(lowered)  # "what is the average profit share payout for members?": a sum
    said = what_is.group(1) if what_is else ""
    asked = re.sub(r"s$", "", said)  # the noun patterns take an "s" themselves
    if said and _head_kind(said) and not (unknown and unknown != asked):
        return _head_kind(said), asked
    owner, *owned = re.split(r"['’]s?(?=\s)", match.group(1), maxsplit=1)  # "which laboratory's experts": a laboratory
    which = lowered[match.start() : match.start() + 5] == "which"  # "what did China's minister call ...": no owner asked
    words = owned[0] if owned and which and not _head_type(owner)[0] else owner  # "which children's charity": a charity
    one_of = re.match(r"\s*of (?:the|his|her|their|its|these|those) ", words)  # "which of his players": one of them
    kind, noun = _head_type(words[one_of.end():] if one_of else words)
    if kind and unknown and _later(noun, unknown, words):  # "which London dealer bought Sir Joshua's portrait": a dealer
        kind, noun = "", unknown
    if one_of and kind == LIST and _head_kind(noun[:-1]):
        kind, noun = _head_kind(noun[:-1]), noun[:-1]
    first = words.split()[0] if words.split() else ""
    if not kind and (patterns.DEMONYM_PERSON.fullmatch(first) or (_BEFORE_VERB.match(words) and _is_demonym(first, clause))):
        return PERSON, ""  # "which Frenchman scored", "which Italian did Nadal beat": a person
    return (kind, noun) if kind else ("", unknown)  # "what gift": no type, but the noun is what is asked


def _later(noun: str, parsed: str, words: str) -> bool:
    """The run's known noun stands after the noun spaCy reads as the asked one: past the asking phrase."""
    found = re.search(rf"\b{re.escape(noun)}\b", words)
    before = re.search(rf"\b{re.escape(parsed)}\b", words)
    return found is not None and before is not None and before.start() < found.start()


def _is_demonym(word: str, clause: str) -> bool:
    """"Italian" (spaCy: a nationality), not "plan" or "China"."""
    return any(t.lower_ == word and t.ent_type_ == "NORP" for t in parse(clause))


def _defined_name(question: str) -> str:
    """The name a "Who is ...?" or "What role did ... hold?" question asks about ("Who is Qin Gang?" ->
    "Qin Gang"), else empty."""
    clause = " ".join(asked_clause(question).split())
    match = _WHO_IS_NAME.match(clause) or _ROLE_OF_NAME.match(clause)
    name = match.group(1).strip() if match else ""
    words = name.split()
    if words and (any(w.endswith(("'s", "’s")) for w in words) or all(is_title_word(w) for w in words)):
        return ""  # "Who is Scotland's First Minister?", "Who is the Prime Minister?": a person, not what a name is
    return name


_TRADES = frozenset(  # "which auction house": a firm of that trade, not a building
    "auction fashion publishing couture design investment brokerage trading production finance".split()
)


def _head_kind(noun: str) -> str:
    if not noun:
        return ""
    return next((kind for kind, nouns in _HEADS if nouns.match(noun)), "") or (PERSON if _PERSON_SUFFIX.match(noun) else "")


_PERSON_SUFFIX = re.compile(  # nouns no list holds that name a person by their ending: "strategist", "technician", "auctioneer"
    r"^(?!(?:list|wrist|twist|fist|mist|gist|exist|assist|insist|persist|resist|consist|subsist|desist|career|veneer|steer|"
    r"sheer|beer|deer|cheer|human|german|roman|woman|man|specimen|regimen|abdomen|shortlist|checklist|playlist|wishlist|blacklist|"
    r"setlist)s?$)(?![a-z]*(?:ch|sh|ts)m[ae]n$)[a-z]{3,}(?:ist|ists|ician|icians|eer|eers|woman|women|man|men)$"
)


def _asked_phrase(question: str, noun: str) -> str:
    """The words from the asking word to its noun: "which University of Sydney academic"."""
    if not noun:
        return ""
    lowered = " ".join(without_relatives(asked_clause(question)).lower().split())
    match = re.search(rf"\b(?:what|which)\b(.{{0,80}}?\b{re.escape(noun)})\b", lowered)
    return match.group(1) if match else noun


_COMPOUND_MODIFIER = re.compile(r"\b[a-z]+-(?:[a-z]+ed|run|led|held|born|made|built|hit|owned)\b")  # "state-owned", "quake-hit"


def _head_type(words: str) -> tuple[str, str]:
    """The type named by the noun after 'which/what' ("which US district judge" -> person): the last
    known noun of the run of words that ends at a verb, a preposition or the first word after a known noun.
    A plural noun ("which rivals", "what countries") asks for a list."""
    kind, head, previous = "", "", ""
    words = _COMPOUND_MODIFIER.sub(" ", words)  # "which small state-owned Chinese car maker": a maker, no state
    for at, word in enumerate(re.split(r"[ -]+", words.strip())):
        if at == 0 and re.fullmatch(r"\w+(?:ing|ed)", word):  # "which reigning champion", "which sacked manager"
            continue
        if _HEAD_STOP.match(word):
            break
        word = re.sub(r"ies$", "ys", word)  # countries -> countrys: the noun patterns take an "s"
        found = _head_kind(word) or (ORGANISATION if word in ("house", "houses") and previous in _TRADES else "")
        previous = word
        if found and word == "houses":  # "which auction houses": several firms
            return LIST, word
        if kind and not found:
            break
        if found:
            kind, head = found, word
    if kind in (PERSON, ORGANISATION, PLACE) and head.endswith("s") and _head_kind(head[:-1]) == kind:
        return LIST, head
    return kind, head


_WHAT_IS_THE = re.compile(  # the noun "what is the ..." / "what was Lenovo's ..." asks for, before a preposition or the end
    r"^\W*what (?:is|was|are|were|will be) (?:the |(?:[\w.&-]+ ){0,3}[\w.&-]+['’]s? )(?:[\w'’-]+ ){0,3}?([a-z]+)"
    r"(?= (?:of|for|in|at|on|to|from|under|between|paid|"
    r"offered|given)\b|\W*$)"
)
_WHAT_WOULD_IT_BE = re.compile(  # "what would that rate be?": the noun asked for, as "what is the rate?" asks it
    r"(?:^|[.!?]\s+)\W*what (?:would|will|could|might|should) (?:the|that|this|its|their|his|her|such an?) (?:[\w'’-]+ ){0,2}?([a-z]+) be\W*$"
)
_BEFORE_VERB = re.compile(r"\s*[a-z]+\s+(?:did|does|do|is|was|were|has|had|will|won|beat|lost|scored)\b")  # "which Italian did"


_IMPERATIVE = re.compile(  # a request's opening verb, which spaCy reads as the first word of the name after it
    r"^(?:summari[sz]e|compare|contrast|describe|explain|list|outline|name|identify|define|give|show|find|tell)\s+(?=\S)",
    re.IGNORECASE,
)


def _names(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Names in the question (spaCy's entities of naming kinds, then capitalised words not inside them),
    and those of them that name people."""
    found: list[str] = []
    people: list[str] = []
    starts: dict[int, int] = {}  # where each entity's name starts in the text -> its place in `found`
    for entity in entities([text])[0]:
        if entity.label in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"):
            if entity.label != "PERSON":  # "President Bush" stays the person Bush
                starts[entity.start] = len(found)
            name = _IMPERATIVE.sub("", entity.text) if entity.start == 0 else entity.text  # "Summarize Blinken's visit"
            if entity.start == 0 and _asks_with_modal(text):  # "Will Tony Blair take part ...?", not "Will Young won ...?"
                name = name.split(" ", 1)[1] if " " in name else ""
            found.append(re.sub(r"^the\s+", "", re.sub(r"['’]s?$", "", name), flags=re.IGNORECASE))
            if entity.label == "PERSON":
                people.append(found[-1])
    covered = " ".join(found).lower()
    run_end = -1  # where the last loose word ends: capitalised words side by side are one name spaCy missed
    for at, word in patterns.capitalised_names(text):  # ("the boy band One Direction")
        if word.lower() in covered:
            continue
        joined = starts.get(at + len(word) + 1)
        if joined is not None and text[at + len(word)] == " " and not is_title_word(word):
            found[joined] = f"{word} {found[joined]}"  # "the Liberal Democrats' chief": spaCy found "Democrats" only
            continue
        if at == run_end + 1 and text[run_end] == " ":
            found[-1] = f"{found[-1]} {word}"
        else:
            found.append(word)
        run_end = at + len(word)
    return tuple(dict.fromkeys(n for n in found if n)), tuple(dict.fromkeys(n for n in people if n))


def _asks_with_modal(text: str) -> bool:
    """The question opens with a modal that spaCy reads into the name after it: "Will Tony Blair take part",
    "Can Chelsea win". A verb in its base form must follow, so "Will Young won Pop Idol" keeps its singer."""
    tokens = parse(text)
    return len(tokens) > 1 and tokens[0].lower_ in _MODALS and any(t.dep_ == "ROOT" and t.tag_ == "VB" for t in tokens)


_MODALS = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must"})


def is_title_word(word: str) -> bool:
    """A word of a person's title: a role noun or one of its usual modifiers ("US Treasury Secretary")."""
    return is_role_noun(word) or word.lower() in _TITLE_MODIFIERS


def is_role_noun(word: str) -> bool:
    """A noun for a person's role ("councilor", "minister"), which spaCy sometimes tags as the person's name."""
    return bool(_HEADS[0][1].match(word.lower()))


_CONTEST_ROLE = re.compile(r"^(?:champion|winner|leader|holder|finalist|runner-up|member|veteran|favourite|victor)s?$")


def is_person_only_noun(word: str) -> bool:
    """A noun for a person's role that no body takes ("minister", "director"; not "rival", "buyer", nor
    "champion" or "leader", which teams and parties are too)."""
    return is_role_noun(word) and not _PERSON_OR_BODY.match(word.lower()) and not _CONTEST_ROLE.match(word.lower())


def is_body_noun(word: str) -> bool:
    """A noun for a body ("council", "association"): a name that ends in one names no work."""
    return bool(_HEADS[1][1].match(word.lower()))


_NAMED_THING = re.compile(
    r"\bname of (?:the |a |an |this |that |its |his |her |their )?(?:new |official )?([a-z][\w-]*)|"
    r"^\W*what (?:is|was|are|were|will) (?:the |a |an |this |that |its |his |her |their )?(?:[\w'’-]+ ){0,8}?([a-z][\w-]*)"
    r"(?: (?:to|for|of|that|which|who)\b[^?]*)? (?:be )?(?:called|named|dubbed|known as|branded)\W*$|"
    r"\bwhat name (?:is|was|are|were|will|does|did) (?:the |a |an |this |that |its |his |her |their )?(?:[\w'’-]+ ){0,8}?([a-z][\w-]*) "
    r"(?:be |being )?(?:called|named|branded|known|go|sold|marketed|released)|" + _OWNER_NAME,
    re.IGNORECASE,
)


def named_thing(question: str) -> str:
    """What a name question names: "the name of the creature" -> creature; "what is the scheme called" -> scheme."""
    clause = " ".join(asked_clause(question[-PARSED_CHARS:]).split())  # "... down. What is the agent's name?"
    match = _NAMED_THING.search(clause)
    if match is None:
        return ""
    group = next(i for i, g in enumerate(match.groups(), start=1) if g)
    if group == 1:  # "the name of the fishing game": the noun "fishing" qualifies
        token = next((t for t in parse(clause) if t.idx == match.start(1)), None)
        if token is not None and token.dep_ in ("compound", "amod") and token.head.i == token.i + 1 and token.head.pos_ == "NOUN":
            return token.head.lower_
    return match.group(group).lower()
