"""The scenario landed as each tool lands it, plus each tool's bad rows.

Each `land_<format>(con, schema)` creates the tool's table(s) in `schema` of an open DuckDB
connection, shaped like the tool's documented export (see docs/source_formats.md), with
its quirks: JSON held as text, epoch seconds, nested group objects, anonymous users,
replays, zone offsets. It returns a `Landing`: the events table name, the dbt vars the
format needs, and the rows that must be quarantined (event_id -> rejection_reason).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sources_scenario import BY_KEY, EVENTS, REPLAYED, generic_rows, vendor_name

UTC = timezone.utc

# Every var the source formats read, at the defaults proposed for dbt_project.yml.
DEFAULT_FORMAT_VARS = {
    "north_star_learning_id_property": "learning_id",
    "north_star_learning_type_property": "learning_type",
    "north_star_organization_group_type": "org_id",
    "north_star_organization_property": "org_id",
    "north_star_segment_groups_table": "groups",
    "north_star_segment_organization_column": "context_group_id",
    "north_star_segment_pages_table": "pages",
    "north_star_segment_screens_table": "screens",
    "north_star_mixpanel_project_timezone": "UTC",
    "north_star_snowplow_unstruct_event_column": "unstruct_event",
    "north_star_snowplow_context_entity": None,
    "north_star_snowplow_context_organization_property": "org_id",
    "north_star_snowplow_structured_organization_column": "se_property",
    "north_star_snowplow_structured_learning_id_column": "se_label",
    "north_star_snowplow_structured_learning_type_column": "se_category",
}


@dataclass
class Landing:
    table: str
    dbt_vars: dict = field(default_factory=dict)
    quarantined: dict = field(default_factory=dict)   # event_id -> rejection_reason
    replays: int = len(REPLAYED)


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "north_star/" + "/".join(parts)))


def _json(value) -> str:
    return json.dumps(value, separators=(",", ":"))


def _create(con, schema: str, table: str, columns: list[tuple[str, str]], rows: list[tuple]) -> None:
    con.execute(f'create schema if not exists "{schema}"')
    column_sql = ", ".join(f'"{name}" {sql_type}' for name, sql_type in columns)
    con.execute(f'create or replace table "{schema}"."{table}" ({column_sql})')
    if rows:
        placeholders = ", ".join("?" for _ in columns)
        con.executemany(f'insert into "{schema}"."{table}" values ({placeholders})', rows)


def _delivery():
    """The scenario events in delivery order, each replay right after its original."""
    for event in EVENTS:
        yield event, False
        if event.key in REPLAYED:
            yield event, True


# --------------------------------------------------------------------------------------
# generic
# --------------------------------------------------------------------------------------

def land_generic(con, schema: str) -> Landing:
    columns = [("event_id", "varchar"), ("event_time", "timestamp"), ("user_id", "varchar"),
               ("org_id", "varchar"), ("event_name", "varchar"), ("learning_id", "varchar"),
               ("learning_type", "varchar")]
    _create(con, schema, "generic_events", columns, generic_rows())
    return Landing("generic_events")


# --------------------------------------------------------------------------------------
# Amplitude: Export API lines loaded one column per key; JSON objects kept as text.
# --------------------------------------------------------------------------------------

AMPLITUDE_COLUMNS = [
    ("uuid", "varchar"), ("$insert_id", "varchar"), ("event_type", "varchar"),
    ("user_id", "varchar"), ("device_id", "varchar"), ("amplitude_id", "bigint"),
    ("event_time", "varchar"), ("server_upload_time", "varchar"), ("event_properties", "varchar"),
    ("user_properties", "varchar"), ("groups", "varchar"), ("platform", "varchar"),
]


def _amplitude_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")   # UTC, no zone, as the export writes it


def land_amplitude(con, schema: str) -> Landing:
    rows = []
    for event, is_replay in _delivery():
        index = int(event.key[1:])
        # Every fourth sender leaves insert_id out; its replay is the same export loaded twice.
        insert_id = None if index % 4 == 2 else f"ins-{event.key}"
        if is_replay and insert_id is not None:
            event_uuid = _uuid("amplitude", event.key, "replay")   # re-sent after the 7-day window
            uploaded = event.at + timedelta(days=9)
        else:
            event_uuid = _uuid("amplitude", event.key)
            uploaded = event.at + timedelta(seconds=3)
        properties = {"source": "web", "plan": "team"}
        if event.is_learning_event:
            properties.update(learning_id=event.learning_id, learning_type=event.learning_type)
        # Groups: a plain group name, or a list of names (users in several groups), with
        # other group types beside the organization.
        if index % 3 == 0:
            groups = {"org_id": [event.org], "team": ["analytics"]}
        else:
            groups = {"org_id": event.org, "workspace": "main"}
        rows.append((event_uuid, insert_id, vendor_name(event.name, "title"), event.user,
                     f"dev-{event.user}", 1000 + index, _amplitude_time(event.at),
                     _amplitude_time(uploaded), _json(properties), _json({"role": "analyst"}),
                     _json(groups), "Web"))

    at = _amplitude_time(datetime(2024, 3, 8, 12, 0, 0))
    good_groups = _json({"org_id": "org_acme"})
    learning = _json({"learning_id": "L_dash_revenue", "learning_type": "dashboard"})
    bad = {
        "bad-amp-properties": ("u_alice", "dev-u_alice", at, '{"learning_id": "L_dash_revenue", ', good_groups,
                               "malformed_json"),
        "bad-amp-groups": ("u_alice", "dev-u_alice", at, learning, '{"org_id": "org_acme"', "malformed_json"),
        "bad-amp-no-group": ("u_amara", "dev-u_amara", at, learning, _json({"workspace": "main"}),
                             "missing_organization"),
        "bad-amp-time": ("u_amara", "dev-u_amara", "08/03/2024 noon", learning, good_groups,
                         "unparseable_event_time"),
        "bad-amp-anonymous": (None, "dev-anonymous-7", at, learning, good_groups, "anonymous_user"),
    }
    for insert_id, (user, device, event_time, properties, groups, _) in bad.items():
        rows.append((_uuid("amplitude", insert_id), insert_id, "Dashboard Viewed", user, device, 9999,
                     event_time, event_time, properties, "{}", groups, "Web"))
    _create(con, schema, "amplitude_events", AMPLITUDE_COLUMNS, rows)
    return Landing("amplitude_events", quarantined={key: value[-1] for key, value in bad.items()})


# --------------------------------------------------------------------------------------
# Segment: warehouse tables tracks, groups and one table per event (properties as columns).
# --------------------------------------------------------------------------------------

SEGMENT_COMMON = [
    ("id", "varchar"), ("anonymous_id", "varchar"), ("user_id", "varchar"), ("event", "varchar"),
    ("event_text", "varchar"), ("timestamp", "timestamptz"), ("original_timestamp", "timestamptz"),
    ("sent_at", "timestamptz"), ("received_at", "timestamptz"), ("context_library_name", "varchar"),
    ("context_group_id", "varchar"), ("uuid_ts", "timestamptz"),
]

# Page and screen calls have their own tables. No page call sent context.groupId, so
# `pages` has no context_group_id column (Segment adds a column once a value arrives).
SEGMENT_PAGES = [
    ("id", "varchar"), ("anonymous_id", "varchar"), ("user_id", "varchar"), ("name", "varchar"),
    ("path", "varchar"), ("url", "varchar"), ("title", "varchar"), ("timestamp", "timestamptz"),
    ("original_timestamp", "timestamptz"), ("sent_at", "timestamptz"), ("received_at", "timestamptz"),
    ("context_library_name", "varchar"), ("uuid_ts", "timestamptz"),
]
SEGMENT_SCREENS = [
    ("id", "varchar"), ("anonymous_id", "varchar"), ("user_id", "varchar"), ("name", "varchar"),
    ("timestamp", "timestamptz"), ("original_timestamp", "timestamptz"), ("sent_at", "timestamptz"),
    ("received_at", "timestamptz"), ("context_app_name", "varchar"), ("context_group_id", "varchar"),
    ("uuid_ts", "timestamptz"),
]
# Scenario activity sent as page / screen calls instead of track calls. Sam's only activity
# in week 1 is a page view (organization from his group call), so he is a weekly active
# user only when pages are read; Bo's screen view carries context.groupId. Sam's page call
# is also replayed.
SEGMENT_VIEW_CALLS = {"e12": "page", "e30": "screen"}
SEGMENT_REPLAYED_PAGE = "e12"

# group calls: (user, group, when). Beta users send context.groupId with every call instead.
SEGMENT_GROUP_CALLS = [
    ("u_alice", "org_acme", "2024-03-04 08:00:00"),
    ("u_alice", "org_acme", "2024-03-11 08:00:00"),
    ("u_amara", "org_acme", "2024-03-04 08:00:00"),
    ("u_ana", "org_acme", "2024-03-04 08:00:00"),
    ("u_arjun", "org_acme", "2024-03-04 23:31:00"),   # after his first event: still covers it
    ("u_sam", "org_acme", "2024-03-04 08:00:00"),
    ("u_sam", "org_beta", "2024-03-12 09:00:00"),      # moves to Beta
]


def _slug(name: str) -> str:
    return name.lower().replace(" ", "_")


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)


def land_segment(con, schema: str) -> Landing:
    tracks, event_tables, pages, screens = [], {}, [], []

    def add(message_id, anonymous_id, user, name, moment, context_group, properties, received_delay):
        received = moment + received_delay
        common = (message_id, anonymous_id, user, _slug(name), name, _utc(moment), _utc(moment),
                  _utc(received), _utc(received), "analytics.js", context_group, _utc(received))
        tracks.append(common)
        if properties is not None:
            event_tables.setdefault(_slug(name), []).append((common, properties))

    def add_page(message_id, anonymous_id, user, moment, received_delay):
        received = moment + received_delay
        pages.append((message_id, anonymous_id, user, "Dashboards", "/dashboards",
                      "https://app.example.com/dashboards", "Dashboards", _utc(moment), _utc(moment),
                      _utc(received), _utc(received), "analytics.js", _utc(received)))

    def add_screen(message_id, anonymous_id, user, moment, context_group, received_delay):
        received = moment + received_delay
        screens.append((message_id, anonymous_id, user, "Home", _utc(moment), _utc(moment), _utc(received),
                        _utc(received), "Example iOS", context_group, _utc(received)))

    for event, is_replay in _delivery():
        context_group = event.org if event.org == "org_beta" and event.user != "u_sam" else None
        delay = timedelta(hours=30) if is_replay else timedelta(seconds=2)
        if SEGMENT_VIEW_CALLS.get(event.key) == "page":
            add_page(_uuid("segment", event.key), f"anon-{event.user}", event.user, event.at, delay)
            continue
        if SEGMENT_VIEW_CALLS.get(event.key) == "screen":
            add_screen(_uuid("segment", event.key), f"anon-{event.user}", event.user, event.at, context_group,
                       delay)
            continue
        properties = None
        if event.is_learning_event:
            properties = {"learning_id": event.learning_id, "learning_type": event.learning_type}
        add(_uuid("segment", event.key), f"anon-{event.user}", event.user, vendor_name(event.name, "title"),
            event.at, context_group, properties, delay)
    replayed_page = BY_KEY[SEGMENT_REPLAYED_PAGE]
    add_page(_uuid("segment", replayed_page.key), f"anon-{replayed_page.user}", replayed_page.user,
             replayed_page.at, timedelta(hours=30))

    at = datetime(2024, 3, 8, 12, 0, 0)
    viewed = {"learning_id": "L_dash_revenue", "learning_type": "dashboard"}
    add("bad-seg-anonymous", "anon-visitor-3", None, "Dashboard Viewed", at, None, viewed, timedelta(seconds=1))
    add("bad-seg-no-group", "anon-zed", "u_zed", "Dashboard Viewed", at, None, viewed, timedelta(seconds=1))
    add("bad-seg-no-properties", "anon-u_alice", "u_alice", "Dashboard Viewed", at, None, None,
        timedelta(seconds=1))
    add_page("bad-seg-page-anonymous", "anon-visitor-5", None, at, timedelta(seconds=1))
    add_screen("bad-seg-screen-no-group", "anon-zed", "u_zed", at, None, timedelta(seconds=1))

    _create(con, schema, "tracks", SEGMENT_COMMON, tracks)
    for table, entries in event_tables.items():
        # Segment adds a column only once a value arrives: chart_viewed never got a type.
        extra = ["learning_id"] if table == "chart_viewed" else ["learning_id", "learning_type"]
        columns = SEGMENT_COMMON + [(name, "varchar") for name in extra]
        rows = [common + tuple(properties[name] for name in extra) for common, properties in entries]
        _create(con, schema, table, columns, rows)
    group_columns = [("id", "varchar"), ("anonymous_id", "varchar"), ("user_id", "varchar"),
                     ("group_id", "varchar"), ("timestamp", "timestamptz"), ("received_at", "timestamptz"),
                     ("name", "varchar")]
    group_rows = [(_uuid("segment-group", user, when), f"anon-{user}", user, group,
                   _utc(datetime.fromisoformat(when)), _utc(datetime.fromisoformat(when)), group.title())
                  for user, group, when in SEGMENT_GROUP_CALLS]
    _create(con, schema, "groups", group_columns, group_rows)
    _create(con, schema, "pages", SEGMENT_PAGES, pages)
    _create(con, schema, "screens", SEGMENT_SCREENS, screens)
    return Landing("tracks", replays=len(REPLAYED) + 1, quarantined={
        "bad-seg-anonymous": "anonymous_user",
        "bad-seg-no-group": "missing_organization",
        "bad-seg-no-properties": "missing_learning_id",
        "bad-seg-page-anonymous": "anonymous_user",
        "bad-seg-screen-no-group": "missing_organization",
    })


def land_segment_without_pages(con, schema: str) -> Landing:
    """The Segment landing with page calls switched off (an empty var) and no screens
    table: the build must still succeed, reading the track calls only."""
    landing = land_segment(con, schema)
    con.execute(f'drop table "{schema}"."screens"')
    return Landing("tracks", dbt_vars={"north_star_segment_pages_table": ""}, replays=len(REPLAYED),
                   quarantined={event_id: reason for event_id, reason in landing.quarantined.items()
                                if not event_id.startswith(("bad-seg-page", "bad-seg-screen"))})


# --------------------------------------------------------------------------------------
# PostHog: batch export events model; properties as JSON text, ISO timestamps with offsets.
# --------------------------------------------------------------------------------------

POSTHOG_COLUMNS = [
    ("uuid", "varchar"), ("event", "varchar"), ("properties", "varchar"), ("elements", "varchar"),
    ("set", "varchar"), ("set_once", "varchar"), ("person_properties", "varchar"),
    ("distinct_id", "varchar"), ("team_id", "integer"), ("ip", "varchar"), ("site_url", "varchar"),
    ("timestamp", "varchar"),
]


def _posthog_time(moment: datetime, index: int) -> str:
    """ISO 8601 in the spellings exports use, some in a local offset."""
    instant = _utc(moment)
    if index % 4 == 0:
        return instant.astimezone(timezone(timedelta(hours=2))).isoformat()          # +02:00
    if index % 4 == 1:
        return instant.strftime("%Y-%m-%dT%H:%M:%S.%f") + "Z"
    if index % 4 == 2:
        return instant.astimezone(timezone(timedelta(hours=-5))).isoformat(timespec="microseconds")
    return instant.isoformat()                                                         # +00:00


def land_posthog(con, schema: str) -> Landing:
    rows = []
    for event, _ in _delivery():
        index = int(event.key[1:])
        properties = {"$lib": "web", "$device_id": f"dev-{event.user}", "$session_id": f"s-{event.user}",
                      "$groups": {"organization": event.org, "project": "p1"}}
        if event.key == "e17":
            # Sent from a backend job without groups: the organization is an event property.
            del properties["$groups"]
            properties["org_id"] = event.org
        if event.is_learning_event:
            properties.update(learning_id=event.learning_id, learning_type=event.learning_type)
        rows.append((_uuid("posthog", event.key), vendor_name(event.name, "lower"), _json(properties), None,
                     None, None, _json({"email": f"{event.user}@example.com"}), event.user, 1, "10.0.0.1",
                     None, _posthog_time(event.at, index)))

    at = "2024-03-08T12:00:00.000000+00:00"
    learning = {"learning_id": "L_dash_revenue", "learning_type": "dashboard"}
    groups = {"$groups": {"organization": "org_acme"}}
    bad = {
        "bad-ph-json": ("u_alice", '{"$groups": {"organization": "org_acme"}, "learning_id": ', at,
                        "malformed_json"),
        "bad-ph-time": ("u_alice", _json({**groups, **learning}), "yesterday afternoon", "unparseable_event_time"),
        "bad-ph-personless": ("0190a1b2-anon", _json({**groups, **learning, "$process_person_profile": False}),
                              at, "anonymous_user"),
        "bad-ph-device": ("dev-visitor-9", _json({**groups, **learning, "$device_id": "dev-visitor-9"}), at,
                          "anonymous_user"),
        "bad-ph-no-group": ("u_amara", _json({"$groups": {"project": "p1"}, **learning}), at,
                            "missing_organization"),
    }
    for event_uuid, (distinct_id, properties, moment, _) in bad.items():
        rows.append((event_uuid, "dashboard viewed", properties, None, None, None, None, distinct_id, 1,
                     "10.0.0.1", None, moment))
    _create(con, schema, "posthog_events", POSTHOG_COLUMNS, rows)
    return Landing("posthog_events", dbt_vars={"north_star_organization_group_type": "organization"},
                   quarantined={key: value[-1] for key, value in bad.items()})


# --------------------------------------------------------------------------------------
# Mixpanel: raw export lines {"event", "properties"}; time in epoch seconds of the
# project's time zone (a project created before 2023, set to Los Angeles).
# --------------------------------------------------------------------------------------

MIXPANEL_TIMEZONE = "America/Los_Angeles"


def _mixpanel_time(moment: datetime) -> int:
    local = _utc(moment).astimezone(ZoneInfo(MIXPANEL_TIMEZONE)).replace(tzinfo=None)
    return int(local.replace(tzinfo=UTC).timestamp())


def mixpanel_event_id(event: str, distinct_id: str | None, time_text: str | None, insert_id: str | None) -> str:
    """The staging model's event_id: a hash of Mixpanel's four dedupe keys."""
    text = "|".join(value or "" for value in (event, distinct_id, time_text, insert_id))
    return hashlib.md5(text.encode()).hexdigest()


def land_mixpanel(con, schema: str) -> Landing:
    rows = []
    for event, _ in _delivery():
        index = int(event.key[1:])
        time_value = _mixpanel_time(event.at)
        if event.key == "e21":
            time_value *= 1000   # imported in milliseconds
        properties = {"time": time_value, "distinct_id": event.user, "$insert_id": f"mp-{event.key}",
                      "$device_id": f"dev-{event.user}", "mp_processing_time_ms": 1709500000000 + index,
                      "$os": "Mac OS X"}
        if index % 2 == 0:
            properties["$user_id"] = event.user   # Simplified ID Merge
        # company_id is the project's group key; users in several companies send a list.
        properties["company_id"] = [event.org] if index % 5 == 0 else event.org
        if event.is_learning_event:
            properties.update(learning_id=event.learning_id, learning_type=event.learning_type)
        rows.append((vendor_name(event.name, "title"), _json(properties)))

    moment = _mixpanel_time(datetime(2024, 3, 8, 12, 0, 0))
    learning = {"learning_id": "L_dash_revenue", "learning_type": "dashboard", "company_id": "org_acme"}
    bad = [
        ("Chart Viewed", '{"time": 1709900000, "distinct_id": "u_alice", "company_id": "org_acme"',
         (None, None, None), "malformed_json"),
        ("Dashboard Viewed", _json({**learning, "time": "soon", "distinct_id": "u_alice", "$insert_id": "mp-bad-1"}),
         ("u_alice", "soon", "mp-bad-1"), "unparseable_event_time"),
        ("Dashboard Viewed", _json({**learning, "time": moment, "distinct_id": "$device:5f2c", "$device_id": "5f2c",
                                    "$insert_id": "mp-bad-2"}),
         ("$device:5f2c", str(moment), "mp-bad-2"), "anonymous_user"),
        ("Dashboard Viewed", _json({"learning_id": "L_dash_revenue", "time": moment, "distinct_id": "u_amara",
                                    "$user_id": "u_amara", "$insert_id": "mp-bad-3"}),
         ("u_amara", str(moment), "mp-bad-3"), "missing_organization"),
    ]
    quarantined = {}
    for name, properties, (distinct_id, time_text, insert_id), reason in bad:
        rows.append((name, properties))
        quarantined[mixpanel_event_id(name, distinct_id, time_text, insert_id)] = reason
    _create(con, schema, "mixpanel_events", [("event", "varchar"), ("properties", "varchar")], rows)
    return Landing("mixpanel_events", quarantined=quarantined, dbt_vars={
        "north_star_mixpanel_project_timezone": MIXPANEL_TIMEZONE,
        "north_star_organization_property": "company_id",
    })


# --------------------------------------------------------------------------------------
# Snowplow: atomic.events; Acme tracks self-describing events, Beta structured events.
# --------------------------------------------------------------------------------------

# The columns every loader writes; each shape adds its own JSON columns.
SNOWPLOW_ATOMIC_COLUMNS = [
    ("app_id", "varchar"), ("platform", "varchar"), ("etl_tstamp", "timestamp"),
    ("collector_tstamp", "timestamp"), ("dvce_created_tstamp", "timestamp"), ("event", "varchar"),
    ("event_id", "varchar"), ("name_tracker", "varchar"), ("user_id", "varchar"),
    ("domain_userid", "varchar"), ("network_userid", "varchar"), ("se_category", "varchar"),
    ("se_action", "varchar"), ("se_label", "varchar"), ("se_property", "varchar"), ("se_value", "double"),
    ("event_vendor", "varchar"), ("event_name", "varchar"), ("event_format", "varchar"),
    ("event_version", "varchar"), ("dvce_sent_tstamp", "timestamp"), ("derived_tstamp", "timestamp"),
]
# Enriched events (TSV, or a view over Redshift / Postgres): the self-describing event and
# every entity as JSON envelopes.
SNOWPLOW_COLUMNS = SNOWPLOW_ATOMIC_COLUMNS + [("unstruct_event", "varchar"), ("contexts", "varchar")]

# Acme activity tracked as page views: their organization is only in the context entity.
SNOWPLOW_PAGE_VIEWS = ("e01", "e35")
SNOWPLOW_CONTEXT_VARS = {
    "north_star_snowplow_context_entity": "com.acme/organization",
    "north_star_snowplow_context_organization_property": "id",
}


def _self_describing(name: str, data: dict) -> str:
    return _json({
        "schema": "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0",
        "data": {"schema": f"iglu:com.acme/{name}/jsonschema/1-0-0", "data": data},
    })


def _entity(schema: str, data: dict) -> dict:
    return {"schema": f"iglu:{schema}", "data": data}


def _contexts(event_id: str, *entities: dict) -> str:
    """The enriched `contexts` field: the JavaScript tracker's web_page entity, then others."""
    web_page = _entity("com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0", {"id": _uuid("page", event_id)})
    return _json({"schema": "iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0",
                  "data": [web_page, *entities]})


