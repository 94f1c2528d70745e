/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EM_ERROR (em_error_quark ())

/* One error domain for everything the core reports.  SQLite, libcsv and
 * libxlsxwriter codes are translated into these, with a message a person
 * can act on.
 */
typedef enum
{
  EM_ERROR_FAILED,
  EM_ERROR_INVALID_INPUT,      /* a file or argument the user gave is malformed */
  EM_ERROR_NOT_FOUND,          /* a call, agent, scorecard … that does not exist */
  EM_ERROR_DATABASE,           /* any other SQLite failure */
  EM_ERROR_DATABASE_CORRUPT,   /* not a database, or a damaged one */
  EM_ERROR_DATABASE_LOCKED,    /* another process holds the lock */
  EM_ERROR_DATABASE_TOO_NEW,   /* written by a newer Earmark */
  EM_ERROR_READ_ONLY,          /* e.g. a finalised evaluation */
  EM_ERROR_IO,                 /* reading or writing a file failed */
  EM_ERROR_CANCELLED,
} EmError;

GQuark em_error_quark (void);

G_END_DECLS
