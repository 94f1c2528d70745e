/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call-list-model"

#include "config.h"

#include <glib/gi18n.h>

#include "em-call-list-model.h"
#include "em-call-private.h"
#include "em-call-query-private.h"

/* EmCallListModel implements GListModel over SQL, so that a list of a
 * million calls costs what the screen shows, not what the table holds.
 *
 * The number of items is one count(*) of the query.  Items are read in
 * pages of PAGE_SIZE rows: the ids of a page come from an ORDER BY …
 * LIMIT … OFFSET on an index (em-call-query.c), then the page's rows
 * and their joins are read for those ids only.  The two sorts no index
 * can serve are sorted once into a temporary table instead.  The last MAX_PAGES pages
 * are kept (least recently used goes first), so scrolling back and
 * forth reads nothing twice.  Changing the query, or refresh() after the
 * database changed, drops the pages, counts again and emits one
 * items-changed.
 */

#define PAGE_SIZE 200
#define MAX_PAGES 16

typedef struct
{
  guint      index;
  GPtrArray *calls;
  GList      link;
} Page;

struct _EmCallListModel
{
  GObject       parent_instance;

  EmDb         *db;
  EmCallQuery  *query;
  guint         n_items;

  GHashTable   *pages;       /* page index → Page, owned */
  GQueue        lru;         /* Page links, most recently used first */
  sqlite3_stmt *page_stmt;   /* for the current query, ?N+1 = the offset */
  GPtrArray    *binds;       /* the query's N values */
  char         *order_table; /* temporary table of sorted ids, see prepare_sorted_once() */
  guint         n_pages_read;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (EmCallListModel, em_call_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DB,
  PROP_QUERY,
  PROP_N_ITEMS,
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

/* Counts the items of an index-backed query and prepares its page
 * statement: the page's ids by OFFSET on the index, then their rows.
 */
static gboolean
prepare_indexed (EmCallListModel  *self,
                 GPtrArray        *binds,
                 guint            *out_n_items,
                 sqlite3_stmt    **out_page,
                 GError          **error)
{
  g_autofree char *from = _em_call_query_build_from (self->query);
  g_autofree char *where = _em_call_query_build_where (self->query, binds);
  g_autofree char *order_by = _em_call_query_build_order_by (self->query);
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  int rc;

  count_sql = g_strdup_printf ("SELECT count(*) FROM calls c %s", where);
  page_sql = g_strdup_printf ("SELECT " EM_CALL_COLUMNS " FROM "
                              "(SELECT c.id FROM %s %s %s LIMIT %d OFFSET ?%u) p "
                              "JOIN calls c ON c.id = p.id " EM_CALL_JOINS " %s",
                              from, where, order_by, PAGE_SIZE, binds->len + 1, order_by);

  if (!(count = em_db_prepare (self->db, count_sql, error)))
    return FALSE;
  _em_call_query_bind (count, binds);
  if ((rc = sqlite3_step (count)) != SQLITE_ROW)
    return em_db_set_error (self->db, error, rc, "counting calls");

  if (!(*out_page = em_db_prepare (self->db, page_sql, error)))
    return FALSE;
  _em_call_query_bind (*out_page, binds);
  *out_n_items = (guint) MIN (sqlite3_column_int64 (count, 0), (gint64) G_MAXUINT);

  return TRUE;
}

/* A sort no index serves is done once: the ordered ids go into a
 * temporary table whose rowid is the position, so a page is a range of
 * rowids however deep it is.
 */
static gboolean
prepare_sorted_once (EmCallListModel  *self,
                     GPtrArray        *binds,
                     guint            *out_n_items,
                     sqlite3_stmt    **out_page,
                     GError          **error)
{
  g_autofree char *from = _em_call_query_build_from (self->query);
  g_autofree char *where = _em_call_query_build_where (self->query, binds);
  g_autofree char *order_by = _em_call_query_build_order_by (self->query);
  g_autofree char *create_sql = NULL;
  g_autofree char *fill_sql = NULL;
  g_autofree char *page_sql = NULL;
  g_autoptr(sqlite3_stmt) fill = NULL;
  int rc;

  create_sql = g_strdup_printf ("DROP TABLE IF EXISTS temp.%s; "
                                "CREATE TEMP TABLE %s (call_id INTEGER NOT NULL)",
                                self->order_table, self->order_table);
  fill_sql = g_strdup_printf ("INSERT INTO temp.%s (call_id) SELECT c.id FROM %s %s %s",
                              self->order_table, from, where, order_by);
  page_sql = g_strdup_printf ("SELECT " EM_CALL_COLUMNS " FROM temp.%s o "
                              "JOIN calls c ON c.id = o.call_id " EM_CALL_JOINS
                              " WHERE o.rowid > ?1 ORDER BY o.rowid LIMIT %d",
                              self->order_table, PAGE_SIZE);

  if (!em_db_exec (self->db, create_sql, error))
    return FALSE;
  if (!(fill = em_db_prepare (self->db, fill_sql, error)))
    return FALSE;
  _em_call_query_bind (fill, binds);
  if ((rc = sqlite3_step (fill)) != SQLITE_DONE)
    return em_db_set_error (self->db, error, rc, "sorting calls");

  if (!(*out_page = em_db_prepare (self->db, page_sql, error)))
    return FALSE;
  g_ptr_array_set_size (binds, 0);
  *out_n_items = (guint) MIN (sqlite3_changes64 (em_db_get_handle (self->db)), (gint64) G_MAXUINT);

  return TRUE;
}

/* Counts the items of the current query and prepares the statement that
 * reads a page of them (its last parameter is the offset).
 */
static gboolean
prepare_query (EmCallListModel  *self,
               guint            *out_n_items,
               GError          **error)
{
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *page = NULL;
  gboolean ok;

  if (_em_call_query_sort_uses_index (self->query))
    ok = prepare_indexed (self, binds, out_n_items, &page, error);
  else
    ok = prepare_sorted_once (self, binds, out_n_items, &page, error);

  if (!ok)
    {
      g_clear_pointer (&page, sqlite3_finalize);
      return FALSE;
    }

  g_clear_pointer (&self->page_stmt, sqlite3_finalize);
  g_clear_pointer (&self->binds, g_ptr_array_unref);
  self->page_stmt = page;
  self->binds = g_steal_pointer (&binds);

  return TRUE;
}

static Page *
read_page (EmCallListModel *self,
           guint            index)
{
  g_autoptr(GError) error = NULL;
  Page *page = g_new0 (Page, 1);
  int rc;

  page->index = index;
  page->link.data = page;
  page->calls = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);

  sqlite3_reset (self->page_stmt);
  sqlite3_bind_int64 (self->page_stmt, self->binds->len + 1, (gint64) index * PAGE_SIZE);
  while ((rc = sqlite3_step (self->page_stmt)) == SQLITE_ROW)
    g_ptr_array_add (page->calls, _em_call_new_from_stmt (self->page_stmt));
  /* Idle statements hold no lock: the temporary table can be remade. */
  sqlite3_reset (self->page_stmt);

  /* A failed read leaves a short page: the list shows empty rows rather
   * than crash, and the next refresh() reports the error to the user.
   */
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (self->db, &error, rc, "reading calls");
      g_warning ("%s", error->message);
    }

