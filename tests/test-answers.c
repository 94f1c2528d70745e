/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-answers.h"
#include "em-error.h"
#include "em-problem.h"
#include "em-score-result.h"
#include "em-scorecard.h"
#include "em-test-util.h"

/* .answers files: reading, writing (the GUI autosaves through them and the
 * database stores their text) and every problem, with its exact message.
 */

static EmScorecard *
fixture_scorecard (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = em_test_fixture ("scoring/all-kinds.scorecard");
  EmScorecard *scorecard = em_scorecard_new_from_file (path, &error);

  g_assert_no_error (error);
  return scorecard;
}

/* Everything wrong with @text as answers for the fixture scorecard,
 * formatted as “A: [group] key: reason” lines.
 */
static char *
problems_of (const char *text)
{
  g_autoptr(EmScorecard) scorecard = fixture_scorecard ();
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmAnswers) answers = em_answers_parse (text, strlen (text), problems);

  if (answers != NULL)
    em_answers_check (answers, scorecard, EM_ANSWERS_CHECK_COMPLETE, problems);

  return em_problems_format (problems, "A");
}

static char *
problems_of_fixture (const char *name)
{
  g_autofree char *path = em_test_fixture (name);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return problems_of (contents);
}

static void
test_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autoptr(EmAnswers) answers = em_answers_new_from_file (path, &error);
  EmItemAnswer *answer;
  const gint64 *moments;
  guint n_moments = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (em_answers_get_scorecard_id (answers), ==, "all-kinds");
  g_assert_cmpuint (em_answers_get_version (answers), ==, 2);
  g_assert_false (em_answers_get_excluded (answers));
  g_assert_cmpuint (g_list_model_get_n_items (em_answers_get_items (answers)), ==, 8);

  answer = em_answers_lookup_item (answers, "capped.check");
  g_assert_cmpint (em_item_answer_get_result (answer), ==, EM_ITEM_RESULT_FAIL);
  g_assert_cmpstr (em_item_answer_get_note (answer), ==, "没有核实");

  answer = em_answers_lookup_item (answers, "capped.deduct");
  g_assert_cmpuint (em_item_answer_get_occurrences (answer), ==, 2);
  g_assert_cmpuint (em_item_answer_get_complaint_occurrences (answer), ==, 1);
  moments = em_item_answer_get_moments (answer, &n_moments);
  g_assert_cmpuint (n_moments, ==, 2);
  g_assert_cmpint (moments[0], ==, 12500);
  g_assert_cmpint (moments[1], ==, 97000);

  g_assert_cmpuint (em_item_answer_get_option (em_answers_lookup_item (answers, "graded.plan")), ==, 2);
  g_assert_cmpint (em_item_answer_get_score (em_answers_lookup_item (answers, "graded.quality")), ==, 1500);
  g_assert_null (em_answers_lookup_item (answers, "base.fatal"));
}

