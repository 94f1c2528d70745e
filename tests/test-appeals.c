/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-appeal-store.h"
#include "em-db.h"
#include "em-error.h"
#include "em-evaluation-store.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"
#include "em-test-util.h"

/* Appeals (申诉) against finalised evaluations made with the shipped
 * scorecards: filing, deciding item by item, the total re-scored once
 * the appeal closes, the audit log, and every refusal changing nothing.
 *
 * The numbers are the seeds': in the hotline scorecard (seed 003) a
 * 服务禁语 takes 2 points from 服务用语 (10, 扣完为止) and 结束前确认问题
 * 已解决 is a 5-point check; in the service-norm code 提前挂机 costs 6,
 * doubled when it caused a complaint (加倍扣罚).
 */

typedef struct
{
  char              *dir;
  EmDb              *db;
  EmEvaluationStore *store;
  EmAppealStore     *appeals;
  gint64             call;
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

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);
  f->store = em_evaluation_store_new (f->db);
  f->appeals = em_appeal_store_new (f->store);

  g_assert_cmpint (em_db_ensure_agent (f->db, "1001", "王芳", 0, &error), ==, 1);
  g_assert_true (em_db_exec (f->db,
                             "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s) "
                             "VALUES ('HL-0001', 1, 1717400000, 28800, 245)",
                             &error));
  g_assert_no_error (error);
  f->call = em_evaluation_store_lookup_call (f->store, "HL-0001", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->appeals);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
import_shipped (Fixture    *f,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecard) scorecard = em_shipped_scorecard_load (name, &error);
  gint64 version;

  g_assert_no_error (error);
  version = em_scorecard_store_import (f->db, scorecard, "组长", NULL, &error);
  g_assert_no_error (error);
  return version;
}

/* An evaluation of the call with @answers (an .answers text after the
 * [Evaluation] group), moved on to @status.
 */
static gint64
evaluate (Fixture            *f,
          const char         *scorecard,
          const char         *answers_text,
          EmEvaluationStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("%s.scorecard", scorecard);
  g_autofree char *text = g_strdup_printf ("[Evaluation]\nScorecard=%s\n%s", scorecard, answers_text);
  g_autoptr(EmAnswers) answers = em_answers_new_from_data (text, -1, "answers", &error);
  gint64 id;

  g_assert_no_error (error);
  id = em_evaluation_store_create (f->store, f->call, import_shipped (f, file), "李质检", answers, &error);
  g_assert_no_error (error);

  if (status >= EM_EVALUATION_SUBMITTED)
    g_assert_true (em_evaluation_store_submit (f->store, id, "李质检", &error));
  if (status >= EM_EVALUATION_FINALISED)
    g_assert_true (em_evaluation_store_finalise (f->store, id, "王组长", &error));
  g_assert_no_error (error);

  return id;
}

/* 服务禁语 twice (−4 from 服务用语) and the call closed before confirming
 * the issue was solved (−5 from 通话规范): 100 − 4 − 5 = 91.
 */
#define HOTLINE_ANSWERS \
  "[Item:attitude.warmth]\nScore=9\n" \
  "[Item:language.taboo]\nOccurrences=2\nMoments=12.5;97\nNote=直呼客户“喂”,并说“不清楚”\n" \
  "[Item:control.confirm]\nResult=fail\nNote=未确认问题已解决即挂机\n"

static EmPoints
total_of (Fixture *f,
          gint64   evaluation)
{
  g_autofree char *sql = g_strdup_printf ("SELECT total FROM evaluations WHERE id = %" G_GINT64_FORMAT,
                                          evaluation);
  return query (f->db, sql);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return query (f->db, sql);
}

static void
assert_strv_of (GPtrArray          *ids,
                const char * const *expected)
{
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, expected[i]);
}

