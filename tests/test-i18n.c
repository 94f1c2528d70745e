/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "earmark-resources.h"
#include "em-agents-page.h"
#include "em-audit-text.h"
#include "em-demo.h"
#include "em-evaluations-page.h"
#include "em-i18n.h"
#include "em-inspector-dialog.h"
#include "em-sampling-page.h"
#include "em-scorecards-page.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Chinese interface, as a 质检员 sees it: the program runs with
 * LANGUAGE=zh_CN and reads the catalogue built in build/po (the
 * EARMARK_LOCALEDIR the test environment sets, as `meson compile -C build
 * demo` does), never an installed one.  The window's pages carry the
 * names of DESIGN.md §9, no label a page shows is left in English, and
 * earmark-cli translates its messages but not its machine-readable output.
 */

#define END_MONTH "2026-10"

/* Words a Chinese page may show in Latin letters: names of products,
 * formats and keys, and the shipped scorecards' ids and sources (data).
 */
static const char * const latin_words[] = {
  "Earmark", "Excel", "CSV", "seed", "Ctrl", "Alt", "Esc", "Shift",
  "callback-cs-survey", "customer-service-100", "hotline-call-qa", "ob-satisfaction-qa",
  "service-inspection-checklist", "service-norm-code",
};

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (GTK_IS_TEXT (widget) && gtk_text_get_placeholder_text (GTK_TEXT (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_text_get_placeholder_text (GTK_TEXT (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
shows_label (GPtrArray  *texts,
             const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

/* The labels @widget shows once one of them is @expected: the pages read
 * the database in threads, a loaded machine takes its time.  NULL after
 * 20 s without it.
 */
G_GNUC_WARN_UNUSED_RESULT static GPtrArray *
wait_for_label (GtkWidget  *widget,
                const char *expected)
{
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

      spin (100);
      collect_labels (widget, texts);
      if (shows_label (texts, expected))
        {
          spin (200);   /* what comes with it */
          g_ptr_array_set_size (texts, 0);
          collect_labels (widget, texts);
          return g_steal_pointer (&texts);
        }
    }
  return NULL;
}

/* Waits until @widget shows @expected, as wait_for_label(). */
static void
wait_until_shown (GtkWidget  *widget,
                  const char *expected)
{
  g_autoptr(GPtrArray) texts = wait_for_label (widget, expected);
}

/* A word with three Latin letters in a row that is not one of the
 * allowed ones: a string the catalogue does not translate.  Call ids
 * (HL20261123-0001), numbers and paths pass.
 */
static gboolean
has_english_word (const char *text)
{
  g_autoptr(GRegex) word = g_regex_new ("[A-Za-z][A-Za-z0-9_-]*", 0, 0, NULL);
  g_autoptr(GRegex) letters = g_regex_new ("[A-Za-z]{3}", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_path_is_absolute (text))   /* a folder: data */
    return FALSE;

  g_regex_match (word, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      gboolean allowed = !g_regex_match (letters, found, 0, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (latin_words) && !allowed; i++)
        allowed = g_str_equal (found, latin_words[i]);
      if (!allowed)
        return TRUE;
    }
  return FALSE;
}

static char *
make_demo (char **out_dir)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  g_autoptr(GDateTime) end = g_date_time_new_local (2026, 11, 1, 0, 0, 0);

  g_assert_no_error (error);
  g_assert_true (em_demo_create (db, end, NULL, NULL, &error));
  g_assert_no_error (error);
  *out_dir = g_steal_pointer (&dir);
  return path;
}

/* The catalogue comes from the build tree, and is the Chinese one. */
static void
test_catalogue (void)
{
  g_autofree char *mo = g_build_filename (BUILD_DIR, "po", "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  g_assert_cmpstr (em_i18n_get_localedir (), ==, BUILD_DIR "/po");
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (_("Calls"), ==, "录音");
  g_assert_cmpstr (ngettext ("%'u call", "%'u calls", 2), ==, "%'u 条通话");
}

/* The view switcher names the pages as DESIGN.md §9 does, and shows them. */
static void
test_switcher (void)
{
  struct { const char *name; const char *title; } pages[] = {
    { "calls", "录音" }, { "sampling", "抽检" }, { "evaluations", "评分记录" },
    { "agents", "坐席" }, { "reports", "月度报表" }, { "scorecards", "评分表" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  g_autoptr(GPtrArray) texts = NULL;
  EmWindow *window;
  AdwViewStack *stack;

  g_assert_no_error (error);
  window = em_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "view_stack"));
  texts = wait_for_label (GTK_WIDGET (window), "录音");
  g_assert_nonnull (texts);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, pages[i].name);

      g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, child)), ==, pages[i].title);
      if (!shows_label (texts, pages[i].title))
        g_error ("the view switcher does not show “%s”", pages[i].title);
    }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Earmark");

  gtk_window_destroy (GTK_WINDOW (window));
  em_test_rm_rf (dir);
}

/* Every page of the window, on the demo data: what it shows is Chinese
 * (the calls' own data aside), and a few labels are the expected ones.
 */