static void
test_write (void)
{
  g_autoptr(EmScorecard) scorecard = fixture_scorecard ();
  g_autoptr(EmAnswers) answers = em_answers_new_for_scorecard (scorecard);
  g_autoptr(EmAnswers) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  EmItemAnswer *answer;

  answer = em_answers_ensure_item (answers, "capped.deduct");
  em_item_answer_set_occurrences (answer, 2);
  em_item_answer_set_complaint_occurrences (answer, 1);
  em_item_answer_add_moment (answer, 97000);
  em_item_answer_add_moment (answer, 12500);
  em_item_answer_add_moment (answer, 12500);
  em_item_answer_set_note (answer, "客户说“不清楚”\n第二行");
  em_item_answer_set_score (em_answers_ensure_item (answers, "graded.quality"), 1875);
  em_item_answer_set_option (em_answers_ensure_item (answers, "graded.plan"), 1);
  em_item_answer_set_triggered (em_answers_ensure_item (answers, "base.fatal"), TRUE);
  em_item_answer_set_result (em_answers_ensure_item (answers, "capped.check"), EM_ITEM_RESULT_NA);
  em_answers_ensure_item (answers, "open.penalty");   /* nothing answered: left out */
  em_answers_set_excluded (answers, TRUE);

  text = em_answers_to_data (answers, NULL);
  g_assert_cmpstr (text, ==,
                   "[Evaluation]\n"
                   "Scorecard=all-kinds\n"
                   "Version=2\n"
                   "Excluded=true\n"
                   "\n"
                   "[Item:capped.deduct]\n"
                   "Occurrences=2\n"
                   "ComplaintOccurrences=1\n"
                   "Moments=12.5;97\n"
                   "Note=客户说“不清楚”\\n第二行\n"
                   "\n"
                   "[Item:graded.quality]\n"
                   "Score=18.75\n"
                   "\n"
                   "[Item:graded.plan]\n"
                   "Option=1\n"
                   "\n"
                   "[Item:base.fatal]\n"
                   "Triggered=true\n"
                   "\n"
                   "[Item:capped.check]\n"
                   "Result=na\n");

  /* What is written reads back the same. */
  again = em_answers_new_from_data (text, -1, "A", &error);
  g_assert_no_error (error);
  g_assert_true (em_answers_equal (answers, again));
  g_assert_cmpstr (em_item_answer_get_note (em_answers_lookup_item (again, "capped.deduct")), ==,
                   "客户说“不清楚”\n第二行");
}

static void
test_copy (void)
{
  g_autofree char *path = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autoptr(EmAnswers) answers = em_answers_new_from_file (path, NULL);
  g_autoptr(EmAnswers) copy = em_answers_copy (answers);

  g_assert_true (em_answers_equal (answers, copy));
  em_item_answer_set_occurrences (em_answers_lookup_item (copy, "capped.deduct"), 5);
  g_assert_false (em_answers_equal (answers, copy));
  g_assert_cmpuint (em_item_answer_get_occurrences (em_answers_lookup_item (answers, "capped.deduct")), ==, 2);
}

static void
count_changed (EmAnswers *answers,
               guint     *count)
{
  (*count)++;
}

/* “changed” fires on every real change, the GUI's cue to autosave. */
static void
test_changed_signal (void)
{
  g_autoptr(EmAnswers) answers = em_answers_new ("all-kinds", 2);
  EmItemAnswer *answer;
  guint count = 0;

  g_signal_connect (answers, "changed", G_CALLBACK (count_changed), &count);

  answer = em_answers_ensure_item (answers, "capped.deduct");
  g_assert_cmpuint (count, ==, 1);
  em_item_answer_set_occurrences (answer, 1);
  g_assert_cmpuint (count, ==, 2);
  em_item_answer_set_occurrences (answer, 1);   /* no change */
  g_assert_cmpuint (count, ==, 2);
  em_item_answer_add_moment (answer, 3000);
  em_answers_set_excluded (answers, TRUE);
  g_assert_cmpuint (count, ==, 4);

  em_answers_remove_item (answers, "capped.deduct");
  g_assert_cmpuint (count, ==, 5);
  g_assert_null (em_answers_lookup_item (answers, "capped.deduct"));
}

/* N/A keeps the other answers, so switching it off brings them back. */
static void
test_na_keeps_answers (void)
{
  g_autoptr(EmAnswers) answers = em_answers_new ("all-kinds", 2);
  EmItemAnswer *answer = em_answers_ensure_item (answers, "capped.deduct");
  gboolean na = FALSE;

  em_item_answer_set_occurrences (answer, 2);
  em_item_answer_set_result (answer, EM_ITEM_RESULT_NA);
  g_object_get (answer, "na", &na, NULL);
  g_assert_true (na);
  em_item_answer_set_result (answer, EM_ITEM_RESULT_UNSET);
  g_assert_false (em_item_answer_get_na (answer));
  g_assert_cmpuint (em_item_answer_get_occurrences (answer), ==, 2);
}

