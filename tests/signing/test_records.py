"""signing.records gives what @dataclass(frozen=True) gave the verifier's classes."""

import copy
import dataclasses
import functools
import pickle

import pytest

from signing.records import FrozenInstanceError, fresh, record


@record
class Point:
    """A record for the tests."""

    x: int
    y: int = 0
    tags: dict = fresh(dict)

    @property
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)


@dataclasses.dataclass(frozen=True)
class DataPoint:
    x: int
    y: int = 0
    tags: dict = dataclasses.field(default_factory=dict)


@record
class Pair:
    left: object
    right: object


def test_init_by_position_by_name_and_defaults():
    assert vars(Point(1)) == vars(DataPoint(1)) == {"x": 1, "y": 0, "tags": {}}
    assert vars(Point(1, 2, {"a": 1})) == vars(Point(tags={"a": 1}, y=2, x=1)) == {"x": 1, "y": 2, "tags": {"a": 1}}
    assert Point(1).tags is not Point(1).tags  # a fresh default each time
    assert Point(3, -4).norm == 7


@pytest.mark.parametrize("args, kwargs", [((), {}), ((1, 2, {}, 4), {}), ((1,), {"x": 2}), ((1,), {"z": 2})])
def test_wrong_arguments_are_type_errors(args, kwargs):
    with pytest.raises(TypeError):
        DataPoint(*args, **kwargs)
    with pytest.raises(TypeError):
        Point(*args, **kwargs)


def test_equality_hash_and_repr_as_a_frozen_dataclass():
    assert Point(1, 2) == Point(1, 2) and Point(1, 2) != Point(2, 1)
    assert Point(1, 2) != DataPoint(1, 2) and Point(1, 2) != (1, 2, {})
    assert hash(Pair(1, "a")) == hash(Pair(1, "a")) == hash((1, "a"))
    with pytest.raises(TypeError):
        hash(Point(1))  # a dict field is unhashable, as with the dataclass
    assert repr(Point(1, 2)) == repr(DataPoint(1, 2)).replace("DataPoint", "Point") == "Point(x=1, y=2, tags={})"


def test_frozen():
    point = Point(1)
    for attempt in (lambda: setattr(point, "x", 2), lambda: setattr(point, "other", 2), lambda: delattr(point, "x")):
        with pytest.raises(FrozenInstanceError):
            attempt()
    assert issubclass(FrozenInstanceError, AttributeError) and point.x == 1


def test_match_copy_pickle_and_cached_property():
    match Point(1, 2):
        case Point(x, y):
            assert (x, y) == (1, 2)
    point = Point(1, 2, {"k": [1]})
    assert copy.deepcopy(point) == point and pickle.loads(pickle.dumps(point)) == point

    @record
    class Lazy:
        value: int

        @functools.cached_property
        def double(self) -> int:
            return 2 * self.value

    lazy = Lazy(2)
    assert lazy.double == 4 and lazy == Lazy(2)


def test_a_required_field_may_not_follow_a_default():
    with pytest.raises(TypeError):
        @record
        class Wrong:
            a: int = 1
            b: int
