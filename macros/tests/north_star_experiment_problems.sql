{#- The problems of the experiments' rows, one text each naming the row (by its
    experiment_id, else its position): a missing or repeated experiment_id, a unit_type
    other than user or organization, a missing control_variant, a horizon_days that is not
    blank or a whole number of days from 1 to 366, a target_metric_name missing or not in
    the metric tree, and activated_organizations as the target of a user experiment
    (activation is an organization's; randomize organizations). `rows` are
    (experiment_id, unit_type, control_variant, horizon_days, target_metric_name) tuples as
    the warehouse returns them. -#}
{% macro north_star_experiment_problems(rows, tree_metrics) -%}
    {%- set problems = [] -%}
    {%- set seen = [] -%}
    {%- for experiment_id, unit_type, control_variant, horizon_days, target in rows -%}
        {%- set name = (experiment_id | string | trim) if experiment_id is not none else '' -%}
        {%- set row = "experiments row '" ~ name ~ "'" if name else 'experiments row ' ~ loop.index -%}
        {%- if not name -%}
            {%- do problems.append(row ~ ": missing experiment_id") -%}
        {%- elif name in seen -%}
            {%- do problems.append(row ~ ": the experiment_id appears more than once") -%}
        {%- endif -%}
        {%- do seen.append(name) -%}
        {%- set kind = (unit_type | string | trim | lower) if unit_type is not none else '' -%}
        {%- if kind not in ('user', 'organization') -%}
            {%- do problems.append(row ~ ": unit_type '" ~ (unit_type or '') ~ "' is not user or organization") -%}
        {%- endif -%}
        {%- if control_variant is none or control_variant | string | trim == '' -%}
            {%- do problems.append(row ~ ": missing control_variant") -%}
        {%- endif -%}
        {%- set horizon = (horizon_days | string | trim) if horizon_days is not none else '' -%}
        {%- if horizon and not (modules.re.fullmatch('[0-9]{1,3}', horizon) and 1 <= horizon | int <= 366) -%}
            {%- do problems.append(row ~ ": horizon_days '" ~ horizon ~ "' is not a whole number of days from 1 to 366 (blank: "
                ~ north_star.north_star_default_horizon_days() ~ ")") -%}
        {%- endif -%}
        {%- set metric = (target | string | trim) if target is not none else '' -%}
        {%- if not metric -%}
            {%- do problems.append(row ~ ": missing target_metric_name") -%}
        {%- elif metric not in tree_metrics -%}
            {%- do problems.append(row ~ ": target_metric_name '" ~ metric ~ "' is not a metric of the tree ("
                ~ tree_metrics | join(', ') ~ ")") -%}
        {%- elif metric == 'activated_organizations' and kind == 'user' -%}
            {%- do problems.append(row ~ ": activated_organizations has no per-user outcome; randomize organizations") -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(problems) }}
{%- endmacro %}
