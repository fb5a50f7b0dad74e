"""gunicorn settings for production: `make serve` (or gunicorn -c gunicorn.conf.py).

Sync workers, one per CPU core: PERFORMANCE.md measured more workers than cores, and
ASGI, as slower for these pages.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
preload_app = True
timeout = 30
graceful_timeout = 20
max_requests = 10000
max_requests_jitter = 1000
accesslog = os.environ.get("ACCESS_LOG") or None
errorlog = "-"
wsgi_app = "config.wsgi:application"
