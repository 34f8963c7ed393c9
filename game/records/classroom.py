"""A facilitator's class session, recorded for the facilitator with the class as a group.

The statements' actor is the class (an identified xAPI Group, one per session), the facilitator is the
context's instructor, and each decision's `answered` carries the room's votes by choice id. The attempt is
kept in the facilitator's progress, marked as facilitated. What-if detours are explorations, not the class's
record, so only the main path is recorded.
"""

from __future__ import annotations

from ..engine import TIMEOUT, Playthrough
from ..facilitation.session import ClassSession
from ..userdata.learners import Learner
from ..userdata.progress import Attempt, ProgressStore, now_iso
from .config import LrsConfig
from .statements import StatementBuilder, agent, class_group, new_registration


def class_statements(session: ClassSession, facilitator: Learner, config: LrsConfig,
                     seconds: float) -> tuple[StatementBuilder, list[dict], Playthrough]:
    """The statements of the class's main path: started, one `answered`/`timed out` per decision with the
    votes, and `completed` when the path reaches an ending."""
    registration = new_registration()
    base = config.base_iri
    builder = StatementBuilder(session.scenario, class_group(facilitator, registration, base), registration, base,
                               instructor=agent(facilitator, base, config.account_home or None))
    statements = builder.started()
    play = session.replay([])  # the options in the order the class saw and voted on them
    for decision in session.main:
        activity = builder.node_activity(play)
        views = play.choices
        votes = {views[n - 1].id: hands for n, hands in decision.votes.items() if 1 <= n <= len(views)}
        if decision.kind == TIMEOUT:
            step = play.timeout()
        else:
            step = play.choose([v.source_index for v in views].index(decision.source_index))
        statements.append(builder.decided(activity, step, votes=votes))
    if play.ended:
        statements.append(builder.completed(play, seconds))
    return builder, statements, play


def record_class_session(store: ProgressStore, facilitator: Learner, session: ClassSession, config: LrsConfig,
                         seconds: float, started_at: str = "") -> str | None:
    """Keep the class's attempt for the facilitator and queue its statements (one transaction)."""
    builder, statements, play = class_statements(session, facilitator, config, seconds)
    ending = play.ending
    if ending is None:
        store.enqueue(statements)
        return store.problem
    value = play.lifetime_value()
    attempt = Attempt(play.scenario.id, play.scenario.version, play.choice_ids, dict(play.meters), ending.id,
                      ending.outcome, value.net if value else 0.0, facilitator=True, learner_id=facilitator.id,
                      registration=builder.registration, started_at=started_at or now_iso())
    store.record(attempt, statements)
    return store.problem
