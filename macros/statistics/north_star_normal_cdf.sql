{#- The standard normal distribution function Φ(x) = erfc(−x / √2) / 2 of a double
    expression (DuckDB, PostgreSQL 15 and Spark 3.5 have none). Through erfc rather than
    1 + erf, so the lower tail keeps its relative accuracy: Φ(−10) ≈ 7.6e-24 has 13
    correct digits. Accuracy is erfc's (north_star_erfc): relative error below 2e-14,
    measured against scipy.stats.norm.cdf on every engine. `x` is repeated in the SQL. -#}
{% macro north_star_normal_cdf(x) -%}
    {{ return(adapter.dispatch('north_star_normal_cdf', 'north_star')(x)) }}
{%- endmacro %}

{% macro default__north_star_normal_cdf(x) -%}
    (0.5 * {{ north_star_erfc('-(' ~ x ~ ') * 7.07106781186547524e-01') }})
{%- endmacro %}
