"""Accounts on a board (sales/accounts.py): the list, and one account's page. Reading them is
open to everyone on the board, as its deals, activities and notes are."""

from __future__ import annotations

from sales.accounts import AccountPage, AccountSummary, account_list, account_page, nearest_accounts
from sales.errors import NotFound
from store.board_core import BoardCore


class AccountQueries(BoardCore):
    def accounts(self) -> list[AccountSummary]:
        """Every account the deals and activities name, the biggest open value first; "won" is
        what each won in the plan's period (every won deal on a board without one)."""
        start, end = self.plan_period()
        return account_list(self.deals(), self.stages(), self.touches(), start, end)

    def account(self, name: str) -> AccountPage:
        """The page of the account `name` names (any case and spacing), or NotFound naming the
        nearest spellings."""
        start, end = self.plan_period()
        deals, touches = self.deals(), self.touches()
        page = account_page(name, deals, self.stages(), touches, self.notes(), self.today(), start, end)
        if page is not None:
            return page
        near = nearest_accounts(name, account_list(deals, self.stages(), touches))
        if near:
            raise NotFound("no deal or activity names the account {name!r} (did you mean {near}?)",
                           name=name, near=", ".join(near))
        raise NotFound("no deal or activity names the account {name!r} (`uplift account list` lists them)",
                       name=name)
