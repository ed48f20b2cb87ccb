"""Keeps API keys out of what users see: an endpoint failure becomes a short reason, never the upstream body.

Endpoints echo what they were sent, sometimes changed (lower-cased, quoted in
JSON), so the key is scrubbed case-insensitively, together with anything
shaped like a bearer token or an `sk-...` key.
"""

from __future__ import annotations

import re

from assistant.errors import EndpointError

HIDDEN = "***"
_BEARER = re.compile(r"\b(bearer)\s+[^\s\"',;)}\]]+", re.IGNORECASE)
_KEY_SHAPED = re.compile(r"\bsk-[A-Za-z0-9_\-]{4,}", re.IGNORECASE)
_STATUS_REASONS = {
    401: "the endpoint refused the API key",
    403: "the endpoint refused access with this API key",
    404: "the endpoint does not know this model or path",
    429: "the endpoint is limiting requests (rate limit or quota)",
}


def redact(text: str, secret: str = "") -> str:
    """`text` with the secret (in any letter case), bearer tokens and sk-... keys replaced by ***."""
    if secret:
        text = re.sub(re.escape(secret), HIDDEN, text, flags=re.IGNORECASE)
    text = _BEARER.sub(rf"\1 {HIDDEN}", text)
    return _KEY_SHAPED.sub(HIDDEN, text)


def endpoint_failure(error: BaseException, secret: str = "") -> str:
    """A short reason for a failed model call, e.g. "the endpoint refused the API key (401)"."""
    import openai  # only once a model call failed: the default path never loads the client

    if isinstance(error, openai.APIStatusError):
        code = error.status_code
        reason = _STATUS_REASONS.get(code) or ("the endpoint had a server error" if code >= 500 else "the endpoint refused the request")
        return f"{reason} ({code})"
    if isinstance(error, openai.APITimeoutError):
        return "the endpoint did not reply in time"
    if isinstance(error, openai.APIConnectionError):
        return "cannot connect to the endpoint"
    if isinstance(error, EndpointError):
        return redact(str(error), secret)[:200]
    return f"an unusable reply ({type(error).__name__})"
