from django.urls import path

from heartbeat.benefits import views

app_name = "benefits"

urlpatterns = [
    path("benefits/", views.register, name="register"),
    path("benefits/economics/", views.economics, name="economics"),
    path("benefits/settings/", views.settings_page, name="settings"),
    path("benefits/<int:pk>/", views.benefit_detail, name="benefit_detail"),
    path("benefits/<int:pk>/edit/", views.benefit_edit, name="benefit_edit"),
    path("benefits/<int:pk>/report/", views.measurement_create, name="measurement_create"),
    path("benefits/reports/<int:pk>/edit/", views.measurement_edit, name="measurement_edit"),
    path("benefits/projects/<slug:slug>/", views.project_benefits, name="project_benefits"),
    path("benefits/projects/<slug:slug>/new/", views.benefit_create, name="benefit_create"),
    path(
        "benefits/projects/<slug:slug>/from-definition/",
        views.benefits_from_definition,
        name="from_definition",
    ),
    path("benefits/projects/<slug:slug>/costs/new/", views.cost_create, name="cost_create"),
    path("benefits/costs/<int:pk>/edit/", views.cost_edit, name="cost_edit"),
    path("benefits/costs/<int:pk>/remove/", views.cost_delete, name="cost_delete"),
    path("benefits/councils/mine/", views.my_value_statement, name="my_value_statement"),
    path("benefits/councils/<slug:slug>/", views.value_statement, name="value_statement"),
    path(
        "benefits/councils/<slug:slug>/value-statement.pdf",
        views.value_statement_pdf,
        name="value_statement_pdf",
    ),
    path(
        "benefits/councils/<slug:slug>/value-statement.xlsx",
        views.value_statement_xlsx,
        name="value_statement_xlsx",
    ),
]
