import sys

from heartbeat.bench.soak.runner import main

sys.exit(main())
