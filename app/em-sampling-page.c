/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-call.h"
#include "em-error.h"
#include "em-points.h"
#include "em-sampled-call-item.h"
#include "em-sampling-page-private.h"

/* The page reads everything from the main thread's EmDb: a plan is a few
 * hundred rows, loaded whole into a GListStore that a filter (the
 * inspector) and the column view's sorter work on.  Drawing and updating
 * a plan run in a thread (em-sampling-page-actions.c).
 *
 * The month list offers every month from the first to the last call, the
 * months that have a plan and the current month; the page opens on the
 * current month.
 */

G_DEFINE_FINAL_TYPE (EmSamplingPage, em_sampling_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_MONTH,
  N_PROPS
};

enum {
  OPEN_CALL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void load_month (EmSamplingPage *self);

/* Months */

static gint64
month_index_of (const char *month)
{
  int year, mon;

  if (!em_sampling_parse_month (month, &year, &mon, NULL))
    return -1;
  return (gint64) year * 12 + (mon - 1);
}

static char *
month_of_index (gint64 index)
{
  return g_strdup_printf ("%04d-%02d", (int) (index / 12), (int) (index % 12) + 1);
}

/* The month's first second in the center's local time, counted as if it
 * were UTC: what started_at + utc_offset is compared with.
 */
static gint64
month_start (gint64 index)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc ((int) (index / 12), (int) (index % 12) + 1,
                                                   1, 0, 0, 0);
  return g_date_time_to_unix (date);
}

char *
_em_sampling_page_format_month (const char *month)
{
  gint64 index = month_index_of (month);
  g_autoptr(GDateTime) date = NULL;

  if (index < 0)
    return g_strdup (month);

  date = g_date_time_new_utc ((int) (index / 12), (int) (index % 12) + 1, 1, 0, 0, 0);
  /* Translators: a month in the month list, a g_date_time_format() format;
   * e.g. "%Y年%-m月" for Chinese */
  return g_date_time_format (date, _("%B %Y"));
}

static char *
current_month (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m");
}

/* The local month of the first (@last: the last) call by start time. */
static gint64
call_month_bound (EmDb     *db,
                  gboolean  last)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) date = NULL;

  stmt = em_db_prepare (db, last ? "SELECT started_at + utc_offset FROM calls ORDER BY started_at DESC LIMIT 1"
                                 : "SELECT started_at + utc_offset FROM calls ORDER BY started_at LIMIT 1",
                        NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  date = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
  if (date == NULL)
    return -1;
  return (gint64) g_date_time_get_year (date) * 12 + g_date_time_get_month (date) - 1;
}

static guint
count_month_calls (EmDb       *db,
                   const char *month)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 index = month_index_of (month);

  if (index < 0)
    return 0;

  /* As the draw selects them: the UTC range first, for the index. */
  stmt = em_db_prepare (db,
                        "SELECT count(*) FROM calls "
                        "WHERE started_at >= ?1 - 86400 AND started_at < ?2 + 86400 "
                        "  AND started_at + utc_offset >= ?1 AND started_at + utc_offset < ?2",
                        NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, month_start (index));
  sqlite3_bind_int64 (stmt, 2, month_start (index + 1));
  return sqlite3_step (stmt) == SQLITE_ROW ? (guint) sqlite3_column_int64 (stmt, 0) : 0;
}

static void
add_month_index (GArray *indexes,
                 gint64  index)
{
  for (guint i = 0; i < indexes->len; i++)
    if (g_array_index (indexes, gint64, i) == index)
      return;
  g_array_append_val (indexes, index);
}

