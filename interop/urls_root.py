"""Outputs without a language prefix: OAI-PMH, sitemaps, robots.txt."""

from django.urls import path

from . import oai, sitemaps

urlpatterns = [
    path("oai/", oai.endpoint, name="oai"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemaps.sitemap_index,
        {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemaps.sitemap_section,
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap_section",
    ),
]
