/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-player-bar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "em-media-stream.h"
#include "em-player-bar.h"

/* EmPlayerBar controls any GtkMediaStream: play/pause, ±5 s, a seek bar,
 * position and duration, and the playback speed when the stream can
 * change it (an EmMediaStream). It follows the stream through property
 * notifications and keeps no playback state of its own, except a seek
 * asked for before the recording was ready.
 *
 * Its actions (player.play-pause, player.seek-backward,
 * player.seek-forward) are per-widget actions, so a window can bind
 * Space and ←/→ to them.
 */

#define SKIP_SECONDS 5.0

struct _EmPlayerBar
{
  GtkWidget       parent_instance;

  GtkMediaStream *stream;
  char           *error;
  double          rate;
  double          pending_seek;   /* seconds, < 0 if none */

  GtkButton      *play_button;
  GtkButton      *seek_backward_button;
  GtkButton      *seek_forward_button;
  GtkLabel       *position_label;
  GtkLabel       *duration_label;
  GtkStack       *content_stack;
  GtkScale       *seek_scale;
  GtkAdjustment  *seek_adjustment;
  GtkLabel       *error_label;
  GtkDropDown    *speed_dropdown;
};

G_DEFINE_FINAL_TYPE (EmPlayerBar, em_player_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_POSITION,
  PROP_DURATION,
  PROP_RATE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const double rates[] = { 0.75, 1.0, 1.25, 1.5, 2.0 };

static char *
format_time (double seconds)
{
  gint64 total = (gint64) floor (MAX (seconds, 0));

  if (total >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (total / 3600), (int) (total / 60 % 60),
                            (int) (total % 60));

  return g_strdup_printf ("%d:%02d", (int) (total / 60), (int) (total % 60));
}

static gboolean
stream_is_seekable (EmPlayerBar *self)
{
  return self->stream != NULL && self->error == NULL &&
         gtk_media_stream_is_prepared (self->stream) &&
         gtk_media_stream_is_seekable (self->stream);
}

/* Syncing with the stream ---------------------------------------------- */

static void
sync_position (EmPlayerBar *self)
{
  double position = em_player_bar_get_position (self);
  g_autofree char *text = format_time (position);

  gtk_adjustment_set_value (self->seek_adjustment, position);
  gtk_label_set_label (self->position_label, text);
}

static void
sync_duration (EmPlayerBar *self)
{
  double duration = em_player_bar_get_duration (self);
  g_autofree char *text = NULL;

  /* The position may have come first and been clamped to the old upper
   * bound (a seek while the stream announces itself).
   */
  gtk_adjustment_set_upper (self->seek_adjustment, duration);
  gtk_adjustment_set_value (self->seek_adjustment, em_player_bar_get_position (self));
  if (self->error != NULL)
    gtk_label_set_label (self->duration_label, "–:––");
  else
    {
      text = format_time (duration);
      gtk_label_set_label (self->duration_label, text);
    }
}

static void
sync_playing (EmPlayerBar *self)
{
  gboolean playing = self->stream != NULL && gtk_media_stream_get_playing (self->stream);
  const char *label = playing ? _("Pause") : _("Play");

  gtk_button_set_icon_name (self->play_button,
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
sync_actions (EmPlayerBar *self)
{
  gboolean usable = self->stream != NULL && self->error == NULL;
  gboolean seekable = stream_is_seekable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.play-pause", usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.seek-backward", seekable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "player.seek-forward", seekable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seek_scale), seekable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->speed_dropdown),
                            usable && EM_IS_MEDIA_STREAM (self->stream));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->speed_dropdown),
                               self->stream == NULL || EM_IS_MEDIA_STREAM (self->stream)
                               ? _("Playback Speed")
                               : _("This player cannot change the speed of this recording"));
}

static void
sync_error (EmPlayerBar *self)
{
  /* The error replaces the seek bar in the same space: the bar keeps its
   * height and its controls where they were.
   */
  gtk_label_set_label (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), self->error);
  gtk_stack_set_visible_child_name (self->content_stack, self->error != NULL ? "error" : "scale");
  sync_actions (self);
  sync_duration (self);
}

static void
apply_pending_seek (EmPlayerBar *self)
{
  double seconds = self->pending_seek;

  if (seconds < 0 || !stream_is_seekable (self))
    return;

  self->pending_seek = -1;
  em_player_bar_seek_to (self, seconds);
}

