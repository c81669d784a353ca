from django.apps import AppConfig


class EdgeConfig(AppConfig):
    name = "kiosque.edge"
    verbose_name = "Edge cache"

    def ready(self):
        from kiosque.edge import signals  # noqa: F401 (connects the purge triggers)
        from kiosque.edge.site_memo import connect_forgetting

        connect_forgetting()
