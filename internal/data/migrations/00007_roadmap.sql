-- +goose Up
-- The roadmap as the baseline study's Table 3 draws it: each ULG meeting's
-- report and attendance sheet are tracked as received; testing and plan
-- actions get dates so they can sit in the months; milestones are the
-- dated tasks of the partners (testing action, action plan) and of the
-- Lead Expert (thematic outputs, quality checks and meeting preparation).
ALTER TABLE meetings ADD COLUMN report_received INTEGER NOT NULL DEFAULT 0 CHECK (report_received IN (0, 1));
ALTER TABLE meetings ADD COLUMN attendance_received INTEGER NOT NULL DEFAULT 0 CHECK (attendance_received IN (0, 1));
ALTER TABLE plan_actions ADD COLUMN start_date TEXT NOT NULL DEFAULT '';
ALTER TABLE plan_actions ADD COLUMN end_date TEXT NOT NULL DEFAULT '';

CREATE TABLE milestones (
    id         TEXT PRIMARY KEY,
    network_id TEXT NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
    track      TEXT NOT NULL CHECK (track IN ('testing_action', 'action_plan', 'thematic_output', 'quality_check')),
    due_date   TEXT NOT NULL CHECK (due_date <> ''), -- YYYY-MM-DD
    title      TEXT NOT NULL CHECK (title <> ''),
    done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX milestones_network ON milestones(network_id, due_date);

-- +goose Down
DROP TABLE milestones;
ALTER TABLE plan_actions DROP COLUMN end_date;
ALTER TABLE plan_actions DROP COLUMN start_date;
ALTER TABLE meetings DROP COLUMN attendance_received;
ALTER TABLE meetings DROP COLUMN report_received;
