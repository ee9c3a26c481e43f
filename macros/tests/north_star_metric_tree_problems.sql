{#- The problems of a metric tree's rows, one text each naming the row: unknown metric
    names, duplicates, relationships and directions outside their choices, no or several
    North Stars, a North Star with a parent, orphans (a parent that is not in the tree, or
    no parent) and cycles. `rows` are (metric_name, parent_metric_name, relationship,
    target_direction) tuples. Checked in Jinja because the tree is a handful of rows and
    a cycle is a walk up the parents, which SQL engines spell differently. -#}
{% macro north_star_metric_tree_problems(rows, known_metrics) -%}
    {%- set problems = [] -%}
    {%- set parents = {} -%}
    {%- set north_stars = [] -%}
    {%- for metric, parent, relationship, direction in rows -%}
        {%- set row = "metric tree row '" ~ metric ~ "'" -%}
        {%- if metric not in known_metrics -%}
            {%- do problems.append(row ~ ": unknown metric name (known: " ~ known_metrics | join(', ') ~ ")") -%}
        {%- endif -%}
        {%- if metric in parents -%}
            {%- do problems.append(row ~ ": the metric appears more than once") -%}
        {%- endif -%}
        {%- do parents.update({metric: parent}) -%}
        {%- if relationship not in ('north_star', 'input', 'guardrail') -%}
            {%- do problems.append(row ~ ": relationship '" ~ relationship ~ "' is not north_star, input or guardrail") -%}
        {%- endif -%}
        {%- if direction not in ('increase', 'decrease') -%}
            {%- do problems.append(row ~ ": target_direction '" ~ direction ~ "' is not increase or decrease") -%}
        {%- endif -%}
        {%- if relationship == 'north_star' -%}
            {%- do north_stars.append(metric) -%}
            {%- if parent is not none -%}
                {%- do problems.append(row ~ ": the North Star has a parent ('" ~ parent ~ "')") -%}
            {%- endif -%}
        {%- elif parent is none -%}
            {%- do problems.append(row ~ ": orphan, a " ~ relationship ~ " without a parent") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if north_stars | length == 0 -%}
        {%- do problems.append("metric tree: no row has relationship north_star") -%}
    {%- elif north_stars | length > 1 -%}
        {%- for metric in north_stars -%}
            {%- do problems.append("metric tree row '" ~ metric ~ "': one of several North Stars (" ~ north_stars | join(', ') ~ ")") -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for metric, parent, relationship, direction in rows -%}
        {%- set walk = namespace(node=parent, seen=[metric], stop=false) -%}
        {%- for _ in rows if not walk.stop and walk.node is not none -%}
            {%- if walk.node not in parents -%}
                {%- if walk.node == parent -%}
                    {%- do problems.append("metric tree row '" ~ metric ~ "': orphan, its parent '" ~ parent ~ "' is not in the tree") -%}
                {%- endif -%}
                {%- set walk.stop = true -%}
            {%- elif walk.node in walk.seen -%}
                {%- do problems.append("metric tree row '" ~ metric ~ "': in a cycle (" ~ (walk.seen + [walk.node]) | join(' -> ') ~ ")") -%}
                {%- set walk.stop = true -%}
            {%- else -%}
                {%- do walk.seen.append(walk.node) -%}
                {%- set walk.node = parents[walk.node] -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(problems) }}
{%- endmacro %}
