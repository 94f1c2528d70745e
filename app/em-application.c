/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-application.h"
#include "em-window.h"

struct _EmApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  EmDb           *db;
  GError         *db_error;
};

G_DEFINE_FINAL_TYPE (EmApplication, em_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database to open (default: ~/.local/share/earmark/earmark.db)"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { NULL }
};

EmApplication *
em_application_new (void)
{
  return g_object_new (EM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/earmark/Earmark",
                       NULL);
}

EmDb *
em_application_get_db (EmApplication *self)
{
  g_return_val_if_fail (EM_IS_APPLICATION (self), NULL);

  return self->db;
}

const char *
em_application_get_db_path (EmApplication *self)
{
  g_return_val_if_fail (EM_IS_APPLICATION (self), NULL);

  return self->db_path;
}

static int
em_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  EmApplication *self = EM_APPLICATION (app);
  g_autofree char *db_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("earmark %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^ay", &db_path) && db_path[0] != '\0')
    {
      g_free (self->db_path);
      self->db_path = g_steal_pointer (&db_path);
    }

  return -1;
}

static void
em_application_activate (GApplication *app)
{
  EmApplication *self = EM_APPLICATION (app);
  GtkWindow *window;

  if ((window = gtk_application_get_active_window (GTK_APPLICATION (app))))
    {
      gtk_window_present (window);
      return;
    }

  if (self->db == NULL && self->db_error == NULL)
    self->db = em_db_open (self->db_path, &self->db_error);

  window = GTK_WINDOW (em_window_new (self, self->db));
  if (self->db_error != NULL)
    em_window_show_database_error (EM_WINDOW (window), self->db_path, self->db_error);

  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Earmark developers"), NULL };
  /* Translators: your names, one per line */
  const char *translators = _("translator-credits");

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Earmark"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Call-center quality inspection: listen, score, report"),
                         "developers", developers,
                         "translator-credits",
                         g_str_equal (translators, "translator-credits") ? NULL : translators,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
em_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (em_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
em_application_finalize (GObject *object)
{
  EmApplication *self = (EmApplication *) object;

  g_clear_object (&self->db);
  g_clear_error (&self->db_error);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (em_application_parent_class)->finalize (object);
}

static void
em_application_class_init (EmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = em_application_finalize;
  app_class->handle_local_options = em_application_handle_local_options;
  app_class->startup = em_application_startup;
  app_class->activate = em_application_activate;
}

static void
em_application_init (EmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}
