#!/usr/bin/env python
"""Development entry point: like the `heartbeat` command, with DEBUG on unless set."""

import os
import sys

from heartbeat.cli import main

if __name__ == "__main__":
    os.environ.setdefault("DEBUG", "1")
    main(sys.argv[1:])
