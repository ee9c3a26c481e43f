{#- The consumer spans of learnings: the viewer spans of `viewer_spans` whose viewer is
    not the learning's owner (from `learnings`), as learning_id, consumer_user_id,
    span_start, span_end. Views of a learning that has no owner make no consumer. -#}
{% macro north_star_consumer_spans(viewer_spans, learnings) -%}
    select
        {{ viewer_spans }}.learning_id,
        {{ viewer_spans }}.viewer_user_id as consumer_user_id,
        {{ viewer_spans }}.span_start,
        {{ viewer_spans }}.span_end
    from {{ viewer_spans }}
    inner join {{ learnings }}
        on {{ viewer_spans }}.learning_id = {{ learnings }}.learning_id
    -- An owner viewing their own learning is not a consumer of it.
    where {{ viewer_spans }}.viewer_user_id != {{ learnings }}.owner_user_id
{%- endmacro %}
