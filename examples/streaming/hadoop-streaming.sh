#!/usr/bin/env bash
# Entities of a JSONL corpus on HDFS with Hadoop Streaming, korner as the mapper (map-only: no reducer, so the
# part files hold the records of each input split in input order). Every node needs Node.js 20 and korner
# ("npm install -g korner"). Give each record an "id": an error record names its line within the split, not the file.
#
#   examples/streaming/hadoop-streaming.sh /corpus/news.jsonl /corpus/news-entities
set -euo pipefail
input=$1
output=$2
here=$(cd "$(dirname "$0")" && pwd)
hadoop jar "$HADOOP_HOME"/share/hadoop/tools/lib/hadoop-streaming-*.jar \
  -D mapreduce.job.name="korner $input" \
  -D mapreduce.job.reduces=0 \
  -files "$here/mapper.sh" \
  -mapper mapper.sh \
  -input "$input" \
  -output "$output"
