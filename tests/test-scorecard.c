/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-error.h"
#include "em-problem.h"
#include "em-scorecard.h"
#include "em-shipped-scorecards.h"
#include "em-test-util.h"

/* Reading .scorecard files: the model the GUI builds forms from, the
 * translations, and the exact message for every kind of mistake.
 */

static EmScorecard *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = em_test_fixture (name);
  EmScorecard *scorecard = em_scorecard_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scorecard);
  return scorecard;
}

/* The problems of a file, formatted as earmark-cli prints them, with the
 * file named by its base name.
 */
static char *
problems_of (const char *data,
             gssize      length)
{
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmScorecard) scorecard = NULL;

  scorecard = em_scorecard_parse (data, length < 0 ? strlen (data) : (gsize) length, problems);
  g_assert_true ((scorecard == NULL) == (problems->len > 0));

  return em_problems_format (problems, "F");
}

static char *
problems_of_fixture (const char *name)
{
  g_autofree char *path = em_test_fixture (name);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return problems_of (contents, length);
}

static void
test_model (void)
{
  g_autoptr(EmScorecard) scorecard = load_fixture ("scoring/all-kinds.scorecard");
  GListModel *sections = em_scorecard_get_sections (scorecard);
  g_autoptr(EmScorecardSection) capped = g_list_model_get_item (sections, 0);
  EmScorecardItem *item;

  g_assert_cmpstr (em_scorecard_get_id (scorecard), ==, "all-kinds");
  g_assert_cmpuint (em_scorecard_get_version (scorecard), ==, 2);
  g_assert_cmpint (em_scorecard_get_base (scorecard), ==, EM_POINTS (100));
  g_assert_cmpint (em_scorecard_get_maximum (scorecard), ==, EM_POINTS (105));

  /* Sections and items keep the file's order. */
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 3);
  g_assert_cmpstr (em_scorecard_section_get_id (capped), ==, "capped");
  g_assert_cmpint (em_scorecard_section_get_points (capped), ==, EM_POINTS (10));
  g_assert_cmpuint (g_list_model_get_n_items (em_scorecard_section_get_items (capped)), ==, 4);
  g_assert_cmpint (em_scorecard_section_get_points (em_scorecard_lookup_section (scorecard, "open")), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (em_scorecard_get_items (scorecard)), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (em_scorecard_get_base_items (scorecard)), ==, 3);

  item = em_scorecard_lookup_item (scorecard, "capped.deduct");
  g_assert_cmpint (em_scorecard_item_get_kind (item), ==, EM_ITEM_KIND_DEDUCT);
  g_assert_cmpstr (em_scorecard_item_get_section_id (item), ==, "capped");
  g_assert_cmpint (em_scorecard_item_get_points (item), ==, EM_POINTS (5));
  g_assert_cmpint (em_scorecard_item_get_per_occurrence (item), ==, EM_POINTS (2));
  g_assert_cmpuint (em_scorecard_item_get_complaint_multiplier (item), ==, 2);
  g_assert_true (em_scorecard_item_counts_occurrences (item));

  /* A choice item's Points default to its best option. */
  item = em_scorecard_lookup_item (scorecard, "graded.plan");
  g_assert_cmpuint (em_scorecard_item_get_n_options (item), ==, 3);
  g_assert_cmpint (em_scorecard_item_get_points (item), ==, EM_POINTS (2));
  g_assert_cmpuint (em_scorecard_item_get_best_option (item), ==, 1);
  g_assert_cmpint (em_scorecard_item_get_option_points (item, 2), ==, EM_POINTS (1));
  g_assert_cmpstr (em_scorecard_item_get_option_label (item, 2, "zh_CN"), ==, "有计划无实施");
  g_assert_cmpstr (em_scorecard_item_get_option_label (item, 2, "en"), ==, "Planned, not done");

  item = em_scorecard_lookup_item (scorecard, "base.fatal");
  g_assert_null (em_scorecard_item_get_section_id (item));
  g_assert_cmpint (em_scorecard_item_get_scope (item), ==, EM_FATAL_SCOPE_SCORECARD);
  g_assert_cmpint (em_scorecard_item_get_scope (em_scorecard_lookup_item (scorecard, "capped.fatal")),
                   ==, EM_FATAL_SCOPE_SECTION);

  /* A bonus without PerOccurrence adds its Points at once; here it is given. */
  item = em_scorecard_lookup_item (scorecard, "base.bonus");
  g_assert_cmpint (em_scorecard_item_get_per_occurrence (item), ==, EM_POINTS (3));
  g_assert_cmpstr (em_scorecard_item_get_guidance (em_scorecard_lookup_item (scorecard, "graded.quality")),
                   ==, "35–40 无任何质量问题;25–34 质量良好");
}

