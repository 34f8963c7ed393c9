#!/usr/bin/env python3
"""Customer Chain: `python run.py` plays; `python run.py --help` lists the commands."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
