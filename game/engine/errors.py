"""The engine's one exception type, in a module of its own so importing it costs nothing."""


class EngineError(RuntimeError):
    """Something in play that the content makes impossible (reported, never a crash in the UI)."""
