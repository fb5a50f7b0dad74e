"""Media on S3-compatible object storage (MEDIA_STORAGE=s3), against moto's server.

A real HTTP S3 endpoint on 127.0.0.1, started once per run: uploads go through the
admin as an editor makes them, and downloads through the site's own views, which must
read the files through the storage API (a bucket has no `.path`).
"""

import hashlib
import io
import re
import socket
import subprocess  # noqa: S404 - starts moto's S3 server on 127.0.0.1
import sys
import time
import uuid

import boto3
import pytest
import requests
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from storages.backends.s3 import S3Storage

from articles.models import Article, Galley
from articles.workflow import Role
from ops.backup import backup_media, file_checksums, restore_media
from tests.admin_forms import admin_form_data
from tests.builders import MINIMAL_PDF, add_galley, make_article, make_issue

pytestmark = [pytest.mark.backend_independent, pytest.mark.django_db]

CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
REGION = "us-east-1"
PDF = MINIMAL_PDF + b"%" + b"x" * 70_000 + b"\n"  # bigger than one read block


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's standalone S3 server on a free local port, for the whole run."""
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(f"{endpoint}/moto-api/", timeout=1)
                break
            except requests.ConnectionError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("moto's S3 server did not start") from None
                time.sleep(0.2)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A fresh private bucket, and the site's media storage pointed at it."""
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name=REGION, **CREDENTIALS
    )
    name = f"journal-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "location": "media",
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    return client, name


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (3, 2), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def _editor():
    user = User.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name=Role.MANAGING_EDITOR))
    client = Client()
    client.force_login(user)
    return client


def change_url(obj):
    name = f"admin:articles_{obj._meta.model_name}_change"
    return "/en" + reverse(name, args=[obj.pk])[3:]


def _objects(client, bucket_name):
    listing = client.list_objects_v2(Bucket=bucket_name)
    return {
        item["Key"]: client.get_object(Bucket=bucket_name, Key=item["Key"])[
            "Body"
        ].read()
        for item in listing.get("Contents", [])
    }


def _upload_galley(client, article, name, content):
    data = admin_form_data(client.get(change_url(article)))
    data.update(
        {
            "galleys-TOTAL_FORMS": "1",
            "galleys-0-language": "en",
            "galleys-0-file": SimpleUploadedFile(name, content, "application/pdf"),
        }
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.context["errors"]


def test_uploads_land_in_the_bucket_and_readers_get_them_through_the_site(
    bucket, client, settings
):
    s3, bucket_name = bucket
    issue = make_issue()
    published = make_article(issue=issue)
    draft = make_article(issue=None, status=Article.Status.DRAFT, published_at=None)
    editor = _editor()
    _upload_galley(editor, published, "Статья.pdf", PDF)
    _upload_galley(editor, draft, "draft.pdf", MINIMAL_PDF)
    data = admin_form_data(editor.get(change_url(issue)))
    data["cover"] = SimpleUploadedFile("cover.png", _png(), "image/png")
    assert editor.post(change_url(issue), data).status_code == 302

    stored = _objects(s3, bucket_name)
    hex32 = "[0-9a-f]{32}"
    assert sorted(re.sub(hex32, "UUID", key) for key in stored) == [
        "media/covers/UUID.png",
        "media/galleys/UUID.pdf",
        "media/galleys/UUID.pdf",
    ]
    galley = Galley.objects.get(article=published)
    assert stored[f"media/{galley.file.name}"] == PDF
    # Private: nobody but the bucket's owner may read an object directly.
    grants = s3.get_object_acl(Bucket=bucket_name, Key=f"media/{galley.file.name}")
    assert [g["Permission"] for g in grants["Grants"]] == ["FULL_CONTROL"]
    assert "URI" not in grants["Grants"][0]["Grantee"]
    assert not settings.MEDIA_ROOT.exists()  # nothing went to the local disk

    response = client.get(f"/en/articles/{published.slug}/pdf/en/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(PDF))
    assert f'filename="{published.slug}-en.pdf"' in response["Content-Disposition"]

    cover = client.get(f"/en/issues/{issue.slug}/cover/")
    assert cover.status_code == 200
    assert b"".join(cover.streaming_content) == _png()
    assert cover["Content-Type"] == "image/png"

    assert client.get(f"/en/articles/{draft.slug}/pdf/en/").status_code == 404
    preview = editor.get(f"/en/articles/{draft.slug}/pdf/en/")
    assert b"".join(preview.streaming_content) == MINIMAL_PDF
    assert "private" in preview["Cache-Control"]


def test_a_file_missing_from_the_bucket_is_a_404_not_a_server_error(bucket, client):
    s3, bucket_name = bucket
    article = make_article()
    editor = _editor()
    _upload_galley(editor, article, "paper.pdf", MINIMAL_PDF)
    (key,) = _objects(s3, bucket_name)
    s3.delete_object(Bucket=bucket_name, Key=key)
    assert client.get(f"/en/articles/{article.slug}/pdf/en/").status_code == 404


def test_saving_an_article_does_not_download_its_stored_pdfs(bucket, monkeypatch):
    article = make_article()
    editor = _editor()
    _upload_galley(editor, article, "paper.pdf", PDF)
    opened = []
    original = S3Storage._open

    def counting_open(storage, name, mode="rb"):
        opened.append(name)
        return original(storage, name, mode)

    monkeypatch.setattr(S3Storage, "_open", counting_open)
    data = admin_form_data(editor.get(change_url(article)))
    data["title_en"] = "A new title"
    assert editor.post(change_url(article), data).status_code == 302
    assert Article.objects.get(pk=article.pk).title_en == "A new title"
    assert opened == []  # it was checked as a PDF when it was uploaded


def test_media_backup_and_restore_work_with_the_bucket(bucket, client, tmp_path):
    s3, bucket_name = bucket
    article = make_article()
    galley = add_galley(article, "en", name="paper.pdf", content=PDF)
    saved = backup_media(tmp_path / "media.tar.gz")
    assert saved == {galley.file.name: hashlib.sha256(PDF).hexdigest()}

    s3.delete_object(Bucket=bucket_name, Key=f"media/{galley.file.name}")
    s3.put_object(Bucket=bucket_name, Key="media/galleys/stray.pdf", Body=b"%PDF-")
    restore_media(tmp_path / "media.tar.gz")

    assert file_checksums() == saved
    assert list(_objects(s3, bucket_name)) == [f"media/{galley.file.name}"]
    response = client.get(f"/en/articles/{article.slug}/pdf/en/")
    assert b"".join(response.streaming_content) == PDF