/* What an overturned appeal does to an item: it costs nothing. */
static void
test_waive (void)
{
  g_autoptr(EmScorecard) scorecard = fixture_scorecard ();
  g_autofree char *path = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autoptr(EmAnswers) answers = em_answers_new_from_file (path, NULL);
  g_autoptr(EmScoreResult) result = NULL;

  g_assert_true (em_answers_waive_item (answers, scorecard, "capped.check"));
  g_assert_true (em_answers_waive_item (answers, scorecard, "graded.plan"));
  g_assert_true (em_answers_waive_item (answers, scorecard, "graded.quality"));
  g_assert_true (em_answers_waive_item (answers, scorecard, "open.penalty"));
  g_assert_false (em_answers_waive_item (answers, scorecard, "no.such.item"));

  result = em_score_result_new (scorecard, answers, EM_ANSWERS_CHECK_COMPLETE, "A", NULL);
  /* 100 − 8 (capped: 5 + 3) − 4 (base) + 6 (bonus) */
  g_assert_cmpint (em_score_result_get_total (result), ==, EM_POINTS (94));
  /* The note stays with the waived item. */
  g_assert_cmpstr (em_item_answer_get_note (em_answers_lookup_item (answers, "capped.check")), ==, "没有核实");
}

static void
test_choice_out_of_range (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/choice-out-of-range.answers");

  g_assert_cmpstr (report, ==, "A: [Item:graded.plan] Option: 4 is out of range (1–3)");
}

static void
test_score_above_points (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/score-above-points.answers");

  g_assert_cmpstr (report, ==, "A: [Item:graded.quality] Score: 19.5 is above the item's 18 points");
}

static void
test_negative_occurrences (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/negative-occurrences.answers");

  g_assert_cmpstr (report, ==, "A: [Item:capped.deduct] Occurrences: “-1” is negative");
}

static void
test_unknown_and_unanswered (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/unanswered.answers");

  g_assert_cmpstr (report, ==,
                   "A: [Item:nonexistent]: no item “nonexistent” in the scorecard “all-kinds”\n"
                   "A: [Item:graded.plan] Option: missing: a choice item must be answered (or marked Result=na)\n"
                   "A: [Item:graded.quality] Score: missing: a score item must be answered (or marked Result=na)");
}

static void
test_other_scorecard (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/other-scorecard.answers");

  g_assert_cmpstr (report, ==,
                   "A: [Evaluation] Scorecard: these answers are for “hotline-call-qa”, "
                   "not for the scorecard “all-kinds”");
}

