/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call-list-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "em-call-list-model.h"
#include "em-call-private.h"
#include "em-call-query-private.h"

/* EmCallListModel implements GListModel over SQL, so that a list of a
 * million calls costs what the screen shows, not what the table holds.
 *
 * Unfiltered and sorted by a column an index serves (the start time, the
 * call id, the agent), the number of items is one count(*) and items are
 * read in pages of PAGE_SIZE rows: the ids of a page come from an
 * ORDER BY … LIMIT … OFFSET on that index (em-call-query.c), then the
 * page's rows and their joins are read for those ids only.  Otherwise
 * (a filter, a search, or a sort on any other column) the ids of every
 * matching call are put in order once, into an array: by walking the
 * index, or by sorting the calls' keys in memory.  A page is then a slice
 * of it however deep it is.  The last MAX_PAGES pages are kept (least
 * recently used goes first), so scrolling back and forth reads nothing
 * twice.
 *
 * What a query costs up front (the count, the one-off sort, the first
 * page) is a Snapshot.  set_query() and refresh() compute it on the
 * model's own connection; their _async() versions compute it in a GTask
 * thread on a connection of its own, so that a search over a million
 * calls never blocks the UI.  One snapshot is computed at a time: a
 * request that arrives meanwhile cancels it (SQLite's progress handler
 * watches the GCancellable), and the newest request is computed next.
 * Requests are numbered and only the newest one's snapshot is applied,
 * with one items-changed; older ones are dropped.
 */

#define PAGE_SIZE 200
#define MAX_PAGES 16

typedef struct
{
  guint      index;
  GPtrArray *calls;
  GList      link;
} Page;

/* What a query needs before the list can show it. */
typedef struct
{
  guint      n_items;
  GPtrArray *first_page;   /* of EmCall: items 0 … PAGE_SIZE − 1 */
  GArray    *order;        /* of gint64 calls.id, when the ids are kept; else NULL */
  char      *page_sql;     /* else: the page at offset ?N+1 */
  GPtrArray *binds;        /* the N values of page_sql */
} Snapshot;

/* A snapshot computed in a thread. */
typedef struct
{
  EmCallQuery *query;
  char        *db_path;
  EmDb        *db;         /* the thread's connection, handed back to the model */
  guint64      serial;
} Job;

struct _EmCallListModel
{
  GObject       parent_instance;

  EmDb         *db;
  EmCallQuery  *query;       /* the newest query asked for */
  guint         n_items;

  GHashTable   *pages;       /* page index → Page, owned */
  GQueue        lru;         /* Page links, most recently used first */
  sqlite3_stmt *page_stmt;   /* indexed sorts: ?N+1 = the offset */
  GPtrArray    *binds;       /* the query's N values */
  GArray       *order;       /* see Snapshot */
  sqlite3_stmt *ids_stmt;    /* the rows of up to PAGE_SIZE ids */
  gboolean      ready;       /* a snapshot is applied */
  guint         n_pages_read;

  guint64       serial;      /* of the newest request */
  guint64       applied;     /* of the snapshot shown */
  GTask        *job;         /* the snapshot computed in a thread, if any */
  GCancellable *job_cancellable;
  EmDb         *worker_db;   /* the threads' connection, while no job runs */
  GPtrArray    *waiters;     /* GTasks of _async() calls for the newest request */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EmCallListModel, em_call_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DB,
  PROP_QUERY,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->calls);
  g_free (page);
}

static void
drop_pages (EmCallListModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_init (&self->lru);
}

static void
evict_oldest_page (EmCallListModel *self)
{
  GList *oldest = g_queue_pop_tail_link (&self->lru);
  Page *page = oldest->data;

  g_hash_table_remove (self->pages, GUINT_TO_POINTER (page->index));
}

