"""`secretary agenda`: build a meeting's agenda before it, attach papers, issue the pack.

Every subcommand calls one operation of ``secretary.app.agenda`` (the window calls
the same ones); an item is named by its number as ``agenda show`` prints it ("5",
"5a"), its reference or its id, a paper by its label ("5a", "Paper 5a") or id.
Errors are one line, exit status 2; nothing is written when one is reported.

One module (over 400 lines): the parser of the agenda's subcommands and their
handlers, each a few lines calling app.agenda, read together.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from secretary.i18n import _, money, plural


def register(sub: Any) -> None:
    p = sub.add_parser(
        "agenda",
        help=_("build a meeting's agenda, attach its papers and issue them"),
        description=_(
            "Before the meeting: add, change, move and withdraw agenda items, attach "
            "papers (kept inside the record), record an investment proposal, record "
            "the notice of the meeting and the date the agenda and papers were sent "
            "(5.5), with the warnings the terms give; make the agenda document and "
            "the pack. Items are named by their number as 'show' prints them."
        ),
    )
    p.add_argument("--db", required=True, help=_("the record"))
    p.add_argument("--meeting", type=int, required=True, help=_("the id of the meeting"))
    actions = p.add_subparsers(dest="agenda_action", metavar="ACTION", required=True)

    show = actions.add_parser("show", help=_("print the agenda with its papers"))
    show.add_argument("--json", action="store_true", help=_("print it as JSON"))
    show.set_defaults(handler=run_show)

    add = actions.add_parser("add", help=_("add an item to the agenda"))
    add.add_argument("--title", required=True, help=_("the item's title"))
    _item_options(add)
    add.add_argument("--under", metavar="ITEM", help=_("a sub-item of this item"))
    add.add_argument(
        "--at",
        type=int,
        metavar="N",
        help=_("its place on the agenda (1 = first; default last, before Any other business)"),
    )
    add.set_defaults(handler=run_add)

    change = actions.add_parser("change", help=_("change an item (recorded as a change)"))
    change.add_argument("item", metavar="ITEM", help=_("the item's number, reference or id"))
    change.add_argument("--title", help=_("the item's title"))
    _item_options(change)
    change.set_defaults(handler=run_change)

    move = actions.add_parser("move", help=_("move an item (with its sub-items) to another place"))
    move.add_argument("item", metavar="ITEM", help=_("the item's number, reference or id"))
    move.add_argument(
        "--to", type=int, required=True, metavar="N", help=_("its new place (1 = first)")
    )
    move.set_defaults(handler=run_move)

    withdraw = actions.add_parser("withdraw", help=_("take an item off the agenda"))
    withdraw.add_argument("item", metavar="ITEM", help=_("the item's number, reference or id"))
    withdraw.add_argument("--reason", default="", help=_("why it was withdrawn"))
    withdraw.set_defaults(handler=run_withdraw)

    paper = actions.add_parser("paper", help=_("attach, list, save or withdraw papers"))
    papers = paper.add_subparsers(dest="paper_action", metavar="PAPER_ACTION", required=True)
    padd = papers.add_parser("add", help=_("attach a file to an item as a paper"))
    padd.add_argument("item", metavar="ITEM", help=_("the item's number, reference or id"))
    padd.add_argument("file", metavar="FILE", help=_("Word, PDF, spreadsheet or slides; 20 MB"))
    padd.add_argument("--title", default="", help=_("the paper's title (default: file name)"))
    padd.set_defaults(handler=run_paper_add)
    plist = papers.add_parser("list", help=_("list the papers in agenda order"))
    plist.set_defaults(handler=run_paper_list)
    psave = papers.add_parser("save", help=_("save a paper to a file, byte for byte"))
    psave.add_argument("paper", metavar="PAPER", help=_("the paper's label (5a) or id"))
    psave.add_argument("--out", required=True, metavar="FILE|DIR", help=_("where to save it"))
    psave.add_argument("--force", action="store_true", help=_("replace a file that exists"))
    psave.set_defaults(handler=run_paper_save)
    pwithdraw = papers.add_parser("withdraw", help=_("withdraw a paper"))
    pwithdraw.add_argument("paper", metavar="PAPER", help=_("the paper's label (5a) or id"))
    pwithdraw.set_defaults(handler=run_paper_withdraw)

    proposal = actions.add_parser(
        "proposal",
        help=_("record an investment proposal for an item, from a form (TOML or JSON)"),
    )
    proposal.add_argument("item", metavar="ITEM", help=_("the item's number, reference or id"))
    proposal.add_argument("form", metavar="FORM", help=_("the proposal form, .toml or .json"))
    proposal.add_argument(
        "--language",
        choices=("en", "cy", "bilingual"),
        default="en",
        help=_("the language of the proposal document"),
    )
    proposal.set_defaults(handler=run_proposal)

    call = actions.add_parser("call", help=_("record the notice of the meeting (5.1)"))
    call.add_argument("--on", required=True, metavar="YYYY-MM-DD", help=_("the notice date"))
    call.add_argument("--interim", action="store_true", help=_("an interim meeting (5.1)"))
    call.set_defaults(handler=run_call)

    issue = actions.add_parser(
        "issue", help=_("record the agenda and papers as sent (5.5), with the terms' warnings")
    )
    issue.add_argument("--on", required=True, metavar="YYYY-MM-DD", help=_("the date sent"))
    issue.set_defaults(handler=run_issue)

    document = actions.add_parser("document", help=_("write the agenda as a Word document"))
    document.add_argument("--out", required=True, metavar="AGENDA.docx", help=_("write it here"))
    document.add_argument(
        "--language",
        choices=("en", "cy", "bilingual"),
        default="en",
        help=_("the language of the document"),
    )
    document.add_argument("--force", action="store_true", help=_("replace a file that exists"))
    document.set_defaults(handler=run_document)

    pack = actions.add_parser(
        "pack", help=_("write the pack: the agenda and every paper in agenda order")
    )
    pack.add_argument(
        "--out", required=True, metavar="PACK.pdf|DIR", help=_("a PDF, or a folder of files")
    )
    pack.add_argument(
        "--language",
        choices=("en", "cy", "bilingual"),
        default="en",
        help=_("the language of the agenda"),
    )
    pack.add_argument("--force", action="store_true", help=_("replace a file that exists"))
    pack.set_defaults(handler=run_pack)


def _item_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reference", help=_("the item's reference (UVC/26/05)"))
    p.add_argument("--presenter", help=_("who presents it"))
    p.add_argument(
        "--purpose",
        choices=("decision", "discussion", "information", "ratification", "noting"),
        help=_("what the item is for"),
    )
    p.add_argument("--starts", metavar="HH:MM", help=_("its planned start"))
    p.add_argument("--duration", type=int, metavar="MINUTES", help=_("its planned minutes"))
    p.add_argument("--amount", type=float, metavar="POUNDS", help=_("a financial item's amount"))
    p.add_argument("--decision-type", dest="decision_type", help=_("the decision rule's type"))
    p.add_argument("--budget-line", dest="budget_line", help=_("the budget line it spends from"))


# --------------------------------------------------------------------------- running


class _Session:
    """The record and the meeting open for one subcommand; errors as one line."""

    def __init__(self, args: argparse.Namespace, readonly: bool = False):
        from secretary.cli.between import live_meeting, open_record

        self.args = args
        self.record = open_record(args.db, "agenda", readonly=readonly)
        try:
            self.live = None if readonly else live_meeting(self.record, args.meeting)
        except BaseException:
            self.record.close()
            raise

    def __enter__(self) -> _Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.record.close()

    def plan(self) -> Any:
        from secretary.app.agenda import current_plan, plan_of

        if self.live is not None:
            return current_plan(self.live)
        return self.guard(lambda: plan_of(self.record, self.args.meeting))

    def item(self, text: str) -> str:
        """The id of the item named ``text`` (number, reference or id)."""
        from secretary.app.agenda import find_item
        from secretary.cli.main import UserError

        found = find_item(self.plan(), text)
        if found is None:
            raise UserError(
                _("meeting {id}: no item {item} on the agenda", id=self.args.meeting, item=text)
            )
        return str(found.id)

    def place(self, number: int, option: str, moving: str = "") -> int:
        """Where 'item ``number``' (1 = first) is in the agenda without ``moving`` and
        its sub-items: before the item now numbered so (after its sub-items come the
        next item), or the end; a number beyond the agenda is refused."""
        from secretary.cli.main import UserError

        meeting = self.live.meeting  # type: ignore[union-attr]
        rest = [
            i for i in meeting.agenda if not moving or moving not in (i, meeting.items[i].parent)
        ]
        tops = [n for n, i in enumerate(rest) if meeting.items[i].parent not in meeting.items]
        if not 1 <= number <= len(tops) + 1:
            raise UserError(
                _(
                    "meeting {id}: {option} {number}: the agenda has places 1 to {last}",
                    id=self.args.meeting,
                    option=option,
                    number=number,
                    last=len(tops) + 1,
                )
            )
        return tops[number - 1] if number <= len(tops) else len(rest)

    def guard(self, operation: Any) -> Any:
        """Run ``operation``; a refusal is one line naming the meeting, nothing written."""
        from secretary.cli.main import UserError
        from secretary.domain.events import EventError
        from secretary.errors import SecretaryError
        from secretary.store.record import RecordError

        try:
            return operation()
        except (SecretaryError, RecordError, EventError, ValueError) as exc:
            raise UserError(
                _("meeting {id}: {why}", id=self.args.meeting, why=str(exc).split("\n")[0])
            ) from None


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    keys = ("reference", "presenter", "purpose", "starts", "duration", "amount")
    fields = {k: getattr(args, k) for k in keys if getattr(args, k) is not None}
    for key in ("decision_type", "budget_line"):
        if getattr(args, key) is not None:
            fields[key] = getattr(args, key)
    return fields


def run_show(args: argparse.Namespace) -> int:
    with _Session(args, readonly=True) as s:
        plan = s.plan()
    if args.json:
        print(json.dumps(plan_json(plan), ensure_ascii=False, indent=2))
        return 0
    for line in plan_lines(plan):
        print(line)
    return 0


def plan_lines(plan: Any) -> list[str]:
    """The agenda as the secretary reads it on a terminal."""
    from secretary.domain.agenda import purpose_words

    lines = []
    for item in plan.items:
        when = item.starts or "     "
        length = plural(item.duration, "{n} min", "{n} min") if item.duration else ""
        bits = [item.heading.render()]
        if item.presenter:
            bits.append(item.presenter_name or item.presenter)
        words = purpose_words(item.purpose)
        if words is not None:
            bits.append(words.render())
        if item.amount is not None:
            bits.append(money(item.amount))
        indent = "    " if item.sub else ""
        reference = f"[{item.reference}] " if item.reference else ""
        head = f"{indent}{item.number:>4}  {when} {length:>7}  {reference}"
        lines.append(head + " — ".join(bits))
        pad = indent + " " * 14
        for paper in item.papers:
            lines.append(f"{pad}{paper.caption_msg().render()} ({paper.filename})")
        for title in item.legacy_papers:
            lines.append(f"{pad}{title}")
        for action in item.carried:
            who = action.owner_name or action.owner
            owner = f" — {who}" if who else ""
            due = f" ({action.due})" if action.due else ""
            lines.append(f"{pad}{action.id}: {action.text}{owner}{due}")
    if plan.issued_on:
        lines.append(_("Issued on {date}.", date=plan.issued_on))
    else:
        lines.append(_("Not issued yet."))
    for change in plan.changes:
        lines.append(f"  {change.render()}")
    return lines


def plan_json(plan: Any) -> dict[str, Any]:
    return {
        "issued_on": plan.issued_on,
        "called_on": plan.called_on,
        "interim": plan.interim,
        "items": [
            {
                "id": i.id,
                "number": i.number,
                "reference": i.reference,
                "title": i.heading.render(),
                "presenter": i.presenter_name or i.presenter,
                "purpose": i.purpose,
                "starts": i.starts,
                "duration": i.duration,
                "amount": i.amount,
                "carried_actions": [
                    {
                        "action": a.id,
                        "text": a.text,
                        "owner": a.owner_name or a.owner,
                        "due": a.due,
                    }
                    for a in i.carried
                ],
                "papers": [
                    {
                        "paper": p.paper,
                        "label": p.label,
                        "title": p.title,
                        "filename": p.filename,
                        "size": p.size,
                        "sha256": p.sha256,
                    }
                    for p in i.papers
                ],
            }
            for i in plan.items
        ],
        "changes": [c.render() for c in plan.changes],
    }


def _recorded(s: _Session, what: str) -> None:
    print(what)


def run_add(args: argparse.Namespace) -> int:
    from secretary.app.agenda import add_item
    from secretary.domain.agenda_order import following_reference

    with _Session(args) as s:
        parent = s.item(args.under) if args.under else ""
        position = None
        if args.at is not None:
            position = s.place(args.at, "--at") if not parent else max(args.at - 1, 0)
        fields = _fields(args)
        if "reference" not in fields and not parent:
            # The meeting's next, as the agenda builder offers it: an item without one
            # gave its actions bare ids ("A3") beside the others' ("UVC/26/A1").
            fields["reference"] = following_reference(s.live.meeting)  # type: ignore[union-attr]
        recorded = s.guard(
            lambda: add_item(
                s.live,  # type: ignore[arg-type]
                title=args.title,
                parent=parent,
                position=position,
                author="cli",
                **fields,
            )
        )
        item = s.plan().item(recorded.event.get("item"))
        print(_("Added item {number}: {title}", number=item.number, title=item.heading.render()))
    return 0


def run_change(args: argparse.Namespace) -> int:
    from secretary.app.agenda import change_item

    with _Session(args) as s:
        iid = s.item(args.item)
        fields = _fields(args)
        if args.title is not None:
            fields["title"] = args.title
        s.guard(lambda: change_item(s.live, iid, author="cli", **fields))  # type: ignore[arg-type]
        print(_("Changed item {number}.", number=s.plan().item(iid).number))
    return 0


def run_move(args: argparse.Namespace) -> int:
    from secretary.app.agenda import move_with_sub_items

    with _Session(args) as s:
        iid = s.item(args.item)
        position = s.place(args.to, "--to", moving=iid)
        s.guard(
            lambda: move_with_sub_items(s.live, iid, position, author="cli")  # type: ignore[arg-type]
        )
        print(_("Moved: it is item {number} now.", number=s.plan().item(iid).number))
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from secretary.app.agenda import withdraw_item

    with _Session(args) as s:
        iid = s.item(args.item)
        s.guard(lambda: withdraw_item(s.live, iid, args.reason, author="cli"))  # type: ignore[arg-type]
        print(_("Item {item} withdrawn from the agenda.", item=args.item))
    return 0


def run_paper_add(args: argparse.Namespace) -> int:
    from secretary.app.agenda import attach_paper

    with _Session(args) as s:
        iid = s.item(args.item)
        recorded = s.guard(
            lambda: attach_paper(s.live, iid, args.file, args.title, author="cli")  # type: ignore[arg-type]
        )
        paper = s.plan().paper(recorded.event.get("paper"))
        print(_("Attached {paper}", paper=paper.caption_msg().render()))
    return 0


def run_paper_list(args: argparse.Namespace) -> int:
    with _Session(args, readonly=True) as s:
        plan = s.plan()
    for paper in plan.papers:
        print(f"{paper.caption_msg().render()}\t{paper.filename}\t{paper.size}\t{paper.sha256}")
    return 0


def run_paper_save(args: argparse.Namespace) -> int:
    from secretary.app.agenda import save_paper

    with _Session(args, readonly=True) as s:
        path = s.guard(
            lambda: save_paper(s.record, args.meeting, args.paper, args.out, force=args.force)
        )
    print(path)
    return 0


def run_paper_withdraw(args: argparse.Namespace) -> int:
    from secretary.app.agenda import find_paper, withdraw_paper
    from secretary.cli.main import UserError

    with _Session(args) as s:
        paper = find_paper(s.plan(), args.paper)
        if paper is None:
            raise UserError(_("meeting {id}: no paper {paper}", id=args.meeting, paper=args.paper))
        s.guard(lambda: withdraw_paper(s.live, paper.paper, author="cli"))  # type: ignore[arg-type]
        print(_("Withdrawn: {paper}", paper=paper.caption_msg().render()))
    return 0


def run_proposal(args: argparse.Namespace) -> int:
    from secretary.app.agenda import read_proposal, record_proposal

    with _Session(args) as s:
        iid = s.item(args.item)
        proposal = s.guard(lambda: read_proposal(s.live, args.form))  # type: ignore[arg-type]
        s.guard(
            lambda: record_proposal(s.live, iid, proposal, author="cli", language=args.language)  # type: ignore[arg-type]
        )
        item = s.plan().item(iid)
        print(
            _(
                "Recorded the proposal for item {number}: {total}; attached as {paper}",
                number=item.number,
                total=money(float(proposal.total)),
                paper=item.papers[-1].label,
            )
        )
    return 0


def run_call(args: argparse.Namespace) -> int:
    from secretary.app.agenda import call_meeting
    from secretary.cli.between import date_arg

    on = date_arg(args.on, "--on")
    with _Session(args) as s:
        s.guard(lambda: call_meeting(s.live, on, args.interim, author="cli"))  # type: ignore[arg-type]
        print(_("Recorded: the meeting was called on {date}.", date=on))
    return 0


def run_issue(args: argparse.Namespace) -> int:
    import sys

    from secretary.app.agenda import issue
    from secretary.cli.between import date_arg

    on = date_arg(args.on, "--on")
    with _Session(args) as s:
        result = s.guard(lambda: issue(s.live, on, author="cli"))  # type: ignore[arg-type]
    print(_("Recorded: the agenda and papers were sent on {date}.", date=on))
    for warning in result.warnings:
        print(_("warning: {what}", what=warning.render()), file=sys.stderr)
    return 0


def run_document(args: argparse.Namespace) -> int:
    from secretary.app.agenda import export_agenda

    with _Session(args, readonly=True) as s:
        path = s.guard(
            lambda: export_agenda(
                s.record, args.meeting, Path(args.out), args.language, force=args.force
            )
        )
    print(path)
    return 0


def run_pack(args: argparse.Namespace) -> int:
    from secretary.app.agenda import build_pack

    with _Session(args, readonly=True) as s:
        result = s.guard(
            lambda: build_pack(
                s.record, args.meeting, Path(args.out), language=args.language, force=args.force
            )
        )
    print(result.summary().render())
    for entry in result.entries:
        if entry.pages:
            last = entry.first_page + entry.pages - 1
            print(f"  {entry.first_page:>4}-{last:<4} {entry.name().render()}")
        else:
            print(f"  {entry.filename}")
    return 0
