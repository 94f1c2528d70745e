/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "earmark-resources.h"
#include "em-scorecard-store.h"
#include "em-scorecards-page.h"
#include "em-shipped-scorecards.h"
#include "em-test-gui.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Scorecards page in a real window under Xvfb: the shipped
 * scorecards as an inspector reads them (the seeds' numbers), and
 * importing files — a broken one refused with every problem, as
 * `earmark-cli validate` prints them, a changed one stored as a revision.
 */

typedef struct
{
  char      *dir;
  EmDb      *db;
  EmWindow  *window;
  GtkWidget *page;
} Fixture;

static gboolean
spin_until (Fixture         *f,
            EmTestCondition  condition)
{
  return em_test_spin_until (condition, f, 20000);
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return em_test_template_child (f->page, EM_TYPE_SCORECARDS_PAGE, name);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);

  f->window = em_test_open_window (f->db, NULL, 1200, 800);
  f->page = em_test_window_child (f->window, "scorecards_page");
  g_assert_true (EM_IS_SCORECARDS_PAGE (f->page));
  em_test_spin (200);

  /* Nothing is imported before the page is shown. */
  {
    g_autoptr(GPtrArray) versions = em_scorecard_store_list_versions (f->db, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (versions->len, ==, 0);
  }

  adw_view_stack_set_visible_child_name (em_test_window_child (f->window, "view_stack"), "scorecards");
  em_test_spin (300);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  em_test_destroy_toplevels ();
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Widgets */

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  em_test_collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
section_group (Fixture    *f,
               const char *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  em_test_collect (page_child (f, "structure_box"), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (g_str_equal (adw_preferences_group_get_title (g_ptr_array_index (groups, i)), title))
      return g_ptr_array_index (groups, i);
  return NULL;
}

/* The labels as drawn: titles and subtitles may be markup inside. */
static GtkLabel *
row_label (AdwPreferencesRow *row,
           const char        *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  em_test_collect (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), css_class))
      return g_ptr_array_index (labels, i);
  return NULL;
}

static AdwPreferencesRow *
item_row (GtkWidget  *group,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  em_test_collect (group, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkLabel *label = row_label (g_ptr_array_index (rows, i), "title");

      if (label != NULL && g_str_equal (gtk_label_get_text (label), title))
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static const char *
row_subtitle (AdwPreferencesRow *row)
{
  GtkLabel *label;

  g_assert_nonnull (row);
  label = row_label (row, "subtitle");
  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

static GPtrArray *
sidebar_keys (Fixture *f)
{
  GPtrArray *keys = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (page_child (f, "scorecard_list")); row;
       row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (keys, g_object_get_data (G_OBJECT (row), "key"));
  return keys;
}

/* What a click on a scorecard in the sidebar does. */
static void
click_scorecard (Fixture    *f,
                 const char *key)
{
  for (GtkWidget *row = gtk_widget_get_first_child (page_child (f, "scorecard_list")); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "key"), key) == 0)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (page_child (f, "scorecard_list")), GTK_LIST_BOX_ROW (row));
        em_test_spin (50);
        return;
      }
  g_assert_not_reached ();
}

static GPtrArray *
revision_titles (Fixture *f)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (page_child (f, "revision_list")); row;
       row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return titles;
}

static guint
n_versions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = em_scorecard_store_list_versions (f->db, NULL, &error);

  g_assert_no_error (error);
  return versions->len;
}