static void
snapshot_free (Snapshot *snapshot)
{
  if (snapshot == NULL)
    return;

  g_clear_pointer (&snapshot->first_page, g_ptr_array_unref);
  g_clear_pointer (&snapshot->order, g_array_unref);
  g_clear_pointer (&snapshot->binds, g_ptr_array_unref);
  g_free (snapshot->page_sql);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static void
job_free (gpointer data)
{
  Job *job = data;

  em_call_query_free (job->query);
  g_free (job->db_path);
  g_clear_object (&job->db);
  g_free (job);
}

/* Reading, on any connection -------------------------------------------- */

/* SQLite calls this every few thousand steps of a statement; non-zero
 * interrupts the statement.
 */
static int
check_cancelled (gpointer user_data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (user_data));
}

static gboolean
set_read_error (EmDb          *db,
                GCancellable  *cancellable,
                GError       **error,
                int            rc,
                const char    *what)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return em_db_set_error (db, error, rc, what);
}

static gboolean
read_rows (EmDb          *db,
           sqlite3_stmt  *stmt,
           GPtrArray     *out,
           GCancellable  *cancellable,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, _em_call_new_from_stmt (stmt));
  /* Idle statements hold no lock. */
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return set_read_error (db, cancellable, error, rc, "reading calls");

  return TRUE;
}

/* Reads the rows of up to PAGE_SIZE ids (?1 … ?200, unused ones NULL);
 * read_ids() puts them in order.
 */
static sqlite3_stmt *
prepare_ids_statement (EmDb    *db,
                       GError **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " EM_CALL_COLUMNS " FROM " EM_CALL_FROM " WHERE c.id IN (");

  for (guint i = 1; i <= PAGE_SIZE; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);
  g_string_append_c (sql, ')');

  return em_db_prepare (db, sql->str, error);
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  GHashTable *positions = user_data;
  gint64 id_a = em_call_get_id (*(EmCall **) a);
  gint64 id_b = em_call_get_id (*(EmCall **) b);

  return GPOINTER_TO_INT (g_hash_table_lookup (positions, &id_a)) -
         GPOINTER_TO_INT (g_hash_table_lookup (positions, &id_b));
}

/* Returns: (transfer full): the calls of @order[@start … @start +
 * PAGE_SIZE), in that order
 */
static GPtrArray *
read_ids (EmDb          *db,
          sqlite3_stmt  *stmt,
          GArray        *order,
          guint          start,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint end = MIN (order->len, start + PAGE_SIZE);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  for (guint i = start; i < end; i++)
    {
      gint64 *id = &g_array_index (order, gint64, i);

      sqlite3_bind_int64 (stmt, i - start + 1, *id);
      g_hash_table_insert (positions, id, GUINT_TO_POINTER (i - start));
    }

  if (!read_rows (db, stmt, calls, cancellable, error))
    return NULL;

  g_ptr_array_sort_with_data (calls, compare_by_position, positions);
  return g_steal_pointer (&calls);
}

/* An index serves the sort and nothing is filtered: count, then read the
 * first page by OFFSET (a page deep in the list walks that many index
 * entries, a few milliseconds).
 */
static gboolean
compute_indexed (EmDb               *db,
                 const EmCallQuery  *query,
                 Snapshot           *snapshot,
                 GCancellable       *cancellable,
                 GError            **error)
{
  g_autofree char *from = _em_call_query_build_from (query);
  g_autofree char *where = _em_call_query_build_where (query, snapshot->binds);
  g_autofree char *order_by = _em_call_query_build_order_by (query);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM calls c %s", where);
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) page = NULL;
  int rc;

  snapshot->page_sql = g_strdup_printf ("SELECT " EM_CALL_COLUMNS " FROM "
                                        "(SELECT c.id FROM %s %s %s LIMIT %d OFFSET ?%u) p "
                                        "JOIN calls c ON c.id = p.id " EM_CALL_JOINS " %s",
                                        from, where, order_by, PAGE_SIZE, snapshot->binds->len + 1,
                                        order_by);

  if (!(count = em_db_prepare (db, count_sql, error)))
    return FALSE;
  _em_call_query_bind (count, snapshot->binds);
  if ((rc = sqlite3_step (count)) != SQLITE_ROW)
    return set_read_error (db, cancellable, error, rc, "counting calls");
  snapshot->n_items = (guint) MIN (sqlite3_column_int64 (count, 0), (gint64) G_MAXUINT);

  if (!(page = em_db_prepare (db, snapshot->page_sql, error)))
    return FALSE;
  _em_call_query_bind (page, snapshot->binds);
  sqlite3_bind_int64 (page, snapshot->binds->len + 1, 0);

  return read_rows (db, page, snapshot->first_page, cancellable, error);
}

