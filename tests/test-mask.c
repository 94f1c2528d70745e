/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-mask.h"

static void
test_mask (void)
{
  struct { const char *in, *out; } cases[] = {
    { "13812345678", "138****5678" },
    { "+86 138-1234-5678", "+86 138-****-5678" },
    { "010-62345678", "010-****5678" },
    { "0571-88887040", "0571-****7040" },
    { "0571 8888 7040", "0571 **** 7040" },
    { "057188887040", "057*****7040" },
    { "62345678", "62****78" },
    { "12345", "****5" },
    { "95", "95" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = em_mask_phone (cases[i].in);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }

  g_assert_null (em_mask_phone (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mask/phone", test_mask);

  return g_test_run ();
}