static void
test_overturn_one_uphold_one (Fixture       *f,
                              gconstpointer  data)
{
  static const char * const items[] = { "language.taboo", "control.confirm", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) appealable = NULL;
  g_autoptr(EmAppeal) appeal = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *sql = NULL;
  EmAppealRuling preview[] = { { "language.taboo", EM_APPEAL_OVERTURNED },
                               { "control.confirm", EM_APPEAL_UPHELD } };
  EmPoints previewed = 0;
  gint64 id, appeal_id;

  id = evaluate (f, "hotline-call-qa", HOTLINE_ANSWERS, EM_EVALUATION_FINALISED);
  g_assert_cmpint (total_of (f, id), ==, 9100);

  /* What the agent may dispute: the two items that cost points. */
  appealable = em_appeal_store_list_appealable (f->appeals, id, &error);
  g_assert_no_error (error);
  assert_strv_of (appealable, items);

  appeal_id = em_appeal_store_file (f->appeals, id, items, "  坐席称“喂”是在确认信号,客户已表示问题解决  ",
                                    "李质检", &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeal_id, >, 0);
  g_assert_cmpint (em_appeal_store_find_open (f->appeals, id, &error), ==, appeal_id);

  appeal = em_appeal_store_load (f->appeals, appeal_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeal->evaluation_id, ==, id);
  g_assert_cmpstr (appeal->reason, ==, "坐席称“喂”是在确认信号,客户已表示问题解决");
  g_assert_cmpstr (appeal->filed_by, ==, "李质检");
  g_assert_cmpint (appeal->status, ==, EM_APPEAL_OPEN);
  g_assert_cmpint (appeal->total_before, ==, 9100);
  g_assert_cmpint (appeal->total_after, ==, -1);
  g_assert_cmpuint (appeal->items->len, ==, 2);
  g_assert_cmpuint (em_appeal_count_decision (appeal, EM_APPEAL_PENDING), ==, 2);
  g_clear_pointer (&appeal, em_appeal_free);

  /* The total the lead reads before confirming: the 4 points come back. */
  g_assert_true (em_appeal_store_preview (f->appeals, appeal_id, preview, 2, &previewed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (previewed, ==, 9500);

  /* One decision: recorded, but the evaluation waits for the last one. */
  g_assert_true (em_appeal_store_decide (f->appeals, appeal_id, "language.taboo", EM_APPEAL_OVERTURNED,
                                         "“喂”用于确认信号,不属服务禁语", "王组长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_of (f, id), ==, 9100);
  g_assert_cmpint (em_appeal_store_find_open (f->appeals, id, &error), ==, appeal_id);

  /* Deciding twice is refused. */
  g_assert_false (em_appeal_store_decide (f->appeals, appeal_id, "language.taboo", EM_APPEAL_UPHELD,
                                          NULL, "王组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "already decided"));
  g_clear_error (&error);

  /* The last decision closes the appeal: 100 − 5 = 95. */
  g_assert_true (em_appeal_store_decide (f->appeals, appeal_id, "control.confirm", EM_APPEAL_UPHELD,
                                         NULL, "王组长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_of (f, id), ==, 9500);
  g_assert_cmpint (em_appeal_store_find_open (f->appeals, id, &error), ==, 0);

  appeal = em_appeal_store_load (f->appeals, appeal_id, &error);
  g_assert_cmpint (appeal->status, ==, EM_APPEAL_DECIDED);
  g_assert_cmpint (appeal->total_before, ==, 9100);
  g_assert_cmpint (appeal->total_after, ==, 9500);
  g_assert_cmpint (em_appeal_lookup_item (appeal, "language.taboo")->decision, ==, EM_APPEAL_OVERTURNED);
  g_assert_cmpstr (em_appeal_lookup_item (appeal, "language.taboo")->comment, ==, "“喂”用于确认信号,不属服务禁语");
  g_assert_cmpstr (em_appeal_lookup_item (appeal, "control.confirm")->decided_by, ==, "王组长");
  g_assert_cmpint (em_appeal_lookup_item (appeal, "control.confirm")->decision, ==, EM_APPEAL_UPHELD);

  /* The evaluation: still finalised, 服务用语 whole again, the note and
   * moments of the overturned item kept for the record. */
  evaluation = em_evaluation_store_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (em_evaluation_get_status (evaluation), ==, EM_EVALUATION_FINALISED);
  g_assert_cmpint (em_evaluation_get_total (evaluation), ==, 9500);
  g_assert_cmpint (em_score_result_lookup_section (em_evaluation_get_result (evaluation), "language")->score,
                   ==, 1000);
  g_assert_cmpint (em_score_result_lookup_section (em_evaluation_get_result (evaluation), "control")->score,
                   ==, 1000);
  sql = g_strdup_printf ("SELECT occurrences * 1000000 + deduction FROM evaluation_items "
                         "WHERE evaluation_id = %" G_GINT64_FORMAT " AND item_id = 'language.taboo'", id);
  g_assert_cmpint (count (f, sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT note || ' @ ' || moments FROM evaluation_items "
                         "WHERE evaluation_id = %" G_GINT64_FORMAT " AND item_id = 'language.taboo'", id);
  detail = query_text (f->db, sql);
  g_assert_cmpstr (detail, ==, "直呼客户“喂”,并说“不清楚” @ 12.5;97");
  g_clear_pointer (&detail, g_free);

  /* The audit log: who, what, the total before → after. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'appeal' AND action = 'file' "
                             "AND actor = '李质检' AND detail LIKE '%language.taboo (−4.00), "
                             "control.confirm (−5.00)%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'appeal' AND action = 'decide' "
                             "AND actor = '王组长'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'decide' "
                             "AND detail LIKE 'language.taboo: overturned; comment: %'"), ==, 1);
  detail = query_text (f->db, "SELECT detail FROM audit_log WHERE entity = 'appeal' AND action = 'close'");
  g_assert_nonnull (strstr (detail, "total 91.00 → 95.00"));
  g_assert_nonnull (strstr (detail, "overturned: language.taboo; upheld: control.confirm"));
  g_clear_pointer (&detail, g_free);
  detail = query_text (f->db, "SELECT actor || ': ' || detail FROM audit_log "
                              "WHERE entity = 'evaluation' AND action = 'amend'");
  g_assert_true (g_str_has_prefix (detail, "王组长: appeal "));
  g_assert_nonnull (strstr (detail, "overturned language.taboo; total 91.00 → 95.00; changed: language.taboo"));

  /* Closed: nothing more to decide; the upheld item cannot be appealed
   * again, the overturned one no longer costs anything. */
  g_assert_false (em_appeal_store_decide (f->appeals, appeal_id, "control.confirm", EM_APPEAL_OVERTURNED,
                                          NULL, "王组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_clear_pointer (&appealable, g_ptr_array_unref);
  appealable = em_appeal_store_list_appealable (f->appeals, id, &error);
  g_assert_cmpuint (appealable->len, ==, 0);
  {
    static const char * const again[] = { "control.confirm", NULL };
    static const char * const waived[] = { "language.taboo", NULL };

    g_assert_cmpint (em_appeal_store_file (f->appeals, id, again, "再次申诉", "李质检", &error), ==, 0);
    g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "already appealed (upheld)"));
    g_clear_error (&error);
    g_assert_cmpint (em_appeal_store_file (f->appeals, id, waived, "再次申诉", "李质检", &error), ==, 0);
    g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "cost no points"));
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM appeals"), ==, 1);
}

/* Overturning an item in a section already at its cap gives back only
 * what the cap let it take: 服务用语 lost 3 + 6 + 2 = 11 of its 10 points;
 * without the 口语 (2) it loses 9, so the total moves 90 → 91, not 92.
 */
static void
test_section_cap (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const items[] = { "language.filler", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id, appeal_id;

  id = evaluate (f, "hotline-call-qa",
                 "[Item:attitude.warmth]\nScore=9\n"
                 "[Item:language.opening-closing]\nOccurrences=2\n"
                 "[Item:language.taboo]\nOccurrences=3\n"
                 "[Item:language.filler]\nOccurrences=1\n",
                 EM_EVALUATION_FINALISED);
  g_assert_cmpint (total_of (f, id), ==, 9000);

  appeal_id = em_appeal_store_file (f->appeals, id, items, "“啊”是客户的声音", "李质检", &error);
  g_assert_no_error (error);
  g_assert_true (em_appeal_store_decide (f->appeals, appeal_id, "language.filler", EM_APPEAL_OVERTURNED,
                                         NULL, "王组长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_of (f, id), ==, 9100);
  g_assert_cmpint (count (f, "SELECT total_before * 100000 + total_after FROM appeals"), ==, 9000LL * 100000 + 9100);
}

/* Service-norm code: 提前挂机 that caused a complaint costs 6 × 2 and an
 * impatient tone 10: 100 − 12 − 10 = 78.  Both decided in one go.
 */
static void
test_early_hangup_decided_together (Fixture       *f,
                                    gconstpointer  data)
{
  static const char * const items[] = { "conduct.early-hangup", "conduct.impatient", NULL };
  EmAppealRuling rulings[] = { { "conduct.impatient", EM_APPEAL_UPHELD },
                               { "conduct.early-hangup", EM_APPEAL_OVERTURNED } };
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gint64 id, appeal_id;

  id = evaluate (f, "service-norm-code",
                 "[Item:conduct.early-hangup]\nOccurrences=1\nComplaintOccurrences=1\nMoments=241\n"
                 "[Item:conduct.impatient]\nOccurrences=1\n",
                 EM_EVALUATION_FINALISED);
  g_assert_cmpint (total_of (f, id), ==, 7800);

  appeal_id = em_appeal_store_file (f->appeals, id, items, "线路中断,非坐席挂机", "李质检", &error);
  g_assert_no_error (error);
  g_assert_true (em_appeal_store_decide_items (f->appeals, appeal_id, rulings, 2, "平台日志显示线路中断",
                                               "王组长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_of (f, id), ==, 9000);

  detail = query_text (f->db, "SELECT detail FROM audit_log WHERE action = 'file'");
  g_assert_nonnull (strstr (detail, "conduct.early-hangup (−12.00), conduct.impatient (−10.00)"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM appeal_items WHERE comment = '平台日志显示线路中断'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'close' "
                             "AND detail LIKE '%total 78.00 → 90.00%'"), ==, 1);
}

/* A red-line item that fired is appealable too; overturned, the total is
 * what the other items leave: 100 − 2 = 98.
 */
static void
test_fatal_item (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const items[] = { "fatal.abuse", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  gint64 id, appeal_id;

  id = evaluate (f, "hotline-call-qa",
                 "[Item:attitude.warmth]\nScore=9\n"
                 "[Item:language.casual]\nOccurrences=1\n"
                 "[Item:fatal.abuse]\nTriggered=true\n",
                 EM_EVALUATION_FINALISED);
  g_assert_cmpint (total_of (f, id), ==, 0);

  appeal_id = em_appeal_store_file (f->appeals, id, items, "是客户辱骂坐席", "李质检", &error);
  g_assert_no_error (error);
  detail = query_text (f->db, "SELECT detail FROM audit_log WHERE action = 'file'");
  g_assert_nonnull (strstr (detail, "fatal.abuse (fatal)"));
  g_assert_true (em_appeal_store_decide (f->appeals, appeal_id, "fatal.abuse", EM_APPEAL_OVERTURNED,
                                         NULL, "王组长", &error));
  g_assert_no_error (error);
  g_assert_cmpint (total_of (f, id), ==, 9800);
  g_assert_cmpint (count (f, "SELECT fatal FROM evaluations"), ==, 0);
}

static gint64
n_changes (Fixture *f)
{
  return count (f, "SELECT (SELECT count(*) FROM appeals) * 1000000 + (SELECT count(*) FROM appeal_items) * 1000 "
                   "+ (SELECT count(*) FROM audit_log)");
}

static void
assert_file_refused (Fixture            *f,
                     gint64              evaluation,
                     const char * const *items,
                     const char         *reason,
                     const char         *filed_by,
                     int                 code,
                     const char         *message_part)
{
  g_autoptr(GError) error = NULL;
  gint64 before = n_changes (f);

  g_assert_cmpint (em_appeal_store_file (f->appeals, evaluation, items, reason, filed_by, &error), ==, 0);
  g_assert_error (error, EM_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
  g_assert_cmpint (n_changes (f), ==, before);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  static const char * const taboo[] = { "language.taboo", NULL };
  static const char * const unknown[] = { "language.nonsense", NULL };
  static const char * const passed[] = { "info.complete", NULL };
  static const char * const twice[] = { "language.taboo", "language.taboo", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 draft, submitted, finalised, appeal_id, before;

  draft = evaluate (f, "hotline-call-qa", HOTLINE_ANSWERS, EM_EVALUATION_DRAFT);
  submitted = evaluate (f, "hotline-call-qa", HOTLINE_ANSWERS, EM_EVALUATION_SUBMITTED);
  finalised = evaluate (f, "hotline-call-qa", HOTLINE_ANSWERS "[Item:bonus.excellent]\nOccurrences=1\n",
                        EM_EVALUATION_FINALISED);
  g_assert_cmpint (total_of (f, finalised), ==, 9600);

  assert_file_refused (f, draft, taboo, "理由", "李质检", EM_ERROR_INVALID_INPUT, "not finalised");
  assert_file_refused (f, submitted, taboo, "理由", "李质检", EM_ERROR_INVALID_INPUT, "not finalised");
  assert_file_refused (f, 999, taboo, "理由", "李质检", EM_ERROR_NOT_FOUND, "no evaluation 999");
  assert_file_refused (f, finalised, unknown, "理由", "李质检", EM_ERROR_INVALID_INPUT, "no item “language.nonsense”");
  assert_file_refused (f, finalised, passed, "理由", "李质检", EM_ERROR_INVALID_INPUT, "cost no points");
  {
    static const char * const bonus[] = { "bonus.excellent", NULL };
    assert_file_refused (f, finalised, bonus, "理由", "李质检", EM_ERROR_INVALID_INPUT, "cost no points");
  }
  assert_file_refused (f, finalised, twice, "理由", "李质检", EM_ERROR_INVALID_INPUT, "named twice");
  assert_file_refused (f, finalised, none, "理由", "李质检", EM_ERROR_INVALID_INPUT, "at least one item");
  assert_file_refused (f, finalised, taboo, "   ", "李质检", EM_ERROR_INVALID_INPUT, "needs a reason");
  assert_file_refused (f, finalised, taboo, "理由", "", EM_ERROR_INVALID_INPUT, "who enters it");

  /* One open appeal at a time. */
  appeal_id = em_appeal_store_file (f->appeals, finalised, taboo, "理由", "李质检", &error);
  g_assert_no_error (error);
  {
    static const char * const other[] = { "control.confirm", NULL };
    assert_file_refused (f, finalised, other, "理由", "李质检", EM_ERROR_INVALID_INPUT, "already has an open appeal");
  }

  /* Decisions that are refused change nothing either. */
  before = n_changes (f);
  g_assert_false (em_appeal_store_decide (f->appeals, appeal_id, "control.confirm", EM_APPEAL_UPHELD,
                                          NULL, "王组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (em_appeal_store_decide (f->appeals, 4242, "language.taboo", EM_APPEAL_UPHELD,
                                          NULL, "王组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (em_appeal_store_decide (f->appeals, appeal_id, "language.taboo", EM_APPEAL_PENDING,
                                          NULL, "王组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (em_appeal_store_decide (f->appeals, appeal_id, "language.taboo", EM_APPEAL_UPHELD,
                                          NULL, NULL, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpint (n_changes (f), ==, before);
  g_assert_cmpint (total_of (f, finalised), ==, 9600);
}

/* Closing the appeal is part of the last decision's transaction: when
 * the evaluation cannot be re-scored, the decision is not kept either.
 */
static void
test_close_failure_rolls_back (Fixture       *f,
                               gconstpointer  data)
{
  static const char * const taboo[] = { "language.taboo", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id, appeal_id, before;

  id = evaluate (f, "hotline-call-qa", HOTLINE_ANSWERS, EM_EVALUATION_FINALISED);
  appeal_id = em_appeal_store_file (f->appeals, id, taboo, "理由", "李质检", &error);
  g_assert_no_error (error);

  /* Another program damaged the stored answers meanwhile. */
  sql = g_strdup_printf ("UPDATE evaluations SET answers = '[Evaluation' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (em_db_exec (f->db, sql, NULL));
  before = n_changes (f);

  g_assert_false (em_appeal_store_decide (f->appeals, appeal_id, "language.taboo", EM_APPEAL_OVERTURNED,
                                          NULL, "王组长", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_DATABASE_CORRUPT);
  g_assert_cmpint (n_changes (f), ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM appeal_items WHERE decision = 0"), ==, 1);
  g_assert_cmpint (em_appeal_store_find_open (f->appeals, id, NULL), ==, appeal_id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/appeals/overturn-one-uphold-one", test_overturn_one_uphold_one);
  ADD ("/appeals/section-cap", test_section_cap);
  ADD ("/appeals/early-hangup-decided-together", test_early_hangup_decided_together);
  ADD ("/appeals/fatal-item", test_fatal_item);
  ADD ("/appeals/refusals", test_refusals);
  ADD ("/appeals/close-failure-rolls-back", test_close_failure_rolls_back);
#undef ADD

  return g_test_run ();
}