static void
test_properties (void)
{
  g_autoptr(EmScorecard) scorecard = load_fixture ("scoring/all-kinds.scorecard");
  EmScorecardItem *item = em_scorecard_lookup_item (scorecard, "capped.penalty");
  g_autofree char *section_id = NULL;
  EmItemKind kind = EM_ITEM_KIND_CHECK;
  gint64 per = 0;
  guint version = 0;

  g_object_get (item, "kind", &kind, "per-occurrence", &per, "section-id", &section_id, NULL);
  g_assert_cmpint (kind, ==, EM_ITEM_KIND_PENALTY);
  g_assert_cmpint (per, ==, 300);
  g_assert_cmpstr (section_id, ==, "capped");

  g_object_get (scorecard, "version", &version, NULL);
  g_assert_cmpuint (version, ==, 2);

  g_assert_cmpstr (em_item_kind_to_string (EM_ITEM_KIND_BONUS), ==, "bonus");
  g_assert_true (em_item_kind_from_string ("Deduct", &kind));
  g_assert_cmpint (kind, ==, EM_ITEM_KIND_DEDUCT);
  g_assert_false (em_item_kind_from_string ("deductt", &kind));
}

static void
test_locales (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecard) scorecard = em_shipped_scorecard_load ("hotline-call-qa.scorecard", &error);
  EmScorecardSection *section;
  EmScorecardItem *item;

  g_assert_no_error (error);

  g_assert_cmpstr (em_scorecard_get_title_for_locale (scorecard, "zh_CN"), ==, "热线通话质检评分表");
  g_assert_cmpstr (em_scorecard_get_title_for_locale (scorecard, "zh_CN.UTF-8"), ==, "热线通话质检评分表");
  g_assert_cmpstr (em_scorecard_get_title_for_locale (scorecard, "en_GB"), ==, "Hotline call QA");
  /* No French: the untranslated title. */
  g_assert_cmpstr (em_scorecard_get_title_for_locale (scorecard, "fr_FR"), ==, "热线通话质检评分表");

  section = em_scorecard_lookup_section (scorecard, "language");
  g_assert_cmpstr (em_scorecard_section_get_title_for_locale (section, "en"), ==, "Service language");
  g_assert_cmpstr (em_scorecard_section_get_title_for_locale (section, "zh_CN"), ==, "服务用语");

  item = em_scorecard_lookup_item (scorecard, "language.taboo");
  g_assert_cmpstr (em_scorecard_item_get_title_for_locale (item, "en"), ==, "Forbidden phrases");
  g_assert_cmpstr (em_scorecard_item_get_title_for_locale (item, "zh_CN"), ==, "服务禁语");

  /* The test environment runs in C.UTF-8: the untranslated text. */
  g_assert_cmpstr (em_scorecard_item_get_title (item), ==, "服务禁语");
}

/* Every problem the brief names, each with its exact message. */
static void
test_missing_kind (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/missing-kind.scorecard");

  g_assert_cmpstr (report, ==,
                   "F: [Item:a.one] Kind: missing (one of check, deduct, penalty, choice, score, fatal, bonus)");
}

static void
test_unknown_section (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/unknown-section.scorecard");

  g_assert_cmpstr (report, ==, "F: [Item:a.one] Section: no [Section:b] in this scorecard");
}

static void
test_bad_utf8 (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/bad-utf8.scorecard");

  /* The GBK bytes of 服务禁语 in a file that must be UTF-8. */
  g_assert_cmpstr (report, ==, "F: [Item:a.one] Title: not valid UTF-8 (line 11; save the file as UTF-8)");
}

