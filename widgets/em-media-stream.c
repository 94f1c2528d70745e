/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-media-stream"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>

#include "em-media-stream.h"

/* EmMediaStream plays a recording through a GStreamer playbin and adds
 * what GtkMediaStream lacks in GTK 4.8: a playback rate. GtkMediaFile's
 * GStreamer implementation keeps its player private, so its rate cannot
 * be changed through any public API; this stream is the same GStreamer
 * underneath, and it is a GtkMediaStream, so anything that takes one (the
 * player bar, GtkVideo, GtkMediaControls) plays it.
 *
 * Rate changes are flushing seeks at the current position with the new
 * rate; a scaletempo filter keeps voices at their pitch. Recordings are
 * audio: playbin is told not to decode video.
 */

#define MIN_RATE  0.25
#define MAX_RATE  4.0
#define TICK_MS   50

/* From playbin's GstPlayFlags, which no public header declares. */
#define PLAY_FLAG_AUDIO        (1 << 1)
#define PLAY_FLAG_SOFT_VOLUME  (1 << 4)

struct _EmMediaStream
{
  GtkMediaStream  parent_instance;

  GFile          *file;
  GstElement     *pipeline;
  guint           bus_watch;
  guint           tick_source;
  double          rate;

  /* A flushing seek (ours or the caller's) is under way: positions
   * queried now would be stale, and ASYNC_DONE ends it.
   */
  guint           seek_pending : 1;
};

G_DEFINE_FINAL_TYPE (EmMediaStream, em_media_stream, GTK_TYPE_MEDIA_STREAM)

enum {
  PROP_0,
  PROP_FILE,
  PROP_RATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_position (EmMediaStream *self)
{
  gint64 position;

  if (self->pipeline == NULL || self->seek_pending)
    return;

  if (gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &position) && position >= 0)
    gtk_media_stream_update (GTK_MEDIA_STREAM (self), position / GST_USECOND);
}

static gboolean
on_tick (gpointer user_data)
{
  update_position (user_data);

  return G_SOURCE_CONTINUE;
}

static void
start_ticking (EmMediaStream *self)
{
  if (self->tick_source == 0)
    self->tick_source = g_timeout_add (TICK_MS, on_tick, self);
}

static void
stop_ticking (EmMediaStream *self)
{
  g_clear_handle_id (&self->tick_source, g_source_remove);
}

static gboolean
seek_pipeline (EmMediaStream *self,
               gint64         position_ns)
{
  if (!gst_element_seek (self->pipeline, self->rate, GST_FORMAT_TIME,
                         GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                         GST_SEEK_TYPE_SET, position_ns,
                         GST_SEEK_TYPE_NONE, GST_CLOCK_TIME_NONE))
    return FALSE;

  self->seek_pending = TRUE;
  return TRUE;
}

/* Bus ------------------------------------------------------------------ */

static void
on_prepared (EmMediaStream *self)
{
  g_autoptr(GstQuery) query = gst_query_new_seeking (GST_FORMAT_TIME);
  gboolean seekable = FALSE;
  gint64 duration = 0;
  int n_audio = 0;

  if (gst_element_query (self->pipeline, query))
    gst_query_parse_seeking (query, NULL, &seekable, NULL, NULL);
  if (!gst_element_query_duration (self->pipeline, GST_FORMAT_TIME, &duration) || duration < 0)
    duration = 0;
  g_object_get (self->pipeline, "n-audio", &n_audio, NULL);

  /* A rate chosen before the recording was ready applies now, before
   * anyone told of the stream being prepared seeks elsewhere.
   */
  if (self->rate != 1.0 && seekable)
    seek_pipeline (self, 0);

  gtk_media_stream_stream_prepared (GTK_MEDIA_STREAM (self), n_audio > 0, FALSE, seekable,
                                    duration / GST_USECOND);
}

static void
on_async_done (EmMediaStream *self)
{
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self);
  gboolean was_seeking = self->seek_pending;

  if (!gtk_media_stream_is_prepared (stream))
    {
      on_prepared (self);
      return;
    }

  self->seek_pending = FALSE;
  if (was_seeking)
    update_position (self);
  if (gtk_media_stream_is_seeking (stream))
    gtk_media_stream_seek_success (stream);
}