/* With the ids in order (snapshot->order), reads the first page. */
static gboolean
read_first_ids (EmDb          *db,
                Snapshot      *snapshot,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) ids = NULL;
  GPtrArray *first_page;

  snapshot->n_items = MIN (snapshot->order->len, G_MAXUINT);
  if (!(ids = prepare_ids_statement (db, error)) ||
      !(first_page = read_ids (db, ids, snapshot->order, 0, cancellable, error)))
    return FALSE;

  g_ptr_array_unref (snapshot->first_page);
  snapshot->first_page = first_page;
  return TRUE;
}

/* A call as the in-memory sort sees it.  A text key's first 8 bytes,
 * big-endian, are its integer key too, so that most comparisons of text
 * are one of integers.
 */
typedef struct
{
  gint64      key;          /* NULL is G_MININT64 */
  const char *text;         /* text keys: the value, NULL for NULL */
  gint64      started_at;
  gint64      id;
} SortEntry;

#define INSERTION_SORT_MAX 16

/* SQLite's order: NULL first, then numbers, text by its bytes; ties by
 * the start time, then the row id, so the order is total.
 */
static inline gboolean
entry_before (const SortEntry *a,
              const SortEntry *b)
{
  if (a->key != b->key)
    return a->key < b->key;
  if (a->text != b->text)
    {
      int order = a->text == NULL ? -1 : b->text == NULL ? 1 : strcmp (a->text, b->text);
      if (order != 0)
        return order < 0;
    }
  if (a->started_at != b->started_at)
    return a->started_at < b->started_at;
  return a->id < b->id;
}

static inline gboolean
entry_in_order (const SortEntry *a,
                const SortEntry *b,
                gboolean         descending)
{
  return descending ? entry_before (b, a) : entry_before (a, b);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  gboolean descending = GPOINTER_TO_INT (user_data);

  if (entry_in_order (a, b, descending))
    return -1;
  return entry_in_order (b, a, descending) ? 1 : 0;
}

static void
insertion_sort (SortEntry *v,
                gsize      n,
                gboolean   descending)
{
  for (gsize i = 1; i < n; i++)
    {
      SortEntry x = v[i];
      gsize j = i;

      for (; j > 0 && entry_in_order (&x, &v[j - 1], descending); j--)
        v[j] = v[j - 1];
      v[j] = x;
    }
}

static inline void
swap_entries (SortEntry *a,
              SortEntry *b)
{
  SortEntry t = *a;

  *a = *b;
  *b = t;
}

/* Quicksort with the comparison inlined (a generic sort spends most of
 * its time calling back for a million keys); keys are all distinct.  A
 * pathological input falls back to GLib's sort past 2 log2 n levels.
 */
