/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-agents-page.h"
#include "em-calls-page.h"
#include "em-evaluations-page.h"
#include "em-sampling-page.h"
#include "em-scorecards-page.h"
#include "em-reports-page.h"
#include "em-evaluate-view.h"
#include "em-preferences-window.h"
#include "em-window.h"

struct _EmWindow
{
  AdwApplicationWindow  parent_instance;

  EmDb                 *db;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  AdwStatusPage        *database_error_page;
  EmCallsPage          *calls_page;
  EmEvaluationsPage    *evaluations_page;
  EmSamplingPage       *sampling_page;
  EmScorecardsPage     *scorecards_page;
  EmAgentsPage         *agents_page;
  EmReportsPage        *reports_page;
  AdwHeaderBar         *header_bar;
  GtkWidget            *switcher_bar;
  EmEvaluateView       *evaluate_view;
};

G_DEFINE_FINAL_TYPE (EmWindow, em_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmWindow *
em_window_new (EmApplication *application,
               EmDb          *db)
{
  return g_object_new (EM_TYPE_WINDOW,
                       "application", application,
                       "db", db,
                       NULL);
}

EmDb *
em_window_get_db (EmWindow *self)
{
  g_return_val_if_fail (EM_IS_WINDOW (self), NULL);

  return self->db;
}

/* A database that cannot be opened (damaged, locked, from a newer
 * Earmark) replaces the pages with a page that says so; nothing is written.
 */
void
em_window_show_database_error (EmWindow     *self,
                               const char   *path,
                               const GError *error)
{
  g_return_if_fail (EM_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->database_error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "database-error");
}

/* @message is plain text (a file or scorecard name may hold '&' or '<'):
 * libadwaita 1.2 reads a toast's title as markup.
 */
void
em_window_toast (EmWindow   *self,
                 const char *message)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (EM_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* A toast with a button ("Open" the workbook just written). */
void
em_window_add_toast (EmWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (EM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Errors a person must read (an import that was refused, an export that
 * failed) go into a dialog, not a toast that disappears.
 */
void
em_window_show_error (EmWindow     *self,
                      const char   *heading,
                      const GError *error)
{
  g_return_if_fail (EM_IS_WINDOW (self));

  em_window_show_error_for (GTK_WIDGET (self), heading, error);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A page shown outside an EmWindow (a widget test, a gallery) says on the
 * terminal what the window would toast.
 */
void
em_window_toast_for (GtkWidget  *widget,
                     const char *message)
{
  GtkWindow *window = window_of (widget);

  if (EM_IS_WINDOW (window))
    em_window_toast (EM_WINDOW (window), message);
  else
    g_message ("%s", message);
}

/* Takes @toast, as em_window_add_toast() does. */
void
em_window_add_toast_for (GtkWidget *widget,
                         AdwToast  *toast)
{
  GtkWindow *window = window_of (widget);

  if (EM_IS_WINDOW (window))
    em_window_add_toast (EM_WINDOW (window), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

void
em_window_show_error_for (GtkWidget    *widget,
                          const char   *heading,
                          const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (widget), heading,
                                              error != NULL ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A sampled call opens the way a row of the Calls page does. */
static void
on_sampling_page_open_call (EmWindow       *self,
                            gint64          call_id,
                            EmSamplingPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (self->calls_page), "calls.open", "x", call_id);
}

/* Evaluating a call takes the whole window: the evaluate view has its
 * own header bar, with the way back.
 */
static void
show_evaluate_view (EmWindow *self,
                    gboolean  evaluating)
{
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), !evaluating);
  gtk_widget_set_visible (self->switcher_bar, !evaluating);
  gtk_stack_set_visible_child_name (self->main_stack, evaluating ? "evaluate" : "pages");
}

static void
on_calls_page_open_call (EmWindow *self,
                         EmCall   *call)
{
  g_autoptr(GError) error = NULL;

  if (!em_evaluate_view_open_call (self->evaluate_view, em_call_get_id (call), &error))
    {
      em_window_show_error (self, _("The Call Cannot Be Opened"), error);
      return;
    }

  show_evaluate_view (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->evaluate_view));
}

static void
on_evaluate_view_back (EmWindow *self)
{
  show_evaluate_view (self, FALSE);
  em_calls_page_refresh (self->calls_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->calls_page));
}

static gboolean
em_window_close_request (GtkWindow *window)
{
  EmWindow *self = EM_WINDOW (window);

  em_evaluate_view_leave (self->evaluate_view);

  return GTK_WINDOW_CLASS (em_window_parent_class)->close_request (window);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EmWindow *self = EM_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (em_preferences_window_new (GTK_WINDOW (self), self->db)));
}

/* Evaluations change on other pages (an appeal changes a total): the
 * Calls page counts again, in a thread, when it is shown.
 */
static void
on_visible_page_changed (EmWindow *self)
{
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "calls") == 0 &&
      em_calls_page_get_db (self->calls_page) != NULL)
    em_calls_page_refresh (self->calls_page);
}

