"""The Gradio chat UI (`assistant ui`); see ui/README.md."""

# Before any ui module imports gradio: the offline switches are read when gradio and huggingface_hub load.
from assistant import offline as _offline  # noqa: F401
