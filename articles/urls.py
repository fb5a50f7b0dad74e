from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("issues/", views.IssueArchiveView.as_view(), name="archive"),
    path("issues/<slug:slug>/", views.IssueDetailView.as_view(), name="issue"),
    path("issues/<slug:slug>/cover/", views.issue_cover, name="issue_cover"),
    path("articles/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path(
        "articles/<slug:slug>/pdf/<str:language>/", views.galley_download, name="galley"
    ),
    path(
        "preview/articles/<int:pk>/",
        views.ArticlePreviewView.as_view(),
        name="preview_article",
    ),
    path(
        "preview/issues/<int:pk>/",
        views.IssuePreviewView.as_view(),
        name="preview_issue",
    ),
    path("keywords/", views.KeywordIndexView.as_view(), name="keywords"),
    path("keywords/<slug:slug>/", views.KeywordDetailView.as_view(), name="keyword"),
]
