/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EM_LOCALEDIR_VARIABLE "EARMARK_LOCALEDIR"

void         em_i18n_init          (void);
const char  *em_i18n_get_localedir (void);

G_END_DECLS
