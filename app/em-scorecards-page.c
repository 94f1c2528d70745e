/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-scorecard-describe.h"
#include "em-scorecard-store.h"
#include "em-scorecards-page-private.h"
#include "em-shipped-scorecards.h"

/* The sidebar lists one row per scorecard Id; the detail shows one
 * revision: its revisions list (one radio row each) and its structure,
 * rebuilt as widgets whenever another revision is chosen.  Scorecards are
 * small (tens of items), so this is immediate.
 */

G_DEFINE_FINAL_TYPE (EmScorecardsPage, em_scorecards_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_version (EmScorecardsPage *self,
                          gint64            version_id);

/* Widgets built from data */

static void
remove_all (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static GtkWidget *
tag_new (const char *text,
         const char *css_class)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "scorecard-tag");
  if (css_class != NULL)
    gtk_widget_add_css_class (tag, css_class);
  return tag;
}

/* Group titles and descriptions are markup in libadwaita; scorecard
 * texts are not.
 */
static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title_markup = g_markup_escape_text (title != NULL ? title : "", -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title_markup);
  if (description != NULL && *description != '\0')
    {
      g_autofree char *markup = g_markup_escape_text (description, -1);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), markup);
    }
  return group;
}

static GtkWidget *
guidance_row_new (const char *guidance)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (guidance);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* One item: what it is worth in words, its kind as a tag, and its
 * guidance (the seed's wording) a click away.
 */
static GtkWidget *
item_row_new (EmScorecard     *scorecard,
              EmScorecardItem *item)
{
  g_autofree char *rule = em_scorecard_describe_item (scorecard, item);
  const char *guidance = em_scorecard_item_get_guidance (item);
  EmItemKind kind = em_scorecard_item_get_kind (item);
  GtkWidget *tag = tag_new (em_item_kind_get_label (kind), em_item_kind_to_string (kind));
  GtkWidget *row;

  if (guidance != NULL && *guidance != '\0')
    {
      /* libadwaita 1.2's expander row reads its subtitle as markup
       * whatever use-markup says: give it markup, title and subtitle. */
      g_autofree char *title = g_markup_escape_text (em_scorecard_item_get_title (item), -1);
      g_autofree char *subtitle = g_markup_escape_text (rule, -1);

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), guidance_row_new (guidance));
    }
  else
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), em_scorecard_item_get_title (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rule);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }

  gtk_widget_set_tooltip_text (row, em_scorecard_item_get_id (item));
  return row;
}

static void
add_items (GtkWidget   *group,
           EmScorecard *scorecard,
           GListModel  *items)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EmScorecardItem) item = g_list_model_get_item (items, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), item_row_new (scorecard, item));
    }
}

static GtkWidget *
section_group_new (EmScorecard        *scorecard,
                   EmScorecardSection *section)
{
  GtkWidget *group = group_new (em_scorecard_section_get_title (section),
                                em_scorecard_section_get_guidance (section));
  g_autofree char *points = em_scorecard_describe_section (section);
  GtkWidget *suffix = gtk_label_new (points);

  gtk_widget_add_css_class (suffix, "heading");
  gtk_widget_add_css_class (suffix, "numeric");
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  add_items (group, scorecard, em_scorecard_section_get_items (section));
  return group;
}

static void
fill_structure (EmScorecardsPage *self)
{
  GListModel *sections = em_scorecard_get_sections (self->scorecard);
  GListModel *base_items = em_scorecard_get_base_items (self->scorecard);

  remove_all (GTK_WIDGET (self->structure_box));

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(EmScorecardSection) section = g_list_model_get_item (sections, i);

      gtk_box_append (self->structure_box, section_group_new (self->scorecard, section));
    }

  if (g_list_model_get_n_items (base_items) > 0)
    {
      GtkWidget *group = group_new (_("On the Whole Scorecard"),
                                    _("Red lines, bonuses and deductions from the base score."));

      add_items (group, self->scorecard, base_items);
      gtk_box_append (self->structure_box, group);
    }
}

/* Revisions */

static guint
usage_of (EmScorecardsPage *self,
          gint64            version_id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->usage, &version_id));
}

static void
on_revision_activated (EmScorecardsPage *self,
                       AdwActionRow     *row)
{
  gint64 *version_id = g_object_get_data (G_OBJECT (row), "version-id");

  if (*version_id != self->selected_version)
    show_version (self, *version_id);
}

