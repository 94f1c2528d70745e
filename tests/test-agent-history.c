/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "em-agent-evaluation.h"
#include "em-agent-history.h"
#include "em-error.h"
#include "em-month-fixture.h"
#include "em-test-util.h"

/* The agents' histories on the hand-worked fixture (em-month-fixture.c):
 * months, figures, the costliest items added up over months, and the
 * evaluation lists.
 */

typedef struct
{
  char     *dir;
  EmDb     *db;
  EmScheme *scheme;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = em_month_fixture_create (f->dir);
  f->db = em_db_open (path, NULL);
  g_assert_nonnull (f->db);
  f->scheme = em_scheme_new_default ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->scheme);
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

static EmAgentHistory *
compute (Fixture    *f,
         const char *last_month,
         const char *language)
{
  g_autoptr(GError) error = NULL;
  EmAgentHistory *history;
  EmPeriod month;

  g_assert_true (em_period_parse_month (last_month, &month, NULL));
  history = em_agent_history_compute (f->db, f->scheme, &month, 12, language, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

static const EmHistoryAgent *
find_agent (EmAgentHistory *history,
            const char     *code)
{
  for (guint i = 0; i < em_agent_history_get_n_agents (history); i++)
    if (g_str_equal (em_agent_history_get_agent (history, i)->code, code))
      return em_agent_history_get_agent (history, i);

  g_error ("no agent %s", code);
}

/* The month range is local: B001's call of 2024-05-31 22:00 at −5 is the
 * latest in UTC, but B001's 2024-06-01 00:30 at +8 is the latest month.
 */
static void
test_month_range (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty_dir = em_test_make_tmpdir ();
  g_autofree char *empty_path = g_build_filename (empty_dir, "empty.db", NULL);
  g_autoptr(EmDb) empty = em_db_open (empty_path, NULL);
  EmPeriod first, last;

  g_assert_true (em_agent_history_get_month_range (f->db, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first.year, ==, 2023);
  g_assert_cmpint (first.index, ==, 12);
  g_assert_cmpint (last.year, ==, 2024);
  g_assert_cmpint (last.index, ==, 6);

  g_assert_false (em_agent_history_get_month_range (empty, &first, &last, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
  g_clear_object (&empty);
  em_test_rm_rf (empty_dir);
}

/* Every agent is listed, with the same figures as the month's report. */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(EmAgentHistory) history = compute (f, "2024-06", "zh_CN");
  const EmHistoryAgent *a001 = find_agent (history, "A001");
  const EmHistoryAgent *b001 = find_agent (history, "B001");
  const EmHistoryAgent *c001 = find_agent (history, "C001");
  const EmPeriod *month;

  g_assert_cmpuint (em_agent_history_get_n_months (history), ==, 12);
  month = em_agent_history_get_month (history, 0);
  g_assert_cmpint (month->year * 100 + month->index, ==, 202307);
  month = em_agent_history_get_month (history, 11);
  g_assert_cmpint (month->year * 100 + month->index, ==, 202406);

  g_assert_cmpuint (em_agent_history_get_n_agents (history), ==, 6);
  g_assert_cmpstr (a001->name, ==, "王芳");
  g_assert_cmpstr (a001->team, ==, "一组");

  /* May (index 10): A001 87.00, its team 82.50; B001 55.00 in April, 54.44 in June. */
  g_assert_cmpint (em_agent_history_get_figures (history, 10, a001)->total, ==, 8700);
  g_assert_cmpint (em_agent_history_get_team_figures (history, 10, a001)->total, ==, 8250);
  g_assert_null (em_agent_history_get_figures (history, 11, a001));
  g_assert_cmpint (em_agent_history_get_figures (history, 9, b001)->total, ==, 5500);
  g_assert_cmpint (em_agent_history_get_figures (history, 11, b001)->total, ==, 5444);

  /* C001 never had a call: listed, without figures. */
  for (guint m = 0; m < 12; m++)
    g_assert_null (em_agent_history_get_figures (history, m, c001));
  g_assert_cmpuint (em_agent_history_get_n_deductions (history, c001->id), ==, 0);
}

/* The items are added up over the months, titled from the newest revision
 * that cost the agent points.
 */
static void
test_deductions (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(EmAgentHistory) history = compute (f, "2024-06", "zh_CN");
  g_autoptr(EmAgentHistory) english = compute (f, "2024-06", "en");
  g_autoptr(EmAgentHistory) may_only = NULL;
  const EmHistoryAgent *b001 = find_agent (history, "B001");
  const EmHistoryAgent *b002 = find_agent (history, "B002");
  const EmHistoryAgent *a001 = find_agent (history, "A001");
  const EmDeduction *d;

  /* B001: hanging up early in May (30) and June (50), forbidden phrases in April (40). */
  g_assert_cmpuint (em_agent_history_get_n_deductions (history, b001->id), ==, 2);
  d = em_agent_history_get_deduction (history, b001->id, 0);
  g_assert_cmpstr (d->item_id, ==, "service.hangup");
  g_assert_cmpstr (d->item_title, ==, "提前挂机");
  g_assert_cmpint (d->points, ==, 8000);
  g_assert_cmpint (d->n_evaluations, ==, 2);
  d = em_agent_history_get_deduction (history, b001->id, 1);
  g_assert_cmpstr (d->item_id, ==, "lang.taboo");
  g_assert_cmpint (d->points, ==, 4000);

  /* B002: the fatal 2023-12-31 call (100) first; the item renamed in
   * revision 2 carries the new title.
   */
  g_assert_cmpuint (em_agent_history_get_n_deductions (history, b002->id), ==, 3);
  g_assert_cmpint (em_agent_history_get_deduction (history, b002->id, 0)->points, ==, 10000);
  g_assert_cmpint (em_agent_history_get_deduction (history, b002->id, 1)->points, ==, 1200);
  d = em_agent_history_get_deduction (history, b002->id, 2);
  g_assert_cmpstr (d->item_title, ==, "信息内容准确（修订）");
  g_assert_cmpstr (em_agent_history_get_deduction (english, b002->id, 2)->item_title, ==,
                   "Information accurate (rev. 2)");

  /* A001: only the finalised, not excluded evaluations count. */
  g_assert_cmpuint (em_agent_history_get_n_deductions (history, a001->id), ==, 3);
  g_assert_cmpstr (em_agent_history_get_deduction (history, a001->id, 0)->item_title, ==, "信息内容准确无误");
  g_assert_cmpint (em_agent_history_get_deduction (history, a001->id, 0)->points, ==, 1200);

  /* Twelve months ending in 2024-05 leave B001's June out. */
  may_only = compute (f, "2024-05", "zh_CN");
  g_assert_cmpint (em_agent_history_get_deduction (may_only, b001->id, 0)->points, ==, 4000);
  g_assert_cmpint (em_agent_history_get_deduction (may_only, b001->id, 1)->points, ==, 3000);
}

/* Every evaluation of the agent's calls in the months, any status, newest
 * call first.
 */
static void
test_evaluations (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EmAgentHistory) history = compute (f, "2024-06", "en");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(EmAgentEvaluation) first = NULL;
  g_autoptr(EmAgentEvaluation) excluded = NULL;
  g_autoptr(GDateTime) local = NULL;
  const EmHistoryAgent *a001 = find_agent (history, "A001");
  const EmHistoryAgent *b001 = find_agent (history, "B001");
  EmPeriod june = { EM_PERIOD_MONTH, 2024, 6 }, april = { EM_PERIOD_MONTH, 2024, 4 };

  list = em_agent_history_list_evaluations (f->db, a001->id, em_agent_history_get_month (history, 0),
                                            &june, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);

  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (em_agent_evaluation_get_external_id (first), ==, "A001-05");
  g_assert_cmpint (em_agent_evaluation_get_status (first), ==, EM_EVALUATION_SUBMITTED);
  g_assert_cmpint (em_agent_evaluation_get_total (first), ==, 5000);
  g_assert_cmpstr (em_agent_evaluation_get_scorecard (first), ==, "Hotline call QA");
  g_assert_cmpstr (em_agent_evaluation_get_inspector (first), ==, "质检员乙");
  local = em_agent_evaluation_dup_started_local (first);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 13);

  excluded = g_list_model_get_item (list, 2);
  g_assert_cmpstr (em_agent_evaluation_get_external_id (excluded), ==, "A001-03");
  g_assert_true (em_agent_evaluation_get_excluded (excluded));
  g_clear_object (&list);

  /* B001's April call only, when the months end in April. */
  list = em_agent_history_list_evaluations (f->db, b001->id, &april, &april, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EmAgentHistory) history = NULL;
  EmPeriod june = { EM_PERIOD_MONTH, 2024, 6 };

  g_cancellable_cancel (cancellable);
  history = em_agent_history_compute (f->db, f->scheme, &june, 12, "en", cancellable, &error);
  g_assert_null (history);
  g_assert_error (error, EM_ERROR, EM_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/agent-history/month-range", test_month_range);
  ADD ("/agent-history/figures", test_figures);
  ADD ("/agent-history/deductions", test_deductions);
  ADD ("/agent-history/evaluations", test_evaluations);
  ADD ("/agent-history/cancelled", test_cancelled);
#undef ADD

  return g_test_run ();
}
