"""Entities of a JSONL corpus with Spark, korner as the mapper of RDD.pipe.

    spark-submit --files examples/streaming/mapper.sh examples/streaming/spark_pipe.py news.jsonl news-entities

Every executor needs Node.js 20 and korner ("npm install -g korner"); --files puts mapper.sh in each executor's
working folder. Each partition goes through one korner process: one output line per input record, in order, so
the output partitions line up with the input partitions. Give each record an "id" (an error record names its
line within the partition). checkCode=True fails the task on a real failure; mapper.sh passes error records
(korner's exit status 1) on as data.
"""
import sys

from pyspark.sql import SparkSession

source, target = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.appName("korner").getOrCreate()
records = spark.sparkContext.textFile(source)
entities = records.pipe("./mapper.sh", checkCode=True)
entities.saveAsTextFile(target)
spark.stop()
