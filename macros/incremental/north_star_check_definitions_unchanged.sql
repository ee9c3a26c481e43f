{#- For the on-run-start hook, and again in int_events_classified's pre-hook (a `dbt
    build` loads a changed mapping seed after the hook): an incremental `run` or `build` whose
    definition vars or event mapping differ from those the stored tables were built with
    would mix two definitions (some tables recomputed, older days kept). Refuses it,
    naming each change; a full refresh rebuilds everything with the new values. What the
    last completed run did not record (added by a later version of the package), or what
    cannot be read now, is not compared. -#}
{% macro north_star_check_definitions_unchanged() -%}
    {%- if not execute or flags.FULL_REFRESH or flags.WHICH not in ('run', 'build') -%}
        {{ return('') }}
    {%- endif -%}
    {%- set completed = north_star_last_completed_run() -%}
    {%- if completed is none -%}
        {{ return('') }}
    {%- endif -%}
    {%- set current = north_star_definition_vars() -%}
    {%- set changes = [] -%}
    {#- A var the stored run did not record is newer than the tables: not a change. -#}
    {%- for name, value in current.items() if name in completed.definition_vars -%}
        {%- set stored = completed.definition_vars[name] -%}
        {%- if stored != value and not (name == 'event_mapping_contents' and (value is none or stored is none)) -%}
            {%- do changes.append(name ~ ': ' ~ stored ~ ' -> ' ~ value) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if changes -%}
        {{ exceptions.raise_compiler_error(
            "north_star: definitions changed since the stored tables were built ("
            ~ changes | join('; ') ~ "). Rebuild them with `dbt build --full-refresh` "
            ~ "(or set the vars back)."
        ) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}
