"""The starter scenario `new` writes: small, commented, and clean under `check --strict`."""

from __future__ import annotations

STARTER = """\
# A starter scenario written by `python run.py new`. Every line with a '#' is a comment: read them,
# then replace the story with your own. The author guide (scenarios/README.md) explains each key;
# `python run.py schema` prints the JSON Schema for editors that complete and check YAML as you type.
#
# Quoting, the three usual mistakes:
#   text: "She said" and left      <- starts with a quote: quote the whole text  '"She said" and left'
#   text: 'It's fine'              <- apostrophe inside single quotes: use "It's fine"
#   text: Note: this               <- colon + space in plain text: use "Note: this"
format: 1
id: {id}
title: {title}
summary: A customer needs help while you are busy.   # one line, shown on the scenario's card
setting: shop_counter        # shop_counter, call_centre, office, airport or service_desk
audience: external           # external (a customer) or internal (a co-worker)
skills: [Responsiveness, Listening]
minutes: 3

customer:
  name: Alex Morgan
  role: Weekly shopper
  appearance: {{skin: medium, hair: curly, hair_colour: brown, outfit: teal, age: adult}}
  # Lifetime value: what this customer is worth over the years, and how many people they tell.
  economics:
    spend_per_visit: 40
    visits_per_year: 50
    years: 5
    word_of_mouth: 4
    unit: "$"
    visit_label: visit
    note: Illustrative figures; put your own organisation's numbers here.

start: greeting
nodes:
  greeting:
    mood: neutral
    sound: door_chime
    text: '"Excuse me, do you have a moment? I cannot find the gluten-free bread."'
    # A timer: if the player does not choose in time, not deciding is the decision.
    timer:
      seconds: 10
      text: You kept stacking the shelf
      # reply: the other person's reaction, shown with their face before the coach's note.
      reply: {{text: '"Hello? Is anyone working here?"', mood: impatient}}
      effects: {{satisfaction: -15, loyalty: -10}}
      feedback: Silence is an answer. Even "one moment, I'll be right with you" would have helped.
      principle: Responsiveness
      next: waited
    choices:
      - text: Put the box down. "Of course. Follow me."
        reply: '"Oh, thank you! I always get lost in here."'
        effects: {{satisfaction: 20, loyalty: 10, set: [walked_over]}}
        feedback: Full attention straight away says they matter more than the task.
        principle: Responsiveness
        next: at_the_shelf
      - text: Keep stacking and point. "Aisle six, on the left, past the cereal."
        reply: {{text: '"Right. Thanks." They wander off, looking at the signs.', mood: neutral}}
        effects: {{satisfaction: -10, loyalty: -5}}
        feedback: Correct and even detailed, but cold; the customer feels like an interruption.
        principle: First impressions
        next: at_the_shelf
  waited:
    mood: impatient
    text: '"Hello? I asked you something."'
    choices:
      - text: '"Sorry, I was miles away. Let me show you."'
        reply: '"Thank you."'
        effects: {{satisfaction: 5}}
        feedback: A late but honest apology wins back a little.
        principle: Empathy
        next: at_the_shelf
      - text: Shrug. "Aisle six, probably."
        reply: {{text: They put their basket down and walk out., mood: angry}}
        effects: {{satisfaction: -20, loyalty: -15}}
        feedback: Now the brush-off is a choice, and they know it.
        principle: Responsiveness
        next: lost
  at_the_shelf:
    mood: neutral
    text: '"Oh, there is only one loaf left, and it is squashed."'
    choices:
      - text: '"Let me check the back for you."'
        reply: {{text: '"Would you? That would be lovely."', mood: pleased}}
        effects: {{satisfaction: 15, loyalty: 15}}
        feedback: Going one step further than asked is what people remember.
        principle: Ownership
        next: verdict
      - text: '"That is the last one. The next delivery is tomorrow morning, sorry."'
        reply: {{text: '"Oh. Never mind, then."', mood: upset}}
        effects: {{satisfaction: -5}}
        feedback: True, but it ends the conversation instead of solving the problem.
        principle: Ownership
        next: verdict
  # A branch: no text, no choices; the first condition that holds is followed, and the last has no 'if'.
  verdict:
    branch:
      - if: satisfaction >= 75 and walked_over
        next: fan
      - if: satisfaction >= 40
        next: regular
      - next: lost

# Three endings, one for each outcome: advocate (tells others), stays, leaves.
endings:
  fan:
    title: A fan
    outcome: advocate
    text: Alex tells a friend about the shop where people go out of their way.
    summary: Quick, warm attention and one extra step turned a question into loyalty.
  regular:
    title: Still a customer
    outcome: stays
    text: Alex buys the squashed loaf and comes back next week, without much warmth.
    summary: The problem was handled; the relationship was not.
  lost:
    title: Gone elsewhere
    outcome: leaves
    text: Alex puts the basket down and leaves.
    summary: Being ignored costs more than the minute it saves.
"""


def starter_text(scenario_id: str) -> str:
    """The starter scenario with its id and a title made from the id."""
    title = scenario_id.replace("_", " ").strip().title()
    return STARTER.format(id=scenario_id, title=title)
