"""How tests/store/data/board-v1 was made: by the release before the sharded layout (schema 1,
commit 11ffa95), run as `PYTHONPATH=<that release> python make_board_v1.py DIR`. Kept so that
the fixture can be told apart from a hand-written one; the tests never run it.
"""
import sys
from datetime import datetime, timezone

from store.board import Board

moment = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)
board = Board(sys.argv[1], actor="dana", clock=lambda: moment)
board.add_member("dana", "lead")
board.add_member("ali", "rep")
goal = board.add_goal("Grow North revenue 15%", metric="revenue", target=1380000, unit="$")
board.checkin(goal.id, 1200000, comment="start")
board.add_task("Call the top 20 accounts", owner="ali", due="2026-12-01", goal=goal.id,
               steps=[{"text": "list them"}, {"text": "call"}])
board.add_task("Visit Acme", owner="dana")
board.add_task("A task that was deleted", owner="ali")
board.move_task("T-1", "doing")
board.delete_task("T-3")
board.add_deal("Acme renewal", account="Acme", owner="ali", value=12000)
board.add_deal("Betasoloin pilot", account="Betasoloin", value=4000)
board.move_deal("D-1", "Qualified")
board.snooze("quiet:D-2", "2026-12-20", "on holiday")
board.add_note("Customers ask for faster delivery", source="Acme")
