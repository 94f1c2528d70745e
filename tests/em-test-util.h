/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared helpers for Earmark's tests. */

char     *em_test_make_tmpdir   (void);
void      em_test_rm_rf         (const char   *path);
char     *em_test_fixture       (const char   *name);
char     *em_test_source_file   (const char   *relative_path);
int       em_test_run_cli       (const char  **args,
                                 char        **out_stdout,
                                 char        **out_stderr);
char     *em_test_file_checksum (const char   *path);
void      em_test_write_file    (const char   *path,
                                 const char   *contents,
                                 gssize        length);

/* A fixture of a fresh temporary folder and the path of a database in it
 * (not created), for g_test_add().
 */
typedef struct
{
  char *dir;
  char *db_path;
} EmTestDir;

void      em_test_dir_setup     (EmTestDir     *f,
                                 gconstpointer  data);
void      em_test_dir_teardown  (EmTestDir     *f,
                                 gconstpointer  data);

G_END_DECLS
