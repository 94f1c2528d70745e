/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"

G_BEGIN_DECLS

#define EM_TYPE_APPLICATION (em_application_get_type ())

G_DECLARE_FINAL_TYPE (EmApplication, em_application, EM, APPLICATION, AdwApplication)

EmApplication *em_application_new      (void);
EmDb          *em_application_get_db   (EmApplication *self);
const char    *em_application_get_db_path (EmApplication *self);

G_END_DECLS
