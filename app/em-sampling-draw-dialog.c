/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "em-sampling-draw-dialog.h"

struct _EmSamplingDrawDialog
{
  AdwWindow         parent_instance;

  GPtrArray        *months;       /* YYYY-MM, in the combo row's order */
  EmSamplingRules   rules;        /* the rules the form does not show stay as given */
  gboolean          busy;

  GtkButton        *draw_button;
  GtkButton        *cancel_button;
  GtkSpinner       *spinner;
  AdwPreferencesPage *form;
  AdwComboRow      *month_row;
  AdwEntryRow      *seed_row;
  GtkSpinButton    *minimum_spin;
  GtkSpinButton    *quota_spin;
  GtkSpinButton    *target_spin;
  AdwActionRow     *target_row;
  AdwEntryRow      *inspectors_row;
};

G_DEFINE_FINAL_TYPE (EmSamplingDrawDialog, em_sampling_draw_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  DRAW,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

EmSamplingDrawDialog *
em_sampling_draw_dialog_new (GtkWindow *parent)
{
  return g_object_new (EM_TYPE_SAMPLING_DRAW_DIALOG,
                       "transient-for", parent,
                       NULL);
}

/* A seed is a whole number from 0 to 2^63 − 1, written in digits only. */
static gboolean
parse_seed (const char *text,
            gint64     *out_seed)
{
  guint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  if (out_seed != NULL)
    *out_seed = (gint64) value;
  return TRUE;
}

static void
update_draw_button (EmSamplingDrawDialog *self)
{
  gboolean valid = em_sampling_draw_dialog_get_seed (self, NULL);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->seed_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->seed_row), "error");

  gtk_widget_set_sensitive (GTK_WIDGET (self->draw_button),
                            valid && !self->busy && self->months->len > 0);
}

static void
on_seed_row_changed (EmSamplingDrawDialog *self,
                     GtkEditable          *editable)
{
  update_draw_button (self);
}

static void
on_new_seed_clicked (EmSamplingDrawDialog *self,
                     GtkButton            *button)
{
  em_sampling_draw_dialog_set_seed (self, em_sampling_new_seed ());
}

static void
on_draw_button_clicked (EmSamplingDrawDialog *self,
                        GtkButton            *button)
{
  if (self->busy || !em_sampling_draw_dialog_get_seed (self, NULL) || self->months->len == 0)
    return;

  g_signal_emit (self, signals[DRAW], 0);
}

void
em_sampling_draw_dialog_set_months (EmSamplingDrawDialog *self,
                                    GPtrArray            *months,
                                    GPtrArray            *labels,
                                    const char           *selected)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint position = 0;

  g_return_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self));
  g_return_if_fail (months != NULL && labels != NULL && months->len == labels->len);

  g_ptr_array_set_size (self->months, 0);
  for (guint i = 0; i < months->len; i++)
    {
      g_ptr_array_add (self->months, g_strdup (g_ptr_array_index (months, i)));
      gtk_string_list_append (model, g_ptr_array_index (labels, i));
      if (g_strcmp0 (selected, g_ptr_array_index (months, i)) == 0)
        position = i;
    }

  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->month_row, position);
  update_draw_button (self);
}

const char *
em_sampling_draw_dialog_get_month (EmSamplingDrawDialog *self)
{
  guint position;

  g_return_val_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self), NULL);

  position = adw_combo_row_get_selected (self->month_row);
  if (position >= self->months->len)
    return NULL;
  return g_ptr_array_index (self->months, position);
}

void
em_sampling_draw_dialog_set_seed (EmSamplingDrawDialog *self,
                                  gint64                seed)
{
  g_autofree char *text = NULL;

  g_return_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self));
  g_return_if_fail (seed >= 0);

  text = g_strdup_printf ("%" G_GINT64_FORMAT, seed);
  gtk_editable_set_text (GTK_EDITABLE (self->seed_row), text);
}

gboolean
em_sampling_draw_dialog_get_seed (EmSamplingDrawDialog *self,
                                  gint64               *out_seed)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self), FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->seed_row))));
  return parse_seed (text, out_seed);
}

/* Percentages are edited as numbers with two decimals and kept in basis
 * points; rounding here is the only place a double is involved.
 */
static guint
spin_to_basis_points (GtkSpinButton *spin)
{
  gtk_spin_button_update (spin);
  return (guint) lround (gtk_spin_button_get_value (spin) * 100.0);
}

