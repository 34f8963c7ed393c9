"""`run --record`: a headless play recorded exactly as the game records one (see game/records/recorder.py)."""

from __future__ import annotations

import argparse
import json
import sys

from ..engine import EngineError, Scenario
from ..records.config import load_config
from ..records.recorder import PlayRecorder
from ..userdata.learners import Learner, parse_learner
from ..userdata.progress import ProgressStore
from .common import UsageError


def learner_for(store: ProgressStore, text: str | None) -> Learner:
    """The learner named on the command line (found or added), else the one last chosen in the game."""
    if not text:
        if store.current is None:
            raise UsageError('no learner yet: give one with --learner "Name <email>"')
        return store.current
    try:
        name, email, account = parse_learner(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    found = store.find_learner(name, email, account)
    if found is not None:
        if found.name != name:
            found = store.save_learner(name, found.email, found.account, found.id)
        store.choose_learner(found.id)
        return found
    return store.save_learner(name, email, account)


def recorded_play(args: argparse.Namespace, scenario: Scenario, choices: list[str]) -> int:
    from .transcript import play_path, to_json, transcript

    config, problem = load_config()
    if problem:
        print(f"warning: {problem}", file=sys.stderr)
    store = ProgressStore()
    if store.problem:
        print(f"error: {store.problem}", file=sys.stderr)
        return 1
    learner = learner_for(store, args.learner)
    recorder = PlayRecorder.start(store, learner, scenario, config)
    try:
        play = play_path(scenario, choices, player=recorder)
    except EngineError as exc:
        print(f"error: {exc} (the play so far is recorded and saved)", file=sys.stderr)
        return 1
    problem = recorder.finish() if play.ended else recorder.problem
    print(json.dumps(to_json(play), indent=2, ensure_ascii=False) if args.json else transcript(play))
    kept = "finished" if play.ended else "saved, to be continued in the game"
    print(f"recorded for {learner.label}: {len(recorder.journal) + 2} statement(s), attempt {kept} "
          f"(registration {recorder.builder.registration})", file=sys.stderr)
    if problem or store.problem:
        print(f"error: {problem or store.problem}", file=sys.stderr)
        return 1
    return 0