static char *
describe_revision (const EmScorecardVersionInfo *info)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (info->created_at);
  g_autofree char *when = created != NULL ? g_date_time_format (created, "%Y-%m-%d %H:%M") : g_strdup ("");

  /* Translators: a revision's file Version= and when it was imported */
  return g_strdup_printf (_("File version %u · imported %s"), info->file_version, when);
}

/* A row per revision; the one shown carries a check mark, and a click
 * shows another.
 */
static GtkWidget *
revision_row_new (EmScorecardsPage             *self,
                  const EmScorecardVersionInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  guint used = usage_of (self, info->version_id);
  g_autofree char *title = g_strdup_printf (_("Revision %u"), info->revision);
  g_autofree char *subtitle = describe_revision (info);
  g_autofree char *uses = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_opacity (mark, info->version_id == self->selected_version ? 1.0 : 0.0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);

  if (used > 0)
    uses = g_strdup_printf (ngettext ("Used by %u evaluation", "Used by %u evaluations", used), used);
  else
    uses = g_strdup (_("Not used yet"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (uses, used > 0 ? "used" : NULL));
  if (info->frozen)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (_("Frozen"), "frozen"));

  g_object_set_data_full (G_OBJECT (row), "version-id",
                          g_memdup2 (&info->version_id, sizeof info->version_id), g_free);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_revision_activated), self, G_CONNECT_SWAPPED);
  return row;
}

static void
fill_revisions (EmScorecardsPage *self)
{
  remove_all (GTK_WIDGET (self->revision_list));

  /* Newest first: the one evaluations get from now on. */
  for (guint i = self->versions->len; i > 0; i--)
    {
      EmScorecardVersionInfo *info = g_ptr_array_index (self->versions, i - 1);

      if (g_strcmp0 (info->key, self->selected_key) == 0)
        gtk_list_box_append (self->revision_list, revision_row_new (self, info));
    }
}

static const EmScorecardVersionInfo *
find_version (EmScorecardsPage *self,
              gint64            version_id)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      EmScorecardVersionInfo *info = g_ptr_array_index (self->versions, i);

      if (info->version_id == version_id)
        return info;
    }
  return NULL;
}

static gint64
newest_version (EmScorecardsPage *self,
                const char       *key)
{
  gint64 newest = 0;

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      EmScorecardVersionInfo *info = g_ptr_array_index (self->versions, i);

      if (g_strcmp0 (info->key, key) == 0)
        newest = info->version_id;   /* the list is by revision */
    }
  return newest;
}

static void
show_error_page (EmScorecardsPage *self,
                 const GError     *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, markup);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_version (EmScorecardsPage *self,
              gint64            version_id)
{
  const EmScorecardVersionInfo *info = find_version (self, version_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autofree char *id = NULL;
  g_autofree char *totals = NULL;

  if (info == NULL)
    return;
  if (!(scorecard = em_scorecard_store_load_version (self->db, version_id, &error)))
    {
      show_error_page (self, error);
      return;
    }

  g_set_object (&self->scorecard, scorecard);
  g_free (self->selected_key);
  self->selected_key = g_strdup (info->key);
  self->selected_version = version_id;

  totals = em_scorecard_describe_totals (scorecard);
  /* Translators: a scorecard's Id=, Version=, then "Base 100 · Maximum 100" */
  id = g_strdup_printf (_("%s · version %u · %s"), em_scorecard_get_id (scorecard),
                        em_scorecard_get_version (scorecard), totals);
  gtk_label_set_text (self->title_label, em_scorecard_get_title (scorecard));
  gtk_label_set_text (self->id_label, id);
  gtk_label_set_text (self->description_label, em_scorecard_get_description (scorecard));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          em_scorecard_get_description (scorecard) != NULL &&
                          *em_scorecard_get_description (scorecard) != '\0');

  fill_revisions (self);
  fill_structure (self);
  _em_scorecards_page_update_actions (self);
}

/* The sidebar */

static GtkWidget *
scorecard_row_new (EmScorecardsPage             *self,
                   const EmScorecardVersionInfo *newest,
                   guint                         n_revisions)
{
  g_autoptr(EmScorecard) scorecard = em_scorecard_store_load_version (self->db, newest->version_id, NULL);
  const char *title = scorecard != NULL ? em_scorecard_get_title (scorecard) : newest->title;
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%s · %u revision", "%s · %u revisions", n_revisions),
                                               newest->key, n_revisions);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), subtitle_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (newest->key), g_free);
  return row;
}

