"""``python -m orchestrator``: the ``orchestrator`` command (orchestrator/cli.py)."""

from orchestrator.cli import main

if __name__ == "__main__":
    main()