static int
compare_descending (gconstpointer a,
                    gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static void
collect_months (EmSamplingPage *self,
                GArray         *indexes)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) planned = em_sampling_list_months (self->db, &error);
  g_autofree char *now = current_month ();
  gint64 first = call_month_bound (self->db, FALSE);
  gint64 last = call_month_bound (self->db, TRUE);

  g_hash_table_remove_all (self->plan_months);
  if (planned == NULL)
    g_warning ("Cannot list the sampling plans: %s", error->message);
  for (guint i = 0; planned != NULL && planned[i] != NULL; i++)
    {
      g_hash_table_add (self->plan_months, g_strdup (planned[i]));
      if (month_index_of (planned[i]) >= 0)
        add_month_index (indexes, month_index_of (planned[i]));
    }

  for (gint64 m = first; first >= 0 && m <= last; m++)
    add_month_index (indexes, m);
  add_month_index (indexes, month_index_of (now));
  if (self->month != NULL && month_index_of (self->month) >= 0)
    add_month_index (indexes, month_index_of (self->month));

  g_array_sort (indexes, compare_descending);
}

static void
rebuild_months (EmSamplingPage *self)
{
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  collect_months (self, indexes);

  g_ptr_array_set_size (self->months, 0);
  g_ptr_array_set_size (self->month_labels, 0);
  for (guint i = 0; i < indexes->len; i++)
    {
      char *month = month_of_index (g_array_index (indexes, gint64, i));
      g_autofree char *name = _em_sampling_page_format_month (month);
      char *label;

      if (g_hash_table_contains (self->plan_months, month))
        /* Translators: a month in the month list that has a sampling plan */
        label = g_strdup_printf (_("%s · plan"), name);
      else
        label = g_strdup (name);

      if (g_strcmp0 (month, self->month) == 0)
        selected = i;
      g_ptr_array_add (self->months, month);
      g_ptr_array_add (self->month_labels, label);
      gtk_string_list_append (model, label);
    }

  self->rebuilding = TRUE;
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->month_dropdown, selected);
  self->rebuilding = FALSE;
}

static void
on_month_dropdown_selected (EmSamplingPage *self,
                            GParamSpec     *pspec,
                            GtkDropDown    *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->rebuilding || position >= self->months->len)
    return;

  em_sampling_page_set_month (self, g_ptr_array_index (self->months, position));
}

/* The list of sampled calls */

typedef char *(*CellText) (EmSampledCallItem *item);

typedef struct
{
  const char *title;
  CellText    text;           /* NULL: the reasons column, drawn as tags */
  const char *property;       /* sorts by this property of EmSampledCallItem */
  gboolean    numeric_sort;
  int         width;
  float       xalign;
  gboolean    expand;
} Column;

static char *
text_external_id (EmSampledCallItem *item)
{
  return g_strdup (em_sampled_call_item_get_external_id (item));
}

static char *
text_agent (EmSampledCallItem *item)
{
  return g_strdup (em_sampled_call_item_get_agent (item));
}

static char *
text_started_at (EmSampledCallItem *item)
{
  g_autoptr(GDateTime) local = em_sampled_call_item_dup_started_at_local (item);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
text_duration (EmSampledCallItem *item)
{
  return em_call_format_duration (em_sampled_call_item_get_duration (item));
}

static char *
text_inspector (EmSampledCallItem *item)
{
  const char *inspector = em_sampled_call_item_get_inspector (item);

  return g_strdup (*inspector != '\0' ? inspector : _("Unassigned"));
}

static const char *
status_label (int status)
{
  switch (status)
    {
    case 0: return _("Draft");
    case 1: return _("Submitted");
    case 2: return _("Finalised");
    default: return _("Not evaluated");
    }
}

static char *
text_status (EmSampledCallItem *item)
{
  return g_strdup (status_label (em_sampled_call_item_get_status (item)));
}

static const Column columns[] = {
  { N_("Call ID"), text_external_id, "external-id", FALSE, 134, 0.0, FALSE },
  { N_("Agent"), text_agent, "agent", FALSE, 100, 0.0, FALSE },
  { N_("Start Time"), text_started_at, "started-at", TRUE, 132, 0.0, FALSE },
  { N_("Duration"), text_duration, "duration", TRUE, 70, 1.0, FALSE },
  { N_("Reasons"), NULL, "reasons", TRUE, 170, 0.0, TRUE },
  { N_("Inspector"), text_inspector, "inspector", FALSE, 80, 0.0, FALSE },
  { N_("Evaluation"), text_status, "status", TRUE, 110, 0.0, FALSE },
};

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const Column             *column)
{
  GtkWidget *child;

  if (column->text != NULL)
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), column->xalign);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (child, "numeric");
    }
  else
    child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_list_item_set_child (list_item, child);
}

