"""The web app over a corpus store: ``create_app(db_path)``; ``newsgraph serve`` runs it."""

from newsgraph.web.app import create_app

__all__ = ["create_app"]
