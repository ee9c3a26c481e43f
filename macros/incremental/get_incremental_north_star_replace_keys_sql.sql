{#- Incremental strategy `north_star_replace_keys`: delete the rows of the keys in the
    batch, and rows dated on the recomputed days whose key the batch no longer has (their
    events became replays), then insert the batch. Without a recompute day the batch
    holds every key: all rows are replaced. -#}
{% macro get_incremental_north_star_replace_keys_sql(arg_dict) -%}
    {%- set key_column = config.get('north_star_key_column') -%}
    {%- set day_column = config.get('north_star_day_column') -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set batch = arg_dict['temp_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    {%- set recompute_from = north_star_recompute_from_date() -%}
    delete from {{ target }}
    {% if recompute_from is not none -%}
    where
        {{ key_column }} in (select {{ key_column }} from {{ batch }})
        or {{ day_column }} >= {{ north_star_date_literal(recompute_from) }}
    {%- endif %};

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ batch }}
{%- endmacro %}