static void
sort_entries (SortEntry *v,
              gsize      n,
              guint      depth,
              gboolean   descending)
{
  while (n > INSERTION_SORT_MAX)
    {
      SortEntry *mid = v + n / 2, *last = v + n - 1;
      gsize i = 0, j = n - 1;

      if (depth-- == 0)
        {
          g_qsort_with_data (v, n, sizeof *v, compare_entries, GINT_TO_POINTER (descending));
          return;
        }

      /* The median of three goes first, as the pivot. */
      if (entry_in_order (mid, v, descending))
        swap_entries (mid, v);
      if (entry_in_order (last, mid, descending))
        {
          swap_entries (last, mid);
          if (entry_in_order (mid, v, descending))
            swap_entries (mid, v);
        }
      swap_entries (v, mid);

      for (;;)
        {
          do i++; while (i < n && entry_in_order (&v[i], v, descending));
          do j--; while (entry_in_order (v, &v[j], descending));
          if (i >= j)
            break;
          swap_entries (&v[i], &v[j]);
        }
      swap_entries (v, &v[j]);

      /* Recurse into the smaller side, loop on the larger. */
      if (j < n - j - 1)
        {
          sort_entries (v, j, depth, descending);
          v += j + 1;
          n -= j + 1;
        }
      else
        {
          sort_entries (v + j + 1, n - j - 1, depth, descending);
          n = j;
        }
    }

  insertion_sort (v, n, descending);
}

static gint64
text_prefix (const char *text,
             gsize       length)
{
  guint64 prefix = 0;

  for (guint i = 0; i < 8; i++)
    prefix = (prefix << 8) | (i < length ? (guchar) text[i] : 0);

  /* Unsigned byte order as a signed number. */
  return (gint64) (prefix ^ G_GUINT64_CONSTANT (0x8000000000000000));
}

/* Returns: (transfer full): the rows of @key's map_sql, value → key */
static GHashTable *
read_key_map (EmDb                 *db,
              const EmCallSortKey  *key,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (db, key->map_sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      gint64 rank = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (map, g_memdup2 (&value, sizeof value), g_memdup2 (&rank, sizeof rank));
    }
  if (rc != SQLITE_DONE)
    {
      set_read_error (db, cancellable, error, rc, "sorting calls");
      return NULL;
    }

  return g_steal_pointer (&map);
}

static void
read_sort_key (const EmCallSortKey *key,
               sqlite3_stmt        *stmt,
               GHashTable          *map,
               GStringChunk        *texts,
               SortEntry           *entry)
{
  gboolean null = sqlite3_column_type (stmt, 2) == SQLITE_NULL;
  gint64 value;
  gint64 *mapped;

  entry->key = 0;
  entry->text = NULL;

  switch (key->kind)
    {
    case EM_CALL_SORT_KEY_INTEGER:
      entry->key = null ? G_MININT64 : sqlite3_column_int64 (stmt, 2);
      break;

    case EM_CALL_SORT_KEY_TEXT:
      entry->key = G_MININT64;
      if (!null)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 2);
          gsize length = sqlite3_column_bytes (stmt, 2);

          entry->key = text_prefix (text, length);
          entry->text = g_string_chunk_insert_len (texts, text, length);
        }
      break;

    case EM_CALL_SORT_KEY_MAPPED:
    default:
      value = sqlite3_column_int64 (stmt, 2);
      mapped = g_hash_table_lookup (map, &value);
      entry->key = mapped != NULL ? *mapped : key->map_default;
      break;
    }
}

