/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"
#include "em-window.h"

G_BEGIN_DECLS

/* What the GUI tests do the way a user would: let the main loop run, find
 * what is on screen (by text, type, name or action), click, answer
 * dialogs, and read the rows a list view has drawn.
 */

#define EM_TEST_TIMEOUT_MS 30000

typedef gboolean (*EmTestCondition) (gpointer data);

/* The main loop */
void                 em_test_spin                (guint             ms);
gboolean             em_test_spin_until          (EmTestCondition   condition,
                                                  gpointer          data,
                                                  guint             timeout_ms);

/* Finding widgets below @root (depth first, in widget order) */
gpointer             em_test_template_child      (gpointer          widget,
                                                  GType             type,
                                                  const char       *name);
GtkWidget           *em_test_find_of_type        (GtkWidget        *root,
                                                  GType             type);
void                 em_test_collect             (GtkWidget        *root,
                                                  GType             type,
                                                  GPtrArray        *out);
GtkWidget           *em_test_find_named          (GtkWidget        *root,
                                                  const char       *name);
GtkWidget           *em_test_find_action_button  (GtkWidget        *root,
                                                  const char       *action_name);
gpointer             em_test_find_label          (GtkWidget        *root,
                                                  const char       *text);
GPtrArray           *em_test_shown_labels        (GtkWidget        *root);
gboolean             em_test_shows_text          (GtkWidget        *root,
                                                  const char       *text);
gboolean             em_test_shows_text_containing (GtkWidget      *root,
                                                  const char       *part);

/* Rows drawn by a list or column view: labels whose text starts with
 * @prefix (e.g. "HL" for call ids).
 */
const char          *em_test_first_drawn_text    (GtkWidget        *view,
                                                  const char       *prefix);
guint                em_test_n_drawn             (GtkWidget        *view,
                                                  const char       *prefix);
GtkColumnViewColumn *em_test_column_titled       (GtkColumnView    *view,
                                                  const char       *title);

/* Doing */
void                 em_test_click               (GtkWidget        *button);
void                 em_test_select_label        (GtkDropDown      *dropdown,
                                                  const char       *label);
void                 em_test_respond             (AdwMessageDialog *dialog,
                                                  const char       *response);

/* Windows */
GtkWindow           *em_test_find_toplevel       (GType             type);
GtkWindow           *em_test_wait_for_toplevel   (GType             type);
EmWindow            *em_test_open_window         (EmDb             *db,
                                                  const char       *page,
                                                  int               width,
                                                  int               height);
gpointer             em_test_window_child        (EmWindow         *window,
                                                  const char       *name);
void                 em_test_destroy_toplevels   (void);

/* The database, through the test's own connection */
gint64               em_test_query_int           (EmDb             *db,
                                                  const char       *sql);
char                *em_test_query_text          (EmDb             *db,
                                                  const char       *sql);

G_END_DECLS