static void
fill_reason_tags (GtkWidget        *box,
                  EmSamplingReason  reasons)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  for (EmSamplingReason reason = EM_SAMPLING_REASON_QUOTA; reason & EM_SAMPLING_REASON_ALL; reason <<= 1)
    {
      GtkWidget *tag;

      if (!(reasons & reason))
        continue;

      tag = gtk_label_new (em_sampling_reason_get_label (reason));
      gtk_label_set_ellipsize (GTK_LABEL (tag), PANGO_ELLIPSIZE_END);
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "sampling-reason");
      gtk_widget_add_css_class (tag, em_sampling_reason_to_token (reason));
      gtk_box_append (GTK_BOX (box), tag);
    }
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const Column             *column)
{
  EmSampledCallItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  if (column->text == NULL)
    {
      fill_reason_tags (child, em_sampled_call_item_get_reasons (item));
      return;
    }

  text = column->text (item);
  gtk_label_set_text (GTK_LABEL (child), text);

  /* Evaluated calls show in green, calls not evaluated yet and
   * unassigned ones dimmed. */
  if (column->text == text_status)
    {
      set_css_class (child, "success", em_sampled_call_item_get_status (item) >= 1);
      set_css_class (child, "dim-label", em_sampled_call_item_get_status (item) < 0);
    }
  else if (column->text == text_inspector)
    set_css_class (child, "dim-label", *em_sampled_call_item_get_inspector (item) == '\0');
}

static GtkSorter *
column_sorter (const Column *column)
{
  GtkExpression *expression = gtk_property_expression_new (EM_TYPE_SAMPLED_CALL_ITEM, NULL,
                                                            column->property);

  if (column->numeric_sort)
    return GTK_SORTER (gtk_numeric_sorter_new (expression));
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

static void
add_columns (EmSamplingPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), (gpointer) &columns[i]);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_sorter (column, column_sorter (&columns[i]));
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (gtk_column_view_column_get_sorter (column));
      g_object_unref (column);
    }
}

static void
on_column_view_activate (EmSamplingPage *self,
                         guint           position,
                         GtkColumnView  *view)
{
  g_autoptr(EmSampledCallItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "sampling.open", "x",
                                em_sampled_call_item_get_call_id (item));
}

/* The inspector filter */

static gboolean
filter_call (gpointer object,
             gpointer user_data)
{
  EmSamplingPage *self = user_data;

  return self->filter_inspector == NULL ||
         g_str_equal (em_sampled_call_item_get_inspector (object), self->filter_inspector);
}

static void
update_count (EmSamplingPage *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (self->calls));
  g_autofree char *text = NULL;

  if (self->filter_inspector == NULL)
    text = g_strdup_printf (ngettext ("%u sampled call", "%u sampled calls", n_all), n_all);
  else
    /* Translators: "12 of 134 sampled calls" */
    text = g_strdup_printf (ngettext ("%u of %u sampled call", "%u of %u sampled calls", n_all),
                            n_shown, n_all);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->calls_stack, n_shown > 0 || n_all == 0 ? "list" : "empty");
}

static void
set_filter_inspector (EmSamplingPage *self,
                      const char     *inspector)
{
  if (g_strcmp0 (self->filter_inspector, inspector) == 0)
    return;

  g_free (self->filter_inspector);
  self->filter_inspector = g_strdup (inspector);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_inspector_dropdown_selected (EmSamplingPage *self,
                                GParamSpec     *pspec,
                                GtkDropDown    *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->rebuilding || position >= self->filter_values->len)
    return;

  set_filter_inspector (self, g_ptr_array_index (self->filter_values, position));
}

