"""The scenario format as data: one description drives both validation and the JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import vocabulary as v


@dataclass(frozen=True)
class Spec:
    description: str = ""


@dataclass(frozen=True)
class Text(Spec):
    enum: tuple[str, ...] | None = None
    max_len: int = 4000
    pattern: str | None = None
    multiline: bool = False  # long text: line breaks and tabs allowed
    blank_ok: bool = False  # "" means "none" (an optional field whose default is empty)


@dataclass(frozen=True)
class Integer(Spec):
    min: int = -1_000_000
    max: int = 1_000_000


@dataclass(frozen=True)
class Number(Spec):
    min: float = 0
    max: float = 1_000_000


@dataclass(frozen=True)
class Boolean(Spec):
    pass


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec = field(default_factory=Text)
    min_items: int = 0
    max_items: int = 1000


@dataclass(frozen=True)
class MapOf(Spec):
    value: Spec = field(default_factory=Text)
    min_items: int = 0
    max_items: int = 5000


@dataclass(frozen=True)
class OneOf(Spec):
    """One of several shapes, told apart by the YAML node's kind: text, a list or a mapping."""

    options: tuple[Spec, ...] = ()


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = False


@dataclass(frozen=True)
class Record(Spec):
    fields: dict[str, Field] = field(default_factory=dict)
    extra: Spec | None = None  # spec for keys not listed (validated by name elsewhere)


def _req(spec: Spec) -> Field:
    return Field(spec, required=True)


def _opt(spec: Spec) -> Field:
    return Field(spec)


ID = Text("An identifier: lower-case letters, digits and underscores, starting with a letter.",
          pattern=v.ID_PATTERN, max_len=64)
PROSE = Text("Text shown to the player. {customer}, {role}, meter ids and vars may be used as placeholders.",
             multiline=True)

EFFECTS = Record(
    "What a choice changes: meter deltas (meter id: +/- whole number) and flags to set or clear.",
    fields={
        "set": _opt(ListOf("Flags to set (true) from now on.", item=ID, max_items=50)),
        "clear": _opt(ListOf("Flags to clear (false) from now on.", item=ID, max_items=50)),
    },
    extra=Integer("Change to this meter, e.g. -10 or 5.", min=-1000, max=1000),
)

CONDITION = Text("A condition over meters and flags, e.g. 'satisfaction >= 60 and not rushed'.", max_len=500,
                 multiline=True)


def variants(text: Text) -> OneOf:
    """Text, or a list of variants: the first whose 'if' holds is shown; the last has no 'if'."""
    variant = Record("One variant of a text.", fields={"if": _opt(CONDITION), "text": _req(text)})
    return OneOf(text.description + " May be a list of {if, text} variants, the last without 'if'.",
                 options=(text, ListOf("Variants, tried in order; the last has no 'if'.", item=variant,
                                       min_items=1, max_items=12)))


SPEAKER = Text("Who speaks: the customer's name, a cast member's name, or 'narrator'.", max_len=80)
REPLY = OneOf("The other person's immediate reaction in the story, shown before the coach's note: "
              "text, or {text, mood, speaker}.", options=(
                  Text("What they say or do in reply.", max_len=600),
                  Record("A reply with its face and speaker.", fields={
                      "text": _req(variants(Text("What they say or do in reply.", max_len=600))),
                      "mood": _opt(Text("Their face while replying (default: from the choice's effect on "
                                        "satisfaction).", enum=v.MOODS)),
                      "speaker": _opt(SPEAKER),
                  })))
CHOICE_ID = Text("A stable id for this option, unique in its node (saves and records use it).",
                 pattern=v.ID_PATTERN, max_len=64)

