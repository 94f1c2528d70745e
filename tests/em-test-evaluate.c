/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-test"

#include "config.h"

#include <gio/gio.h>

#include "em-test-evaluate.h"
#include "em-test-util.h"

/* One team, one agent and one call (2024-06-03 09:15:22 +08:00, 20 s of
 * recording), in a new database in @dir.  @recording: what the call's
 * recording column says; "call-20s.ogg" is copied from the fixtures into
 * the recordings folder beside the database; NULL leaves the call
 * without one.
 */
void
em_test_call_db_init (EmTestCallDb *fixture,
                      const char   *dir,
                      const char   *recording)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 team_id;
  gint64 agent_id;

  fixture->dir = g_strdup (dir);
  fixture->db_path = g_build_filename (dir, "earmark.db", NULL);
  fixture->db = em_db_open (fixture->db_path, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (recording, "call-20s.ogg") == 0)
    {
      g_autofree char *source = em_test_fixture ("call-20s.ogg");
      g_autofree char *recordings = g_build_filename (dir, "recordings", NULL);
      g_autofree char *target = g_build_filename (recordings, "call-20s.ogg", NULL);
      g_autoptr(GFile) from = g_file_new_for_path (source);
      g_autoptr(GFile) to = g_file_new_for_path (target);

      g_assert_cmpint (g_mkdir_with_parents (recordings, 0700), ==, 0);
      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  team_id = em_db_ensure_team (fixture->db, "一组", &error);
  g_assert_no_error (error);
  agent_id = em_db_ensure_agent (fixture->db, "1003", "王芳", team_id, &error);
  g_assert_no_error (error);

  stmt = em_db_prepare (fixture->db,
                        "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s, wait_s, "
                        "direction, caller, queue, satisfaction, resolved, ticket_due, ticket_closed, recording) "
                        "VALUES ('C20240603-0001', ?1, 1717377322, 28800, 20, 7, 1, '13812345678', '咨询', 4, 1, "
                        "1717464000, 1717390000, ?2) RETURNING id",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, agent_id);
  if (recording != NULL)
    sqlite3_bind_text (stmt, 2, recording, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  fixture->call_id = sqlite3_column_int64 (stmt, 0);
}

void
em_test_call_db_clear (EmTestCallDb *fixture)
{
  g_clear_object (&fixture->db);
  em_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

EmScoreRow *
em_test_find_score_row (GtkWidget  *root,
                        const char *item_id)
{
  if (EM_IS_SCORE_ROW (root) &&
      g_strcmp0 (em_scorecard_item_get_id (em_score_row_get_item (EM_SCORE_ROW (root))), item_id) == 0)
    return EM_SCORE_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      EmScoreRow *row = em_test_find_score_row (child, item_id);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* A control of the row's template: "pass_switch", "occurrences_spin",
 * "complaint_spin", "option_dropdown", "score_spin", "fatal_switch",
 * "na_button", "mark_button", "note_entry", "moments_box", "cost_label".
 */
gpointer
em_test_row_control (EmScoreRow *row,
                     const char *name)
{
  gpointer control = gtk_widget_get_template_child (GTK_WIDGET (row), EM_TYPE_SCORE_ROW, name);

  g_assert_nonnull (control);
  return control;
}
