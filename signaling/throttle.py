"""Slow down password guessing (pure) without letting one person lock out their colleagues.

A whole office often signs in from one address (a NAT, or the reverse proxy when
``server.trusted_proxies`` is not set), so the address alone must never decide for everyone.
Three counters, each over the last ``window_s`` seconds:

1. **A person**: failures of one account from one address. ``per_person`` of them make that
   account wait ``lockout_s`` *from that address*; colleagues there sign in as usual, and so does
   the same person from elsewhere. This is the counter typos hit.
2. **An account**: failures of one account from anywhere. ``per_account`` (generous) make the
   account wait everywhere: one password guessed from many addresses.
3. **An address**: how many *different* accounts failed from it. ``accounts_per_address``
   (generous) make every sign-in from it wait: one address spraying a password over many
   accounts. One person's typos count once here, however many there are.

While any of the three is locked, sign-ins under it are refused before the password is checked
(:meth:`LoginThrottle.retry_after`); those refusals are not failures and add nothing. A success
forgets that person's failures only: the account's and the address's records stay, so a guesser
cannot wipe them by signing in to an account of their own.

4. **Where a person usually signs in** stays open while their account is attacked from elsewhere:
   an address the account signed in from within ``known_for_s`` is exempt from the account's lock
   (rule 2), not from the person's or the address's. Otherwise anyone could keep an adviser out of
   their own console by guessing at their username.

Memory is bounded by ``max_keys`` per table.

argon2 makes each guess slow; this makes many guesses impossible. The clock is an argument.
"""

from __future__ import annotations

from collections import OrderedDict, deque


class LoginThrottle:
    def __init__(
        self,
        *,
        per_person: int = 5,
        per_account: int = 20,
        accounts_per_address: int = 20,
        window_s: float = 900.0,
        lockout_s: float = 300.0,
        known_for_s: float = 30 * 86400.0,
        max_keys: int = 10_000,
    ) -> None:
        self.per_person = per_person
        self.per_account = per_account
        self.accounts_per_address = accounts_per_address
        self.window_s = window_s
        self.lockout_s = lockout_s
        self.known_for_s = known_for_s
        self.max_keys = max_keys
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()  # person and account keys
        self._accounts_failing: OrderedDict[str, dict[str, float]] = OrderedDict()  # by address
        self._locked_until: dict[str, float] = {}
        self._signed_in_at: OrderedDict[str, float] = OrderedDict()  # person key -> last success

    def retry_after(self, username: str, address: str | None, now: float) -> float | None:
        """Seconds until ``username`` may try to sign in from ``address``, or None for now."""
        person, by_account, by_address = _keys(_account(username), address)
        keys = (
            [person, by_address] if self._known(person, now) else [person, by_account, by_address]
        )
        waits = [until - now for key in keys if (until := self._locked_until.get(key, 0)) > now]
        return max(waits) if waits else None

    def failed(self, username: str, address: str | None, now: float) -> None:
        """A wrong password for ``username`` from ``address`` (an unknown username counts too)."""
        account = _account(username)
        person, by_account, by_address = _keys(account, address)
        self._count(person, self.per_person, now)
        self._count(by_account, self.per_account, now)
        if address is not None:
            self._count_account_at(by_address, account, now)
        self._forget_stale(now)

    def succeeded(self, username: str, address: str | None, now: float) -> None:
        """Forget this person's typos (rule 1), and remember where they sign in (rule 4); the
        account and address counters stay."""
        person = _keys(_account(username), address)[0]
        self._failures.pop(person, None)
        self._locked_until.pop(person, None)
        if address is not None:
            self._signed_in_at.pop(person, None)
            self._signed_in_at[person] = now  # most recent last
            while len(self._signed_in_at) > self.max_keys:
                self._signed_in_at.popitem(last=False)

    def _known(self, person: str, now: float) -> bool:
        return now - self._signed_in_at.get(person, -float("inf")) <= self.known_for_s

    def remembered(self) -> int:
        """How many keys are held (for tests of the memory bound)."""
        return len(self._failures) + len(self._accounts_failing) + len(self._signed_in_at)

    def _count(self, key: str, limit: int, now: float) -> None:
        times = self._failures.pop(key, None) or deque()
        times.append(now)
        while times and now - times[0] > self.window_s:
            times.popleft()
        self._failures[key] = times  # most recent last: the stalest are forgotten first
        if len(times) >= limit:
            self._lock(key, now)
            times.clear()

    def _count_account_at(self, key: str, account: str, now: float) -> None:
        accounts = self._accounts_failing.pop(key, None) or {}
        accounts[account] = now
        for stale in [name for name, at in accounts.items() if now - at > self.window_s]:
            del accounts[stale]
        self._accounts_failing[key] = accounts
        if len(accounts) >= self.accounts_per_address:
            self._lock(key, now)
            accounts.clear()

    def _lock(self, key: str, now: float) -> None:
        self._locked_until[key] = now + self.lockout_s

    def _forget_stale(self, now: float) -> None:
        for table in (self._failures, self._accounts_failing):
            while len(table) > self.max_keys:
                key, _ = table.popitem(last=False)
                self._locked_until.pop(key, None)
        if len(self._locked_until) > self.max_keys:
            for key in [k for k, until in self._locked_until.items() if until <= now]:
                del self._locked_until[key]


def _account(username: str) -> str:
    return username.strip().casefold()[:100]


def _keys(account: str, address: str | None) -> tuple[str, str, str]:
    where = address or "?"
    return f"person:{account}@{where}", f"account:{account}", f"address:{where}"