CHOICE = Record("One option the player can pick.", fields={
    "id": _opt(Text("A stable id for this choice, unique in its node, used by saves and learning records. "
                    "Without it the id is derived from 'next' and 'text'.", pattern=v.ID_PATTERN, max_len=64)),
    "text": _req(variants(Text("What the player says or does.", max_len=400))),
    "next": _req(Text("Id of the node or ending this choice leads to.", pattern=v.ID_PATTERN, max_len=64)),
    "reply": _opt(REPLY),
    "effects": _opt(EFFECTS),
    "feedback": _opt(variants(Text("The coach's explanation: why this helps or hurts.", max_len=1200,
                                   multiline=True, blank_ok=True))),
    "principle": _opt(Text("The service principle this choice shows or breaks (see scenarios/principles.yaml).",
                           max_len=120, blank_ok=True)),
    "if": _opt(CONDITION),
    "fixed": _opt(Boolean("Keep this option at its place when the options are shuffled (e.g. 'Say nothing').")),
})

TIMER = Record("A countdown: when it runs out, not deciding is the decision.", fields={
    "seconds": _req(Integer("Seconds the player has to decide.", min=1, max=600)),
    "next": _req(Text("Id of the node or ending reached when time runs out.", pattern=v.ID_PATTERN, max_len=64)),
    "text": _opt(Text("How running out of time is described in the history, e.g. 'You let the phone ring'.",
                      max_len=200)),
    "reply": _opt(REPLY),
    "effects": _opt(EFFECTS),
    "feedback": _opt(variants(Text("The coach's explanation of what waiting cost.", max_len=1200, multiline=True,
                                   blank_ok=True))),
    "principle": _opt(Text("The service principle at stake.", max_len=120, blank_ok=True)),
})

BRANCH = Record("An automatic branch: the first whose condition holds is followed.", fields={
    "if": _opt(CONDITION),
    "next": _req(Text("Id of the node or ending to go to.", pattern=v.ID_PATTERN, max_len=64)),
})

LINE = Record("One beat of a node: who speaks, what, with which face.", fields={
    "speaker": _req(SPEAKER),
    "text": _req(variants(PROSE)),
    "mood": _opt(Text("The speaker's mood for this line.", enum=v.MOODS)),
})

NODE = Record("A moment in the conversation.", fields={
    "speaker": _opt(Text("Who speaks: a name, 'narrator', or omit for the customer.", max_len=80)),
    "text": _opt(variants(PROSE)),
    "lines": _opt(ListOf("Beats shown one after another, instead of 'text': narration and speech, or two "
                         "people.", item=LINE, min_items=1, max_items=20)),
    "mood": _opt(Text("The speaker's mood, shown on the portrait.", enum=v.MOODS)),
    "scene": _opt(Text("Backdrop for this moment (defaults to the scenario's setting).", enum=v.SETTINGS)),
    "sound": _opt(Text("Sound cue played when the node appears.", enum=v.SOUNDS)),
    "call": _opt(Boolean("The customer is on the phone or a video call in this moment (e.g. she rings back "
                         "later): drawn as a call, never at the desk.")),
    "choices": _opt(ListOf("The options the player picks from (1 to 9).", item=CHOICE, min_items=1, max_items=9)),
    "timer": _opt(TIMER),
    "branch": _opt(ListOf("Automatic branches, tried in order; the last should have no 'if'.",
                          item=BRANCH, min_items=1, max_items=20)),
})

ENDING = Record("How the story ends.", fields={
    "title": _req(Text("Headline of the ending.", max_len=120)),
    "outcome": _req(Text("Whether the customer leaves, stays, or becomes an advocate.", enum=v.OUTCOMES)),
    "text": _req(variants(PROSE)),
    "summary": _req(Text("The coach's summary of the lesson.", max_len=2000, multiline=True)),
    "mood": _opt(Text("The customer's mood at the end.", enum=v.MOODS)),
    "scene": _opt(Text("Backdrop for the ending (defaults to the scenario's setting).", enum=v.SETTINGS)),
    "others": _opt(ListOf("What the ending means for other people whose value counts (cast members with "
                          "economics).", item=Record("Another person's outcome.", fields={
                              "who": _req(Text("The cast member's name.", max_len=80)),
                              "outcome": _req(Text("Whether they leave, stay or become an advocate.",
                                                   enum=v.OUTCOMES)),
                              "satisfaction": _opt(Text("A meter standing for their satisfaction.",
                                                        pattern=v.ID_PATTERN, max_len=64)),
                              "loyalty": _opt(Text("A meter standing for their loyalty.",
                                                   pattern=v.ID_PATTERN, max_len=64)),
                          }), max_items=4)),
})

