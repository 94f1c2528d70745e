/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-error"

#include "config.h"

#include "em-error.h"

G_DEFINE_QUARK (earmark-error-quark, em_error)
