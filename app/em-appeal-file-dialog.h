/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-appeal-store.h"

G_BEGIN_DECLS

#define EM_TYPE_APPEAL_FILE_DIALOG (em_appeal_file_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EmAppealFileDialog, em_appeal_file_dialog, EM, APPEAL_FILE_DIALOG, AdwWindow)

/* "File Appeal…": the items of a finalised evaluation that cost points,
 * to check, a reason, and who enters the appeal (the agent does not use
 * Earmark).  Emits ::filed with the new appeal's id, then closes; a
 * refusal is shown in the dialog, which stays open.
 */
EmAppealFileDialog *em_appeal_file_dialog_new (EmAppealStore *appeals,
                                               EmEvaluation  *evaluation,
                                               const char    *filed_by);

G_END_DECLS
