{#- One text key for an organization and a user: the organization's length first, so no
    two pairs share a key whatever characters the ids hold. -#}
{% macro north_star_organization_user_key(organization_column, user_column) -%}
    {{ dbt.concat([
        'cast(length(' ~ organization_column ~ ') as ' ~ north_star_type_text() ~ ')',
        "':'",
        organization_column,
        "':'",
        user_column,
    ]) }}
{%- endmacro %}
