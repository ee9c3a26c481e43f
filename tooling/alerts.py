"""The anomaly alerts of the latest day, read from the DuckDB build's
fct_north_star_metrics_daily; `python -m tooling.cli alerts` prints them for a scheduler.

Exit status of the command: 0 no alert, 1 at least one alert, 2 the mart could not be
read (no build yet, or another database error) — a scheduler must not read "cannot tell"
as "all clear".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

ALERT_QUERY = """
select metric_name, owner_team, date_day, value, value_week_earlier, expected_value,
       lower_bound, upper_bound, anomaly_direction
from {schema}.fct_north_star_metrics_daily
where is_anomaly and date_day = (select max(date_day) from {schema}.fct_north_star_metrics_daily)
order by metric_name
"""


@dataclass(frozen=True)
class Alert:
    metric_name: str
    owner_team: str | None
    date_day: date
    value: int
    value_week_earlier: int
    expected_value: float
    lower_bound: float
    upper_bound: float
    direction: str

    def describe(self) -> str:
        change = self.value - self.value_week_earlier
        relative = f" ({change / self.value_week_earlier:+.0%})" if self.value_week_earlier else ""
        return (f"ALERT {self.date_day} {self.metric_name} ({self.direction}), owner "
                f"{self.owner_team or 'unassigned'}: value {self.value}, expected "
                f"{self.expected_value:.1f} in [{self.lower_bound:.1f}, {self.upper_bound:.1f}]; "
                f"{change:+d}{relative} against {self.value_week_earlier} a week earlier")


def latest_alerts(connection, schema: str = "main") -> list[Alert]:
    return [Alert(*row) for row in connection.execute(ALERT_QUERY.format(schema=schema)).fetchall()]


def report_alerts(duckdb_path: str, schema: str = "main") -> int:
    try:
        with duckdb.connect(duckdb_path, read_only=True) as connection:
            alerts = latest_alerts(connection, schema)
    except duckdb.Error as error:
        print(f"north_star: cannot read the alerts from {duckdb_path}: {error}")
        return 2
    for alert in alerts:
        print(alert.describe())
    if not alerts:
        print("north_star: no anomaly on the latest day.")
    return 1 if alerts else 0
