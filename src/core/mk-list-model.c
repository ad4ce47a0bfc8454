/* mk-list-model.c: a GListModel of rows over SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mk-list-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mk-database-private.h"
#include "mk-list-model-private.h"
#include "mk-list-model.h"
#include "mk-text.h"

/* clang-format off */
G_DEFINE_QUARK (mk-list-model-error-quark, mk_list_model_error)
/* clang-format on */

/* Rows read for the view are kept for a while: a screen shows about forty,
 * and scrolling back should not read them again. */
#define ROW_CACHE_SIZE 512
/* The worker's page cache: lists read indexes, and a dozen lists are open. */
#define WORKER_CACHE_KIB 4096

/* Row -------------------------------------------------------------------- */

struct _MkListRow
{
  GObject             parent_instance;
  const MkListSource *source;
  gint64              keys[4];
  gint64              running;
  char              **raw;  /* n_columns (+1 for the second value of NAME columns) */
  char              **text; /* n_columns, formatted on first use */
};

G_DEFINE_FINAL_TYPE (MkListRow, mk_list_row, G_TYPE_OBJECT)

static void
mk_list_row_finalize (GObject *object)
{
  MkListRow *self = MK_LIST_ROW (object);

  g_strfreev (self->raw);
  if (self->text != NULL)
    {
      for (guint i = 0; i < self->source->n_columns; i++)
        g_free (self->text[i]);
      g_free (self->text);
    }
  G_OBJECT_CLASS (mk_list_row_parent_class)->finalize (object);
}

static void
mk_list_row_class_init (MkListRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mk_list_row_finalize;
}

static void
mk_list_row_init (MkListRow *self)
{
}

gint64
mk_list_row_get_id (MkListRow *self)
{
  g_return_val_if_fail (MK_IS_LIST_ROW (self), 0);
  return self->keys[0];
}

gint64
mk_list_row_get_key (MkListRow *self,
                     guint      index)
{
  g_return_val_if_fail (MK_IS_LIST_ROW (self), 0);
  g_return_val_if_fail (index < self->source->n_keys, 0);
  return self->keys[index];
}

/* The raw values are laid out column by column; a NAME column takes two. */
static guint
raw_index (const MkListSource *source,
           guint               column)
{
  guint index = 0;

  for (guint i = 0; i < column; i++)
    {
      if (source->columns[i].type == MK_LIST_COLUMN_NAME)
        index += 2;
      else if (source->columns[i].type != MK_LIST_COLUMN_RUNNING)
        index += 1;
    }
  return index;
}

const char *
mk_list_row_get_raw (MkListRow *self,
                     guint      column)
{
  g_return_val_if_fail (MK_IS_LIST_ROW (self), NULL);
  g_return_val_if_fail (column < self->source->n_columns, NULL);

  if (self->source->columns[column].type == MK_LIST_COLUMN_RUNNING)
    return NULL;
  return self->raw[raw_index (self->source, column)];
}

gint64
mk_list_row_get_integer (MkListRow *self,
                         guint      column)
{
  const char *raw;

  g_return_val_if_fail (MK_IS_LIST_ROW (self), 0);
  g_return_val_if_fail (column < self->source->n_columns, 0);

  if (self->source->columns[column].type == MK_LIST_COLUMN_RUNNING)
    return self->running;
  raw = mk_list_row_get_raw (self, column);
  return raw != NULL ? g_ascii_strtoll (raw, NULL, 10) : 0;
}

const char *
mk_list_row_get_text (MkListRow *self,
                      guint      column)
{
  const MkListColumn *spec;
  guint               index;

  g_return_val_if_fail (MK_IS_LIST_ROW (self), NULL);
  g_return_val_if_fail (column < self->source->n_columns, NULL);

  if (self->text == NULL)
    self->text = g_new0 (char *, self->source->n_columns);
  if (self->text[column] != NULL)
    return self->text[column];

  spec = &self->source->columns[column];
  index = raw_index (self->source, column);
  if (spec->type == MK_LIST_COLUMN_RUNNING)
    self->text[column] = _mk_list_format_quantity (self->running, FALSE);
  else if (spec->type == MK_LIST_COLUMN_NAME)
    {
      const char *name = mk_text_pick_name (self->raw[index], self->raw[index + 1]);

      self->text[column] = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
    }
  else
    self->text[column] = _mk_list_format_value (spec->type, self->raw[index]);

  return self->text[column];
}

