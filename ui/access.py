"""Who may re-index from the UI: with a login, the users named in `ui_admins`; without one, only a UI on this machine.

Re-indexing reads the whole corpus and holds the index for minutes on a large
one, so on a shared UI it is not for every reader. The check runs on the
server, in the event itself; hiding the button only spares others a refusal.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass


def is_local(host: str) -> bool:
    """Whether a UI bound to `host` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ReindexAccess:
    """The rule for one running UI."""

    admins: frozenset[str]
    login: bool
    local: bool  # bound to a loopback address and not shared through a public link

    def allows(self, user: str | None) -> bool:
        if self.login:
            return user is not None and user in self.admins
        return self.local

    def refusal(self) -> str:
        if self.login:
            return "Only the users named in ui_admins may re-index from the UI; the index is unchanged."
        return "Without a login, re-indexing from the UI is allowed only on localhost; the index is unchanged. Run `assistant index` on the server."
