{#- The columns of a Snowplow events table (`column_types`, from north_star_column_types)
    that can hold the context entity `entity` (Iglu `vendor/name`, e.g.
    com.acme/organization), as its loader lands entities
    (https://docs.snowplow.io/docs/api-reference/loaders-storage-targets/schemas-in-warehouse/):
    first the per-entity columns of Snowflake, BigQuery and Databricks,
    `contexts_<vendor>_<name>_<major>` (BigQuery's 1.x loader writes the full version),
    newest major version first; then `contexts`, the enriched event's JSON of every entity,
    as enriched TSV files hold it. The loaders lowercase the name and turn its symbols into
    `_`; a camelCase name is also matched snake_cased. Empty while parsing. -#}
{% macro north_star_snowplow_context_entity_columns(entity, column_types) -%}
    {%- set prefixes = [] -%}
    {%- for spelling in [entity, modules.re.sub('([a-z0-9])([A-Z])', '\\1_\\2', entity)] -%}
        {%- do prefixes.append('contexts_' ~ modules.re.sub('[^a-z0-9]', '_', spelling | lower) ~ '_') -%}
    {%- endfor -%}
    {%- set versions = [] -%}
    {%- for column in column_types -%}
        {%- for prefix in prefixes | unique -%}
            {%- set match = modules.re.fullmatch(modules.re.escape(prefix) ~ '([0-9]+)(_[0-9]+_[0-9]+)?', column) -%}
            {%- if match -%}
                {%- do versions.append((match.group(1) | int, column)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set columns = versions | sort(reverse=true) | map(attribute='1') | list -%}
    {%- if 'contexts' in column_types -%}
        {%- do columns.append('contexts') -%}
    {%- endif -%}
    {{ return(columns) }}
{%- endmacro %}
