"""Loads the fixture events into, and reads the marts back from, one build's Spark
warehouse; run as a script, in a process of its own (`backends.py` starts it).

A process of its own because the embedded Derby metastore admits one process at a time
and `spark.stop()` leaves the JVM (and its Derby) running in the Python process that
started it: only the process's exit frees the metastore for dbt. It also keeps the
pytest process free of a JVM, and each build's session on its own metastore.

    python tests/scenarios/spark_io.py load SPARK_DIR EVENTS_JSONL SCHEMA.TABLE ROWS
    python tests/scenarios/spark_io.py read SPARK_DIR SCHEMA OUT_PICKLE
    python tests/scenarios/spark_io.py query SPARK_DIR QUERIES_PICKLE OUT_PICKLE

`load` creates SCHEMA.TABLE (parquet) from the JSON lines that `harness.write_events_jsonl`
writes: strings as they are (blank strings and nulls kept), event_time cast from its text
to a timestamp in the session's zone, UTC; it fails unless the table has ROWS rows and
every non-null event_time parsed. `read` pickles the columns of the marts that
`harness.MART_QUERIES` selects, as pyspark returns them. `query` runs the queries of a
pickled {name: sql} and pickles {name: rows as dicts}, as pyspark returns the values
(tests/experiments reads its builds with it).
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tooling.engines import spark_session_conf  # noqa: E402

RAW_SCHEMA = ("event_id string, event_time string, user_id string, org_id string, "
              "event_name string, learning_id string, learning_type string")


def _session(spark_dir: Path, app_name: str):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name).enableHiveSupport()
    for key, value in spark_session_conf(spark_dir).items():
        builder = builder.config(key, value)
    builder = builder.config("spark.driver.memory", "1g")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def load(spark_dir: Path, events_jsonl: Path, table: str, expected_rows: int) -> int:
    from pyspark.sql import functions as F

    spark = _session(spark_dir, "north_star_scenarios_load")
    try:
        schema, _ = table.split(".")
        raw = spark.read.schema(RAW_SCHEMA).json(str(events_jsonl))
        events = raw.withColumn("event_time", F.col("event_time").cast("timestamp"))
        spark.sql(f"create database if not exists {schema}")
        events.write.format("parquet").mode("overwrite").saveAsTable(table)
        loaded = spark.table(table).count()
        # A text that did not parse would be a silent null.
        unparsed = raw.filter(F.col("event_time").isNotNull()
                              & F.col("event_time").cast("timestamp").isNull()).count()
        if loaded != expected_rows or unparsed:
            print(f"spark_io: {table} has {loaded} rows, not {expected_rows}; "
                  f"{unparsed} event_time values did not parse", file=sys.stderr)
            return 1
        return 0
    finally:
        spark.stop()


def read(spark_dir: Path, schema: str, out: Path) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from harness import MART_QUERIES  # noqa: E402 - harness has no package-relative imports

    spark = _session(spark_dir, "north_star_scenarios_read")
    try:
        result = {}
        for field, (table, columns, order) in MART_QUERIES.items():
            frame = spark.sql(f"select {', '.join(columns)} from {schema}.{table} order by {order}")
            result[field] = [tuple(row) for row in frame.collect()]
        out.write_bytes(pickle.dumps(result))
        return 0
    finally:
        spark.stop()


def query(spark_dir: Path, queries: Path, out: Path) -> int:
    spark = _session(spark_dir, "north_star_scenarios_query")
    try:
        result = {name: [row.asDict() for row in spark.sql(sql).collect()]
                  for name, sql in pickle.loads(queries.read_bytes()).items()}
        out.write_bytes(pickle.dumps(result))
        return 0
    finally:
        spark.stop()


def main(argv: list[str]) -> int:
    command, spark_dir, *rest = argv
    if command == "load":
        events_jsonl, table, expected_rows = rest
        return load(Path(spark_dir), Path(events_jsonl), table, int(expected_rows))
    if command == "read":
        schema, out = rest
        return read(Path(spark_dir), schema, Path(out))
    if command == "query":
        queries, out = rest
        return query(Path(spark_dir), Path(queries), Path(out))
    raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
