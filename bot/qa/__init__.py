"""The question pipeline: build the query, retrieve, answer (extractive or LLM), cite."""