static void
test_every_problem (void)
{
  g_autofree char *report = problems_of_fixture ("scoring/many-problems.scorecard");

  g_assert_cmpstr (report, ==,
                   "F: [Scorecard] Maximum: 90 is below Base (100); bonuses could never count\n"
                   "F: [Section:a] Points: “ten” is not a number\n"
                   "F: [Item:a.one] PerOccurrence: missing (required for a deduct item)\n"
                   "F: [Item:a.one] Points: “-2” is negative\n"
                   "F: [Item:a.one] PerOccurence: unknown key (expected one of Section, Title, Kind, "
                   "Points, PerOccurrence, ComplaintMultiplier, Options, Scope, Guidance)\n"
                   "F: [Item:a.two] Options: option 2 “bad” is not “label|points”\n"
                   "F: [Item:a.three] Points: “0.125” has more than two decimals\n"
                   "F: [Item:a.four] Scope: “team” is neither scorecard nor section\n"
                   "F: [Item:a.two]: this group is given twice (first on line 17)");
}

static void
test_kind_rules (void)
{
  static const struct { const char *item; const char *problem; } cases[] = {
    { "Kind=deduct\nPoints=5\n", "F: [Item:x] PerOccurrence: missing (required for a deduct item)" },
    { "Kind=penalty\n", "F: [Item:x] PerOccurrence: missing (required for a penalty item)" },
    { "Kind=penalty\nPerOccurrence=2\nPoints=10\n",
      "F: [Item:x] Points: does not apply to a penalty item, which has no cap "
      "(use Kind=deduct for a capped deduction)" },
    { "Kind=check\n", "F: [Item:x] Points: missing (required for a check item)" },
    { "Kind=score\n", "F: [Item:x] Points: missing (required for a score item)" },
    { "Kind=choice\n", "F: [Item:x] Options: missing (required for a choice item)" },
    { "Kind=choice\nOptions=好|2;差|x\n", "F: [Item:x] Options: option 2: “x” is not a number" },
    { "Kind=choice\nPoints=1\nOptions=好|2;差|0\n", "F: [Item:x] Points: 1 is below the best option's 2 points" },
    { "Kind=check\nPoints=1\nScope=section\n", "F: [Item:x] Scope: does not apply to a check item" },
    { "Kind=deduct\nPoints=1\nPerOccurrence=0\n", "F: [Item:x] PerOccurrence: must be more than 0" },
    { "Kind=deduct\nPoints=1\nPerOccurrence=1\nComplaintMultiplier=0\n",
      "F: [Item:x] ComplaintMultiplier: must be a whole number from 1 to 100" },
    { "Kind=fatal\nScope=section\n", "F: [Item:x] Scope: Scope=section needs the item to name its Section" },
    { "Kind=check\nPoints=1\nTitle[en]=again\nPoints=2\n", "F: [Item:x] Points: given twice (lines 8 and 10)" },
    { "Kind=check\nPoints=1\nSection[en]=a\n", "F: [Item:x] Section[en]: this key cannot be translated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("[Scorecard]\nId=k\nTitle=K\n\n[Item:x]\nTitle=X\n%s",
                                               cases[i].item);
      g_autofree char *report = problems_of (text, -1);

      g_assert_cmpstr (report, ==, cases[i].problem);
    }
}

static void
test_file_level_problems (void)
{
  g_autofree char *empty = problems_of ("", 0);
  g_autofree char *no_items = problems_of ("[Scorecard]\nId=k\nTitle=K\n", -1);
  g_autofree char *stray = problems_of ("Id=k\n[Scorecard]\nId=k\nTitle=K\n[Item:x]\nTitle=X\nKind=fatal\n"
                                        "oops\n[Extra]\n", -1);
  g_autofree char *section_scope = problems_of ("[Scorecard]\nId=k\nTitle=K\n[Section:s]\nTitle=S\n"
                                                "[Item:x]\nSection=s\nTitle=X\nKind=fatal\nScope=section\n", -1);

  g_assert_cmpstr (empty, ==,
                   "F: [Scorecard]: missing: a scorecard file starts with a [Scorecard] group\n"
                   "F: [Scorecard]: the scorecard has no [Item:…] groups");
  g_assert_cmpstr (no_items, ==, "F: [Scorecard]: the scorecard has no [Item:…] groups");
  g_assert_cmpstr (stray, ==,
                   "F: line 1: “Id” comes before the first [group]\n"
                   "F: [Item:x]: line 8: “oops” is not “key=value”, a [group] or a # comment\n"
                   "F: [Extra]: unknown group (expected [Scorecard], [Section:ID] or [Item:ID])");
  g_assert_cmpstr (section_scope, ==,
                   "F: [Item:x] Scope: Scope=section needs a section with Points; [Section:s] has no allotment");
}