METER = Record("A meter the choices move.", fields={
    "label": _opt(Text("Name shown to the player.", max_len=40)),
    "min": _opt(Integer("Lowest value.", min=-10000, max=10000)),
    "max": _opt(Integer("Highest value.", min=-10000, max=10000)),
    "start": _opt(Integer("Value at the start.", min=-10000, max=10000)),
    "visible": _opt(Boolean("Whether the player sees this meter.")),
    "unit": _opt(Text("Unit shown after the number, e.g. 's' or '%'.", max_len=12, blank_ok=True)),
    "better": _opt(Text("Which way is good: 'higher' (default) or 'lower' (e.g. talk time).",
                        enum=("higher", "lower"))),
})

ECONOMICS = Record("What the customer is worth: the numbers behind lifetime value.", fields={
    "spend_per_visit": _req(Number("Value of one visit, order or request, in the unit.", min=0, max=1_000_000)),
    "visits_per_year": _req(Number("How many visits, orders or requests a year.", min=0, max=100_000)),
    "years": _req(Number("Horizon in years.", min=0, max=100)),
    "word_of_mouth": _req(Integer("How many people an unhappy customer tells about the experience.",
                                  min=0, max=1000)),
    "word_of_mouth_delighted": _opt(Integer("How many people a delighted customer (an advocate) tells "
                                            "(default 5).", min=0, max=100)),
    "joins_share": _opt(Number("Share of the people a delighted customer tells who become customers themselves, "
                               "0 to 1 (default 0.12).", min=0, max=1)),
    "unit": _opt(Text("Currency symbol or unit, e.g. '$' or 'hours'.", max_len=20, blank_ok=True)),
    "visit_label": _opt(Text("What one visit is called, e.g. 'visit', 'order', 'request'.", max_len=30)),
    "note": _opt(Text("Where the figures come from, shown on the lifetime-value screen.", max_len=600,
                      multiline=True, blank_ok=True)),
    "whose": _opt(Text("Whose business the value is, when not the person you serve, e.g. 'Mr. Haddad'.",
                       max_len=80, blank_ok=True)),
})

APPEARANCE = Record("Hints for drawing the portrait.", fields={
    "skin": _opt(Text("Skin tone.", enum=v.SKIN_TONES)),
    "hair": _opt(Text("Hair style; 'covered' draws a head covering.", enum=v.HAIR_STYLES)),
    "hair_colour": _opt(Text("Hair colour.", enum=v.HAIR_COLOURS)),
    "outfit": _opt(Text("Main colour of clothing.", enum=v.OUTFITS)),
    "glasses": _opt(Boolean("Whether the customer wears glasses.")),
    "age": _opt(Text("Rough age.", enum=v.AGES)),
    "build": _opt(Text("Body shape: slim, average, broad or round (default average).", enum=v.BUILDS)),
    "outfit_style": _opt(Text("Cut of the clothes: crew neck, V-neck, collar shirt, cardigan or jacket (default "
                              "by age: crew for young, collar for adult, cardigan for older).", enum=v.OUTFIT_STYLES)),
    "facial_hair": _opt(Text("Stubble, a moustache or a beard (default none).", enum=v.FACIAL_HAIR)),
})

CUSTOMER = Record("The customer or co-worker the player serves.", fields={
    "name": _req(Text("Name as the player addresses them.", max_len=60)),
    "role": _req(Text("Who they are, e.g. 'Weekly shopper' or 'Account manager, 3rd floor'.", max_len=80)),
    "appearance": _opt(APPEARANCE),
    "economics": _req(ECONOMICS),
})

CAST_MEMBER = Record("Another person who speaks in the scenario.", fields={
    "name": _req(Text("Exactly as written in the nodes' 'speaker', e.g. 'Nadia, assistance team'.", max_len=80)),
    "role": _opt(Text("Who they are, e.g. 'Caller, trade account'.", max_len=80)),
    "appearance": _opt(APPEARANCE),
    "call": _opt(Boolean("This person is on the phone or a video call (drawn as a call, never at the desk).")),
    "economics": _opt(ECONOMICS),
})