def _snowplow_row(event_id, user, cookie, moment, *, derived=True, collector_delay=timedelta(seconds=1),
                  structured=None, event_type="unstruct", event_name=None, **json_columns) -> dict:
    collector = moment + collector_delay
    se = structured or (None, None, None, None)
    return {"app_id": "acme-app", "platform": "web", "etl_tstamp": collector, "collector_tstamp": collector,
            "dvce_created_tstamp": moment, "event": event_type, "event_id": event_id, "name_tracker": "sp1",
            "user_id": user, "domain_userid": cookie, "network_userid": "nuid-1", "se_category": se[0],
            "se_action": se[1], "se_label": se[2], "se_property": se[3], "se_value": None,
            "event_vendor": "com.acme", "event_name": event_name if event_type != "struct" else "event",
            "event_format": "jsonschema", "event_version": "1-0-0",
            "dvce_sent_tstamp": moment + timedelta(milliseconds=200), "derived_tstamp": moment if derived else None,
            **json_columns}


def _create_snowplow(con, schema: str, columns: list[tuple[str, str]], rows: list[dict]) -> None:
    _create(con, schema, "events", columns, [tuple(row.get(name) for name, _ in columns) for row in rows])


def _snowplow_timing(event, is_replay: bool) -> tuple[bool, timedelta]:
    """(has derived_tstamp, collector delay). Some trackers send no dvce_sent_tstamp: no
    derived_tstamp, the collector's time is it. A duplicate arrives two hours later."""
    derived = int(event.key[1:]) % 5 != 0
    if is_replay:
        return derived, timedelta(hours=2)
    return derived, timedelta(seconds=1) if derived else timedelta(0)


