/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define EM_CORE_RESOURCE_PATH "/io/github/earmark/Earmark/core"

void em_core_init (void);

G_END_DECLS
