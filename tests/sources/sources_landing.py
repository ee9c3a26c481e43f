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

from sources_scenario import EVENTS, REPLAYED, generic_rows, vendor_name

UTC = timezone.utc

# Every var the source formats read, at the defaults proposed for dbt_project.yml.
DEFAULT_FORMAT_VARS = {
    "north_star_learning_id_property": "learning_id",
    "north_star_learning_type_property": "learning_type",
    "north_star_organization_group_type": "org_id",
    "north_star_organization_property": "org_id",
    "north_star_segment_groups_table": "groups",
    "north_star_segment_organization_column": "context_group_id",
    "north_star_mixpanel_project_timezone": "UTC",
    "north_star_snowplow_unstruct_event_column": "unstruct_event",
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
    tracks, event_tables = [], {}

    def add(message_id, anonymous_id, user, name, moment, context_group, properties, received_delay):
        received = moment + received_delay
        common = (message_id, anonymous_id, user, _slug(name), name, _utc(moment), _utc(moment),
                  _utc(received), _utc(received), "analytics.js", context_group, _utc(received))
        tracks.append(common)
        if properties is not None:
            event_tables.setdefault(_slug(name), []).append((common, properties))

    for event, is_replay in _delivery():
        context_group = event.org if event.org == "org_beta" and event.user != "u_sam" else None
        properties = None
        if event.is_learning_event:
            properties = {"learning_id": event.learning_id, "learning_type": event.learning_type}
        add(_uuid("segment", event.key), f"anon-{event.user}", event.user, vendor_name(event.name, "title"),
            event.at, context_group, properties, timedelta(hours=30) if is_replay else timedelta(seconds=2))

    at = datetime(2024, 3, 8, 12, 0, 0)
    viewed = {"learning_id": "L_dash_revenue", "learning_type": "dashboard"}
    add("bad-seg-anonymous", "anon-visitor-3", None, "Dashboard Viewed", at, None, viewed, timedelta(seconds=1))
    add("bad-seg-no-group", "anon-zed", "u_zed", "Dashboard Viewed", at, None, viewed, timedelta(seconds=1))
    add("bad-seg-no-properties", "anon-u_alice", "u_alice", "Dashboard Viewed", at, None, None,
        timedelta(seconds=1))

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
    return Landing("tracks", quarantined={
        "bad-seg-anonymous": "anonymous_user",
        "bad-seg-no-group": "missing_organization",
        "bad-seg-no-properties": "missing_learning_id",
    })


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

SNOWPLOW_COLUMNS = [
    ("app_id", "varchar"), ("platform", "varchar"), ("etl_tstamp", "timestamp"),
    ("collector_tstamp", "timestamp"), ("dvce_created_tstamp", "timestamp"), ("event", "varchar"),
    ("event_id", "varchar"), ("name_tracker", "varchar"), ("user_id", "varchar"),
    ("domain_userid", "varchar"), ("network_userid", "varchar"), ("se_category", "varchar"),
    ("se_action", "varchar"), ("se_label", "varchar"), ("se_property", "varchar"), ("se_value", "double"),
    ("unstruct_event", "varchar"), ("event_vendor", "varchar"), ("event_name", "varchar"),
    ("event_format", "varchar"), ("event_version", "varchar"), ("dvce_sent_tstamp", "timestamp"),
    ("derived_tstamp", "timestamp"),
]


def _self_describing(name: str, data: dict) -> str:
    return _json({
        "schema": "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0",
        "data": {"schema": f"iglu:com.acme/{name}/jsonschema/1-0-0", "data": data},
    })


def _snowplow_row(event_id, user, cookie, moment, *, derived=True, collector_delay=timedelta(seconds=1),
                  structured=None, self_describing=None, event_type="unstruct", event_name=None):
    collector = moment + collector_delay
    se = structured or (None, None, None, None)
    return ("acme-app", "web", collector, collector, moment, event_type, event_id, "sp1", user, cookie,
            "nuid-1", se[0], se[1], se[2], se[3], None, self_describing, "com.acme",
            event_name if event_type != "struct" else "event", "jsonschema", "1-0-0",
            moment + timedelta(milliseconds=200), moment if derived else None)


def land_snowplow(con, schema: str) -> Landing:
    rows = []
    for event, is_replay in _delivery():
        index = int(event.key[1:])
        event_id = _uuid("snowplow", event.key)
        delay = timedelta(hours=2) if is_replay else timedelta(seconds=1)
        # Some trackers send no dvce_sent_tstamp: no derived_tstamp, the collector's time is it.
        derived = index % 5 != 0
        if not derived:
            delay = timedelta(0) if not is_replay else timedelta(hours=2)
        if event.org == "org_beta" and event.is_learning_event:
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, derived=derived,
                                      collector_delay=delay, event_type="struct",
                                      structured=(event.learning_type, event.name, event.learning_id, event.org)))
        else:
            data = {"org_id": event.org}
            if event.is_learning_event:
                data.update(learning_id=event.learning_id, learning_type=event.learning_type)
            rows.append(_snowplow_row(event_id, event.user, f"duid-{event.user}", event.at, derived=derived,
                                      collector_delay=delay, self_describing=_self_describing(event.name, data),
                                      event_name=event.name))

    at = datetime(2024, 3, 8, 12, 0, 0)
    viewed = {"learning_id": "L_dash_revenue", "learning_type": "dashboard", "org_id": "org_acme"}
    rows += [
        _snowplow_row("bad-sp-json", "u_alice", "duid-u_alice", at, event_name="dashboard_viewed",
                      self_describing='{"schema": "iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0", "data": {'),
        _snowplow_row("bad-sp-anonymous", None, "duid-visitor-4", at, event_name="dashboard_viewed",
                      self_describing=_self_describing("dashboard_viewed", viewed)),
        _snowplow_row("bad-sp-page-view", "u_alice", "duid-u_alice", at, event_type="page_view",
                      event_name="page_view"),
        _snowplow_row("bad-sp-no-org", "u_amara", "duid-u_amara", at, event_name="dashboard_viewed",
                      self_describing=_self_describing("dashboard_viewed", {"learning_id": "L_dash_revenue"})),
    ]
    _create(con, schema, "events", SNOWPLOW_COLUMNS, rows)
    return Landing("events", quarantined={
        "bad-sp-json": "malformed_json",
        "bad-sp-anonymous": "anonymous_user",
        "bad-sp-page-view": "missing_organization",
        "bad-sp-no-org": "missing_organization",
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
