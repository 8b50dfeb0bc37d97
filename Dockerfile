# tracker: the service image. Build with `docker compose build`; see docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY tracker ./tracker
COPY storage ./storage
COPY seeds ./seeds
RUN pip install . && useradd --create-home tracker
USER tracker
ENTRYPOINT ["tracker"]
CMD ["run"]
