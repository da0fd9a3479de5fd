"""The web layer: FastAPI app (pages and REST API), templates, static assets and the static report."""