def land_snowplow(con, schema: str) -> Landing:
    rows = []
    for event, is_replay in _delivery():
        event_id = _uuid("snowplow", event.key)
        derived, delay = _snowplow_timing(event, is_replay)
        common = {"derived": derived, "collector_delay": delay}
        if event.org == "org_beta" and event.is_learning_event:
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, **common,
                                      event_type="struct",
                                      structured=(event.learning_type, event.name, event.learning_id, event.org),
                                      contexts=_contexts(event_id)))
        elif event.key in SNOWPLOW_PAGE_VIEWS:
            # Entity versions differ: any version of the schema is the organization entity.
            organization = _entity(f"com.acme/organization/jsonschema/1-0-{int(event.key[1:]) % 2}",
                                   {"id": event.org, "plan": "team"})
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, **common,
                                      event_type="page_view", event_name="page_view",
                                      contexts=_contexts(event_id, organization)))
        else:
            data = {"org_id": event.org}
            if event.is_learning_event:
                data.update(learning_id=event.learning_id, learning_type=event.learning_type)
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, **common,
                                      event_name=event.name, unstruct_event=_self_describing(event.name, data),
                                      contexts=_contexts(event_id)))

    at = datetime(2024, 3, 8, 12, 0, 0)
    viewed = {"learning_id": "L_dash_revenue", "learning_type": "dashboard", "org_id": "org_acme"}
    other_vendor = _entity("com.other/organization/jsonschema/1-0-0", {"id": "org_acme"})
    rows += [
        _snowplow_row("bad-sp-json", "u_alice", "duid-u_alice", at, event_name="dashboard_viewed",
                      unstruct_event='{"schema": "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0", "data": {'),
        _snowplow_row("bad-sp-anonymous", None, "duid-visitor-4", at, event_name="dashboard_viewed",
                      unstruct_event=_self_describing("dashboard_viewed", viewed)),
        _snowplow_row("bad-sp-page-view", "u_alice", "duid-u_alice", at, event_type="page_view",
                      event_name="page_view"),
        _snowplow_row("bad-sp-page-view-other-entity", "u_alice", "duid-u_alice", at, event_type="page_view",
                      event_name="page_view", contexts=_contexts("bad-sp-page-view-other-entity", other_vendor)),
        _snowplow_row("bad-sp-contexts-json", "u_alice", "duid-u_alice", at, event_type="page_view",
                      event_name="page_view", contexts='{"schema": "iglu:com.snowplowanalytics.snowplow/contexts'),
        _snowplow_row("bad-sp-no-org", "u_amara", "duid-u_amara", at, event_name="dashboard_viewed",
                      unstruct_event=_self_describing("dashboard_viewed", {"learning_id": "L_dash_revenue"})),
    ]
    _create_snowplow(con, schema, SNOWPLOW_COLUMNS, rows)
    return Landing("events", dbt_vars=SNOWPLOW_CONTEXT_VARS, quarantined={
        "bad-sp-json": "malformed_json",
        "bad-sp-anonymous": "anonymous_user",
        "bad-sp-page-view": "missing_organization",
        "bad-sp-page-view-other-entity": "missing_organization",
        "bad-sp-contexts-json": "malformed_json",
        "bad-sp-no-org": "missing_organization",
    })


