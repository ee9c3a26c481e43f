{#- What each north_star_* var may hold, checked by north_star_check_value.

    Day counts stop at 366 (a leap year): no definition needs a longer window, and every
    date the models derive from them stays far inside the engines' date range. Counts stop
    at the largest 32-bit integer, so every engine reads the literal as an integer; there
    is no definitional maximum. Names that reach SQL unquoted (a column) or as a relation
    name are plain identifiers; a database may also hold '-', as BigQuery projects and
    DuckDB file names do. JSON property names may hold anything but quotes, backslashes
    and control characters, which the engines' JSON paths do not escape alike. Anomaly
    detection needs at least four training weeks (fewer could never give a z-score, and
    alerts would silently never fire) and at most a year of them. The experiments'
    significance level stops at 0.5 (a two-sided test at a higher level would call noise
    significant more often than not) and starts at 1e-6. -#}
{% macro north_star_var_rules() -%}
    {%- set identifier = {
        'kind': 'name',
        'pattern': '[A-Za-z_][A-Za-z0-9_$]{0,254}',
        'described': 'an identifier (a letter or _, then letters, digits, _ or $; at most 255 characters)',
    } -%}
    {%- set optional_identifier = dict(identifier, nullable=true) -%}
    {%- set property = {
        'kind': 'name',
        'pattern': '[^\'"\\\\\\x00-\\x1f\\x7f]{1,255}',
        'described': 'a property name of 1 to 255 characters without quotes, backslashes or control characters',
    } -%}
    {%- set count_max = 2147483647 -%}
    {{ return({
        'north_star_events_database': {
            'kind': 'name',
            'pattern': '[A-Za-z_][A-Za-z0-9_$-]{0,254}',
            'described': 'a database name (a letter or _, then letters, digits, _, $ or -; at most 255 characters)',
            'nullable': true,
        },
        'north_star_events_schema': optional_identifier,
        'north_star_events_table': identifier,
        'north_star_source_format': {
            'kind': 'choice',
            'choices': ['generic', 'amplitude', 'segment', 'posthog', 'mixpanel', 'snowplow'],
        },
        'north_star_event_mapping': identifier,
        'north_star_timezone': {'kind': 'timezone'},
        'north_star_window_days': {'kind': 'integer', 'min': 1, 'max': 366},
        'north_star_min_consumers': {'kind': 'integer', 'min': 1, 'max': count_max},
        'north_star_activation_threshold': {'kind': 'integer', 'min': 0, 'max': count_max},
        'north_star_week_start': {
            'kind': 'choice',
            'choices': ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
            'ignore_case': true,
        },
        'north_star_replay_window_days': {'kind': 'integer', 'min': 0, 'max': 366},
        'north_star_lookback_days': {'kind': 'integer', 'min': 1, 'max': 366, 'nullable': true},
        'north_star_max_future_hours': {'kind': 'integer', 'min': 0, 'max': 8784, 'nullable': true},
        'north_star_min_event_date': {'kind': 'date', 'min': '1900-01-01', 'max': '2999-12-31'},
        'north_star_learning_id_property': property,
        'north_star_learning_type_property': property,
        'north_star_organization_group_type': property,
        'north_star_organization_property': property,
        'north_star_segment_groups_table': optional_identifier,
        'north_star_segment_organization_column': optional_identifier,
        'north_star_mixpanel_project_timezone': {'kind': 'timezone'},
        'north_star_segment_pages_table': optional_identifier,
        'north_star_segment_screens_table': optional_identifier,
        'north_star_snowplow_unstruct_event_column': dict(identifier, kind='names'),
        'north_star_snowplow_context_entity': {
            'kind': 'name',
            'pattern': '[A-Za-z0-9][A-Za-z0-9_.-]{0,254}/[A-Za-z0-9][A-Za-z0-9_-]{0,254}',
            'described': 'an Iglu schema vendor and name, e.g. com.acme/organization',
            'nullable': true,
        },
        'north_star_snowplow_context_organization_property': property,
        'north_star_snowplow_structured_organization_column': optional_identifier,
        'north_star_snowplow_structured_learning_id_column': optional_identifier,
        'north_star_snowplow_structured_learning_type_column': optional_identifier,
        'north_star_metric_tree': identifier,
        'north_star_anomaly_training_weeks': {'kind': 'integer', 'min': 4, 'max': 52},
        'north_star_anomaly_z_threshold': {'kind': 'number', 'min': 0.5, 'max': 100},
        'north_star_anomaly_min_change': {'kind': 'number', 'min': 0, 'max': 100},
        'north_star_alert_severity': {'kind': 'choice', 'choices': ['warn', 'error'], 'ignore_case': true},
        'north_star_experiment_assignments_database': {
            'kind': 'name',
            'pattern': '[A-Za-z_][A-Za-z0-9_$-]{0,254}',
            'described': 'a database name (a letter or _, then letters, digits, _, $ or -; at most 255 characters)',
            'nullable': true,
        },
        'north_star_experiment_assignments_schema': optional_identifier,
        'north_star_experiment_assignments_table': identifier,
        'north_star_experiments': identifier,
        'north_star_experiment_alpha': {'kind': 'number', 'min': 0.000001, 'max': 0.5},
        'north_star_recency_warn_after_days': {'kind': 'integer', 'min': 1, 'max': 366, 'nullable': true},
        'north_star_package_tests': {'kind': 'boolean'},
        'north_star_semantic_layer': {'kind': 'boolean'},
        'north_star_time_spine': {'kind': 'boolean'},
        'north_star_spark_day_partitions': {'kind': 'boolean'},
    }) }}
{%- endmacro %}
