"""Backup and restore of the database and the uploaded files.

A backup is a folder: `db.dump` (pg_dump custom format) or `db.sqlite3`, `media.tar.gz`,
and `manifest.json` with per-table row counts and file checksums, so a restore can be
checked against what was saved.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore are the tools for the job
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection

MANIFEST = "manifest.json"


def _pg_env(db):
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db):
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def row_counts():
    """Rows per model table of our apps and Django's (what a restore must match)."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        counts[model._meta.db_table] = model._default_manager.using("default").count()
    return dict(sorted(counts.items()))


def file_checksums(root):
    root = Path(root)
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def backup(target):
    """Write a backup of the default database and MEDIA_ROOT into folder `target`."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    db = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            ["pg_dump", "--format=custom", "--no-owner", "--file", target / "db.dump"]
            + _pg_args(db),
            check=True,
            env=_pg_env(db),
        )
    else:
        source = sqlite3.connect(db["NAME"])
        with sqlite3.connect(target / "db.sqlite3") as copy:
            source.backup(copy)
        source.close()
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    manifest = {
        "vendor": connection.vendor,
        "rows": row_counts(),
        "media": file_checksums(media),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore(source):
    """Replace the default database's content and MEDIA_ROOT with backup `source`."""
    source = Path(source)
    manifest = json.loads((source / MANIFEST).read_text())
    db = settings.DATABASES["default"]
    if manifest["vendor"] != connection.vendor:
        raise ValueError(
            f"This backup is of a {manifest['vendor']} database, "
            f"not {connection.vendor}."
        )
    connection.close()
    if connection.vendor == "postgresql":
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
            + _pg_args(db)
            + [str(source / "db.dump")],
            check=True,
            env=_pg_env(db),
        )
        # A restored database has no planner statistics: without them some pages
        # (the keyword sitemap) took minutes instead of a fraction of a second.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with sqlite3.connect(source / "db.sqlite3") as backup_db:
            target = sqlite3.connect(db["NAME"])
            backup_db.backup(target)
            target.close()
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    with tarfile.open(source / "media.tar.gz", "r:gz") as archive:
        archive.extractall(media.parent, filter="data")  # noqa: S202 - data filter
        extracted = media.parent / "media"
        if extracted != media and extracted.exists():
            extracted.rename(media)
    return manifest


def verify(manifest):
    """Differences between a backup's manifest and the live database and files."""
    problems = []
    rows = row_counts()
    for table, count in manifest["rows"].items():
        if rows.get(table) != count:
            problems.append(f"{table}: {rows.get(table)} rows, backup had {count}")
    media = file_checksums(settings.MEDIA_ROOT)
    if media != manifest["media"]:
        problems.append("media files differ from the backup")
    return problems
