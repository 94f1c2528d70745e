/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-db.h"
#include "em-test-util.h"

/* earmark-cli validate, score and evaluate as scripts see them: stdout,
 * stderr and the exit status (DESIGN.md §11).
 */

typedef EmTestDir Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;

  em_test_dir_setup (f, data);
  db = em_db_open (f->db_path, &error);
  g_assert_no_error (error);
  em_db_ensure_agent (db, "A001", "王芳", 0, &error);
  g_assert_true (em_db_exec (db,
                             "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s) "
                             "VALUES ('C-001', 1, 1700000000, 28800, 120), ('C-002', 1, 1700000600, 28800, 15)",
                             &error));
  g_assert_no_error (error);
}

#define fixture_teardown em_test_dir_teardown

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run         *run,
         const char **args)
{
  run_clear (run);
  run->status = em_test_run_cli (args, &run->out, &run->err);
}

static gint64
count (const char *db_path,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (db_path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = em_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Rows in every table evaluate may touch: equal numbers = nothing changed. */
static char *
snapshot (const char *db_path)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%"
                          G_GINT64_FORMAT "/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                          count (db_path, "SELECT count(*) FROM scorecards"),
                          count (db_path, "SELECT count(*) FROM scorecard_versions"),
                          count (db_path, "SELECT count(*) FROM evaluations"),
                          count (db_path, "SELECT count(*) FROM evaluation_items"),
                          count (db_path, "SELECT count(*) FROM audit_log"),
                          count (db_path, "SELECT total(total) + total(status) FROM evaluations"));
}

static void
test_validate (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *good = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *bad = em_test_fixture ("scoring/missing-kind.scorecard");
  g_autofree char *expected = g_strdup_printf ("%s: [Item:a.one] Kind: missing (one of check, deduct, "
                                               "penalty, choice, score, fatal, bonus)\n", bad);

  run_cli (&run, (const char *[]) { "validate", "--scorecard", good, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok\n");
  g_assert_cmpstr (run.err, ==, "");

  run_cli (&run, (const char *[]) { "validate", "--scorecard", bad, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected);

  run_cli (&run, (const char *[]) { "validate", "--scorecard", "/nonexistent/x.scorecard", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "/nonexistent/x.scorecard"));

  run_cli (&run, (const char *[]) { "validate", NULL });
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, (const char *[]) { "validate", "--scorecard", good, "extra", NULL });
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, (const char *[]) { "validate", "--bogus", NULL });
  g_assert_cmpint (run.status, ==, 2);
}

/* Every scorecard Earmark ships passes validate. */
static void
test_validate_shipped (void)
{
  g_autofree char *dir = em_test_source_file ("resources/scorecards");
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)))
    {
      g_auto(Run) run = { 0 };
      g_autofree char *path = g_build_filename (dir, name, NULL);

      run_cli (&run, (const char *[]) { "validate", "--scorecard", path, NULL });
      g_assert_cmpstr (run.out, ==, "ok\n");
      g_assert_cmpint (run.status, ==, 0);
      n++;
    }
  g_assert_cmpuint (n, ==, 6);
}

