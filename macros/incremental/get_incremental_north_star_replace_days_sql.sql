{#- Incremental strategy `north_star_replace_days`: delete every row from the first day of
    the new batch on, then insert the batch. Unlike delete+insert on a key, days that the
    batch recomputes to have no rows are emptied too. -#}
{% macro get_incremental_north_star_replace_days_sql(arg_dict) -%}
    {%- set day_column = config.get('north_star_day_column') -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set batch = arg_dict['temp_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target }}
    where {{ day_column }} >= (select min({{ day_column }}) from {{ batch }});

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ batch }}
{%- endmacro %}
