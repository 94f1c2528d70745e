/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A text with its translations, from “Title=…”, “Title[zh_CN]=…”,
 * “Title[en]=…”.  Lookups follow GLib's locale fallback (zh_CN.UTF-8 →
 * zh_CN → zh) and end at the untranslated text.
 */
typedef struct _EmLocalized EmLocalized;

EmLocalized *em_localized_new       (const char         *value);
void         em_localized_free      (EmLocalized        *self);
void         em_localized_add       (EmLocalized        *self,
                                     const char         *locale,
                                     const char         *value);
const char  *em_localized_get       (const EmLocalized  *self,
                                     const char         *locale);
const char  *em_localized_get_untranslated (const EmLocalized *self);
char       **em_localized_dup_locales (const EmLocalized *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmLocalized, em_localized_free)

G_END_DECLS