static void
test_score (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *scorecard = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *answers = em_test_fixture ("scoring/all-kinds-full.answers");

  run_cli (&run, (const char *[]) { "score", "--scorecard", scorecard, "--answers", answers, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "section\tcapped\t0.00\n"
                   "section\tgraded\t16.00\n"
                   "section\topen\t-20.00\n"
                   "fatal\tno\n"
                   "total\t68.00\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_score_fatal (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *scorecard = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *answers = g_build_filename (dir, "fatal.answers", NULL);

  em_test_write_file (answers,
                      "[Evaluation]\nScorecard=all-kinds\n"
                      "[Item:graded.plan]\nOption=2\n[Item:graded.quality]\nScore=17.5\n"
                      "[Item:base.fatal]\nTriggered=true\n", -1);

  run_cli (&run, (const char *[]) { "score", "--scorecard", scorecard, "--answers", answers, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "section\tcapped\t10.00\n"
                   "section\tgraded\t18.50\n"
                   "section\topen\t0.00\n"
                   "fatal\tyes\n"
                   "total\t0.00\n");
  em_test_rm_rf (dir);
}

/* The seed's 服务禁语 rule through the CLI, on the shipped scorecard. */
static void
test_score_shipped (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *scorecard = em_test_source_file ("resources/scorecards/hotline-call-qa.scorecard");
  g_autofree char *answers = g_build_filename (dir, "taboo.answers", NULL);

  em_test_write_file (answers,
                      "[Evaluation]\nScorecard=hotline-call-qa\nVersion=1\n"
                      "[Item:attitude.warmth]\nScore=9\n"
                      "[Item:language.mandarin]\nResult=fail\n"
                      "[Item:language.taboo]\nOccurrences=2\nMoments=12.5;97\nNote=客户说“不清楚”\n", -1);

  run_cli (&run, (const char *[]) { "score", "--scorecard", scorecard, "--answers", answers, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "section\tinfo\t20.00\n"
                   "section\tvoice\t10.00\n"
                   "section\tlanguage\t3.00\n"
                   "section\tattitude\t23.00\n"
                   "section\tbusiness\t22.00\n"
                   "section\tcontrol\t15.00\n"
                   "fatal\tno\n"
                   "total\t93.00\n");
  em_test_rm_rf (dir);
}

static void
test_score_bad_files (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *scorecard = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *broken = em_test_fixture ("scoring/unknown-section.scorecard");
  g_autofree char *answers = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autofree char *out_of_range = em_test_fixture ("scoring/choice-out-of-range.answers");
  g_autofree char *expected_answers = g_strdup_printf ("%s: [Item:graded.plan] Option: 4 is out of range (1–3)\n",
                                                       out_of_range);
  g_autofree char *expected_scorecard = g_strdup_printf ("%s: [Item:a.one] Section: no [Section:b] in this "
                                                         "scorecard\n", broken);

  run_cli (&run, (const char *[]) { "score", "--scorecard", scorecard, "--answers", out_of_range, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected_answers);

  run_cli (&run, (const char *[]) { "score", "--scorecard", broken, "--answers", answers, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected_scorecard);

  run_cli (&run, (const char *[]) { "score", "--scorecard", scorecard, "--answers", "/nonexistent.answers", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent.answers"));

  run_cli (&run, (const char *[]) { "score", "--scorecard", scorecard, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
}

static void
test_evaluate (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *scorecard = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *answers = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autofree char *minimal = em_test_fixture ("scoring/all-kinds-minimal.answers");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", answers, "--inspector", "李娜", NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "evaluation\t1\t68.00\n");
  g_assert_cmpint (count (f->db_path, "SELECT status FROM evaluations WHERE id = 1"), ==, 0);

  /* The same inspector again: the open evaluation is updated. */
  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", minimal, "--inspector", "李娜", "--submit", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "evaluation\t1\t100.00\n");
  g_assert_cmpint (count (f->db_path, "SELECT status FROM evaluations WHERE id = 1"), ==, 1);

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", answers, "--inspector", "李娜", "--finalize", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "evaluation\t1\t68.00\n");
  g_assert_cmpint (count (f->db_path, "SELECT status FROM evaluations WHERE id = 1"), ==, 2);
  g_assert_cmpint (count (f->db_path, "SELECT count(*) FROM evaluations"), ==, 1);
  g_assert_cmpint (count (f->db_path, "SELECT count(*) FROM scorecard_versions WHERE frozen = 1"), ==, 1);

  /* Finalised: refused, nothing changed. */
  before = snapshot (f->db_path);
  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", minimal, "--inspector", "李娜", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "finalised"));
  after = snapshot (f->db_path);
  g_assert_cmpstr (before, ==, after);

  /* Another inspector evaluates the same call separately. */
  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", minimal, "--inspector", "王五", "--submit", "--finalize", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "evaluation\t2\t100.00\n");
}

static void
test_evaluate_refuses_bad_input (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *scorecard = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *broken = em_test_fixture ("scoring/missing-kind.scorecard");
  g_autofree char *answers = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autofree char *negative = em_test_fixture ("scoring/negative-occurrences.answers");
  g_autofree char *unanswered = em_test_fixture ("scoring/all-kinds-minimal.answers");
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *incomplete = g_build_filename (dir, "incomplete.answers", NULL);
  g_autofree char *before = snapshot (f->db_path);
  g_autofree char *after = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: [Item:capped.deduct] Occurrences: “-1” is negative\n",
                                               negative);

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-404", "--scorecard", scorecard,
                                    "--answers", answers, "--inspector", "李娜", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "earmark-cli: There is no call “C-404” in the database.\n");

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", negative, "--inspector", "李娜", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, expected);

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", broken,
                                    "--answers", answers, "--inspector", "李娜", NULL });
  g_assert_cmpint (run.status, ==, 1);

  /* Submitting needs every choice and score item answered. */
  em_test_write_file (incomplete, "[Evaluation]\nScorecard=all-kinds\n[Item:graded.plan]\nOption=1\n", -1);
  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", incomplete, "--inspector", "李娜", "--submit", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "[Item:graded.quality] Score: missing"));

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", answers, NULL });
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", scorecard,
                                    "--answers", unanswered, "--inspector", "", NULL });
  g_assert_cmpint (run.status, ==, 2);

  after = snapshot (f->db_path);
  g_assert_cmpstr (before, ==, after);
  em_test_rm_rf (dir);
}

/* A changed scorecard file is a new revision; the evaluation made with the
 * old one keeps its revision and its total.
 */
static void
test_evaluate_new_revision (Fixture       *f,
                            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *original = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *changed = g_build_filename (dir, "all-kinds.scorecard", NULL);
  g_autofree char *answers = g_build_filename (dir, "check.answers", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (original, &text, NULL, NULL));
  edited = g_string_new (text);
  g_string_replace (edited, "Kind=check\nPoints=4", "Kind=check\nPoints=6", 1);
  em_test_write_file (changed, edited->str, edited->len);
  em_test_write_file (answers, "[Evaluation]\nScorecard=all-kinds\n[Item:graded.plan]\nOption=1\n"
                               "[Item:graded.quality]\nScore=18\n[Item:capped.check]\nResult=fail\n", -1);

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-001", "--scorecard", original,
                                    "--answers", answers, "--inspector", "李娜", "--finalize", NULL });
  g_assert_cmpstr (run.out, ==, "evaluation\t1\t96.00\n");

  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-002", "--scorecard", changed,
                                    "--answers", answers, "--inspector", "李娜", NULL });
  g_assert_cmpstr (run.out, ==, "evaluation\t2\t94.00\n");

  /* Importing the original again finds revision 1. */
  run_cli (&run, (const char *[]) { "evaluate", "--db", f->db_path, "--call", "C-002", "--scorecard", original,
                                    "--answers", answers, "--inspector", "李娜", NULL });
  g_assert_cmpstr (run.out, ==, "evaluation\t2\t96.00\n");

  g_assert_cmpint (count (f->db_path, "SELECT count(*) FROM scorecard_versions"), ==, 2);
  g_assert_cmpint (count (f->db_path, "SELECT total FROM evaluations WHERE id = 1"), ==, 9600);
  g_assert_cmpint (count (f->db_path, "SELECT revision FROM scorecard_versions v JOIN evaluations e "
                                      "ON e.scorecard_version_id = v.id WHERE e.id = 1"), ==, 1);
  em_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-shipped", test_validate_shipped);
  g_test_add_func ("/cli/score", test_score);
  g_test_add_func ("/cli/score-fatal", test_score_fatal);
  g_test_add_func ("/cli/score-shipped", test_score_shipped);
  g_test_add_func ("/cli/score-bad-files", test_score_bad_files);
  g_test_add ("/cli/evaluate", Fixture, NULL, fixture_setup, test_evaluate, fixture_teardown);
  g_test_add ("/cli/evaluate-refuses-bad-input", Fixture, NULL, fixture_setup,
              test_evaluate_refuses_bad_input, fixture_teardown);
  g_test_add ("/cli/evaluate-new-revision", Fixture, NULL, fixture_setup,
              test_evaluate_new_revision, fixture_teardown);

  return g_test_run ();
}
