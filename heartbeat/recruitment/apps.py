from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "heartbeat.recruitment"
    label = "recruitment"
    verbose_name = "Recruitment"
