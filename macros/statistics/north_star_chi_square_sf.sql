{#- The upper tail 1 − F(x; k) of the chi-square distribution with an integer number of
    degrees of freedom `df` (1 to 50), computed directly rather than as 1 − CDF so small
    p-values keep their digits. Null for a null argument or `df` outside 1 to 50 (an
    experiment with more than 51 variants); 1 for x ≤ 0.

    Closed forms for integer k (no incomplete gamma function needed), h = x / 2:
    even k = 2m: e^(−h) Σ_{i=0}^{m−1} h^i / i!;
    odd k = 2m + 1: erfc(√h) + e^(−h) Σ_{i=1}^{m} h^(i − 1/2) / Γ(i + 1/2).
    Each term is computed as one exp of a logarithm, ln Γ taken from a literal, so no
    power overflows; exponents are clipped at −700, where PostgreSQL's exp would raise
    an underflow error (a term is then 1e-304 instead of smaller). Accuracy, measured
    against scipy.stats.chi2.sf for k = 1 … 50 on every engine
    (tests/experiments/test_statistical_functions.py): relative error below 1e-12 where
    the tail exceeds 1e-250, absolute error below 1e-290 under it. `x` and `df` are
    repeated in the SQL: pass columns. -#}
{% macro north_star_chi_square_sf(x, df) -%}
    {{ return(adapter.dispatch('north_star_chi_square_sf', 'north_star')(x, df)) }}
{%- endmacro %}

{% macro default__north_star_chi_square_sf(x, df) -%}
    {%- set max_df = 50 -%}
    {%- set value = 'cast(' ~ x ~ ' as ' ~ north_star_type_double() ~ ')' -%}
    {%- set half = '(' ~ value ~ ' / 2)' -%}
    {#- i! for the even terms, Γ(i + 1/2) = (2i)! √π / (4^i i!) for the odd ones. -#}
    {%- set factorial = namespace(value=1) -%}
    {%- set even_terms = [] -%}
    {%- set odd_terms = [] -%}
    {%- for i in range(max_df // 2 + 1) -%}
        {%- if i > 0 -%}{%- set factorial.value = factorial.value * i -%}{%- endif -%}
        {%- do even_terms.append(
            'case when ' ~ (2 * i) ~ ' < ' ~ df ~ ' then exp(greatest('
            ~ i ~ ' * ln(' ~ half ~ ') - ' ~ half ~ ' - ln(' ~ '%.17e' | format(factorial.value) ~ '), -700)) else 0 end'
        ) -%}
        {%- if i > 0 -%}
            {%- set twice_i_factorial = namespace(value=1) -%}
            {%- for j in range(1, 2 * i + 1) -%}{%- set twice_i_factorial.value = twice_i_factorial.value * j -%}{%- endfor -%}
            {%- set gamma_over_root_pi = twice_i_factorial.value / (4 ** i * factorial.value) -%}
            {%- do odd_terms.append(
                'case when ' ~ (2 * i - 1) ~ ' < ' ~ df ~ ' then exp(greatest('
                ~ '%.17e' | format(i - 0.5) ~ ' * ln(' ~ half ~ ') - ' ~ half
                ~ ' - ln(' ~ '%.17e' | format(gamma_over_root_pi) ~ ') - 5.72364942924700087e-01, -700)) else 0 end'
            ) -%}
        {%- endif -%}
    {%- endfor -%}
    (case
        when {{ value }} is null or {{ df }} is null or {{ df }} < 1 or {{ df }} > {{ max_df }} then null
        when {{ value }} <= 0 then 1
        when {{ df }} % 2 = 0 then
            {{ even_terms | join('\n            + ') }}
        else
            {{ north_star_erfc('sqrt(' ~ half ~ ')') }}
            + {{ odd_terms | join('\n            + ') }}
    end)
{%- endmacro %}
