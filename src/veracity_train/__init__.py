"""Training and evaluation for veracity: the trainers behind ``veracity train ...``, the
evaluation harnesses behind ``veracity eval ...``, and the data readers and caches they share.

A package beside the runtime one (``veracity``): it imports ``veracity``, never the other way
round (``tests/core/test_imports.py``). The runtime CLI loads it by name when a ``train`` or
``eval`` command runs (``veracity/cli/training.py``). The trainers that fine-tune MiniLM need
the ``train`` extra (torch, onnx): ``pip install 'veracity[train]'``.

- ``minilm``: the one MiniLM fine-tuning module (model, weights, tokenizer, seeding, schedule,
  ONNX export and int8 quantisation) used by every network trainer;
- ``metrics``: F1, average precision, calibration, shared by the trainers and reports;
- ``paths``: the shared data root (``../shared`` or ``$VERACITY_SHARED``) and the cache root;
- ``attribution/``, ``checkworthy/``, ``verify/``, ``corroborate/``: one folder per runtime
  area, holding its trainers, reports, datasets and evaluation code.

Artefacts are written into the runtime package's ``models/`` directory, found through the
runtime modules that load them (``veracity.claims.checkworthy.MODEL_DIR`` and the like).
"""