static void
on_eos (EmMediaStream *self)
{
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self);

  if (gtk_media_stream_get_loop (stream) && seek_pipeline (self, 0))
    return;

  stop_ticking (self);
  if (!gtk_media_stream_get_ended (stream))
    gtk_media_stream_stream_ended (stream);
  gtk_media_stream_update (stream, gtk_media_stream_get_duration (stream));
}

static void
on_error (EmMediaStream *self,
          GstMessage    *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *debug = NULL;
  g_autofree char *name = g_file_get_parse_name (self->file);

  gst_message_parse_error (message, &error, &debug);
  g_debug ("%s: %s (%s)", name, error->message, debug ? debug : "");

  stop_ticking (self);
  self->seek_pending = FALSE;
  gtk_media_stream_error (GTK_MEDIA_STREAM (self), G_IO_ERROR, G_IO_ERROR_FAILED,
                          _("Cannot play “%s”: %s"), name, error->message);
  gst_element_set_state (self->pipeline, GST_STATE_NULL);
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  EmMediaStream *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ASYNC_DONE:
      on_async_done (self);
      break;

    case GST_MESSAGE_EOS:
      on_eos (self);
      break;

    case GST_MESSAGE_ERROR:
      on_error (self, message);
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

/* Opening -------------------------------------------------------------- */

/* GStreamer's own message for a missing file ("Resource not found.") does
 * not say which file; an inspector needs the path to go and find it.
 */
static gboolean
check_file (GFile   *file,
            GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Recording not found: %s"), name);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Cannot open the recording “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a recording"), name);
      return FALSE;
    }

  return TRUE;
}

static void
em_media_stream_open (EmMediaStream *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *uri = NULL;
  GstElement *tempo;

  if (!check_file (self->file, &error))
    {
      gtk_media_stream_gerror (GTK_MEDIA_STREAM (self), g_steal_pointer (&error));
      return;
    }

  self->pipeline = gst_element_factory_make ("playbin", NULL);
  if (self->pipeline == NULL)
    {
      gtk_media_stream_error (GTK_MEDIA_STREAM (self), G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                              _("Cannot play recordings: GStreamer’s playbin is missing "
                                "(install gstreamer1.0-plugins-base)"));
      return;
    }
  gst_object_ref_sink (self->pipeline);

  uri = g_file_get_uri (self->file);
  g_object_set (self->pipeline,
                "uri", uri,
                "flags", PLAY_FLAG_AUDIO | PLAY_FLAG_SOFT_VOLUME,
                NULL);

  /* Without it, faster playback raises the voice's pitch. */
  if ((tempo = gst_element_factory_make ("scaletempo", NULL)) != NULL)
    g_object_set (self->pipeline, "audio-filter", tempo, NULL);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);

  /* PAUSED prerolls: ASYNC_DONE then says the duration is known. */
  gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
}

/* GtkMediaStream ------------------------------------------------------- */

static gboolean
em_media_stream_play (GtkMediaStream *stream)
{
  EmMediaStream *self = EM_MEDIA_STREAM (stream);

  if (self->pipeline == NULL)
    return FALSE;

  if (gtk_media_stream_get_ended (stream))
    {
      seek_pipeline (self, 0);
      gtk_media_stream_update (stream, 0);
    }

  gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  start_ticking (self);

  return TRUE;
}

static void
em_media_stream_pause (GtkMediaStream *stream)
{
  EmMediaStream *self = EM_MEDIA_STREAM (stream);

  stop_ticking (self);
  if (self->pipeline == NULL || gtk_media_stream_get_error (stream) != NULL)
    return;

  gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
  update_position (self);
}

static void
em_media_stream_seek (GtkMediaStream *stream,
                      gint64          timestamp)
{
  EmMediaStream *self = EM_MEDIA_STREAM (stream);
  gint64 duration = gtk_media_stream_get_duration (stream);

  if (duration > 0)
    timestamp = MIN (timestamp, duration);

  if (self->pipeline == NULL || !seek_pipeline (self, timestamp * GST_USECOND))
    {
      gtk_media_stream_seek_failed (stream);
      return;
    }

  gtk_media_stream_update (stream, timestamp);
}

