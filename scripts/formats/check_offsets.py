#!/usr/bin/env python3
"""Checks korner's outputs for Python tools with nothing but the standard library.

Every span of a doccano, spaCy-shaped, Label Studio or brat output is sliced out of its text in code points, as
Python slices a str, and must be the text korner found there. For spaCy, the document is also rebuilt as
Doc.from_json rebuilds it (each token's text, then one space where the next token starts later) and must be the
text itself, every entity and sentence must start and end on a token edge, and tokens must not overlap.

Usage: check_offsets.py [--doccano FILE] [--spacy FILE] [--label-studio FILE] [--brat DIR] [--expect FILE]
--expect names korner's own JSONL output for the same input: each document's entity texts and types must then be
the same in every format checked. Prints one line per format and exits 1 at the first mismatch.
"""
import argparse
import json
import os
import sys

LONG = {"PS": "PERSON", "LC": "LOCATION", "OG": "ORGANIZATION", "DT": "DATE", "TI": "TIME", "QT": "QUANTITY"}


def fail(where, message):
    print(f"FAIL {where}: {message}")
    sys.exit(1)


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                yield number, json.loads(line)


def long_label(label):
    return LONG.get(label, label)


def check_span(where, text, start, end, expected):
    if not (0 <= start < end <= len(text)):
        fail(where, f"span [{start}, {end}) outside a text of {len(text)} code points")
    if expected is not None and text[start:end] != expected:
        fail(where, f"text[{start}:{end}] is {text[start:end]!r}, the output says {expected!r}")
    return text[start:end]


def doccano(path):
    docs = []
    for number, record in jsonl(path):
        if "error" in record:
            docs.append(None)
            continue
        text = record["text"]
        spans = [(check_span(f"{path}:{number}", text, s, e, None), long_label(label)) for s, e, label in record["label"]]
        docs.append(spans)
    return docs


def spacy(path):
    docs = []
    for number, record in jsonl(path):
        where = f"{path}:{number}"
        if "error" in record.get("_", {}):
            docs.append(None)
            continue
        text, tokens = record["text"], record["tokens"]
        words, spaces = [], []
        for i, token in enumerate(tokens):
            if i and token["start"] < tokens[i - 1]["end"]:
                fail(where, f"token {i} overlaps the one before it")
            words.append(text[token["start"]:token["end"]])
            following = tokens[i + 1]["start"] if i + 1 < len(tokens) else len(text)
            gap = text[token["end"]:following]
            if gap not in ("", " "):
                fail(where, f"after token {i} comes {gap!r}: Doc.from_json would lose it")
            spaces.append(gap == " ")
        if tokens and tokens[0]["start"] != 0:
            fail(where, "the first token does not start the text")
        rebuilt = "".join(w + (" " if s else "") for w, s in zip(words, spaces))
        if rebuilt != text:
            fail(where, f"the tokens rebuild {rebuilt!r}, not the text")
        edges = {t["start"] for t in tokens} | {t["end"] for t in tokens}
        for span in record["ents"] + record.get("sents", []):
            if span["start"] not in edges or span["end"] not in edges:
                fail(where, f"span [{span['start']}, {span['end']}) does not fall on token edges")
        docs.append([(text[e["start"]:e["end"]], long_label(e["label"])) for e in record["ents"]])
    return docs


def label_studio(path):
    with open(path, encoding="utf-8") as f:
        tasks = json.load(f)
    docs = []
    for index, task in enumerate(tasks):
        where = f"{path}: task {index}"
        if "error" in task.get("meta", {}):
            docs.append(None)
            continue
        text = task["data"]["text"]
        spans = []
        for prediction in task.get("predictions", []):
            for result in prediction["result"]:
                value = result["value"]
                spans.append((check_span(where, text, value["start"], value["end"], value.get("text")), long_label(value["labels"][0])))
        docs.append(spans)
    return docs


def brat(folder):
    docs = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        stem = name[:-4]
        with open(os.path.join(folder, stem + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        spans = []
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            for number, line in enumerate(f, 1):
                if not line.startswith("T"):
                    continue
                _, middle, surface = line.rstrip("\n").split("\t")
                label, ranges = middle.split(" ", 1)
                pieces = [tuple(int(x) for x in part.split(" ")) for part in ranges.split(";")]
                found = " ".join(check_span(f"{folder}/{name}:{number}", text, s, e, None) for s, e in pieces)
                if found != surface:
                    fail(f"{folder}/{name}:{number}", f"the text at {ranges} is {found!r}, the line says {surface!r}")
                if label in LONG or label in LONG.values():
                    spans.append((text[pieces[0][0]:pieces[-1][1]], long_label(label)))
        docs[stem] = spans
    return docs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--doccano")
    parser.add_argument("--spacy")
    parser.add_argument("--label-studio")
    parser.add_argument("--brat")
    parser.add_argument("--expect")
    args = parser.parse_args()
    expected = None
    if args.expect:
        expected = [None if "error" in r else [(e["text"], e["type"]) for e in r["entities"]] for _, r in jsonl(args.expect)]
    checked = {"doccano": (args.doccano, doccano), "spacy": (args.spacy, spacy), "label-studio": (args.label_studio, label_studio)}
    for name, (path, read) in checked.items():
        if not path:
            continue
        docs = read(path)
        if expected is not None and docs != expected:
            fail(path, f"{name} entities differ from korner's JSONL output")
        print(f"ok {name}: {len(docs)} documents, {sum(len(d or []) for d in docs)} spans")
    if args.brat:
        docs = brat(args.brat)
        if expected is not None and sorted(map(tuple, (d for d in expected if d is not None)), key=str) != sorted(map(tuple, docs.values()), key=str):
            fail(args.brat, "brat entities differ from korner's JSONL output")
        print(f"ok brat: {len(docs)} documents, {sum(len(d) for d in docs.values())} spans")


if __name__ == "__main__":
    main()