static gboolean
strv_has (GPtrArray  *values,
          const char *value)
{
  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      return TRUE;
  return FALSE;
}

static void
add_filter_entry (EmSamplingPage *self,
                  GtkStringList  *labels,
                  const char     *value,
                  const char     *label)
{
  if (value != NULL && strv_has (self->filter_values, value) && self->filter_values->len > 0)
    return;

  g_ptr_array_add (self->filter_values, g_strdup (value));
  gtk_string_list_append (labels, label);
}

/* All, Me (the inspector-name setting), the plan's inspectors, and
 * Unassigned when some calls are; the chosen entry stays chosen when it
 * still exists.
 */
static void
rebuild_inspector_filter (EmSamplingPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *me = g_settings_get_string (self->settings, "inspector-name");
  g_autofree char *me_label = NULL;
  g_autofree char *keep = g_strdup (self->filter_inspector);
  gboolean any_unassigned = FALSE;
  guint selected = 0;

  g_strstrip (me);
  g_ptr_array_set_size (self->filter_values, 0);
  add_filter_entry (self, labels, NULL, _("All Inspectors"));
  if (*me != '\0')
    {
      me_label = g_strdup_printf (_("Me (%s)"), me);
      add_filter_entry (self, labels, me, me_label);
    }
  for (guint i = 0; self->plan != NULL && self->plan->inspectors[i] != NULL; i++)
    add_filter_entry (self, labels, self->plan->inspectors[i], self->plan->inspectors[i]);

  /* An update may leave calls with inspectors no longer in the list. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->calls)); i++)
    {
      g_autoptr(EmSampledCallItem) item = g_list_model_get_item (G_LIST_MODEL (self->calls), i);
      const char *inspector = em_sampled_call_item_get_inspector (item);

      if (*inspector == '\0')
        any_unassigned = TRUE;
      else
        add_filter_entry (self, labels, inspector, inspector);
    }
  if (any_unassigned)
    add_filter_entry (self, labels, "", _("Unassigned"));

  for (guint i = 0; i < self->filter_values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->filter_values, i), keep) == 0)
      selected = i;

  self->rebuilding = TRUE;
  gtk_drop_down_set_model (self->inspector_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->inspector_dropdown, selected);
  self->rebuilding = FALSE;
  set_filter_inspector (self, g_ptr_array_index (self->filter_values, selected));
}

static void
on_inspector_name_changed (EmSamplingPage *self,
                           const char     *key,
                           GSettings      *settings)
{
  rebuild_inspector_filter (self);
}

/* The plan's side panel */

static void
on_progress_row_activated (EmSamplingPage *self,
                           AdwActionRow   *row)
{
  const char *inspector = g_object_get_data (G_OBJECT (row), "inspector");

  for (guint i = 0; i < self->filter_values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->filter_values, i), inspector) == 0)
      gtk_drop_down_set_selected (self->inspector_dropdown, i);
}

static GtkWidget *
progress_row_new (EmSamplingPage           *self,
                  const EmSamplingProgress *progress)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, MAX (progress->assigned, 1));
  g_autofree char *subtitle = NULL;

  /* Translators: an inspector's progress, e.g. "12 of 67 evaluated · 55 remaining" */
  subtitle = g_strdup_printf (ngettext ("%u of %u evaluated · %u remaining",
                                        "%u of %u evaluated · %u remaining", progress->assigned),
                              progress->evaluated, progress->assigned, progress->remaining);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 progress->inspector != NULL ? progress->inspector : _("Unassigned"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), progress->evaluated);
  gtk_widget_set_size_request (bar, 72, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);

  /* A row shows that inspector's calls in the list. */
  g_object_set_data_full (G_OBJECT (row), "inspector",
                          g_strdup (progress->inspector != NULL ? progress->inspector : ""), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_progress_row_activated), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