static void
em_media_stream_update_audio (GtkMediaStream *stream,
                              gboolean        muted,
                              double          volume)
{
  EmMediaStream *self = EM_MEDIA_STREAM (stream);

  if (self->pipeline == NULL)
    return;

  /* GtkMediaStream's volume is perceptual (cubic); playbin's is linear. */
  g_object_set (self->pipeline, "mute", muted, "volume", volume * volume * volume, NULL);
}

/* GObject -------------------------------------------------------------- */

static void
em_media_stream_constructed (GObject *object)
{
  EmMediaStream *self = EM_MEDIA_STREAM (object);

  G_OBJECT_CLASS (em_media_stream_parent_class)->constructed (object);

  if (self->file != NULL)
    em_media_stream_open (self);
}

static void
em_media_stream_dispose (GObject *object)
{
  EmMediaStream *self = EM_MEDIA_STREAM (object);

  stop_ticking (self);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  gst_clear_object (&self->pipeline);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (em_media_stream_parent_class)->dispose (object);
}

static void
em_media_stream_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EmMediaStream *self = EM_MEDIA_STREAM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_media_stream_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EmMediaStream *self = EM_MEDIA_STREAM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_RATE:
      em_media_stream_set_rate (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_media_stream_class_init (EmMediaStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkMediaStreamClass *stream_class = GTK_MEDIA_STREAM_CLASS (klass);

  object_class->constructed = em_media_stream_constructed;
  object_class->dispose = em_media_stream_dispose;
  object_class->get_property = em_media_stream_get_property;
  object_class->set_property = em_media_stream_set_property;

  stream_class->play = em_media_stream_play;
  stream_class->pause = em_media_stream_pause;
  stream_class->seek = em_media_stream_seek;
  stream_class->update_audio = em_media_stream_update_audio;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RATE] =
    g_param_spec_double ("rate", NULL, NULL, MIN_RATE, MAX_RATE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gst_init (NULL, NULL);
}

static void
em_media_stream_init (EmMediaStream *self)
{
  self->rate = 1.0;
}

/* Public API ----------------------------------------------------------- */

/* The stream reports a missing or unplayable file through
 * gtk_media_stream_get_error(), naming the file.
 */
EmMediaStream *
em_media_stream_new_for_file (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (EM_TYPE_MEDIA_STREAM, "file", file, NULL);
}

EmMediaStream *
em_media_stream_new_for_filename (const char *filename)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (filename != NULL, NULL);

  file = g_file_new_for_path (filename);
  return em_media_stream_new_for_file (file);
}

GFile *
em_media_stream_get_file (EmMediaStream *self)
{
  g_return_val_if_fail (EM_IS_MEDIA_STREAM (self), NULL);

  return self->file;
}

double
em_media_stream_get_rate (EmMediaStream *self)
{
  g_return_val_if_fail (EM_IS_MEDIA_STREAM (self), 1.0);

  return self->rate;
}

/**
 * em_media_stream_set_rate:
 * @rate: the playback speed, 1.0 for normal (0.25 to 4)
 *
 * Takes effect at once if the recording is ready, else when it is.
 */
void
em_media_stream_set_rate (EmMediaStream *self,
                          double         rate)
{
  GtkMediaStream *stream = GTK_MEDIA_STREAM (self);
  gint64 position;

  g_return_if_fail (EM_IS_MEDIA_STREAM (self));
  g_return_if_fail (rate >= MIN_RATE && rate <= MAX_RATE);

  if (rate == self->rate)
    return;

  self->rate = rate;

  /* An ended stream starts over at the new rate when played again. */
  if (self->pipeline != NULL && gtk_media_stream_is_prepared (stream) &&
      gtk_media_stream_is_seekable (stream) && gtk_media_stream_get_error (stream) == NULL &&
      !gtk_media_stream_get_ended (stream))
    {
      if (!gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &position) || position < 0)
        position = gtk_media_stream_get_timestamp (stream) * GST_USECOND;
      seek_pipeline (self, position);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
}
