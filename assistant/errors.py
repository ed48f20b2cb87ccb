"""Errors a user can cause, each carrying a sentence the CLI prints instead of a traceback."""


class AssistantError(Exception):
    """Base class: the message is written for the person at the keyboard."""


class CorpusError(AssistantError):
    """The corpus folder is missing, empty or unreadable."""


class IndexMissingError(AssistantError):
    """Asked a question before any index was built."""


class IndexCorruptError(AssistantError):
    """The index exists but is damaged; the message names what failed and advises --rebuild."""


class ModelMissingError(AssistantError):
    """A model file that should ship inside a package is not installed."""


class BadQuestionError(AssistantError):
    """The question is empty or unusable."""


class EndpointError(AssistantError):
    """The configured OpenAI-compatible endpoint failed."""


class AnswerTimeoutError(AssistantError):
    """One answer took longer than its time budget."""


class IndexUnavailableError(AssistantError):
    """The index cannot be reached or written as asked (a server down, a read-only folder, a file in the way)."""


class IndexBusyError(AssistantError):
    """Another indexing run holds the index's lock."""