SCENARIO = Record("A Customer Chain scenario.", fields={
    "format": _req(Integer("Format version of this file (1).", min=1, max=1000)),
    "id": _req(ID),
    "title": _req(Text("Title on the scenario card.", max_len=80)),
    "summary": _req(Text("One-line summary on the scenario card.", max_len=240)),
    "setting": _req(Text("Where it happens.", enum=v.SETTINGS)),
    "audience": _req(Text("Whether the customer is external or an internal co-worker.", enum=v.AUDIENCES)),
    "skills": _req(ListOf("Skills and principles it teaches.", item=Text(max_len=60), min_items=1, max_items=12)),
    "minutes": _req(Integer("Estimated minutes to play.", min=1, max=180)),
    "order": _opt(Integer("Position in the curriculum (lower comes first).", min=0, max=10000)),
    "coach": _opt(Text("When the coach's notes are shown: after each choice ('immediate', the default) or only "
                       "in the debrief ('debrief').", enum=v.COACH_MODES)),
    "shuffle": _opt(Boolean("Show the options of each decision in a shuffled order, seeded per play (default "
                            "true).")),
    "rollback": _opt(Boolean("Whether a player may take back a decision with Backspace or Page Up (default true; "
                             "false for assessed runs).")),
    "customer": _req(CUSTOMER),
    "cast": _opt(ListOf("Other people who speak, with their portraits.", item=CAST_MEMBER, max_items=12)),
    "meters": _opt(MapOf("Meters: satisfaction and loyalty always exist; add your own.", value=METER, max_items=8)),
    "vars": _opt(MapOf("Named text usable as {placeholders}.", value=Text(max_len=200), max_items=50)),
    "start": _req(Text("Id of the first node.", pattern=v.ID_PATTERN, max_len=64)),
    "nodes": _req(MapOf("The conversation's nodes, by id.", value=NODE, min_items=1)),
    "endings": _req(MapOf("The endings, by id.", value=ENDING, min_items=1)),
})


def to_json_schema(spec: Spec) -> dict:
    """Translate a spec into JSON Schema (draft 2020-12) for YAML editors."""
    out: dict = {}
    if spec.description:
        out["description"] = spec.description
    if isinstance(spec, Text):
        out["type"] = "string"
        if spec.enum:
            out["enum"] = list(spec.enum)
        if spec.pattern:
            out["pattern"] = spec.pattern
        if not spec.blank_ok and not spec.enum and not spec.pattern:
            out["minLength"] = 1
        out["maxLength"] = spec.max_len
    elif isinstance(spec, Integer):
        out.update(type="integer", minimum=spec.min, maximum=spec.max)
    elif isinstance(spec, Number):
        out.update(type="number", minimum=spec.min, maximum=spec.max)
    elif isinstance(spec, Boolean):
        out["type"] = "boolean"
    elif isinstance(spec, ListOf):
        out.update(type="array", items=to_json_schema(spec.item))
        if spec.min_items:
            out["minItems"] = spec.min_items
        out["maxItems"] = spec.max_items
    elif isinstance(spec, MapOf):
        out.update(type="object", propertyNames={"pattern": v.ID_PATTERN},
                   additionalProperties=to_json_schema(spec.value))
        if spec.min_items:
            out["minProperties"] = spec.min_items
        out["maxProperties"] = spec.max_items
    elif isinstance(spec, OneOf):
        out["anyOf"] = [to_json_schema(o) for o in spec.options]
    elif isinstance(spec, Record):
        out["type"] = "object"
        out["properties"] = {name: to_json_schema(f.spec) for name, f in spec.fields.items()}
        required = [name for name, f in spec.fields.items() if f.required]
        if required:
            out["required"] = required
        if spec.extra is not None:
            out["additionalProperties"] = to_json_schema(spec.extra)
        else:
            out["additionalProperties"] = False
    return out


def scenario_json_schema() -> dict:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://customer-chain.example/scenarios/schema.json",
        "title": "Customer Chain scenario",
    }
    schema.update(to_json_schema(SCENARIO))
    return schema