static void
em_window_constructed (GObject *object)
{
  EmWindow *self = (EmWindow *) object;

  G_OBJECT_CLASS (em_window_parent_class)->constructed (object);

  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_page_changed),
                           self, G_CONNECT_SWAPPED);

  em_calls_page_set_db (self->calls_page, self->db);
  em_evaluations_page_set_db (self->evaluations_page, self->db);
  em_sampling_page_set_db (self->sampling_page, self->db);
  em_scorecards_page_set_db (self->scorecards_page, self->db);
  em_agents_page_set_db (self->agents_page, self->db);
  em_reports_page_set_db (self->reports_page, self->db);
  em_evaluate_view_set_db (self->evaluate_view, self->db);
  g_signal_connect_object (self->calls_page, "open-call", G_CALLBACK (on_calls_page_open_call), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->evaluate_view, "back", G_CALLBACK (on_evaluate_view_back), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", self->db != NULL);
}

/* Pages other than Calls open a call (an evaluation in an agent's history)
 * with calls.open too: this group, on the window, hands it to the Calls
 * page, whose own calls.open opens the call.
 */
static void
open_call_activated (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  EmWindow *self = user_data;

  gtk_widget_activate_action_variant (GTK_WIDGET (self->calls_page), "calls.open", param);
}

static const GActionEntry call_actions[] = {
  { "open", open_call_activated, "x" },
};

static void
em_window_dispose (GObject *object)
{
  EmWindow *self = (EmWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_WINDOW);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_window_parent_class)->dispose (object);
}

static void
em_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EmWindow *self = EM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  EmWindow *self = EM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_set_object (&self->db, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_window_class_init (EmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = em_window_constructed;
  window_class->close_request = em_window_close_request;
  object_class->dispose = em_window_dispose;
  object_class->get_property = em_window_get_property;
  object_class->set_property = em_window_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL,
                         EM_TYPE_DB,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EM_TYPE_AGENTS_PAGE);
  g_type_ensure (EM_TYPE_CALLS_PAGE);
  g_type_ensure (EM_TYPE_EVALUATIONS_PAGE);
  g_type_ensure (EM_TYPE_SAMPLING_PAGE);
  g_type_ensure (EM_TYPE_SCORECARDS_PAGE);
  g_type_ensure (EM_TYPE_REPORTS_PAGE);
  g_type_ensure (EM_TYPE_EVALUATE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, database_error_page);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, calls_page);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, evaluations_page);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, sampling_page);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, scorecards_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sampling_page_open_call);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, agents_page);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, EmWindow, evaluate_view);

  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
}

static void
em_window_init (EmWindow *self)
{
  g_autoptr(GSimpleActionGroup) calls = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (calls), call_actions, G_N_ELEMENTS (call_actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "calls", G_ACTION_GROUP (calls));
}
