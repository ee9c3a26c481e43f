{#- Incremental strategy `north_star_replace_days`: delete every row from the first day the
    run recomputes on, then insert the batch. Unlike delete+insert on a key, days that the
    batch recomputes to have no rows are emptied too — also days before the batch's first
    row, such as a first broadcast that an ownership move took away. The classification
    itself (`north_star_replace_from_batch`) replaces from its batch's first day: it is
    what decides the recompute day. -#}
{% macro get_incremental_north_star_replace_days_sql(arg_dict) -%}
    {%- set day_column = config.get('north_star_day_column') -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set batch = arg_dict['temp_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    {%- set batch_first_day = '(select min(' ~ day_column ~ ') from ' ~ batch ~ ')' -%}
    {%- set recompute_from = none if config.get('north_star_replace_from_batch') else north_star_recompute_from_date() -%}
    delete from {{ target }}
    where {{ day_column }} >= {{ batch_first_day if recompute_from is none else north_star_date_literal(recompute_from) }};

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ batch }}
{%- endmacro %}
