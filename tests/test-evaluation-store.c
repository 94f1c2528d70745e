/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-answers.h"
#include "em-db.h"
#include "em-error.h"
#include "em-evaluation-store.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"
#include "em-test-util.h"

/* Scorecard revisions and evaluations in the database: versioning and
 * freezing, the draft → submitted → finalised workflow, the audit log, and
 * the cheap autosave the GUI relies on.
 */

typedef struct
{
  char              *dir;
  EmDb              *db;
  EmEvaluationStore *store;
  EmScorecard       *v1;     /* the all-kinds fixture */
  EmScorecard       *v2;     /* the same with capped.check worth 6 */
  gint64             call;
  gint64             other_call;
} Fixture;

static gint64
query (EmDb       *db,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (EmDb       *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static EmScorecard *
changed_scorecard (const char *from,
                   const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  EmScorecard *scorecard;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, from, to, 1), ==, 1);

  scorecard = em_scorecard_new_from_data (changed->str, changed->len, "changed", &error);
  g_assert_no_error (error);
  return scorecard;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *scorecard_path = em_test_fixture ("scoring/all-kinds.scorecard");
  gint64 agent;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);
  f->store = em_evaluation_store_new (f->db);

  f->v1 = em_scorecard_new_from_file (scorecard_path, &error);
  g_assert_no_error (error);
  f->v2 = changed_scorecard ("Kind=check\nPoints=4", "Kind=check\nPoints=6");

  agent = em_db_ensure_agent (f->db, "A001", "王芳", 0, &error);
  g_assert_no_error (error);
  g_assert_true (em_db_exec (f->db,
                             "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s) "
                             "VALUES ('C-001', 1, 1700000000, 28800, 120), ('C-002', 1, 1700000600, 28800, 15)",
                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (agent, ==, 1);
  f->call = em_evaluation_store_lookup_call (f->store, "C-001", &error);
  f->other_call = em_evaluation_store_lookup_call (f->store, "C-002", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  g_clear_object (&f->v1);
  g_clear_object (&f->v2);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
import (Fixture     *f,
        EmScorecard *scorecard,
        gboolean     expect_created)
{
  g_autoptr(GError) error = NULL;
  gboolean created = !expect_created;
  gint64 id = em_scorecard_store_import (f->db, scorecard, "组长", &created, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (created, ==, expect_created);
  return id;
}

/* Complete answers: the choice and score items at full marks, plus
 * @extra item answers.
 */
static EmAnswers *
answers_with (EmScorecard *scorecard,
              const char  *extra)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("[Evaluation]\nScorecard=%s\n"
                                           "[Item:graded.plan]\nOption=1\n[Item:graded.quality]\nScore=18\n%s",
                                           em_scorecard_get_id (scorecard), extra);
  EmAnswers *answers = em_answers_new_from_data (text, -1, "A", &error);

  g_assert_no_error (error);
  return answers;
}

static gint64
create (Fixture    *f,
        gint64      version_id,
        const char *extra)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAnswers) answers = answers_with (f->v1, extra);
  gint64 id = em_evaluation_store_create (f->store, f->call, version_id, "李娜", answers, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static EmPoints
stored_total (Fixture *f,
              gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT total FROM evaluations WHERE id = %" G_GINT64_FORMAT, id);

  return query (f->db, sql);
}

static void
test_revisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *path = em_test_fixture ("scoring/all-kinds.scorecard");
  EmScorecardVersionInfo *info;
  gint64 v1, again, from_file, v2;

  v1 = import (f, f->v1, TRUE);
  again = import (f, f->v1, FALSE);
  from_file = em_scorecard_store_import_file (f->db, path, "组长", NULL, &error);
  g_assert_no_error (error);
  v2 = import (f, f->v2, TRUE);

  /* The same text is the same revision; changed text is a new one. */
  g_assert_cmpint (again, ==, v1);
  g_assert_cmpint (from_file, ==, v1);
  g_assert_cmpint (v2, !=, v1);
  g_assert_cmpint (em_scorecard_store_find_latest (f->db, "all-kinds", &error), ==, v2);
  g_assert_cmpint (em_scorecard_store_find_latest (f->db, "nothing", &error), ==, 0);

  versions = em_scorecard_store_list_versions (f->db, "all-kinds", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  info = g_ptr_array_index (versions, 1);
  g_assert_cmpint (info->version_id, ==, v2);
  g_assert_cmpuint (info->revision, ==, 2);
  g_assert_cmpuint (info->file_version, ==, 2);
  g_assert_cmpstr (info->title, ==, "全部类型测试表");
  g_assert_false (info->frozen);

  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecards"), ==, 1);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log WHERE action = 'import' AND actor = '组长'"),
                   ==, 2);

  /* A file with problems stores nothing. */
  g_free (path);
  path = em_test_fixture ("scoring/missing-kind.scorecard");
  g_assert_cmpint (em_scorecard_store_import_file (f->db, path, NULL, NULL, &error), ==, 0);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecard_versions"), ==, 2);
}

/* Old evaluations keep scoring against their own revision; a revision in
 * use never changes.
 */
static void
test_old_evaluation_keeps_version (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) loaded = NULL;
  g_autoptr(EmAnswers) more = NULL;
  g_autofree char *source_before = NULL;
  g_autofree char *source_after = NULL;
  gint64 v1 = import (f, f->v1, TRUE);
  gint64 old, newer, v2;

  old = create (f, v1, "[Item:capped.check]\nResult=fail\n");
  g_assert_cmpint (stored_total (f, old), ==, EM_POINTS (96));
  g_assert_cmpint (query (f->db, "SELECT frozen FROM scorecard_versions WHERE id = 1"), ==, 1);

  v2 = import (f, f->v2, TRUE);
  newer = create (f, v2, "[Item:capped.check]\nResult=fail\n");
  g_assert_cmpint (stored_total (f, newer), ==, EM_POINTS (94));

  /* Loaded and re-saved, the old one still uses revision 1's 4 points. */
  loaded = em_evaluation_store_load (f->store, old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (em_evaluation_get_scorecard_version_id (loaded), ==, v1);
  g_assert_cmpint (em_score_result_get_total (em_evaluation_get_result (loaded)), ==, EM_POINTS (96));
  more = em_answers_copy (em_evaluation_get_answers (loaded));
  em_item_answer_set_occurrences (em_answers_ensure_item (more, "capped.deduct"), 1);
  g_assert_true (em_evaluation_store_save (f->store, old, more, "李娜", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_total (f, old), ==, EM_POINTS (94));
  g_assert_cmpint (stored_total (f, newer), ==, EM_POINTS (94));

  /* Frozen: neither changed nor deleted. */
  source_before = query_text (f->db, "SELECT source FROM scorecard_versions WHERE id = 1");
  g_assert_false (em_scorecard_store_replace_version (f->db, v1, f->v2, "组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (em_scorecard_store_delete_version (f->db, v1, "组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);
  source_after = query_text (f->db, "SELECT source FROM scorecard_versions WHERE id = 1");
  g_assert_cmpstr (source_before, ==, source_after);
  g_assert_cmpstr (source_after, ==, em_scorecard_get_source (f->v1));
}

/* A revision no evaluation uses yet can still be edited or removed. */
static void
test_unused_revision_editable (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecard) v3 = changed_scorecard ("Points=18", "Points=16");
  g_autoptr(EmScorecard) loaded = NULL;
  g_autoptr(EmScorecard) before = NULL;
  g_autoptr(EmScorecard) after = NULL;
  gint64 v1 = import (f, f->v1, TRUE);

  before = em_evaluation_store_get_scorecard (f->store, v1, &error);
  g_assert_cmpint (em_scorecard_item_get_points (em_scorecard_lookup_item (before, "graded.quality")), ==,
                   EM_POINTS (18));

  g_assert_true (em_scorecard_store_replace_version (f->db, v1, v3, "组长", &error));
  g_assert_no_error (error);
  loaded = em_scorecard_store_load_version (f->db, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (em_scorecard_item_get_points (em_scorecard_lookup_item (loaded, "graded.quality")), ==,
                   EM_POINTS (16));

  /* The store does not keep an unfrozen revision it read before. */
  after = em_evaluation_store_get_scorecard (f->store, v1, &error);
  g_assert_cmpint (em_scorecard_item_get_points (em_scorecard_lookup_item (after, "graded.quality")), ==,
                   EM_POINTS (16));

  g_assert_true (em_scorecard_store_delete_version (f->db, v1, "组长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecard_versions"), ==, 0);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecards"), ==, 0);
  g_assert_null (em_scorecard_store_load_version (f->db, v1, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
}

static void
test_workflow_and_audit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  gint64 id = create (f, import (f, f->v1, TRUE), "[Item:capped.check]\nResult=fail\n");

  g_assert_true (em_evaluation_store_submit (f->store, id, "李娜", &error));
  g_assert_true (em_evaluation_store_submit (f->store, id, "李娜", &error));   /* already: nothing */
  g_assert_true (em_evaluation_store_finalise (f->store, id, "组长", &error));
  g_assert_no_error (error);

  evaluation = em_evaluation_store_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (em_evaluation_get_status (evaluation), ==, EM_EVALUATION_FINALISED);
  g_assert_true (em_evaluation_is_read_only (evaluation));
  g_assert_cmpint (em_evaluation_get_call_id (evaluation), ==, f->call);
  g_assert_cmpstr (em_evaluation_get_inspector (evaluation), ==, "李娜");
  g_assert_cmpint (em_evaluation_get_total (evaluation), ==, EM_POINTS (96));
  g_assert_cmpint (em_evaluation_get_submitted_at (evaluation), >, 0);
  g_assert_cmpint (em_evaluation_get_finalised_at (evaluation), >=, em_evaluation_get_submitted_at (evaluation));

  /* who and what, in order */
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'evaluation'"), ==, 3);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log WHERE entity = 'evaluation' AND "
                                 "((action = 'create' AND actor = '李娜') OR (action = 'submit' AND actor = '李娜') "
                                 "OR (action = 'finalise' AND actor = '组长')) AND at > 0"), ==, 3);
}

/* Finalised = read-only: every change is refused and nothing moves. */
static void
test_finalised_read_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAnswers) changed = answers_with (f->v1, "[Item:open.penalty]\nOccurrences=3\n");
  g_autofree char *answers_before = NULL;
  g_autofree char *answers_after = NULL;
  gint64 id = create (f, import (f, f->v1, TRUE), "");
  gint64 audit_before;

  g_assert_true (em_evaluation_store_finalise (f->store, id, "组长", &error));
  answers_before = query_text (f->db, "SELECT answers FROM evaluations");
  audit_before = query (f->db, "SELECT count(*) FROM audit_log");

  g_assert_false (em_evaluation_store_save (f->store, id, changed, "李娜", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (em_evaluation_store_change_version (f->store, id, import (f, f->v2, TRUE), changed,
                                                      "李娜", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (em_evaluation_store_submit (f->store, id, "李娜", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (em_evaluation_store_finalise (f->store, id, "组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (em_evaluation_store_discard (f->store, id, "李娜", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);

  answers_after = query_text (f->db, "SELECT answers FROM evaluations");
  g_assert_cmpstr (answers_before, ==, answers_after);
  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (100));
  g_assert_cmpint (query (f->db, "SELECT status FROM evaluations"), ==, EM_EVALUATION_FINALISED);
  /* only the second scorecard import was logged */
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log"), ==, audit_before + 1);
}

/* An appeal's decision re-scores a finalised evaluation against its own
 * revision; it stays finalised.
 */
static void
test_amend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autoptr(EmAnswers) decided = NULL;
  g_autofree char *detail = NULL;
  gint64 id = create (f, import (f, f->v1, TRUE),
                      "[Item:capped.check]\nResult=fail\n[Item:open.penalty]\nOccurrences=1\n");

  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (86));
  g_assert_true (em_evaluation_store_finalise (f->store, id, "组长", &error));

  /* Amending is for finalised evaluations only. */
  evaluation = em_evaluation_store_load (f->store, id, &error);
  decided = em_answers_copy (em_evaluation_get_answers (evaluation));
  g_assert_true (em_answers_waive_item (decided, em_evaluation_get_scorecard (evaluation), "open.penalty"));

  g_assert_true (em_evaluation_store_amend (f->store, id, decided, "组长", "appeal 1: open.penalty overturned",
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (96));
  g_assert_cmpint (query (f->db, "SELECT status FROM evaluations"), ==, EM_EVALUATION_FINALISED);
  g_assert_cmpint (query (f->db, "SELECT deduction FROM evaluation_sections WHERE section_id = 'open'"), ==, 0);

  detail = query_text (f->db, "SELECT detail FROM audit_log WHERE action = 'amend' AND actor = '组长'");
  g_assert_cmpstr (detail, ==, "appeal 1: open.penalty overturned; total 86.00 → 96.00; changed: open.penalty");
}

static void
test_amend_needs_finalised (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAnswers) answers = answers_with (f->v1, "");
  gint64 id = create (f, import (f, f->v1, TRUE), "[Item:capped.check]\nResult=fail\n");

  g_assert_false (em_evaluation_store_amend (f->store, id, answers, "组长", NULL, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (96));
}

/* The GUI saves every couple of seconds: unchanged answers write nothing,
 * a change writes the evaluation, its rows and one audit entry.
 */
static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autofree char *detail = NULL;
  EmAnswers *answers;
  gint64 id = create (f, import (f, f->v1, TRUE), "");
  gint64 audit_before;

  evaluation = em_evaluation_store_load (f->store, id, &error);
  answers = em_evaluation_get_answers (evaluation);
  g_assert_true (em_evaluation_store_save (f->store, id, answers, "李娜", &error));
  g_assert_no_error (error);

  g_assert_true (em_db_exec (f->db, "UPDATE evaluations SET updated_at = 0", &error));
  audit_before = query (f->db, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < 10; i++)
    g_assert_true (em_evaluation_store_save (f->store, id, answers, "李娜", &error));
  g_assert_cmpint (query (f->db, "SELECT updated_at FROM evaluations"), ==, 0);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log"), ==, audit_before);

  em_item_answer_set_result (em_answers_ensure_item (answers, "capped.check"), EM_ITEM_RESULT_FAIL);
  em_item_answer_add_moment (em_answers_ensure_item (answers, "capped.check"), 12500);
  g_assert_true (em_evaluation_store_save (f->store, id, answers, "李娜", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f->db, "SELECT updated_at FROM evaluations"), >, 0);
  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (96));
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log"), ==, audit_before + 1);
  detail = query_text (f->db, "SELECT detail FROM audit_log WHERE action = 'update'");
  g_assert_cmpstr (detail, ==, "total 100.00 → 96.00; changed: capped.check");
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluation_items WHERE item_id = 'capped.check' "
                                 "AND result = 0 AND deduction = 400 AND moments = '12.5'"), ==, 1);
}

/* Per-item and per-section rows keep the why of the total. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autoptr(EmAnswers) answers = em_answers_new_from_file (path, &error);
  gint64 id = em_evaluation_store_create (f->store, f->call, import (f, f->v1, TRUE), "李娜", answers, &error);

  g_assert_no_error (error);
  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (68));
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluation_items"), ==, 10);
  g_assert_cmpint (query (f->db, "SELECT sum(deduction) FROM evaluation_items"), ==, 1200 + 400 + 2000 + 400);
  g_assert_cmpint (query (f->db, "SELECT deduction FROM evaluation_items WHERE item_id = 'capped.deduct' "
                                 "AND occurrences = 2 AND complaint_occurrences = 1 AND moments = '12.5;97'"),
                   ==, 500);
  g_assert_cmpint (query (f->db, "SELECT option_index FROM evaluation_items WHERE item_id = 'graded.plan'"), ==, 2);
  g_assert_cmpint (query (f->db, "SELECT score FROM evaluation_items WHERE item_id = 'graded.quality'"), ==, 1500);
  g_assert_cmpint (query (f->db, "SELECT bonus FROM evaluation_items WHERE item_id = 'base.bonus'"), ==, 600);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluation_items WHERE section_id IS NULL"), ==, 3);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluation_sections"), ==, 3);
  g_assert_cmpint (query (f->db, "SELECT deduction FROM evaluation_sections WHERE section_id = 'capped' "
                                 "AND points = 1000 AND score = 0"), ==, 1000);
  g_assert_cmpint (query (f->db, "SELECT score FROM evaluation_sections WHERE section_id = 'open'"), ==, -2000);
}

static void
test_submit_needs_complete_answers (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = em_evaluation_store_create (f->store, f->call, import (f, f->v1, TRUE), "李娜", NULL, &error);

  /* A draft may be empty… */
  g_assert_no_error (error);
  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (100));

  /* …a submitted evaluation may not. */
  g_assert_false (em_evaluation_store_submit (f->store, id, "李娜", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==,
                   "answers: [Item:graded.plan] Option: missing: a choice item must be answered "
                   "(or marked Result=na)\n"
                   "answers: [Item:graded.quality] Score: missing: a score item must be answered "
                   "(or marked Result=na)");
  g_assert_cmpint (query (f->db, "SELECT status FROM evaluations"), ==, EM_EVALUATION_DRAFT);
}

static void
test_bad_input_changes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAnswers) answers = answers_with (f->v1, "[Item:capped.deduct]\nOccurrences=1\n");
  g_autoptr(EmAnswers) wrong = answers_with (f->v1, "[Item:no.such]\nResult=na\n");
  gint64 version = import (f, f->v1, TRUE);
  gint64 audit_before = query (f->db, "SELECT count(*) FROM audit_log");

  g_assert_cmpint (em_evaluation_store_create (f->store, 999, version, "李娜", answers, &error), ==, 0);
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (em_evaluation_store_create (f->store, f->call, version, "李娜", wrong, &error), ==, 0);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (em_evaluation_store_create (f->store, f->call, version, "", answers, &error), ==, 0);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (em_evaluation_store_create (f->store, f->call, 999, "李娜", answers, &error), ==, 0);
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);

  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluations"), ==, 0);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluation_items"), ==, 0);
  g_assert_cmpint (query (f->db, "SELECT frozen FROM scorecard_versions"), ==, 0);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log"), ==, audit_before);
}

