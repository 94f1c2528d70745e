/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-score-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "em-points.h"
#include "em-score-row.h"

/* The template holds the controls of every kind, hidden; the item's kind
 * shows the ones it needs.  Controls write to the EmItemAnswer at once,
 * and the row follows the answer's notifications, so an answer changed
 * elsewhere (loaded, waived by an appeal) shows here too.  `syncing`
 * keeps the controls' own signals quiet while the row copies the answer
 * into them.
 */

struct _EmScoreRow
{
  GtkListBoxRow    parent_instance;

  EmScorecardItem *item;
  EmItemAnswer    *answer;
  gboolean         editable;
  gboolean         missing;
  guint            syncing;
  EmItemResult     result_before_na;

  GtkLabel        *title_label;
  GtkLabel        *rule_label;
  GtkLabel        *guidance_label;
  GtkBox          *controls_box;
  GtkLabel        *pass_label;
  GtkSwitch       *pass_switch;
  GtkSpinButton   *occurrences_spin;
  GtkBox          *complaint_box;
  GtkLabel        *complaint_label;
  GtkSpinButton   *complaint_spin;
  GtkDropDown     *option_dropdown;
  GtkSpinButton   *score_spin;
  GtkLabel        *score_max_label;
  GtkSwitch       *fatal_switch;
  GtkLabel        *cost_label;
  GtkToggleButton *na_button;
  GtkButton       *mark_button;
  GtkButton       *note_button;
  GtkFlowBox      *moments_box;
  GtkEntry        *note_entry;
  GtkEventController *note_focus;
};

G_DEFINE_FINAL_TYPE (EmScoreRow, em_score_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_ANSWER,
  PROP_EDITABLE,
  PROP_MISSING,
  N_PROPS
};

