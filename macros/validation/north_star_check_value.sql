{#- `value` checked against `rule` (an entry of north_star_var_rules) and returned in the
    form SQL may use: an int, a name, or none for an allowed null or blank. Anything else
    raises one compiler error naming `label`, the value and what is allowed, before a
    wrong number or a pasted string can reach a query. -#}
{% macro north_star_check_value(label, value, rule) -%}
    {%- set kind = rule['kind'] -%}
    {%- set blank = value is none or (value is string and value | trim == '') -%}
    {%- if blank and rule.get('nullable') -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if kind == 'integer' -%}
        {%- set allowed = 'an integer from ' ~ rule['min'] ~ ' to ' ~ rule['max']
            ~ (' or null' if rule.get('nullable') else '') -%}
        {#- Vars rendered from env_var() arrive as text; true and 7.0 are not day counts. -#}
        {%- if value is string and modules.re.fullmatch('\\s*[+-]?[0-9]{1,12}\\s*', value) -%}
            {%- set number = value | int -%}
        {%- elif value is number and value is not boolean and value is integer -%}
            {%- set number = value -%}
        {%- else -%}
            {%- set number = none -%}
        {%- endif -%}
        {%- if number is not none and rule['min'] <= number <= rule['max'] -%}
            {{ return(number) }}
        {%- endif -%}
    {%- elif kind == 'number' -%}
        {%- set allowed = 'a number from ' ~ rule['min'] ~ ' to ' ~ rule['max'] -%}
        {#- Decimal text too (env_var() gives text); rendered back as a plain float literal. -#}
        {%- if value is string and modules.re.fullmatch('\\s*[+-]?([0-9]{1,12}(\\.[0-9]{0,12})?|\\.[0-9]{1,12})\\s*', value) -%}
            {%- set number = value | float -%}
        {%- elif value is number and value is not boolean -%}
            {%- set number = value | float -%}
        {%- else -%}
            {%- set number = none -%}
        {%- endif -%}
        {%- if number is not none and rule['min'] <= number <= rule['max'] -%}
            {{ return(number) }}
        {%- endif -%}
    {%- elif kind == 'choice' -%}
        {%- set allowed = 'one of ' ~ rule['choices'] | join(', ') -%}
        {%- if value is string -%}
            {%- set choice = value | lower if rule.get('ignore_case') else value -%}
            {%- if choice in rule['choices'] -%}
                {{ return(choice) }}
            {%- endif -%}
        {%- endif -%}
    {%- elif kind == 'date' -%}
        {%- set allowed = 'a date written YYYY-MM-DD from ' ~ rule['min'] ~ ' to ' ~ rule['max'] -%}
        {#- YAML reads an unquoted 2000-01-01 as a date; --vars and env_var() give text. -#}
        {%- if value is string and modules.re.fullmatch('[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])', value) -%}
            {%- set month_start = modules.datetime.date(value[:4] | int, value[5:7] | int, 1) -%}
            {#- Past the month's end (02-30) the month changes: no exception to catch. -#}
            {%- set parsed = month_start + modules.datetime.timedelta(days=(value[8:] | int) - 1) -%}
            {%- set day = parsed if parsed.month == month_start.month else none -%}
        {%- elif value is not string and value.isoformat is defined and value.hour is not defined -%}
            {%- set day = value -%}
        {%- else -%}
            {%- set day = none -%}
        {%- endif -%}
        {%- if day is not none and rule['min'] <= day.isoformat() <= rule['max'] -%}
            {{ return(day) }}
        {%- endif -%}
    {%- elif kind == 'timezone' -%}
        {%- if value is string and value in modules.pytz.all_timezones_set -%}
            {{ return(value) }}
        {%- endif -%}
        {#- Spark resolves zone names case-sensitively: suggest the spelling, do not guess. -#}
        {%- set spelling = namespace(hint='') -%}
        {%- for zone in modules.pytz.all_timezones if value is string and zone | lower == value | trim | lower -%}
            {%- set spelling.hint = " (did you mean '" ~ zone ~ "'?)" -%}
        {%- endfor -%}
        {%- set allowed = 'a time zone name of the tz database, e.g. UTC or America/Los_Angeles' ~ spelling.hint -%}
    {%- elif kind == 'name' -%}
        {%- set allowed = rule['described'] ~ (' or null' if rule.get('nullable') else '') -%}
        {%- if value is string and modules.re.fullmatch(rule['pattern'], value) -%}
            {{ return(value) }}
        {%- endif -%}
    {%- elif kind == 'names' -%}
        {#- One name, or a non-empty list of names (several columns read in order). -#}
        {%- set allowed = rule['described'] ~ ', or a non-empty list of them' -%}
        {%- set names = [value] if value is string else value -%}
        {%- set checked = namespace(ok=names is iterable and names is not mapping and names | length > 0) -%}
        {%- for name in (names if checked.ok else []) -%}
            {%- if not (name is string and modules.re.fullmatch(rule['pattern'], name)) -%}
                {%- set checked.ok = false -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if checked.ok -%}
            {{ return(value) }}
        {%- endif -%}
    {%- elif kind == 'boolean' -%}
        {%- set allowed = 'true or false' -%}
        {%- if value is boolean -%}
            {{ return(value) }}
        {%- endif -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error("north_star_check_value: unknown rule kind '" ~ kind ~ "' for " ~ label) }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error(
        'Invalid ' ~ label ~ ': ' ~ ('null' if value is none else '%r' | format(value))
        ~ ' is not allowed; expected ' ~ allowed ~ '.'
    ) }}
{%- endmacro %}