/* Model ------------------------------------------------------------------ */

struct _MkListModel
{
  GObject             parent_instance;
  MkDatabase         *database;
  const MkListSource *source;
  GHashTable         *filters; /* key → value */
  const char         *sort_key;
  gboolean            sort_descending;

  GArray *keys;    /* gint64 × n_keys per row */
  GArray *running; /* gint64 per row, when the source has running_sql */
  guint   n_rows;

  GHashTable *row_cache; /* position → MkListRow */
  GQueue      row_order; /* positions, oldest first */

  GCancellable *cancellable;
  gboolean      loading;
  gboolean      reload_again;
  GError       *error;
};

static void mk_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MkListModel, mk_list_model, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, mk_list_model_list_model_init))

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_row_cache (MkListModel *self)
{
  g_hash_table_remove_all (self->row_cache);
  g_queue_clear (&self->row_order);
}

static void
mk_list_model_dispose (GObject *object)
{
  MkListModel *self = MK_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  clear_row_cache (self);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (mk_list_model_parent_class)->dispose (object);
}

static void
mk_list_model_finalize (GObject *object)
{
  MkListModel *self = MK_LIST_MODEL (object);

  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->filters);
  g_hash_table_unref (self->row_cache);
  g_array_unref (self->keys);
  g_array_unref (self->running);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (mk_list_model_parent_class)->finalize (object);
}

