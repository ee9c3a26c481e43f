{{ config(severity='warn') }}

-- Warns while events that arrived later than the lookback wait for a full refresh.
select *
from {{ ref('audit_late_events') }}