/* Hand-written files: a BOM and CRLF from Notepad, comments after values
 * as in DESIGN.md's example, and '#' kept inside free text.
 */
static void
test_lenient_syntax (void)
{
  const char *text =
    "\xef\xbb\xbf[Scorecard]\r\n"
    "Id=hotline-call-qa            # stable identifier\r\n"
    "Title=评分表 #2\r\n"
    "Version=1\r\n"
    "Base=100                      # default 100\r\n"
    "\r\n"
    "[Section:info]                # \"Section:\" + section id\r\n"
    "Title=信息内容准确\r\n"
    "Points=20\r\n"
    "\r\n"
    "[Item:info.accurate]\r\n"
    "Section=info\r\n"
    "Title=信息内容准确无误\r\n"
    "Kind=deduct                   # check | deduct\r\n"
    "Points=8\r\n"
    "PerOccurrence=4\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecard) scorecard = em_scorecard_new_from_data (text, -1, "F", &error);
  g_autofree char *with_options = g_strconcat (text, "Options=很好|25;一般|18.75;不好|0   # choice only\r\n", NULL);
  g_autofree char *report = problems_of (with_options, -1);
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  EmScorecardItem *item;

  g_assert_no_error (error);
  g_assert_cmpstr (em_scorecard_get_id (scorecard), ==, "hotline-call-qa");
  g_assert_cmpstr (em_scorecard_get_title (scorecard), ==, "评分表 #2");
  g_assert_cmpint (em_scorecard_get_base (scorecard), ==, EM_POINTS (100));
  g_assert_cmpint (em_scorecard_get_maximum (scorecard), ==, EM_POINTS (100));
  item = em_scorecard_lookup_item (scorecard, "info.accurate");
  g_assert_cmpint (em_scorecard_item_get_kind (item), ==, EM_ITEM_KIND_DEDUCT);
  g_assert_cmpstr (em_scorecard_get_checksum (scorecard), ==, checksum);

  g_assert_cmpstr (report, ==, "F: [Item:info.accurate] Options: does not apply to a deduct item");
}

static void
test_error_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = em_test_fixture ("scoring/unknown-section.scorecard");
  g_autofree char *expected = g_strdup_printf ("%s: [Item:a.one] Section: no [Section:b] in this scorecard", path);
  g_autoptr(EmScorecard) scorecard = em_scorecard_new_from_file (path, &error);

  g_assert_null (scorecard);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (em_scorecard_new_from_file ("/nonexistent/x.scorecard", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_IO);
}

/* The six scorecards Earmark ships are in the core GResource, each
 * identical to its file in resources/scorecards and each valid.
 */
static void
test_shipped (void)
{
  static const char * const expected[] = {
    "callback-cs-survey.scorecard",
    "customer-service-100.scorecard",
    "hotline-call-qa.scorecard",
    "ob-satisfaction-qa.scorecard",
    "service-inspection-checklist.scorecard",
    "service-norm-code.scorecard",
    NULL
  };
  g_auto(GStrv) names = em_shipped_scorecards_list ();

  g_assert_cmpstrv (names, expected);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EmScorecard) scorecard = em_shipped_scorecard_load (names[i], &error);
      g_autoptr(GBytes) bytes = em_shipped_scorecard_lookup (names[i], &error);
      g_autofree char *relative = g_build_filename ("resources", "scorecards", names[i], NULL);
      g_autofree char *path = em_test_source_file (relative);
      g_autofree char *on_disk = NULL;
      g_autofree char *id = g_strndup (names[i], strlen (names[i]) - strlen (".scorecard"));
      gsize length = 0;
      EmPoints allotted = 0;
      GListModel *sections;

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &on_disk, &length, NULL));
      g_assert_cmpmem (on_disk, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      /* Id = file name; a title in both languages; described. */
      g_assert_cmpstr (em_scorecard_get_id (scorecard), ==, id);
      g_assert_cmpstr (em_scorecard_get_title_for_locale (scorecard, "zh_CN"), !=,
                       em_scorecard_get_title_for_locale (scorecard, "en"));
      g_assert_nonnull (strstr (em_scorecard_get_description (scorecard), "seed 00"));

      /* Sections with an allotment add up to the base, as in the seeds. */
      sections = em_scorecard_get_sections (scorecard);
      for (guint j = 0; j < g_list_model_get_n_items (sections); j++)
        {
          g_autoptr(EmScorecardSection) section = g_list_model_get_item (sections, j);
          allotted += em_scorecard_section_get_points (section);
        }
      if (allotted > 0)
        g_assert_cmpint (allotted, ==, em_scorecard_get_base (scorecard));
    }
}