/* Reads every matching call's key; returns: (transfer full): SortEntry */
static GArray *
read_sort_entries (EmDb                 *db,
                   const EmCallQuery    *query,
                   const EmCallSortKey  *key,
                   GHashTable           *map,
                   GStringChunk         *texts,
                   GPtrArray            *binds,
                   GCancellable         *cancellable,
                   GError              **error)
{
  g_autofree char *where = _em_call_query_build_where (query, binds);
  g_autofree char *sql = g_strdup_printf ("SELECT c.id, c.started_at, %s FROM calls c %s",
                                          key->column, where);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  int rc;

  if (!(stmt = em_db_prepare (db, sql, error)))
    return NULL;
  _em_call_query_bind (stmt, binds);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SortEntry entry;

      entry.id = sqlite3_column_int64 (stmt, 0);
      entry.started_at = sqlite3_column_int64 (stmt, 1);
      read_sort_key (key, stmt, map, texts, &entry);
      g_array_append_val (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      set_read_error (db, cancellable, error, rc, "sorting calls");
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* No index serves the sort, or filters narrow the list (counting them is
 * a scan anyway, and so would be reading a page deep in the list by
 * OFFSET, on the UI's thread): read every matching call's key and sort
 * the ids once, in memory.  8 bytes a call are kept, the keys only while
 * sorting.
 */
static gboolean
compute_sorted_once (EmDb               *db,
                     const EmCallQuery  *query,
                     Snapshot           *snapshot,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(GArray) entries = NULL;
  GStringChunk *texts = g_string_chunk_new (64 * 1024);
  EmCallSortKey key;
  gboolean descending;

  _em_call_query_get_sort_key (query, &key);
  em_call_query_get_sort (query, &descending);

  if (key.kind == EM_CALL_SORT_KEY_MAPPED && !(map = read_key_map (db, &key, cancellable, error)))
    {
      g_string_chunk_free (texts);
      return FALSE;
    }

  entries = read_sort_entries (db, query, &key, map, texts, snapshot->binds, cancellable, error);
  if (entries != NULL)
    sort_entries ((SortEntry *) (gpointer) entries->data, entries->len,
                  2 * g_bit_storage (entries->len), descending);
  g_string_chunk_free (texts);
  if (entries == NULL)
    return FALSE;

  snapshot->order = g_array_sized_new (FALSE, FALSE, sizeof (gint64), entries->len);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (snapshot->order, g_array_index (entries, SortEntry, i).id);

  return read_first_ids (db, snapshot, cancellable, error);
}

/* Returns: (transfer full): what @query needs before it is shown, read
 * on @db; %NULL with G_IO_ERROR_CANCELLED once @cancellable is
 */
static Snapshot *
compute_snapshot (EmDb               *db,
                  const EmCallQuery  *query,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(Snapshot) snapshot = g_new0 (Snapshot, 1);
  sqlite3 *handle = em_db_get_handle (db);
  gboolean ok;

  snapshot->first_page = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
  snapshot->binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 1000, check_cancelled, cancellable);

  if (_em_call_query_sort_uses_index (query) && !_em_call_query_has_filters (query))
    ok = compute_indexed (db, query, snapshot, cancellable, error);
  else
    ok = compute_sorted_once (db, query, snapshot, cancellable, error);

  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 0, NULL, NULL);

  return ok ? g_steal_pointer (&snapshot) : NULL;
}

/* Applying a snapshot, on the model's thread ---------------------------- */

static gboolean
prepare_page_statement (EmCallListModel  *self,
                        Snapshot         *snapshot,
                        GError          **error)
{
  sqlite3_stmt *page = NULL;

  if (snapshot->page_sql != NULL)
    {
      if (!(page = em_db_prepare (self->db, snapshot->page_sql, error)))
        return FALSE;
      _em_call_query_bind (page, snapshot->binds);
    }
  else if (self->ids_stmt == NULL && !(self->ids_stmt = prepare_ids_statement (self->db, error)))
    return FALSE;

  g_clear_pointer (&self->page_stmt, sqlite3_finalize);
  self->page_stmt = page;
  return TRUE;
}

static Page *
page_new (guint      index,
          GPtrArray *calls)
{
  Page *page = g_new0 (Page, 1);

  page->index = index;
  page->link.data = page;
  page->calls = calls;

  return page;
}

static void
insert_page (EmCallListModel *self,
             Page            *page)
{
  if (g_queue_get_length (&self->lru) >= MAX_PAGES)
    evict_oldest_page (self);

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page->index), page);
  g_queue_push_head_link (&self->lru, &page->link);
}

/* Shows @snapshot (or, when it is %NULL, an empty list): drops every
 * page and emits items-changed over the whole list, once.
 */
