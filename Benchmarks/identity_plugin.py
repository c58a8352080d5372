#!/usr/bin/env python3
"""An external stage that returns every document unchanged: the cost of the protocol alone."""
import json
import sys

for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "hello":
        reply = {"type": "hello", "protocol": 1, "name": "identity", "version": "1", "requires": [], "provides": []}
    else:
        reply = {"type": "result", "document": message["document"]}
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