static void
mk_list_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MkListModel *self = MK_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_rows);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mk_list_model_class_init (MkListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mk_list_model_dispose;
  object_class->finalize = mk_list_model_finalize;
  object_class->get_property = mk_list_model_get_property;

  properties[PROP_LOADING] =
      g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
      g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MkListModel::reloaded:
   *
   * Emitted after each reload, whether it succeeded or not (see
   * mk_list_model_get_error()).
   */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mk_list_model_init (MkListModel *self)
{
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->row_cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_queue_init (&self->row_order);
  self->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->running = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();
}

MkListModel *
mk_list_model_new (MkDatabase         *db,
                   const MkListSource *source)
{
  MkListModel *self;

  g_return_val_if_fail (MK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (source->n_keys >= 1 && source->n_keys <= 4, NULL);

  self = g_object_new (MK_TYPE_LIST_MODEL, NULL);
  self->database = g_object_ref (db);
  self->source = source;
  return self;
}

const MkListSource *
mk_list_model_get_source (MkListModel *self)
{
  g_return_val_if_fail (MK_IS_LIST_MODEL (self), NULL);
  return self->source;
}

MkDatabase *
mk_list_model_get_database (MkListModel *self)
{
  g_return_val_if_fail (MK_IS_LIST_MODEL (self), NULL);
  return self->database;
}

gboolean
mk_list_model_set_filter (MkListModel *self,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  g_autofree char *checked = NULL;

  g_return_val_if_fail (MK_IS_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!mk_list_source_has_filter (self->source, key))
    {
      g_set_error (error, MK_LIST_MODEL_ERROR, MK_LIST_MODEL_ERROR_BAD_FILTER,
                   /* Translators: a list cannot be filtered in the way asked for. */
                   _ ("The list “%s” cannot be filtered by “%s”."), _ (self->source->title), key);
      return FALSE;
    }

  if (value == NULL || *value == '\0')
    {
      g_hash_table_remove (self->filters, key);
      return TRUE;
    }

  if (!_mk_list_check_filter_value (key, value, &checked, error))
    return FALSE;
  g_hash_table_replace (self->filters, g_strdup (key), g_steal_pointer (&checked));
  return TRUE;
}

const char *
mk_list_model_get_filter (MkListModel *self,
                          const char  *key)
{
  g_return_val_if_fail (MK_IS_LIST_MODEL (self), NULL);
  return g_hash_table_lookup (self->filters, key);
}

void
mk_list_model_clear_filters (MkListModel *self)
{
  g_return_if_fail (MK_IS_LIST_MODEL (self));
  g_hash_table_remove_all (self->filters);
}

void
mk_list_model_set_sort (MkListModel *self,
                        const char  *column_key,
                        gboolean     descending)
{
  const MkListColumn *column = NULL;

  g_return_if_fail (MK_IS_LIST_MODEL (self));

  if (column_key != NULL)
    column = mk_list_source_find_column (self->source, column_key);
  if (column == NULL || column->sort_sql == NULL)
    {
      self->sort_key = NULL;
      self->sort_descending = FALSE;
      return;
    }
  self->sort_key = column->key;
  self->sort_descending = descending;
}

gboolean
mk_list_model_get_loading (MkListModel *self)
{
  g_return_val_if_fail (MK_IS_LIST_MODEL (self), FALSE);
  return self->loading;
}

const GError *
mk_list_model_get_error (MkListModel *self)
{
  g_return_val_if_fail (MK_IS_LIST_MODEL (self), NULL);
  return self->error;
}

/* A query to run: its SQL and the filter values to bind. */
typedef struct
{
  const MkListSource *source;
  const char         *sql; /* interned */
  GHashTable         *filters;
  char               *path;
  GArray             *keys;
  GArray             *running;
} Query;

static void
query_free (Query *query)
{
  g_hash_table_unref (query->filters);
  g_free (query->path);
  g_clear_pointer (&query->keys, g_array_unref);
  g_clear_pointer (&query->running, g_array_unref);
  g_free (query);
}

static Query *
query_new (MkListModel *self)
{
  Query         *query = g_new0 (Query, 1);
  GHashTableIter iter;
  gpointer       key, value;

  query->source = self->source;
  query->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (query->filters, g_strdup (key), g_strdup (value));
  query->sql = _mk_list_key_sql (self->source, query->filters, self->sort_key,
                                 self->sort_descending, mk_text_prefers_arabic ());
  query->path = g_strdup (mk_database_get_path (self->database));
  return query;
}

static gboolean
query_run (Query        *query,
           MkDatabase   *db,
           GCancellable *cancellable,
           GError      **error)
{
  query->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  query->running = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (query->sql == NULL)
    return TRUE; /* a required filter is missing: no rows */
  return _mk_list_run_key_query (db, query->source, query->sql, query->filters, query->keys,
                                 query->running, cancellable, error);
}

static void
apply_result (MkListModel *self,
              Query       *query)
{
  guint removed = self->n_rows;

  clear_row_cache (self);
  g_array_unref (self->keys);
  g_array_unref (self->running);
  self->keys = g_steal_pointer (&query->keys);
  self->running = g_steal_pointer (&query->running);
  self->n_rows = self->keys->len / self->source->n_keys;
  g_clear_error (&self->error);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_rows);
  if (removed != self->n_rows)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

gboolean
mk_list_model_reload_sync (MkListModel *self,
                           GError     **error)
{
  Query   *query;
  gboolean ok;

  g_return_val_if_fail (MK_IS_LIST_MODEL (self), FALSE);

  query = query_new (self);
  ok = query_run (query, self->database, NULL, error);
  if (ok)
    apply_result (self, query);
  query_free (query);
  g_signal_emit (self, signals[RELOADED], 0);
  return ok;
}

/* Every list's reload runs on one thread with one connection per file,
 * whatever the number of lists: a dozen open lists then cost one page cache
 * and one allocator arena, not a dozen, and their queries do not compete
 * for the processor with each other. The connection stays open for the
 * next reload; another file's reload replaces it. */
typedef struct
{
  Query       *query;
  MkListModel *model; /* weak: the worker must not be the last to hold it */
} Reload;

static void
reload_free (Reload *reload)
{
  query_free (reload->query);
  g_clear_weak_pointer (&reload->model);
  g_free (reload);
}

static GThreadPool *reload_pool;
static MkDatabase  *worker; /* touched only by the pool's one thread */

static void
reload_in_worker (gpointer data,
                  gpointer user_data)
{
  g_autoptr (GTask) task = data;
  Reload       *reload = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError       *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (worker != NULL && g_strcmp0 (mk_database_get_path (worker), reload->query->path) != 0)
    g_clear_object (&worker);
  if (worker == NULL)
    {
      worker = mk_database_open (reload->query->path, &error);
      if (worker == NULL || !_mk_database_set_cache_size (worker, WORKER_CACHE_KIB, &error))
        {
          g_clear_object (&worker);
          g_task_return_error (task, error);
          return;
        }
    }

  if (!query_run (reload->query, worker, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start_reload (MkListModel *self);

static void
reload_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Reload      *reload = g_task_get_task_data (G_TASK (result));
  MkListModel *self = reload->model;
  GError      *error = NULL;

  if (self == NULL)
    return; /* the list went away meanwhile */
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The list “%s” could not be read: %s", self->source->name, error->message);
      g_clear_error (&self->error);
      self->error = error;
    }
  else if (!self->reload_again)
    apply_result (self, reload->query);

  if (self->reload_again && !g_cancellable_is_cancelled (self->cancellable))
    {
      self->reload_again = FALSE;
      start_reload (self);
      return;
    }

  self->loading = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  g_signal_emit (self, signals[RELOADED], 0);
}

static void
start_reload (MkListModel *self)
{
  GTask  *task = g_task_new (NULL, self->cancellable, reload_done, NULL);
  Reload *reload = g_new0 (Reload, 1);

  reload->query = query_new (self);
  g_set_weak_pointer (&reload->model, self);
  g_task_set_task_data (task, reload, (GDestroyNotify) reload_free);
  g_task_set_source_tag (task, start_reload);
  if (g_once_init_enter (&reload_pool))
    g_once_init_leave (&reload_pool, g_thread_pool_new (reload_in_worker, NULL, 1, FALSE, NULL));
  /* The pool's thread owns the reference from here. */
  g_thread_pool_push (reload_pool, task, NULL);
}

void
mk_list_model_reload (MkListModel *self)
{
  g_return_if_fail (MK_IS_LIST_MODEL (self));

  if (self->loading)
    {
      self->reload_again = TRUE;
      return;
    }
  self->loading = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  start_reload (self);
}

/* GListModel ------------------------------------------------------------- */

static GType
mk_list_model_get_item_type (GListModel *model)
{
  return MK_TYPE_LIST_ROW;
}

static guint
mk_list_model_get_n_items (GListModel *model)
{
  return MK_LIST_MODEL (model)->n_rows;
}

static MkListRow *
load_row (MkListModel *self,
          guint        position)
{
  MkListRow    *row = g_object_new (MK_TYPE_LIST_ROW, NULL);
  const gint64 *keys = &g_array_index (self->keys, gint64, position * self->source->n_keys);
  g_autoptr (GError) error = NULL;

  row->source = self->source;
  for (guint i = 0; i < self->source->n_keys; i++)
    row->keys[i] = keys[i];
  if (self->running->len > position)
    row->running = g_array_index (self->running, gint64, position);

  row->raw = _mk_list_read_row (self->database, self->source, keys, &error);
  if (row->raw == NULL)
    {
      /* The row went away since the keys were read (another process
       * changed the file): show it empty until the next reload. */
      g_debug ("A row of “%s” could not be read: %s", self->source->name, error->message);
      row->raw = g_new0 (char *, 2 * self->source->n_columns + 1);
    }
  return row;
}

static gpointer
mk_list_model_get_item (GListModel *model,
                        guint       position)
{
  MkListModel *self = MK_LIST_MODEL (model);
  MkListRow   *row;

  if (position >= self->n_rows)
    return NULL;

  row = g_hash_table_lookup (self->row_cache, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = load_row (self, position);
  if (g_queue_get_length (&self->row_order) >= ROW_CACHE_SIZE)
    g_hash_table_remove (self->row_cache, g_queue_pop_head (&self->row_order));
  g_hash_table_insert (self->row_cache, GUINT_TO_POINTER (position), row);
  g_queue_push_tail (&self->row_order, GUINT_TO_POINTER (position));
  return g_object_ref (row);
}

static void
mk_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = mk_list_model_get_item_type;
  iface->get_n_items = mk_list_model_get_n_items;
  iface->get_item = mk_list_model_get_item;
}
