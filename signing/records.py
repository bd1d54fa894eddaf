"""Frozen value classes without ``dataclasses``, so that a cold ``verify`` starts fast.

``@record`` makes of a class with annotated fields what ``@dataclass(frozen=True)`` makes of
it: an ``__init__`` taking the fields in order, by position or by name, with the class's
defaults (``fresh(default_factory=factory)`` for a default made anew for each instance, like
``field(default_factory=factory)``); ``__eq__`` field by field between instances of the same
class; ``__hash__`` of the fields; a ``Name(field=value, ...)`` ``__repr__``;
``__match_args__``; and :class:`FrozenInstanceError` (an ``AttributeError``) on any assignment
or deletion. Inherited fields and ``ClassVar`` annotations are not supported (none are used).

Why not ``dataclasses``: importing it (it imports ``inspect``, ``ast``, ``dis``...) costs
about 9 ms, and it builds every class by compiling generated source, about 0.6 ms a class:
some 20 ms of a cold ``verify`` run, more than all of its cryptography. These functions are
shared by every class instead, at a cost of microseconds per instance.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar, dataclass_transform

Cls = TypeVar("Cls", bound=type)
_MISSING = object()


class FrozenInstanceError(AttributeError):
    """A field of a record was assigned to or deleted."""


class _Fresh:
    """A default made by calling ``factory`` for each new instance."""

    __slots__ = ("factory",)

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory


def fresh(default_factory: Callable[[], Any]) -> Any:
    """The default of a field, made anew for each instance: ``field(default_factory=...)`` (the
    parameter's name is the one type checkers read, PEP 681)."""
    return _Fresh(default_factory)


def _defaults(cls: type, names: tuple[str, ...]) -> dict[str, Any]:
    """The defaults of the fields; a required field may not follow one with a default."""
    defaults: dict[str, Any] = {}
    for name in names:
        if name in cls.__dict__:
            defaults[name] = cls.__dict__[name]
            if isinstance(defaults[name], _Fresh):
                delattr(cls, name)
        elif defaults:
            raise TypeError(f"non-default argument {name!r} follows default argument")
    return defaults


def _make_init(cls: type, names: tuple[str, ...], defaults: dict[str, Any]) -> Callable[..., None]:
    known = frozenset(names)

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} positional arguments but {len(args)} were given")
        values = dict(zip(names, args))
        for name, value in kwargs.items():
            if name not in known:
                raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
            values[name] = value
        state = self.__dict__
        for name in names:
            value = values.get(name, _MISSING)
            if value is _MISSING:
                value = defaults.get(name, _MISSING)
                if value is _MISSING:
                    raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
                if isinstance(value, _Fresh):
                    value = value.factory()
            state[name] = value

    return __init__


def _fields_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    def fields(self: Any) -> tuple[Any, ...]:
        state = self.__dict__
        return tuple(state[name] for name in names)

    return fields


def _frozen(cls: type[Any], names: tuple[str, ...]) -> tuple[Callable[..., None], Callable[..., None]]:
    """``__setattr__`` and ``__delattr__`` as a frozen dataclass has them."""
    known = frozenset(names)

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in known:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in known:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


@dataclass_transform(frozen_default=True, field_specifiers=(fresh,))
def record(cls: Cls) -> Cls:
    """Make ``cls`` a frozen record of its annotated fields (see the module docstring)."""
    names = tuple(cls.__dict__.get("__annotations__", {}))
    defaults = _defaults(cls, names)
    fields = _fields_of(names)

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return fields(self) == fields(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(fields(self))

    def __repr__(self: Any) -> str:
        values = ", ".join(f"{name}={value!r}" for name, value in zip(names, fields(self)))
        return f"{self.__class__.__qualname__}({values})"

    cls.__init__ = _make_init(cls, names, defaults)  # type: ignore[misc]
    cls.__eq__ = __eq__  # type: ignore[method-assign,assignment]
    cls.__hash__ = __hash__  # type: ignore[method-assign,assignment]
    cls.__repr__ = __repr__  # type: ignore[method-assign,assignment]
    cls.__setattr__, cls.__delattr__ = _frozen(cls, names)  # type: ignore[method-assign]
    cls.__match_args__ = names  # type: ignore[attr-defined,misc]
    return cls
