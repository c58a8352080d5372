#!/usr/bin/env python3
"""An external Lede stage: finds configured keywords and reports them as the layer x.py-keywords.

It speaks Lede's plugin protocol (plugins/README.md): one JSON object per line on stdin and stdout.
Offsets are code point offsets into the original text, which is what Python's str indexing uses.
"""
import json
import re
import sys

LAYER = "x.py-keywords"


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def compile_terms(terms):
    patterns = []
    for label, words in sorted(terms.items()):
        for word in words:
            # \b does not work around punctuation-only terms; require no letter or digit on either side.
            patterns.append((label, re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)))
    return patterns


def tag(document, patterns):
    text = document["text"]
    found = []
    for label, pattern in patterns:
        for m in pattern.finditer(text):
            found.append({"start": m.start(), "end": m.end(), "label": label, "text": m.group(0)})
    found.sort(key=lambda k: (k["start"], k["end"], k["label"]))
    return found


def main():
    patterns = []
    for line in sys.stdin:
        if not line.strip():
            continue
        message = json.loads(line)
        if message["type"] == "hello":
            patterns = compile_terms(message.get("options", {}).get("terms", {}))
            send({"type": "hello", "protocol": 1, "name": "python-keywords", "version": "1.0.0",
                  "requires": ["sentences"], "provides": [LAYER]})
        elif message["type"] == "process":
            document = message["document"]
            try:
                document.setdefault("extensions", {})[LAYER] = tag(document, patterns)
                send({"type": "result", "document": document})
            except Exception as error:  # report, don't die: one document's problem stays its own
                send({"type": "error", "message": f"{type(error).__name__}: {error}"})


if __name__ == "__main__":
    main()
