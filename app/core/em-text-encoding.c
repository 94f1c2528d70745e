/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-text-encoding"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>

#include "em-text-encoding.h"

const char *
em_text_encoding_to_string (EmTextEncoding encoding)
{
  switch (encoding)
    {
    case EM_TEXT_ENCODING_UTF8:
      return "UTF-8";
    case EM_TEXT_ENCODING_UTF8_BOM:
      return "UTF-8 with BOM";
    case EM_TEXT_ENCODING_GB18030:
      return "GB18030";
    case EM_TEXT_ENCODING_UTF16:
      return "UTF-16";
    case EM_TEXT_ENCODING_UNKNOWN:
    default:
      return "unknown";
    }
}

void
em_text_sniffer_init (EmTextSniffer *self)
{
  memset (self, 0, sizeof *self);
  self->utf8_valid = TRUE;
}

static guint
utf8_sequence_length (guint8 lead)
{
  if (lead >= 0xf0)
    return 4;
  if (lead >= 0xe0)
    return 3;
  return 2;
}

/* Completes a character split between two chunks; returns how many bytes
 * of @data it took.
 */
static gsize
finish_carried_character (EmTextSniffer *self,
                          const char    *data,
                          gsize          length)
{
  guint expected = utf8_sequence_length (self->carry[0]);
  gsize take = MIN (expected - self->n_carry, length);

  memcpy (self->carry + self->n_carry, data, take);
  self->n_carry += take;

  if (self->n_carry == expected)
    {
      if (!g_utf8_validate_len ((const char *) self->carry, expected, NULL))
        self->utf8_valid = FALSE;
      self->n_carry = 0;
    }

  return take;
}

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define LOW_BITS  G_GUINT64_CONSTANT (0x0101010101010101)

/* Eight bytes of ASCII other than NUL: nothing to check. */
static inline gboolean
is_plain_ascii (const char *data)
{
  guint64 word;

  memcpy (&word, data, sizeof word);
  return ((word | ((word - LOW_BITS) & ~word)) & HIGH_BITS) == 0;
}

/* How much of @data g_utf8_validate_len() must see at once: up to the
 * next eight plain ASCII bytes (a character boundary), or all of it.
 */
static gsize
span_to_check (const char *data,
               gsize       length)
{
  gsize span = 8;

  while (span + 8 <= length && !is_plain_ascii (data + span))
    span += 8;

  return span + 8 <= length ? span : length;
}

static void
validate_utf8 (EmTextSniffer *self,
               const char    *data,
               gsize          length)
{
  const char *end = NULL;
  const char *data_end = data + length;
  gsize remaining;

  /* Call lists are mostly ASCII: skip it eight bytes at a time. */
  for (const char *p = data; p < data_end;)
    {
      gsize span;

      while (p + 8 <= data_end && is_plain_ascii (p))
        p += 8;
      if (p == data_end)
        return;

      span = span_to_check (p, data_end - p);
      if (!g_utf8_validate_len (p, span, &end))
        break;
      p += span;
      end = NULL;
    }

  if (end == NULL)
    return;

  remaining = data + length - end;
  if (*end == '\0')
    self->has_nul = TRUE;
  else if (remaining < 4 && g_utf8_get_char_validated (end, remaining) == (gunichar) -2)
    {
      memcpy (self->carry, end, remaining);
      self->n_carry = remaining;
    }
  else
    {
      self->utf8_valid = FALSE;
      self->has_nul = memchr (end, '\0', remaining) != NULL;
    }
}

void
em_text_sniffer_feed (EmTextSniffer *self,
                      const char    *data,
                      gsize          length)
{
  for (gsize i = 0; self->n_bytes + i < sizeof self->head && i < length; i++)
    self->head[self->n_bytes + i] = data[i];
  self->n_bytes += length;

  if (self->has_nul)
    return;

  if (self->utf8_valid && self->n_carry > 0)
    {
      gsize taken = finish_carried_character (self, data, length);
      data += taken;
      length -= taken;
    }

  if (self->utf8_valid)
    validate_utf8 (self, data, length);
  else if (memchr (data, '\0', length) != NULL)
    self->has_nul = TRUE;
}

