/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-application.h"
#include "em-i18n.h"
#include "earmark-resources.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(EmApplication) app = NULL;

  em_i18n_init ();

  earmark_register_resource ();

  app = em_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