void
em_sampling_draw_dialog_set_rules (EmSamplingDrawDialog  *self,
                                   const EmSamplingRules *rules)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self));
  g_return_if_fail (rules != NULL);

  self->rules = *rules;
  gtk_spin_button_set_value (self->minimum_spin, rules->minimum);
  gtk_spin_button_set_value (self->quota_spin, rules->quota_bp / 100.0);
  gtk_spin_button_set_value (self->target_spin, rules->answer_target_bp / 100.0);

  /* Translators: %u are seconds and minutes, e.g. "… within 20 s in a 30-minute period" */
  subtitle = g_strdup_printf (_("Long calls are sampled in the %u-minute periods where fewer calls were answered within %u s"),
                              rules->slot_minutes, rules->answer_seconds);
  adw_action_row_set_subtitle (self->target_row, subtitle);
}

void
em_sampling_draw_dialog_get_rules (EmSamplingDrawDialog *self,
                                   EmSamplingRules      *out_rules)
{
  g_return_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self));
  g_return_if_fail (out_rules != NULL);

  *out_rules = self->rules;
  gtk_spin_button_update (self->minimum_spin);
  out_rules->minimum = (guint) gtk_spin_button_get_value_as_int (self->minimum_spin);
  out_rules->quota_bp = spin_to_basis_points (self->quota_spin);
  out_rules->answer_target_bp = spin_to_basis_points (self->target_spin);
}

void
em_sampling_draw_dialog_set_inspectors (EmSamplingDrawDialog *self,
                                        const char * const   *inspectors)
{
  g_autofree char *text = NULL;

  g_return_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self));

  text = inspectors != NULL ? g_strjoinv ("; ", (char **) inspectors) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->inspectors_row), text);
}

/* Returns: (transfer full): the names, trimmed, without repeats */
char **
em_sampling_draw_dialog_dup_inspectors (EmSamplingDrawDialog *self)
{
  g_return_val_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self), NULL);

  return em_sampling_parse_inspectors (gtk_editable_get_text (GTK_EDITABLE (self->inspectors_row)));
}

/* While the plan is drawn the form cannot change nor be closed: the draw
 * is one transaction that cannot be stopped half-way.
 */
void
em_sampling_draw_dialog_set_busy (EmSamplingDrawDialog *self,
                                  gboolean              busy)
{
  g_return_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
  gtk_window_set_deletable (GTK_WINDOW (self), !busy);
  update_draw_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
em_sampling_draw_dialog_get_busy (EmSamplingDrawDialog *self)
{
  g_return_val_if_fail (EM_IS_SAMPLING_DRAW_DIALOG (self), FALSE);

  return self->busy;
}

static gboolean
em_sampling_draw_dialog_close_request (GtkWindow *window)
{
  EmSamplingDrawDialog *self = EM_SAMPLING_DRAW_DIALOG (window);

  if (self->busy)
    return TRUE;

  return GTK_WINDOW_CLASS (em_sampling_draw_dialog_parent_class)->close_request (window);
}

static void
em_sampling_draw_dialog_finalize (GObject *object)
{
  EmSamplingDrawDialog *self = (EmSamplingDrawDialog *) object;

  g_clear_pointer (&self->months, g_ptr_array_unref);

  G_OBJECT_CLASS (em_sampling_draw_dialog_parent_class)->finalize (object);
}

static void
em_sampling_draw_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  EmSamplingDrawDialog *self = EM_SAMPLING_DRAW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_sampling_draw_dialog_class_init (EmSamplingDrawDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = em_sampling_draw_dialog_finalize;
  object_class->get_property = em_sampling_draw_dialog_get_property;
  window_class->close_request = em_sampling_draw_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmSamplingDrawDialog::draw:
   *
   * The user asked for the draw; the form is valid.
   */
  signals[DRAW] = g_signal_new ("draw", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-sampling-draw-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, draw_button);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, form);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, month_row);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, seed_row);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, minimum_spin);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, quota_spin);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, target_spin);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, EmSamplingDrawDialog, inspectors_row);
  gtk_widget_class_bind_template_callback (widget_class, on_seed_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_new_seed_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_draw_button_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
em_sampling_draw_dialog_init (EmSamplingDrawDialog *self)
{
  EmSamplingRules rules;

  self->months = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  em_sampling_rules_init (&rules);
  em_sampling_draw_dialog_set_rules (self, &rules);
  em_sampling_draw_dialog_set_seed (self, em_sampling_new_seed ());
}
