/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "em-db.h"

G_BEGIN_DECLS

/* Exit codes of earmark-cli (DESIGN.md §11). */
enum {
  EM_CLI_OK        = 0,
  EM_CLI_BAD_INPUT = 1,   /* nothing was changed */
  EM_CLI_USAGE     = 2,
};

/* Each subcommand gets argv starting at its own name. */
typedef int (*EmCliCommandFunc) (int    argc,
                                 char **argv);

int   em_cli_usage_error  (GOptionContext  *context,
                           const char      *format,
                           ...) G_GNUC_PRINTF (2, 3);
int   em_cli_fail         (GError          *error);
EmDb *em_cli_open_db      (const char      *path,
                           GError         **error);

int em_cli_import_calls (int argc, char **argv);
int em_cli_validate     (int argc, char **argv);
int em_cli_score        (int argc, char **argv);
int em_cli_evaluate     (int argc, char **argv);
int em_cli_month        (int argc, char **argv);
int em_cli_export       (int argc, char **argv);
int em_cli_sample       (int argc, char **argv);
int em_cli_demo         (int argc, char **argv);

G_END_DECLS
