"""Export and import of plan files from the app: the command palette's commands and the actions
the board's keys (x, i) call.

An import always runs as a dry run first; its summary is shown for confirmation, and only a
yes applies it (checked again, all or nothing, under the board's lock). A file's problems are
listed with their lines, as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from textual.app import SystemCommand

from sales.errors import UpliftError
from sales.plan_check import PlanInvalid, PlanRefused
from store.plan_yaml import (
    PlanText,
    dump_plan,
    format_problem,
    read_plan_file,
    write_plan_file,
)
from tui.i18n import N_, _, said_reason, say
from tui.remote import is_remote
from tui.user_text import tell


class PlanFileCommands:
    """Mixed into UpliftApp (which holds `board`)."""

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if is_remote():  # (the server's files: over SSH a plan travels through `plan export > FILE`)
            return
        yield SystemCommand(N_("Export plan"), N_("Write the whole plan to a YAML file"), self.action_export_plan)
        yield SystemCommand(N_("Import plan"), N_("Read a YAML plan file: see what it changes, then apply it"),
                            self.action_import_plan)

    # ------------------------------------------------------------------ export

    #: the plan file last written or read in this session: the next export or import offers it
    _plan_file: str | None = None

    def _plan_file_default(self) -> str:
        """The file last used, else the plan's name as a file (`north-team-q4-2026.yaml`): an
        import right after an export offers the file just written, not some other name."""
        if self._plan_file:
            return self._plan_file
        return (re.sub(r"[^a-z0-9]+", "-", self.board.name.lower()).strip("-") or "plan") + ".yaml"

    def action_export_plan(self) -> None:
        from tui.screens.plan_file import AskPath

        if is_remote():  # said before a file name is asked for, not after it is typed
            tell(self.screen, _("Over SSH the plan is exported with `ssh ... plan export > FILE.yaml`"), "error")
            return
        self.push_screen(AskPath(_("Export the plan to which file?"), self._plan_file_default()), self._export_to)

    def _export_to(self, path: str | None) -> None:
        if not path:
            return
        target = Path(path).expanduser()
        if target.exists():
            from tui.screens.dialogs import Confirm

            self.push_screen(Confirm(_("{file} exists. Replace it?").format(file=target), destructive=True),
                             lambda yes: yes and self._write_export(target))
        else:
            self._write_export(target)

    def _write_export(self, target: Path) -> None:
        try:
            write_plan_file(target, dump_plan(self.board.export_plan()), self.board.path)
        except OSError as error:
            tell(self.screen, _("Could not write {file}: {error}").format(file=target, error=error.strerror or error),
                 "error")
            return
        except UpliftError as error:
            tell(self.screen, error, "error")
            return
        self._plan_file = str(target)
        # the whole path: a name typed alone went to the folder uplift was started in, which the
        # notification did not say
        tell(self.screen, _("Wrote the plan to {file}").format(file=target.absolute()))

    # ------------------------------------------------------------------ import

    def action_import_plan(self) -> None:
        from tui.screens.plan_file import AskPath

        if is_remote():
            tell(self.screen, _("Over SSH a plan is imported with `ssh ... plan import - < FILE.yaml`"), "error")
            return
        self.push_screen(AskPath(_("Import a plan from which file?"), self._plan_file_default()), self._import_from)

    def _import_from(self, path: str | None) -> None:
        from tui.screens.plan_file import ImportPreview

        if not path:
            return
        name = str(Path(path).expanduser())
        self._plan_file = name  # (offered again after fixing what it says)
        try:
            text = read_plan_file(name)
        except PlanInvalid as error:
            self._show_problems(name, error, None)
            return
        summary = self._run_import(text, dry_run=True)
        if summary is None:
            return
        if summary.empty:
            tell(self.screen, _("{file} changes nothing on this board").format(file=name))
            return
        # (the dry run's last line, "Nothing was written.", read as if y had done nothing)
        lines = [say(line) for line in summary.lines() if line != "Nothing was written."]
        self.push_screen(ImportPreview(_("Import {file}?").format(file=name), lines),
                         lambda yes: yes and self._apply_import(text))

    def _apply_import(self, text: PlanText) -> None:
        summary = self._run_import(text, dry_run=False)
        if summary is None:
            return
        tell(self.screen, _("Imported {file}: {created} created, {changed} changed").format(
            file=text.name, created=len(summary.created), changed=len(summary.changed)))
        self.call_later(self.refresh_screens)  # (the app's: one moment of the board)

    def _run_import(self, text: PlanText, dry_run: bool):
        try:
            return self.board.import_plan(text.document, dry_run=dry_run)
        except (PlanInvalid, PlanRefused) as error:
            self._show_problems(text.name, error, text)
        except UpliftError as error:
            tell(self.screen, error, "error")
        return None

    def _show_problems(self, name: str, error: PlanInvalid | PlanRefused, text: PlanText | None) -> None:
        from tui.screens.plan_file import PlanProblems

        problems = text.located(error.problems) if text is not None else error.problems
        verb = _("{file} may not be imported by you ({count})") if isinstance(error, PlanRefused) \
            else _("{file} has problems ({count})")
        title = verb.format(file=name, count=len(problems))
        self.push_screen(PlanProblems(title, [format_problem(name, p, said_reason) for p in problems]))
