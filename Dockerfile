# The dashboard in one image: data baked in, no network needed at run time.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VENV=/opt/venv PORT=8501
RUN useradd --create-home --uid 10001 dashboard
WORKDIR /app
COPY --chown=dashboard:dashboard . /app
RUN scripts/deploy install && rm -rf /root/.cache
# The user folder, owned by the app's user: a volume mounted here (compose.yaml) starts with this owner.
RUN install -d -o dashboard -g dashboard /app/user-data
USER dashboard
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD python scripts/healthcheck.py
CMD ["scripts/deploy", "start"]
