"""Lifetime value: what a customer is worth over the horizon, and what an ending keeps or loses.

The model (documented for authors in scenarios/README.md):
    a year            = spend per visit x visits a year
    over the horizon  = a year x years
    with word of mouth = over the horizon x people told (at least 1: the customer)
    leaves   -> everything with word of mouth is lost (the source material's $183,040)
    stays    -> the customer's own value is kept in proportion to loyalty; the rest may drift away
    advocate -> all the customer's own value is kept, and word of mouth wins new business in
                proportion to satisfaction
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Economics

_CURRENCIES = ("$", "€", "£", "¥", "₹", "R$", "A$", "C$")


def fmt_amount(value: float, unit: str, signed: bool = False) -> str:
    """'$1,144' for currencies, '1,144 hours' for other units; cents only when there are any."""
    sign = ""
    if signed and value > 0:
        sign = "+"
    if value < 0:
        sign = "−"
    mag = abs(value)
    number = f"{mag:,.0f}" if abs(mag - round(mag)) < 0.005 else f"{mag:,.2f}"
    if unit in _CURRENCIES:
        return f"{sign}{unit}{number}"
    return f"{sign}{number} {unit}".rstrip()


def _num(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"


@dataclass(frozen=True)
class ValueStep:
    label: str
    working: str
    amount: float

    def to_json(self) -> dict:
        return {"label": self.label, "working": self.working, "amount": self.amount}


@dataclass(frozen=True)
class LifetimeValue:
    outcome: str
    unit: str
    per_year: float
    horizon: float
    with_word_of_mouth: float
    kept: float
    lost: float
    won: float
    steps: tuple[ValueStep, ...]

    @property
    def net(self) -> float:
        return round(self.kept + self.won - self.lost, 2)

    def to_json(self) -> dict:
        return {
            "outcome": self.outcome,
            "unit": self.unit,
            "per_year": self.per_year,
            "horizon": self.horizon,
            "with_word_of_mouth": self.with_word_of_mouth,
            "kept": self.kept,
            "lost": self.lost,
            "won": self.won,
            "net": self.net,
            "steps": [s.to_json() for s in self.steps],
        }


def lifetime_value(econ: Economics, outcome: str, satisfaction: int, loyalty: int,
                   customer: str = "The customer") -> LifetimeValue:
    """Value kept, lost and won for an ending, as named steps the UI can show one by one."""
    u = econ.unit
    sat = max(0, min(100, satisfaction)) / 100
    loy = max(0, min(100, loyalty)) / 100
    per_year = round(econ.spend_per_visit * econ.visits_per_year, 2)
    horizon = round(per_year * econ.years, 2)
    told = max(1, econ.word_of_mouth)  # the people told; at least the customer themself
    network = round(horizon * told, 2)
    years = _num(econ.years)
    people = "people" if told > 1 else "person"
    steps = [
        ValueStep(f"One {econ.visit_label}", fmt_amount(econ.spend_per_visit, u), econ.spend_per_visit),
        ValueStep("A year", f"{fmt_amount(econ.spend_per_visit, u)} × {_num(econ.visits_per_year)} "
                  f"{econ.visit_label}s", per_year),
        ValueStep(f"Over {years} years", f"{fmt_amount(per_year, u)} × {years}", horizon),
        ValueStep("Counting word of mouth", f"{fmt_amount(horizon, u)} × {told} {people} told", network),
    ]
    # Kept and won are estimates (a share of a future), so money is shown in whole units, not cents.
    places = 0 if u in _CURRENCIES else 2
    kept = lost = won = 0.0
    if outcome == "leaves":
        lost = network
        steps.append(ValueStep(f"{customer} leaves and tells others", f"all {fmt_amount(network, u)} lost",
                               -network))
    elif outcome == "stays":
        kept = round(horizon * loy, places)
        lost = round(horizon - kept, 2)
        steps.append(ValueStep(f"{customer} stays, {round(loy * 100)}% loyal",
                               f"{fmt_amount(horizon, u)} × {round(loy * 100)}% kept", kept))
        steps.append(ValueStep("At risk of drifting away", f"{fmt_amount(horizon, u)} − {fmt_amount(kept, u)}",
                               -lost))
    else:
        kept = horizon
        won = round(network * sat, places)
        steps.append(ValueStep(f"{customer} stays for all {years} years", fmt_amount(horizon, u), kept))
        steps.append(ValueStep(f"…and recommends you, {round(sat * 100)}% satisfied",
                               f"{fmt_amount(network, u)} × {round(sat * 100)}% won", won))
    return LifetimeValue(outcome, u, per_year, horizon, network, kept, lost, won, tuple(steps))