static void
test_pages_in_chinese (void)
{
  struct { const char *name; const char *expected; } pages[] = {
    { "calls", "搜索通话编号、坐席或主叫号码" }, { "sampling", "抽检规则" },
    { "evaluations", "历史记录" }, { "agents", "月度总分(T)" },
    { "reports", "等级分布" }, { "scorecards", "修订版" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  EmWindow *window;
  AdwViewStack *stack;
  guint english = 0;

  g_assert_no_error (error);
  window = em_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "view_stack"));
  em_sampling_page_set_month (EM_SAMPLING_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW,
                                                                             "sampling_page")),
                              END_MONTH);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GPtrArray) texts = NULL;
      GtkWidget *page = adw_view_stack_get_child_by_name (stack, pages[i].name);

      adw_view_stack_set_visible_child_name (stack, pages[i].name);
      spin (300);

      /* With something selected: the side panes have most of the words. */
      if (g_str_equal (pages[i].name, "evaluations"))
        {
          while (em_evaluations_page_get_loading (EM_EVALUATIONS_PAGE (page)))
            spin (100);
          g_assert_true (em_evaluations_page_select_evaluation (EM_EVALUATIONS_PAGE (page), 1));
        }
      if (g_str_equal (pages[i].name, "agents"))
        {
          while (em_agents_page_get_busy (EM_AGENTS_PAGE (page)))
            spin (100);
          g_assert_true (em_agents_page_select_agent (EM_AGENTS_PAGE (page), "1001"));
        }
      if (g_str_equal (pages[i].name, "scorecards"))
        {
          /* The hotline card: its Description, data, cites only its seed. */
          wait_until_shown (GTK_WIDGET (window), "热线通话质检评分表");
          em_scorecards_page_select (EM_SCORECARDS_PAGE (page), "hotline-call-qa", 0);
        }

      if (!(texts = wait_for_label (GTK_WIDGET (window), pages[i].expected)))
        g_error ("the %s page does not show “%s”", pages[i].name, pages[i].expected);
      g_assert_cmpuint (texts->len, >, 10);
      for (guint j = 0; j < texts->len; j++)
        if (has_english_word (g_ptr_array_index (texts, j)))
          {
            g_printerr ("%s page: “%s” is not translated\n", pages[i].name, (char *) g_ptr_array_index (texts, j));
            english++;
          }
    }
  g_assert_cmpuint (english, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  em_test_rm_rf (dir);
}

static void
check_window_in_chinese (GtkWidget  *window,
                         const char *what,
                         const char *expected)
{
  g_autoptr(GPtrArray) texts = NULL;

  g_assert_nonnull (window);
  if (!(texts = wait_for_label (window, expected)))
    g_error ("the %s does not show “%s”", what, expected);
  for (guint j = 0; j < texts->len; j++)
    if (has_english_word (g_ptr_array_index (texts, j)))
      g_error ("%s: “%s” is not translated", what, (char *) g_ptr_array_index (texts, j));
}

/* The newest toplevel other than @window: the dialog an action opened. */
static GtkWidget *
find_dialog (EmWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WIDGET (window) && gtk_widget_get_visible (toplevel))
        return toplevel;
    }
  return NULL;
}

