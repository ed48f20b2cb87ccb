"""The answer step: read the retrieved sentences for the answer, compose it, or say why the articles cannot.

question.py (what is asked) -> evidence.py (which sentences weigh) ->
candidates.py (phrases of the asked type; fits.py and counts.py judge what a
phrase is, places.py which places are countries) -> reader.py (the Reading, or a
refusal from refuse.py) -> compose.py (the extractive text) -> chain.py (the
extractive backend). patterns.py owns how numbers, dates and names are written.
"""

from assistant.answer.result import NOT_COVERED, STALE_INDEX, Answer, Status

__all__ = ["Answer", "NOT_COVERED", "STALE_INDEX", "Status"]
