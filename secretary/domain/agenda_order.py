"""Moving agenda items: an item goes with its sub-items, a sub-item stays among its
item's own. Pure list work: the new order, then the ``item_moved`` events (one an
item) that give it. The window's builder (keyboard, drag) and ``app.agenda``'s
``move_with_sub_items`` (the command line) both record what these work out."""

from __future__ import annotations

from typing import Any


def blocks(agenda: list[str], parent_of: dict[str, str | None]) -> list[list[str]]:
    """The agenda as blocks: an item followed by its sub-items (a sub-item whose item
    is not on the agenda is a block of its own)."""
    out: list[list[str]] = []
    where: dict[str, list[str]] = {}
    for iid in agenda:
        parent = parent_of.get(iid)
        if parent and parent in where:
            where[parent].append(iid)
        else:
            block = [iid]
            out.append(block)
            where[iid] = block
    return out


def stepped(
    agenda: list[str], parent_of: dict[str, str | None], item: str, delta: int
) -> list[str]:
    """The agenda after moving ``item`` one place up (-1) or down (+1): an item with its
    sub-items past the next item and its sub-items; a sub-item past a sibling only."""
    parts = blocks(agenda, parent_of)
    for b, block in enumerate(parts):
        if block[0] == item:
            other = b + delta
            if 0 <= other < len(parts):
                parts[b], parts[other] = parts[other], parts[b]
            return [i for part in parts for i in part]
        if item in block:
            k = block.index(item)
            other = k + delta
            if 1 <= other < len(block):
                block[k], block[other] = block[other], block[k]
            return [i for part in parts for i in part]
    return list(agenda)


def dropped(
    agenda: list[str], parent_of: dict[str, str | None], item: str, before: str | None
) -> list[str]:
    """The agenda after ``item`` is dropped before ``before`` (None: at the end): an
    item takes its sub-items along and lands before the block ``before`` is in; a
    sub-item moves among its siblings only."""
    parts = blocks(agenda, parent_of)
    mine = next((p for p in parts if item in p), None)
    if mine is None:
        return list(agenda)
    if mine[0] == item:  # an item and its sub-items
        rest = [p for p in parts if p is not mine]
        at = len(rest)
        if before is not None:
            at = next((n for n, p in enumerate(rest) if before in p), len(rest))
        rest.insert(at, mine)
        return [i for part in rest for i in part]
    subs = mine[1:]  # a sub-item, among its siblings
    subs.remove(item)
    following = parts.index(mine) + 1
    if before in subs:
        subs.insert(subs.index(before), item)
    elif (before is None and following == len(parts)) or (
        following < len(parts) and parts[following][0] == before
    ):
        subs.append(item)  # dropped just below its item's block: the last sub-item
    else:
        return list(agenda)
    mine[1:] = subs
    return [i for part in parts for i in part]


def moves(
    current: list[str], wanted: list[str], moved: list[str] | None = None
) -> list[tuple[str, int]]:
    """The ``item_moved`` events (item, position) that turn ``current`` into ``wanted``,
    each applied to the order the one before left. Given ``moved`` (the items the
    secretary moved: an item and its sub-items), the record says those moved, not
    their neighbours; otherwise, or if that cannot give ``wanted``, the fewest found
    from the top."""
    if moved:
        ahead = wanted.index(moved[0]) < current.index(moved[0])
        order = list(current)
        out: list[tuple[str, int]] = []
        for iid in moved if ahead else reversed(moved):
            position = wanted.index(iid)
            if order.index(iid) != position:
                order.remove(iid)
                order.insert(position, iid)
                out.append((iid, position))
        if order == wanted:
            return out
    order = list(current)
    out = []
    for position, iid in enumerate(wanted):
        if order[position] != iid:
            order.remove(iid)
            order.insert(position, iid)
            out.append((iid, position))
    return out


def step_moves(
    agenda: list[str], parent_of: dict[str, str | None], item: str, delta: int
) -> list[tuple[str, int]]:
    """The ``item_moved`` events (item, position) that move ``item`` one place up (-1)
    or down (+1) as ``stepped`` does: the item and its sub-items are what moves."""
    return moves(agenda, stepped(agenda, parent_of, item, delta), block_of(agenda, parent_of, item))


def block_of(agenda: list[str], parent_of: dict[str, str | None], item: str) -> list[str]:
    """What moves with ``item``: an item and its sub-items; a sub-item alone."""
    for block in blocks(agenda, parent_of):
        if block[0] == item:
            return block
    return [item]


def new_item_position(
    agenda: list[str],
    parent_of: dict[str, str | None],
    after: str | None,
    before_end: list[str],
) -> int | None:
    """Where a new main item goes: after ``after``'s item and its sub-items (``after``
    may be a sub-item); with none, before the first of ``before_end`` (the standing
    items that close the agenda: any other business); else at the end (None)."""
    if after and after in agenda:
        top = parent_of.get(after) or after
        block = block_of(agenda, parent_of, top if top in agenda else after)
        return max(agenda.index(i) for i in block) + 1
    for i, iid in enumerate(agenda):
        if iid in before_end:
            return i
    return None


def parents_of(meeting: Any) -> dict[str, str | None]:
    """Each item on ``meeting``'s agenda (a folded domain Meeting) and its item."""
    return {i: meeting.items[i].parent for i in meeting.agenda}


def new_position(meeting: Any, after: str | None) -> int | None:
    """``new_item_position`` on ``meeting``'s agenda (a folded domain Meeting)."""
    from secretary.domain.agenda import STANDING_END

    agenda = list(meeting.agenda)
    end = [i for i in agenda if meeting.items[i].standing in STANDING_END]
    return new_item_position(agenda, parents_of(meeting), after, end)


def following_reference(meeting: Any) -> str:
    """The reference after the last one on ``meeting``'s agenda (a folded domain
    Meeting), in its pattern: "CTM/NC/26-27/105" after "CTM/NC/26-27/104" (the highest
    of that pattern, zero-padding kept); "" when no item has a reference ending in a
    number. What a new item is given unless another is typed (the agenda builder
    offers it; the command line gives it)."""
    return next_in_pattern([meeting.items[i].reference for i in meeting.agenda])


def next_in_pattern(references: list[str]) -> str:
    """The reference after the highest of the last one's pattern (see above)."""
    import re

    numbered = [m for r in references if (m := re.fullmatch(r"(.*?)(\d+)", r.strip()))]
    if not numbered:
        return ""
    stem = numbered[-1].group(1)
    digits = [m.group(2) for m in numbered if m.group(1) == stem]
    highest = max(digits, key=int)
    return f"{stem}{int(highest) + 1:0{len(highest)}d}"
