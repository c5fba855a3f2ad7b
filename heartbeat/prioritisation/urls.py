app_name = "prioritisation"

urlpatterns: list = []
