/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call-import"

#include "config.h"

#include <glib/gi18n.h>

#include "em-call-import-private.h"

/* What an import did, for the caller: counts, the problems row by row, the
 * columns it ignored and the encoding it read.
 */

#define QUOTE_MAX_CHARS 40

static void
clear_problem (gpointer data)
{
  EmCallImportProblem *problem = data;

  g_free (problem->reason);
}

EmCallImportReport *
em_call_import_report_new (EmTextEncoding encoding)
{
  EmCallImportReport *report = g_new0 (EmCallImportReport, 1);

  report->encoding = encoding;

  report->problems = g_array_new (FALSE, FALSE, sizeof (EmCallImportProblem));
  g_array_set_clear_func (report->problems, clear_problem);
  report->unknown_columns = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  report->strings = g_string_chunk_new (256);

  return report;
}

void
em_call_import_report_free (EmCallImportReport *report)
{
  if (report == NULL)
    return;

  g_array_unref (report->problems);
  g_ptr_array_unref (report->unknown_columns);
  g_string_chunk_free (report->strings);
  g_free (report);
}

guint
em_call_import_report_get_n_imported (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_imported;
}

guint
em_call_import_report_get_n_duplicates (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_duplicates;
}

guint
em_call_import_report_get_n_skipped (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_skipped;
}

guint
em_call_import_report_get_n_problems (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->problems->len;
}

const EmCallImportProblem *
em_call_import_report_get_problem (EmCallImportReport *report,
                                   guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->problems->len, NULL);

  return &g_array_index (report->problems, EmCallImportProblem, index);
}

const char * const *
em_call_import_report_get_unknown_columns (EmCallImportReport *report)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (report != NULL, NULL);

  /* An empty null-terminated GPtrArray may not have allocated pdata yet. */
  if (report->unknown_columns->pdata == NULL)
    return none;

  return (const char * const *) report->unknown_columns->pdata;
}

const char *
em_call_import_report_get_encoding (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return em_text_encoding_to_string (report->encoding);
}

guint
em_call_import_report_get_n_rows (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_rows;
}

guint
em_call_import_report_get_n_bad_rows (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_bad_rows;
}

gint64
em_call_import_report_get_import_id (EmCallImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->import_id;
}

/* Problems */

/* A value as it can be shown inside a one-line message. */
char *
em_call_import_quote_value (const char *text)
{
  const char *end = text;
  glong n_chars = 0;

  while (*end != '\0' && *end != '\n' && *end != '\r' && n_chars < QUOTE_MAX_CHARS)
    {
      end = g_utf8_next_char (end);
      n_chars++;
    }

  if (*end == '\0')
    return g_strdup (text);

  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}
