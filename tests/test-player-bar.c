/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "earmark-resources.h"
#include "em-media-stream.h"
#include "em-player-bar.h"
#include "em-test-gui.h"
#include "em-test-util.h"

/* The player bar on a real recording (tests/fixtures/call-20s.ogg: 20.5 s
 * of Mandarin speech from espeak-ng). With no sound card, GStreamer's
 * autoaudiosink falls back to a fake sink that still plays in real time.
 * Waits are bounded but generous; nothing here depends on exact timing.
 */

#define TIMEOUT_MS 15000

typedef struct
{
  GtkWidget      *window;
  EmPlayerBar    *bar;
  GtkMediaStream *stream;
} Fixture;

/* Spins until @condition holds, failing the test after TIMEOUT_MS. */
#define WAIT_UNTIL(condition)                                                  \
  G_STMT_START {                                                               \
    gint64 wait_deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;        \
    while (!(condition) && g_get_monotonic_time () < wait_deadline)           \
      em_test_spin (10);                                                       \
    if (!(condition))                                                          \
      g_error ("timed out waiting for %s", #condition);                       \
  } G_STMT_END

static gpointer
template_child (EmPlayerBar *bar,
                const char  *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (bar), EM_TYPE_PLAYER_BAR, name);
}

static void
fixture_open (Fixture        *fixture,
              GtkMediaStream *stream)
{
  fixture->stream = stream;
  fixture->bar = EM_PLAYER_BAR (em_player_bar_new ());
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, -1);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->bar));
  em_player_bar_set_stream (fixture->bar, stream);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_open_recording (Fixture *fixture)
{
  g_autofree char *path = em_test_fixture ("call-20s.ogg");

  fixture_open (fixture, GTK_MEDIA_STREAM (em_media_stream_new_for_filename (path)));
  WAIT_UNTIL (gtk_media_stream_is_prepared (fixture->stream));
  g_assert_null (gtk_media_stream_get_error (fixture->stream));
}

static void
fixture_close (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->stream);
}

static void
seek_and_wait (Fixture *fixture,
               double   seconds)
{
  em_player_bar_seek_to (fixture->bar, seconds);
  WAIT_UNTIL (!gtk_media_stream_is_seeking (fixture->stream));
}

static void
on_position_notify (GObject    *object,
                    GParamSpec *pspec,
                    guint      *count)
{
  (*count)++;
}

/* Play, the position runs and is announced; pause, it stops; seek, it
 * jumps there and the seek bar and label follow.
 */
static void
test_player_play_pause_seek (void)
{
  Fixture f;
  GtkButton *play_button;
  guint notifications = 0;
  double paused_at;

  fixture_open_recording (&f);
  play_button = template_child (f.bar, "play_button");
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_duration (f.bar), 20.56, 0.1);
  g_assert_cmpstr (gtk_label_get_label (template_child (f.bar, "duration_label")), ==, "0:20");
  g_assert_cmpstr (gtk_button_get_icon_name (play_button), ==, "media-playback-start-symbolic");

  g_signal_connect (f.bar, "notify::position", G_CALLBACK (on_position_notify), &notifications);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.play-pause", NULL));
  g_assert_true (gtk_media_stream_get_playing (f.stream));
  g_assert_cmpstr (gtk_button_get_icon_name (play_button), ==, "media-playback-pause-symbolic");
  WAIT_UNTIL (em_player_bar_get_position (f.bar) > 0.5);
  g_assert_cmpuint (notifications, >, 1);

  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.play-pause", NULL);
  g_assert_false (gtk_media_stream_get_playing (f.stream));
  g_assert_cmpstr (gtk_button_get_icon_name (play_button), ==, "media-playback-start-symbolic");
  em_test_spin (200);
  paused_at = em_player_bar_get_position (f.bar);
  em_test_spin (700);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), paused_at, 0.05);

  seek_and_wait (&f, 12.25);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), 12.25, 0.2);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (template_child (f.bar, "seek_scale")), 12.25, 0.2);
  g_assert_cmpstr (gtk_label_get_label (template_child (f.bar, "position_label")), ==, "0:12");

  fixture_close (&f);
}

/* ±5 s from near either end stops at the end. */
static void
test_player_skip_clamps (void)
{
  Fixture f;
  double duration;

  fixture_open_recording (&f);
  duration = em_player_bar_get_duration (f.bar);

  seek_and_wait (&f, 7);
  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.seek-backward", NULL);
  WAIT_UNTIL (!gtk_media_stream_is_seeking (f.stream));
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), 2, 0.2);

  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.seek-backward", NULL);
  WAIT_UNTIL (!gtk_media_stream_is_seeking (f.stream));
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), 0, 0.05);

  seek_and_wait (&f, duration - 2);
  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.seek-forward", NULL);
  WAIT_UNTIL (!gtk_media_stream_is_seeking (f.stream));
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), duration, 0.2);

  /* Back from the end, then play to it: the stream ends at the duration. */
  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.seek-backward", NULL);
  WAIT_UNTIL (!gtk_media_stream_is_seeking (f.stream));
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), duration - 5, 0.2);
  seek_and_wait (&f, duration - 0.5);
  gtk_media_stream_play (f.stream);
  WAIT_UNTIL (gtk_media_stream_get_ended (f.stream));
  g_assert_false (gtk_media_stream_get_playing (f.stream));
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), duration, 0.2);

  fixture_close (&f);
}