static void
fill_scorecard_list (EmScorecardsPage *self)
{
  guint first = 0;

  self->filling = TRUE;
  remove_all (GTK_WIDGET (self->scorecard_list));

  /* The versions come by key, then revision: one row per run of a key. */
  for (guint i = 0; i < self->versions->len; i++)
    {
      EmScorecardVersionInfo *info = g_ptr_array_index (self->versions, i);
      EmScorecardVersionInfo *next = i + 1 < self->versions->len ? g_ptr_array_index (self->versions, i + 1) : NULL;

      if (next != NULL && g_str_equal (next->key, info->key))
        continue;

      gtk_list_box_append (self->scorecard_list, scorecard_row_new (self, info, i + 1 - first));
      first = i + 1;
    }

  self->filling = FALSE;
}

static GtkListBoxRow *
find_scorecard_row (EmScorecardsPage *self,
                    const char       *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->scorecard_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (g_object_get_data (G_OBJECT (child), "key"), key) == 0)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static void
on_scorecard_list_row_selected (EmScorecardsPage *self,
                                GtkListBoxRow    *row,
                                GtkListBox       *list)
{
  const char *key = row != NULL ? g_object_get_data (G_OBJECT (row), "key") : NULL;

  if (self->filling || key == NULL || g_strcmp0 (key, self->selected_key) == 0)
    return;

  show_version (self, newest_version (self, key));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
}

/* Loading */

static GHashTable *
count_usage (EmDb    *db,
             GError **error)
{
  g_autoptr(GHashTable) usage = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = em_db_prepare (db, "SELECT scorecard_version_id, count(*) FROM evaluations GROUP BY 1", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 version_id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (usage, g_memdup2 (&version_id, sizeof version_id),
                           GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "counting the evaluations of each scorecard");
      return NULL;
    }

  return g_steal_pointer (&usage);
}

static void
update_count (EmScorecardsPage *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->scorecard_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;

  text = g_strdup_printf (ngettext ("%u scorecard", "%u scorecards", n), n);
  gtk_label_set_text (self->count_label, self->db != NULL ? text : "");
}

/* The first time a database without scorecards is shown, it gets the
 * shipped ones: there is always something to evaluate with.
 */
static gboolean
ensure_shipped (EmScorecardsPage  *self,
                GError           **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *actor = NULL;

  if (self->shipped_checked)
    return TRUE;

  if (!(versions = em_scorecard_store_list_versions (self->db, NULL, error)))
    return FALSE;

  actor = _em_scorecards_page_dup_actor (self);
  if (versions->len == 0 && !em_shipped_scorecards_import (self->db, actor, error))
    return FALSE;

  self->shipped_checked = TRUE;
  return TRUE;
}

static gboolean
load (EmScorecardsPage  *self,
      GError           **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GHashTable) usage = NULL;

  if (!(versions = em_scorecard_store_list_versions (self->db, NULL, error)) ||
      !(usage = count_usage (self->db, error)))
    return FALSE;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  self->versions = g_steal_pointer (&versions);
  self->usage = g_steal_pointer (&usage);
  return TRUE;
}

/**
 * em_scorecards_page_reload:
 *
 * Reads the scorecards again (after an import, or when evaluations
 * changed how many use each revision), keeping the selection.
 */
void
em_scorecards_page_reload (EmScorecardsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  gint64 version_id;

  g_return_if_fail (EM_IS_SCORECARDS_PAGE (self));

  if (self->db == NULL)
    {
      remove_all (GTK_WIDGET (self->scorecard_list));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_count (self);
      return;
    }

  if (!load (self, &error))
    {
      show_error_page (self, error);
      return;
    }

  key = g_strdup (self->selected_key);
  version_id = self->selected_version;
  g_clear_pointer (&self->selected_key, g_free);
  self->selected_version = 0;

  fill_scorecard_list (self);
  update_count (self);
  gtk_stack_set_visible_child_name (self->stack, self->versions->len > 0 ? "scorecards" : "empty");

  if (key == NULL || !em_scorecards_page_select (self, key, find_version (self, version_id) ? version_id : 0))
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->scorecard_list, 0);

      if (first != NULL)
        em_scorecards_page_select (self, g_object_get_data (G_OBJECT (first), "key"), 0);
    }
  _em_scorecards_page_update_actions (self);
}

/**
 * em_scorecards_page_select:
 * @key: a scorecard Id
 * @version_id: one of its revisions, or 0 for the newest
 *
 * Returns: whether the scorecard (and revision) exist and are shown
 */
