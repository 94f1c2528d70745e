/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int em_cli_fail_with_problems (GError *error);

G_END_DECLS
