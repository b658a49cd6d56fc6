"""The analyst's web app over the knowledge table (`vnpipe serve`); see pipeline.web.app.

Importing this package needs nothing beyond the core dependencies; FastAPI,
Jinja2 and uvicorn are imported when an app is created or served.
"""