static void
test_more_problems (void)
{
  static const struct { const char *text; const char *problem; } cases[] = {
    { "[Evaluation]\nScorecard=all-kinds\nVersion=1\n" "[Item:graded.plan]\nOption=1\n[Item:graded.quality]\nScore=1\n",
      "A: [Evaluation] Version: these answers are for version 1 of “all-kinds”, the scorecard is version 2" },
    { "[Evaluation]\nScorecard=all-kinds\n[Item:capped.deduct]\nOccurrences=1\nComplaintOccurrences=2\n",
      "A: [Item:capped.deduct] ComplaintOccurrences: 2 is more than Occurrences (1)" },
    { "[Evaluation]\nScorecard=all-kinds\n[Item:capped.check]\nResult=failed\n",
      "A: [Item:capped.check] Result: “failed” is not pass, fail or na" },
    { "[Evaluation]\nScorecard=all-kinds\n[Item:capped.check]\nOccurrences=2.5\n",
      "A: [Item:capped.check] Occurrences: “2.5” is not a whole number" },
    { "[Evaluation]\nScorecard=all-kinds\n[Item:capped.check]\nMoments=12.5;1:30\n",
      "A: [Item:capped.check] Moments: “1:30” is not a number of seconds" },
    { "[Evaluation]\nScorecard=all-kinds\nExcluded=maybe\n",
      "A: [Evaluation] Excluded: “maybe” is not true or false" },
    { "[Evaluation]\nScorecard=all-kinds\n[Item:graded.quality]\nScore=abc\n",
      "A: [Item:graded.quality] Score: “abc” is not a number" },
    { "[Evaluation]\nScorecard=all-kinds\n[Item:graded.plan]\nOption=0\n",
      "A: [Item:graded.plan] Option: must be 1 or more (options count from 1)" },
    { "[Evaluation]\nScorecard=all-kinds\n[Item:capped.check]\nOccurences=1\n",
      "A: [Item:capped.check] Occurences: unknown key (expected one of Result, Occurrences, "
      "ComplaintOccurrences, Option, Score, Triggered, Moments, Note)" },
    { "[Item:capped.check]\nResult=fail\n",
      "A: [Evaluation]: missing: an answers file starts with an [Evaluation] group" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *report = problems_of (cases[i].text);

      g_assert_cmpstr (report, ==, cases[i].problem);
    }
}

/* Keys that do not fit the item's kind are refused, not ignored. */
static void
test_kind_mismatch (void)
{
  g_autofree char *report = problems_of ("[Evaluation]\nScorecard=all-kinds\n"
                                         "[Item:capped.check]\nOccurrences=1\nOption=1\n"
                                         "[Item:capped.deduct]\nResult=fail\nScore=1\n"
                                         "[Item:base.bonus]\nOccurrences=2\nComplaintOccurrences=1\nTriggered=true\n"
                                         "[Item:graded.plan]\nOption=1\n[Item:graded.quality]\nScore=1\n");

  g_assert_cmpstr (report, ==,
                   "A: [Item:capped.check] Occurrences: does not apply to a check item\n"
                   "A: [Item:capped.check] Option: does not apply to a check item\n"
                   "A: [Item:capped.deduct] Result: pass and fail apply to check items only; "
                   "this is a deduct item (use na for N/A)\n"
                   "A: [Item:capped.deduct] Score: does not apply to a deduct item\n"
                   "A: [Item:base.bonus] ComplaintOccurrences: does not apply to a bonus item\n"
                   "A: [Item:base.bonus] Triggered: does not apply to a bonus item");
}

/* Damaged answers files are reported, never crash. */
static void
test_garbage (void)
{
  g_autoptr(EmScorecard) scorecard = fixture_scorecard ();
  g_autofree char *path = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autofree char *original = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240602);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *copy = g_memdup2 (original, length);
      g_autoptr(GPtrArray) problems = em_problems_new ();
      g_autoptr(EmAnswers) answers = NULL;
      g_autoptr(EmScoreResult) result = NULL;
      guint n_flips = g_rand_int_range (rand, 1, 4);

      for (guint j = 0; j < n_flips; j++)
        copy[g_rand_int_range (rand, 0, length)] = (char) g_rand_int_range (rand, 0, 256);

      answers = em_answers_parse (copy, length, problems);
      g_assert_true ((answers != NULL) != (problems->len > 0));
      if (answers != NULL)
        {
          result = em_score_result_compute (scorecard, answers, EM_ANSWERS_CHECK_DRAFT, problems);
          g_assert_true ((result != NULL) != (problems->len > 0));
          if (result != NULL)
            g_assert_cmpint (em_score_result_get_total (result), <=, EM_POINTS (105));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/answers/read", test_read);
  g_test_add_func ("/answers/write", test_write);
  g_test_add_func ("/answers/copy", test_copy);
  g_test_add_func ("/answers/changed-signal", test_changed_signal);
  g_test_add_func ("/answers/na-keeps-answers", test_na_keeps_answers);
  g_test_add_func ("/answers/waive", test_waive);
  g_test_add_func ("/answers/problem/choice-out-of-range", test_choice_out_of_range);
  g_test_add_func ("/answers/problem/score-above-points", test_score_above_points);
  g_test_add_func ("/answers/problem/negative-occurrences", test_negative_occurrences);
  g_test_add_func ("/answers/problem/unknown-and-unanswered", test_unknown_and_unanswered);
  g_test_add_func ("/answers/problem/other-scorecard", test_other_scorecard);
  g_test_add_func ("/answers/problem/more", test_more_problems);
  g_test_add_func ("/answers/problem/kind-mismatch", test_kind_mismatch);
  g_test_add_func ("/answers/garbage", test_garbage);

  return g_test_run ();
}
