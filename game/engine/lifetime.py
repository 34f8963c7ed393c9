"""Lifetime value: what a customer is worth over the horizon, and what an ending keeps or loses.

The model (documented for authors in scenarios/README.md):
    a year            = spend per visit x visits a year
    over the horizon  = a year x years
    with word of mouth = over the horizon x people told (at least 1: the customer)
    leaves   -> everything with word of mouth is lost (the source material's $183,040: each person an
                unhappy customer tells is counted as a customer of the same value)
    stays    -> the customer's own value is kept in proportion to loyalty; the rest may drift away
    advocate -> all the customer's own value is kept, and positive word of mouth wins new customers: the
                people a delighted customer tells (word_of_mouth_delighted) x the share who join
                (joins_share) x satisfaction, each worth the customer's own value
Within one outcome the value never falls as satisfaction or loyalty rises, and one point more moves it by at
most 5 % of the customer's own value (the loader caps delighted x share at 5).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    why: str = ""  # in words, when the ending keeps the customer but still loses value
    others: tuple[tuple[str, LifetimeValue], ...] = ()  # other people whose value counts, by name

    @property
    def own_net(self) -> float:
        return round(self.kept + self.won - self.lost, 2)

    @property
    def net(self) -> float:
        """The customer's net value and that of every other person the ending names."""
        return round(self.own_net + sum(v.own_net for _, v in self.others), 2)

    def with_others(self, others: list[tuple[str, LifetimeValue]]) -> LifetimeValue:
        if not others:
            return self
        steps = [*self.steps]
        for name, value in others:
            steps.append(ValueStep(f"{name}: {OUTCOME_WORDS[value.outcome]}",
                                   f"{fmt_amount(value.horizon, value.unit)} over {_num(value.years)} years, "
                                   f"net {fmt_amount(value.own_net, value.unit, signed=True)}", value.own_net))
        return replace(self, steps=tuple(steps), others=tuple(others))

    @property
    def years(self) -> float:
        return round(self.horizon / self.per_year, 2) if self.per_year else 0.0

    def to_json(self) -> dict:
        out = {
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
        if self.why:
            out["why"] = self.why
        if self.others:
            out["others"] = [{"who": name, **value.to_json()} for name, value in self.others]
        return out


OUTCOME_WORDS = {"leaves": "leaves", "stays": "stays", "advocate": "becomes an advocate"}


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
        ValueStep("Counting word of mouth", f"{fmt_amount(horizon, u)} × {told} {people} an unhappy customer tells",
                  network),
    ]
    # Kept and won are estimates (a share of a future), so money is shown in whole units, not cents.
    places = 0 if u in _CURRENCIES else 2
    kept = lost = won = 0.0
    if outcome == "leaves":
        lost = network
        steps.append(ValueStep(f"{customer} leaves and tells others", f"all {fmt_amount(network, u)} lost",
                               -network))
    why = ""
    if outcome == "leaves":
        pass
    elif outcome == "stays":
        kept = min(horizon, round(horizon * loy, places))  # rounding up never keeps more than there is
        lost = round(horizon - kept, 2)
        steps.append(ValueStep(f"{customer} stays, {round(loy * 100)}% loyal",
                               f"{fmt_amount(horizon, u)} × {round(loy * 100)}% kept", kept))
        steps.append(ValueStep("Lost as loyalty drifts away", f"{fmt_amount(horizon, u)} − {fmt_amount(kept, u)}",
                               -lost))
        if lost > kept:
            why = (f"{customer} stays for now, but only {round(loy * 100)}% loyal: more of the value is likely to "
                   f"drift away ({fmt_amount(lost, u)}) than is kept ({fmt_amount(kept, u)}), so this ending "
                   "still loses money.")
    else:
        kept = horizon
        tells = max(0, econ.word_of_mouth_delighted)
        share = max(0.0, min(1.0, econ.joins_share))
        won = round(horizon * tells * share * sat, places)
        steps.append(ValueStep(f"{customer} stays for all {years} years", fmt_amount(horizon, u), kept))
        steps.append(ValueStep(f"…and recommends you to {tells} people; {round(share * 100)}% of them join",
                               f"{fmt_amount(horizon, u)} × {tells} × {round(share * 100)}% × "
                               f"{round(sat * 100)}% satisfied", won))
    return LifetimeValue(outcome, u, per_year, horizon, network, kept, lost, won, tuple(steps), why)
