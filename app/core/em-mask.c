/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-mask"

#include "config.h"

#include "em-mask.h"

/* Caller numbers are personal data (seed 004): shown and exported masked
 * unless the user asks otherwise.  The usual Chinese form keeps the first
 * three and last four digits, 138****5678; shorter numbers keep less so
 * that at least half of the digits are hidden.  Only digits are masked;
 * separators such as '-' stay where they are, and an international prefix
 * ("+86 ") is kept and not counted.
 */
char *
em_mask_phone (const char *number)
{
  g_autoptr(GString) out = NULL;
  guint n_digits = 0;
  guint keep_head, keep_tail, index = 0;
  const char *start = number;

  if (number == NULL)
    return NULL;

  out = g_string_sized_new (strlen (number));

  if (*start == '+')
    {
      for (start++; g_ascii_isdigit (*start); start++)
        ;
      g_string_append_len (out, number, start - number);
    }

  /* A landline written with its area code ("0571-88887040") keeps the
   * area code, which says only where the caller is: 0571-****7040.
   */
  if (*start == '0')
    {
      const char *p = start;

      while (g_ascii_isdigit (*p))
        p++;
      if (p - start >= 3 && p - start <= 4 && (*p == '-' || *p == ' ') && g_ascii_isdigit (p[1]))
        {
          g_string_append_len (out, start, p - start + 1);
          start = p + 1;
        }
    }

  for (const char *p = start; *p; p++)
    if (g_ascii_isdigit (*p))
      n_digits++;

  if (n_digits >= 11)
    keep_head = 3, keep_tail = 4;
  else if (start != number && n_digits >= 7)
    keep_head = 0, keep_tail = 4;   /* the local part of a landline */
  else if (n_digits >= 7)
    keep_head = 2, keep_tail = 2;
  else if (n_digits >= 3)
    keep_head = 0, keep_tail = 1;
  else
    keep_head = 0, keep_tail = n_digits;   /* a service code, not personal */

  for (const char *p = start; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (index < keep_head || index >= n_digits - keep_tail)
        g_string_append_c (out, *p);
      else
        g_string_append_c (out, '*');
      index++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
