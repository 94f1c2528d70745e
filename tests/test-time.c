/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "em-db.h"
#include "em-error.h"
#include "em-test-util.h"
#include "em-time.h"

/* Timestamps and durations as call platforms and spreadsheets write them.
 * Expected values were worked out independently (Python's zoneinfo).
 */

static EmZone *
zone_new (const char *identifier)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (identifier);

  g_assert_nonnull (tz);
  return em_zone_new (tz);
}

static void
test_timestamps (void)
{
  static const struct {
    const char *text;
    gint64      utc;
    gint32      offset;
  } good[] = {
    { "2026-03-01 09:15:00",        1772327700, 28800 },
    { "2026/03/01 09:15:00",        1772327700, 28800 },
    { "2026-03-01T09:15:00+08:00",  1772327700, 28800 },
    { "2026-03-01T01:15:00Z",       1772327700, 0 },
    { "2026-03-01T01:15:00z",       1772327700, 0 },
    { "2026-03-01T03:45:00+0230",   1772327700, 9000 },
    { "2026-02-28T20:15:00-05",     1772327700, -18000 },
    { "2026-03-01 09:15:00 +08:00", 1772327700, 28800 },
    /* As Excel re-saves them: one-digit fields, no seconds. */
    { "2026/3/1 9:15",              1772327700, 28800 },
    { "2026-03-01 09:15:00.750",    1772327700, 28800 },
    { "2024-02-29 00:00:00",        1709136000, 28800 },
    { "1999-12-31 23:59:59",        946655999,  28800 },
  };
  static const char * const bad[] = {
    "", "abc", "2026-03-01", "2026-03-01 09", "2026-13-01 09:00:00", "2026-02-29 09:00:00",
    "2026-04-31 09:00:00", "2026-03-01 24:00:00", "2026-03-01 09:60:00", "2026-03-01 09:15:61",
    "2026-03/01 09:15:00", "26-03-01 09:15:00", "2026-03-01 09:15:00+8", "2026-03-01 09:15:00+15:00",
    "2026-03-01 09:15:00 CST", "2026-03-01T09:15:00+08:00x", "2026-03-01 09:15:", "２０２６-03-01 09:15:00",
  };
  g_autoptr(EmZone) zone = zone_new ("Asia/Shanghai");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 utc = 0;
      gint32 offset = -1;

      g_test_message ("%s", good[i].text);
      g_assert_true (em_time_parse_timestamp (good[i].text, zone, &utc, &offset));
      g_assert_cmpint (utc, ==, good[i].utc);
      g_assert_cmpint (offset, ==, good[i].offset);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 utc = 0;

      g_test_message ("%s", bad[i]);
      g_assert_false (em_time_parse_timestamp (bad[i], zone, &utc, NULL));
    }
}

static void
test_durations (void)
{
  static const struct {
    const char *text;
    gint64      seconds;
  } good[] = {
    { "0", 0 }, { "125", 125 }, { "0125", 125 }, { "125.4", 125 }, { "125.5", 126 },
    { "02:05", 125 }, { "125:30", 7530 }, { "00:02:05", 125 }, { "1:00:00", 3600 },
    { "26:00:00", 93600 }, { "2147483647", G_MAXINT32 },
  };
  static const char * const bad[] = {
    "", "abc", "-5", "+5", "1e3", "12s", "1:2", "1:2:3", "00:60", "00:00:60", "1.", ".5",
    "1:00:00:00", "2147483648", "99999999999", " 5", "5 ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 seconds = -1;

      g_test_message ("%s", good[i].text);
      g_assert_true (em_time_parse_duration (good[i].text, &seconds));
      g_assert_cmpint (seconds, ==, good[i].seconds);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 seconds = -1;

      g_test_message ("%s", bad[i]);
      g_assert_false (em_time_parse_duration (bad[i], &seconds));
    }
}

/* Daylight saving: the cached hour never hides a transition, and gaps and
 * overlaps are read the way GDateTime reads them.
 */
static void
test_daylight_saving (void)
{
  static const char * const local[] = {
    "2026-03-29 01:59:59", "2026-03-29 03:00:00", "2026-03-29 01:30:00", "2026-03-29 02:30:00",
    "2026-03-29 03:59:59", "2026-10-25 01:59:59", "2026-10-25 02:30:00", "2026-10-25 03:00:00",
    "2026-10-25 02:00:00", "2026-07-01 12:00:00", "2026-01-01 00:00:00",
  };
  g_autoptr(EmZone) zone = zone_new ("Europe/Berlin");

  for (guint i = 0; i < G_N_ELEMENTS (local); i++)
    {
      g_autoptr(GDateTime) expected = NULL;
      int y, mo, d, h, mi, s;
      gint64 utc = 0;
      gint32 offset = 0;

      g_assert_cmpint (sscanf (local[i], "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
      expected = g_date_time_new (em_zone_get_time_zone (zone), y, mo, d, h, mi, s);

      g_test_message ("%s", local[i]);
      g_assert_true (em_time_parse_timestamp (local[i], zone, &utc, &offset));
      g_assert_cmpint (utc, ==, g_date_time_to_unix (expected));
      g_assert_cmpint (offset, ==, g_date_time_get_utc_offset (expected) / G_USEC_PER_SEC);
    }
}

static void
test_center_zone (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "earmark.db", NULL);
  g_autoptr(EmDb) db = em_db_open (path, &error);
  g_autoptr(EmZone) zone = NULL;
  gint32 offset = 0;

  g_assert_no_error (error);

  /* No setting: this computer's zone (the tests run in Asia/Shanghai). */
  zone = em_zone_new_for_center (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (em_zone_local_to_utc (zone, 1772356500, &offset), ==, 1772327700);
  g_assert_cmpint (offset, ==, 28800);
  g_clear_pointer (&zone, em_zone_free);

  g_assert_true (em_db_set_setting (db, "center_timezone", "America/New_York", &error));
  zone = em_zone_new_for_center (db, &error);
  g_assert_no_error (error);
  em_zone_local_to_utc (zone, 0, &offset);
  g_assert_cmpint (offset, ==, -18000);
  g_clear_pointer (&zone, em_zone_free);

  g_assert_true (em_db_set_setting (db, "center_timezone", "Nowhere/Special", &error));
  zone = em_zone_new_for_center (db, &error);
  g_assert_null (zone);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Nowhere/Special"));

  g_clear_object (&db);
  em_test_rm_rf (dir);
}

static void
test_civil (void)
{
  g_assert_cmpint (em_time_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (em_time_days_from_civil (2000, 3, 1), ==, 11017);
  g_assert_cmpint (em_time_days_from_civil (1969, 12, 31), ==, -1);
  g_assert_true (em_time_is_valid_date (2000, 2, 29));
  g_assert_false (em_time_is_valid_date (1900, 2, 29));
  g_assert_false (em_time_is_valid_date (2026, 0, 1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/timestamps", test_timestamps);
  g_test_add_func ("/time/durations", test_durations);
  g_test_add_func ("/time/daylight-saving", test_daylight_saving);
  g_test_add_func ("/time/center-zone", test_center_zone);
  g_test_add_func ("/time/civil", test_civil);

  return g_test_run ();
}