  self->n_pages_read++;
  return page;
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

  if (g_queue_get_length (&self->lru) >= MAX_PAGES)
    evict_oldest_page (self);

  page = read_page (self, index);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head_link (&self->lru, &page->link);

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

  if (position >= self->n_items || self->page_stmt == NULL)
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

/* Re-reads the count and drops every page: the items may all have
 * changed, so this emits items-changed over the whole list, once.
 */
static gboolean
reload (EmCallListModel  *self,
        GError          **error)
{
  guint old_n_items = self->n_items;
  guint n_items = 0;
  gboolean ok;

  ok = prepare_query (self, &n_items, error);

  drop_pages (self);
  self->n_items = n_items;
  if (!ok)
    g_clear_pointer (&self->page_stmt, sqlite3_finalize);

  if (old_n_items > 0 || n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, n_items);
  if (old_n_items != n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return ok;
}

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

const EmCallQuery *
em_call_list_model_get_query (EmCallListModel *self)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), NULL);
  return self->query;
}

/**
 * em_call_list_model_set_query:
 * @query: (nullable): what to list; %NULL for every call, newest first
 *
 * Takes a copy of @query.  On a database error the list is empty and
 * @error says why.
 */
gboolean
em_call_list_model_set_query (EmCallListModel    *self,
                              const EmCallQuery  *query,
                              GError            **error)
{
  g_autoptr(EmCallQuery) owned = NULL;

  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), FALSE);

  owned = query != NULL ? em_call_query_copy (query) : em_call_query_new ();
  if (self->query != NULL && self->page_stmt != NULL && em_call_query_equal (self->query, owned))
    return TRUE;

  em_call_query_free (self->query);
  self->query = g_steal_pointer (&owned);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);

  return reload (self, error);
}

/* Call after the database changed (an import, new evaluations). */
gboolean
em_call_list_model_refresh (EmCallListModel  *self,
                            GError          **error)
{
  g_return_val_if_fail (EM_IS_CALL_LIST_MODEL (self), FALSE);

  return reload (self, error);
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
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (em_call_list_model_parent_class)->constructed (object);

  if (self->query == NULL)
    self->query = em_call_query_new ();
  if (!prepare_query (self, &self->n_items, &error))
    g_warning ("Cannot list the calls: %s", error->message);
}

static void
em_call_list_model_dispose (GObject *object)
{
  EmCallListModel *self = (EmCallListModel *) object;

  drop_pages (self);
  g_clear_pointer (&self->page_stmt, sqlite3_finalize);
  if (self->db != NULL)
    {
      g_autofree char *drop_sql = g_strdup_printf ("DROP TABLE IF EXISTS temp.%s", self->order_table);
      em_db_exec (self->db, drop_sql, NULL);
    }
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_call_list_model_parent_class)->dispose (object);
}

static void
em_call_list_model_finalize (GObject *object)
{
  EmCallListModel *self = (EmCallListModel *) object;

  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->binds, g_ptr_array_unref);
  g_clear_pointer (&self->query, em_call_query_free);
  g_free (self->order_table);

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
      if (self->db != NULL && self->page_stmt != NULL)
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_call_list_model_init (EmCallListModel *self)
{
  static gint counter;

  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  self->order_table = g_strdup_printf ("em_call_order_%d", g_atomic_int_add (&counter, 1));
  g_queue_init (&self->lru);
}
