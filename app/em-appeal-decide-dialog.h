/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-appeal-store.h"

G_BEGIN_DECLS

#define EM_TYPE_APPEAL_DECIDE_DIALOG (em_appeal_decide_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EmAppealDecideDialog, em_appeal_decide_dialog, EM, APPEAL_DECIDE_DIALOG, AdwWindow)

/* "Decide Appeal…": per disputed item Uphold or Overturn, a comment, who
 * decides, and the total the evaluation will have, shown before "Decide"
 * is pressed.  Items left undecided stay pending (the appeal stays open).
 * Emits ::decided, then closes; a refusal is shown in the dialog.
 */
EmAppealDecideDialog *em_appeal_decide_dialog_new (EmAppealStore *appeals,
                                                   EmEvaluation  *evaluation,
                                                   gint64         appeal_id,
                                                   const char    *decided_by);

G_END_DECLS
