/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "em-localized.h"
#include "em-points.h"

G_BEGIN_DECLS

/* Reads the hand-written key files (.scorecard, .answers) and reports every
 * problem in them, as “[group] key: reason”, instead of stopping at the
 * first one the way GKeyFile does.  Internal to the core.
 */
typedef struct _EmKeyReader EmKeyReader;

EmKeyReader *em_key_reader_new            (const char          *data,
                                           gsize                length,
                                           const char * const  *verbatim_keys,
                                           GPtrArray           *problems);
void         em_key_reader_free           (EmKeyReader         *self);
GKeyFile    *em_key_reader_get_keyfile    (EmKeyReader         *self);
GPtrArray   *em_key_reader_get_problems   (EmKeyReader         *self);
guint        em_key_reader_get_line       (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key);
gboolean     em_key_reader_has_key        (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key);
void         em_key_reader_sort_problems  (EmKeyReader         *self,
                                           guint                from);
void         em_key_reader_check_keys     (EmKeyReader         *self,
                                           const char          *group,
                                           const char * const  *known_keys,
                                           const char * const  *translatable_keys);

/* Each getter returns FALSE when the key is absent or unusable (a problem
 * has then been reported, except for an absent optional key); @present says
 * whether the key was given at all.
 */
gboolean     em_key_reader_get_string     (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key,
                                           gboolean             required,
                                           char               **out_value);
EmLocalized *em_key_reader_get_localized  (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key,
                                           gboolean             required);
gboolean     em_key_reader_get_points     (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key,
                                           gboolean            *present,
                                           EmPoints            *out_points);
gboolean     em_key_reader_get_count      (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key,
                                           gboolean            *present,
                                           gint64              *out_count);
gboolean     em_key_reader_get_boolean    (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key,
                                           gboolean            *present,
                                           gboolean            *out_value);

void         em_key_reader_missing        (EmKeyReader         *self,
                                           const char          *group,
                                           const char          *key,
                                           const char          *why);

gboolean     em_points_parse_checked      (const char          *text,
                                           EmPoints            *out_points,
                                           char               **out_reason);

/* Largest figures a file may use; they keep every product far from
 * overflowing 64 bits.
 */
#define EM_POINTS_LIMIT EM_POINTS (100000)
#define EM_COUNT_LIMIT  100000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmKeyReader, em_key_reader_free)

G_END_DECLS