/* How fast the position advances during playback, in recording seconds
 * per wall-clock second, over 1.5 s.
 */
static double
measure_speed (Fixture *f)
{
  double p0, p1;
  gint64 t0, t1;

  p0 = em_player_bar_get_position (f->bar);
  t0 = g_get_monotonic_time ();
  em_test_spin (1500);
  p1 = em_player_bar_get_position (f->bar);
  t1 = g_get_monotonic_time ();

  return (p1 - p0) / ((t1 - t0) / (double) G_USEC_PER_SEC);
}

/* Choosing 2x in the speed selector while the recording plays makes it
 * run about twice as fast as at 1x.
 */
static void
test_player_speed (void)
{
  Fixture f;
  GtkDropDown *speed;
  double normal, doubled, changed_at;

  fixture_open_recording (&f);
  speed = template_child (f.bar, "speed_dropdown");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (speed)));
  g_assert_cmpuint (gtk_drop_down_get_selected (speed), ==, 1);

  seek_and_wait (&f, 1);
  gtk_media_stream_play (f.stream);
  WAIT_UNTIL (em_player_bar_get_position (f.bar) > 1.3);
  normal = measure_speed (&f);

  changed_at = em_player_bar_get_position (f.bar);
  gtk_drop_down_set_selected (speed, 4);
  g_assert_cmpfloat (em_player_bar_get_rate (f.bar), ==, 2.0);
  g_assert_cmpfloat (em_media_stream_get_rate (EM_MEDIA_STREAM (f.stream)), ==, 2.0);
  WAIT_UNTIL (em_player_bar_get_position (f.bar) > changed_at + 0.3);
  g_assert_true (gtk_media_stream_get_playing (f.stream));
  doubled = measure_speed (&f);
  gtk_media_stream_pause (f.stream);

  g_test_message ("position advances %.2f s/s at 1x, %.2f s/s at 2x", normal, doubled);
  g_assert_cmpfloat (normal, >, 0.6);
  g_assert_cmpfloat (normal, <, 1.4);
  g_assert_cmpfloat (doubled / normal, >, 1.5);
  g_assert_cmpfloat (doubled / normal, <, 2.6);

  /* The bar's speed carries over to the next recording. */
  em_player_bar_set_rate (f.bar, 0.75);
  g_assert_cmpuint (gtk_drop_down_get_selected (speed), ==, 0);
  fixture_close (&f);

  fixture_open_recording (&f);
  g_assert_cmpfloat (em_media_stream_get_rate (EM_MEDIA_STREAM (f.stream)), ==, 1.0);
  em_player_bar_set_rate (f.bar, 1.5);
  g_assert_cmpfloat (em_media_stream_get_rate (EM_MEDIA_STREAM (f.stream)), ==, 1.5);
  fixture_close (&f);
}

/* Clicking a stored moment while the recording is still loading (with a
 * speed already chosen) lands there once it is ready.
 */
static void
test_player_seek_before_ready (void)
{
  g_autofree char *path = em_test_fixture ("call-20s.ogg");
  Fixture f;

  fixture_open (&f, GTK_MEDIA_STREAM (em_media_stream_new_for_filename (path)));
  em_player_bar_set_rate (f.bar, 1.25);
  em_player_bar_seek_to (f.bar, 7.5);
  WAIT_UNTIL (gtk_media_stream_is_prepared (f.stream) && !gtk_media_stream_is_seeking (f.stream));
  em_test_spin (300);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (f.bar), 7.5, 0.2);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (template_child (f.bar, "seek_scale")), 7.5, 0.2);

  fixture_close (&f);
}

static int
natural_height (GtkWidget *widget)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

/* A recording that is not there: the bar names the file in place of the
 * seek bar, keeps its height, and its controls do nothing.
 */
