/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The encodings call lists come in (DESIGN.md §3): UTF-8, UTF-8 with a
 * byte-order mark (Excel's "CSV UTF-8"), and GB18030, the superset of GBK
 * that Excel and WPS write on Chinese Windows.  The rule is the usual one:
 * a file that is valid UTF-8 is UTF-8, anything else is GB18030.
 */
typedef enum
{
  EM_TEXT_ENCODING_UNKNOWN,    /* not text: it contains NUL bytes */
  EM_TEXT_ENCODING_UTF8,
  EM_TEXT_ENCODING_UTF8_BOM,
  EM_TEXT_ENCODING_GB18030,
  EM_TEXT_ENCODING_UTF16,      /* Excel's "Unicode text": not supported */
} EmTextEncoding;

const char *em_text_encoding_to_string (EmTextEncoding encoding);

/* Decides the encoding from the whole file, fed in chunks of any size, so
 * a file whose first Chinese character comes late is still read right.
 */
typedef struct
{
  /*< private >*/
  guint64  n_bytes;
  guint8   head[4];
  guint8   carry[4];
  guint    n_carry;
  gboolean utf8_valid;
  gboolean has_nul;
} EmTextSniffer;

void            em_text_sniffer_init   (EmTextSniffer *self);
void            em_text_sniffer_feed   (EmTextSniffer *self,
                                        const char    *data,
                                        gsize          length);
EmTextEncoding  em_text_sniffer_finish (EmTextSniffer *self,
                                        gsize         *out_bom_length);
gboolean        em_text_sniffer_may_be_utf8 (EmTextSniffer *self);

/* Appends text in the detected encoding to a UTF-8 string.  In GB18030 the
 * ASCII bytes (quotes, commas, line ends) never occur inside a multi-byte
 * character, so a CSV parser can split the raw bytes and each field can be
 * converted on its own.
 */
typedef struct _EmTextDecoder EmTextDecoder;

EmTextDecoder  *em_text_decoder_new    (EmTextEncoding  encoding);
void            em_text_decoder_free   (EmTextDecoder  *self);
gboolean        em_text_decoder_append (EmTextDecoder  *self,
                                        const char     *data,
                                        gsize           length,
                                        GString        *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmTextDecoder, em_text_decoder_free)

G_END_DECLS
