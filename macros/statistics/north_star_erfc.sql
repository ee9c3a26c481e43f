{#- The complementary error function erfc(x) = 1 − erf(x) of a double expression, which
    DuckDB, PostgreSQL 15 and Spark 3.5 lack. `x` is repeated in the SQL: pass a column or
    a short expression.

    |x| < 1.5: 1 − erf(x), erf from its Maclaurin series (27 terms; below 1e-5 only the
    first, as the others are under 1e-16 of 1 − erf(x) and their powers could underflow,
    which PostgreSQL reports as an error);
    1.5 ≤ |x| < 26: e^(−x²) / √π over Laplace's continued fraction
    a + (1/2) / (a + (2/2) / (a + (3/2) / …)), a = |x|, cut after 80 levels and written as
    its convergent P(a) / Q(a): the recurrence P_k = a P_{k−1} + (k/2) P_{k−2} (Q alike)
    gives two polynomials with positive coefficients, computed here, summed without
    cancellation and without nesting 80 levels of parentheses (which SQL parsers refuse);
    |x| ≥ 26: 0 (or 2 for x ≤ −26; the true tail is below 1e-295), which also keeps
    e^(−x²) from underflowing (PostgreSQL raises an error on an underflow).
    Accuracy, measured against scipy.special.erfc on a grid of |x| ≤ 30
    (tests/experiments/test_statistical_functions.py, on every engine): relative error
    below 2e-14, so p-values keep about 13 significant digits down to 1e-295. Only +, −, ×,
    ÷, power and exp are used, so every engine computes the same digits; an adapter with a
    native erfc can dispatch to it. -#}
{% macro north_star_erfc(x) -%}
    {{ return(adapter.dispatch('north_star_erfc', 'north_star')(x)) }}
{%- endmacro %}

{% macro default__north_star_erfc(x) -%}
    {%- set series_terms = 26 -%}
    {%- set fraction_depth = 80 -%}
    {%- set value = 'cast(' ~ x ~ ' as ' ~ north_star_type_double() ~ ')' -%}
    {%- set magnitude = 'abs(' ~ value ~ ')' -%}
    {#- erf(x) = 2/√π · Σ (−1)^n x^(2n + 1) / (n! (2n + 1)). -#}
    {%- set factorial = namespace(value=1) -%}
    {%- set series = [] -%}
    {%- for n in range(series_terms + 1) -%}
        {%- if n > 0 -%}{%- set factorial.value = factorial.value * n -%}{%- endif -%}
        {%- do series.append('%.17e' | format((1 if n % 2 == 0 else -1) / (factorial.value * (2 * n + 1)))
            ~ ' * ' ~ value ~ ' * power(' ~ value ~ ' * ' ~ value ~ ', ' ~ n ~ ')') -%}
    {%- endfor -%}
    {#- The coefficients of P and Q, lowest power first: P_{−1} = 1, P_0 = a; Q_{−1} = 0, Q_0 = 1. -#}
    {%- set convergent = namespace(p_before=[1.0], p=[0.0, 1.0], q_before=[0.0], q=[1.0]) -%}
    {%- for k in range(1, fraction_depth + 1) -%}
        {%- set p_next = [] -%}
        {%- set q_next = [] -%}
        {%- for power in range(convergent.p | length + 1) -%}
            {%- do p_next.append((convergent.p[power - 1] if power > 0 else 0.0)
                + (convergent.p_before[power] * k / 2 if power < convergent.p_before | length else 0.0)) -%}
        {%- endfor -%}
        {%- for power in range(convergent.q | length + 1) -%}
            {%- do q_next.append((convergent.q[power - 1] if power > 0 else 0.0)
                + (convergent.q_before[power] * k / 2 if power < convergent.q_before | length else 0.0)) -%}
        {%- endfor -%}
        {%- set convergent.p_before = convergent.p -%}
        {%- set convergent.p = p_next -%}
        {%- set convergent.q_before = convergent.q -%}
        {%- set convergent.q = q_next -%}
    {%- endfor -%}
    {%- set polynomials = {} -%}
    {%- for name, coefficients in [('p', convergent.p), ('q', convergent.q)] -%}
        {%- set terms = [] -%}
        {%- for power in range(coefficients | length) if coefficients[power] != 0 -%}
            {%- do terms.append('%.17e' | format(coefficients[power]) ~ ' * power(' ~ magnitude ~ ', ' ~ power ~ ')') -%}
        {%- endfor -%}
        {%- do polynomials.update({name: terms | join('\n            + ')}) -%}
    {%- endfor -%}
    (case
        when {{ value }} is null then null
        when {{ magnitude }} < 1e-5
            then 1 - 1.12837916709551257e+00 * {{ value }}
        when {{ magnitude }} < 1.5
            then 1 - 1.12837916709551257e+00 * (
                {{ series | join('\n                + ') }}
            )
        when {{ magnitude }} >= 26
            then case when {{ value }} < 0 then 2 else 0 end
        else
            case when {{ value }} < 0 then 2 else 0 end
            + case when {{ value }} < 0 then -1 else 1 end
            * exp(-{{ magnitude }} * {{ magnitude }}) * (
                {{ polynomials['q'] }}
            ) / (1.77245385090551603e+00 * (
                {{ polynomials['p'] }}
            ))
    end)
{%- endmacro %}
