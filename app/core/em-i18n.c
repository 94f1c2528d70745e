/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-i18n"

#include "config.h"

#include <libintl.h>
#include <glib/gi18n.h>

#include "em-i18n.h"

/* Where the translations are read from.  An installed Earmark finds them
 * under the install prefix (LOCALEDIR); a build tree has them in
 * build/po/<lang>/LC_MESSAGES/earmark.mo, which `meson compile -C build
 * demo`, `meson devenv` and the tests name with EARMARK_LOCALEDIR, so
 * that the Chinese interface can be run and tested without installing.
 */
const char *
em_i18n_get_localedir (void)
{
  const char *dir = g_getenv (EM_LOCALEDIR_VARIABLE);

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

/**
 * em_i18n_init:
 *
 * Binds Earmark's message catalogue and makes it the default domain, so
 * that _() and the GtkBuilder templates (which name no domain) use it.
 * Both binaries call it first thing in main().
 */
void
em_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, em_i18n_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