static gboolean
apply_snapshot (EmCallListModel  *self,
                Snapshot         *snapshot,
                GError          **error)
{
  guint old_n_items = self->n_items;
  gboolean ok = snapshot != NULL && prepare_page_statement (self, snapshot, error);

  drop_pages (self);
  g_clear_pointer (&self->binds, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  self->n_items = 0;
  self->ready = ok;

  if (ok)
    {
      self->n_items = snapshot->n_items;
      self->binds = g_steal_pointer (&snapshot->binds);
      self->order = g_steal_pointer (&snapshot->order);
      insert_page (self, page_new (0, g_steal_pointer (&snapshot->first_page)));
      self->n_pages_read++;
    }

  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return ok;
}

static Page *
read_page (EmCallListModel *self,
           guint            index)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *calls = NULL;

  if (self->order != NULL)
    calls = read_ids (self->db, self->ids_stmt, self->order, index * PAGE_SIZE, NULL, &error);
  else
    {
      calls = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);
      sqlite3_bind_int64 (self->page_stmt, self->binds->len + 1, (gint64) index * PAGE_SIZE);
      read_rows (self->db, self->page_stmt, calls, NULL, &error);
    }

  /* A failed read leaves a short page: the list shows empty rows rather
   * than crash, and the next refresh() reports the error to the user.
   */
  if (error != NULL)
    g_warning ("%s", error->message);
  if (calls == NULL)
    calls = g_ptr_array_new_with_free_func (g_object_unref);

  self->n_pages_read++;
  return page_new (index, calls);
}

static Page *
lookup_page (EmCallListModel *self,
             guint            index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));

  if (page != NULL)
    {
      g_queue_unlink (&self->lru, &page->link);
      g_queue_push_head_link (&self->lru, &page->link);
      return page;
    }

  page = read_page (self, index);
  insert_page (self, page);
  return page;
}

static GType
em_call_list_model_get_item_type (GListModel *model)
{
  return EM_TYPE_CALL;
}

static guint
em_call_list_model_get_n_items (GListModel *model)
{
  return EM_CALL_LIST_MODEL (model)->n_items;
}