static void
test_player_missing_file (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "录音", "20260612-0001.ogg", NULL);
  g_autofree char *good = em_test_fixture ("call-20s.ogg");
  g_autoptr(GtkWidget) healthy = g_object_ref_sink (em_player_bar_new ());
  g_autoptr(GtkMediaStream) good_stream = GTK_MEDIA_STREAM (em_media_stream_new_for_filename (good));
  Fixture f;

  fixture_open (&f, GTK_MEDIA_STREAM (em_media_stream_new_for_filename (path)));
  g_assert_nonnull (gtk_media_stream_get_error (f.stream));
  g_assert_true (g_error_matches (gtk_media_stream_get_error (f.stream), G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_assert_nonnull (em_player_bar_get_error (f.bar));
  g_assert_nonnull (strstr (em_player_bar_get_error (f.bar), "Recording not found"));
  g_assert_nonnull (strstr (em_player_bar_get_error (f.bar), path));
  g_assert_cmpstr (gtk_label_get_label (template_child (f.bar, "error_label")), ==,
                   em_player_bar_get_error (f.bar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (f.bar, "content_stack")), ==, "error");
  g_assert_false (gtk_widget_get_sensitive (template_child (f.bar, "play_button")));
  g_assert_false (gtk_widget_get_sensitive (template_child (f.bar, "seek_forward_button")));

  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.play-pause", NULL);
  g_assert_false (gtk_media_stream_get_playing (f.stream));
  em_player_bar_seek_to (f.bar, 3);
  g_assert_cmpfloat (em_player_bar_get_position (f.bar), ==, 0);

  /* Same height as a bar that plays. */
  em_player_bar_set_stream (EM_PLAYER_BAR (healthy), good_stream);
  g_assert_cmpint (natural_height (GTK_WIDGET (f.bar)), ==, natural_height (healthy));

  /* A working recording clears the error. */
  em_player_bar_set_stream (f.bar, good_stream);
  g_assert_null (em_player_bar_get_error (f.bar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (f.bar, "content_stack")), ==, "scale");
  g_assert_true (gtk_widget_get_sensitive (template_child (f.bar, "play_button")));

  fixture_close (&f);
  em_test_rm_rf (dir);
}

/* The caller can put the bar in the error state itself (e.g. when the
 * recordings folder is not set), and take it out again.
 */
static void
test_player_set_error (void)
{
  Fixture f;

  fixture_open_recording (&f);
  gtk_media_stream_play (f.stream);
  em_player_bar_set_error (f.bar, "Recording not found: /recordings/x.ogg");
  g_assert_false (gtk_media_stream_get_playing (f.stream));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (f.bar, "content_stack")), ==, "error");
  g_assert_cmpstr (gtk_label_get_label (template_child (f.bar, "error_label")), ==,
                   "Recording not found: /recordings/x.ogg");
  g_assert_false (gtk_widget_get_sensitive (template_child (f.bar, "play_button")));

  em_player_bar_set_error (f.bar, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (f.bar, "content_stack")), ==, "scale");
  g_assert_true (gtk_widget_get_sensitive (template_child (f.bar, "play_button")));

  fixture_close (&f);
}

/* A file that is not audio at all: GStreamer's error reaches the bar with
 * the file's name, and nothing crashes.
 */
static void
test_player_broken_file (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.ogg", NULL);
  Fixture f;

  em_test_write_file (path, "主叫号码,被叫号码\n13800138000,12345\n", -1);
  fixture_open (&f, GTK_MEDIA_STREAM (em_media_stream_new_for_filename (path)));
  WAIT_UNTIL (em_player_bar_get_error (f.bar) != NULL);
  g_assert_nonnull (strstr (em_player_bar_get_error (f.bar), "broken.ogg"));
  g_assert_false (gtk_widget_get_sensitive (template_child (f.bar, "play_button")));

  fixture_close (&f);
  em_test_rm_rf (dir);
}

/* Any GtkMediaStream works; one without a rate keeps the speed selector
 * insensitive.
 */
static void
test_player_media_file (void)
{
  g_autofree char *path = em_test_fixture ("call-20s.ogg");
  Fixture f;

  fixture_open (&f, GTK_MEDIA_STREAM (gtk_media_file_new_for_filename (path)));
  WAIT_UNTIL (gtk_media_stream_is_prepared (f.stream));
  if (gtk_media_stream_get_error (f.stream) != NULL)
    {
      g_test_skip (gtk_media_stream_get_error (f.stream)->message);
      fixture_close (&f);
      return;
    }

  g_assert_false (gtk_widget_get_sensitive (template_child (f.bar, "speed_dropdown")));
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_duration (f.bar), 20.56, 0.1);
  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.play-pause", NULL);
  WAIT_UNTIL (em_player_bar_get_position (f.bar) > 0.3);
  gtk_widget_activate_action (GTK_WIDGET (f.bar), "player.play-pause", NULL);
  g_assert_false (gtk_media_stream_get_playing (f.stream));

  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

  g_test_add_func ("/player-bar/play-pause-seek", test_player_play_pause_seek);
  g_test_add_func ("/player-bar/skip-clamps", test_player_skip_clamps);
  g_test_add_func ("/player-bar/speed", test_player_speed);
  g_test_add_func ("/player-bar/seek-before-ready", test_player_seek_before_ready);
  g_test_add_func ("/player-bar/missing-file", test_player_missing_file);
  g_test_add_func ("/player-bar/set-error", test_player_set_error);
  g_test_add_func ("/player-bar/broken-file", test_player_broken_file);
  g_test_add_func ("/player-bar/media-file", test_player_media_file);

  return g_test_run ();
}
