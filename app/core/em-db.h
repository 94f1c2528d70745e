/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define EM_TYPE_DB (em_db_get_type ())

G_DECLARE_FINAL_TYPE (EmDb, em_db, EM, DB, GObject)

#define EM_DB_SCHEMA_VERSION 1

EmDb         *em_db_open                  (const char    *path,
                                           GError       **error);
const char   *em_db_get_path              (EmDb          *self);
sqlite3      *em_db_get_handle            (EmDb          *self);
char         *em_db_default_path          (void);

sqlite3_stmt *em_db_prepare               (EmDb          *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      em_db_exec                  (EmDb          *self,
                                           const char    *sql,
                                           GError       **error);
gboolean      em_db_begin                 (EmDb          *self,
                                           GError       **error);
gboolean      em_db_commit                (EmDb          *self,
                                           GError       **error);
void          em_db_rollback              (EmDb          *self);

gboolean      em_db_set_error             (EmDb          *self,
                                           GError       **error,
                                           int            rc,
                                           const char    *what);

char         *em_db_get_setting           (EmDb          *self,
                                           const char    *key);
gboolean      em_db_set_setting           (EmDb          *self,
                                           const char    *key,
                                           const char    *value,
                                           GError       **error);
char         *em_db_dup_recordings_dir    (EmDb          *self);

gboolean      em_db_audit                 (EmDb          *self,
                                           const char    *actor,
                                           const char    *action,
                                           const char    *entity,
                                           gint64         entity_id,
                                           const char    *detail,
                                           GError       **error);

gint64        em_db_ensure_team           (EmDb          *self,
                                           const char    *name,
                                           GError       **error);
gint64        em_db_ensure_agent          (EmDb          *self,
                                           const char    *code,
                                           const char    *name,
                                           gint64         team_id,
                                           GError       **error);

G_END_DECLS