static void
take_error (EmPlayerBar *self,
            const char  *message)
{
  if (g_strcmp0 (message, self->error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  sync_error (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
sync_stream_error (EmPlayerBar *self)
{
  const GError *error = self->stream != NULL ? gtk_media_stream_get_error (self->stream) : NULL;

  if (error != NULL)
    take_error (self, error->message);
}

static void
on_stream_notify (EmPlayerBar *self,
                  GParamSpec  *pspec,
                  GtkMediaStream *stream)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "timestamp"))
    {
      sync_position (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  else if (g_str_equal (name, "duration"))
    {
      sync_duration (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }
  else if (g_str_equal (name, "playing") || g_str_equal (name, "ended"))
    sync_playing (self);
  else if (g_str_equal (name, "prepared") || g_str_equal (name, "seekable"))
    {
      sync_actions (self);
      apply_pending_seek (self);
    }
  else if (g_str_equal (name, "error"))
    sync_stream_error (self);
}

/* Template callbacks and actions --------------------------------------- */

static gboolean
on_seek_scale_change_value (GtkRange      *range,
                            GtkScrollType  scroll,
                            double         value,
                            EmPlayerBar   *self)
{
  em_player_bar_seek_to (self, value);

  return FALSE;
}

static void
on_speed_dropdown_notify_selected (EmPlayerBar *self,
                                   GParamSpec  *pspec,
                                   GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < G_N_ELEMENTS (rates))
    em_player_bar_set_rate (self, rates[selected]);
}

static void
play_pause_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EmPlayerBar *self = EM_PLAYER_BAR (widget);

  if (self->stream == NULL || self->error != NULL)
    return;

  gtk_media_stream_set_playing (self->stream, !gtk_media_stream_get_playing (self->stream));
}

static void
seek_backward_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EmPlayerBar *self = EM_PLAYER_BAR (widget);

  em_player_bar_seek_to (self, em_player_bar_get_position (self) - SKIP_SECONDS);
}

static void
seek_forward_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EmPlayerBar *self = EM_PLAYER_BAR (widget);

  em_player_bar_seek_to (self, em_player_bar_get_position (self) + SKIP_SECONDS);
}

/* GObject -------------------------------------------------------------- */

static void
em_player_bar_dispose (GObject *object)
{
  EmPlayerBar *self = EM_PLAYER_BAR (object);

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_clear_object (&self->stream);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_PLAYER_BAR);

  G_OBJECT_CLASS (em_player_bar_parent_class)->dispose (object);
}

static void
em_player_bar_finalize (GObject *object)
{
  EmPlayerBar *self = EM_PLAYER_BAR (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (em_player_bar_parent_class)->finalize (object);
}

static void
em_player_bar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EmPlayerBar *self = EM_PLAYER_BAR (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_object (value, self->stream);
      break;

    case PROP_POSITION:
      g_value_set_double (value, em_player_bar_get_position (self));
      break;

    case PROP_DURATION:
      g_value_set_double (value, em_player_bar_get_duration (self));
      break;

    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_player_bar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EmPlayerBar *self = EM_PLAYER_BAR (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      em_player_bar_set_stream (self, g_value_get_object (value));
      break;

    case PROP_RATE:
      em_player_bar_set_rate (self, g_value_get_double (value));
      break;

    case PROP_ERROR:
      em_player_bar_set_error (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_player_bar_class_init (EmPlayerBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_player_bar_dispose;
  object_class->finalize = em_player_bar_finalize;
  object_class->get_property = em_player_bar_get_property;
  object_class->set_property = em_player_bar_set_property;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, GTK_TYPE_MEDIA_STREAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Seconds into the recording; what "mark this moment" stores. */
  properties[PROP_POSITION] =
    g_param_spec_double ("position", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DURATION] =
    g_param_spec_double ("duration", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, 0.25, 4.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/earmark/Earmark/ui/em-player-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, play_button);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, seek_backward_button);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, seek_forward_button);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, position_label);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, duration_label);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, seek_scale);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, seek_adjustment);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, error_label);
  gtk_widget_class_bind_template_child (widget_class, EmPlayerBar, speed_dropdown);

  gtk_widget_class_install_action (widget_class, "player.play-pause", NULL, play_pause_action);
  gtk_widget_class_install_action (widget_class, "player.seek-backward", NULL, seek_backward_action);
  gtk_widget_class_install_action (widget_class, "player.seek-forward", NULL, seek_forward_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "playerbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GListModel *
make_rate_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      /* Translators: a playback speed, e.g. "1.5×" */
      g_autofree char *label = g_strdup_printf (_("%g×"), rates[i]);

      gtk_string_list_append (labels, label);
    }

  return G_LIST_MODEL (labels);
}

static void
em_player_bar_init (EmPlayerBar *self)
{
  g_autoptr(GListModel) labels = NULL;

  self->rate = 1.0;
  self->pending_seek = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  labels = make_rate_labels ();
  gtk_drop_down_set_model (self->speed_dropdown, labels);
  gtk_drop_down_set_selected (self->speed_dropdown, 1);

  /* Connected here rather than in the template, which then validates
   * with gtk4-builder-tool on its own.
   */
  g_signal_connect_object (self->seek_scale, "change-value",
                           G_CALLBACK (on_seek_scale_change_value), self, 0);
  g_signal_connect_object (self->speed_dropdown, "notify::selected",
                           G_CALLBACK (on_speed_dropdown_notify_selected), self, G_CONNECT_SWAPPED);

  sync_actions (self);
  sync_playing (self);
}

/* Public API ----------------------------------------------------------- */

GtkWidget *
em_player_bar_new (void)
{
  return g_object_new (EM_TYPE_PLAYER_BAR, NULL);
}

