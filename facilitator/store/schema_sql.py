"""Provides the frozen SQL of the schema history's steps that create tables (store/schema.py).

Literal, as each step first created them: a later change is a later step, never an
edit here, so a new database is built exactly as an old one was.
"""

# The first release's schema (7a78192), as its migrations left a new database.
RELEASE_7A78192 = (
    """CREATE TABLE "meta" (
   "key" TEXT PRIMARY KEY,
   "value" TEXT
)""",
    """CREATE TABLE op (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL UNIQUE,
    hlc TEXT NOT NULL,
    node TEXT NOT NULL,
    kind TEXT NOT NULL,
    workshop_id TEXT,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL
)""",
    """CREATE INDEX op_workshop ON op(workshop_id)""",
    """CREATE TABLE "series" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "description" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE TABLE "workshop" (
   "id" TEXT PRIMARY KEY,
   "title" TEXT,
   "date" TEXT,
   "start" TEXT,
   "end" TEXT,
   "venue" TEXT,
   "series_id" TEXT,
   "lang" TEXT,
   "description" TEXT,
   "goals" TEXT,
   "moderation" TEXT,
   "minute_taker" TEXT,
   "distribution" TEXT,
   "next_date" TEXT,
   "next_start" TEXT,
   "next_venue" TEXT,
   "next_steps" TEXT,
   "join_code" TEXT,
   "created_at" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE TABLE "agenda_item" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "position" REAL,
   "title" TEXT,
   "minutes" INTEGER,
   "kind" TEXT,
   "at" TEXT,
   "method" TEXT,
   "capture" TEXT,
   "notes" TEXT,
   "collection_open" INTEGER DEFAULT 0,
   "voting_open" INTEGER DEFAULT 0,
   "dot_budget" INTEGER DEFAULT 3,
   "results_revealed" INTEGER DEFAULT 0,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE TABLE "organisation" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "org_type" TEXT,
   "municipality" TEXT,
   "merged_into" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE TABLE "participant" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "name" TEXT,
   "organisation_id" TEXT,
   "email" TEXT,
   "consent" INTEGER DEFAULT 0,
   "consent_at" TEXT,
   "consent_text_version" TEXT,
   "present" INTEGER DEFAULT 0,
   "role" TEXT,
   "source" TEXT,
   "created_at" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE TABLE "capture" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "agenda_item_id" TEXT,
   "kind" TEXT,
   "text" TEXT,
   "topic" TEXT,
   "organisation_id" TEXT,
   "status" TEXT,
   "owner" TEXT,
   "due" TEXT,
   "votes" INTEGER DEFAULT 0,
   "source" TEXT,
   "author" TEXT,
   "hidden" INTEGER DEFAULT 0,
   "created_at" TEXT,
   "hlc" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE TABLE "vote" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "capture_id" TEXT,
   "agenda_item_id" TEXT,
   "voter" TEXT,
   "dots" INTEGER,
   "clocks" TEXT
)""",
    """CREATE TABLE "timer_event" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "item_id" TEXT,
   "kind" TEXT,
   "at_ms" INTEGER,
   "minutes" INTEGER,
   "hlc" TEXT,
   "node" TEXT
)""",
    """CREATE TABLE "sync_peer" (
   "node" TEXT PRIMARY KEY,
   "url" TEXT,
   "cursor" INTEGER,
   "pushed" INTEGER,
   "last_seen" TEXT
)""",
    """CREATE INDEX "idx_agenda_item_workshop_id"
    ON "agenda_item" ("workshop_id")""",
    """CREATE INDEX "idx_capture_workshop_id"
    ON "capture" ("workshop_id")""",
    """CREATE INDEX "idx_participant_workshop_id"
    ON "participant" ("workshop_id")""",
    """CREATE INDEX "idx_vote_capture_id"
    ON "vote" ("capture_id")""",
    """CREATE INDEX "idx_timer_event_workshop_id"
    ON "timer_event" ("workshop_id")""",
    """CREATE INDEX "idx_vote_workshop_id"
    ON "vote" ("workshop_id")""",
)

# 0005_photos: photos of flipcharts and pinboards; id = sha256 of the stored JPEG.
PHOTO = (
    """CREATE TABLE "photo" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "agenda_item_id" TEXT,
   "caption" TEXT,
   "jpeg" TEXT,
   "width" INTEGER,
   "height" INTEGER,
   "size" INTEGER,
   "created_at" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE INDEX "idx_photo_workshop_id"
    ON "photo" ("workshop_id")""",
)

# 0007_activities: live activities on the phones, their answers, the Q&A's questions.
ACTIVITIES = (
    """CREATE TABLE "activity" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "agenda_item_id" TEXT,
   "type" TEXT,
   "prompt" TEXT,
   "activity_config" TEXT,
   "is_open" INTEGER DEFAULT 0,
   "results_revealed" INTEGER DEFAULT 0,
   "hidden_words" TEXT,
   "started_at" TEXT,
   "stopped_at" TEXT,
   "created_at" TEXT,
   "hlc" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
    """CREATE TABLE "activity_answer" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "activity_id" TEXT,
   "voter" TEXT,
   "answer_value" TEXT,
   "answered_at" TEXT,
   "clocks" TEXT
)""",
    """CREATE TABLE "activity_question" (
   "id" TEXT PRIMARY KEY,
   "workshop_id" TEXT,
   "activity_id" TEXT,
   "voter" TEXT,
   "text" TEXT,
   "answered" INTEGER DEFAULT 0,
   "hidden" INTEGER DEFAULT 0,
   "created_at" TEXT,
   "hlc" TEXT,
   "deleted" INTEGER DEFAULT 0,
   "clocks" TEXT
)""",
)