static gpointer
em_call_list_model_get_item (GListModel *model,
                             guint       position)
{
  EmCallListModel *self = EM_CALL_LIST_MODEL (model);
  Page *page;
  guint offset = position % PAGE_SIZE;

  if (position >= self->n_items || !self->ready)
    return NULL;

  page = lookup_page (self, position / PAGE_SIZE);
  if (offset >= page->calls->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->calls, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = em_call_list_model_get_item_type;
  iface->get_n_items = em_call_list_model_get_n_items;
  iface->get_item = em_call_list_model_get_item;
}

/* Requests -------------------------------------------------------------- */

/* The _async() calls still waiting are for requests now superseded. */
static void
cancel_waiters (EmCallListModel *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    g_task_return_new_error (g_ptr_array_index (waiters, i), G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "%s", _("A newer query replaced this one."));
}

static void
complete_waiters (EmCallListModel *self,
                  const GError    *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiters->len; i++)
    if (error != NULL)
      g_task_return_error (g_ptr_array_index (waiters, i), g_error_copy (error));
    else
      g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

/* A new request: whatever is computed for an older one is dropped. */
static void
begin_request (EmCallListModel *self)
{
  self->serial++;
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  cancel_waiters (self);
}

/* Computes the current query on the model's own connection. */
static gboolean
reload (EmCallListModel  *self,
        GError          **error)
{
  g_autoptr(Snapshot) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  begin_request (self);
  snapshot = compute_snapshot (self->db, self->query, NULL, &local_error);
  ok = apply_snapshot (self, snapshot, local_error == NULL ? &local_error : NULL);
  self->applied = self->serial;

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  Snapshot *snapshot;

  if (job->db == NULL && !(job->db = em_db_open (job->db_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if ((snapshot = compute_snapshot (job->db, job->query, cancellable, &error)))
    g_task_return_pointer (task, snapshot, (GDestroyNotify) snapshot_free);
  else
    g_task_return_error (task, error);
}

static void start_job (EmCallListModel *self);

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  EmCallListModel *self = EM_CALL_LIST_MODEL (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(Snapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  snapshot = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->worker_db == NULL)
    self->worker_db = g_steal_pointer (&job->db);
  g_clear_object (&self->job);
  g_clear_object (&self->job_cancellable);

  if (self->db == NULL)     /* disposed meanwhile */
    return;

  if (job->serial == self->serial)
    {
      if (!apply_snapshot (self, snapshot, error == NULL ? &error : NULL) && error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The calls cannot be listed."));
      self->applied = job->serial;
      complete_waiters (self, error);
    }
  else if (self->applied != self->serial)
    {
      /* Stale: a newer request came in; compute that one now. */
      start_job (self);
      return;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_job (EmCallListModel *self)
{
  Job *job = g_new0 (Job, 1);

  g_assert (self->job == NULL);

  job->query = em_call_query_copy (self->query);
  job->db_path = g_strdup (em_db_get_path (self->db));
  job->db = g_steal_pointer (&self->worker_db);
  job->serial = self->serial;

  self->job_cancellable = g_cancellable_new ();
  self->job = g_task_new (self, self->job_cancellable, on_job_done, NULL);
  g_task_set_source_tag (self->job, start_job);
  g_task_set_task_data (self->job, job, job_free);
  g_task_run_in_thread (self->job, job_thread);
}

/* Computes the current query in a thread; @task waits for it. */
static void
reload_async (EmCallListModel *self,
              GTask           *task)
{
  gboolean was_loading = self->job != NULL;

  begin_request (self);
  g_ptr_array_add (self->waiters, task);

  /* A job for an older request is cancelled and restarts when it ends. */
  if (self->job == NULL)
    start_job (self);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Public API -------------------------------------------------------------- */

EmCallListModel *
em_call_list_model_new (EmDb *db)
{
  g_return_val_if_fail (EM_IS_DB (db), NULL);

  return g_object_new (EM_TYPE_CALL_LIST_MODEL, "db", db, NULL);
}

EmDb *
em_call_list_model_get_db (EmCallListModel *self)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), NULL);
  return self->db;
}

/* Returns: the newest query asked for, which an _async() request may
 * not have applied yet
 */
const EmCallQuery *
em_call_list_model_get_query (EmCallListModel *self)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), NULL);
  return self->query;
}

/* Whether a query is being computed in a thread. */
gboolean
em_call_list_model_get_loading (EmCallListModel *self)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), FALSE);
  return self->job != NULL;
}

/* Takes a copy of @query; FALSE when it is the query already shown or
 * being computed.
 */
static gboolean
replace_query (EmCallListModel   *self,
               const EmCallQuery *query)
{
  g_autoptr(EmCallQuery) owned = query != NULL ? em_call_query_copy (query) : em_call_query_new ();

  if (self->query != NULL && self->ready && em_call_query_equal (self->query, owned))
    return FALSE;

  em_call_query_free (self->query);
  self->query = g_steal_pointer (&owned);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  return TRUE;
}

/**
 * em_call_list_model_set_query:
 * @query: (nullable): what to list; %NULL for every call, newest first
 *
 * Takes a copy of @query and applies it before returning.  On a database
 * error the list is empty and @error says why.
 */
gboolean
em_call_list_model_set_query (EmCallListModel    *self,
                              const EmCallQuery  *query,
                              GError            **error)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), FALSE);

  if (!replace_query (self, query) && self->applied == self->serial)
    return TRUE;

  return reload (self, error);
}

/**
 * em_call_list_model_set_query_async:
 * @query: (nullable): what to list; %NULL for every call, newest first
 *
 * Takes a copy of @query and applies it once a thread has counted it and
 * read its first page; em_call_list_model_get_query() returns it at
 * once.  A newer request (sync or async) supersedes this one: it then
 * finishes with G_IO_ERROR_CANCELLED and the list never shows it.
 */