static AdwMessageDialog *
find_message (void)
{
  return (AdwMessageDialog *) em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
message_shown (gpointer data)
{
  return find_message () != NULL;
}

/* Tests */

static void
test_shipped_listed (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(GStrv) shipped = em_shipped_scorecards_list ();
  g_autoptr(GPtrArray) keys = sidebar_keys (f);

  /* The first show imported the six shipped scorecards, one row each. */
  g_assert_cmpuint (g_strv_length (shipped), ==, 6);
  g_assert_cmpuint (keys->len, ==, 6);
  g_assert_cmpuint (n_versions (f), ==, 6);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), ==, "6 scorecards");
  for (guint i = 0; shipped[i] != NULL; i++)
    {
      g_autofree char *key = g_strndup (shipped[i], strlen (shipped[i]) - strlen (".scorecard"));

      g_assert_true (g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL));
    }

  /* Each with one revision, not used by any evaluation yet. */
  g_assert_true (has_label (page_child (f, "scorecard_list"), "hotline-call-qa · 1 revision"));
  g_assert_true (has_label (page_child (f, "revision_list"), "Not used yet"));
  g_assert_false (has_label (page_child (f, "revision_list"), "Frozen"));
}

/* The hotline card (seed 003): 服务用语 10 points, 服务禁语 −2 each time
 * from the section; the service-norm code's early hang-up −6 from the
 * base, doubled when it caused a complaint.
 */
static void
test_structure_in_words (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *language, *conduct, *info;
  AdwPreferencesRow *row;

  click_scorecard (f, "hotline-call-qa");
  g_assert_cmpstr (em_scorecards_page_get_selected_key (EM_SCORECARDS_PAGE (f->page)), ==, "hotline-call-qa");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "title_label"))), ==, "热线通话质检评分表");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "id_label"))), ==,
                   "hotline-call-qa · version 1 · Base 100 · Maximum 100");

  language = section_group (f, "服务用语");
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (language)))),
                   ==, "10 points");
  row = item_row (language, "服务禁语");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_subtitle (row), ==, "−2 each time, taken from the section");
  g_assert_true (has_label (GTK_WIDGET (row), "Penalty"));
  row = item_row (language, "开头语、结束语");
  g_assert_cmpstr (row_subtitle (row), ==, "−2 each time, down to zero (at most −3)");

  info = section_group (f, "信息内容准确");
  g_assert_true (has_label (info, "20 points"));
  g_assert_cmpstr (row_subtitle (item_row (info, "信息内容全面")), ==, "−5 when not met");

  /* The red lines and the bonus act on the whole scorecard. */
  g_assert_cmpstr (row_subtitle (item_row (section_group (f, "On the Whole Scorecard"), "泄露客户信息")), ==,
                   "Red line: the evaluation scores 0");
  g_assert_cmpstr (row_subtitle (item_row (section_group (f, "On the Whole Scorecard"), "优秀录音")), ==,
                   "+5 each time, at most +5, never above the maximum");

  click_scorecard (f, "service-norm-code");
  conduct = section_group (f, "通话服务");
  g_assert_true (has_label (conduct, "No allotment: points come off the base score"));
  g_assert_cmpstr (row_subtitle (item_row (conduct, "提前挂机或与邻座交谈")), ==,
                   "−6 each time, from the base score; doubled when it caused a complaint");

  /* A choice lists its options with their points (seed 002). */
  click_scorecard (f, "callback-cs-survey");
  row = item_row (page_child (f, "structure_box"), "购车全过程服务总体感觉满意");
  g_assert_cmpstr (row_subtitle (row), ==,
                   "Worth 25: 很好/非常满意(100分) 25 · 一般/基本满意(75分) 18.75 · 不好/不满意(25分) 6.25 · 有投诉(0分) 0");
}

/* A broken file: every problem listed as `earmark-cli validate` prints
 * them, and nothing stored.
 */
