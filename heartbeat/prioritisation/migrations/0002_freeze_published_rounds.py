"""Database triggers that keep a published round as it was published.

The services and models refuse to change a published round; these refuse it on every other
path too (raw SQL, a bulk update, a script): no score, rationale, weight or rank of a published
round changes, and no score or entry is added to one. Deleting stays possible for the data
generator's flush (the services and models refuse it), and so does clearing a person's name
from a score when their account is deleted.
"""

from django.db import migrations

MESSAGE = "A published round is frozen: open a new round to change its scores."

# Each guarded table: how to find the round's state from the row, and the columns that count.
GUARDS = {
    "prioritisation_score": (
        "(SELECT r.state FROM prioritisation_round r JOIN prioritisation_roundentry e "
        "ON e.round_id = r.id WHERE e.id = {row}.entry_id)",
        ["value", "rationale", "entry_id", "criterion_id"],
    ),
    "prioritisation_roundentry": (
        "(SELECT r.state FROM prioritisation_round r WHERE r.id = {row}.round_id)",
        ["weighted_score", "rank", "previous_rank", "movement", "round_id", "project_id",
         "work_request_id"],
    ),
    "prioritisation_roundcriterion": (
        "(SELECT r.state FROM prioritisation_round r WHERE r.id = {row}.round_id)",
        ["weight", "direction", "round_id", "criterion_id", "levels", "name"],
    ),
}
ROUND_COLUMNS = ["state", "name", "summary", "published_at", "ranked_count", "departures"]


def _sqlite(table, state, columns):
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    return [
        f"""CREATE TRIGGER {table}_frozen_insert BEFORE INSERT ON {table}
        WHEN {state.format(row="NEW")} = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
        f"""CREATE TRIGGER {table}_frozen_update BEFORE UPDATE ON {table}
        WHEN ({changed}) AND {state.format(row="OLD")} = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;""",
    ]


def _postgresql(table, state, columns):
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    function = f"{table}_refuse_frozen"
    return [
        f"""CREATE FUNCTION {function}() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'UPDATE' AND {state.format(row="OLD")} = 'published' THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF {state.format(row="NEW")} = 'published' THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql;""",
        f"""CREATE TRIGGER {table}_frozen_insert BEFORE INSERT ON {table}
        FOR EACH ROW EXECUTE FUNCTION {function}();""",
        f"""CREATE TRIGGER {table}_frozen_update BEFORE UPDATE ON {table}
        FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {function}();""",
    ]


def _round_sqlite():
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ROUND_COLUMNS)
    return [
        f"""CREATE TRIGGER prioritisation_round_frozen_update BEFORE UPDATE
        ON prioritisation_round WHEN OLD.state = 'published' AND ({changed})
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;"""
    ]


def _round_postgresql():
    changed = " OR ".join(f"OLD.{c}::text IS DISTINCT FROM NEW.{c}::text" for c in ROUND_COLUMNS)
    return [
        f"""CREATE FUNCTION prioritisation_round_refuse_frozen() RETURNS trigger AS $$
        BEGIN
          RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END $$ LANGUAGE plpgsql;""",
        f"""CREATE TRIGGER prioritisation_round_frozen_update BEFORE UPDATE
        ON prioritisation_round FOR EACH ROW
        WHEN (OLD.state = 'published' AND ({changed}))
        EXECUTE FUNCTION prioritisation_round_refuse_frozen();""",
    ]


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = []
    for table, (state, columns) in GUARDS.items():
        if vendor == "postgresql":
            statements += _postgresql(table, state, columns)
        elif vendor == "sqlite":
            statements += _sqlite(table, state, columns)
    statements += _round_postgresql() if vendor == "postgresql" else []
    statements += _round_sqlite() if vendor == "sqlite" else []
    for statement in statements:
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in [*GUARDS, "prioritisation_round"]:
        for suffix in ("insert", "update"):
            if vendor == "postgresql":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen_{suffix} ON {table}")
            elif vendor == "sqlite":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen_{suffix}")
        if vendor == "postgresql":
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_refuse_frozen()")


class Migration(migrations.Migration):
    dependencies = [
        ("prioritisation", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