/* Store calls compose inside a caller's transaction and roll back with it. */
static void
test_nested_transaction (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 version;

  g_assert_true (em_db_begin (f->db, &error));
  version = import (f, f->v1, TRUE);
  create (f, version, "");
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluations"), ==, 1);
  em_db_rollback (f->db);

  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluations"), ==, 0);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecard_versions"), ==, 0);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log"), ==, 0);
}

static void
test_change_version (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAnswers) answers = answers_with (f->v2, "[Item:capped.check]\nResult=fail\n");
  gint64 v1 = import (f, f->v1, TRUE);
  gint64 v2 = import (f, f->v2, TRUE);
  gint64 id = create (f, v1, "[Item:capped.check]\nResult=fail\n");

  g_assert_true (em_evaluation_store_change_version (f->store, id, v2, answers, "李娜", &error));
  g_assert_no_error (error);
  g_assert_cmpint (stored_total (f, id), ==, EM_POINTS (94));
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecard_versions WHERE frozen = 1"), ==, 2);
  g_assert_cmpint (query (f->db, "SELECT scorecard_version_id FROM evaluations"), ==, v2);
}

static void
test_discard_and_find (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  EmEvaluationStatus status = EM_EVALUATION_FINALISED;
  gint64 version = import (f, f->v1, TRUE);
  gint64 first = create (f, version, "");
  gint64 second = create (f, version, "");

  g_assert_cmpint (em_evaluation_store_find_latest (f->store, f->call, "李娜", "all-kinds", &status, &error),
                   ==, second);
  g_assert_cmpint (status, ==, EM_EVALUATION_DRAFT);
  g_assert_cmpint (em_evaluation_store_find_latest (f->store, f->other_call, "李娜", "all-kinds", NULL, &error),
                   ==, 0);
  g_assert_cmpint (em_evaluation_store_find_latest (f->store, f->call, "王五", "all-kinds", NULL, &error), ==, 0);

  g_assert_true (em_evaluation_store_discard (f->store, second, "李娜", &error));
  g_assert_no_error (error);
  ids = em_evaluation_store_list_for_call (f->store, f->call, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, first);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM evaluation_items"), ==, 10);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM audit_log WHERE action = 'discard'"), ==, 1);

  g_assert_cmpint (em_evaluation_store_lookup_call (f->store, "C-404", &error), ==, 0);
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
}