fill_progress (EmSamplingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->progress_list))) != NULL)
    gtk_list_box_remove (self->progress_list, child);

  if (self->plan == NULL)
    return;

  if (!(progress = em_sampling_plan_get_progress (self->db, self->plan, &error)))
    {
      g_warning ("Cannot read the plan's progress: %s", error->message);
      return;
    }

  for (guint i = 0; i < progress->len; i++)
    gtk_list_box_append (self->progress_list, progress_row_new (self, g_ptr_array_index (progress, i)));
}

static void
add_rule_row (EmSamplingPage *self,
              const char     *title,
              const char     *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (self->rules_group, row);
  g_ptr_array_add (self->rule_rows, row);
}

static void
fill_rules (EmSamplingPage *self)
{
  const EmSamplingRules *r = &self->plan->rules;
  g_autofree char *quota = em_points_format (r->quota_bp);
  g_autofree char *target = em_points_format (r->answer_target_bp);
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->rule_rows->len; i++)
    adw_preferences_group_remove (self->rules_group, g_ptr_array_index (self->rule_rows, i));
  g_ptr_array_set_size (self->rule_rows, 0);

  /* Translators: the quota rule; "1 % of each agent’s calls last month, at least 5" */
  text = g_strdup_printf (_("%s %% of each agent’s calls last month, at least %u"), quota, r->minimum);
  add_rule_row (self, em_sampling_reason_get_label (EM_SAMPLING_REASON_QUOTA), text);
  g_free (text);

  text = g_strdup_printf (_("Every call shorter than %u s"), r->short_seconds);
  add_rule_row (self, em_sampling_reason_get_label (EM_SAMPLING_REASON_SHORT), text);
  g_free (text);

  text = g_strdup_printf (_("Every call longer than %u s in a %u-minute period where under %s %% of calls were answered within %u s"),
                          r->long_seconds, r->slot_minutes, target, r->answer_seconds);
  add_rule_row (self, em_sampling_reason_get_label (EM_SAMPLING_REASON_LONG_SLOW), text);
  g_clear_pointer (&text, g_free);

  add_rule_row (self, em_sampling_reason_get_label (EM_SAMPLING_REASON_NEIGHBOUR),
                _("The agent’s calls just before and after a call whose evaluation lost points"));

  if (r->exempt_months > 0)
    {
      text = g_strdup_printf (ngettext ("Only %u calls for an agent whose last %u month had a full score",
                                        "Only %u calls for an agent whose last %u months had full scores",
                                        r->exempt_months),
                              r->exempt_count, r->exempt_months);
      add_rule_row (self, em_sampling_reason_get_label (EM_SAMPLING_REASON_EXEMPT_QUOTA), text);
    }
}

static void
fill_plan_rows (EmSamplingPage *self)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (self->plan->created_at);
  g_autofree char *seed = g_strdup_printf ("%" G_GINT64_FORMAT, self->plan->seed);
  g_autofree char *when = created != NULL ? g_date_time_format (created, "%Y-%m-%d %H:%M") : g_strdup ("");
  g_autofree char *drawn = NULL;
  g_autofree char *names = NULL;

  gtk_label_set_text (self->seed_label, seed);

  if (self->plan->created_by != NULL && *self->plan->created_by != '\0')
    /* Translators: when and by whom a plan was drawn: "2024-06-03 09:30 by 张三" */
    drawn = g_strdup_printf (_("%s by %s"), when, self->plan->created_by);
  else
    drawn = g_strdup (when);
  adw_action_row_set_subtitle (self->created_row, drawn);

  if (self->plan->inspectors[0] != NULL)
    /* Translators: the separator between inspectors' names */
    names = g_strjoinv (_(", "), self->plan->inspectors);
  adw_action_row_set_subtitle (self->inspectors_row,
                               names != NULL ? names : _("None: the calls are unassigned"));

  fill_rules (self);
}

/* Loading the month */