enum {
  MARK_MOMENT,
  SEEK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* "1:23", "1:02:03": whole seconds, as the player shows its position. */
char *
em_score_row_format_moment (gint64 msec)
{
  gint64 seconds = MAX (msec, 0) / 1000;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static EmItemKind
row_kind (EmScoreRow *self)
{
  return em_scorecard_item_get_kind (self->item);
}

static gboolean
counts_complaints (EmScorecardItem *item)
{
  EmItemKind kind = em_scorecard_item_get_kind (item);

  return (kind == EM_ITEM_KIND_DEDUCT || kind == EM_ITEM_KIND_PENALTY) &&
         em_scorecard_item_get_complaint_multiplier (item) > 1;
}

/* The rule in a few words, under the title: what the item costs. */
static char *
describe_rule (EmScorecardItem *item)
{
  g_autofree char *points = em_points_format (em_scorecard_item_get_points (item));
  g_autofree char *each = em_points_format (em_scorecard_item_get_per_occurrence (item));
  g_autofree char *rule = NULL;

  switch (em_scorecard_item_get_kind (item))
    {
    case EM_ITEM_KIND_CHECK:
      rule = g_strdup_printf (_("Not met: −%s"), points);
      break;
    case EM_ITEM_KIND_DEDUCT:
      /* Translators: 扣完为止, e.g. "−4 each, up to 8" */
      rule = g_strdup_printf (_("−%s each, up to %s"), each, points);
      break;
    case EM_ITEM_KIND_PENALTY:
      rule = g_strdup_printf (_("−%s each"), each);
      break;
    case EM_ITEM_KIND_CHOICE:
      rule = g_strdup_printf (_("One of the options, worth up to %s"), points);
      break;
    case EM_ITEM_KIND_SCORE:
      rule = g_strdup_printf (_("Score from 0 to %s"), points);
      break;
    case EM_ITEM_KIND_FATAL:
      rule = g_strdup (em_scorecard_item_get_scope (item) == EM_FATAL_SCOPE_SECTION
                       ? _("Red line: the section scores 0")
                       : _("Red line: the whole call scores 0"));
      break;
    case EM_ITEM_KIND_BONUS:
    default:
      if (em_scorecard_item_get_per_occurrence (item) > 0)
        rule = g_strdup_printf (_("+%s each, up to %s"), each, points);
      else
        rule = g_strdup_printf (_("Adds %s"), points);
      break;
    }

  if (counts_complaints (item))
    {
      /* Translators: 造成客户投诉加倍扣罚, e.g. "×2 when it caused a complaint" */
      g_autofree char *complaint = g_strdup_printf (_("×%u when it caused a complaint"),
                                                    em_scorecard_item_get_complaint_multiplier (item));
      char *both = g_strdup_printf ("%s; %s", rule, complaint);

      g_free (rule);
      rule = both;
    }

  return g_steal_pointer (&rule);
}

static GListModel *
make_option_labels (EmScorecardItem *item)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Not answered"));
  for (guint i = 1; i <= em_scorecard_item_get_n_options (item); i++)
    {
      g_autofree char *points = em_points_format (em_scorecard_item_get_option_points (item, i));
      /* Translators: a choice item's option and what it earns, e.g. "一般 (18.75)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"),
                                                em_scorecard_item_get_option_label (item, i, NULL),
                                                points);

      gtk_string_list_append (labels, label);
    }

  return G_LIST_MODEL (labels);
}

/* Copying the answer into the controls ------------------------------- */

static void
set_spin_value (GtkSpinButton *spin,
                double         value)
{
  if (gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

static void
sync_score_text (EmScoreRow *self)
{
  g_autofree char *text = NULL;

  if (em_item_answer_has_score (self->answer))
    text = em_points_format (em_item_answer_get_score (self->answer));

  gtk_editable_set_text (GTK_EDITABLE (self->score_spin), text != NULL ? text : "");
}

static void
sync_kind_control (EmScoreRow *self)
{
  EmItemAnswer *answer = self->answer;
  guint occurrences = em_item_answer_get_occurrences (answer);
  gboolean met;

  switch (row_kind (self))
    {
    case EM_ITEM_KIND_CHECK:
      met = em_item_answer_get_result (answer) != EM_ITEM_RESULT_FAIL;
      if (em_item_answer_get_result (answer) == EM_ITEM_RESULT_NA)
        met = self->result_before_na != EM_ITEM_RESULT_FAIL;
      gtk_switch_set_active (self->pass_switch, met);
      gtk_label_set_label (self->pass_label, met ? _("Met") : _("Not met"));
      break;
    case EM_ITEM_KIND_DEDUCT:
    case EM_ITEM_KIND_PENALTY:
    case EM_ITEM_KIND_BONUS:
      set_spin_value (self->occurrences_spin, occurrences);
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->complaint_spin), occurrences);
      set_spin_value (self->complaint_spin, MIN (em_item_answer_get_complaint_occurrences (answer), occurrences));
      break;
    case EM_ITEM_KIND_CHOICE:
      gtk_drop_down_set_selected (self->option_dropdown, em_item_answer_get_option (answer));
      break;
    case EM_ITEM_KIND_SCORE:
      if (em_item_answer_has_score (answer))
        set_spin_value (self->score_spin, em_points_to_double (em_item_answer_get_score (answer)));
      sync_score_text (self);
      break;
    case EM_ITEM_KIND_FATAL:
    default:
      gtk_switch_set_active (self->fatal_switch, em_item_answer_get_triggered (answer));
      break;
    }
}

static void
sync_note (EmScoreRow *self)
{
  const char *note = em_item_answer_get_note (self->answer);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  gboolean has_note = note != NULL && *note != '\0';

  if (g_strcmp0 (note != NULL ? note : "", text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");

  if (has_note)
    gtk_widget_set_visible (GTK_WIDGET (self->note_entry), TRUE);
  else if (!gtk_event_controller_focus_contains_focus (GTK_EVENT_CONTROLLER_FOCUS (self->note_focus)))
    gtk_widget_set_visible (GTK_WIDGET (self->note_entry), FALSE);
}

static void
sync_sensitivity (EmScoreRow *self)
{
  gboolean na = em_item_answer_get_na (self->answer);

  gtk_widget_set_sensitive (GTK_WIDGET (self->controls_box), self->editable && !na);
  gtk_widget_set_sensitive (GTK_WIDGET (self->na_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->mark_button), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->note_button), self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->note_entry), self->editable);
  gtk_widget_set_can_focus (GTK_WIDGET (self->note_entry), self->editable);
}

static void
sync_controls (EmScoreRow *self)
{
  self->syncing++;

  gtk_toggle_button_set_active (self->na_button, em_item_answer_get_na (self->answer));
  sync_kind_control (self);
  sync_note (self);
  sync_sensitivity (self);

  self->syncing--;
}

/* Moments --------------------------------------------------------------- */

static void
on_moment_clicked (GtkButton  *button,
                   EmScoreRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  guint n_moments = 0;
  const gint64 *moments = em_item_answer_get_moments (self->answer, &n_moments);

  if (index < n_moments)
    g_signal_emit (self, signals[SEEK], 0, moments[index]);
}

static void
on_moment_remove_clicked (GtkButton  *button,
                          EmScoreRow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  guint n_moments = 0;

  em_item_answer_get_moments (self->answer, &n_moments);
  if (self->editable && index < n_moments)
    em_item_answer_remove_moment (self->answer, index);
}

static GtkWidget *
make_moment_chip (EmScoreRow *self,
                  guint       index,
                  gint64      msec)
{
  g_autofree char *label = em_score_row_format_moment (msec);
  g_autofree char *tooltip = g_strdup_printf (_("Play from %s"), label);
  g_autofree char *remove_label = g_strdup_printf (_("Remove the moment %s"), label);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *seek = gtk_button_new_with_label (label);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "linked");
  gtk_widget_add_css_class (chip, "moment");
  gtk_widget_add_css_class (seek, "numeric");
  gtk_widget_set_tooltip_text (seek, tooltip);
  g_object_set_data (G_OBJECT (seek), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (seek, "clicked", G_CALLBACK (on_moment_clicked), self, 0);

  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_visible (remove, self->editable);
  g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_moment_remove_clicked), self, 0);

  gtk_box_append (GTK_BOX (chip), seek);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
rebuild_moments (EmScoreRow *self)
{
  GtkWidget *child;
  const gint64 *moments;
  guint n_moments = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moments_box))))
    gtk_flow_box_remove (self->moments_box, child);

  moments = em_item_answer_get_moments (self->answer, &n_moments);
  for (guint i = 0; i < n_moments; i++)
    gtk_flow_box_append (self->moments_box, make_moment_chip (self, i, moments[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->moments_box), n_moments > 0);
}

