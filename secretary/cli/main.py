"""`secretary`: the window with no command; subcommands for replay, export and reports.

Each subcommand lives in its own module with ``register(subparsers)``; its
handler returns the exit status. Errors a user can fix print one line on
stderr and exit 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from secretary import __version__
from secretary.errors import SecretaryError
from secretary.i18n import _, install_argparse, language_from_environment, set_language
from secretary.logs import hold_logging, setup_logging

log = logging.getLogger(__name__)

# Subcommand modules, in the order --help lists them.
COMMANDS = [
    "secretary.cli.replay",
    "secretary.cli.verify",
    "secretary.cli.restore",
    "secretary.cli.export",
    "secretary.cli.circulate",
    "secretary.cli.teams",
    "secretary.cli.budget",
    "secretary.cli.meetings",
    "secretary.cli.new_meeting",
    "secretary.cli.agenda",
    "secretary.cli.approve",
    "secretary.cli.outside",
    "secretary.cli.report",
    "secretary.cli.sync",
    "secretary.cli.terms",
]


# The commands each module registers: a command line names one, and only its module
# is imported (the others' imports are a cold start's and a replay's cost). A command
# missing here still works (every module is then registered); tests/test_cli_lazy.py
# says which.
COMMAND_MODULES = {
    "replay": "secretary.cli.replay",
    "verify": "secretary.cli.verify",
    "restore": "secretary.cli.restore",
    "export": "secretary.cli.export",
    "circulate": "secretary.cli.circulate",
    "teams": "secretary.cli.teams",
    "budget": "secretary.cli.budget",
    "meetings": "secretary.cli.meetings",
    "new-meeting": "secretary.cli.new_meeting",
    "agenda": "secretary.cli.agenda",
    "approve": "secretary.cli.approve",
    "outside": "secretary.cli.outside",
    "report": "secretary.cli.report",
    "checkout": "secretary.cli.sync",
    "checkin": "secretary.cli.sync",
    "leases": "secretary.cli.sync",
    "terms": "secretary.cli.terms",
}
# The program's own options that take a value (the command comes after their value).
_VALUED_OPTIONS = ("--db", "--meeting", "--language")


class UserError(SecretaryError):
    """A problem the user can fix; printed as one line, exit status 2."""


def modules_needed(argv: Sequence[str]) -> list[str]:
    """The command modules ``argv`` needs registered: none for the window, the named
    command's alone, every one for the help or a line argparse must refuse."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help"):
            return COMMANDS
        if token.startswith("--") and "=" not in token:
            if any(o.startswith(token) for o in _VALUED_OPTIONS) and len(token) > 2:
                next(tokens, None)  # its value
            continue
        if token.startswith("-"):
            continue
        module = COMMAND_MODULES.get(token)
        return [module] if module is not None else COMMANDS
    return []


def build_parser(modules: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The program's parser with ``modules``' commands (default: every one)."""
    parser = argparse.ArgumentParser(
        prog="secretary",
        description=_(
            "Cluster Secretary: live quorum, votes, minutes and action logs for "
            "primary care cluster meetings. With no command, opens the window."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"secretary {__version__}",
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--db",
        help=_(
            "the record to open (a file path; default: the last "
            "one used, or one in your user data folder)"
        ),
    )
    parser.add_argument(
        "--meeting",
        type=int,
        dest="open_meeting",
        metavar="ID",
        help=_("open this meeting of the record straight away"),
    )
    parser.add_argument(
        "--demo", action="store_true", help=_("open a demonstration meeting in a throw-away record")
    )
    parser.add_argument(
        "--language",
        choices=["en", "cy"],
        help=_("language of the window (default: remembered, or the system's)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if modules is None else modules:
        importlib.import_module(name).register(sub)
    return parser


def main(
    argv: Sequence[str] | None = None,
    window: Callable[[argparse.Namespace], int] | None = None,
) -> int:
    """Run a command; with none, ``window`` (the meeting window: secretary.main), or
    the help when there is no window to open."""
    # Welsh when SECRETARY_LANGUAGE=cy or the locale is Welsh (LANG=cy_GB.UTF-8).
    set_language(language_from_environment())
    install_argparse()
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(modules_needed(argv))
    args = parser.parse_args(argv)
    opens_window = args.command is None and window is not None
    # The window sets its log file up once shown (ui.app); until then nothing is lost.
    log_path = None if opens_window else setup_logging()
    if opens_window:
        hold_logging()
    try:
        if args.command is None:
            if window is None:
                parser.print_help()
                return 0
            return window(args)
        return int(args.handler(args))
    except SecretaryError as exc:  # UserError, and any the command did not word itself
        print(f"secretary: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line here, the traceback in the log
        if log_path is None:
            log_path = setup_logging()
        log.exception("secretary %s failed", args.command or "(window)")
        where = str(log_path) if log_path is not None else _("no log file could be written")
        print(
            _(
                "secretary: unexpected error ({kind}: {why}); details in {log}",
                kind=type(exc).__name__,
                why=str(exc).split("\n")[0],
                log=where,
            ),
            file=sys.stderr,
        )
        return 1
