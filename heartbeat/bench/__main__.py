import sys

from heartbeat.bench.runner import main

sys.exit(main())