static void
on_answer_notify (EmScoreRow   *self,
                  GParamSpec   *pspec,
                  EmItemAnswer *answer)
{
  if (g_str_equal (pspec->name, "moments"))
    {
      rebuild_moments (self);
      return;
    }

  sync_controls (self);

  if (self->missing && (em_item_answer_get_na (answer) || em_item_answer_get_option (answer) > 0 ||
                        em_item_answer_has_score (answer)))
    em_score_row_set_missing (self, FALSE);
}

/* Controls writing to the answer ----------------------------------- */

static void
on_pass_switch_notify_active (EmScoreRow *self)
{
  gboolean met = gtk_switch_get_active (self->pass_switch);

  if (self->syncing)
    return;

  gtk_label_set_label (self->pass_label, met ? _("Met") : _("Not met"));
  em_item_answer_set_result (self->answer, met ? EM_ITEM_RESULT_PASS : EM_ITEM_RESULT_FAIL);
}

static void
on_occurrences_spin_value_changed (EmScoreRow *self)
{
  guint occurrences = (guint) gtk_spin_button_get_value_as_int (self->occurrences_spin);

  if (self->syncing)
    return;

  /* Of the occurrences, at most all caused a complaint. */
  if (em_item_answer_get_complaint_occurrences (self->answer) > occurrences)
    em_item_answer_set_complaint_occurrences (self->answer, occurrences);
  em_item_answer_set_occurrences (self->answer, occurrences);
}

static void
on_complaint_spin_value_changed (EmScoreRow *self)
{
  guint complaints = (guint) gtk_spin_button_get_value_as_int (self->complaint_spin);

  if (self->syncing)
    return;

  em_item_answer_set_complaint_occurrences (self->answer,
                                            MIN (complaints, em_item_answer_get_occurrences (self->answer)));
}

static void
on_option_dropdown_notify_selected (EmScoreRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->option_dropdown);

  if (self->syncing)
    return;

  em_item_answer_set_option (self->answer, selected == GTK_INVALID_LIST_POSITION ? 0 : selected);
}

static EmPoints
clamp_score (EmScoreRow *self,
             EmPoints    score)
{
  return CLAMP (score, 0, em_scorecard_item_get_points (self->item));
}

static void
on_score_spin_value_changed (EmScoreRow *self)
{
  double value = gtk_spin_button_get_value (self->score_spin);

  if (self->syncing)
    return;

  em_item_answer_set_score (self->answer, clamp_score (self, (EmPoints) llround (value * 100)));
}

/* The typed text is the score: empty clears it ("not scored yet"), which a
 * spin button's number alone cannot say; "0" typed into an empty field is
 * a score even though the spin button's value does not change.
 */
