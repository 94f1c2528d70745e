/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "em-db.h"

G_BEGIN_DECLS

/* Timestamps and durations as call platforms write them (DESIGN.md §3).
 *
 * Times are stored as UTC unix seconds plus the offset east of UTC that was
 * in effect.  A timestamp without an offset is the center's local time: the
 * zone named by the database setting "center_timezone" (an IANA name such
 * as "Asia/Shanghai"), else the process's local zone.
 */

/* Converts local wall-clock times to UTC in one zone, remembering the last
 * hour it looked up (imports are mostly in time order).  Not thread-safe:
 * one per thread.
 */
typedef struct _EmZone EmZone;

EmZone     *em_zone_new                 (GTimeZone    *tz);
EmZone     *em_zone_new_for_center      (EmDb         *db,
                                         GError      **error);
void        em_zone_free                (EmZone       *zone);
GTimeZone  *em_zone_get_time_zone       (EmZone       *zone);
gint64      em_zone_local_to_utc        (EmZone       *zone,
                                         gint64        local_seconds,
                                         gint32       *out_offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmZone, em_zone_free)

/* "YYYY-MM-DD HH:MM:SS", "YYYY/MM/DD HH:MM:SS" (month, day and hour may
 * have one digit, seconds may be left out, as spreadsheets re-save them) or
 * ISO 8601 "YYYY-MM-DDTHH:MM:SS" with an optional offset ("+08:00", "+0800",
 * "+08", "Z").  Without an offset the time is local to @zone.
 */
gboolean    em_time_parse_timestamp     (const char   *text,
                                         EmZone       *zone,
                                         gint64       *out_utc,
                                         gint32       *out_offset);

/* Whole seconds ("125", "125.4" rounds to 125), "HH:MM:SS" (hours may
 * exceed 24) or "MM:SS".
 */
gboolean    em_time_parse_duration      (const char   *text,
                                         gint64       *out_seconds);

/* Days since 1970-01-01 of a proleptic Gregorian date (no validation). */
gint64      em_time_days_from_civil     (int           year,
                                         int           month,
                                         int           day);
gboolean    em_time_is_valid_date       (int           year,
                                         int           month,
                                         int           day);

G_END_DECLS
