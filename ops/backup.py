"""Backup and restore of the database and the uploaded files.

A backup is a folder: `db.dump` (pg_dump custom format) or `db.sqlite3`, `media.tar.gz`,
and `manifest.json` with per-table row counts and file checksums, so a restore can be
checked against what was saved.

The uploaded files are read and written through the media storage, so the same
commands work with MEDIA_ROOT on this disk and with a bucket (MEDIA_STORAGE=s3): every
file is copied through this machine.
"""

import hashlib
import json
import os
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore are the tools for the job
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection

MANIFEST = "manifest.json"
MEDIA_FOLDER = "media"  # the top folder inside media.tar.gz


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


def stored_files(storage=None, folder=""):
    """Every file name in the media storage, folder by folder, sorted."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # MEDIA_ROOT not created yet
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def file_checksums(storage=None):
    """SHA-256 of every stored file, by name (what a restore must give back)."""
    storage = storage or default_storage
    checksums = {}
    for name in stored_files(storage):
        digest = hashlib.sha256()
        with storage.open(name, "rb") as handle:
            for chunk in handle.chunks():
                digest.update(chunk)
        checksums[name] = digest.hexdigest()
    return checksums


def backup_media(archive_path, storage=None):
    """Copy every stored file into a tar.gz; returns their checksums."""
    storage = storage or default_storage
    checksums = {}
    with tarfile.open(archive_path, "w:gz") as archive:
        for name in stored_files(storage):
            digest = hashlib.sha256()
            # Through a local temporary file: a tar entry needs its size first, and a
            # remote file is read once.
            with storage.open(name, "rb") as handle, tempfile.TemporaryFile() as copy:
                for chunk in handle.chunks():
                    digest.update(chunk)
                    copy.write(chunk)
                info = tarfile.TarInfo(f"{MEDIA_FOLDER}/{name}")
                info.size = copy.tell()
                copy.seek(0)
                archive.addfile(info, copy)
            checksums[name] = digest.hexdigest()
    return checksums


def restore_media(archive_path, storage=None):
    """Replace every stored file with the files of a tar.gz made by backup_media."""
    storage = storage or default_storage
    for name in list(stored_files(storage)):
        storage.delete(name)
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            path = PurePosixPath(member.name)
            if not member.isfile() or path.parts[:1] != (MEDIA_FOLDER,):
                continue
            name = path.relative_to(MEDIA_FOLDER).as_posix()
            if ".." in path.parts or path.is_absolute():
                raise ValueError(f"Unsafe name in the backup: {member.name}")
            saved = storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise ValueError(f"{name} was restored as {saved}")


def backup(target):
    """Write a backup of the default database and the media into folder `target`."""
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
    manifest = {
        "vendor": connection.vendor,
        "rows": row_counts(),
        "media": backup_media(target / "media.tar.gz"),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore(source):
    """Replace the default database's content and the media with backup `source`."""
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
    restore_media(source / "media.tar.gz")
    return manifest


def verify(manifest):
    """Differences between a backup's manifest and the live database and files."""
    problems = []
    rows = row_counts()
    for table, count in manifest["rows"].items():
        if rows.get(table) != count:
            problems.append(f"{table}: {rows.get(table)} rows, backup had {count}")
    if file_checksums() != manifest["media"]:
        problems.append("media files differ from the backup")
    return problems
