{#- The value at a path of a JSON text, as text; null when the path is absent, the value
    is JSON null, or the JSON is malformed (never an error).

    path: one key, or a list of keys and array indexes, e.g. ['$groups', 'org_id'] or
    ['org_id', 0]. Keys are quoted for each engine, so they may hold '$', spaces or dots.
    Objects and arrays come back as their JSON text. -#}
{% macro north_star_json_extract_text(json_text, path) -%}
    {%- set steps = [path] if path is string or path is number else path -%}
    {{ return(adapter.dispatch('north_star_json_extract_text', 'north_star')(json_text, steps)) }}
{%- endmacro %}

{#- Postgres: the #>> operator with a text-array path. -#}
{% macro default__north_star_json_extract_text(json_text, steps) -%}
    {%- set elements = [] -%}
    {%- for step in steps -%}
        {%- if step is number -%}
            {%- do elements.append(step | string) -%}
        {%- else -%}
            {%- do elements.append('"' ~ (step | string | replace('\\', '\\\\') | replace('"', '\\"')) ~ '"') -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set text_array = '{' ~ (elements | join(',')) ~ '}' -%}
    (case
        when {{ north_star_json_is_valid(json_text) }}
            then cast(cast({{ json_text }} as text) as jsonb) #>> {{ north_star_string_literal(text_array) }}
    end)
{%- endmacro %}

{% macro duckdb__north_star_json_extract_text(json_text, steps) -%}
    {%- set json_path = namespace(text='$') -%}
    {%- for step in steps -%}
        {%- if step is number -%}
            {%- set json_path.text = json_path.text ~ '[' ~ step ~ ']' -%}
        {%- else -%}
            {%- set json_path.text = json_path.text ~ '."' ~ (step | string | replace('"', '\\"')) ~ '"' -%}
        {%- endif -%}
    {%- endfor -%}
    (case
        when json_valid({{ json_text }})
            then json_extract_string({{ json_text }}, {{ north_star_string_literal(json_path.text) }})
    end)
{%- endmacro %}

{#- Spark: get_json_object already returns null for malformed JSON. Keys other than
    letters, digits and underscores use the bracket notation. -#}
{% macro spark__north_star_json_extract_text(json_text, steps) -%}
    {%- set json_path = namespace(text='$') -%}
    {%- for step in steps -%}
        {%- if step is number -%}
            {%- set json_path.text = json_path.text ~ '[' ~ step ~ ']' -%}
        {%- elif modules.re.match('^[A-Za-z0-9_]+$', step | string) -%}
            {%- set json_path.text = json_path.text ~ '.' ~ step -%}
        {%- elif "'" not in step | string -%}
            {%- set json_path.text = json_path.text ~ "['" ~ step ~ "']" -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("north_star_json_extract_text: JSON keys with a single quote are not supported on Spark: " ~ step) }}
        {%- endif -%}
    {%- endfor -%}
    get_json_object({{ json_text }}, {{ north_star_string_literal(json_path.text) }})
{%- endmacro %}
