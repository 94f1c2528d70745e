/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-time"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-time.h"

/* Parsing is done by hand, without allocations or locale: an import calls
 * it a few million times.  Local → UTC goes through GTimeZone (it knows the
 * historical rules), but GLib scans the zone's transitions linearly, so
 * EmZone remembers the offset of the last local hour it converted.
 */

#define SECONDS_PER_HOUR 3600
#define NO_BUCKET        G_MININT64

struct _EmZone
{
  GTimeZone *tz;
  gint64     bucket;   /* the local hour whose offset is cached */
  gint32     offset;
};

EmZone *
em_zone_new (GTimeZone *tz)
{
  EmZone *zone;

  g_return_val_if_fail (tz != NULL, NULL);

  zone = g_new0 (EmZone, 1);
  zone->tz = g_time_zone_ref (tz);
  zone->bucket = NO_BUCKET;

  return zone;
}

/* The zone the call center's clocks show: the "center_timezone" setting
 * when it is set, else the zone of this computer.
 */
EmZone *
em_zone_new_for_center (EmDb    *db,
                        GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  name = em_db_get_setting (db, "center_timezone");
  if (name == NULL || *name == '\0')
    tz = g_time_zone_new_local ();
  else if (!(tz = g_time_zone_new_identifier (name)))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("The center’s time zone “%s” (setting center_timezone) is not a "
                     "known time zone; use a name such as Asia/Shanghai."), name);
      return NULL;
    }

  return em_zone_new (tz);
}

void
em_zone_free (EmZone *zone)
{
  if (zone == NULL)
    return;

  g_time_zone_unref (zone->tz);
  g_free (zone);
}

GTimeZone *
em_zone_get_time_zone (EmZone *zone)
{
  g_return_val_if_fail (zone != NULL, NULL);

  return zone->tz;
}

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* An hour can be cached when one interval covers all of it: no transition
 * and no gap inside it.
 */
static void
fill_cache (EmZone *zone,
            gint64  bucket)
{
  gint64 start = bucket * SECONDS_PER_HOUR;
  int first = g_time_zone_find_interval (zone->tz, G_TIME_TYPE_STANDARD, start);
  int last = g_time_zone_find_interval (zone->tz, G_TIME_TYPE_STANDARD,
                                        start + SECONDS_PER_HOUR - 1);

  if (first >= 0 && first == last)
    {
      zone->bucket = bucket;
      zone->offset = g_time_zone_get_offset (zone->tz, first);
    }
  else
    zone->bucket = NO_BUCKET;
}

/* @local_seconds is the wall-clock time counted as if it were UTC.  A time
 * that does not exist (skipped by a daylight-saving change) moves forward
 * the way GDateTime moves it; an ambiguous one is read as standard time.
 */
gint64
em_zone_local_to_utc (EmZone *zone,
                      gint64  local_seconds,
                      gint32 *out_offset)
{
  gint64 bucket = floor_div (local_seconds, SECONDS_PER_HOUR);
  gint64 adjusted = local_seconds;
  gint32 offset;
  int interval;

  if (bucket != zone->bucket)
    fill_cache (zone, bucket);

  if (bucket == zone->bucket)
    offset = zone->offset;
  else
    {
      interval = g_time_zone_adjust_time (zone->tz, G_TIME_TYPE_STANDARD, &adjusted);
      offset = g_time_zone_get_offset (zone->tz, interval);
    }

  if (out_offset != NULL)
    *out_offset = offset;

  return adjusted - offset;
}

gboolean
em_time_is_valid_date (int year,
                       int month,
                       int day)
{
  static const int days_in_month[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap;

  if (year < 1 || month < 1 || month > 12 || day < 1)
    return FALSE;

  leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap)
    return day <= 29;

  return day <= days_in_month[month - 1];
}