static void
test_import_shipped (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (em_shipped_scorecards_import (f->db, "system", &error));
  g_assert_true (em_shipped_scorecards_import (f->db, "system", &error));
  g_assert_no_error (error);

  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecards"), ==, 6);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecard_versions"), ==, 6);
  g_assert_cmpint (query (f->db, "SELECT count(*) FROM scorecards WHERE key = 'hotline-call-qa' "
                                 "AND title = '热线通话质检评分表'"), ==, 1);
}

/* An autosave that changes nothing needs no write lock, so it succeeds
 * while another program holds it (taking the lock would fail with
 * EM_ERROR_DATABASE_LOCKED once the busy timeout ran out).
 */
static void
test_unchanged_save_needs_no_lock (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) other = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  gint64 id = create (f, import (f, f->v1, TRUE), "[Item:capped.check]\nResult=fail\n");

  evaluation = em_evaluation_store_load (f->store, id, &error);
  g_assert_no_error (error);

  other = em_db_open (em_db_get_path (f->db), &error);
  g_assert_no_error (error);
  g_assert_true (em_db_begin (other, &error));

  g_assert_true (em_evaluation_store_save (f->store, id, em_evaluation_get_answers (evaluation), "李娜", &error));
  g_assert_no_error (error);

  em_db_rollback (other);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/evaluation-store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("revisions", test_revisions);
  ADD ("old-evaluation-keeps-version", test_old_evaluation_keeps_version);
  ADD ("unused-revision-editable", test_unused_revision_editable);
  ADD ("workflow-and-audit", test_workflow_and_audit);
  ADD ("finalised-read-only", test_finalised_read_only);
  ADD ("amend", test_amend);
  ADD ("amend-needs-finalised", test_amend_needs_finalised);
  ADD ("autosave", test_autosave);
  ADD ("rows", test_rows);
  ADD ("submit-needs-complete-answers", test_submit_needs_complete_answers);
  ADD ("bad-input-changes-nothing", test_bad_input_changes_nothing);
  ADD ("nested-transaction", test_nested_transaction);
  ADD ("change-version", test_change_version);
  ADD ("discard-and-find", test_discard_and_find);
  ADD ("import-shipped", test_import_shipped);
  ADD ("unchanged-save-needs-no-lock", test_unchanged_save_needs_no_lock);

#undef ADD

  return g_test_run ();
}
