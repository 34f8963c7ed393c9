"""Customer Chain: a customer-service role-play simulator."""

__version__ = "0.2.0"
