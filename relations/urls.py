from django.urls import path

from . import views

app_name = "relations"

urlpatterns = [
    path("", views.RelationsHomeView.as_view(), name="home"),
    path("timeline/", views.TimelineView.as_view(), name="timeline"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
    path("agreements/", views.AgreementListView.as_view(), name="agreements"),
    path(
        "agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement"
    ),
    path("domains/<slug:slug>/", views.DomainDetailView.as_view(), name="domain"),
    path(
        "organizations/<slug:slug>/",
        views.OrganizationDetailView.as_view(),
        name="organization",
    ),
    path("countries/<slug:a>/<slug:b>/", views.CountryPairView.as_view(), name="pair"),
    path(
        "indicators/<slug:slug>/", views.IndicatorDetailView.as_view(), name="indicator"
    ),
]
