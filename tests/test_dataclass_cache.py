"""secretary/dataclass_cache.py: the methods ``@dataclass`` writes are compiled once and
then read from the user cache folder; the classes made are the same either way, and
anything odd about the cache means "compile as usual"."""

from __future__ import annotations

import builtins
import dataclasses
import inspect
from pathlib import Path

import pytest

from secretary.dataclass_cache import FILE_NAME, dataclass_methods_cached
from secretary.user_cache import NO_CACHE_ENV


def make_classes() -> tuple[type, type]:
    @dataclasses.dataclass(frozen=True)
    class Seat:
        name: str
        votes: int = 1

    @dataclasses.dataclass
    class Person:
        name: str
        seats: list[str] = dataclasses.field(default_factory=list)

    return Seat, Person


def behave_as_dataclasses(seat_cls: type, person_cls: type) -> None:
    seat = seat_cls("GP", 2)
    assert seat == seat_cls("GP", 2) and seat != seat_cls("GP")
    assert repr(seat).endswith("Seat(name='GP', votes=2)")
    assert hash(seat) == hash(seat_cls("GP", 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        seat.name = "x"  # type: ignore[misc]
    a, b = person_cls("Siân"), person_cls("Siân")
    a.seats.append("GP")
    assert b.seats == [] and a != b
    # The generated __init__'s annotations are the types, as dataclasses' own exec
    # makes them: this module's (and dataclass_cache's) ``from __future__ import
    # annotations`` must not turn them into strings.
    assert inspect.signature(seat_cls.__init__).parameters["votes"].annotation == "int"
    assert inspect.signature(seat_cls.__init__).parameters["votes"].default == 1


def counting_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = builtins.compile

    def counting(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(source if isinstance(source, str) else "")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(builtins, "compile", counting)
    return calls


def test_the_second_start_reads_the_methods_instead_of_compiling_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with dataclass_methods_cached(tmp_path):
        first = make_classes()
    assert (tmp_path / FILE_NAME).exists()
    assert "exec" not in vars(dataclasses)  # put back as it was found
    behave_as_dataclasses(*first)

    calls = counting_compiles(monkeypatch)
    with dataclass_methods_cached(tmp_path):
        again = make_classes()
    assert not [c for c in calls if "__create_fn__" in c]  # none compiled: all read
    behave_as_dataclasses(*again)


def test_a_damaged_or_foreign_cache_file_is_no_cache(tmp_path: Path) -> None:
    for junk in (b"", b"not marshal at all", b"\xe9\x00\x00", __import__("marshal").dumps([1])):
        (tmp_path / FILE_NAME).write_bytes(junk)
        with dataclass_methods_cached(tmp_path):
            classes = make_classes()
        behave_as_dataclasses(*classes)
        # and it was written afresh, whole
        with dataclass_methods_cached(tmp_path):
            behave_as_dataclasses(*make_classes())


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    with dataclass_methods_cached(blocked / "cache"):
        behave_as_dataclasses(*make_classes())
    assert list(tmp_path.iterdir()) == [blocked]  # no partial file left anywhere


def test_the_environment_can_turn_it_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_CACHE_ENV, "1")
    with dataclass_methods_cached(tmp_path):
        assert "exec" not in vars(dataclasses)
        behave_as_dataclasses(*make_classes())
    assert not (tmp_path / FILE_NAME).exists()


def test_an_inner_block_leaves_the_outer_one_in_charge(tmp_path: Path) -> None:
    outer, inner = tmp_path / "outer", tmp_path / "inner"
    with dataclass_methods_cached(outer):
        patched = vars(dataclasses)["exec"]
        with dataclass_methods_cached(inner):
            assert vars(dataclasses)["exec"] is patched
            make_classes()
        assert vars(dataclasses)["exec"] is patched  # the inner one did not remove it
    assert "exec" not in vars(dataclasses)
    assert (outer / FILE_NAME).exists() and not inner.exists()


def test_each_modules_methods_are_read_only_when_one_of_its_classes_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import marshal

    from secretary import dataclass_cache

    with dataclass_methods_cached(tmp_path):
        make_classes()
    sections = marshal.loads((tmp_path / FILE_NAME).read_bytes())
    assert list(sections) == [__name__]  # one section: this module's
    other = {"# another module's method\n": compile("pass", "<string>", "exec")}
    sections["another.module"] = marshal.dumps(other)
    (tmp_path / FILE_NAME).write_bytes(marshal.dumps(sections))

    read: list[bytes] = []
    real = dataclass_cache._section
    monkeypatch.setattr(dataclass_cache, "_section", lambda data: read.append(data) or real(data))
    with dataclass_methods_cached(tmp_path):
        behave_as_dataclasses(*make_classes())
    assert read == [sections[__name__]]  # the other module's section was not unmarshalled
    assert marshal.loads((tmp_path / FILE_NAME).read_bytes()) == sections  # nothing new


def test_a_modules_stale_methods_go_when_its_classes_change(tmp_path: Path) -> None:
    import marshal

    stale = {"# a method of a class since changed\n": compile("pass", "<string>", "exec")}
    other = {"# another module's method\n": compile("pass", "<string>", "exec")}
    (tmp_path / FILE_NAME).write_bytes(
        marshal.dumps({__name__: marshal.dumps(stale), "another.module": marshal.dumps(other)})
    )
    with dataclass_methods_cached(tmp_path):  # this module's methods compiled afresh
        behave_as_dataclasses(*make_classes())
    sections = marshal.loads((tmp_path / FILE_NAME).read_bytes())
    mine = marshal.loads(sections[__name__])
    assert not set(stale) & set(mine) and any("__init__" in text for text in mine)
    assert marshal.loads(sections["another.module"]).keys() == other.keys()  # kept as it was