static gint64
finalised_with_deductions (EmDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, "SELECT id FROM evaluations WHERE status = 2 "
                                                    "AND total < 9000 ORDER BY id LIMIT 1", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
newest_call (EmDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, "SELECT id FROM calls ORDER BY started_at DESC LIMIT 1",
                                                &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The dialogs and windows besides the pages, and the evaluate view:
 * Chinese too.
 */
static void
test_dialogs (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_demo (&dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *page;
  GtkWidget *dialog;
  EmWindow *window;
  AdwViewStack *stack;

  g_assert_no_error (error);
  g_settings_set_string (settings, "inspector-name", "李敏");
  window = em_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "view_stack"));
  spin (500);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  check_window_in_chinese (dialog = find_dialog (window), "preferences", "显示完整主叫号码");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = em_inspector_dialog_new (GTK_WINDOW (window), settings);
  gtk_window_present (GTK_WINDOW (dialog));
  check_window_in_chinese (dialog, "first-run name dialog", "请填写质检员姓名");
  gtk_window_destroy (GTK_WINDOW (dialog));

  builder = gtk_builder_new_from_resource ("/io/github/earmark/Earmark/gtk/help-overlay.ui");
  dialog = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_present (GTK_WINDOW (dialog));
  check_window_in_chinese (dialog, "shortcuts window", "立即保存草稿");
  gtk_window_destroy (GTK_WINDOW (dialog));

  page = adw_view_stack_get_child_by_name (stack, "sampling");
  adw_view_stack_set_visible_child_name (stack, "sampling");
  spin (1000);
  g_assert_true (gtk_widget_activate_action (page, "sampling.draw", NULL));
  check_window_in_chinese (dialog = find_dialog (window), "draw dialog", "抽检规则");
  gtk_window_destroy (GTK_WINDOW (dialog));

  page = adw_view_stack_get_child_by_name (stack, "evaluations");
  adw_view_stack_set_visible_child_name (stack, "evaluations");
  spin (300);
  while (em_evaluations_page_get_loading (EM_EVALUATIONS_PAGE (page)))
    spin (100);
  g_assert_true (em_evaluations_page_select_evaluation (EM_EVALUATIONS_PAGE (page), finalised_with_deductions (db)));
  wait_until_shown (GTK_WIDGET (window), "提交申诉(F)…");
  g_assert_true (gtk_widget_activate_action (page, "evaluations.file-appeal", NULL));
  check_window_in_chinese (dialog = find_dialog (window), "appeal dialog", "申诉项");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The evaluate view, on the newest call, as the Calls page opens it. */
  page = adw_view_stack_get_child_by_name (stack, "calls");
  adw_view_stack_set_visible_child_name (stack, "calls");
  spin (500);
  g_assert_true (gtk_widget_activate_action (page, "calls.open", "x", newest_call (db)));
  check_window_in_chinese (GTK_WIDGET (window), "evaluate view", "工单时限");

  gtk_window_destroy (GTK_WINDOW (window));
  em_test_rm_rf (dir);
}

/* The history's audit records, stored in fixed English words, read in
 * Chinese; what is not a known record stays as stored.
 */
static void
test_audit_text (void)
{
  struct { const char *stored; const char *shown; } cases[] = {
    { "call 7, scorecard hotline-call-qa (scorecard_versions 3), total 97.00",
      "通话 7，评分表 hotline-call-qa，总分 97.00" },
    { "total 91.00 → 87.00; changed: language.taboo, info.complete; excluded",
      "总分 91.00 → 87.00；修改：language.taboo、info.complete；不计入评分" },
    { "appeal 1: overturned language.taboo; total 91.00 → 95.00; changed: language.taboo",
      "申诉 1：撤销 language.taboo；总分 91.00 → 95.00；修改：language.taboo" },
    { "evaluation 12, total 91.00; items: language.taboo (−4.00), red.leak (fatal); reason: 客户原话; 非坐席所说",
      "评分记录 12，总分 91.00；申诉项：language.taboo（−4.00）、red.leak（致命错误）；理由：客户原话; 非坐席所说" },
    { "language.taboo: overturned; comment: 01:12 处有说明", "language.taboo：撤销；裁定意见：01:12 处有说明" },
    { "evaluation 12: total 91.00 → 95.00; overturned: language.taboo; upheld: none",
      "评分记录 12：总分 91.00 → 95.00；撤销：language.taboo；维持：无" },
    { "scorecard revision 3 → 4; total 80.00 → 80.00", "评分表修订版 3 → 4；总分 80.00 → 80.00" },
    { "something new", "something new" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = em_audit_text_describe (cases[i].stored, NULL);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  g_assert_null (em_audit_text_describe (NULL, NULL));
}

/* earmark-cli speaks Chinese on stderr and in --help, and keeps its
 * tab-separated output, a public interface, in its English tokens.
 */
static void
test_cli (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *good = em_test_fixture ("calls/calls-utf8.csv");
  g_autofree char *bad = em_test_fixture ("calls/calls-bad.csv");
  g_autofree char *scorecard = em_test_fixture ("scoring/all-kinds.scorecard");
  g_autofree char *answers = em_test_fixture ("scoring/all-kinds-full.answers");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (em_test_run_cli ((const char *[]) { "--help", NULL }, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "用法：earmark-cli"));
  g_assert_nonnull (strstr (out, "导入通话清单（CSV）"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (em_test_run_cli ((const char *[]) { "import-calls", "--db", db, bad, NULL }, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, ":5: agent_code: 必须填写\n"));
  g_assert_nonnull (strstr (err, "有 12 行错误；未导入任何内容。"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (em_test_run_cli ((const char *[]) { "import-calls", "--db", db, good, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported\t5\nduplicates\t0\nskipped\t0\n");
  g_assert_nonnull (strstr (err, "已忽略无法识别的列：note"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (em_test_run_cli ((const char *[]) { "score", "--scorecard", scorecard, "--answers", answers, NULL },
                                    &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "section\t"));
  g_assert_nonnull (strstr (out, "\nfatal\tno\ntotal\t"));

  em_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  /* Before anything reads the environment; inherited by earmark-cli. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8; the user's locale instead, as
   * gtk_init() takes it (C.UTF-8 in the tests: LANGUAGE then decides). */
  setlocale (LC_ALL, "");
  adw_init ();
  earmark_register_resource ();
  em_i18n_init ();

  g_test_add_func ("/i18n/catalogue", test_catalogue);
  g_test_add_func ("/i18n/switcher", test_switcher);
  g_test_add_func ("/i18n/pages", test_pages_in_chinese);
  g_test_add_func ("/i18n/dialogs", test_dialogs);
  g_test_add_func ("/i18n/audit-text", test_audit_text);
  g_test_add_func ("/i18n/cli", test_cli);

  return g_test_run ();
}