GtkMediaStream *
em_player_bar_get_stream (EmPlayerBar *self)
{
  g_return_val_if_fail (EM_IS_PLAYER_BAR (self), NULL);

  return self->stream;
}

/**
 * em_player_bar_set_stream:
 * @stream: (nullable): what to control, e.g. an #EmMediaStream or a
 *   #GtkMediaFile
 *
 * The stream that was there before is paused. The bar's speed carries
 * over to the new stream, and an error shown for the old one is cleared.
 */
void
em_player_bar_set_stream (EmPlayerBar    *self,
                          GtkMediaStream *stream)
{
  g_autofree char *old_error = NULL;

  g_return_if_fail (EM_IS_PLAYER_BAR (self));
  g_return_if_fail (stream == NULL || GTK_IS_MEDIA_STREAM (stream));

  if (stream == self->stream)
    return;

  if (self->stream != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->stream, self);
      gtk_media_stream_pause (self->stream);
    }

  g_set_object (&self->stream, stream);
  self->pending_seek = -1;
  old_error = g_steal_pointer (&self->error);

  if (stream != NULL)
    {
      g_signal_connect_object (stream, "notify", G_CALLBACK (on_stream_notify), self,
                               G_CONNECT_SWAPPED);
      if (EM_IS_MEDIA_STREAM (stream))
        em_media_stream_set_rate (EM_MEDIA_STREAM (stream), self->rate);
    }

  if (stream != NULL && gtk_media_stream_get_error (stream) != NULL)
    self->error = g_strdup (gtk_media_stream_get_error (stream)->message);

  sync_error (self);
  sync_position (self);
  sync_playing (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
  if (g_strcmp0 (old_error, self->error) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Returns: seconds into the recording */
double
em_player_bar_get_position (EmPlayerBar *self)
{
  g_return_val_if_fail (EM_IS_PLAYER_BAR (self), 0);

  if (self->stream == NULL)
    return 0;

  return gtk_media_stream_get_timestamp (self->stream) / (double) G_USEC_PER_SEC;
}

/* Returns: the recording's length in seconds, 0 if not known yet */
double
em_player_bar_get_duration (EmPlayerBar *self)
{
  g_return_val_if_fail (EM_IS_PLAYER_BAR (self), 0);

  if (self->stream == NULL)
    return 0;

  return gtk_media_stream_get_duration (self->stream) / (double) G_USEC_PER_SEC;
}

/**
 * em_player_bar_seek_to:
 * @seconds: where to go, clamped to the recording
 *
 * For clicking a stored moment. If the recording is still loading, the
 * seek happens as soon as it is ready.
 */
void
em_player_bar_seek_to (EmPlayerBar *self,
                       double       seconds)
{
  gint64 duration;
  gint64 target;

  g_return_if_fail (EM_IS_PLAYER_BAR (self));

  if (self->stream == NULL || self->error != NULL || isnan (seconds))
    return;

  if (!gtk_media_stream_is_prepared (self->stream))
    {
      self->pending_seek = MAX (seconds, 0);
      return;
    }

  duration = gtk_media_stream_get_duration (self->stream);
  target = (gint64) (MAX (seconds, 0) * G_USEC_PER_SEC);
  if (duration > 0)
    target = MIN (target, duration);

  gtk_media_stream_seek (self->stream, target);
}

double
em_player_bar_get_rate (EmPlayerBar *self)
{
  g_return_val_if_fail (EM_IS_PLAYER_BAR (self), 1.0);

  return self->rate;
}

/**
 * em_player_bar_set_rate:
 * @rate: playback speed, 1.0 for normal (0.25 to 4)
 *
 * Applies to an #EmMediaStream; other streams play at their own speed.
 */
void
em_player_bar_set_rate (EmPlayerBar *self,
                        double       rate)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (EM_IS_PLAYER_BAR (self));
  g_return_if_fail (rate >= 0.25 && rate <= 4.0);

  if (rate == self->rate)
    return;

  self->rate = rate;
  if (EM_IS_MEDIA_STREAM (self->stream))
    em_media_stream_set_rate (EM_MEDIA_STREAM (self->stream), rate);

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (rates[i] == rate)
      selected = i;
  gtk_drop_down_set_selected (self->speed_dropdown, selected);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}

/* Returns: (nullable): the message shown instead of the seek bar */
const char *
em_player_bar_get_error (EmPlayerBar *self)
{
  g_return_val_if_fail (EM_IS_PLAYER_BAR (self), NULL);

  return self->error;
}

/**
 * em_player_bar_set_error:
 * @message: (nullable): e.g. "Recording not found: /recordings/x.ogg",
 *   or %NULL to clear it
 *
 * Shows @message in place of the seek bar and disables the controls,
 * keeping the bar's size. Errors of the stream are shown the same way
 * without calling this.
 */
void
em_player_bar_set_error (EmPlayerBar *self,
                         const char  *message)
{
  g_return_if_fail (EM_IS_PLAYER_BAR (self));

  if (message != NULL && self->stream != NULL)
    gtk_media_stream_pause (self->stream);

  take_error (self, message);
}
