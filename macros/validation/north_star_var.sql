{#- The value of a north_star_* var, checked against its rule (north_star_var_rules): an
    int for numbers, a checked name or choice for text, none for an allowed null. Every
    model and macro reads the vars through here, so each value is checked where it is
    used, unit-test overrides included. Calls are qualified (north_star.…) because the
    generic tests call this from nodes of the project that installs north_star, where the
    package's macros are reachable only through its namespace. -#}
{% macro north_star_var(name) -%}
    {%- set rules = north_star.north_star_var_rules() -%}
    {%- if name not in rules -%}
        {{ exceptions.raise_compiler_error("north_star_var: no rule for the var '" ~ name ~ "'") }}
    {%- endif -%}
    {{ return(north_star.north_star_check_value(name, var(name), rules[name])) }}
{%- endmacro %}
