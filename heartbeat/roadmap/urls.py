from django.urls import path

from heartbeat.roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("roadmap/", views.roadmap, name="roadmap"),
    path("roadmap/roadmap.ics", views.calendar, name="calendar"),
    path("roadmap/changes/", views.changes, name="changes"),
    path("roadmap/adoption/", views.adoption, name="adoption"),
    path("roadmap/products/<slug:slug>/", views.product_detail, name="product_detail"),
    path("roadmap/products/<slug:slug>/edit/", views.product_edit, name="product_edit"),
    path("roadmap/products/<slug:slug>/adopt/", views.product_adopt, name="product_adopt"),
    path("roadmap/adoptions/<int:pk>/edit/", views.adoption_edit, name="adoption_edit"),
    path("roadmap/adoptions/<int:pk>/remove/", views.adoption_remove, name="adoption_remove"),
    path("roadmap/projects/<slug:slug>/grow/", views.grow, name="grow"),
]