static int
on_score_spin_input (GtkSpinButton *spin,
                     double        *new_value,
                     EmScoreRow    *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  gboolean writable = self->editable && !self->syncing;
  double current = gtk_spin_button_get_value (spin);
  EmPoints score;

  if (*text == '\0')
    {
      *new_value = current;
      if (writable)
        em_item_answer_unset_score (self->answer);
      return TRUE;
    }

  g_strdelimit (text, ",", '.');
  if (!em_points_parse (text, &score))
    return GTK_INPUT_ERROR;

  score = clamp_score (self, score);
  *new_value = em_points_to_double (score);

  /* The value does not change, so ::value-changed will not say it. */
  if (writable && *new_value == current && !em_item_answer_has_score (self->answer))
    em_item_answer_set_score (self->answer, score);

  return TRUE;
}

static gboolean
on_score_spin_output (GtkSpinButton *spin,
                      EmScoreRow    *self)
{
  g_autofree char *text = NULL;

  if (em_item_answer_has_score (self->answer))
    text = em_points_format ((EmPoints) llround (gtk_spin_button_get_value (spin) * 100));

  gtk_editable_set_text (GTK_EDITABLE (spin), text != NULL ? text : "");
  return TRUE;
}

static void
on_fatal_switch_notify_active (EmScoreRow *self)
{
  if (self->syncing)
    return;

  em_item_answer_set_triggered (self->answer, gtk_switch_get_active (self->fatal_switch));
}

static void
on_na_button_toggled (EmScoreRow *self)
{
  gboolean na = gtk_toggle_button_get_active (self->na_button);
  EmItemResult result = em_item_answer_get_result (self->answer);

  if (self->syncing || na == em_item_answer_get_na (self->answer))
    return;

  /* N/A replaces pass/fail in the answer: keep it to restore. */
  if (na)
    {
      self->result_before_na = result;
      em_item_answer_set_result (self->answer, EM_ITEM_RESULT_NA);
    }
  else
    {
      em_item_answer_set_result (self->answer, self->result_before_na);
      self->result_before_na = EM_ITEM_RESULT_UNSET;
    }
}

static void
on_note_entry_changed (EmScoreRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (self->syncing || !self->editable)
    return;

  em_item_answer_set_note (self->answer, *text != '\0' ? text : NULL);
}

static void
on_note_focus_leave (EmScoreRow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->note_entry)) == '\0')
    gtk_widget_set_visible (GTK_WIDGET (self->note_entry), FALSE);
}

static void
on_note_button_clicked (EmScoreRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->note_entry), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

static void
on_mark_button_clicked (EmScoreRow *self)
{
  g_signal_emit (self, signals[MARK_MOMENT], 0);
}

/* Setting up for the item's kind ------------------------------------ */

static void
label_control (GtkWidget  *control,
               const char *title)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
setup_kind (EmScoreRow *self)
{
  const char *title = em_scorecard_item_get_title (self->item);
  g_autoptr(GListModel) options = NULL;
  g_autofree char *max = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *complaint = NULL;

  switch (row_kind (self))
    {
    case EM_ITEM_KIND_CHECK:
      gtk_widget_set_visible (GTK_WIDGET (self->pass_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->pass_switch), TRUE);
      label_control (GTK_WIDGET (self->pass_switch), title);
      break;
    case EM_ITEM_KIND_DEDUCT:
    case EM_ITEM_KIND_PENALTY:
    case EM_ITEM_KIND_BONUS:
      gtk_widget_set_visible (GTK_WIDGET (self->occurrences_spin), TRUE);
      label_control (GTK_WIDGET (self->occurrences_spin), title);
      if (counts_complaints (self->item))
        {
          complaint = g_strdup_printf (_("of which complaints (×%u)"),
                                       em_scorecard_item_get_complaint_multiplier (self->item));
          gtk_label_set_label (self->complaint_label, complaint);
          gtk_widget_set_visible (GTK_WIDGET (self->complaint_box), TRUE);
          label_control (GTK_WIDGET (self->complaint_spin), complaint);
        }
      break;
    case EM_ITEM_KIND_CHOICE:
      options = make_option_labels (self->item);
      gtk_drop_down_set_model (self->option_dropdown, options);
      gtk_widget_set_visible (GTK_WIDGET (self->option_dropdown), TRUE);
      label_control (GTK_WIDGET (self->option_dropdown), title);
      break;
    case EM_ITEM_KIND_SCORE:
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->score_spin),
                                em_points_to_double (em_scorecard_item_get_points (self->item)));
      max = em_points_format (em_scorecard_item_get_points (self->item));
      max_text = g_strconcat ("/ ", max, NULL);
      gtk_label_set_label (self->score_max_label, max_text);
      gtk_widget_set_visible (GTK_WIDGET (self->score_spin), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->score_max_label), TRUE);
      label_control (GTK_WIDGET (self->score_spin), title);
      break;
    case EM_ITEM_KIND_FATAL:
    default:
      gtk_widget_set_visible (GTK_WIDGET (self->fatal_switch), TRUE);
      label_control (GTK_WIDGET (self->fatal_switch), title);
      break;
    }
}

