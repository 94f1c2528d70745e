/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "em-evaluation.h"

G_BEGIN_DECLS

char *em_audit_text_describe (const char   *detail,
                              EmEvaluation *evaluation);

G_END_DECLS
