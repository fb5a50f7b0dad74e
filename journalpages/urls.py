from django.urls import path

from . import views

app_name = "journalpages"

urlpatterns = [
    path("journal/<slug:slug>/", views.PageView.as_view(), name="page"),
    path("preview/pages/<int:pk>/", views.PagePreviewView.as_view(), name="preview"),
]