static void
fill_calls (EmSamplingPage *self,
            GPtrArray      *calls)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; calls != NULL && i < calls->len; i++)
    g_ptr_array_add (items, em_sampled_call_item_new (g_ptr_array_index (calls, i)));

  g_list_store_splice (self->calls, 0, g_list_model_get_n_items (G_LIST_MODEL (self->calls)),
                       items->pdata, items->len);
}

static void
update_summary (EmSamplingPage *self)
{
  g_autofree char *text = NULL;

  if (self->plan != NULL)
    /* Translators: "134 calls sampled of 3,657" */
    text = g_strdup_printf (ngettext ("%u call sampled of %'u", "%u calls sampled of %'u",
                                      self->plan->n_calls),
                            self->plan->n_calls, self->n_month_calls);
  else if (self->n_month_calls > 0)
    text = g_strdup_printf (ngettext ("%'u call this month, no plan yet", "%'u calls this month, no plan yet",
                                      self->n_month_calls),
                            self->n_month_calls);

  gtk_label_set_text (self->summary_label, text != NULL ? text : "");
}

static void
show_load_error (EmSamplingPage *self,
                 const GError   *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
load_month (EmSamplingPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  g_clear_pointer (&self->plan, em_sampling_plan_free);
  self->n_month_calls = 0;

  if (self->db != NULL && self->month != NULL)
    {
      self->n_month_calls = count_month_calls (self->db, self->month);
      self->plan = em_sampling_plan_load (self->db, self->month, &error);
      if (self->plan != NULL)
        calls = em_sampling_plan_list_calls (self->db, self->plan, NULL, &error);
    }

  fill_calls (self, calls);
  rebuild_inspector_filter (self);
  fill_progress (self);
  update_summary (self);

  if (error != NULL && !g_error_matches (error, EM_ERROR, EM_ERROR_NOT_FOUND))
    show_load_error (self, error);
  else if (self->plan != NULL)
    {
      fill_plan_rows (self);
      gtk_stack_set_visible_child_name (self->stack, "plan");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, self->n_month_calls > 0 ? "no-plan" : "no-calls");

  update_count (self);
  _em_sampling_page_update_actions (self);
}

/* Who draws: the inspector-name setting, else the account's name. */
char *
_em_sampling_page_dup_actor (EmSamplingPage *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "inspector-name");

  g_strstrip (name);
  if (*name != '\0')
    return g_steal_pointer (&name);
  return g_strdup (g_get_user_name ());
}

/* Public API */

EmSamplingPage *
em_sampling_page_new (void)
{
  return g_object_new (EM_TYPE_SAMPLING_PAGE, NULL);
}

EmDb *
em_sampling_page_get_db (EmSamplingPage *self)
{
  g_return_val_if_fail (EM_IS_SAMPLING_PAGE (self), NULL);
  return self->db;
}

void
em_sampling_page_set_db (EmSamplingPage *self,
                         EmDb           *db)
{
  g_return_if_fail (EM_IS_SAMPLING_PAGE (self));
  g_return_if_fail (db == NULL || EM_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  em_sampling_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

const char *
em_sampling_page_get_month (EmSamplingPage *self)
{
  g_return_val_if_fail (EM_IS_SAMPLING_PAGE (self), NULL);
  return self->month;
}

/**
 * em_sampling_page_set_month:
 * @month: YYYY-MM
 *
 * Shows the month's plan; the month joins the month list if it was not
 * in it.
 */
void
em_sampling_page_set_month (EmSamplingPage *self,
                            const char     *month)
{
  g_return_if_fail (EM_IS_SAMPLING_PAGE (self));
  g_return_if_fail (month_index_of (month) >= 0);

  if (g_strcmp0 (self->month, month) == 0)
    return;

  g_free (self->month);
  self->month = g_strdup (month);

  if (!strv_has (self->months, month))
    {
      if (self->db != NULL)
        rebuild_months (self);
    }
  else
    {
      for (guint i = 0; i < self->months->len; i++)
        if (g_str_equal (g_ptr_array_index (self->months, i), month))
          {
            self->rebuilding = TRUE;
            gtk_drop_down_set_selected (self->month_dropdown, i);
            self->rebuilding = FALSE;
          }
    }

  load_month (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTH]);
}

/* Returns: (nullable): the plan shown, %NULL when the month has none */
const EmSamplingPlan *
em_sampling_page_get_plan (EmSamplingPage *self)
{
  g_return_val_if_fail (EM_IS_SAMPLING_PAGE (self), NULL);
  return self->plan;
}

/* Reads the months and the shown month's plan again: after a draw, or
 * when evaluations elsewhere changed the progress.
 */
void
em_sampling_page_reload (EmSamplingPage *self)
{
  g_return_if_fail (EM_IS_SAMPLING_PAGE (self));

  if (self->db != NULL)
    rebuild_months (self);
  load_month (self);
}

/* GObject */

static void
em_sampling_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (em_sampling_page_parent_class)->map (widget);

  /* Evaluations made on other pages move the progress on. */
  if (EM_SAMPLING_PAGE (widget)->job == NULL)
    em_sampling_page_reload (EM_SAMPLING_PAGE (widget));
}

