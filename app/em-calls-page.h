/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-call.h"
#include "em-call-list-model.h"
#include "em-db.h"

G_BEGIN_DECLS

#define EM_TYPE_CALLS_PAGE (em_calls_page_get_type ())

G_DECLARE_FINAL_TYPE (EmCallsPage, em_calls_page, EM, CALLS_PAGE, AdwBin)

/* The Calls page (DESIGN.md §9): every imported call in a column view
 * sorted by any column, a search, and "Import Calls…" / "Load Demo Data".
 *
 * Actions (group "calls"): calls.import, calls.load-demo, and
 * calls.open(x) — the calls.id of the call to open; it emits
 * ::open-call.  Activating a row activates calls.open.
 */
EmCallsPage     *em_calls_page_new           (void);
EmDb            *em_calls_page_get_db        (EmCallsPage *self);
void             em_calls_page_set_db        (EmCallsPage *self,
                                              EmDb        *db);
EmCallListModel *em_calls_page_get_model     (EmCallsPage *self);
void             em_calls_page_refresh       (EmCallsPage *self);
void             em_calls_page_import_file   (EmCallsPage *self,
                                              GFile       *file);
void             em_calls_page_load_demo     (EmCallsPage *self);

G_END_DECLS
