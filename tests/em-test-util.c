/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-test"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

#include "em-test-util.h"

char *
em_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("earmark-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
em_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      if ((dir = g_dir_open (path, 0, NULL)))
        while ((name = g_dir_read_name (dir)))
          {
            g_autofree char *child = g_build_filename (path, name, NULL);
            em_test_rm_rf (child);
          }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
em_test_fixture (const char *name)
{
  return g_build_filename (SOURCE_DIR, "tests", "fixtures", name, NULL);
}

char *
em_test_source_file (const char *relative_path)
{
  return g_build_filename (SOURCE_DIR, relative_path, NULL);
}

/* Runs the built earmark-cli with @args (NULL-terminated, without the
 * program name) and returns its exit status.
 */
int
em_test_run_cli (const char  **args,
                 char        **out_stdout,
                 char        **out_stderr)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) BUILD_DIR "/app/earmark-cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

char *
em_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(missing)");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

void
em_test_write_file (const char *path,
                    const char *contents,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

void
em_test_dir_setup (EmTestDir     *f,
                   gconstpointer  data)
{
  f->dir = em_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "earmark.db", NULL);
}

void
em_test_dir_teardown (EmTestDir     *f,
                      gconstpointer  data)
{
  em_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->db_path, g_free);
}
