{#- The columns of a run manifest row for this invocation, as a select list: the model
    writes its rows with it and int_events_classified's pre-hook inserts its `started`
    row with it, so the columns cannot drift apart (the insert is by position).
    `run_status` and `settled_before` are SQL expressions; the days are Python dates. -#}
{% macro north_star_run_manifest_row(run_status, batch_start, recompute_from, settled_before) -%}
    select
        {{ north_star_string_literal(invocation_id) }} as invocation_id,
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }}) as run_started_at,
        {{ run_status }} as run_status,
        {{ north_star_optional_date_literal(batch_start) }} as batch_start_date,
        {{ north_star_optional_date_literal(recompute_from) }} as recomputed_from_date,
        {{ settled_before }} as settled_before_date,
        {{ north_star_string_literal(tojson(north_star_definition_vars(), sort_keys=true)) }} as definition_vars
{%- endmacro %}
