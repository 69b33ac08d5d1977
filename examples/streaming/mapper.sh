#!/usr/bin/env bash
# korner as a stateless mapper for Hadoop Streaming, Spark's RDD.pipe, GNU parallel --pipe or xargs: JSONL in on
# standard input, one JSONL line out per input record, in input order, nothing kept from one line to the next.
#
# Hadoop Streaming and Spark's RDD.pipe fail a task whose process exits non-zero. korner extract exits 1 when some
# records were error records (bad JSON, a record too large: written in their places, as data), so this wrapper
# maps 1 to 0; any other failure (2: usage error or an unreadable dictionary; 70: internal error) still fails the
# task. Extra arguments go to korner extract (--reference-date, --types, --user-dict FILE, ...).
# KORNER names the command (default: korner on PATH, e.g. from "npm install -g korner" on every node).
set -uo pipefail
${KORNER:-korner} extract --input jsonl --format jsonl --workers 1 --quiet "$@"
status=$?
if [ "$status" -eq 1 ]; then exit 0; fi
exit "$status"
