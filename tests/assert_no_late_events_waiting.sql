{{ config(severity='warn') }}

-- Warns while events that arrived later than the lookback wait for a full refresh.
select
    event_date,
    late_rows
from {{ ref('audit_late_events') }}
