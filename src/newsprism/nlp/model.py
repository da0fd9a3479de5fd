"""Load the spaCy pipeline named in the settings, once per process, never from the network."""

from __future__ import annotations

import importlib.util
from functools import lru_cache

from newsprism.config import KNOWN_MODELS, MODEL_PIP_NAMES
from newsprism.errors import ModelNotInstalled

PARAGRAPH_COMPONENT = "newsprism_paragraphs"


def _register_paragraph_splitter() -> None:
    """Register a component that starts a sentence after every line break.

    News text puts one paragraph on a line; a headline or lede without a final full stop must
    not run into the next paragraph's first sentence.
    """
    from spacy.language import Language

    if PARAGRAPH_COMPONENT in Language.factories:
        return

    @Language.component(PARAGRAPH_COMPONENT)
    def split_paragraphs(doc):
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws and not token.is_space:
                token.is_sent_start = True
        return doc


def install_hint(name: str) -> str:
    """Return the one line that tells a user how to install model ``name``."""
    pip_name = MODEL_PIP_NAMES.get(name, name.replace("_", "-"))
    return f"spaCy model {name!r} is not installed: run `pip install {pip_name}` (newsprism never downloads models at run time)"


def installed_models() -> list[str]:
    """Return the known English model packages that are installed here."""
    return [name for name in KNOWN_MODELS if importlib.util.find_spec(name) is not None]


@lru_cache(maxsize=4)
def load_model(name: str, components: tuple[str, ...] | None = None):  # -> spacy.Language
    """Return the spaCy pipeline ``name`` with only ``components`` enabled.

    Raises ModelNotInstalled with an install hint when the package is missing.
    """
    import spacy

    if importlib.util.find_spec(name) is None:
        raise ModelNotInstalled(install_hint(name))
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # a package that exists but carries no usable pipeline
        raise ModelNotInstalled(f"spaCy model {name!r} is installed but does not load: {exc}") from None
    if components is not None:
        unused = [pipe for pipe in nlp.pipe_names if pipe not in components]
        for pipe in unused:
            nlp.disable_pipe(pipe)
    _register_paragraph_splitter()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    # Long articles are cut by the reader; this only guards against a pathological single text.
    nlp.max_length = 2_000_000
    return nlp
