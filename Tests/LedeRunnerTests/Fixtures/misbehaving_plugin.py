#!/usr/bin/env python3
"""A test plugin that misbehaves on cue: the document text decides what goes wrong.

CRASH exits, HANG stops answering, GARBAGE prints a non-JSON line, REWRITE changes the text,
OUTSIDE returns a span past the end, ERROR reports an error, DROPME asks to drop the document;
anything else gets a well-formed x.fake layer.
"""
import json
import sys
import time


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "hello":
        send({"type": "hello", "protocol": 1, "name": "misbehaving", "version": "0.1",
              "requires": ["sentences"], "provides": ["x.fake"]})
        continue
    document = message["document"]
    text = document["text"]
    sys.stderr.write(f"working on {document['id']}\n")
    sys.stderr.flush()
    if "CRASH" in text:
        sys.exit(3)
    if "HANG" in text:
        time.sleep(60)
    if "GARBAGE" in text:
        sys.stdout.write("this is not json\n")
        sys.stdout.flush()
        continue
    if "ERROR" in text:
        send({"type": "error", "message": "cannot handle this one"})
        continue
    if "DROPME" in text:
        send({"type": "result", "drop": "asked to be dropped"})
        continue
    if "REWRITE" in text:
        document["text"] = text.upper()
    end = len(text) + 10 if "OUTSIDE" in text else len(document["sentences"])
    document.setdefault("extensions", {})["x.fake"] = {"sentences": len(document["sentences"]),
                                                      "first": {"start": 0, "end": min(end, len(text)) if "OUTSIDE" not in text else end}}
    send({"type": "result", "document": document})