/* Howard Hinnant's days_from_civil. */
gint64
em_time_days_from_civil (int year,
                         int month,
                         int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/* Reads between @min and @max digits. */
static inline gboolean
read_number (const char **p,
             int          min,
             int          max,
             int         *out)
{
  const char *s = *p;
  int value = 0;
  int n = 0;

  while (n < max && g_ascii_isdigit (s[n]))
    {
      value = value * 10 + (s[n] - '0');
      n++;
    }

  if (n < min)
    return FALSE;

  *p = s + n;
  *out = value;
  return TRUE;
}

/* "Z", "+08:00", "+0800" or "+08"; *@p is on the first character. */
static gboolean
read_offset (const char **p,
             gint32      *out_offset)
{
  const char *s = *p;
  int sign, hours, minutes = 0;

  if (*s == 'Z' || *s == 'z')
    {
      *p = s + 1;
      *out_offset = 0;
      return TRUE;
    }

  if (*s != '+' && *s != '-')
    return FALSE;
  sign = *s == '-' ? -1 : 1;
  s++;

  if (!read_number (&s, 2, 2, &hours))
    return FALSE;
  if (*s == ':')
    s++;
  if (g_ascii_isdigit (*s) && !read_number (&s, 2, 2, &minutes))
    return FALSE;

  if (hours > 14 || minutes > 59)
    return FALSE;

  *p = s;
  *out_offset = sign * (hours * 3600 + minutes * 60);
  return TRUE;
}

static gboolean
read_date (const char **p,
           int         *year,
           int         *month,
           int         *day)
{
  const char *s = *p;
  char separator;

  if (!read_number (&s, 4, 4, year))
    return FALSE;

  separator = *s;
  if (separator != '-' && separator != '/')
    return FALSE;
  s++;

  if (!read_number (&s, 1, 2, month) || *s != separator)
    return FALSE;
  s++;

  if (!read_number (&s, 1, 2, day))
    return FALSE;

  *p = s;
  return em_time_is_valid_date (*year, *month, *day);
}

static gboolean
read_time_of_day (const char **p,
                  int         *seconds_of_day)
{
  const char *s = *p;
  int hour, minute, second = 0;

  if (!read_number (&s, 1, 2, &hour) || *s != ':')
    return FALSE;
  s++;
  if (!read_number (&s, 2, 2, &minute))
    return FALSE;

  if (*s == ':')
    {
      s++;
      if (!read_number (&s, 2, 2, &second))
        return FALSE;

      /* Fractions of a second are dropped: calls are timed in seconds. */
      if (*s == '.' || *s == ',')
        {
          s++;
          if (!g_ascii_isdigit (*s))
            return FALSE;
          while (g_ascii_isdigit (*s))
            s++;
        }
    }

  if (hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *p = s;
  *seconds_of_day = hour * 3600 + minute * 60 + second;
  return TRUE;
}

gboolean
em_time_parse_timestamp (const char *text,
                         EmZone     *zone,
                         gint64     *out_utc,
                         gint32     *out_offset)
{
  const char *p = text;
  int year, month, day, seconds_of_day;
  gint32 offset = 0;
  gboolean has_offset = FALSE;
  gint64 local;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (zone != NULL, FALSE);

  if (!read_date (&p, &year, &month, &day))
    return FALSE;

  if (*p == 'T' || *p == 't')
    p++;
  else if (*p == ' ')
    while (*p == ' ')
      p++;
  else
    return FALSE;

  if (!read_time_of_day (&p, &seconds_of_day))
    return FALSE;

  while (*p == ' ')
    p++;
  if (*p != '\0')
    {
      if (!read_offset (&p, &offset) || *p != '\0')
        return FALSE;
      has_offset = TRUE;
    }

  local = em_time_days_from_civil (year, month, day) * 86400 + seconds_of_day;

  if (has_offset)
    *out_utc = local - offset;
  else
    *out_utc = em_zone_local_to_utc (zone, local, &offset);

  if (out_offset != NULL)
    *out_offset = offset;

  return TRUE;
}

/* Up to ten digits, so that the value cannot overflow before the check. */
static gboolean
read_count (const char **p,
            gint64      *out)
{
  const char *s = *p;
  gint64 value = 0;
  int n = 0;

  while (g_ascii_isdigit (s[n]))
    {
      if (n == 10)
        return FALSE;
      value = value * 10 + (s[n] - '0');
      n++;
    }

  if (n == 0)
    return FALSE;

  *p = s + n;
  *out = value;
  return TRUE;
}

static gboolean
read_sixty (const char **p,
            gint64      *out)
{
  int value;

  if (!read_number (p, 2, 2, &value) || value > 59)
    return FALSE;

  *out = value;
  return TRUE;
}

gboolean
em_time_parse_duration (const char *text,
                        gint64     *out_seconds)
{
  const char *p = text;
  gint64 first, second, third, total;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!read_count (&p, &first))
    return FALSE;

  if (*p == '.')
    {
      /* Seconds with a fraction: round to the nearest second. */
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      total = first + (*p >= '5');
      while (g_ascii_isdigit (*p))
        p++;
    }
  else if (*p == ':')
    {
      p++;
      if (!read_sixty (&p, &second))
        return FALSE;

      if (*p == ':')
        {
          p++;
          if (!read_sixty (&p, &third))
            return FALSE;
          total = first * 3600 + second * 60 + third;
        }
      else
        total = first * 60 + second;
    }
  else
    total = first;

  if (*p != '\0' || total > G_MAXINT32)
    return FALSE;

  *out_seconds = total;
  return TRUE;
}
