#!/usr/bin/env python3
"""Writes N varied news articles into a folder, from the bundled examples and gold texts.

Each copy gets a different id and a shuffled paragraph order (headline kept first), so a large
corpus is not N identical files. Used by the benchmarks only; the text is the project's own.
    make-corpus.py OUT_DIR N
"""
import json, os, random, sys

root = os.path.join(os.path.dirname(__file__), "..")
texts = []
for dirpath, _, files in os.walk(os.path.join(root, "examples", "articles")):
    for f in sorted(files):
        with open(os.path.join(dirpath, f), encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
with open(os.path.join(root, "data", "gold", "quotes.jsonl"), encoding="utf-8") as fh:
    texts += [json.loads(line)["text"] for line in fh if line.strip()]

out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
for i in range(n):
    paragraphs = texts[i % len(texts)].split("\n\n")
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    folder = os.path.join(out, f"{i // 1000:04d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"article-{i:07d}.txt"), "w", encoding="utf-8", newline="") as fh:
        fh.write("\n\n".join(head + body))
