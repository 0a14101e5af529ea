"""The REST API (FastAPI): `create_app(settings)` builds it, with the dashboard."""

from hudna.api.app import create_app

__all__ = ["create_app"]
