/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-application.h"
#include "earmark-resources.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EmApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  earmark_register_resource ();

  app = em_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