static void
em_sampling_page_dispose (GObject *object)
{
  EmSamplingPage *self = (EmSamplingPage *) object;

  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      self->dialog = NULL;
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_SAMPLING_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->calls);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);
  g_clear_pointer (&self->plan, em_sampling_plan_free);

  G_OBJECT_CLASS (em_sampling_page_parent_class)->dispose (object);
}

static void
em_sampling_page_finalize (GObject *object)
{
  EmSamplingPage *self = (EmSamplingPage *) object;

  g_free (self->month);
  g_free (self->filter_inspector);
  g_ptr_array_unref (self->months);
  g_ptr_array_unref (self->month_labels);
  g_ptr_array_unref (self->filter_values);
  g_ptr_array_unref (self->rule_rows);
  g_hash_table_unref (self->plan_months);

  G_OBJECT_CLASS (em_sampling_page_parent_class)->finalize (object);
}

static void
em_sampling_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EmSamplingPage *self = EM_SAMPLING_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_MONTH:
      g_value_set_string (value, self->month);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_sampling_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EmSamplingPage *self = EM_SAMPLING_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      em_sampling_page_set_db (self, g_value_get_object (value));
      break;

    case PROP_MONTH:
      em_sampling_page_set_month (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_sampling_page_class_init (EmSamplingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_sampling_page_dispose;
  object_class->finalize = em_sampling_page_finalize;
  object_class->get_property = em_sampling_page_get_property;
  object_class->set_property = em_sampling_page_set_property;
  widget_class->map = em_sampling_page_map;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MONTH] =
    g_param_spec_string ("month", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmSamplingPage::open-call:
   * @call_id: the calls.id of the call to open
   *
   * A sampled call was activated (a row, or sampling.open).
   */
  signals[OPEN_CALL] =
    g_signal_new ("open-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-sampling-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, busy_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, busy_label);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, progress_list);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, seed_label);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, inspectors_row);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, rules_group);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, inspector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, calls_stack);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_month_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_inspector_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  _em_sampling_page_class_init_actions (widget_class);
}

static void
em_sampling_page_init (EmSamplingPage *self)
{
  GtkSortListModel *sorted;

  self->months = g_ptr_array_new_with_free_func (g_free);
  self->month_labels = g_ptr_array_new_with_free_func (g_free);
  self->filter_values = g_ptr_array_new_with_free_func (g_free);
  self->rule_rows = g_ptr_array_new ();
  self->plan_months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->month = current_month ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::inspector-name",
                           G_CALLBACK (on_inspector_name_changed), self, G_CONNECT_SWAPPED);

  add_columns (self);

  self->calls = g_list_store_new (EM_TYPE_SAMPLED_CALL_ITEM);
  self->filter = gtk_custom_filter_new (filter_call, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->calls)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  rebuild_inspector_filter (self);
  load_month (self);
}