/* Every title of every shipped scorecard exists in Chinese and English. */
static void
test_shipped_translated (void)
{
  g_auto(GStrv) names = em_shipped_scorecards_list ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(EmScorecard) scorecard = em_shipped_scorecard_load (names[i], NULL);
      GListModel *items = em_scorecard_get_items (scorecard);
      GListModel *sections = em_scorecard_get_sections (scorecard);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(EmScorecardItem) item = g_list_model_get_item (items, j);
          const char *zh = em_scorecard_item_get_title_for_locale (item, "zh_CN");
          const char *en = em_scorecard_item_get_title_for_locale (item, "en");

          g_assert_cmpstr (zh, ==, em_scorecard_item_get_title_for_locale (item, "C"));
          g_assert_cmpstr (zh, !=, en);
          for (guint k = 1; k <= em_scorecard_item_get_n_options (item); k++)
            g_assert_cmpstr (em_scorecard_item_get_option_label (item, k, "zh_CN"), !=,
                             em_scorecard_item_get_option_label (item, k, "en"));
        }

      for (guint j = 0; j < g_list_model_get_n_items (sections); j++)
        {
          g_autoptr(EmScorecardSection) section = g_list_model_get_item (sections, j);

          g_assert_cmpstr (em_scorecard_section_get_title_for_locale (section, "zh_CN"), !=,
                           em_scorecard_section_get_title_for_locale (section, "en"));
        }
    }
}

/* Damaged files of every sort are reported, never crash, and never give
 * a scorecard together with problems.
 */
static void
test_garbage (void)
{
  g_autofree char *path = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *original = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *copy = g_memdup2 (original, length);
      g_autoptr(GPtrArray) problems = em_problems_new ();
      g_autoptr(EmScorecard) scorecard = NULL;
      gsize cut = g_rand_int_range (rand, 0, length + 1);
      guint n_flips = g_rand_int_range (rand, 0, 4);

      for (guint j = 0; j < n_flips; j++)
        copy[g_rand_int_range (rand, 0, length)] = (char) g_rand_int_range (rand, 0, 256);

      scorecard = em_scorecard_parse (copy, i % 3 == 0 ? cut : length, problems);
      g_assert_true ((scorecard != NULL) != (problems->len > 0));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorecard/model", test_model);
  g_test_add_func ("/scorecard/properties", test_properties);
  g_test_add_func ("/scorecard/locales", test_locales);
  g_test_add_func ("/scorecard/problem/missing-kind", test_missing_kind);
  g_test_add_func ("/scorecard/problem/unknown-section", test_unknown_section);
  g_test_add_func ("/scorecard/problem/bad-utf8", test_bad_utf8);
  g_test_add_func ("/scorecard/problem/every-problem", test_every_problem);
  g_test_add_func ("/scorecard/problem/kind-rules", test_kind_rules);
  g_test_add_func ("/scorecard/problem/file-level", test_file_level_problems);
  g_test_add_func ("/scorecard/lenient-syntax", test_lenient_syntax);
  g_test_add_func ("/scorecard/error-message", test_error_message);
  g_test_add_func ("/scorecard/garbage", test_garbage);
  g_test_add_func ("/scorecard/shipped", test_shipped);
  g_test_add_func ("/scorecard/shipped-translated", test_shipped_translated);

  return g_test_run ();
}
