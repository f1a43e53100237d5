"""`secretary`: the window with no command; subcommands for replay, export and reports.

Each subcommand lives in its own module with ``register(subparsers)``; its
handler returns the exit status. Errors a user can fix print one line on
stderr and exit 2 — never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from secretary import __version__
from secretary.errors import SecretaryError
from secretary.i18n import _, install_argparse, language_from_environment, set_language

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
    "secretary.cli.approve",
    "secretary.cli.outside",
    "secretary.cli.report",
    "secretary.cli.sync",
    "secretary.cli.terms",
]


class UserError(SecretaryError):
    """A problem the user can fix; printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Welsh when SECRETARY_LANGUAGE=cy or the locale is Welsh (LANG=cy_GB.UTF-8).
    set_language(language_from_environment())
    install_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from secretary.ui.app import run_app

            return run_app(args)
        return int(args.handler(args))
    except UserError as exc:
        print(f"secretary: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