gboolean
em_scorecards_page_select (EmScorecardsPage *self,
                           const char       *key,
                           gint64            version_id)
{
  GtkListBoxRow *row;
  const EmScorecardVersionInfo *info;

  g_return_val_if_fail (EM_IS_SCORECARDS_PAGE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (version_id == 0)
    version_id = newest_version (self, key);
  info = find_version (self, version_id);
  if (info == NULL || !g_str_equal (info->key, key) || !(row = find_scorecard_row (self, key)))
    return FALSE;

  self->filling = TRUE;
  gtk_list_box_select_row (self->scorecard_list, row);
  self->filling = FALSE;
  show_version (self, version_id);
  return self->selected_version == version_id;
}

const char *
em_scorecards_page_get_selected_key (EmScorecardsPage *self)
{
  g_return_val_if_fail (EM_IS_SCORECARDS_PAGE (self), NULL);
  return self->selected_key;
}

/* Returns: the scorecard_versions.id shown, 0 when none */
gint64
em_scorecards_page_get_selected_version (EmScorecardsPage *self)
{
  g_return_val_if_fail (EM_IS_SCORECARDS_PAGE (self), 0);
  return self->selected_version;
}

/* Who imports: the inspector-name setting, else the account's name. */
char *
_em_scorecards_page_dup_actor (EmScorecardsPage *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "inspector-name");

  g_strstrip (name);
  if (*name != '\0')
    return g_steal_pointer (&name);
  return g_strdup (g_get_user_name ());
}

EmScorecardsPage *
em_scorecards_page_new (void)
{
  return g_object_new (EM_TYPE_SCORECARDS_PAGE, NULL);
}

EmDb *
em_scorecards_page_get_db (EmScorecardsPage *self)
{
  g_return_val_if_fail (EM_IS_SCORECARDS_PAGE (self), NULL);
  return self->db;
}

void
em_scorecards_page_set_db (EmScorecardsPage *self,
                           EmDb             *db)
{
  g_return_if_fail (EM_IS_SCORECARDS_PAGE (self));
  g_return_if_fail (db == NULL || EM_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  self->shipped_checked = FALSE;
  g_clear_pointer (&self->selected_key, g_free);
  self->selected_version = 0;
  g_clear_object (&self->scorecard);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_autoptr(GError) error = NULL;

      if (db != NULL && !ensure_shipped (self, &error))
        show_error_page (self, error);
      else
        em_scorecards_page_reload (self);
    }
  _em_scorecards_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/* GObject */

static void
em_scorecards_page_map (GtkWidget *widget)
{
  EmScorecardsPage *self = EM_SCORECARDS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  GTK_WIDGET_CLASS (em_scorecards_page_parent_class)->map (widget);

  if (self->db != NULL && !ensure_shipped (self, &error))
    show_error_page (self, error);
  else
    em_scorecards_page_reload (self);
}

static void
em_scorecards_page_dispose (GObject *object)
{
  EmScorecardsPage *self = (EmScorecardsPage *) object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_SCORECARDS_PAGE);
  g_clear_object (&self->scorecard);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_scorecards_page_parent_class)->dispose (object);
}

static void
em_scorecards_page_finalize (GObject *object)
{
  EmScorecardsPage *self = (EmScorecardsPage *) object;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->usage, g_hash_table_unref);
  g_free (self->selected_key);

  G_OBJECT_CLASS (em_scorecards_page_parent_class)->finalize (object);
}

static void
em_scorecards_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EmScorecardsPage *self = EM_SCORECARDS_PAGE (object);

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
em_scorecards_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EmScorecardsPage *self = EM_SCORECARDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      em_scorecards_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_scorecards_page_class_init (EmScorecardsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_scorecards_page_dispose;
  object_class->finalize = em_scorecards_page_finalize;
  object_class->get_property = em_scorecards_page_get_property;
  object_class->set_property = em_scorecards_page_set_property;
  widget_class->map = em_scorecards_page_map;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-scorecards-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, scorecard_list);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, id_label);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, revision_list);
  gtk_widget_class_bind_template_child (widget_class, EmScorecardsPage, structure_box);
  gtk_widget_class_bind_template_callback (widget_class, on_scorecard_list_row_selected);

  _em_scorecards_page_class_init_actions (widget_class);
}

static void
em_scorecards_page_init (EmScorecardsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  _em_scorecards_page_update_actions (self);
}
