"""One exception tree for everything the orchestrator refuses or cannot do.

    OrchestratorError
    ├── ConfigError            bad configuration value (argument or environment)
    │   ├── PolicyInvalid      policy YAML that does not validate (names key and line)
    │   └── KnowledgeBaseError a knowledge base that is unknown, unreadable, or a document file it cannot take
    ├── InputError             a question the pipeline will not take (empty, too long)
    ├── PackInvalid            a fixture pack that is missing, malformed, or lacks a field
    ├── ModelError             the language model cannot be used
    │   ├── ModelMissing       no model file / model assets not installed
    │   ├── ModelHashMismatch  assembled model file fails its sha256 check
    │   └── ModelCallFailed    a call to the model (in process or over HTTP) failed
    ├── ModelUnavailable       the model configured cannot be used at all (a file llama.cpp cannot
    │                          load, a server nothing listens at): the run stops, where a failed
    │                          call only leaves the rules' answer or abstention
    └── TraceError             the trace store cannot be read or written
        └── TraceNotFound      no trace with that id

Failures of a single source (timeout, 404, not recorded) are *not* exceptions: they are
data on a failed Evidence item. Library errors are translated at the boundary with
``raise X(...) from exc``; the CLI prints ``str(error)`` as one line and exits non-zero.
"""


class OrchestratorError(Exception):
    """Root of every error the orchestrator raises on purpose."""

    exit_code = 1


class ConfigError(OrchestratorError):
    exit_code = 2


class PolicyInvalid(ConfigError):
    pass


class KnowledgeBaseError(ConfigError):
    pass


class InputError(OrchestratorError):
    exit_code = 2


class PackInvalid(OrchestratorError):
    exit_code = 2


class ModelError(OrchestratorError):
    exit_code = 3


class ModelMissing(ModelError):
    pass


class ModelHashMismatch(ModelError):
    pass


class ModelCallFailed(ModelError):
    pass


class ModelUnavailable(OrchestratorError):
    """Not a ModelError, which a node catches to go on without the model's help: a
    model that cannot be used at all is the configuration's fault, said once, not a
    warning on an answer."""

    exit_code = 3


class TraceError(OrchestratorError):
    exit_code = 4


class TraceNotFound(TraceError):
    pass


class NothingRecorded(OrchestratorError):
    """``record`` reached no source: an empty pack would replay as a clean abstention."""
