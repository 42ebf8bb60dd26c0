"""The dispatch record of ../shared/SCHEMA.md as typed dataclasses.

`Record.to_dict()` gives exactly the schema's keys in the schema's order; the
JSON printed by `congvan extract` and stored in the index is made from it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

COMPARATORS = ("=", ">", ">=", "<", "<=")
AUTHORITIES = ("TM.", "KT.", "TL.", "TUQ.", "Q.")


@dataclass
class Phase:
    """A campaign phase or wave (Đợt 1, Giai đoạn, Vòng, or an item of "các đợt")."""

    label: str | None
    start: str | None  # ISO date as precise as printed: YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None
    text: str


@dataclass
class Target:
    """A quantified goal (chỉ tiêu) the document sets."""

    text: str
    value: float
    comparator: str  # one of COMPARATORS
    unit: str | None
    metric: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if self.value == int(self.value):
            d["value"] = int(self.value)
        return d


@dataclass
class Signatory:
    authority: str | None = None  # one of AUTHORITIES
    body: str | None = None
    title: str | None = None
    name: str | None = None


@dataclass
class Recipient:
    name: str
    purpose: str | None = None


@dataclass
class Reference:
    kind: str | None
    number: str  # the whole "N/SYMBOL"
    date: str | None = None


@dataclass
class Received:
    """The incoming stamp ("CV ĐẾN Số: … Ngày: …") of the receiving office."""

    org: str | None = None
    number: str | None = None
    date: str | None = None


@dataclass
class Record:
    number: str | None = None
    symbol: str | None = None
    date: str | None = None
    place: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    doc_type: str | None = None
    subject: str | None = None
    addressees: list[str] = field(default_factory=list)
    phases: list[Phase] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    signatory: Signatory = field(default_factory=Signatory)
    recipients: list[Recipient] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    received: Received | None = None
    theme: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The schema's object: exactly its keys, in its order."""
        return {
            "number": self.number,
            "symbol": self.symbol,
            "date": self.date,
            "place": self.place,
            "issuer": self.issuer,
            "parent_issuer": self.parent_issuer,
            "doc_type": self.doc_type,
            "subject": self.subject,
            "addressees": list(self.addressees),
            "phases": [asdict(p) for p in self.phases],
            "targets": [t.to_dict() for t in self.targets],
            "signatory": asdict(self.signatory),
            "recipients": [asdict(r) for r in self.recipients],
            "references": [asdict(r) for r in self.references],
            "received": asdict(self.received) if self.received else None,
            "theme": self.theme,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        received = d.get("received")
        return cls(
            number=d.get("number"),
            symbol=d.get("symbol"),
            date=d.get("date"),
            place=d.get("place"),
            issuer=d.get("issuer"),
            parent_issuer=d.get("parent_issuer"),
            doc_type=d.get("doc_type"),
            subject=d.get("subject"),
            addressees=list(d.get("addressees") or []),
            phases=[Phase(**p) for p in d.get("phases") or []],
            targets=[Target(**{k: t.get(k) for k in ("text", "value", "comparator", "unit", "metric")})
                     for t in d.get("targets") or []],
            signatory=Signatory(**(d.get("signatory") or {})),
            recipients=[Recipient(**r) for r in d.get("recipients") or []],
            references=[Reference(**r) for r in d.get("references") or []],
            received=Received(**received) if received else None,
            theme=d.get("theme"),
        )
