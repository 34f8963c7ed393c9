"""Command-line subcommands: each module adds its parser and a run function."""
