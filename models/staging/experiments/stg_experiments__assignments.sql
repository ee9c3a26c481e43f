{% if north_star_demo_assignments_in_use() %}
-- depends_on: {{ ref('north_star_demo_experiment_assignments') }}
{% endif %}
{#- Variants and unit ids are read as text whatever their type (GrowthBook numbers its
    variations 0, 1, …), so they compare with the experiments seed's control_variant. -#}
{%- set source_relation = north_star_experiment_assignments_relation() -%}
{%- set raw_columns = north_star_column_types(source_relation) if source_relation is not none else {} -%}
{%- set required_columns = ['experiment_id', 'variant', 'unit_id', 'assigned_at'] -%}
{%- for column in required_columns if raw_columns and column not in raw_columns -%}
    {{ exceptions.raise_compiler_error(
        "north_star: the experiment assignments table " ~ source_relation ~ " has no column '" ~ column
        ~ "'. It needs " ~ required_columns | join(', ') ~ " (rename your export's columns in a view)."
    ) }}
{%- endfor -%}
{%- set assigned_at_type = raw_columns.get('assigned_at') -%}
{%- set is_time_parsed = assigned_at_type not in ('timestamp', 'timestamp without time zone') -%}

with

source as (

    {% if source_relation is none -%}
        select
            cast(null as {{ dbt.type_string() }}) as experiment_id,
            cast(null as {{ dbt.type_string() }}) as variant,
            cast(null as {{ dbt.type_string() }}) as unit_id,
            cast(null as {{ dbt.type_timestamp() }}) as assigned_at
        where 1 = 0
    {%- else -%}
        select * from {{ source_relation }}
    {%- endif %}

),

renamed as (

    select
        {{ north_star_clean_text('experiment_id') }} as experiment_id,
        {{ north_star_clean_text('variant') }} as variant,
        {{ north_star_clean_text('unit_id') }} as unit_id,
        {% if is_time_parsed -%}
            {{ north_star_clean_text('assigned_at') }} is not null as has_assigned_at,
        {% endif -%}
        {{ north_star_event_time_to_utc('assigned_at', assigned_at_type) }} as assigned_at
    from source

),

final as (

    select
        experiment_id,
        variant,
        unit_id,
        assigned_at,
        cast(
            {% if is_time_parsed -%}
                case when has_assigned_at and assigned_at is null then 'unparseable_assigned_at' end
            {%- else -%}
                null
            {%- endif %}
            as {{ dbt.type_string() }}
        ) as source_invalid_reason
    from renamed

)

select * from final
