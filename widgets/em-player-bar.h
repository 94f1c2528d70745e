/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define EM_TYPE_PLAYER_BAR (em_player_bar_get_type ())

G_DECLARE_FINAL_TYPE (EmPlayerBar, em_player_bar, EM, PLAYER_BAR, GtkWidget)

GtkWidget      *em_player_bar_new          (void);

GtkMediaStream *em_player_bar_get_stream   (EmPlayerBar    *self);
void            em_player_bar_set_stream   (EmPlayerBar    *self,
                                            GtkMediaStream *stream);
double          em_player_bar_get_position (EmPlayerBar    *self);
double          em_player_bar_get_duration (EmPlayerBar    *self);
void            em_player_bar_seek_to      (EmPlayerBar    *self,
                                            double          seconds);
double          em_player_bar_get_rate     (EmPlayerBar    *self);
void            em_player_bar_set_rate     (EmPlayerBar    *self,
                                            double          rate);
const char     *em_player_bar_get_error    (EmPlayerBar    *self);
void            em_player_bar_set_error    (EmPlayerBar    *self,
                                            const char     *message);

G_END_DECLS
