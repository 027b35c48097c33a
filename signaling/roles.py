"""Who may use which part of the admin web (pure).

Every account is an adviser account; the admin web is for accounts with a *web role*:

* ``admin`` — IT: the fleet, remote actions, the audit log (accounts with ``is_admin``);
* ``manager`` — service managers: read-only reports (issue #15), granted with
  ``kiosklink admin adviser-role USERNAME add manager``;
* ``editor`` — the common questions' content (issue #13), granted the same way.

One granted role is not a web role: ``interpreter`` (docs/protocol.md §Interpreter) makes the
account an interpreter at ``/ws/adviser``, offered interpreting only, never residents.

An account's roles are read again on every request (signaling/admin/routes.py), so a revoked role
stops working at once, not when the session ends. Each admin route declares the roles that may use
it; a route that declares none is for admins only, so a route added without thought stays closed.
An admin may use every route: IT keeps the whole system running.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, get_args

Role = Literal["admin", "manager", "editor"]
ROLES: tuple[Role, ...] = get_args(Role)
GRANTED_ROLES: tuple[Role, ...] = ("manager", "editor")  # kept in account_roles; admin is a flag
ADMINS: frozenset[Role] = frozenset({"admin"})
REPORT_READERS: frozenset[Role] = frozenset({"admin", "manager"})
EDITORS: frozenset[Role] = frozenset({"admin", "editor"})
INTERPRETER = "interpreter"  # granted like the web roles, kept in account_roles (§Interpreter)


def web_roles(*, is_admin: bool, granted: Iterable[str]) -> frozenset[Role]:
    """The account's roles in the admin web; unknown granted names are ignored."""
    roles: set[Role] = {r for r in GRANTED_ROLES if r in set(granted)}
    if is_admin:
        roles.add("admin")
    return frozenset(roles)


def may_use(roles: frozenset[Role], allowed: frozenset[Role] | None) -> bool:
    """Whether an account with ``roles`` may use a route that allows ``allowed`` (None: admins)."""
    return bool(roles & (ADMINS if allowed is None else allowed | ADMINS))
