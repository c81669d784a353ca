from django.urls import path

from kiosque.search import views

urlpatterns = [path("", views.search, name="kiosque_search")]