static void
test_import_broken (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *fixture = em_test_fixture ("scoring/many-problems.scorecard");
  g_autofree char *path = g_build_filename (f->dir, "broken.scorecard", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *prefix = g_strconcat (f->dir, "/", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) expected = NULL;
  const char *args[] = { "validate", "--scorecard", path, NULL };
  AdwMessageDialog *message;
  GtkWidget *extra;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  em_test_write_file (path, contents, -1);
  g_assert_cmpint (em_test_run_cli (args, &out, NULL), ==, 1);
  expected = g_string_new (out);
  g_string_replace (expected, prefix, "", 0);
  while (expected->len > 0 && expected->str[expected->len - 1] == '\n')
    g_string_truncate (expected, expected->len - 1);

  em_scorecards_page_import_file (EM_SCORECARDS_PAGE (f->page), file);
  g_assert_true (spin_until (f, message_shown));
  message = find_message ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "The Scorecard Is Not Valid");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==,
                   "“broken.scorecard” has 9 problems; nothing was imported.");

  extra = adw_message_dialog_get_extra_child (message);
  em_test_collect (extra, GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (labels, 0)), ==, expected->str);
  g_assert_nonnull (strstr (expected->str, "broken.scorecard: [Item:a.one] PerOccurence: unknown key"));

  g_assert_cmpuint (n_versions (f), ==, 6);
  g_assert_true (has_label (page_child (f, "scorecard_list"), "hotline-call-qa · 1 revision"));
}

static char *
changed_hotline (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) shipped = em_shipped_scorecard_lookup ("hotline-call-qa.scorecard", &error);
  g_autoptr(GString) text = NULL;
  char *path = g_build_filename (f->dir, "hotline-call-qa.scorecard", NULL);

  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));

  /* 服务禁语 now costs 3 points each time. */
  g_assert_cmpuint (g_string_replace (text, "Kind=penalty\nPerOccurrence=2\nGuidance=出现直呼客户",
                                      "Kind=penalty\nPerOccurrence=3\nGuidance=出现直呼客户", 1), ==, 1);
  em_test_write_file (path, text->str, text->len);
  return path;
}

static gboolean
shows_revision_2 (gpointer data)
{
  Fixture *f = data;

  g_autoptr(GPtrArray) titles = revision_titles (f);

  return titles->len == 2;
}

static gboolean
shows_test_version (gpointer data)
{
  Fixture *f = data;
  gint64 *version_id = g_object_get_data (G_OBJECT (f->page), "test-version");

  return em_scorecards_page_get_selected_version (EM_SCORECARDS_PAGE (f->page)) == *version_id;
}

/* The exported file exists as soon as the write starts: wait until it
 * holds as much as the file imported.
 */
static gboolean
exported_written (gpointer data)
{
  Fixture *f = data;
  g_autofree char *path = g_build_filename (f->dir, "exported.scorecard", NULL);
  g_autofree char *original = g_build_filename (f->dir, "hotline-call-qa.scorecard", NULL);
  GStatBuf written_stat, original_stat;

  return g_stat (path, &written_stat) == 0 && g_stat (original, &original_stat) == 0 &&
         written_stat.st_size == original_stat.st_size;
}

