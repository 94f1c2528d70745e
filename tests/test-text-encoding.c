/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-text-encoding.h"

/* The rule of DESIGN.md §3: valid UTF-8 (with or without a BOM) is UTF-8,
 * anything else GB18030.  Bytes are fed in pieces of every size, so a
 * character split between two reads is still recognised.
 */

static EmTextEncoding
sniff (const char *data,
       gsize       length,
       gsize       piece,
       gsize      *out_bom_length)
{
  EmTextSniffer sniffer;

  em_text_sniffer_init (&sniffer);
  for (gsize i = 0; i < length; i += piece)
    em_text_sniffer_feed (&sniffer, data + i, MIN (piece, length - i));

  return em_text_sniffer_finish (&sniffer, out_bom_length);
}

static void
assert_sniffed (const char     *data,
                gsize           length,
                EmTextEncoding  expected,
                gsize           expected_bom)
{
  for (gsize piece = 1; piece <= length + 1; piece++)
    {
      gsize bom = 99;

      g_assert_cmpint (sniff (data, length, piece, &bom), ==, expected);
      g_assert_cmpuint (bom, ==, expected_bom);
    }
}

#define ASSERT_SNIFFED(literal, expected, bom) \
  assert_sniffed (literal, sizeof (literal) - 1, expected, bom)

static void
test_sniffer (void)
{
  ASSERT_SNIFFED ("", EM_TEXT_ENCODING_UTF8, 0);
  ASSERT_SNIFFED ("call_id,agent\n", EM_TEXT_ENCODING_UTF8, 0);
  ASSERT_SNIFFED ("通话编号,坐席工号\r\n王芳,𠀀\n", EM_TEXT_ENCODING_UTF8, 0);
  ASSERT_SNIFFED ("\xef\xbb\xbf通话编号\n", EM_TEXT_ENCODING_UTF8_BOM, 3);
  /* 张伟 in GBK, then GB18030 with its own BOM. */
  ASSERT_SNIFFED ("id,name\nA1,\xd5\xc5\xce\xb0\n", EM_TEXT_ENCODING_GB18030, 0);
  ASSERT_SNIFFED ("\x84\x31\x95\x33id\n", EM_TEXT_ENCODING_GB18030, 4);
  /* A UTF-8 character cut off by the end of the file is not UTF-8. */
  ASSERT_SNIFFED ("id,\xe5\xbc", EM_TEXT_ENCODING_GB18030, 0);
  ASSERT_SNIFFED ("\xff\xfe" "i\0d\0", EM_TEXT_ENCODING_UTF16, 0);
  ASSERT_SNIFFED ("\xfe\xff" "\0i\0d", EM_TEXT_ENCODING_UTF16, 0);
  ASSERT_SNIFFED ("id\0name", EM_TEXT_ENCODING_UNKNOWN, 0);
  ASSERT_SNIFFED ("\xd5\xc5,id\0", EM_TEXT_ENCODING_UNKNOWN, 0);
  /* A BOM that promises UTF-8, then GBK bytes: no single reading is right. */
  ASSERT_SNIFFED ("\xef\xbb\xbfid,\xd5\xc5\n", EM_TEXT_ENCODING_UNKNOWN, 3);
}

static void
test_decoder (void)
{
  g_autoptr(EmTextDecoder) gb = em_text_decoder_new (EM_TEXT_ENCODING_GB18030);
  g_autoptr(EmTextDecoder) utf8 = em_text_decoder_new (EM_TEXT_ENCODING_UTF8);
  g_autoptr(GString) out = g_string_new ("x");

  g_assert_true (em_text_decoder_append (gb, "\xd5\xc5\xce\xb0", 4, out));
  g_assert_cmpstr (out->str, ==, "x张伟");
  g_assert_true (em_text_decoder_append (gb, "A001", 4, out));
  g_assert_cmpstr (out->str, ==, "x张伟A001");
  /* A four-byte GB18030 character: U+20000. */
  g_assert_true (em_text_decoder_append (gb, "\x95\x32\x82\x36", 4, out));
  g_assert_cmpstr (out->str, ==, "x张伟A001𠀀");

  /* A broken character appends nothing, and the decoder goes on. */
  g_assert_false (em_text_decoder_append (gb, "\xd5", 1, out));
  g_assert_false (em_text_decoder_append (gb, "\xd5\x20", 2, out));
  g_assert_cmpstr (out->str, ==, "x张伟A001𠀀");
  g_assert_true (em_text_decoder_append (gb, "\xb0\xa1", 2, out));
  g_assert_cmpstr (out->str, ==, "x张伟A001𠀀啊");

  g_string_truncate (out, 0);
  g_assert_true (em_text_decoder_append (utf8, "王芳", strlen ("王芳"), out));
  g_assert_cmpstr (out->str, ==, "王芳");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-encoding/sniffer", test_sniffer);
  g_test_add_func ("/text-encoding/decoder", test_decoder);

  return g_test_run ();
}