void
em_call_list_model_set_query_async (EmCallListModel     *self,
                                    const EmCallQuery   *query,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EM_IS_CALL_LIST_MODEL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, em_call_list_model_set_query_async);

  if (replace_query (self, query))
    reload_async (self, g_steal_pointer (&task));
  else if (self->job != NULL && self->applied != self->serial)
    g_ptr_array_add (self->waiters, g_steal_pointer (&task));   /* already computing it */
  else
    g_task_return_boolean (task, TRUE);
}

gboolean
em_call_list_model_set_query_finish (EmCallListModel  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Call after the database changed (an import, new evaluations). */
gboolean
em_call_list_model_refresh (EmCallListModel  *self,
                            GError          **error)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), FALSE);

  return reload (self, error);
}

/* refresh() with the counting done in a thread, as set_query_async(). */
void
em_call_list_model_refresh_async (EmCallListModel     *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (EM_IS_CALL_LIST_MODEL (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, em_call_list_model_refresh_async);
  reload_async (self, task);
}

gboolean
em_call_list_model_refresh_finish (EmCallListModel  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* How many pages were read from the database so far (for benchmarks and
 * tests: it shows that scrolling reads only what is shown).
 */
guint
em_call_list_model_get_n_pages_read (EmCallListModel *self)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), 0);
  return self->n_pages_read;
}

static void
em_call_list_model_constructed (GObject *object)
{
  EmCallListModel *self = (EmCallListModel *) object;
  g_autoptr(Snapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (em_call_list_model_parent_class)->constructed (object);

  if (self->query == NULL)
    self->query = em_call_query_new ();

  /* The first count is synchronous, as it always was: a new model
   * answers get_n_items() at once.
   */
  snapshot = compute_snapshot (self->db, self->query, NULL, &error);
  if (snapshot != NULL && prepare_page_statement (self, snapshot, &error))
    {
      self->n_items = snapshot->n_items;
      self->binds = g_steal_pointer (&snapshot->binds);
      self->order = g_steal_pointer (&snapshot->order);
      insert_page (self, page_new (0, g_steal_pointer (&snapshot->first_page)));
      self->n_pages_read++;
      self->ready = TRUE;
    }
  else
    g_warning ("Cannot list the calls: %s", error->message);
}

static void
em_call_list_model_dispose (GObject *object)
{
  EmCallListModel *self = (EmCallListModel *) object;

  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  if (self->waiters != NULL)
    cancel_waiters (self);

  drop_pages (self);
  g_clear_pointer (&self->page_stmt, sqlite3_finalize);
  g_clear_pointer (&self->ids_stmt, sqlite3_finalize);
  g_clear_object (&self->worker_db);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_call_list_model_parent_class)->dispose (object);
}

static void
em_call_list_model_finalize (GObject *object)
{
  EmCallListModel *self = (EmCallListModel *) object;

  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->binds, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->query, em_call_query_free);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);

  G_OBJECT_CLASS (em_call_list_model_parent_class)->finalize (object);
}

static void
em_call_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EmCallListModel *self = EM_CALL_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, em_call_list_model_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_call_list_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EmCallListModel *self = EM_CALL_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      if (self->db != NULL && self->ready)
        em_call_list_model_set_query (self, g_value_get_boxed (value), NULL);
      else if (g_value_get_boxed (value) != NULL)
        self->query = em_call_query_copy (g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_call_list_model_class_init (EmCallListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = em_call_list_model_constructed;
  object_class->dispose = em_call_list_model_dispose;
  object_class->finalize = em_call_list_model_finalize;
  object_class->get_property = em_call_list_model_get_property;
  object_class->set_property = em_call_list_model_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL, EM_TYPE_CALL_QUERY,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_call_list_model_init (EmCallListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->lru);
}