# The Snowflake loader's shape: one `unstruct_event_<vendor>_<name>_<major>` column per
# self-describing event schema holding its data, one `contexts_<vendor>_<name>_<major>`
# column per entity schema holding an array of the entities' data, no envelopes. Beta's
# tracking plan puts the organization in se_category, the learning type in se_label and
# the learning id in se_property. Chart views carry their learning in the entity only.
SNOWPLOW_LEARNING_IN_ENTITY = ("e09", "e10")
SNOWPLOW_STRUCTURED_VARS = {
    "north_star_snowplow_structured_organization_column": "se_category",
    "north_star_snowplow_structured_learning_id_column": "se_property",
    "north_star_snowplow_structured_learning_type_column": "se_label",
}


def land_snowplow_snowflake(con, schema: str) -> Landing:
    rows, unstruct_columns = [], set()
    for event, is_replay in _delivery():
        event_id = _uuid("snowplow", event.key)
        derived, delay = _snowplow_timing(event, is_replay)
        common = {"derived": derived, "collector_delay": delay}
        if event.org == "org_beta" and event.is_learning_event:
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, **common,
                                      event_type="struct",
                                      structured=(event.org, event.name, event.learning_type, event.learning_id)))
        elif event.key in SNOWPLOW_PAGE_VIEWS:
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, **common,
                                      event_type="page_view", event_name="page_view",
                                      contexts_com_acme_organization_1=_json([{"id": event.org}])))
        else:
            column = f"unstruct_event_com_acme_{event.name}_1"
            unstruct_columns.add(column)
            data, entities = {"org_id": event.org}, {}
            if event.is_learning_event:
                data.update(learning_id=event.learning_id, learning_type=event.learning_type)
            if event.key in SNOWPLOW_LEARNING_IN_ENTITY:
                # A newer major version of the entity, which also names the learning.
                data = {"source": "sidebar"}
                entities["contexts_com_acme_organization_2"] = _json([{
                    "id": event.org, "learning_id": event.learning_id, "learning_type": event.learning_type}])
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, **common,
                                      event_name=event.name, **{column: _json(data)}, **entities))

    at = datetime(2024, 3, 8, 12, 0, 0)
    rows += [
        _snowplow_row("bad-spsf-page-view", "u_alice", "duid-u_alice", at, event_type="page_view",
                      event_name="page_view"),
        # se_property holds the learning here, so it is no organization.
        _snowplow_row("bad-spsf-struct-no-org", "u_bo", "duid-u_bo", at, event_type="struct",
                      structured=(None, "notebook_viewed", "notebook", "L_nb_q1")),
    ]
    entity_columns = [("contexts_com_acme_organization_1", "varchar"), ("contexts_com_acme_organization_2", "varchar")]
    columns = SNOWPLOW_ATOMIC_COLUMNS + [(name, "varchar") for name in sorted(unstruct_columns)] + entity_columns
    _create_snowplow(con, schema, columns, rows)
    # A column not loaded yet (no such event so far) comes first in the list: it is skipped.
    listed = ["unstruct_event_com_acme_report_exported_1", *sorted(unstruct_columns)]
    return Landing("events", dbt_vars={
        **SNOWPLOW_CONTEXT_VARS, **SNOWPLOW_STRUCTURED_VARS, "north_star_snowplow_unstruct_event_column": listed,
    }, quarantined={
        "bad-spsf-page-view": "missing_organization",
        "bad-spsf-struct-no-org": "missing_organization",
    })


LANDERS = {
    "generic": land_generic,
    "amplitude": land_amplitude,
    "segment": land_segment,
    "posthog": land_posthog,
    "mixpanel": land_mixpanel,
    "snowplow": land_snowplow,
}

VENDOR_FORMATS = tuple(name for name in LANDERS if name != "generic")

# Other landings of a format, built beside the formats': name -> (source format, lander).
VARIANT_LANDERS = {
    "segment_without_pages": ("segment", land_segment_without_pages),
    "snowplow_snowflake": ("snowplow", land_snowplow_snowflake),
}
