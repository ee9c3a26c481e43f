{#- The epoch in microseconds, as an expression over `number` (an epoch in `unit`); see
    north_star_epoch_to_timestamp. Plain arithmetic, the same on every engine. -#}
{% macro north_star_epoch_microseconds(number, unit) -%}
    {%- if unit == 'seconds' -%}
        ({{ number }} * 1000000)
    {%- elif unit == 'milliseconds' -%}
        ({{ number }} * 1000)
    {%- else -%}
        (case when abs({{ number }}) >= 100000000000 then {{ number }} * 1000 else {{ number }} * 1000000 end)
    {%- endif -%}
{%- endmacro %}