/* Whether the bytes fed so far may still be UTF-8 text: FALSE once they
 * cannot, TRUE until the end says (em_text_sniffer_finish()).
 */
gboolean
em_text_sniffer_may_be_utf8 (EmTextSniffer *self)
{
  return self->utf8_valid && !self->has_nul;
}

static gboolean
head_starts_with (EmTextSniffer *self,
                  const char    *bytes,
                  gsize          length)
{
  return self->n_bytes >= length && memcmp (self->head, bytes, length) == 0;
}

EmTextEncoding
em_text_sniffer_finish (EmTextSniffer *self,
                        gsize         *out_bom_length)
{
  gboolean utf8 = self->utf8_valid && self->n_carry == 0;

  *out_bom_length = 0;

  if (head_starts_with (self, "\xff\xfe", 2) || head_starts_with (self, "\xfe\xff", 2))
    return EM_TEXT_ENCODING_UTF16;

  if (self->has_nul)
    return EM_TEXT_ENCODING_UNKNOWN;

  if (head_starts_with (self, "\xef\xbb\xbf", 3))
    {
      /* A BOM promises UTF-8; bytes that break the promise mean a damaged
       * or mixed file, which no single decoding would read right.
       */
      *out_bom_length = 3;
      return utf8 ? EM_TEXT_ENCODING_UTF8_BOM : EM_TEXT_ENCODING_UNKNOWN;
    }

  if (utf8)
    return EM_TEXT_ENCODING_UTF8;

  if (head_starts_with (self, "\x84\x31\x95\x33", 4))
    *out_bom_length = 4;

  return EM_TEXT_ENCODING_GB18030;
}

struct _EmTextDecoder
{
  EmTextEncoding encoding;
  GIConv         cd;
};

EmTextDecoder *
em_text_decoder_new (EmTextEncoding encoding)
{
  EmTextDecoder *self = g_new0 (EmTextDecoder, 1);

  self->encoding = encoding;
  self->cd = (GIConv) -1;

  if (encoding == EM_TEXT_ENCODING_GB18030)
    {
      self->cd = g_iconv_open ("UTF-8", "GB18030");
      /* glibc always has GB18030; fall back to GBK on a C library without it. */
      if (self->cd == (GIConv) -1)
        self->cd = g_iconv_open ("UTF-8", "GBK");
      if (self->cd == (GIConv) -1)
        g_critical ("No converter from GB18030 to UTF-8");
    }

  return self;
}

void
em_text_decoder_free (EmTextDecoder *self)
{
  if (self == NULL)
    return;

  if (self->cd != (GIConv) -1)
    g_iconv_close (self->cd);
  g_free (self);
}

static gboolean
is_ascii (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] >= 0x80)
      return FALSE;

  return TRUE;
}

/* Returns FALSE (appending nothing) when @data is not valid in the
 * decoder's encoding.
 */
gboolean
em_text_decoder_append (EmTextDecoder *self,
                        const char    *data,
                        gsize          length,
                        GString       *out)
{
  gsize start = out->len;
  gsize in_left = length;
  gsize out_left = length * 2 + 4;  /* GB18030 → UTF-8 grows by at most 3/2 */
  char *in = (char *) data;
  char *dest;
  gsize rc;

  if (self->encoding != EM_TEXT_ENCODING_GB18030 || is_ascii (data, length))
    {
      g_string_append_len (out, data, length);
      return TRUE;
    }

  if (self->cd == (GIConv) -1)
    return FALSE;

  g_string_set_size (out, start + out_left);
  dest = out->str + start;
  rc = g_iconv (self->cd, &in, &in_left, &dest, &out_left);
  g_iconv (self->cd, NULL, NULL, NULL, NULL);

  if (rc == (gsize) -1 || in_left > 0)
    {
      g_string_truncate (out, start);
      return FALSE;
    }

  g_string_truncate (out, dest - out->str);
  return TRUE;
}
