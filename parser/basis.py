"""Why a date, a wording or a status is what it is, as data (`Basis`): the one value that
every answer carries and every page, JSON answer, CLI line and SQL function only renders
(`zan.messages.basis_text` says it in Kazakh or Russian)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Basis:
    """Why a date or a wording is what it is, as data, never as a sentence: a stable
    `rule` code, the amending `act` it rests on (kind, number, date), the ISO `dates` the
    rule used, other `facts` (an action, a commencement rule, a quoted clause, a line), and the
    `parts` it is made of (the bases it rests on, or that qualify it). `zan.messages.basis_text`
    says it in Kazakh or Russian when it is shown; the database stores `rule` and `data()`."""

    rule: str
    act: dict[str, str] | None = None
    dates: dict[str, str] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    parts: tuple[Basis, ...] = ()

    def data(self) -> dict[str, Any]:
        """Everything but the rule, without empty fields: the ``*_basis_data`` JSON."""
        data: dict[str, Any] = {}
        if self.act is not None:  # stored as [kind, number, date]: a third of the bytes of the dict
            data["act"] = [self.act.get("kind"), self.act.get("number"), self.act.get("date")]
        if self.dates:
            data["dates"] = self.dates
        if self.facts:
            data["facts"] = self.facts
        if self.parts:
            data["parts"] = [part.as_dict() for part in self.parts]
        return data

    def as_dict(self) -> dict[str, Any]:
        """The rule and its data in one dict (how parts are stored)."""
        return {"rule": self.rule, **self.data()}

    def data_json(self) -> str | None:
        data = self.data()
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) if data else None

    def but(self, caveat: Basis) -> Basis:
        """This basis, qualified by `caveat` ("…; but …")."""
        return Basis("but", parts=(self, caveat))

    @classmethod
    def from_dict(cls, value: dict[str, Any]) -> Basis:
        act = value.get("act")
        return cls(
            value["rule"],
            act_data(*act) if isinstance(act, list) else act,
            value.get("dates") or {},
            value.get("facts") or {},
            tuple(cls.from_dict(part) for part in value.get("parts") or ()),
        )

    @classmethod
    def from_stored(cls, rule: str | None, data: str | None) -> Basis | None:
        """The basis a row stores as ``(…_rule, …_data)``; None when it stores none."""
        if rule is None:
            return None
        return cls.from_dict({"rule": rule, **(json.loads(data) if data else {})})


def known_dates(**dates: str | None) -> dict[str, str]:
    """The dates given, those unknown left out: a basis's `dates`."""
    return {name: value for name, value in dates.items() if value}


def act_data(kind: str | None, number: str | None, date: str | None) -> dict[str, str]:
    """An amending act as a basis names it: its kind, number and date (those known)."""
    return known_dates(kind=kind, number=number, date=date)


