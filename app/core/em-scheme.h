/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-points.h"

G_BEGIN_DECLS

/* A monthly scheme (月度考核方案, `.scheme`): which figures make up an
 * agent's monthly total, how each is banded into points and weighted, and
 * the grade bands.  The file format is described in README.md, "Monthly
 * scheme file".  A scheme is immutable once loaded, so one instance can be
 * shared between threads.
 */

typedef enum
{
  EM_METRIC_QA_SCORE,          /* mean of finalised, not excluded evaluation totals */
  EM_METRIC_ANSWER_RATE,       /* calls answered within Threshold s / calls with a known wait */
  EM_METRIC_SATISFACTION_RATE, /* ratings ≥ SatisfiedRating / rated calls */
  EM_METRIC_SATISFACTION_MEAN, /* (1a+2b+3c+4d+5e)/(a+b+c+d+e), seed 002 */
  EM_METRIC_RESOLUTION_RATE,   /* resolved / calls with a known resolved flag */
  EM_METRIC_AVERAGE_TALK_TIME, /* talk seconds / calls */
  EM_METRIC_TICKET_RATE,       /* tickets closed by their due time / tickets */
  EM_N_METRIC_KINDS
} EmMetricKind;

/* A band: a value at least (or, for a lower-is-better kind, at most)
 * @limit earns @points.  @limit is in the metric's centi-units: hundredths
 * of a percent, of a second, of a rating or of a point.  The last band of a
 * metric is the "everything else" band (@otherwise).
 */
typedef struct
{
  gint64   limit;
  EmPoints points;
  gboolean otherwise;
} EmSchemeBand;

typedef struct
{
  char         *id;
  EmMetricKind  kind;
  EmPoints      weight;          /* centi-units of weight; 0 = reported, not scored */
  EmSchemeBand *bands;
  guint         n_bands;         /* 0 = unbanded */
  EmPoints      max_points;      /* the best band's points */
  gint64        threshold_s;     /* answer-rate */
  int           satisfied_rating;/* satisfaction-rate */
  EmPoints      maximum;         /* unbanded qa-score: the score that counts as 100 */
} EmSchemeMetric;

typedef struct
{
  char     *id;
  EmPoints  minimum;
} EmSchemeGrade;

#define EM_TYPE_SCHEME (em_scheme_get_type ())

G_DECLARE_FINAL_TYPE (EmScheme, em_scheme, EM, SCHEME, GObject)

EmScheme             *em_scheme_new_from_file      (const char      *path,
                                                    GError         **error);
EmScheme             *em_scheme_new_from_data      (const char      *data,
                                                    gssize           length,
                                                    const char      *file_name,
                                                    GError         **error);
EmScheme             *em_scheme_new_default        (void);

const char           *em_scheme_get_id             (EmScheme        *self);
int                   em_scheme_get_version        (EmScheme        *self);
char                 *em_scheme_dup_title          (EmScheme        *self,
                                                    const char      *language);
char                 *em_scheme_dup_description    (EmScheme        *self,
                                                    const char      *language);

guint                 em_scheme_get_n_metrics      (EmScheme        *self);
const EmSchemeMetric *em_scheme_get_metric         (EmScheme        *self,
                                                    guint            index);
int                   em_scheme_find_metric        (EmScheme        *self,
                                                    EmMetricKind     kind);
char                 *em_scheme_dup_metric_title   (EmScheme        *self,
                                                    guint            index,
                                                    const char      *language);

guint                 em_scheme_get_n_grades       (EmScheme        *self);
const EmSchemeGrade  *em_scheme_get_grade          (EmScheme        *self,
                                                    guint            index);
char                 *em_scheme_dup_grade_title    (EmScheme        *self,
                                                    guint            index,
                                                    const char      *language);
int                   em_scheme_grade_for          (EmScheme        *self,
                                                    EmPoints         total);

const char           *em_metric_kind_to_string     (EmMetricKind     kind);
gboolean              em_metric_kind_lower_is_better (EmMetricKind   kind);
gboolean              em_metric_kind_is_rate       (EmMetricKind     kind);
gint64                em_metric_kind_centi_factor  (EmMetricKind     kind);

gboolean              em_scheme_metric_band_points (const EmSchemeMetric *metric,
                                                    gint64           num,
                                                    gint64           den,
                                                    EmPoints        *out_points);

G_END_DECLS