static void
test_import_changed (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = changed_hotline (f);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported_path = g_build_filename (f->dir, "exported.scorecard", NULL);
  g_autoptr(GFile) exported = g_file_new_for_path (exported_path);
  g_autofree char *written = NULL;
  g_autofree char *original = NULL;
  EmScorecardVersionInfo *newest;
  AdwPreferencesRow *row;

  click_scorecard (f, "service-norm-code");
  em_scorecards_page_import_file (EM_SCORECARDS_PAGE (f->page), file);
  g_assert_true (spin_until (f, shows_revision_2));

  /* Stored as revision 2 of the same scorecard, and shown. */
  versions = em_scorecard_store_list_versions (f->db, "hotline-call-qa", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  newest = g_ptr_array_index (versions, 1);
  g_assert_cmpuint (newest->revision, ==, 2);
  g_assert_cmpint (em_scorecards_page_get_selected_version (EM_SCORECARDS_PAGE (f->page)), ==, newest->version_id);
  titles = revision_titles (f);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Revision 2");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "Revision 1");
  g_assert_true (has_label (page_child (f, "scorecard_list"), "hotline-call-qa · 2 revisions"));
  row = item_row (section_group (f, "服务用语"), "服务禁语");
  g_assert_cmpstr (row_subtitle (row), ==, "−3 each time, taken from the section");

  /* Revision 1 is still there, as it was. */
  g_signal_emit_by_name (gtk_widget_get_last_child (page_child (f, "revision_list")), "activated");
  em_test_spin (50);
  g_assert_cmpint (em_scorecards_page_get_selected_version (EM_SCORECARDS_PAGE (f->page)), ==,
                   ((EmScorecardVersionInfo *) g_ptr_array_index (versions, 0))->version_id);
  row = item_row (section_group (f, "服务用语"), "服务禁语");
  g_assert_cmpstr (row_subtitle (row), ==, "−2 each time, taken from the section");

  /* The same file again is the revision it already is: it is shown, and
   * nothing is added. */
  em_scorecards_page_import_file (EM_SCORECARDS_PAGE (f->page), file);
  g_object_set_data (G_OBJECT (f->page), "test-version", &newest->version_id);
  g_assert_true (spin_until (f, shows_test_version));
  g_assert_cmpuint (n_versions (f), ==, 7);

  /* Export writes the revision's text exactly. */
  em_scorecards_page_export_file (EM_SCORECARDS_PAGE (f->page), exported);
  g_assert_true (spin_until (f, exported_written));
  g_assert_true (g_file_get_contents (exported_path, &written, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &original, NULL, NULL));
  g_assert_cmpstr (written, ==, original);
}

static gboolean
shows_amp_test (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (em_scorecards_page_get_selected_key (EM_SCORECARDS_PAGE (f->page)), "amp-test") == 0;
}

/* Scorecard texts are shown as written, never read as markup (a
 * markup error would be a warning, fatal in tests).
 */
static void
test_text_is_not_markup (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "amp.scorecard", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwPreferencesRow *row;

  em_test_write_file (path,
                      "[Scorecard]\nId=amp-test\nTitle=A & B <i>card</i>\nDescription=Desc & <b>more\n\n"
                      "[Section:s]\nTitle=Sec & <u>tion\nPoints=10\nGuidance=Guide & <x>\n\n"
                      "[Item:s.c]\nSection=s\nTitle=Choice & <y>\nKind=choice\nOptions=Good & <z>|10;Bad|0\n"
                      "Guidance=G & <q>\n\n"
                      "[Item:s.d]\nSection=s\nTitle=Deduct & <p>\nKind=deduct\nPoints=4\nPerOccurrence=2\n"
                      "ComplaintMultiplier=3\n", -1);
  em_scorecards_page_import_file (EM_SCORECARDS_PAGE (f->page), file);
  g_assert_true (spin_until (f, shows_amp_test));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "title_label"))), ==, "A & B <i>card</i>");
  g_assert_true (has_label (page_child (f, "structure_box"), "Sec & <u>tion"));
  g_assert_true (has_label (page_child (f, "structure_box"), "Guide & <x>"));
  row = item_row (page_child (f, "structure_box"), "Choice & <y>");
  g_assert_nonnull (row);
  g_assert_cmpstr (row_subtitle (row), ==, "Worth 10: Good & <z> 10 · Bad 0");
  g_assert_true (has_label (GTK_WIDGET (row), "Choice & <y>"));
  row = item_row (page_child (f, "structure_box"), "Deduct & <p>");
  g_assert_cmpstr (row_subtitle (row), ==, "−2 each time, down to zero (at most −4); ×3 when it caused a complaint");
  g_assert_true (has_label (page_child (f, "scorecard_list"), "A & B <i>card</i>"));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/scorecards-page/shipped-listed", test_shipped_listed);
  ADD ("/scorecards-page/structure-in-words", test_structure_in_words);
  ADD ("/scorecards-page/import-broken", test_import_broken);
  ADD ("/scorecards-page/import-changed", test_import_changed);
  ADD ("/scorecards-page/text-is-not-markup", test_text_is_not_markup);
#undef ADD

  return g_test_run ();
}
