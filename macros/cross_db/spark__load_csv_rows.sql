{#- Seeds on Spark: rows are written as SQL literals instead of query bindings.

    dbt-spark's `session` method substitutes bindings as quoted text, so an empty CSV
    cell arrives as the string 'None' instead of null (dbt-labs/dbt-adapters#487, open)
    and a quote inside a value breaks the statement. This override of dbt's
    load_csv_rows (dispatched on the adapter, root project first) renders null as null
    and escapes quotes and backslashes; values are text literals, cast to the column's
    type once per column in a select over the inline table, which Spark analyses much
    faster than a cast per cell. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set batch_size = get_batch_size() -%}
    {%- set column_override = model['config'].get('column_types', {}) -%}
    {%- set column_types = [] -%}
    {%- for column_name in agate_table.column_names -%}
        {%- do column_types.append(
            column_override.get(column_name, adapter.convert_type(agate_table, loop.index0))
        ) -%}
    {%- endfor -%}

    {%- set statements = [] -%}
    {%- for chunk in agate_table.rows | batch(batch_size) -%}
        {%- set sql -%}
            insert into {{ this.render() }}
            select
            {%- for column_type in column_types %}
                cast(seed_column_{{ loop.index0 }} as {{ column_type }}){{ ',' if not loop.last }}
            {%- endfor %}
            from values
            {% for row in chunk -%}
                (
                {%- for value in row -%}
                    {%- if value is none -%}
                        null
                    {%- else -%}
                        {%- set text = value | string
                            if value is not sameas true and value is not sameas false
                            else (value | string | lower) -%}
                        '{{ text | replace("\\", "\\\\") | replace("'", "\\'") }}'
                    {%- endif -%}
                    {{- ', ' if not loop.last -}}
                {%- endfor -%}
                ){{ ',' if not loop.last }}
            {% endfor -%}
            as seed_rows (
            {%- for column_type in column_types -%}
                seed_column_{{ loop.index0 }}{{ ', ' if not loop.last }}
            {%- endfor -%}
            )
        {%- endset -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor -%}

    {{ return(statements[0] if statements else '') }}
{% endmacro %}
