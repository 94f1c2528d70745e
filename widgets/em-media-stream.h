/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EM_TYPE_MEDIA_STREAM (em_media_stream_get_type ())

G_DECLARE_FINAL_TYPE (EmMediaStream, em_media_stream, EM, MEDIA_STREAM, GtkMediaStream)

EmMediaStream *em_media_stream_new_for_file     (GFile         *file);
EmMediaStream *em_media_stream_new_for_filename (const char    *filename);

GFile         *em_media_stream_get_file         (EmMediaStream *self);
double         em_media_stream_get_rate         (EmMediaStream *self);
void           em_media_stream_set_rate         (EmMediaStream *self,
                                                 double         rate);

G_END_DECLS
