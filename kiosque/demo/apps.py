from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kiosque.demo"
    label = "demo"
    verbose_name = "Demo content"
