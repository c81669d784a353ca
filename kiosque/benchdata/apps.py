from django.apps import AppConfig


class BenchDataConfig(AppConfig):
    name = "kiosque.benchdata"
    label = "benchdata"
    verbose_name = "Bench data"