static void
setup_texts (EmScoreRow *self)
{
  const char *guidance = em_scorecard_item_get_guidance (self->item);
  g_autofree char *rule = describe_rule (self->item);

  gtk_label_set_label (self->title_label, em_scorecard_item_get_title (self->item));
  gtk_label_set_label (self->rule_label, rule);

  /* A score needs its bands in view; other items keep theirs a hover away. */
  if (guidance != NULL && row_kind (self) == EM_ITEM_KIND_SCORE)
    {
      gtk_label_set_label (self->guidance_label, guidance);
      gtk_widget_set_visible (GTK_WIDGET (self->guidance_label), TRUE);
    }
  else if (guidance != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), guidance);
}

/* GObject ---------------------------------------------------------------- */

static void
em_score_row_constructed (GObject *object)
{
  EmScoreRow *self = EM_SCORE_ROW (object);

  G_OBJECT_CLASS (em_score_row_parent_class)->constructed (object);

  g_return_if_fail (EM_IS_SCORECARD_ITEM (self->item));
  g_return_if_fail (EM_IS_ITEM_ANSWER (self->answer));

  if (em_item_answer_get_na (self->answer) && row_kind (self) == EM_ITEM_KIND_CHECK)
    self->result_before_na = EM_ITEM_RESULT_UNSET;

  setup_texts (self);
  setup_kind (self);
  sync_controls (self);
  rebuild_moments (self);

  g_signal_connect_object (self->answer, "notify", G_CALLBACK (on_answer_notify), self,
                           G_CONNECT_SWAPPED);
}

static void
em_score_row_dispose (GObject *object)
{
  EmScoreRow *self = EM_SCORE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_SCORE_ROW);
  if (self->answer != NULL)
    g_signal_handlers_disconnect_by_data (self->answer, self);
  g_clear_object (&self->answer);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (em_score_row_parent_class)->dispose (object);
}

static void
em_score_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EmScoreRow *self = EM_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_ANSWER:
      g_value_set_object (value, self->answer);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_score_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  EmScoreRow *self = EM_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_ANSWER:
      self->answer = g_value_dup_object (value);
      break;
    case PROP_EDITABLE:
      em_score_row_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_MISSING:
      em_score_row_set_missing (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_score_row_class_init (EmScoreRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = em_score_row_constructed;
  object_class->dispose = em_score_row_dispose;
  object_class->get_property = em_score_row_get_property;
  object_class->set_property = em_score_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, EM_TYPE_SCORECARD_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWER] =
    g_param_spec_object ("answer", NULL, NULL, EM_TYPE_ITEM_ANSWER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Highlighted as an answer that submitting needs. */
  properties[PROP_MISSING] =
    g_param_spec_boolean ("missing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MARK_MOMENT] = g_signal_new ("mark-moment", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SEEK] = g_signal_new ("seek", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-score-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, rule_label);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, controls_box);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, pass_label);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, pass_switch);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, occurrences_spin);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, complaint_box);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, complaint_label);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, complaint_spin);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, option_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, score_spin);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, score_max_label);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, fatal_switch);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, cost_label);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, na_button);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, mark_button);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, note_button);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, moments_box);
  gtk_widget_class_bind_template_child (widget_class, EmScoreRow, note_entry);
}

/* Connected here rather than in the template, which then validates with
 * gtk4-builder-tool on its own.
 */
static void
connect_controls (EmScoreRow *self)
{
  g_signal_connect_swapped (self->pass_switch, "notify::active", G_CALLBACK (on_pass_switch_notify_active), self);
  g_signal_connect_swapped (self->occurrences_spin, "value-changed",
                            G_CALLBACK (on_occurrences_spin_value_changed), self);
  g_signal_connect_swapped (self->complaint_spin, "value-changed",
                            G_CALLBACK (on_complaint_spin_value_changed), self);
  g_signal_connect_swapped (self->option_dropdown, "notify::selected",
                            G_CALLBACK (on_option_dropdown_notify_selected), self);
  g_signal_connect_swapped (self->score_spin, "value-changed", G_CALLBACK (on_score_spin_value_changed), self);
  g_signal_connect (self->score_spin, "input", G_CALLBACK (on_score_spin_input), self);
  g_signal_connect (self->score_spin, "output", G_CALLBACK (on_score_spin_output), self);
  g_signal_connect_swapped (self->fatal_switch, "notify::active", G_CALLBACK (on_fatal_switch_notify_active), self);
  g_signal_connect_swapped (self->na_button, "toggled", G_CALLBACK (on_na_button_toggled), self);
  g_signal_connect_swapped (self->note_entry, "changed", G_CALLBACK (on_note_entry_changed), self);
  g_signal_connect_swapped (self->note_button, "clicked", G_CALLBACK (on_note_button_clicked), self);
  g_signal_connect_swapped (self->mark_button, "clicked", G_CALLBACK (on_mark_button_clicked), self);

  self->note_focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (self->note_focus, "leave", G_CALLBACK (on_note_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), self->note_focus);
}

static void
em_score_row_init (EmScoreRow *self)
{
  self->editable = TRUE;
  self->result_before_na = EM_ITEM_RESULT_UNSET;

  gtk_widget_init_template (GTK_WIDGET (self));
  connect_controls (self);
}

/* Public API ----------------------------------------------------------- */

/**
 * em_score_row_new:
 * @item: the scorecard item
 * @answer: its answer, which the row edits
 */
GtkWidget *
em_score_row_new (EmScorecardItem *item,
                  EmItemAnswer    *answer)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (item), NULL);
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (answer), NULL);

  return g_object_new (EM_TYPE_SCORE_ROW, "item", item, "answer", answer, NULL);
}

