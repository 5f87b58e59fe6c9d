# qabot image (CPU). Not built on the development machine (it has no Docker engine); see README.
FROM python:3.11-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc make && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot bot
COPY index index
COPY prompts prompts
COPY data data
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
 && pip install --no-cache-dir . \
 && python -m index.engine
ENV QABOT_STORE=/data/store QABOT_FEEDBACK_DB=/data/feedback.sqlite3
EXPOSE 3000
CMD ["qabot", "slack", "--port", "3000"]
