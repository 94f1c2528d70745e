/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-db.h"
#include "em-scorecard.h"

G_BEGIN_DECLS

/* Scorecards in the database (tables scorecards, scorecard_versions).
 *
 * Importing a scorecard stores its text as a revision of the scorecard
 * with the same Id: changed text makes a new revision (1, 2, …), the same
 * text again reuses the revision it already is.  A revision an evaluation
 * uses is frozen: it is never changed nor deleted, so old evaluations keep
 * scoring against the exact scorecard they were made with.
 */

typedef struct
{
  gint64    version_id;     /* scorecard_versions.id: what evaluations refer to */
  gint64    scorecard_id;
  char     *key;            /* the file's Id= */
  char     *title;
  guint     revision;       /* 1, 2, … in import order */
  guint     file_version;   /* the file's Version= */
  gboolean  frozen;
  gint64    created_at;     /* unix seconds, UTC */
} EmScorecardVersionInfo;

gint64       em_scorecard_store_import          (EmDb         *db,
                                                 EmScorecard  *scorecard,
                                                 const char   *actor,
                                                 gboolean     *out_created,
                                                 GError      **error);
gint64       em_scorecard_store_import_file     (EmDb         *db,
                                                 const char   *path,
                                                 const char   *actor,
                                                 gboolean     *out_created,
                                                 GError      **error);
EmScorecard *em_scorecard_store_load_version    (EmDb         *db,
                                                 gint64        version_id,
                                                 GError      **error);
gint64       em_scorecard_store_find_latest     (EmDb         *db,
                                                 const char   *key,
                                                 GError      **error);
GPtrArray   *em_scorecard_store_list_versions   (EmDb         *db,
                                                 const char   *key,
                                                 GError      **error);
gboolean     em_scorecard_store_get_info        (EmDb         *db,
                                                 gint64        version_id,
                                                 EmScorecardVersionInfo **out_info,
                                                 GError      **error);
gboolean     em_scorecard_store_freeze          (EmDb         *db,
                                                 gint64        version_id,
                                                 GError      **error);
gboolean     em_scorecard_store_replace_version (EmDb         *db,
                                                 gint64        version_id,
                                                 EmScorecard  *scorecard,
                                                 const char   *actor,
                                                 GError      **error);
gboolean     em_scorecard_store_delete_version  (EmDb         *db,
                                                 gint64        version_id,
                                                 const char   *actor,
                                                 GError      **error);

void         em_scorecard_version_info_free     (EmScorecardVersionInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmScorecardVersionInfo, em_scorecard_version_info_free)

G_END_DECLS
