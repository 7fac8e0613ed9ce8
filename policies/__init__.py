"""Source policies (default, finance, health) and deployment profiles (profiles/), shipped
inside the distribution as package data and read through importlib.resources."""
