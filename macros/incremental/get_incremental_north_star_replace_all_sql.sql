{#- Incremental strategy `north_star_replace_all`: the batch is the model's whole new
    state (its previous rows folded with the new days), so it replaces every row. -#}
{% macro get_incremental_north_star_replace_all_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target }};

    insert into {{ target }} ({{ columns }})
    select {{ columns }}
    from {{ arg_dict['temp_relation'] }}
{%- endmacro %}