EmScorecardItem *
em_score_row_get_item (EmScoreRow *self)
{
  g_return_val_if_fail (EM_IS_SCORE_ROW (self), NULL);

  return self->item;
}

EmItemAnswer *
em_score_row_get_answer (EmScoreRow *self)
{
  g_return_val_if_fail (EM_IS_SCORE_ROW (self), NULL);

  return self->answer;
}

gboolean
em_score_row_get_editable (EmScoreRow *self)
{
  g_return_val_if_fail (EM_IS_SCORE_ROW (self), FALSE);

  return self->editable;
}

/* A read-only row still plays its moments; nothing else reacts. */
void
em_score_row_set_editable (EmScoreRow *self,
                           gboolean    editable)
{
  g_return_if_fail (EM_IS_SCORE_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  if (self->answer != NULL)
    {
      sync_sensitivity (self);
      rebuild_moments (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
em_score_row_get_missing (EmScoreRow *self)
{
  g_return_val_if_fail (EM_IS_SCORE_ROW (self), FALSE);

  return self->missing;
}

void
em_score_row_set_missing (EmScoreRow *self,
                          gboolean    missing)
{
  g_return_if_fail (EM_IS_SCORE_ROW (self));

  missing = !!missing;
  if (self->missing == missing)
    return;

  self->missing = missing;
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (self), "missing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "missing");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING]);
}

/**
 * em_score_row_set_item_score:
 * @score: (nullable): what the item costs or adds in the current answers
 *
 * Shows the item's effect at the end of the row: "−4", "+5", "Fatal".
 */
void
em_score_row_set_item_score (EmScoreRow        *self,
                             const EmItemScore *score)
{
  GtkWidget *label;
  g_autofree char *text = NULL;
  g_autofree char *points = NULL;
  const char *style = "dim-label";

  g_return_if_fail (EM_IS_SCORE_ROW (self));

  label = GTK_WIDGET (self->cost_label);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_set_tooltip_text (label, NULL);

  if (score == NULL || score->na)
    text = g_strdup ("");
  else if (score->triggered)
    {
      text = g_strdup (_("Fatal"));
      style = "error";
    }
  else if (score->unanswered)
    {
      text = g_strdup ("?");
      gtk_widget_set_tooltip_text (label, _("Not answered yet"));
    }
  else if (score->deduction > 0)
    {
      points = em_points_format (score->deduction);
      text = g_strconcat ("−", points, NULL);
      style = "error";
    }
  else if (score->bonus > 0)
    {
      points = em_points_format (score->bonus);
      text = g_strconcat ("+", points, NULL);
      style = "success";
    }
  else
    text = g_strdup ("0");

  gtk_label_set_label (self->cost_label, text);
  gtk_widget_add_css_class (label, style);
}
