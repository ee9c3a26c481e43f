-- Ownership and replay orderings rely on this key being unique (see DECISIONLOG); checked
-- here without dbt_utils so that it also runs in air-gapped mode.
select
    event_id,
    event_date,
    count(*) as occurrences
from {{ ref('int_events_valid') }}
group by event_id, event_date
having count(*) > 1
