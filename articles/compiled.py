"""Queries the ORM builds once per process, with the request's values bound per run.

Building and compiling a query in Django costs more than running a small one on
PostgreSQL (0.6-1 ms against 0.1-0.2 for an article page's lookups). A hot query
is therefore built once, with stand-in values in place of the request's, and its
SQL kept; each run binds the request's values where the stand-ins were. The rule
the query applies (`public()` and the like) stays the ORM's: it is the same
queryset, only not compiled again.
"""

import functools
import itertools
import re

import psycopg
from django.db import connections


class CompiledQuery:
    """`build(**stand_ins)` returns a QuerySet; `rows(alias, **values)` runs its
    SQL, compiled once per database, with `values` bound in the stand-ins' places.

    PostgreSQL only: its driver gives every value its Python type. Elsewhere (SQLite
    gives times as text until the ORM converts them) the ORM runs the query.

    Stand-ins must be values no real request passes (a string with a NUL, a date
    in the year 1001) and each must appear among the compiled parameters: if one
    cannot be found, the query is built afresh on every run instead.
    """

    def __init__(self, build, **stand_ins):
        self.build = build
        self.stand_ins = stand_ins
        self._compiled = {}

    def compiled(self, alias):
        """(sql, params, slots) for database `alias`, or None if the stand-ins
        cannot be told apart among the parameters."""
        if alias not in self._compiled:
            self._compiled[alias] = self._compile(alias)
        return self._compiled[alias]

    def _compile(self, alias):
        compiler = self.build(**self.stand_ins).query.get_compiler(alias)
        sql, params = compiler.as_sql()
        slots = tuple(self._slot(param) for param in params)
        if set(self.stand_ins) - set(slots):
            return None
        return sql, tuple(params), slots, _object_columns(compiler)

    def _slot(self, param):
        for name, stand_in in self.stand_ins.items():
            if type(param) is type(stand_in) and param == stand_in:
                return name
        return None

    def rows(self, alias, **values):
        """The rows of the query for `values`, as the database driver gives them."""
        compiled = None
        if connections[alias].vendor == "postgresql":
            compiled = self.compiled(alias)
        if compiled is None:
            return list(self.build(**values))
        sql, params, slots, _columns = compiled
        bound = [values[s] if s else p for p, s in zip(params, slots, strict=True)]
        with connections[alias].cursor() as cursor:
            plain = cursor.cursor
            cursor.cursor = _NumberedCursor(plain.connection)
            plain.close()
            cursor.execute(sql, bound)
            return cursor.fetchall()

    def objects(self, alias, **values):
        """The query's model objects for `values` (a queryset of one model's own
        columns: no `select_related()`, annotations or prefetching)."""
        compiled = None
        if connections[alias].vendor == "postgresql":
            compiled = self.compiled(alias)
        if compiled is None or compiled[3] is None:
            return list(self.build(**values))
        model, names = compiled[3]
        return [model.from_db(alias, names, row) for row in self.rows(alias, **values)]


def _object_columns(compiler):
    """(model, attnames of the selected columns) of a compiled model query, as the
    ORM builds its objects from the rows; None for any other kind of query."""
    info = compiler.klass_info
    if not info or info.get("related_klass_infos") or compiler.annotation_col_map:
        return None
    names = [compiler.select[i][0].target.attname for i in info["select_fields"]]
    if len(names) != len(compiler.select):
        return None
    return info["model"], names


class _NumberedCursor(psycopg.RawCursor):
    """Runs a compiled query (Django's SQL, with %s placeholders) as PostgreSQL
    writes it ($1, $2…), rewritten once per query: psycopg parses the placeholders
    of a query longer than 4 kB on every run (it keeps only shorter ones parsed),
    and for an article page's statement that took longer than running it. Django's
    cursor wrapper around it still sees, logs and counts the query as written."""

    def execute(self, query, params=None, **kwargs):
        return super().execute(_numbered(query), params, **kwargs)


_PLACEHOLDER = re.compile(r"%([%s])")


@functools.lru_cache(maxsize=64)
def _numbered(sql):
    """`sql` with Django's placeholders (%s, and %% for a percent sign) written as
    PostgreSQL's ($1, $2…, and %)."""
    numbers = itertools.count(1)
    return _PLACEHOLDER.sub(
        lambda m: "%" if m.group(1) == "%" else f"${next(numbers)}", sql
    )
